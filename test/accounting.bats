#!/usr/bin/env bats
# The line accounting of issue 7: nothing nsplit reads is lost on the way
# through `nstrip -m`.  nstrip passes doc and meta records on, writes each
# paragraph as it came or as a junk record with its number and text, and
# the meta records it adds are copies.  What "shows up" means, then:
#
#  - a line nsplit makes a paragraph (or part of one, in wrapped text) is
#    in a para or junk row of `nsplit | nstrip -m | ntsv paras,junk`: the
#    (id, n, text) of nsplit's para records are, as a multiset, those of
#    the para and junk rows, each once;
#  - a line nsplit lifts into a meta record (an export's or a mail's
#    headers, a page's <title>) is in `ntsv meta`: nsplit's meta records
#    come out of nstrip unchanged.  The meta records nstrip adds (title,
#    subtitle, byline, date, image_credit, copyright) lift nothing out:
#    the paragraph each comes from stays, as para or junk;
#  - in scraped text each non-blank line is one paragraph, so the lines
#    are the para and junk texts, in order; in wrapped text each line is
#    part of one.

load helper

setup() {
	T=$BATS_TEST_TMPDIR
	TAB=$(printf '\t')
}

# own TOOL ARG...: run TOOL, which may exit 1 on bad input (a malformed
# record, an export whose count is off) but not crash: its standard error
# in $T/err holds its own messages only, no sanitizer report
own() {
	local tool=$1 rc=0
	"$@" 2>"$T/err" || rc=$?
	if [ "$rc" -gt 1 ] || grep -qv "^$tool: " "$T/err"; then
		echo "$*: exit $rc" >&2
		cat "$T/err" >&2
		return 1
	fi
}

# The inputs: every sample, and every fixture that is raw input to nsplit.
inputs() {
	ls "$SAMPLES"/* "$FIX"/*.txt "$FIX"/*.mbox "$FIX"/*.eml "$FIX"/*.html
}

# texts FILE: the (id, n, text) of FILE's para and junk records, sorted
# (ntsv reports the malformed lines of core-bad.ns, and leaves them out)
texts() {
	own ntsv -H paras,junk "$1" >"$T/rows"
	cut -f1,3,4 "$T/rows" | sort
}

# accounted NS STRIPPED: the para records of the stream NS are the para
# and junk records of STRIPPED, nstrip -m's output for it
accounted() {
	ntsv -H paras "$1" | sort >"$T/want"
	texts "$2" >"$T/got"
	same_bytes "$T/want" "$T/got"
}

@test "accounting: each input's paragraphs are nstrip -m's paras and junk, each once" {
	local f n=0 bad=
	while read -r f; do
		own nsplit "$f" >"$T/in.ns"
		nstrip -m "$T/in.ns" >"$T/m.ns"
		accounted "$T/in.ns" "$T/m.ns" || bad="$bad ${f##*/}"
		n=$((n + 1))
	done <<EOF
$(inputs)
EOF
	[ "$n" -gt 60 ]
	[ -z "$bad" ] || { echo "lost or added:$bad" >&2; return 1; }
}

# One run over all the inputs: nstrip judges each article among the others
# (repeated lines), and junk of every reason is accounted for.
@test "accounting: all inputs in one run, and the reasons nstrip gave" {
	own nsplit $(inputs) >"$T/in.ns"
	nstrip -m "$T/in.ns" >"$T/m.ns"
	accounted "$T/in.ns" "$T/m.ns"
	ntsv -H junk "$T/m.ns" | cut -f3 | sort -u >"$T/reasons"
	[ "$(wc -l <"$T/reasons")" -ge 15 ]
	[ "$(ntsv -H paras "$T/in.ns" | wc -l)" -gt 400 ]
}

# Streams that already hold junk records (and malformed lines, repeated
# lines, hints): the para and junk records going in are those coming out.
@test "accounting: stream fixtures keep their paragraphs through nstrip -m, and -s" {
	local f bad=
	for f in "$FIX"/*.ns; do
		own nstrip -m "$f" >"$T/m.ns"
		texts "$f" >"$T/want"
		texts "$T/m.ns" >"$T/got"
		cmp -s "$T/want" "$T/got" || bad="$bad ${f##*/}"
	done
	[ -z "$bad" ] || { echo "lost or added:$bad" >&2; return 1; }
	cat "$FIX"/*.ns >"$T/all.ns"
	own nstrip -l -s "$T/fp" "$T/all.ns"
	own nstrip -m -s "$T/fp" "$T/all.ns" >"$T/m.ns"
	grep -q "${TAB}junk${TAB}[0-9]*${TAB}repeated${TAB}" "$T/m.ns"
	texts "$T/all.ns" >"$T/want"
	texts "$T/m.ns" >"$T/got"
	same_bytes "$T/want" "$T/got"
}

@test "accounting: nsplit's meta records pass nstrip; what it adds is copied, once a key" {
	own nsplit $(inputs) >"$T/in.ns"
	nstrip -m "$T/in.ns" >"$T/m.ns"
	ntsv -H meta "$T/in.ns" | sort >"$T/meta.in"
	ntsv -H meta "$T/m.ns" | sort >"$T/meta.out"
	# nothing of nsplit's is gone or changed
	comm -23 "$T/meta.in" "$T/meta.out" >"$T/gone"
	same_bytes /dev/null "$T/gone"
	comm -13 "$T/meta.in" "$T/meta.out" >"$T/added"
	[ "$(wc -l <"$T/added")" -ge 30 ]
	ntsv -H paras,junk "$T/m.ns" | cut -f1,4 >"$T/texts"
	# each added record: a key nstrip lifts, not one the article had, once;
	# its value in one of the article's paragraphs, or an ISO 8601 date
	awk -F '\t' '
	    FILENAME == ARGV[1] { had[$1, $2] = 1; next }
	    FILENAME == ARGV[2] { text[$1] = text[$1] "\n" $2; next }
	    $2 !~ /^(title|subtitle|byline|date|image_credit|copyright)$/ { print "key:", $0; next }
	    had[$1, $2] || seen[$1, $2]++ { print "twice:", $0; next }
	    $2 == "date" && $3 !~ /^[0-9][0-9][0-9][0-9](-[0-9][0-9](-[0-9][0-9](T[0-9][0-9]:[0-9][0-9](:[0-9][0-9])?(Z|[+-][0-9][0-9]:[0-9][0-9])?)?)?)?$/ { print "date:", $0; next }
	    $2 != "date" && !index(text[$1], $3) { print "not copied:", $0 }
	' "$T/meta.in" "$T/texts" "$T/added" >"$T/bad"
	same_bytes /dev/null "$T/bad"
}

# norm FILE: the non-blank lines of raw text as nsplit reads them, escaped
# as the stream escapes them: cut at form feeds (an article break), a
# byte order mark and white space (no-break space too) off both ends.
norm() {
	awk '{
		n = split($0, piece, "\f")
		for (i = 1; i <= n; i++) {
			s = piece[i]
			sub(/^\357\273\277/, "", s)
			gsub(/\\/, "\\\\", s); gsub(/\t/, "\\t", s); gsub(/\r/, "\\r", s)
			while (sub(/^( |\\t|\\r|\v|\302\240)/, "", s)) ;
			while (sub(/( |\\t|\\r|\v|\302\240)$/, "", s)) ;
			if (s != "")
				print s
		}
	}' "$1"
}

# stream_texts FILE: the para and junk texts of nsplit FILE | nstrip -m,
# in stream order
stream_texts() {
	own nsplit "$1" >"$T/in.ns"
	own nstrip -m "$T/in.ns" >"$T/m.ns"
	own ntsv -H paras,junk "$T/m.ns" >"$T/rows"
	cut -f4 "$T/rows"
}

@test "accounting: each line of a scraped page is a para or junk text, in order" {
	local f
	for f in "$SAMPLES"/00?_*.txt "$SAMPLES"/scraped-dump.txt "$FIX"/core-scraped.txt \
	    "$FIX"/core-title.txt; do
		norm "$f" >"$T/want"
		stream_texts "$f" >"$T/got"
		same_bytes "$T/want" "$T/got"
	done
}

# Wrapped and mixed text too: each line is part of a paragraph, and the
# paragraphs come in the order of the lines.  All text inputs but those
# with bytes that are not UTF-8, which nsplit reads as Windows-1252 by
# design (it warns).
@test "accounting: each line of every text input is in a para or junk text, in order" {
	local f n=0 bad=
	for f in "$SAMPLES"/*.txt "$FIX"/*.txt; do
		own nsplit "$f" >"$T/in.ns"
		grep -q "invalid UTF-8" "$T/err" && continue
		[ "$(awk -F '\t' '$2 == "doc" && $4 != "text"' "$T/in.ns")" = "" ] || continue
		n=$((n + 1))
		nstrip -m "$T/in.ns" | ntsv -H paras,junk | cut -f4 >"$T/texts"
		norm "$f" >"$T/lines"
		awk 'NR == FNR { all = all "\n" $0; next }
		    { k = index(substr(all, pos + 1), $0)
		      if (!k) { print FILENAME ": " $0; bad = 1; next }
		      pos += k + length($0) - 1 }
		    END { exit bad }' "$T/texts" "$T/lines" >&2 || bad="$bad ${f##*/}"
	done
	[ "$n" -ge 20 ]
	[ -z "$bad" ] || { echo "not found:$bad" >&2; return 1; }
}
