#!/bin/bash
# The shell completions (editors/bash/carenet, editors/zsh/_carenet), run
# without a terminal:
#  - bash: bash-completion's own helpers, with COMP_WORDS filled in as bash
#    would, then the sorted COMPREPLY compared;
#  - zsh: the completion function with compadd and _files standing in for
#    zsh's completion system (the words offered are what is compared);
#  - the options each command's --help lists are the ones `carenet
#    __complete` gives the completions.
#
# Usage: tests/completion-test.sh BINARY
set -u
export LANGUAGE=en   # carenet in English, whatever the developer's language (src/i18n.c)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/work/sub"
ln -s "$bin" "$tmp/bin/carenet"
export PATH="$tmp/bin:$PATH"
touch "$tmp/work/main.care" "$tmp/work/lib.care" "$tmp/work/notes.txt"
cd "$tmp/work" || exit 2
passed=0 failed=0
result() { # result WHAT GOT WANT
	if [[ $2 == "$3" ]]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: $1: got '$2', want '$3'"
	fi
}

# ---- bash -----------------------------------------------------------------
source /usr/share/bash-completion/bash_completion
source "$top/editors/bash/carenet"
t() { # t "command line, cursor at the end" "the words offered, sorted"
	local line=$1 want=$2 got
	COMP_LINE=$line COMP_POINT=${#line}
	read -ra COMP_WORDS <<<"$line"
	[[ $line == *' ' ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_carenet carenet "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | xargs)
	result "bash [$line]" "$got" "$want"
}
commands="check compare diff eval explain fmt help history init lsp signals trend"
t "carenet " "$commands"
t "carenet ch" "check"
t "carenet -" "--help --version"
t "carenet help " "$commands"
t "carenet check --format " "github json sarif text"
t "carenet eval --format " "dot html json markdown text"
t "carenet compare --format " "csv html json markdown text"
t "carenet compare --" "--as-of --color --format --help --lang --root"
t "carenet check --format=s" "sarif"
t "carenet check --color " "always auto never"
t "carenet eval --lang " "en nl"
t "carenet check --as-of " ""
t "carenet check " "lib.care main.care sub"
t "carenet check m" "main.care"
t "carenet check --werror l" "lib.care"
t "carenet fmt --" "--check --color --help --lang --write"
t "carenet signals --" "--as-of --color --format --help --lang --root"
t "carenet check -- -" ""
t "carenet diff main.care " "lib.care main.care sub"
t "carenet init hoogs" "hoogstraten"
t "carenet init --as-of 2026-03 hoogs" "hoogstraten"
t "carenet init borsb" ""
t "carenet init hoogstraten " "lib.care main.care sub"
t "carenet init hoogstraten m" "main.care"
t "carenet explain W71" "W711 W712 W713 W714"
t "carenet explain E701 W95" "W951 W952 W953 W954 W955"
complete -p carenet >/dev/null 2>&1
result "bash: complete -F _carenet carenet" "$(complete -p carenet)" "complete -F _carenet carenet"

# ---- zsh ------------------------------------------------------------------
# compadd prints what it is given (with a -P prefix), _files what it would
# look for; the function is run as zsh runs it, with words and CURRENT set.
z_words() { # z_words "command line, cursor at the end": the words offered, one a line
	zsh -f -c '
		compadd() {
			local pre=
			while [[ $1 == -* && $1 != -- ]]; do
				if [[ $1 == -P ]]; then pre=$2; shift 2; else shift; fi
			done
			[[ $1 == -- ]] && shift
			(( $# )) && print -rl -- ${pre}${^@}
		}
		_files() { print -r -- "files$*"; }
		fpath=("$1" $fpath)
		autoload -Uz _carenet
		words=(${(z)2})
		[[ $2 == *" " ]] && words+=("")
		CURRENT=${#words}
		_carenet' zsh "$top/editors/zsh" "$1"
}
z() { # z "command line, cursor at the end" "the words offered, sorted"
	local line=$1 want=$2 got
	got=$(z_words "$line" | sort | xargs)
	result "zsh [$line]" "$got" "$want"
}
if command -v zsh >/dev/null; then
	z "carenet " "$commands"
	z "carenet help " "$commands"
	z "carenet -" "--help --version"
	z "carenet check --format " "github json sarif text"
	z "carenet eval --format=" "--format=dot --format=html --format=json --format=markdown --format=text"
	z "carenet compare --format=" "--format=csv --format=html --format=json --format=markdown --format=text"
	z "carenet check --color " "always auto never"
	z "carenet check --as-of " ""
	z "carenet fmt -" "--check --color --help --lang --write"
	z "carenet check " "files-g *.care(-.)"
	z "carenet init hoogstraten " "files-g *.care(-.)"
	z "carenet init --as-of 2026-03 hoogstraten " "files-g *.care(-.)"
	result "zsh [carenet init ]" "$(z_words "carenet init " | grep -cx 'hoogstraten\|antwerpen')" "2"
	result "zsh [carenet explain E701 ]" "$(z_words "carenet explain E701 " | grep -c '^[EW][0-9]*$')" \
		"$(carenet __complete explain | grep -c '^operands ')"
	zsh -n "$top/editors/zsh/_carenet"
	result "zsh -n _carenet" "$?" "0"
else
	echo "FAIL: zsh is not installed"
	failed=$((failed + 1))
fi

# ---- the tables the completions read, against each command's --help --------
for cmd in check eval signals diff fmt init explain; do
	from_help=$(carenet "$cmd" --help | sed -n 's/^  \(--[a-z-]*\).*/\1/p' | sort | xargs)
	from_table=$(carenet __complete "$cmd" | sed -n 's/^option \([^ ]*\).*/\1/p' | sort | xargs)
	result "options of $cmd" "$from_table" "$from_help"
done

echo "completion: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
