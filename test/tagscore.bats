#!/usr/bin/env bats
# tagscore, the phrase scorer of `make eval-tag`, on invented CoNLL lines;
# the numbers are worked out in the comments (and are conlleval's).
load helper
bats_require_minimum_version 1.5.0

setup_file() {
	build_scorer tagscore
}

setup() {
	T=$BATS_TEST_TMPDIR
	SCORE=$BATS_FILE_TMPDIR/tagscore
}

score() { runtool "$SCORE" "$@"; }

# lines LINE...: score these lines (one per argument) with -t
lines() {
	printf '%s\n' "$@" >"$T/in"
	score -t "$T/in"
}

@test "gold IOB1 against predicted IOB2: adjacent phrases, boundaries, types" {
	# gold phrases 13: PER Marta Okafor, Lena, Ivo, Brandt, Ruiz, Perez
	# (B-PER: a second person right after the first), Vesna; LOC
	# Tallinn, Oslo, Bergen; ORG Kell Harbour Works, Nord Air; MISC
	# Ferro Cup.  Predicted 12: the PER right but "Ruiz Perez" as one
	# (6, 5 correct), Tallinn and "Kell Harbour" as ORG (2, 0), "Ferro
	# Cup final" (1, 0), Oslo, Bergen and "Nord Air" as LOC (3, 2).
	# P 7/12, R 7/13, F1 56.00.  Tokens 29: 27 and the two -DOCSTART-
	# lines (as conlleval counts); the comment is none, the "#" inside
	# a sentence is one.  Equal tags 15 (I-PER is not B-PER): 51.72%.
	# Nord Air is TAB-separated.
	score "$FIX/tagscore-mixed.conll"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$FIX/tagscore-mixed.out" "$T/out"
	score -t "$FIX/tagscore-mixed.conll"
	[ "$rc" -eq 0 ]
	same_bytes "$FIX/tagscore-mixed.tsv" "$T/out"
}

@test "IOBES gold against BILOU predictions: the same phrases, the same scores" {
	# the phrases of tagscore-mixed.conll, written with S/E and U/L
	score -t "$FIX/tagscore-bilou.conll"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$FIX/tagscore-mixed.tsv" "$T/out"
	# accuracy compares the tags as written: E-PER is not L-PER, 13 of 29
	score "$FIX/tagscore-bilou.conll"
	[ "$(sed -n 2p "$T/out")" = "accuracy:  44.83%; precision:  58.33%; recall:  53.85%; FB1:  56.00" ]
}

@test "phrases end at blank lines, -DOCSTART- and the end of a file" {
	# I-PER on both sides of each boundary: 4 phrases in each column
	printf 'Ana I-PER I-PER\n\nBo I-PER I-PER\n-DOCSTART- O O\nCy I-PER I-PER\n' >"$T/a"
	printf 'Di I-PER I-PER\n' >"$T/b"
	score -t "$T/a" "$T/b"
	[ "$rc" -eq 0 ]
	want_bytes 'PER\t100.00\t100.00\t100.00\t4\t4\t4\nALL\t100.00\t100.00\t100.00\t4\t4\t4\n'
	# the same lines from stdin ("-"), the two files as one: Cy Di is one
	cat "$T/a" "$T/b" | "$SCORE" -t - >"$T/out"
	want_bytes 'PER\t100.00\t100.00\t100.00\t3\t3\t3\nALL\t100.00\t100.00\t100.00\t3\t3\t3\n'
}

@test "L then B, E then B, B then U: adjacent phrases of one type" {
	# gold B L B E B U S: a-b, c-d, e (a B before U ends), f, g: 5.
	# predicted I I B I B I B (IOB1): a-b, c-d, e-f, g: 4.  Right: a-b,
	# c-d, g.  P 3/4, R 3/5, F1 2*75*60/135 = 66.67
	lines 'a B-X I-X' 'b L-X I-X' 'c B-X B-X' 'd E-X I-X' 'e B-X B-X' 'f U-X I-X' 'g S-X B-X'
	[ "$rc" -eq 0 ]
	want_bytes 'X\t75.00\t60.00\t66.67\t5\t4\t3\nALL\t75.00\t60.00\t66.67\t5\t4\t3\n'
}

@test "partial matches, wrong types, and nothing predicted" {
	# gold ORG "Port Vale Trust" (3 tokens); predicted ORG "Port Vale":
	# wrong; gold LOC "Vale", predicted PER "Vale": wrong; a predicted
	# MISC where gold has none: a type with gold 0
	lines 'Port I-ORG B-ORG' 'Vale I-ORG I-ORG' 'Trust I-ORG O' 'in O O' \
	    'Vale I-LOC B-PER' 'now O B-MISC'
	want_bytes '%s\n' 'LOC	0.00	0.00	0.00	1	0	0' 'MISC	0.00	0.00	0.00	0	1	0' \
	    'ORG	0.00	0.00	0.00	1	1	0' 'PER	0.00	0.00	0.00	0	1	0' \
	    'ALL	0.00	0.00	0.00	2	3	0'
	# no tokens at all: the counts, no accuracy line, no types
	printf '\n# nothing\n\n' >"$T/in"
	score "$T/in"
	[ "$rc" -eq 0 ]
	want_bytes 'processed 0 tokens with 0 phrases; found: 0 phrases; correct: 0.\n'
	score -t "$T/in"
	want_bytes 'ALL\t0.00\t0.00\t0.00\t0\t0\t0\n'
}

@test "two fields are enough; types sort by bytes; hyphens stay in the type" {
	lines 'I-b-c I-b-c' 'O O' 'B-B B-B' 'I-a O'
	[ "$rc" -eq 0 ]
	want_bytes '%s\n' 'B	100.00	100.00	100.00	1	1	1' 'a	0.00	0.00	0.00	1	0	0' \
	    'b-c	100.00	100.00	100.00	1	1	1' 'ALL	100.00	66.67	80.00	3	2	2'
}

@test "errors: fields, tags, files, usage" {
	printf 'x NN O O\ny NN O\n' >"$T/in"
	score "$T/in"
	[ "$rc" -eq 1 ]
	want_err "tagscore: $T/in:2: 3 fields, not 4"
	[ ! -s "$T/out" ]
	# a '#' line inside a sentence is a token, and needs its tags
	printf 'x O O\n# remark\n' >"$T/in"
	score "$T/in"
	[ "$rc" -eq 1 ]
	want_err "tagscore: $T/in:2: 2 fields, not 3"
	printf 'x O O\n\ny X-PER O\n' >"$T/in"
	score "$T/in"
	[ "$rc" -eq 1 ]
	want_err "tagscore: $T/in:3: gold tag is not O or [BIESLU]-TYPE: X-PER"
	printf 'x O B-\n' >"$T/in"
	score "$T/in"
	[ "$rc" -eq 1 ]
	want_err "tagscore: $T/in:1: predicted tag is not O or [BIESLU]-TYPE: B-"
	printf 'x O PER\n' >"$T/in"
	score "$T/in"
	[ "$rc" -eq 1 ]
	want_err "tagscore: $T/in:1: predicted tag is not O or [BIESLU]-TYPE: PER"
	printf 'O\n' >"$T/in"
	score "$T/in"
	[ "$rc" -eq 1 ]
	want_err "tagscore: $T/in:1: 1 field, not a gold and a predicted tag"
	score "$T/nonesuch"
	[ "$rc" -eq 1 ]
	want_err "tagscore: $T/nonesuch: No such file or directory"
	score -x
	[ "$rc" -eq 2 ]
	want_err 'tagscore: usage: tagscore [-t] [file ...]'
}
