#!/usr/bin/env bats
# Many cores the Unix way (README "Many cores"): shards of input files
# through xargs -P give the rows of one serial run, and so do pieces of a
# record stream cut at its doc records.  Jobs write their own files, or
# append to one file: every write(2) of a tool ends at a newline (out.c),
# and a file takes each write whole; but a pipe takes a write of more
# than PIPE_BUF bytes in pieces, so jobs that share a pipe interleave
# broken lines.

load helper

# The dump: eight variants of eight files, 64 files and 104 articles.  In
# variant k the scraped pages have their digits rotated by k, so that their
# articles differ from variant to variant (the export and the web page are
# copies).  nstrip's fingerprints ignore digits, so to it each variant is
# the same article read again, which does not make its own lines
# "repeated" (nstrip(1)): the serial run marks nothing repeated.
setup_file() {
	local d=0123456789 k rot f
	D=$BATS_FILE_TMPDIR/dump
	mkdir "$D"
	for k in 0 1 2 3 4 5 6 7; do
		rot=$(printf %s "$d$d" | cut -c$((k + 1))-$((k + 10)))
		for f in "$SAMPLES"/00?_*.txt "$SAMPLES"/scraped-dump.txt; do
			tr "$d" "$rot" <"$f" >"$D/v$k-${f##*/}"
		done
		cp "$SAMPLES/lexisnexis-export.txt" "$D/v$k-lexisnexis-export.txt"
		cp "$FIX/web-page.html" "$D/v$k-web-page.html"
	done
}

setup() {
	D=$BATS_FILE_TMPDIR/dump
	T=$BATS_TEST_TMPDIR
	TAB=$(printf '\t')
	mkdir "$T/out"
}

# bysort FILE...: the lines, sorted on the ID alone and stably, so that an
# article's records keep their order
bysort() {
	cat "$@" | sort -s -t "$TAB" -k1,1
}

# shard CMD: the issue's xargs line over the dump, CMD in each job, each
# job's output in its own file in $T/out
shard() {
	printf '%s\0' "$D"/* | OUT=$T/out xargs -0 -P4 -n16 sh -c \
	    "$1"' > "$(mktemp "$OUT/job.XXXXXX")"' _
}

@test "the dump: 64 files, 104 articles, none of them marked repeated" {
	[ "$(ls "$D" | wc -l)" -eq 64 ]
	nsplit "$D"/* | nstrip -m >"$T/m.ns"
	[ "$(awk -F '\t' '$2 == "doc"' "$T/m.ns" | wc -l)" -eq 104 ]
	[ "$(awk -F '\t' '$2 == "doc" { print $1 }' "$T/m.ns" | sort -u | wc -l)" -eq 104 ]
	! awk -F '\t' '$2 == "junk" && $4 == "repeated"' "$T/m.ns" | grep -q .
}

@test "xargs -P4 -n16: nsplit | nstrip | nquote by file gives the serial records" {
	nsplit "$D"/* | nstrip | nquote >"$T/serial.ns"
	shard 'nsplit "$@" | nstrip | nquote'
	# four jobs of 16 files (two variants, 26 articles), each in its own file
	[ "$(ls "$T/out" | wc -l)" -eq 4 ]
	for f in "$T"/out/*; do
		[ "$(awk -F '\t' '$2 == "doc"' "$f" | wc -l)" -eq 26 ]
	done
	grep -q '	quote	' "$T/serial.ns"
	bysort "$T/serial.ns" >"$T/want"
	bysort "$T"/out/* >"$T/got"
	same_bytes "$T/want" "$T/got"
}

@test "xargs -P4 -n16: the whole pipeline to ntsv tables gives the serial rows" {
	nsplit "$D"/* | nstrip | nquote | ntag | ntsv -H paras,quotes,entities >"$T/serial.tsv"
	shard 'nsplit "$@" | nstrip | nquote | ntag | ntsv -H paras,quotes,entities'
	[ "$(ls "$T/out" | wc -l)" -eq 4 ]
	grep -q '	ent	' "$T/serial.tsv"
	bysort "$T/serial.tsv" >"$T/want"
	bysort "$T"/out/* >"$T/got"
	same_bytes "$T/want" "$T/got"
}

@test "xargs -P4 -n16: one articles table from the shards' streams" {
	nsplit "$D"/* | nstrip | ntsv >"$T/serial.tsv"
	shard 'nsplit "$@" | nstrip'
	cat "$T"/out/* | ntsv >"$T/cat.tsv"
	[ "$(wc -l <"$T/cat.tsv")" -eq 105 ]
	head -1 "$T/serial.tsv" >"$T/want"
	tail -n +2 "$T/serial.tsv" | bysort >>"$T/want"
	head -1 "$T/cat.tsv" >"$T/got"
	tail -n +2 "$T/cat.tsv" | bysort >>"$T/got"
	same_bytes "$T/want" "$T/got"
}

# IDs come from file names, and a name seen before in the same run gets
# -2: in shards each run sees the name for the first time.
# Jobs that append to one file: a tool's write ends at a newline, so a
# line another job appends between two of its writes stays whole.  The
# job here stops, after its first write, until the other line is in.
@test "jobs that append to one file: every write(2) of a tool ends at a newline" {
	local i=0
	nsplit "$D"/* >"$T/all.ns"
	nquote "$T/all.ns" >"$T/want"
	[ "$(wc -c <"$T/want")" -gt 300000 ]	# more than the 256 KB buffer
	head -n 1500 "$T/all.ns" >"$T/p1"
	tail -n +1501 "$T/all.ns" >"$T/p2"
	mkfifo "$T/go"
	{ cat "$T/p1"; cat "$T/go" >/dev/null; cat "$T/p2"; } | nquote >>"$T/shared" &
	while [ ! -s "$T/shared" ] && [ "$i" -lt 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	printf 'other\tdoc\t-\ttext\n' >>"$T/shared"
	echo go >"$T/go"
	wait
	[ "$(grep -c '^other	doc	-	text$' "$T/shared")" -eq 1 ]
	grep -v '^other	' "$T/shared" >"$T/got"
	same_bytes "$T/want" "$T/got"
}

@test "the same file name in two shards gives the same ID twice" {
	mkdir "$T/a" "$T/b"
	cp "$SAMPLES/003_5f05163db0c95b43.txt" "$T/a/page.txt"
	cp "$SAMPLES/004_4d0797e5f670ef63.txt" "$T/b/page.txt"
	nsplit "$T/a/page.txt" "$T/b/page.txt" | awk -F '\t' '$2 == "doc" { print $1 }' >"$T/serial"
	printf 'page\npage-2\n' >"$T/want"
	same_bytes "$T/want" "$T/serial"
	printf '%s\0' "$T/a/page.txt" "$T/b/page.txt" | OUT=$T/out xargs -0 -n1 -P2 sh -c \
	    'nsplit "$@" > "$(mktemp "$OUT/job.XXXXXX")"' _
	cat "$T"/out/* | awk -F '\t' '$2 == "doc" { print $1 }' >"$T/sharded"
	printf 'page\npage\n' >"$T/want"
	same_bytes "$T/want" "$T/sharded"
}

# Eight invented articles with the same standing line in their main text.
# nstrip marks a line repeated when an earlier article of the same run (or
# the -s file) had it: serially the last seven, in shards the ones after
# the first of each job.  Learning first and giving each job a copy of
# the fingerprint file marks all eight, in shards as serially.
repeated_dump() {
	local i=0 town
	mkdir "$T/rep"
	for town in Alder Brook Cinder Dunmore Elmstead Farrow Glenholt Harwick; do
		i=$((i + 1))
		cat >"$T/rep/$i-$town.txt" <<EOF
$town opens its new library by the river
The town of $town opened its new library on Saturday morning, after two years of building work that was paid for by a local lottery and by the savings of the old reading society, which had kept its books in a church hall since the war.
More than four hundred people came to the opening, and the head librarian said that she had never seen so many children in one room. The building has a reading garden, a room for local history and a small stage for readings in the evening.
Our reporters checked every figure in this story with the town hall before it was published.
The council of $town will run the library for the first five years, and the reading society has promised to give its collection of old maps and letters to the new room for local history once the shelves are ready for them.
EOF
	done
}

# repeats FILE...: the articles whose paragraph 4 went as repeated
repeats() {
	cat "$@" | awk -F '\t' '$2 == "junk" && $4 == "repeated" { print $1, $3 }' | sort
}

@test "nstrip in shards: a line repeated across shards is marked only within each" {
	repeated_dump
	nsplit "$T"/rep/* | nstrip -m >"$T/serial.ns"
	repeats "$T/serial.ns" >"$T/got"
	printf '%s 4\n' 2-Brook 3-Cinder 4-Dunmore 5-Elmstead 6-Farrow 7-Glenholt 8-Harwick >"$T/want"
	same_bytes "$T/want" "$T/got"
	printf '%s\0' "$T"/rep/* | OUT=$T/out xargs -0 -P4 -n2 sh -c \
	    'nsplit "$@" | nstrip -m > "$(mktemp "$OUT/job.XXXXXX")"' _
	[ "$(ls "$T/out" | wc -l)" -eq 4 ]
	repeats "$T"/out/* >"$T/got"
	printf '%s 4\n' 2-Brook 4-Dunmore 6-Farrow 8-Harwick >"$T/want"
	same_bytes "$T/want" "$T/got"
}

@test "nstrip -s in shards: learn serially, then a copy of the file per job" {
	repeated_dump
	nsplit "$T"/rep/* | nstrip -l -s "$T/site.fp"
	cp "$T/site.fp" "$T/serial.fp"
	nsplit "$T"/rep/* | nstrip -m -s "$T/serial.fp" >"$T/serial.ns"
	repeats "$T/serial.ns" >"$T/want"
	[ "$(wc -l <"$T/want")" -eq 8 ]
	printf '%s\0' "$T"/rep/* | FP=$T/site.fp OUT=$T/out TMPDIR=$T xargs -0 -P4 -n2 sh -c '
	    fp=$(mktemp) && cp "$FP" "$fp" &&
	    nsplit "$@" | nstrip -m -s "$fp" > "$(mktemp "$OUT/job.XXXXXX")"
	    rm -f "$fp"' _
	[ "$(ls "$T/out" | wc -l)" -eq 4 ]
	repeats "$T"/out/* >"$T/got"
	same_bytes "$T/want" "$T/got"
	bysort "$T/serial.ns" >"$T/want"
	bysort "$T"/out/* >"$T/got"
	same_bytes "$T/want" "$T/got"
}

# cut_docs N FILE: FILE in pieces of N articles, cut before doc records,
# as $T/piece/001, 002, ...
cut_docs() {
	mkdir -p "$T/piece"
	awk -F '\t' -v n="$1" -v dir="$T/piece" '
	    $2 == "doc" && k++ % n == 0 { if (f) close(f); f = sprintf("%s/%03d", dir, ++p) }
	    { print > f }' "$2"
}

# cut_bytes N FILE: pieces of at least N bytes, cut at the first doc record
# after that: what parallel --pipe --block N does with the README's
# --recstart
cut_bytes() {
	mkdir -p "$T/piece"
	awk -F '\t' -v n="$1" -v dir="$T/piece" '
	    $2 == "doc" && (!f || size >= n) { if (f) close(f); f = sprintf("%s/%03d", dir, ++p); size = 0 }
	    { print > f; size += length($0) + 1 }' "$2"
}

# each_piece CMD: CMD over each piece in turn, the outputs joined in order
each_piece() {
	local p
	for p in "$T"/piece/*; do
		sh -c "$1" <"$p"
	done
}

@test "a stream cut at doc records, in pieces of 16 articles, gives the whole stream's output" {
	nsplit "$D"/* >"$T/all.ns"
	nstrip "$T/all.ns" | nquote | ntag >"$T/want"
	cut_docs 16 "$T/all.ns"
	[ "$(ls "$T/piece" | wc -l)" -eq 7 ]
	cat "$T"/piece/* | cmp -s - "$T/all.ns"
	each_piece 'nstrip | nquote | ntag' >"$T/got"
	same_bytes "$T/want" "$T/got"
}

@test "a stream cut at the first doc record after 64 KB gives the whole stream's output" {
	nsplit "$D"/* >"$T/all.ns"
	nstrip -m "$T/all.ns" | nquote >"$T/want"
	cut_bytes 65536 "$T/all.ns"
	[ "$(ls "$T/piece" | wc -l)" -ge 4 ]
	for p in "$T"/piece/*; do
		[ "$(head -1 "$p" | cut -f2)" = doc ]
	done
	each_piece 'nstrip -m | nquote' >"$T/got"
	same_bytes "$T/want" "$T/got"
}

@test "a stream cut every 500 lines splits articles, and the output changes" {
	nsplit "$D"/* >"$T/all.ns"
	nstrip "$T/all.ns" | nquote >"$T/want"
	mkdir "$T/piece"
	split -l 500 "$T/all.ns" "$T/piece/"
	[ -n "$(for p in "$T"/piece/*; do head -1 "$p" | cut -f2; done | grep -v '^doc$')" ]
	each_piece 'nstrip | nquote' >"$T/got"
	! cmp -s "$T/want" "$T/got"
}

# The regular expression README gives parallel --pipe --regexp, read here
# by awk: a doc record, and nothing else, in every kind of stream.
@test "the README's --recstart matches doc records only" {
	local re='^[^\t\n]+\tdoc\t'
	grep -qF -- "--recstart '[^\\t\\n]+\\tdoc\\t'" "$BATS_TEST_DIRNAME/../README.md"
	nsplit "$D"/* | nstrip -m | nquote -a | ntag >"$T/all.ns"
	cat "$FIX"/*.ns >>"$T/all.ns"
	printf 'x\tpara\t1\ta\\tdoc\\tb\nx\tmeta\tdoc\tdoc\n\tdoc\tno-id\tt\ny\tjunk\t2\tdoc\tdoc\n' >>"$T/all.ns"
	awk -v re="$re" '$0 ~ re' "$T/all.ns" >"$T/got"
	awk -F '\t' '$2 == "doc" && NF > 2 && $1 != ""' "$T/all.ns" >"$T/want"
	[ "$(wc -l <"$T/want")" -gt 104 ]
	same_bytes "$T/want" "$T/got"
}
