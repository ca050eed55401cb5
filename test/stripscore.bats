#!/usr/bin/env bats
# stripscore, the scorer of `make eval-strip`: tokens, shingles, the
# page counts and the means, on tiny invented texts whose numbers are
# worked out by hand in the comments.
load helper
bats_require_minimum_version 1.5.0

setup_file() {
	build_scorer stripscore
}

setup() {
	T=$BATS_TEST_TMPDIR
	SCORE=$BATS_FILE_TMPDIR/stripscore
	: >"$T/list"
}

score() { runtool "$SCORE" "$@"; }

# pg ID GOLD PRED: a page with these texts (printf formats), listed in $T/list
pg() {
	# shellcheck disable=SC2059
	printf "$2" >"$T/$1.gold"
	# shellcheck disable=SC2059
	printf "$3" >"$T/$1.pred"
	printf '%s\t%s\t%s\n' "$1" "$T/$1.gold" "$T/$1.pred" >>"$T/list"
}

# one GOLD PRED: score that page alone
one() {
	: >"$T/list"
	pg p "$1" "$2"
	score <"$T/list"
}

@test "tokens are \\w+: letters, numbers, _; not marks, format characters, symbols" {
	# Python's \w: ’ « — ℃ № ™ and emoji split words, so do a combining
	# accent (cafe + U+0301), a soft hyphen, a zero-width space and an
	# invalid byte; ½ ² Ⅻ ① are numbers and stay in their words
	score -t "$FIX/score-tokens.txt"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$FIX/score-tokens.out" "$T/out"
}

@test "identical texts: every shingle matches" {
	# 5 tokens, 2 shingles: tp 2
	one 'a b c d e\n' 'a b c d e\n'
	[ "$rc" -eq 0 ]
	no_err
	want_bytes 'page\tp\t2\t0\t0\t1.000\t1.000\t1.000\t5\t5\nmean\t1\t1.000\t1.000\t1.000\n'
}

@test "a shifted window: two of three shingles match" {
	# gold 1234 2345 3456, pred 0123 1234 2345: tp 2 fp 1 fn 1
	one 'one two three four five six' 'zero one two three four five'
	want_bytes 'page\tp\t2\t1\t1\t0.667\t0.667\t0.667\t6\t6\nmean\t1\t0.667\t0.667\t0.667\n'
}

@test "shingles are a multiset: a repeated one counts as often as it occurs" {
	# gold xyzw yzwx zwxy wxyz xyzw, pred xyzw: tp 1 fp 0 fn 4,
	# P 1, R 1/5, F1 2/(2+4)
	one 'x y z w x y z w' 'x y z w'
	want_bytes 'page\tp\t1\t0\t4\t1.000\t0.200\t0.333\t8\t4\nmean\t1\t1.000\t0.200\t0.333\n'
	# the other way round: tp 1 fp 4 fn 0
	one 'x y z w' 'x y z w x y z w'
	want_bytes 'page\tp\t1\t4\t0\t0.200\t1.000\t0.333\t4\t8\nmean\t1\t0.200\t1.000\t0.333\n'
	# twice on both sides: min(2, 2); pred xyzw yzwq zwqx wqxy qxyz xyzw
	# against the 5 of gold: tp 2 fp 4 fn 3, P 2/6, R 2/5, F1 4/11
	one 'x y z w x y z w' 'x y z w q x y z w'
	want_bytes 'page\tp\t2\t4\t3\t0.333\t0.400\t0.364\t8\t9\nmean\t1\t0.333\t0.400\t0.364\n'
}

@test "order of paragraphs: only the shingles inside each survive a swap" {
	# gold abcd bcde cdef defg efgh, pred efgh fgha ghab habc abcd
	one 'a b c d.\ne f g h.\n' 'e f g h.\na b c d.\n'
	want_bytes 'page\tp\t2\t3\t3\t0.400\t0.400\t0.400\t8\t8\nmean\t1\t0.400\t0.400\t0.400\n'
}

@test "fewer than 4 tokens make one shorter shingle" {
	one 'Breaking news' 'Breaking news'
	want_bytes 'page\tp\t1\t0\t0\t1.000\t1.000\t1.000\t2\t2\nmean\t1\t1.000\t1.000\t1.000\n'
	# (Breaking news today) is not (Breaking news)
	one 'Breaking news' 'Breaking news today'
	want_bytes 'page\tp\t0\t1\t1\t0.000\t0.000\t0.000\t2\t3\nmean\t1\t0.000\t0.000\t0.000\n'
}

@test "case is kept; punctuation and white space are not compared" {
	one 'The Cat sat down' 'the cat sat down'
	want_bytes 'page\tp\t0\t1\t1\t0.000\t0.000\t0.000\t4\t4\nmean\t1\t0.000\t0.000\t0.000\n'
	one 'a, b. c! d' '  a\tb\n\nc -- d  '
	want_bytes 'page\tp\t1\t0\t0\t1.000\t1.000\t1.000\t4\t4\nmean\t1\t1.000\t1.000\t1.000\n'
}

@test "empty pages: out of the precision or the recall mean" {
	# nothing predicted: no precision; nothing to find: no recall
	one 'x y z' ''
	want_bytes 'page\tp\t0\t0\t1\t-\t0.000\t0.000\t3\t0\nmean\t1\t-\t0.000\t-\n'
	one '' 'x y z'
	want_bytes 'page\tp\t0\t1\t0\t0.000\t-\t0.000\t0\t3\nmean\t1\t0.000\t-\t-\n'
	# punctuation only is empty too; two empty texts agree
	one '' ' -- !\n'
	want_bytes 'page\tp\t0\t0\t0\t-\t-\t1.000\t0\t0\nmean\t1\t-\t-\t-\n'
}

@test "P and R are means over the pages that count; F1 is of the means" {
	pg a 'x y z w x y z w' 'x y z w'		# P 1    R 1/5
	pg b 'one two three four five six' 'zero one two three four five'	# 2/3 2/3
	pg c '' 'menu'			# P 0    R -
	pg d '' ''			# P -    R -
	score <"$T/list"
	[ "$rc" -eq 0 ]
	no_err
	# P = (1 + 2/3 + 0) / 3 = 5/9, R = (1/5 + 2/3) / 2 = 13/30,
	# F1 = 2 (5/9) (13/30) / (5/9 + 13/30) = 130/267 = 0.48689
	tail -1 "$T/out" >"$T/mean"
	printf 'mean\t4\t0.556\t0.433\t0.487\n' >"$T/want"
	same_bytes "$T/want" "$T/mean"
	[ "$(grep -c '^page	' "$T/out")" -eq 4 ]
}

@test "no pages: the means are undefined" {
	score </dev/null
	[ "$rc" -eq 0 ]
	want_bytes 'mean\t0\t-\t-\t-\n'
}

@test "errors: missing file, malformed line, usage" {
	printf 'p\t%s\t%s\n' "$T/nonesuch" "$T/nonesuch" >"$T/list"
	score <"$T/list"
	[ "$rc" -eq 2 ]
	want_err "stripscore: $T/nonesuch: No such file or directory"
	printf 'p\tgold-only\n' | score
	[ "$rc" -eq 2 ]
	want_err 'stripscore: stdin:1: want ID TAB GOLD TAB PRED'
	score -x
	[ "$rc" -eq 2 ]
	want_err 'stripscore: usage: stripscore [-t file] <pages'
}
