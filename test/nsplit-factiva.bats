#!/usr/bin/env bats
# nsplit's factiva format: articles end with "Document <AN>"; the "Article"
# layout's header is read by the shape of its lines, the indexing layout by
# its field codes.  Fixtures are invented text; factiva-sample.txt is the
# CC0 synthetic sample from the shared dumps, copied unchanged.
load helper

setup() {
	cd "$FIX" || return 1
}

@test "factiva: the CC0 sample gives two articles, time folded into the date" {
	ns factiva-sample.txt
	[ "$rc" -eq 0 ]
	same_bytes factiva-sample.out "$T/out"
	no_err
	grep -qx 'factiva-sample.1	meta	date	2020-03-02T07:15:00' "$T/out"
}

@test "factiva: Article layout: cover, section, byline, edition, page, German UI, trailer" {
	ns factiva-article.txt
	[ "$rc" -eq 0 ]
	same_bytes factiva-article.out "$T/out"
	no_err
}

@test "factiva: lines after the last terminator are the last article's trailer" {
	ns factiva-article.txt
	[ "$(grep -c '	doc	' "$T/out")" -eq 3 ]
	[ "$(grep -c '^factiva-article\.3	meta	trailer	' "$T/out")" -eq 3 ]
}

@test "factiva: indexing layout: codes with tabs, alone, one space; words in the body stay body" {
	ns factiva-coded.txt
	[ "$rc" -eq 0 ]
	same_bytes factiva-coded.out "$T/out"
	no_err
}

@test "factiva: missing terminators: every article kept, each one reported with its line" {
	ns factiva-noterm.txt
	[ "$rc" -eq 0 ]
	same_bytes factiva-noterm.out "$T/out"
	want_err "nsplit: factiva-noterm.txt:14: article without a closing 'Document' line" \
	    "nsplit: factiva-noterm.txt:37: article without a closing 'Document' line"
}

@test "factiva: indexing layout without AN: the next HD opens the next article" {
	ns factiva-codemiss.txt
	[ "$rc" -eq 0 ]
	same_bytes factiva-codemiss.out "$T/out"
	want_err "nsplit: factiva-codemiss.txt:1: article without a closing 'Document' line"
}

@test "factiva: -f factiva on text without terminators gives one article and says so" {
	ns -f factiva factiva-plain.txt
	[ "$rc" -eq 0 ]
	same_bytes factiva-plain.out "$T/out"
	want_err "nsplit: factiva-plain.txt:1: article without a closing 'Document' line"
	ns -v factiva-plain.txt
	want_err "nsplit: factiva-plain.txt: text, 1 article"
}

@test "factiva: -f factiva on an export gives what detection gives" {
	ns -f factiva factiva-article.txt
	same_bytes factiva-article.out "$T/out"
	no_err
}

@test "factiva: -v names the format and the count, and announces no count" {
	ns -v factiva-article.txt
	want_err "nsplit: factiva-article.txt: factiva, 3 articles"
}

@test "factiva: CRLF and a BOM change nothing" {
	printf '\357\273\277' >"$BATS_TEST_TMPDIR/factiva-article.txt"
	sed 's/$/\r/' factiva-article.txt >>"$BATS_TEST_TMPDIR/factiva-article.txt"
	cd "$BATS_TEST_TMPDIR"
	ns factiva-article.txt
	same_bytes "$FIX/factiva-article.out" "$T/out"
}

@test "factiva: 'Document N of M' or a short AN is no terminator" {
	printf 'Title\n\nDocument 1 of 3\nDocument 12345\n' >"$BATS_TEST_TMPDIR/t.txt"
	cd "$BATS_TEST_TMPDIR"
	ns -v t.txt
	want_err "nsplit: t.txt: text, 1 article"
}

@test "factiva: state does not leak from one input into the next" {
	ns factiva-noterm.txt factiva-sample.txt
	tail -n "$(wc -l <factiva-sample.out)" "$T/out" >"$T/second"
	same_bytes factiva-sample.out "$T/second"
}
