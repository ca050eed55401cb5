#!/usr/bin/env bats
# ntag: training (-T), CoNLL tagging (-C), the stream (ent records),
# canonical names, aliases, dates, the model file and errors.
#
# Exact outputs come from a model trained in setup_file on
# tag-train.conll, a tiny invented corpus (Port Elden again), so that
# they do not move when the shipped model is retrained; the offsets in
# the .out files were counted on the fixtures' bytes.  The shipped model
# is checked for what must hold whatever its weights.
load helper

setup_file() {
	ntag -T "$BATS_TEST_DIRNAME/fixtures/tag-train.conll" -o "$BATS_FILE_TMPDIR/tiny.model"
}

setup() {
	T=$BATS_TEST_TMPDIR
	M=$BATS_FILE_TMPDIR/tiny.model
}

# --- training and CoNLL files ---

@test "-T: training writes a model, says nothing, and is repeatable" {
	runtool ntag -T "$FIX/tag-train.conll" -o "$T/again.model"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$M" "$T/again.model"
}

@test "-T -v: one line per epoch of each run on standard error" {
	runtool ntag -T "$FIX/tag-train.conll" -v -e 3 -r 2 -o "$T/m"
	[ "$rc" -eq 0 ]
	[ "$(grep -c '^ntag: epoch [0-9]*: [0-9]* of 131 tokens wrong' "$T/err")" -eq 6 ]
	[ "$(grep -c '^ntag: run [12] of 2$' "$T/err")" -eq 2 ]
	runtool ntag -T "$FIX/tag-train.conll" -v -e 3 -r 1 -o "$T/m"
	[ "$(sed -n 1p "$T/err")" = "ntag: 4 documents, 131 tokens" ]
	[ "$(wc -l <"$T/err")" -eq 4 ]	# and no run lines
}

@test "-T -r: the model is the sum of RUNS runs, each in an order of its own; -r 1 is one run" {
	runtool ntag -T "$FIX/tag-train.conll" -r 1 -o "$T/one"
	[ "$rc" -eq 0 ]
	runtool ntag -T "$FIX/tag-train.conll" -r 8 -o "$T/eight"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$M" "$T/eight"	# 8: the default
	! cmp -s "$T/one" "$T/eight"
	for r in 0 65 x; do
		runtool ntag -T "$FIX/tag-train.conll" -r "$r" -o "$T/bad"
		[ "$rc" -eq 2 ]
		[ ! -e "$T/bad" ]
	done
	runtool ntag -r 2 /dev/null	# a training option without -T
	[ "$rc" -eq 2 ]
}

@test "-C: each line gets the IOB2 tag, with the line's separator; comments and blank lines stay" {
	runtool ntag -C -m "$M" "$FIX/tag-text.conll"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$FIX/tag-text.out" "$T/out"
}

@test "-C -b: BILOU tags" {
	runtool ntag -C -b -m "$M" "$FIX/tag-text.conll"
	[ "$rc" -eq 0 ]
	same_bytes "$FIX/tag-text-b.out" "$T/out"
}

@test "-C: '#' before a sentence is a comment, inside one the token #" {
	printf '# text = Vell #1\nVell\n#\n1\n' >"$T/in"
	runtool ntag -C -m "$M" "$T/in"
	[ "$rc" -eq 0 ]
	want_bytes '# text = Vell #1\nVell B-PER\n# I-PER\n1 O\n'
}

@test "-C: a sentence of 20 000 tokens gets a tag on every line, in a valid sequence" {
	awk 'BEGIN { for (i = 0; i < 20000; i++) print (i % 7 ? "Vell" : "ferry") }' >"$T/in"
	runtool ntag -C -b -m "$M" "$T/in"
	[ "$rc" -eq 0 ]
	no_err
	[ "$(wc -l <"$T/out")" -eq 20000 ]
	# BILOU: B- and I- go on with I- or L- of their type, nothing else does
	awk '{ t = $2 }
	    (p ~ /^[BI]-/) != (t ~ /^[IL]-/) || (p ~ /^[BI]-/ && substr(p, 3) != substr(t, 3)) { bad++ }
	    { p = t } END { exit bad || p ~ /^[BI]-/ }' "$T/out"
}

@test "-T reads IOB1, IOB2 and BILOU alike: the same model from each" {
	# tag-train.conll is BILOU; the same corpus in IOB2 and in IOB1
	awk '{ sub(/ L-/, " I-"); sub(/ U-/, " B-"); print }' "$FIX/tag-train.conll" >"$T/iob2"
	awk '{ if ($2 ~ /^B-/ && prev !~ substr($2, 3)) sub(/ B-/, " I-"); prev = $2; print }' \
	    "$T/iob2" >"$T/iob1"
	ntag -T "$T/iob2" -o "$T/m2"
	ntag -T "$T/iob1" -o "$T/m1"
	same_bytes "$M" "$T/m2"
	same_bytes "$M" "$T/m1"
}

@test "-T: a line without a tag is an error with its line number" {
	printf -- '-DOCSTART- O\n\nAnna B-PER\nKowal X-PER\n' >"$T/bad.conll"
	runtool ntag -T "$T/bad.conll" -o "$T/m"
	[ "$rc" -eq 1 ]
	want_err "ntag: $T/bad.conll:4: no tag (O, or B- I- L- U- with PER ORG LOC MISC) in the last column"
	[ ! -e "$T/m" ]
}

@test "-T: a missing training file, and one without tokens" {
	runtool ntag -T "$T/none" -o "$T/m"
	[ "$rc" -eq 1 ]
	want_err "ntag: $T/none: No such file or directory"
	printf '\n\n' >"$T/empty"
	runtool ntag -T "$T/empty" -o "$T/m"
	[ "$rc" -eq 1 ]
	want_err "ntag: $T/empty: no tokens to train on"
}

@test "-T -m base: retraining keeps the base model's clusters and gazetteer" {
	printf 'city\tVell\ncity\tPort Elden\n' >"$T/gaz"
	ntag -T "$FIX/tag-train.conll" -g "$T/gaz" -o "$T/base"
	ntag -T "$FIX/tag-train.conll" -m "$T/base" -o "$T/re"
	same_bytes "$T/base" "$T/re"
}

# --- the stream ---

@test "stream: ent records after their para, offsets in the unescaped text; old ent records go, junk is not read" {
	runtool ntag -d -m "$M" "$FIX/tag-stream.ns"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$FIX/tag-stream.out" "$T/out"
}

# offsets_hold STREAM: every ent's text is its para's unescaped bytes
# [start, end), and there is at least one ent
offsets_hold() {
	# combined table columns: id record n text start end type canon value
	ntsv -H paras,entities "$1" | awk -F'\t' '
	function unesc(s,   r, i, c) {
		r = ""
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (c == "\\" && i < length(s)) {
				c = substr(s, ++i, 1)
				c = c == "t" ? "\t" : c == "n" ? "\n" : c == "r" ? "\r" : c
			}
			r = r c
		}
		return r
	}
	$2 == "para" { p[$1 "/" $3] = unesc($4) }
	$2 == "ent" { n++
		if (substr(p[$1 "/" $3], $5 + 1, $6 - $5) != unesc($4)) { print "bad: " $0; bad++ } }
	END { if (!n) print "no entities"; exit bad || !n }'
}

@test "stream: every ent text is its para's bytes [start, end)" {
	ntag -m "$M" "$FIX/tag-stream.ns" >"$T/s"
	offsets_hold "$T/s"
}

@test "stream: running ntag twice gives what running it once gives" {
	ntag -m "$M" "$FIX/tag-stream.ns" >"$T/once"
	ntag -m "$M" "$T/once" >"$T/twice"
	same_bytes "$T/once" "$T/twice"
}

@test "canonical names: a surname takes the fullest name; an acronym in brackets its long form" {
	runtool ntag -d -m "$M" "$FIX/tag-stream.ns"
	grep -q '	ent	2	0	5	PER	Marsh	Helen Marsh	$' "$T/out"
	grep -q '	ent	1	44	47	ORG	CTU	Coastal Transport Union	$' "$T/out"
	grep -q '	ent	4	29	32	ORG	CTU	Coastal Transport Union	$' "$T/out"
}

@test "-a: aliases name what the model missed, set canon and type, and yield to a longer name" {
	runtool ntag -d -m "$M" -a "$FIX/tag-alias.tsv" "$FIX/tag-alias.ns"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$FIX/tag-alias.out" "$T/out"
}

@test "-a: a bad alias line is an error with its line number" {
	printf 'Vell\tVell Island\tPLACE\n' >"$T/al"
	runtool ntag -m "$M" -a "$T/al" "$FIX/tag-alias.ns"
	[ "$rc" -eq 1 ]
	want_err "ntag: $T/al:1: not alias<TAB>canonical<TAB>PER|ORG|LOC|MISC"
}

@test "stream: empty input gives nothing; a line that is no record is passed on and reported" {
	runtool ntag -m "$M" /dev/null
	[ "$rc" -eq 0 ]
	[ ! -s "$T/out" ]
	printf 'not a record\na1\tpara\t1\tHelen Marsh\n' >"$T/in"
	runtool ntag -d -m "$M" "$T/in"
	[ "$rc" -eq 1 ]
	want_err "ntag: $T/in:1: not a record"
	want_bytes 'not a record\na1\tpara\t1\tHelen Marsh\na1\tent\t1\t0\t11\tPER\tHelen Marsh\tHelen Marsh\t\n'
}

@test "stream: a para with too few fields is reported and passed on" {
	printf 'a1\tpara\t1\n' >"$T/in"
	runtool ntag -m "$M" "$T/in"
	[ "$rc" -eq 1 ]
	want_bytes 'a1\tpara\t1\n'
}

@test "stream: initials with full stops are one word (U.S., D.C.)" {
	printf 'a1\tpara\t1\tThe U.S. and D.C. met. J. Marsh came.\n' >"$T/in"
	# the tagger sees U.S. whole (4 to 8), so a name can be U.S.; a single
	# initial (J.) stays a word and a full stop
	ntag -v -d -m "$M" "$T/in" 2>"$T/err" >/dev/null
	want_err "ntag: 1 articles, 11 tokens"
}

@test "dates: DATE records with ISO values from the article's date, a month will do; -d leaves them out" {
	printf 'a1\tmeta\tdate\t2024-04-12T08:00:00Z\na1\tpara\t1\tLast month Kowal flew to Oslo on Friday.\n' >"$T/in"
	printf 'a2\tmeta\tdate\t2024-04\na2\tpara\t1\tLast month Kowal flew.\n' >>"$T/in"
	runtool ntag -m "$M" "$T/in"
	[ "$rc" -eq 0 ]
	ntsv -H entities "$T/out" >"$T/e"
	grep -q '^a1	1	0	10	DATE	Last month	Last month	2024-03$' "$T/e"
	grep -q '^a1	1	33	39	DATE	Friday	Friday	2024-04-12$' "$T/e"
	grep -q '^a2	1	0	10	DATE	Last month	Last month	2024-03$' "$T/e"
	runtool ntag -d -m "$M" "$T/in"
	! grep -q 'DATE' "$T/out"
}

@test "dates: without the article's date a relative date keeps its words as value; a date inside a name goes" {
	printf 'a1\tpara\t1\tThe Sunday Times wrote on Friday of 2023.\n' >"$T/in"
	printf 'Sunday Times\tThe Sunday Times\tORG\n' >"$T/al"
	runtool ntag -m "$M" -a "$T/al" "$T/in"
	[ "$rc" -eq 0 ]
	want_bytes 'a1\tpara\t1\tThe Sunday Times wrote on Friday of 2023.\n%s\n%s\n%s\n' \
	    'a1	ent	1	4	16	ORG	Sunday Times	The Sunday Times	' \
	    'a1	ent	1	26	32	DATE	Friday	Friday	Friday' \
	    'a1	ent	1	36	40	DATE	2023	2023	2023'
}

@test "dates: a name the tagger found inside a date is the date's" {
	# the tiny model takes "Last" for a person and "Friday" for a place
	printf 'a1\tmeta\tdate\t2024-04-12\na1\tpara\t1\tLast month Kowal flew to Oslo on Friday.\n' >"$T/in"
	ntag -d -m "$M" "$T/in" | ntsv -H entities | cut -f5,6 >"$T/e"
	grep -q '^PER	Last$' "$T/e"
	grep -q '^LOC	Friday$' "$T/e"
	ntag -m "$M" "$T/in" | ntsv -H entities | cut -f5,6 >"$T/e"
	printf 'DATE\tLast month\nPER\tKowal\nLOC\tOslo\nDATE\tFriday\n' >"$T/want"
	same_bytes "$T/want" "$T/e"
}

@test "-v: the number of articles and tokens tagged, on standard error" {
	runtool ntag -v -d -m "$M" "$FIX/tag-stream.ns"
	[ "$rc" -eq 0 ]
	want_err "ntag: 2 articles, 41 tokens"
}

# --- the model file ---

@test "the shipped model is found without -m, and NTAG_MODEL overrides it" {
	runtool ntag -d "$FIX/tag-stream.ns"
	[ "$rc" -eq 0 ]
	no_err
	NTAG_MODEL=$M runtool ntag -d "$FIX/tag-stream.ns"
	same_bytes "$FIX/tag-stream.out" "$T/out"
	NTAG_MODEL=$T/none runtool ntag "$FIX/tag-stream.ns"
	[ "$rc" -eq 1 ]
	want_err "ntag: $T/none: No such file or directory"
}

@test "bad model files: too short, bad magic, truncated, another feature set" {
	printf 'NTAG' >"$T/short"
	runtool ntag -m "$T/short" /dev/null
	[ "$rc" -eq 1 ]
	want_err "ntag: $T/short: not a model file (too short)"
	head -c 1000 /dev/zero >"$T/zero"
	runtool ntag -m "$T/zero" /dev/null
	want_err "ntag: $T/zero: not a model file (bad magic)"
	head -c 5000 "$M" >"$T/trunc"
	runtool ntag -m "$T/trunc" /dev/null
	[ "$rc" -eq 1 ]
	want_err "ntag: $T/trunc: corrupt model file (header and size disagree)"
	# the feature-set version is the fourth 32-bit word after the magic
	{ head -c 20 "$M"; printf '\377\377\377\177'; tail -c +25 "$M"; } >"$T/other"
	runtool ntag -m "$T/other" /dev/null
	[ "$rc" -eq 1 ]
	want_err "ntag: $T/other: a model for other features: retrain it with this ntag (ntag -T)"
	# version 1: trained for tagging one label at a time, not for the beam
	{ head -c 20 "$M"; printf '\001\000\000\000'; tail -c +25 "$M"; } >"$T/v1"
	runtool ntag -m "$T/v1" /dev/null
	[ "$rc" -eq 1 ]
	want_err "ntag: $T/v1: a model for other features: retrain it with this ntag (ntag -T)"
	# the byte-order mark 0x01020304 as the other order writes it
	{ head -c 8 "$M"; printf '\001\002\003\004'; tail -c +13 "$M"; } >"$T/swapped"
	runtool ntag -m "$T/swapped" /dev/null
	[ "$rc" -eq 1 ]
	want_err "ntag: $T/swapped: a model written on a machine of the other byte order: retrain it here"
}

@test "a model whose features point past the weights is refused" {
	# the header is 448 bytes; fcap (u64 at 32) feature keys follow, then
	# their values (u32): the first used slot's value is set past nrows
	cp "$M" "$T/rows"
	fcap=$(od -An -t u8 -j 32 -N 8 "$M" | tr -d ' ')
	i=$(od -An -v -t u8 -j 448 -N $((fcap * 8)) "$M" | tr -s ' ' '\n' | grep -v '^$' |
	    grep -n -v '^0$' | head -1 | cut -d: -f1)
	printf '\377\377\377\177' | dd of="$T/rows" bs=1 seek=$((448 + fcap * 8 + (i - 1) * 4)) \
	    conv=notrunc 2>/dev/null
	runtool ntag -m "$T/rows" /dev/null
	[ "$rc" -eq 1 ]
	want_err "ntag: $T/rows: corrupt model file (feature without weights)"
}

# --- usage ---

@test "usage: bad flags exit 2" {
	for args in "-x" "-b" "-T $FIX/tag-train.conll" "-o $T/m" "-C -a $FIX/tag-alias.tsv" \
	    "-e 0 -T $FIX/tag-train.conll -o $T/m" "-C -v" "-b -C -d x" "-e 3" \
	    "-d -T $FIX/tag-train.conll -o $T/m" "-b -T $FIX/tag-train.conll -o $T/m"; do
		# shellcheck disable=SC2086
		runtool ntag $args </dev/null
		[ "$rc" -eq 2 ] || { echo "ntag $args: $rc" >&2; return 1; }
		grep -q '^usage: ntag ' "$T/err"
	done
}

# --- the shipped model on a real article ---

@test "shipped model: Lukashenko in sample 000 is Alexander Lukashenko, offsets hold" {
	nsplit "$SAMPLES/000_30c228bccc6077dc.txt" | nstrip | ntag >"$T/s"
	ntsv -H entities "$T/s" >"$T/e"
	awk -F'\t' '$6 == "Lukashenko" && $5 == "PER" { n++; if ($7 != "Alexander Lukashenko") bad++ }
	    END { exit !(n > 0 && !bad) }' "$T/e"
	offsets_hold "$T/s"
}
