#!/usr/bin/env bats
# nstrip: furniture out, metadata in, a reason for every paragraph that
# goes; repeats across articles and runs; errors.  The fixtures are
# invented: strip-page.ns is a scraped page with one line of each kind,
# strip-runs.ns two articles that share lines, strip-meta.ns export
# articles with meta records and kinds nstrip passes through.
load helper

st() { runtool nstrip "$@"; }

# junk N REASON: paragraph N of the page went, as REASON (nstrip -m)
junk() {
	st -m "$FIX/strip-page.ns"
	[ "$rc" -eq 0 ]
	no_err
	awk -F '\t' -v n="$1" -v r="$2" '$2 == "junk" && $3 == n && $4 == r { ok = 1 }
		$2 == "para" && $3 == n { bad = 1 }
		END { exit !(ok && !bad) }' "$T/out"
}

@test "-m: each paragraph that goes is a junk record in its place" {
	st -m "$FIX/strip-page.ns"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$FIX/strip-page-m.out" "$T/out"
}

@test "without -m they are dropped, and the others keep their numbers" {
	st "$FIX/strip-page.ns"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$FIX/strip-page.out" "$T/out"
}

@test "-m loses nothing: every paragraph's number and text come back" {
	st -m "$FIX/strip-page.ns"
	awk -F '\t' '$2 == "para" { print $3 "\t" $4 }' "$FIX/strip-page.ns" >"$T/want"
	awk -F '\t' '$2 == "para" { print $3 "\t" $4 } $2 == "junk" { print $3 "\t" $5 }' \
	    "$T/out" >"$T/got"
	same_bytes "$T/want" "$T/got"
}

@test "reason dup-title: the headline repeating the page title" {
	junk 5 dup-title
	grep -q '^page	para	1	Lanterns Return to the Old Harbour - The Exampletown Courier$' "$T/out"
}

@test "reason byline: By and a name" { junk 7 byline; }
@test "reason dateline: a line that is only a date" { junk 8 dateline; }
@test "reason teaser: the first paragraph cut short above itself" { junk 9 teaser; }
@test "reason caption: a line with a credit in it" { junk 12 caption; }
@test "reason caption: the line above a credit line" { junk 17 caption; }
@test "reason credit: Photo: and a name" { junk 18 credit; }
@test "reason ad: Advertisement" { junk 14 ad; }
@test "reason related: Read more:" { junk 16 related; }
@test "reason share: Share on Facebook" { junk 21 share; }
@test "reason appeal: please donate, said to the reader" { junk 22 appeal; }
@test "reason bio: a name, is, a trade" { junk 23 bio; }
@test "reason counter: 312 reads" { junk 24 counter; }
@test "reason cookie: the cookie notice" { junk 25 cookie; }
@test "reason newsletter: sign up for our newsletter" { junk 26 newsletter; }
@test "reason nav: a menu line, and the comments header" {
	junk 2 nav
	junk 27 nav
}
@test "reason outside: prose below the comments header" { junk 28 outside; }
@test "reason legal: the copyright line" { junk 29 legal; }
@test "reason short: short lines above the title" {
	junk 3 short
	junk 4 short
}

@test "reason repeated: the second article's copy of a shared line" {
	st -m "$FIX/strip-runs.ns"
	[ "$rc" -eq 0 ]
	same_bytes "$FIX/strip-runs-m.out" "$T/out"
	grep -q '^three	junk	4	repeated	Courier reporting from the Exampletown harbour desk$' "$T/out"
	# the first occurrence cannot be known as one without -s
	grep -q '^two	para	4	Courier reporting' "$T/out"
}

@test "a repeated quotation and repeated long prose stay" {
	st -m "$FIX/strip-runs.ns"
	grep -q '^three	para	5	“We will be back on the water next spring,” the society said\.$' "$T/out"
	grep -q '^three	para	6	The harbour society was founded in 1952' "$T/out"
}

@test "meta: title, subtitle, byline, date, credit and copyright, before the first paragraph" {
	st "$FIX/strip-page.ns"
	sed -n '1,8p' "$T/out" | cut -f2,3 >"$T/got"
	printf '%s\n' 'doc	page.txt' meta$'\t'title meta$'\t'subtitle meta$'\t'byline \
	    meta$'\t'date meta$'\t'image_credit meta$'\t'copyright 'para	1' >"$T/want"
	same_bytes "$T/want" "$T/got"
	grep -q '^page	meta	title	Lanterns Return to the Old Harbour$' "$T/out"
	grep -q '^page	meta	byline	Mara Quillfeather$' "$T/out"
	grep -q '^page	meta	date	2021-03-03$' "$T/out"
	grep -q '^page	meta	image_credit	Exampletown Photo Archive$' "$T/out"
}

@test "an article's own meta keys are not added again; new ones follow them" {
	st -m "$FIX/strip-meta.ns"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$FIX/strip-meta.out" "$T/out"
	[ "$(grep -c '	meta	title	' "$T/out")" -eq 1 ]
	[ "$(grep -c '	meta	byline	' "$T/out")" -eq 1 ]
	sed -n 5p "$T/out" | grep -q '^lx.1	meta	date	2021-06-01$'
}

@test "unknown kinds, junk records and escapes pass through unchanged and in order" {
	st "$FIX/strip-meta.ns"
	grep -v '	meta	date	' "$T/out" >"$T/got"
	grep -v '	para	1	Advertisement$' "$FIX/strip-meta.ns" |
	    grep -v '	para	5	Published' | grep -v 'Harbour Society notices' >"$T/want"
	same_bytes "$T/want" "$T/got"
}

@test "an article without prose keeps its sentences" {
	st -m "$FIX/strip-meta.ns"
	grep -q '^lx.2	para	1	The society thanks everyone who helped\.$' "$T/out"
	grep -q '^lx.2	junk	2	short	Harbour Society notices$' "$T/out"
}

@test "-l learns and writes nothing; -s then marks the first occurrence too" {
	fp=$BATS_TEST_TMPDIR/site.fp
	st -l -s "$fp" "$FIX/strip-runs.ns"
	[ "$rc" -eq 0 ]
	no_err
	[ ! -s "$T/out" ]
	[ -s "$fp" ]
	st -m -s "$fp" "$FIX/strip-runs.ns"
	[ "$rc" -eq 0 ]
	same_bytes "$FIX/strip-runs-s.out" "$T/out"
	grep -q '^two	junk	4	repeated	' "$T/out"
}

@test "learning the same articles twice changes nothing" {
	fp=$BATS_TEST_TMPDIR/site.fp
	st -l -s "$fp" "$FIX/strip-runs.ns"
	st -l -s "$fp" "$FIX/strip-runs.ns"
	st -m -s "$fp" "$FIX/strip-runs.ns"
	same_bytes "$FIX/strip-runs-s.out" "$T/out"
	# one article alone never repeats itself
	head -7 "$FIX/strip-runs.ns" >"$T/one.ns"
	fp1=$BATS_TEST_TMPDIR/one.fp
	st -l -s "$fp1" "$T/one.ns"
	st -m -s "$fp1" "$T/one.ns"
	! grep -q '	junk	' "$T/out"
}

@test "the fingerprint file: magic, entries, and a file -s wrote reads back" {
	fp=$BATS_TEST_TMPDIR/site.fp
	st -s "$fp" "$FIX/strip-runs.ns"
	[ "$rc" -eq 0 ]
	[ "$(head -c 8 "$fp")" = NSTRIPFP ]
	n=$(od -A n -t u4 -j 8 -N 4 "$fp" | tr -d ' ')
	[ "$(wc -c <"$fp")" -eq $((16 + 16 * n)) ]
	st -s "$fp" "$FIX/strip-runs.ns"
	[ "$rc" -eq 0 ]
	no_err
}

@test "a corrupt fingerprint file: a message, status 1, no output" {
	fp=$BATS_TEST_TMPDIR/bad.fp
	printf 'not a table\n' >"$fp"
	st -s "$fp" "$FIX/strip-page.ns"
	[ "$rc" -eq 1 ]
	[ ! -s "$T/out" ]
	want_err "nstrip: $fp: not an nstrip fingerprint file"
	# and it is left as it was
	[ "$(cat "$fp")" = "not a table" ]
}

@test "a truncated fingerprint file" {
	fp=$BATS_TEST_TMPDIR/site.fp
	st -l -s "$fp" "$FIX/strip-runs.ns"
	head -c 40 "$fp" >"$fp.cut"
	st -s "$fp.cut" "$FIX/strip-runs.ns"
	[ "$rc" -eq 1 ]
	want_err "nstrip: $fp.cut: truncated"
}

@test "a fingerprint file that cannot be written: status 1 after the output" {
	st -s "$BATS_TEST_TMPDIR/no/such/dir/site.fp" "$FIX/strip-page.ns"
	[ "$rc" -eq 1 ]
	same_bytes "$FIX/strip-page.out" "$T/out"
	grep -q "^nstrip: $BATS_TEST_TMPDIR/no/such/dir/site.fp: " "$T/err"
}

@test "bad flags: usage, status 2" {
	st -x "$FIX/strip-page.ns"
	[ "$rc" -eq 2 ]
	[ ! -s "$T/out" ]
	grep -q '^usage: nstrip ' "$T/err"
	st -s
	[ "$rc" -eq 2 ]
}

@test "-l needs -s" {
	st -l "$FIX/strip-page.ns"
	[ "$rc" -eq 2 ]
	[ ! -s "$T/out" ]
	grep -q '^nstrip: -l needs -s file$' "$T/err"
}

@test "empty input: empty output" {
	st </dev/null
	[ "$rc" -eq 0 ]
	no_err
	[ ! -s "$T/out" ]
	: >"$T/empty"
	st -m "$T/empty" -
	[ "$rc" -eq 0 ]
	[ ! -s "$T/out" ]
}

@test "a line that is no record is reported and passed through; blank lines go" {
	in=$BATS_TEST_TMPDIR/in
	printf 'a\tdoc\tx\ttext\n\nbroken line\na\tpara\t1\tOne short line.\na\tpara\t2\n' >"$in"
	st "$in"
	[ "$rc" -eq 1 ]
	want_bytes 'a\tdoc\tx\ttext\nbroken line\na\tpara\t1\tOne short line.\na\tpara\t2\n'
	want_err "nstrip: $in:3: not a record" "nstrip: $in:5: para record with 1 field, not 2"
}

@test "an audio-player label and a reading time are furniture, not the title" {
	printf '%s\n' 'Rail strike called off as union accepts new offer' 'Menu' \
	    'Published: 15 March 2023' 'Reading time: 3 min' 'Listen to this article' \
	    'A strike that would have halted trains across the northern region on Friday has been called off after the drivers union accepted a revised offer from the operator, both sides said on Wednesday evening.' \
	    'The union said members had voted by a large majority to accept the offer, which raises pay by five per cent this year and settles the dispute over rest days that began last autumn.' \
	    >"$BATS_TEST_TMPDIR/rail.txt"
	nsplit "$BATS_TEST_TMPDIR/rail.txt" | nstrip -m >"$BATS_TEST_TMPDIR/out"
	grep -qx 'rail	meta	title	Rail strike called off as union accepts new offer' "$BATS_TEST_TMPDIR/out"
	grep -qx 'rail	junk	4	counter	Reading time: 3 min' "$BATS_TEST_TMPDIR/out"
	grep -qx 'rail	junk	5	nav	Listen to this article' "$BATS_TEST_TMPDIR/out"
	grep -qx 'rail	para	1	Rail strike called off as union accepts new offer' "$BATS_TEST_TMPDIR/out"
}

# ---- web pages: strip-web.ns holds invented pages as nsplit writes them
# (para and hint records), one article per rule ----

# web ID N STATUS [REASON]: paragraph N of article ID is a para record
# (STATUS para) or went as REASON (STATUS junk), with nstrip -m
web() {
	st -m "$FIX/strip-web.ns"
	[ "$rc" -eq 0 ]
	no_err
	awk -F '\t' -v id="$1" -v n="$2" -v s="$3" -v r="${4-}" '$1 == id && $3 == n &&
		($2 == "para" || $2 == "junk") { found = 1; ok = $2 == s && (s == "para" || $4 == r) }
		END { exit !(found && ok) }' "$T/out"
}

@test "web: the whole of strip-web.ns" {
	st -m "$FIX/strip-web.ns"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$FIX/strip-web-m.out" "$T/out"
}

@test "web: the blurbs of teaser cards (a linked heading, a line, the next link) go as teaser" {
	web cards 7 junk teaser
	web cards 9 junk teaser
	web cards 11 junk teaser
	web cards 4 para
}

@test "web: a paragraph cut short with a link in it goes as teaser" {
	web ticker 2 junk teaser
	web ticker 3 junk teaser
	web ticker 5 para
}

@test "web: a link whose text is a web address is no menu" {
	web address 4 para
}

@test "web: the short lines that end a marked article stay with it" {
	web tail 4 para
	web tail 8 para
	web tail 9 junk share
}

@test "a declared language that the text's stop words contradict gives way" {
	web lang 3 para
	web lang 4 para
}

@test "web: short lines without a link are no list of links (a table's rows)" {
	web table 4 para
	web table 7 para
	# the same lines from text, without hint records, are
	grep -v '	hint	' "$FIX/strip-web.ns" | nstrip -m | grep -q '^table	junk	4	related	'
}

@test "web: a long list of links parts a stray paragraph above it from the article" {
	web linklist 1 junk outside
	web linklist 19 para
}

@test "web: a byline in the article's first lines (By, the names, the paper) goes as byline" {
	web byline 3 junk byline
	web byline 4 junk byline
	web byline 5 junk byline
	web byline 2 para
	web byline 7 para
	st "$FIX/strip-web.ns"
	grep -qx 'byline	meta	byline	Maren K. Lind' "$T/out"
}

@test "web: a newsletter box goes, its heading, blurb and the lines between its parts too" {
	web signup 3 junk newsletter
	web signup 4 junk newsletter
	web signup 7 junk newsletter
	web signup 8 junk newsletter
	web signup 9 junk newsletter
	web signup 10 junk newsletter
	# prose between two boxes is the article's
	web signup 6 para
	web signup 11 para
}

@test "a byline with a no-break space after By is one" {
	printf 'nb\tpara\t1\tA quiet week at the harbour\nnb\tpara\t2\tBy\302\240Olle Berg, Staff\nnb\tpara\t3\tThe fishing boats stayed in the harbour all week because of the storm, and the market on the quay sold only what the smokehouse had left from the month before.\n' |
	    nstrip -m >"$BATS_TEST_TMPDIR/out"
	grep -q '^nb	junk	2	byline	' "$BATS_TEST_TMPDIR/out"
	grep -qx 'nb	meta	byline	Olle Berg, Staff' "$BATS_TEST_TMPDIR/out"
}
