#!/usr/bin/env bats
# nsplit's proquest format: "Text Only" exports, records between lines of
# underscores, "Key: value" fields, "Full text:" as the body.  Fixtures are
# invented text; proquest-sample.txt is the CC0 synthetic sample from the
# shared dumps, copied unchanged.
load helper

setup() {
	cd "$FIX" || return 1
}

@test "proquest: the CC0 sample gives two records" {
	ns proquest-sample.txt
	[ "$rc" -eq 0 ]
	same_bytes proquest-sample.out "$T/out"
	no_err
}

@test "proquest: cover, 'Document N of M', body lines that look like keys, trailer" {
	ns proquest-export.txt
	[ "$rc" -eq 0 ]
	same_bytes proquest-export.out "$T/out"
	no_err
}

@test "proquest: a body line 'Note: ...' is body, 'Subject:' ends the body" {
	ns proquest-export.txt
	grep -qx 'proquest-export.1	para	2	Note: the mayor said traffic will be slow this week.' "$T/out"
	grep -qx 'proquest-export.1	meta	subject	Bridges; Public works' "$T/out"
}

@test "proquest: a Title: field that differs from the headline is kept apart" {
	ns proquest-export.txt
	grep -qx 'proquest-export.2	meta	title	Council approves budget \[FINAL Edition\]' "$T/out"
	grep -qx 'proquest-export.2	meta	title_field	Council approves budget' "$T/out"
	[ "$(grep -c '^proquest-export.1	meta	title' "$T/out")" -eq 1 ]
}

@test "proquest: -v says the count matches 'Document N of M'" {
	ns -v proquest-export.txt
	want_err "nsplit: proquest-export.txt: proquest, 3 articles" \
	    "nsplit: proquest-export.txt: found 3 of 3 announced articles"
}

@test "proquest: missing separators: a repeated field or a marker opens the next record" {
	ns proquest-noseparator.txt
	[ "$rc" -eq 0 ]
	same_bytes proquest-noseparator.out "$T/out"
	want_err "nsplit: proquest-noseparator.txt:11: a second 'Full text:' without a separator: a new record"
}

@test "proquest: asterisk separators need -f; a record with no key is kept; counts compared" {
	ns -v proquest-asterisks.txt
	want_err "nsplit: proquest-asterisks.txt: text, 1 article"
	ns -f proquest proquest-asterisks.txt
	[ "$rc" -eq 1 ]
	same_bytes proquest-asterisks.out "$T/out"
	want_err "nsplit: proquest-asterisks.txt: found 2 articles, the input announces 3"
}

@test "proquest: -f proquest on plain text: one article, and a warning" {
	ns -f proquest proquest-plain.txt
	[ "$rc" -eq 0 ]
	same_bytes proquest-plain.out "$T/out"
	want_err "nsplit: proquest-plain.txt: no ProQuest fields: each section is one article"
}

@test "proquest: detected by 'ProQuest document ID:' alone" {
	printf 'Headline\n\nFull text: Body.\n\nProQuest document ID: 42\n' >"$BATS_TEST_TMPDIR/one.txt"
	cd "$BATS_TEST_TMPDIR"
	ns one.txt
	want_bytes 'one\tdoc\tone.txt\tproquest\none\tmeta\ttitle\tHeadline\none\tmeta\tdoc_id\t42\none\tpara\t1\tBody.\n'
}

@test "proquest: state does not leak from one input into the next" {
	ns proquest-noseparator.txt proquest-sample.txt
	tail -n "$(wc -l <proquest-sample.out)" "$T/out" >"$T/second"
	same_bytes proquest-sample.out "$T/second"
}

@test "proquest: 'e-ISSN:' is a field of its own, though it starts in lower case" {
	printf '%s\n' 'A headline' 'ISSN: 1234-5678' 'e-ISSN: 8765-4321' 'Full text: The text.' \
	    'ProQuest document ID: 42' >"$BATS_TEST_TMPDIR/issn.txt"
	ns -f proquest "$BATS_TEST_TMPDIR/issn.txt"
	[ "$rc" -eq 0 ]
	want_bytes 'issn\tdoc\t%s\tproquest\nissn\tmeta\ttitle\tA headline\nissn\tmeta\tissn\t1234-5678\nissn\tmeta\te_issn\t8765-4321\nissn\tmeta\tdoc_id\t42\nissn\tpara\t1\tThe text.\n' "$BATS_TEST_TMPDIR/issn.txt"
}

@test "proquest: a row of 60 asterisks in scraped text does not make it ProQuest" {
	printf 'Harbour works begin on Monday\n\n%s\n\nThe works will last a month.\n' \
	    '************************************************************' >"$BATS_TEST_TMPDIR/stars.txt"
	ns -v "$BATS_TEST_TMPDIR/stars.txt"
	[ "$rc" -eq 0 ]
	grep -q ': text, 1 article$' "$T/err"
}
