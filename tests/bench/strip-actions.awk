# strip-actions.awk — carenet's grammar with every action emptied, for the
# parse-only floor of `make bench` (tests/bench/parse.c).  Generated from
# grammar/parser.y each time, so the floor moves with the grammar:
#   - in the rules section, every { action } is removed (braces counted,
#     quoted characters such as '{' and strings skipped);
#   - %type lines and the <tag> of each %token go, so bison does not check
#     the default action $$ = $1 against types no action fills any more.
# The prologue (%union, %code) and the epilogue (error reporting) stay: the
# token numbers and the value type are those of the real parser, so the real
# scanner feeds it.
# Usage: awk -f strip-actions.awk grammar/parser.y > parse-only.y
BEGIN { section = 0 }
/^%%/ { section++; print; next }
section == 0 && /^%type/ { next }
section == 0 && /^%token/ { gsub(/<[a-z_]+>/, ""); print; next }
section != 1 { print; next }
{
	out = ""; n = length($0)
	for (i = 1; i <= n; i++) {
		c = substr($0, i, 1)
		if (depth == 0 && substr($0, i, 2) == "/*") { # a comment on one line: copy it whole
			j = index(substr($0, i + 2), "*/")
			if (j > 0) { out = out substr($0, i, j + 3); i += j + 2; continue }
		}
		if (depth == 0 && c == "'") {            # a character token: copy it whole
			j = index(substr($0, i + 1), "'")
			out = out substr($0, i, j + 1); i += j; continue
		}
		if (depth == 0 && c == "\"") {           # a token alias string
			j = index(substr($0, i + 1), "\"")
			out = out substr($0, i, j + 1); i += j; continue
		}
		if (depth > 0 && (c == "'" || c == "\"")) { # quoted text inside an action
			j = index(substr($0, i + 1), c); i += j; continue
		}
		if (c == "{") { depth++; continue }
		if (c == "}") { depth--; continue }
		if (depth == 0) out = out c
	}
	sub(/[ \t]+$/, "", out)
	if (out != "" || depth == 0) print out
}
