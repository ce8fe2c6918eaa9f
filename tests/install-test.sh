#!/bin/sh
# `make install PREFIX=DIR` after a plain `make` gives a carenet that finds
# its standard library relative to itself (DIR/bin/../share/carenet/stdlib),
# whatever prefix it was built for, the man pages land in DIR/share/man and the
# shell completions where bash-completion and zsh look for them, the Dutch
# man pages under man/nl and the Dutch messages under share/locale.
#
# Usage: tests/install-test.sh   (from the top of the tree, after make)
set -u
export LANGUAGE=en   # carenet in English, whatever the developer's language (src/i18n.c)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else echo "FAIL: $1"; failed=$((failed + 1)); fi; }
make --no-print-directory -s install PREFIX="$tmp/prefix" >/dev/null 2>&1
check "installed" "[ -x '$tmp/prefix/bin/carenet' ] && [ -f '$tmp/prefix/share/carenet/stdlib/prelude.care' ]"
check "man pages installed" "[ -f '$tmp/prefix/share/man/man1/carenet.1' ] && [ -f '$tmp/prefix/share/man/man5/carenet.5' ]"
check "Dutch man pages and messages installed" "[ -f '$tmp/prefix/share/man/nl/man1/carenet.1' ] && [ -f '$tmp/prefix/share/man/nl/man5/carenet.5' ] && [ -f '$tmp/prefix/share/locale/nl/LC_MESSAGES/carenet.mo' ]"
check "completions installed" "[ -f '$tmp/prefix/share/bash-completion/completions/carenet' ] && [ -f '$tmp/prefix/share/zsh/vendor-completions/_carenet' ]"
# move the installation: it must not depend on where it was put either
mv "$tmp/prefix" "$tmp/moved"
cp examples/hoogstraten.care "$tmp/plan.care"
out=$(cd "$tmp" && env -u CARENET_PATH SOURCE_DATE_EPOCH=1767139200 ./moved/bin/carenet check plan.care 2>&1)
status=$?
check "installed binary finds its stdlib (exit $status: $out)" "[ $status -le 1 ] && ! echo \"\$out\" | grep -q E301"
# and its Dutch messages, without a Dutch locale on the machine
out=$(cd "$tmp" && env -u CARENET_PATH -u LC_ALL -u LANGUAGE SOURCE_DATE_EPOCH=1767139200 LANG=nl_BE.UTF-8 ./moved/bin/carenet check plan.care 2>&1)
check "installed binary finds its Dutch messages ($out)" "echo \"\$out\" | grep -q 'niet aangepakt'"
echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
