#!/bin/sh
# The command line and the language server reach the core only through
# carenet.h (docs/architecture.md): the headers each of their objects was
# compiled with (the compiler's own list, OBJECT_DIR/NAME.d) are carenet.h,
# the headers of the command line itself, and the leaf helpers that carenet.h
# is written in terms of or that know nothing of a plan (memory, buffers and
# containers, messages, calendar dates).  A header of the core (model.h,
# names.h, report.h, ...) in one of them fails, naming it.
#
# Usage: tests/check-layers.sh OBJECT_DIR
set -u
dir=${1:-build/obj}
front="cli main driver fmt_command lsp lsp_io lsp_docs lsp_features"
allowed="carenet.h
cli.h driver.h fmt_command.h lsp.h init.h explain.h catalog.h
mem.h buf.h vec.h table.h pairset.h i18n.h date.h"
bad=0 total=0
for module in $front; do
	deps="$dir/$module.d"
	if [ ! -f "$deps" ]; then echo "layers: no $deps (build first)"; bad=$((bad + 1)); continue; fi
	for header in $(tr ' \\' '\n\n' < "$deps" | sed -n 's|^src/\(.*\.h\)$|\1|p' | sort -u); do
		total=$((total + 1))
		if ! printf '%s\n' $allowed | grep -qx "$header"; then
			echo "src/$module.c reaches src/$header: the command line and the server use the core through carenet.h"
			bad=$((bad + 1))
		fi
	done
done
echo "layers: $((total - bad)) passed, $bad failed"
[ "$bad" -eq 0 ]
