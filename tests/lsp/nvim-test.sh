#!/bin/sh
# Neovim's built-in LSP client, headless, against `carenet lsp` (tests/lsp/nvim-test.lua).
# Usage: tests/lsp/nvim-test.sh CARENET
set -u
export LANGUAGE=en   # carenet in English, whatever the developer's language (src/i18n.c)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v nvim >/dev/null; then echo "nvim: 0 passed, 1 failed (no nvim: apt-get install neovim)"; exit 1; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/nvim.care" "$tmp/plan.care"
# nvim keeps the server's standard error in $XDG_CACHE_HOME/nvim/lsp.log (0.7) or
# $XDG_STATE_HOME/nvim/lsp.log (0.8 and later): keep both here, and show them on failure
export XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"
export CARE_LSP_CMD="$bin lsp" SOURCE_DATE_EPOCH=1767139200
unset CARENET_PATH
# -n: no swap file; the outer timeout ends a run that a Lua error left waiting
timeout 60 nvim --headless --clean -n -u "$here/nvim-test.lua" "$tmp/plan.care" </dev/null
status=$?
[ $status -eq 124 ] && echo "FAIL nvim timed out" && echo "nvim: 0 passed, 1 failed"
if [ $status -ne 0 ]; then
	for log in "$tmp"/cache/nvim/lsp.log "$tmp"/state/nvim/lsp.log; do
		[ -f "$log" ] && { echo "--- $log"; tail -40 "$log"; }
	done
fi
exit $status
