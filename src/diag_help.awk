# diag_help.awk — docs/diagnostics.md to C: for each "## CODE title"
# section, its anchor and the Markdown of its "**What it means.**" and
# "**Fix.**" paragraphs, for the rules of the SARIF output (report_sarif.c).
# A paragraph that ends with ':' takes the list or code block after it.
#
# Usage: awk -f src/diag_help.awk docs/diagnostics.md > build/gen/diag_help.c
# POSIX awk (Debian's mawk) only.

# A C string literal, one source line per line of text.  Character by
# character: awks differ in what a backslash means in gsub's replacement.
function cstring(s,    out, i, c) {
	out = "\""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "\\" || c == "\"" || c == "?")   # '?': no trigraphs under -std=c11
			out = out "\\" c
		else if (c == "\t")
			out = out "\\t"
		else if (c == "\n")
			out = out "\\n\"\n\t  \""
		else
			out = out c
	}
	return out "\""
}

# GitHub's heading anchors: lower case, punctuation dropped, spaces to '-'.
function anchor(s) {
	s = tolower(s)
	gsub(/[^a-z0-9 _-]/, "", s)
	gsub(/ /, "-", s)
	return s
}

function flush() {
	if (code != "")
		printf "\t{ \"%s\", \"%s\",\n\t  %s,\n\t  %s },\n", code, slug, cstring(what), cstring(fix)
	code = ""
}

# Append a line to the paragraph being read; 0 when it has ended.
function take(line) {
	if (fenced) {
		text = text "\n" line
		if (line ~ /^```/)
			fenced = 0
		return 1
	}
	if (line == "") {
		if (text ~ /:$/ && !extended) {
			extended = 1 # the list or code block the paragraph introduces
			text = text "\n"
			return 1
		}
		return 0
	}
	if (line ~ /^```/)
		fenced = 1
	text = (text == "" ? "" : text "\n") line
	return 1
}

BEGIN {
	print "/* Generated from docs/diagnostics.md by src/diag_help.awk: do not edit. */"
	print "#include \"diag_help.h\""
	print ""
	print "const DiagHelp diag_help_table[] = {"
	reading = ""
}

/^## [EW][0-9][0-9][0-9] / {
	if (reading == "fix") fix = text
	flush()
	code = $2
	slug = anchor(substr($0, 4))
	what = fix = ""
	reading = ""
	next
}

/^# / { if (reading == "fix") fix = text; reading = ""; flush(); next }

code != "" && reading == "" && /^\*\*What it means\.\*\* / {
	reading = "what"; text = ""; fenced = 0; extended = 0
	sub(/^\*\*What it means\.\*\* /, "")
	take($0)
	next
}

code != "" && reading == "" && /^\*\*Fix\.\*\* / {
	reading = "fix"; text = ""; fenced = 0; extended = 0
	sub(/^\*\*Fix\.\*\* /, "")
	take($0)
	next
}

reading != "" {
	if (!take($0)) {
		if (reading == "what") what = text
		else fix = text
		reading = ""
	}
}

END {
	if (reading == "fix") fix = text
	else if (reading == "what") what = text
	flush()
	print "};"
	print ""
	print "const size_t diag_help_count = sizeof diag_help_table / sizeof diag_help_table[0];"
}
