/*
 * decl.c — the table of declaration kinds (decl_kinds.def).
 */
#include "decl.h"

#include "i18n.h"

static const struct {
	const char *keyword;
	const char *dutch;
	const char *noun;
	DeclSyntax syntax;
} decl_kinds[DECL_KIND_COUNT] = {
#define DECL_KIND(id, keyword, dutch, noun, syntax, ns, size, props) [DECL_##id] = { keyword, dutch, noun, SYNTAX_##syntax },
#include "decl_kinds.def"
#undef DECL_KIND
};

const char *decl_kind_name(DeclKind kind)
{
	return decl_kinds[kind].keyword;
}

const char *decl_kind_dutch(DeclKind kind)
{
	return decl_kinds[kind].dutch;
}

const char *decl_kind_word(DeclKind kind)
{
	return i18n_lang() == I18N_NL ? decl_kinds[kind].dutch : decl_kinds[kind].keyword;
}

const char *decl_kind_noun(DeclKind kind)
{
	return i18n_text(decl_kinds[kind].noun); /* "an area": messages show it */
}

DeclSyntax decl_kind_syntax(DeclKind kind)
{
	return decl_kinds[kind].syntax;
}
