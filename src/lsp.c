/*
 * lsp.c — the language server's loop (see lsp.h): read a message, answer
 * it, and when no input is waiting, check the documents that changed.
 *
 * Checking only when the input is idle coalesces a burst of keystrokes
 * into one check of the last text; a request that needs a document's run
 * checks that document first, so answers are never about old text.
 *
 * Every message that is not what the protocol says gets an error response
 * (when it has an id to answer) or a line in the log, and the loop goes
 * on: invalid JSON is -32700, a message that is not a request or a
 * notification -32600, an unknown method -32601, bad parameters -32602, a
 * request before `initialize` -32002.
 */
#include "lsp.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "mem.h"

static struct {
	bool initialized;        /* `initialize` answered */
	bool shutdown;           /* `shutdown` answered: only `exit` now */
	bool exit;
} state;

void lsp_log(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("carenet lsp: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	fflush(stderr);
}

/* A JSON string for any bytes: invalid UTF-8 becomes U+FFFD. */
json_t *lsp_string(const char *s)
{
	if (!s)
		return json_null();
	json_t *j = json_string(s);
	if (j)
		return j;
	StrBuf b = { 0 };
	buf_init(&b);
	for (size_t i = 0; s[i];) {
		json_t *one = NULL;
		size_t n = 1;
		for (size_t k = 4; k > 0 && !one; k--) /* the longest valid character at s[i] */
			if (strnlen(s + i, k) == k && (one = json_stringn(s + i, k)))
				n = k;
		if (one) {
			buf_put(&b, s + i, n);
			json_decref(one);
		} else {
			buf_puts(&b, "\xEF\xBF\xBD");
		}
		i += n;
	}
	j = json_string(b.data);
	return j ? j : json_string("?");
}

static void send(json_t *message)
{
	if (!lsp_io_write(message)) {
		lsp_log("cannot write to the client; stopping");
		state.exit = true;
	}
	json_decref(message);
}

void lsp_notify(const char *method, json_t *params)
{
	send(json_pack("{s:s, s:s, s:o}", "jsonrpc", "2.0", "method", method, "params", params));
}

static void respond(json_t *id, json_t *result)
{
	send(json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(), "result",
		       result ? result : json_null()));
}

static void respond_error(json_t *id, int code, const char *message)
{
	send(json_pack("{s:s, s:O, s:{s:i, s:o}}", "jsonrpc", "2.0", "id", id ? id : json_null(), "error", "code",
		       code, "message", lsp_string(message)));
}

/* ---- the lifecycle ----------------------------------------------------------------------- */

static json_t *capabilities(void)
{
	return json_pack("{s:s, s:{s:b, s:i, s:{s:b}}, s:b, s:b, s:b, s:{s:[s,s]}, s:b, s:b, s:{s:[s]}}",
			 "positionEncoding", "utf-16",
			 "textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 0,
			 "definitionProvider", 1, "referencesProvider", 1, "hoverProvider", 1,
			 "completionProvider", "triggerCharacters", ".", "\"",
			 "documentSymbolProvider", 1, "documentFormattingProvider", 1,
			 "codeActionProvider", "codeActionKinds", "quickfix");
}

static json_t *initialize(json_t *params, int *code, const char **error)
{
	(void)params;
	(void)code;
	(void)error;
	state.initialized = true;
	return json_pack("{s:o, s:{s:s, s:s}}", "capabilities", capabilities(), "serverInfo", "name", "carenet",
			 "version", CARENET_VERSION);
}

static json_t *shutdown_request(json_t *params, int *code, const char **error)
{
	(void)params;
	(void)code;
	(void)error;
	state.shutdown = true;
	return json_null();
}

/* ---- dispatch ---------------------------------------------------------------------------- */

static const struct {
	const char *method;
	LspHandler handler;
} requests[] = {
	{ "initialize", initialize },
	{ "shutdown", shutdown_request },
	{ "textDocument/definition", lsp_features_definition },
	{ "textDocument/declaration", lsp_features_definition },
	{ "textDocument/references", lsp_features_references },
	{ "textDocument/hover", lsp_features_hover },
	{ "textDocument/completion", lsp_features_completion },
	{ "textDocument/documentSymbol", lsp_features_symbols },
	{ "textDocument/formatting", lsp_features_formatting },
	{ "textDocument/codeAction", lsp_features_code_actions },
};

#define REQUEST_COUNT (sizeof requests / sizeof requests[0])

static void handle_request(json_t *id, const char *method, json_t *params)
{
	size_t r = 0;
	while (r < REQUEST_COUNT && strcmp(requests[r].method, method) != 0)
		r++;
	if (r == REQUEST_COUNT) {
		respond_error(id, LSP_METHOD_NOT_FOUND, _("carenet has no such method"));
		return;
	}
	if (state.shutdown) {
		respond_error(id, LSP_INVALID_REQUEST, _("the server is shutting down"));
		return;
	}
	if (!state.initialized && strcmp(method, "initialize") != 0) {
		respond_error(id, LSP_SERVER_NOT_INITIALIZED, _("initialize comes first"));
		return;
	}
	if (state.initialized && strcmp(method, "initialize") == 0) {
		respond_error(id, LSP_INVALID_REQUEST, _("initialize was sent already"));
		return;
	}
	if (params && !json_is_object(params) && strcmp(method, "shutdown") != 0) {
		respond_error(id, LSP_INVALID_PARAMS, _("params must be an object"));
		return;
	}
	int code = LSP_INVALID_PARAMS;
	const char *error = NULL;
	json_t *result = requests[r].handler(params, &code, &error);
	if (error)
		respond_error(id, code, error);
	else
		respond(id, result);
}

static void handle_notification(const char *method, json_t *params)
{
	if (strcmp(method, "exit") == 0) {
		state.exit = true;
		return;
	}
	if (!state.initialized || state.shutdown)
		return; /* dropped, as the protocol says */
	bool has_params = params && json_is_object(params);
	if (strcmp(method, "textDocument/didOpen") == 0 && has_params)
		lsp_docs_open(params);
	else if (strcmp(method, "textDocument/didChange") == 0 && has_params)
		lsp_docs_change(params);
	else if (strcmp(method, "textDocument/didClose") == 0 && has_params)
		lsp_docs_close(params);
	else if (strcmp(method, "workspace/didChangeWatchedFiles") == 0)
		lsp_docs_touch_all();
	else if (strncmp(method, "textDocument/did", 16) == 0 && !has_params)
		lsp_log("%s without params: ignored", method);
	/* initialized, didSave (checked on every change already), $/cancelRequest
	   (answers come in order, at once), $/setTrace, anything else: nothing */
}

static bool valid_id(const json_t *id)
{
	return json_is_integer(id) || json_is_string(id);
}

static void handle_message(const char *body, size_t len)
{
	json_error_t err;
	json_t *msg = json_loadb(body, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
	if (!msg) {
		lsp_log("invalid JSON at byte %d: %s", err.position, err.text);
		respond_error(NULL, LSP_PARSE_ERROR, mem_printf(_("invalid JSON: %s"), err.text));
		return;
	}
	json_t *id = json_is_object(msg) ? json_object_get(msg, "id") : NULL;
	json_t *method = json_is_object(msg) ? json_object_get(msg, "method") : NULL;
	json_t *version = json_is_object(msg) ? json_object_get(msg, "jsonrpc") : NULL;
	if (!json_is_object(msg) || !json_is_string(version) || strcmp(json_string_value(version), "2.0") != 0 ||
	    (id && !valid_id(id) && !json_is_null(id))) {
		respond_error(valid_id(id) ? id : NULL, LSP_INVALID_REQUEST, _("not a JSON-RPC 2.0 message"));
	} else if (!method) {
		/* a response to a request of ours: the server sends none */
		if (!json_object_get(msg, "result") && !json_object_get(msg, "error"))
			respond_error(valid_id(id) ? id : NULL, LSP_INVALID_REQUEST, _("a message needs a method"));
	} else if (!json_is_string(method)) {
		respond_error(valid_id(id) ? id : NULL, LSP_INVALID_REQUEST, _("the method must be a string"));
	} else if (id && valid_id(id)) {
		handle_request(id, json_string_value(method), json_object_get(msg, "params"));
	} else if (id) {
		respond_error(NULL, LSP_INVALID_REQUEST, _("the id must be a number or a string"));
	} else {
		handle_notification(json_string_value(method), json_object_get(msg, "params"));
	}
	json_decref(msg);
}

int lsp_run(void)
{
	/* protocol messages only on standard output: keep it for them, and send
	   anything else that writes there (nothing should) to standard error */
	int out = dup(STDOUT_FILENO);
	if (out < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
		perror("carenet lsp");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	lsp_io_init(STDIN_FILENO, out);
	while (!state.exit) {
		char *body;
		size_t len;
		LspIoResult got = lsp_io_read(&body, &len);
		if (got == LSP_IO_END)
			break;
		if (got == LSP_IO_MESSAGE)
			handle_message(body, len);
		if (!state.exit && !lsp_io_pending())
			lsp_docs_check_dirty();
	}
	close(out);
	return state.shutdown ? 0 : 1;
}
