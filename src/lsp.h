/*
 * lsp.h — `carenet lsp`: a Language Server Protocol server on standard
 * input and output (JSON-RPC 2.0 with Content-Length framing).
 *
 * The server does protocol, documents and JSON only; every answer comes
 * from the core through carenet.h.  Its modules:
 *
 *   lsp.c           the loop: lifecycle, dispatch, errors, logging
 *   lsp_io.c        framing: reading messages (size-capped), writing them
 *   lsp_docs.c      open documents, URIs, checks and published diagnostics
 *   lsp_features.c  definition, references, hover, completion, symbols,
 *                   formatting, code actions
 *
 * JSON is jansson's, on malloc: a message's values are built, written and
 * released within one call, and never hold a pointer to collected memory
 * (strings are copied in).  Standard output carries protocol messages
 * only; the log goes to standard error.
 */
#ifndef CARENET_LSP_H
#define CARENET_LSP_H

#include <jansson.h>
#include <stdbool.h>

#include "carenet.h"

/* The largest message read, in bytes (docs/limits.md); a larger one is
   skipped, and logged. */
#define LSP_MAX_MESSAGE_BYTES ((size_t)64 * 1024 * 1024)

/* JSON-RPC and LSP error codes. */
enum {
	LSP_PARSE_ERROR = -32700,
	LSP_INVALID_REQUEST = -32600,
	LSP_METHOD_NOT_FOUND = -32601,
	LSP_INVALID_PARAMS = -32602,
	LSP_INTERNAL_ERROR = -32603,
	LSP_SERVER_NOT_INITIALIZED = -32002,
	LSP_REQUEST_FAILED = -32803,
};

/* Serve until `exit` or the end of the input; the exit status. */
int lsp_run(void);

/* lsp.c: the log (standard error), and JSON strings from any bytes. */
void lsp_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
json_t *lsp_string(const char *s);
/* Send a notification (steals `params`). */
void lsp_notify(const char *method, json_t *params);

/* lsp_io.c */
typedef enum { LSP_IO_MESSAGE, LSP_IO_SKIPPED, LSP_IO_END } LspIoResult;
void lsp_io_init(int in_fd, int out_fd);
/* The next message's body (collected memory, `*len` bytes). */
LspIoResult lsp_io_read(char **body, size_t *len);
/* Whether a message (or part of one) is waiting to be read. */
bool lsp_io_pending(void);
/* Write one message; false when the output is gone. */
bool lsp_io_write(const json_t *message);

/* lsp_docs.c */
typedef struct LspDoc {
	const char *uri;         /* as the client wrote it */
	const char *key;         /* the file's key (carenet_file_key) */
	char *text;              /* collected memory, NUL-terminated */
	size_t len;
	json_int_t version;
	Carenet *run;            /* the last check, this document its root */
	bool dirty;              /* to be checked again */
} LspDoc;

void lsp_docs_open(json_t *params);
void lsp_docs_change(json_t *params);
void lsp_docs_close(json_t *params);
/* Every open document to be checked again (files changed on disk). */
void lsp_docs_touch_all(void);
/* Check the documents marked dirty, and publish their diagnostics. */
void lsp_docs_check_dirty(void);
/* The open document of a request's params ({"textDocument": {"uri"}}),
   checked if it was dirty; NULL when it is not open. */
LspDoc *lsp_docs_find(json_t *params);
/* Every open document, in the order they were opened. */
size_t lsp_docs_all(LspDoc ***out);
/* A URI for a file key: the open document's own URI, else a file: URI. */
json_t *lsp_docs_uri(const char *key);
json_t *lsp_docs_position(CarenetPosition p);
json_t *lsp_docs_range(CarenetRange r);
/* {"uri", "range"}; NULL when the range has no file. */
json_t *lsp_docs_location(CarenetRange r);
/* An LSP Diagnostic for one of a run's diagnostics. */
json_t *lsp_docs_diagnostic(const CarenetDiagnostic *d);
/* Read {"line", "character"} from params[name]; false when malformed. */
bool lsp_docs_read_position(json_t *position, CarenetPosition *out);

/* lsp_features.c: each answers a request with its result (a new
   reference) or NULL and *error set to a message. */
typedef json_t *(*LspHandler)(json_t *params, int *code, const char **error);
json_t *lsp_features_definition(json_t *params, int *code, const char **error);
json_t *lsp_features_references(json_t *params, int *code, const char **error);
json_t *lsp_features_hover(json_t *params, int *code, const char **error);
json_t *lsp_features_completion(json_t *params, int *code, const char **error);
json_t *lsp_features_symbols(json_t *params, int *code, const char **error);
json_t *lsp_features_formatting(json_t *params, int *code, const char **error);
json_t *lsp_features_code_actions(json_t *params, int *code, const char **error);

#endif
