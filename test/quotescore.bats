#!/usr/bin/env bats
# quotescore, the scorer of `make eval-quote`, on tiny invented articles
# and hand-made nquote output; the numbers are worked out in the comments.
load helper
bats_require_minimum_version 1.5.0

setup_file() {
	build_scorer quotescore
}

setup() {
	T=$BATS_TEST_TMPDIR
	SCORE=$BATS_FILE_TMPDIR/quotescore
}

score() { runtool "$SCORE" "$@"; }

# seeds ROWS_A ROWS_B: score the invented seeds a.txt and b.txt
seeds() {
	printf 'a.txt\t%s\nb.txt\t%s\n' "$1" "$2" >"$T/list"
	score -s "$FIX/score-quote-sgold.tsv" "$FIX/score-quote-scare.tsv" <"$T/list"
}

# art NAME...: list lines for the articles score-quote-NAME
art() {
	local a
	for a in "$@"; do
		printf 'score-quote-%s\t%s/score-quote-%s.txt\t%s/score-quote-%s.paras\t%s/score-quote-%s.rows\n' \
		    "$a" "$FIX" "$a" "$FIX" "$a" "$FIX" "$a"
	done
}

@test "seeds: multisets by text, speaker exact, cue none, scare quotes" {
	# gold: 2 direct (a), 3 partial ("a waste" twice in a, 1 in b).
	# Predicted direct/partial: 6 in a (a term and an indirect row are
	# not quotes), 2 in b.  Text matches 4: both halves of Ana Ruiz's
	# quote and "a waste" twice; "too costly." is not "too costly" (a
	# miss and an fp).  Speaker: "The money is there." has none, so 3.
	# quotes 4 of 8 predicted, 4 of 5 gold: P .5 R .8 F1 8/13 = .615;
	# quote+speaker 3: P 3/8 R 3/5 F1 6/13 = .462.  Cue: "none" is our
	# empty cue, "said" is not "": 3 of 4; kind: direct taken for
	# partial once: 3 of 4.  "vanity project" (a) and "Old Ferry" (b)
	# are in scare.tsv: 2.  "a waste" pairs by speaker first, then in
	# order: the floating one (cue "") goes to the gold with cue none.
	seeds "$FIX/score-quote-a.rows" "$FIX/score-quote-b.rows"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$FIX/score-quote-seeds.out" "$T/out"
}

@test "seeds: no predictions, no precision" {
	seeds /dev/null /dev/null
	[ "$rc" -eq 0 ]
	grep -v '^item' "$T/out" | head -6 >"$T/head"
	printf '%s\n' 'count	files	2' 'count	gold	5' 'count	pred	0' \
	    'prf	quotes	0	0	5	-	0.000	0.000' \
	    'prf	quote+speaker	0	0	5	-	0.000	0.000' \
	    'acc	cue	0	0	-' >"$T/want"
	same_bytes "$T/want" "$T/head"
	[ "$(grep -c '	miss	' "$T/out")" -eq 5 ]
}

@test "polnear: paragraphs in the text, split and multi-paragraph quotes, fp-nomarks" {
	# Paragraph 3 is two lines in the file (the second indented), one in
	# the stream: found all the same, with the bytes after the join
	# shifted.  Paragraph 4 is in no file: reported, its quote (3)
	# skipped; quote 9's text is not its paragraph's bytes and quote 11
	# ends past its paragraph: both reported and skipped.
	# G = E1-E4, E6, E7 (E5 has no marks).  Predicted 7 (qno
	# 1 2 4 5 6 8 10; 7 is indirect).  Lenient pairs 5: E1 (two pieces),
	# E2 (without the final stop: 29 of 30 bytes, not exact), E3, E4,
	# E7 (one piece per paragraph); E6 missed.  Exact 4.  Speaker: E4
	# has no source but we give one: 4 of 5.  quote+speaker 4: P 4/7,
	# R 4/6, F1 8/13.  Quote 6 lies in E5 (no marks): fp-nomarks; 8 fp.
	art art >"$T/list"
	score -p "$FIX/score-quote-art.gold" <"$T/list"
	[ "$rc" -eq 0 ]
	want_err "quotescore: $FIX/score-quote-art.rows:10: text is not bytes 0-7 of paragraph 7" \
	    "quotescore: $FIX/score-quote-art.rows:13: piece 5-99 is empty or outside paragraph 8 (13 bytes)"
	same_bytes "$FIX/score-quote-art.out" "$T/out"
}

@test "polnear: quotation marks, speaker words, the overlap threshold" {
	# marks: "…" with “…” nested inside is one quote; a ” with none open
	# opens; E3 has no marks, so Q is all of C.  Speakers: "she" is our
	# speaker_text; the gold head "deputy" is not ours, but our last word
	# "editor" ('s dropped) is among "the editor’s deputy"; "paper" is
	# not in "Daily Star" / "The Daily Star" and "star" not in "the
	# paper"; "lee" is ("Lee’s"); with no speaker_text, "Kim Lowe" has
	# the head before "(D-Ore.)".  span: Q "abcdefghij" (10 bytes) takes
	# "abc", 3 >= 3/10 of 10; in the 48-byte quote "one two three" (13 <
	# 14.4) is too short, and of "one two three four five six" (27) and
	# "seven eight nine ten" (20) the larger overlap wins, one to one.
	# content 8 of 10 predicted, 8 gold: P .8 R 1 F1 16/18; speaker 7.
	art marks span >"$T/list"
	score -p "$FIX/score-quote-marks.gold" <"$T/list"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$FIX/score-quote-marks.out" "$T/out"
}

@test "polnear -i: indirect rows against the attributions without marks, fp-marks" {
	# G = E1 E2 E3 E5 (E4 has marks).  Predicted: the indirect rows 1 2 3
	# 4 6 (5 is direct).  Pairs: E1-1, E2-2, E3-3, all exact; E5 missed.
	# Speakers: "officials" ours; "mayor" in our speaker_text "The
	# mayor"; "she" not in "Jo Park" / "Park", and "park" not in "She":
	# 2 of 3.  Row 4 overlaps no gold: fp; row 6 lies in E4 (marks):
	# fp-marks.  content P 3/5 R 3/4; indirect+speaker P 2/5 R 2/4, and
	# without the fp-marks P 2/4.
	printf 'score-quote-ind\t%s\t%s\t%s\n' "$FIX/score-quote-ind.txt" \
	    "$FIX/score-quote-ind.paras" "$FIX/score-quote-ind.rows" >"$T/list"
	score -p -i "$FIX/score-quote-ind.gold" <"$T/list"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$FIX/score-quote-ind.out" "$T/out"
}

@test "errors: malformed lines, unlisted gold, offsets, missing file, usage" {
	# a list line without its rows file
	printf 'a.txt\n' >"$T/list"
	score -s "$FIX/score-quote-sgold.tsv" "$FIX/score-quote-scare.tsv" <"$T/list"
	[ "$rc" -eq 2 ]
	want_err 'quotescore: stdin:1: 1 field, not 2'
	# b.txt has gold quotes but is not listed
	printf 'a.txt\t%s\n' "$FIX/score-quote-a.rows" >"$T/list"
	score -s "$FIX/score-quote-sgold.tsv" "$FIX/score-quote-scare.tsv" <"$T/list"
	[ "$rc" -eq 2 ]
	want_err "quotescore: $FIX/score-quote-sgold.tsv: b.txt is not in the list"
	# a quotes row cut short
	head -1 "$FIX/score-quote-a.rows" | cut -f 1-9 >"$T/short.rows"
	seeds "$T/short.rows" "$FIX/score-quote-b.rows"
	[ "$rc" -eq 2 ]
	want_err "quotescore: $T/short.rows:1: 9 fields, not 10"
	# a gold offset that is no number
	sed '3s/	175-211	/	175-x	/' "$FIX/score-quote-art.gold" >"$T/bad.gold"
	art art >"$T/list"
	score -p "$T/bad.gold" <"$T/list"
	[ "$rc" -eq 2 ]
	want_err "quotescore: $T/bad.gold:3: offset is not a number: x"
	# content beyond the text: the gold is for another text
	sed '8s/	446-514	/	446-914	/' "$FIX/score-quote-art.gold" >"$T/far.gold"
	score -p "$T/far.gold" <"$T/list"
	[ "$rc" -eq 2 ]
	want_err "quotescore: $T/far.gold:8: content past the end of score-quote-art"
	art art | sed 's/score-quote-art\.txt/nonesuch.txt/' >"$T/list"
	score -p "$FIX/score-quote-art.gold" <"$T/list"
	[ "$rc" -eq 2 ]
	want_err "quotescore: $FIX/nonesuch.txt: No such file or directory"
	score -x
	[ "$rc" -eq 2 ]
	want_err 'quotescore: usage: quotescore -s quotes scare <list | -p [-i] gold <list'
	# -i wants the gold after it
	score -p -i <"$T/list"
	[ "$rc" -eq 2 ]
	want_err 'quotescore: usage: quotescore -s quotes scare <list | -p [-i] gold <list'
}
