#!/bin/sh
# Every message in the sources has a Dutch translation in po/nl.po that is
# not fuzzy, and every translation has the same printf directives as its
# English (msgfmt -c).  The catalog is compared with a .pot made afresh from
# the sources (make po-update's xgettext), so the two never drift.
#
# Usage: tests/po-check.sh   (from the top of the tree; BUILD=build)
set -u
build=${BUILD:-build}/po
mkdir -p "$build"
flags=$(make --no-print-directory -s -p -n po-check 2>/dev/null | sed -n 's/^XGETTEXT_FLAGS := //p')
sources=$(make --no-print-directory -s -p -n po-check 2>/dev/null | sed -n 's/^PO_SOURCES := //p')
# shellcheck disable=SC2086
xgettext $flags -o "$build/carenet.pot" $sources &&
	xgettext -L C --from-code=UTF-8 --add-location=file -kX:2 -j -o "$build/carenet.pot" src/vocab.h ||
	{ echo "po-check: xgettext failed"; exit 1; }
msgmerge -q --no-fuzzy-matching -o "$build/nl.po" po/nl.po "$build/carenet.pot" || exit 1
failed=0
if ! msgfmt -c -o /dev/null po/nl.po 2> "$build/msgfmt.log"; then
	echo "po-check: po/nl.po does not compile (msgfmt -c): a translation's %-directives must match its English"
	sed 's/^/  /' "$build/msgfmt.log" | head -20
	failed=1
fi
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$build/nl.po" 2>&1)
count() { printf '%s\n' "$stats" | grep -o "[0-9]* $1" | grep -o '^[0-9]*' || echo 0; }
translated=$(count translated) fuzzy=$(count fuzzy) missing=$(count untranslated)
if [ "$missing" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
	echo "po-check: $missing message(s) without a Dutch translation, $fuzzy fuzzy:"
	{ msgattrib --untranslated --no-obsolete --no-location "$build/nl.po"
	  msgattrib --only-fuzzy --no-obsolete --no-location "$build/nl.po"; } |
		awk 'BEGIN { RS = "" } !/Project-Id-Version/ { sub(/\nmsgstr.*/, ""); sub(/^(#[^\n]*\n)*/, ""); print }' |
		sed 's/^/  /' | head -40
	echo "to fix: run 'make po-update' (it adds the new messages to po/nl.po), write each one's"
	echo "Dutch in its empty msgstr (for a fuzzy one: check the proposal, then delete its"
	echo "'#, fuzzy' line); docs/glossary.md has the words.  Then 'make po-check' again."
	failed=1
fi
if [ "$failed" -eq 0 ]; then
	echo "po-check: $translated messages, all translated to Dutch"
fi
exit "$failed"
