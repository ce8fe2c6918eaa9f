/*
 * lsp_features.c — the requests about a document: each reads its params,
 * asks the document's last run (carenet.h), and builds the LSP result.
 */
#include "lsp.h"

#include <string.h>

#include "i18n.h"
#include "mem.h"

/* The document and position of a TextDocumentPositionParams. */
static LspDoc *doc_at(json_t *params, CarenetPosition *at, const char **error)
{
	LspDoc *doc = lsp_docs_find(params);
	if (!lsp_docs_read_position(json_object_get(params, "position"), at)) {
		*error = _("params need a position {line, character}");
		return NULL;
	}
	if (!doc)
		return NULL; /* not open: nothing to say (null), not an error */
	return doc;
}

json_t *lsp_features_definition(json_t *params, int *code, const char **error)
{
	(void)code;
	CarenetPosition at;
	CarenetRange where;
	LspDoc *doc = doc_at(params, &at, error);
	if (!doc || !carenet_definition(doc->run, doc->key, at, &where))
		return json_null();
	json_t *location = lsp_docs_location(where);
	return location ? location : json_null();
}

static bool same_range(CarenetRange a, CarenetRange b)
{
	return strcmp(a.path, b.path) == 0 && a.start.line == b.start.line && a.start.column == b.start.column &&
	       a.end.line == b.end.line && a.end.column == b.end.column;
}

/* From every open document's run that read this file: a name in another
   open plan that imports it is found too. */
json_t *lsp_features_references(json_t *params, int *code, const char **error)
{
	(void)code;
	CarenetPosition at;
	LspDoc *doc = doc_at(params, &at, error);
	if (!doc)
		return json_null();
	int with_decl = 0;
	json_unpack(params, "{s?{s?b}}", "context", "includeDeclaration", &with_decl);
	Vec found = { 0 };
	LspDoc **docs;
	size_t count = lsp_docs_all(&docs);
	for (size_t i = 0; i < count; i++) {
		LspDoc *other = docs[i];
		if (other != doc && (other->dirty || !other->run || !carenet_reads(other->run, doc->key)))
			continue;
		const CarenetRange *refs;
		size_t n = carenet_references(other->run, doc->key, at, with_decl, &refs);
		for (size_t k = 0; k < n; k++) {
			bool seen = false;
			for (size_t j = 0; j < found.len && !seen; j++)
				seen = same_range(*(CarenetRange *)found.items[j], refs[k]);
			if (!seen && refs[k].path)
				vec_push(&found, (void *)&refs[k]);
		}
	}
	json_t *list = json_array();
	for (size_t i = 0; i < found.len; i++)
		json_array_append_new(list, lsp_docs_location(*(CarenetRange *)found.items[i]));
	return list;
}

json_t *lsp_features_hover(json_t *params, int *code, const char **error)
{
	(void)code;
	CarenetPosition at;
	CarenetRange range;
	LspDoc *doc = doc_at(params, &at, error);
	const char *text = doc ? carenet_hover(doc->run, doc->key, at, &range) : NULL;
	if (!text)
		return json_null();
	return json_pack("{s:{s:s, s:o}, s:o}", "contents", "kind", "markdown", "value", lsp_string(text), "range",
			 lsp_docs_range(range));
}

/* CompletionItemKind */
static int item_kind(const CarenetCompletion *c)
{
	static const struct {
		const char *keyword;
		int kind;
	} by_keyword[] = {
		{ "let", 6 }, { "municipality", 9 }, { "area", 9 }, { "actor", 7 }, { "need", 23 }, { "action", 3 },
		{ "body", 22 }, { "kind", 25 }, { "capability", 8 }, { "block", 19 }, { "group", 21 }, { "plan", 17 },
	};
	switch (c->kind) {
	case CARENET_ITEM_KEYWORD: return 14;
	case CARENET_ITEM_PROPERTY: return 10;
	case CARENET_ITEM_WORD: return 20;
	case CARENET_ITEM_MODULE: return 9;
	case CARENET_ITEM_NAME: break;
	}
	for (size_t i = 0; c->keyword && i < sizeof by_keyword / sizeof by_keyword[0]; i++)
		if (strcmp(by_keyword[i].keyword, c->keyword) == 0)
			return by_keyword[i].kind;
	return 18;
}

json_t *lsp_features_completion(json_t *params, int *code, const char **error)
{
	(void)code;
	CarenetPosition at;
	LspDoc *doc = doc_at(params, &at, error);
	json_t *items = json_array();
	const CarenetCompletion *all;
	size_t n = doc ? carenet_complete(doc->run, doc->key, at, &all) : 0;
	for (size_t i = 0; i < n; i++) {
		json_t *item = json_pack("{s:o, s:i}", "label", lsp_string(all[i].label), "kind",
					 (json_int_t)item_kind(&all[i]));
		if (all[i].detail)
			json_object_set_new(item, "detail", lsp_string(all[i].detail));
		if (all[i].insert && strcmp(all[i].insert, all[i].label) != 0)
			json_object_set_new(item, "insertText", lsp_string(all[i].insert));
		json_array_append_new(items, item);
	}
	return json_pack("{s:b, s:o}", "isIncomplete", 0, "items", items);
}

/* SymbolKind */
static int symbol_kind(const char *keyword)
{
	static const struct {
		const char *keyword;
		int kind;
	} kinds[] = {
		{ "plan", 3 }, { "municipality", 2 }, { "area", 2 }, { "body", 23 }, { "kind", 26 },
		{ "capability", 11 }, { "block", 10 }, { "group", 18 }, { "actor", 5 }, { "need", 24 },
		{ "action", 12 }, { "signal", 25 }, { "answer", 6 }, { "let", 13 }, { "indicator", 16 },
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].keyword, keyword) == 0)
			return kinds[i].kind;
	return 19;
}

static json_t *symbol_json(const CarenetSymbol *s)
{
	json_t *sym = json_pack("{s:o, s:i, s:o, s:o}", "name", lsp_string(s->name), "kind",
				(json_int_t)symbol_kind(s->keyword), "range", lsp_docs_range(s->range),
				"selectionRange", lsp_docs_range(s->name_range));
	json_object_set_new(sym, "detail", lsp_string(s->detail ? s->detail : s->keyword));
	if (s->child_count) {
		json_t *children = json_array();
		for (size_t i = 0; i < s->child_count; i++)
			json_array_append_new(children, symbol_json(&s->children[i]));
		json_object_set_new(sym, "children", children);
	}
	return sym;
}

json_t *lsp_features_symbols(json_t *params, int *code, const char **error)
{
	(void)code;
	(void)error;
	LspDoc *doc = lsp_docs_find(params);
	json_t *list = json_array();
	const CarenetSymbol *symbols;
	size_t n = doc ? carenet_symbols(doc->run, doc->key, &symbols) : 0;
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, symbol_json(&symbols[i]));
	return list;
}

/* One edit that replaces the whole text, or none when it is laid out already. */
json_t *lsp_features_formatting(json_t *params, int *code, const char **error)
{
	LspDoc *doc = lsp_docs_find(params);
	if (!doc)
		return json_null();
	StrBuf out = { 0 };
	buf_init(&out);
	if (carenet_format_text(doc->key, doc->text, doc->len, &out, NULL) != FORMATTED) {
		*code = LSP_REQUEST_FAILED;
		*error = _("the plan does not parse, so it is not formatted: see its errors");
		return NULL;
	}
	if (out.len == doc->len && memcmp(out.data, doc->text, out.len) == 0)
		return json_array();
	CarenetRange all = { doc->key, { 0, 0 }, carenet_text_position(doc->text, doc->len, doc->len) };
	return json_pack("[{s:o, s:s%}]", "range", lsp_docs_range(all), "newText", out.data, out.len);
}

/* A quick fix for each fix of a diagnostic in the range: what "did you
   mean" proposes, or the line a hint proposes. */
json_t *lsp_features_code_actions(json_t *params, int *code, const char **error)
{
	(void)code;
	LspDoc *doc = lsp_docs_find(params);
	json_t *range = json_object_get(params, "range");
	CarenetPosition from, to;
	if (!range || !lsp_docs_read_position(json_object_get(range, "start"), &from) ||
	    !lsp_docs_read_position(json_object_get(range, "end"), &to)) {
		*error = _("params need a range {start, end}");
		return NULL;
	}
	json_t *list = json_array();
	if (!doc)
		return list;
	const CarenetDiagnostic *diags;
	carenet_diagnostics(doc->run, &diags);
	const CarenetAction *actions;
	size_t n = carenet_code_actions(doc->run, doc->key, from, to, &actions);
	for (size_t i = 0; i < n; i++) {
		const CarenetFix *fix = actions[i].fix;
		if (!fix->where.path)
			continue;
		json_t *edit = json_pack("{s:o, s:o}", "range", lsp_docs_range(fix->where), "newText",
					 lsp_string(fix->text));
		json_t *uri = lsp_docs_uri(fix->where.path);
		json_t *by_uri = json_object();
		json_object_set_new(by_uri, json_string_value(uri), json_pack("[o]", edit));
		json_decref(uri);
		json_array_append_new(list, json_pack("{s:o, s:s, s:[o], s:b, s:{s:o}}", "title",
						      lsp_string(fix->title), "kind", "quickfix", "diagnostics",
						      lsp_docs_diagnostic(&diags[actions[i].diagnostic]),
						      "isPreferred", 1, "edit", "changes", by_uri));
	}
	return list;
}
