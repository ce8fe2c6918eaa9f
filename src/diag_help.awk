# diag_help.awk — docs/diagnostics.md to C: for each "## CODE title"
# section, its anchor and the Markdown of its "**What it means.**" and
# "**Fix.**" paragraphs, for the rules of the SARIF output (report_sarif.c),
# and its title and every line of the section, for `carenet explain`
# (explain.c).  A paragraph that ends with ':' takes the list or code block
# after it.  Headings inside code blocks (a plan's comments) are text.
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

# A section's lines, as an array of its own (one literal per line: no
# string longer than C11 promises), trailing empty lines left out; its
# table entry is kept for the end.
function flush(    i, last) {
	if (code != "") {
		last = nlines
		while (last > 0 && lines[last] == "")
			last--
		printf "static const char *const text_%s[] = {\n", code
		for (i = 1; i <= last; i++)
			printf "\t%s,\n", cstring(lines[i])
		printf "\tNULL\n};\n\n"
		entries = entries sprintf("\t{ \"%s\", \"%s\",\n\t  %s,\n\t  %s,\n\t  %s, text_%s },\n",
					  code, slug, cstring(what), cstring(fix), cstring(title), code)
	}
	code = ""
	nlines = 0
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
	reading = ""
	infence = 0
}

# Every line of a section, for explain; fences tracked so that a plan's
# comment in a code block is not taken for a heading.
{
	heading = !infence && /^##? /
	if (/^```/)
		infence = !infence
	if (code != "" && !heading)
		lines[++nlines] = $0
}

heading && /^## [EW][0-9][0-9][0-9] / {
	if (reading == "fix") fix = text
	flush()
	code = $2
	title = substr($0, 5 + length(code))
	slug = anchor(substr($0, 4))
	what = fix = ""
	reading = ""
	next
}

heading && /^# / { if (reading == "fix") fix = text; reading = ""; flush(); next }

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
	print "const DiagHelp diag_help_table[] = {"
	printf "%s", entries
	print "};"
	print ""
	print "const size_t diag_help_count = sizeof diag_help_table / sizeof diag_help_table[0];"
}
