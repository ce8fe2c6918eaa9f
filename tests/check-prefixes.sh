#!/bin/sh
# Every name a module exports starts with its file's name: lex_ in lex.c,
# report_json_ in report_json.c.  The generated scanner and parser export
# flex's and bison's cn_ names (and the scanner lex_begin/lex_end, declared
# in lex.h); main.c exports main.
#
# Usage: tests/check-prefixes.sh OBJECT_DIR
set -u
dir=${1:-build/obj}
bad=0 total=0
for o in "$dir"/*.o; do
	module=$(basename "$o" .o)
	for name in $(nm --defined-only -g "$o" | awk '$2 ~ /^[TDBRC]$/ { print $3 }'); do
		total=$((total + 1))
		case "$module:$name" in
		"$module:${module}_"*) ;;
		lexer:cn_* | lexer:lex_begin | lexer:lex_end | parser:cn_* | main:main) ;;
		*) echo "$o exports '$name': name it ${module}_... or make it static"; bad=$((bad + 1)) ;;
		esac
	done
done
echo "prefixes: $((total - bad)) passed, $bad failed"
[ "$bad" -eq 0 ]
