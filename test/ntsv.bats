#!/usr/bin/env bats
# ntsv: tables from the record stream, options, malformed input.
load helper
bats_require_minimum_version 1.5.0

setup() {
	T=$BATS_TEST_TMPDIR
	cd "$FIX"
}

# table NAME FIXTURE: ntsv NAME on core-stream.ns gives core-stream.FIXTURE.tsv
table() {
	tsv "$1" core-stream.ns
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "core-stream.$2.tsv" "$T/out"
}

@test "articles is the default table" {
	tsv <core-stream.ns
	[ "$rc" -eq 0 ]
	no_err
	same_bytes core-stream.articles.tsv "$T/out"
	[ "$(head -1 "$T/out")" = "id	source	format	title	byline	date	paragraphs	words" ]
	table articles articles
}

@test "paras: id n text" {
	table paras paras
	table para paras
}

@test "docs and meta" {
	table docs docs
	table doc docs
	table meta meta
}

@test "junk, quotes and entities; empty tables print their header" {
	table junk junk
	table quotes quotes
	table quote quotes
	table entities entities
	table ent entities
	[ "$(cat core-stream.entities.tsv)" = "id	n	start	end	type	text	canon	value" ]
}

@test "an unknown kind: columns f1..fN from the first record" {
	table note note
	[ "$(head -1 "$T/out")" = "id	f1	f2	f3" ]
}

@test "an unknown kind with an unlike record: reported, left out, exit 1" {
	tsv note core-bad.ns
	[ "$rc" -eq 1 ]
	printf 'id\tf1\tf2\nb.1\ta\tb\nb.2\tx\ty\n' >"$T/want"
	same_bytes "$T/want" "$T/out"
	grep -qx 'ntsv: core-bad.ns:12: note record with 3 fields, not 2: skipped' "$T/err"
}

# Found by fuzz-ntsv: a record of more than 64 fields keeps the rest,
# TABs and all, in its last field, and gave a row wider than the header.
@test "an unknown kind with more than 62 fields: reported, left out, exit 1" {
	awk 'BEGIN { printf "a\tdoc\t-\ttext\na\tnote\tx\ty\na\tnote"
		for (i = 1; i <= 70; i++) printf "\t%d", i
		printf "\n" }' >"$T/wide.ns"
	tsv note "$T/wide.ns"
	[ "$rc" -eq 1 ]
	printf 'id\tf1\tf2\na\tx\ty\n' >"$T/want"
	same_bytes "$T/want" "$T/out"
	[ "$(cat "$T/err")" = "ntsv: $T/wide.ns:3: note record with more than 62 fields: skipped" ]
}

@test "an unknown kind that never occurs: the header is id alone" {
	tsv nothing core-stream.ns
	[ "$rc" -eq 0 ]
	[ "$(cat "$T/out")" = "id" ]
}

@test "several tables: id, record and the union of their columns" {
	table paras,junk paras-junk
	[ "$(head -1 "$T/out")" = "id	record	n	text	reason" ]
	tsv docs,meta,paras core-stream.ns
	[ "$rc" -eq 0 ]
	[ "$(head -1 "$T/out")" = "id	record	source	format	key	value	n	text" ]
	# every record of those kinds, in stream order
	[ "$(cut -f2 "$T/out" | sed 1d | tr '\n' ' ')" = \
	    "doc meta meta meta para para doc para para meta meta meta doc meta " ]
}

@test "-H leaves out the header" {
	tsv -H paras core-stream.ns
	[ "$rc" -eq 0 ]
	sed 1d core-stream.paras.tsv >"$T/want"
	same_bytes "$T/want" "$T/out"
	printf '' | ntsv -H >"$T/out"
	[ ! -s "$T/out" ]
}

@test "-f appends columns to every row; meta after the paras still applies" {
	tsv -f title,date,source paras core-stream.ns
	[ "$rc" -eq 0 ]
	no_err
	same_bytes core-stream.paras-f.tsv "$T/out"
	tsv -f title,date,source articles core-stream.ns
	same_bytes core-stream.articles-f.tsv "$T/out"
	# s.2's title and date come after its paras; its second title is ignored
	grep -q '^s\.2	2	"It is a fair deal," said Owen Frey\.	Dockers accept pay offer	2024-02-22	dump\.txt$' core-stream.paras-f.tsv
}

@test "-f on several tables and on an unknown kind" {
	tsv -f date paras,junk core-stream.ns
	[ "$rc" -eq 0 ]
	[ "$(head -1 "$T/out")" = "id	record	n	text	reason	date" ]
	[ "$(sed -n 4p "$T/out")" = "s.1	junk	3	214 shares	share	2024-02-20" ]
	tsv -f title note core-stream.ns
	[ "$(cat "$T/out")" = "$(printf 'id\tf1\tf2\tf3\ttitle\ns.1\ta\tb\tc\tFerry back in service\ns.2\tx\ty\tz\tDockers accept pay offer')" ]
}

@test "text stays escaped as in the stream" {
	tsv paras core-stream.ns
	grep -qF 's.1	2	Tab\there, a backslash \\ and a newline\nin one field.' "$T/out"
	tsv -f title paras core-stream.ns
	grep -qF 's.1	2	Tab\there, a backslash \\ and a newline\nin one field.	Ferry back in service' "$T/out"
}

@test "every row has as many fields as the header, and rows sort" {
	for t in articles paras docs meta junk note paras,junk docs,meta,paras,junk; do
		for f in "" "-f title,date,source"; do
			# shellcheck disable=SC2086
			ntsv $f "$t" core-stream.ns >"$T/out"
			awk -F '\t' 'NR == 1 { n = NF } NF != n { exit 1 }' "$T/out"
			LC_ALL=C sort -t "$(printf '\t')" -k1,1 -k2,2 "$T/out" >"$T/sorted"
			[ "$(wc -l <"$T/sorted")" -eq "$(wc -l <"$T/out")" ]
		done
	done
	# sorted on the text column, a split dump keeps every row whole
	nsplit core-mixed.txt core-title.txt | ntsv -H paras >"$T/out"
	LC_ALL=C sort -t "$(printf '\t')" -k3,3 "$T/out" >"$T/sorted"
	[ "$(sort "$T/out" | cksum)" = "$(sort "$T/sorted" | cksum)" ]
}

@test "words: runs of bytes other than space and escaped TAB, LF, CR" {
	# the reference count takes escaped backslashes out first, then
	# counts blank-separated fields; lengths cross the 8-byte boundaries
	awk 'BEGIN { srand(7); split("w|word|longerword|\\t|\\n|\\r|\\\\|\\\\t|a\\\\nb|C:\\\\x|é|—| | |  ", tok, "|")
		for (p = 1; p <= 400; p++) {
			s = ""
			k = int(rand() * 40)
			for (i = 0; i < k; i++)
				s = s tok[1 + int(rand() * 15)]
			printf "a%d\tpara\t1\t%s\n", p, s
		} }' >"$T/words.ns"
	ntsv -H <"$T/words.ns" | cut -f1,8 >"$T/got"
	awk -F '\t' '{ s = $4; gsub(/\\\\/, "\001", s); gsub(/\\[tnr]/, " ", s)
		print $1 "\t" split(s, w, " ") }' "$T/words.ns" >"$T/want"
	same_bytes "$T/want" "$T/got"
	[ "$(printf 'x\tpara\t1\tC:\\\\temp\\\\tab \\\\\n' | ntsv -H | cut -f8)" -eq 2 ]
}

@test "malformed lines: reported with file and line, skipped, exit 1, rest printed" {
	tsv paras core-bad.ns
	[ "$rc" -eq 1 ]
	printf 'id\tn\ttext\nb.1\t1\tKept before the damage.\nb.1\t5\tKept after the damage.\n' >"$T/want"
	same_bytes "$T/want" "$T/out"
	printf '%s\n' 'ntsv: core-bad.ns:3: not a record: skipped' \
	    'ntsv: core-bad.ns:4: not a record: skipped' \
	    'ntsv: core-bad.ns:5: not a record: skipped' \
	    'ntsv: core-bad.ns:6: para record with 1 field, not 2: skipped' \
	    'ntsv: core-bad.ns:7: para record with 3 fields, not 2: skipped' \
	    'ntsv: core-bad.ns:9: doc record with 1 field, not 2: skipped' >"$T/want"
	same_bytes "$T/want" "$T/err"
	tsv articles core-bad.ns
	[ "$rc" -eq 1 ]
	printf 'id\tsource\tformat\ttitle\tbyline\tdate\tparagraphs\twords\nb.1\tdump.txt\ttext\t\t\t\t2\t8\nb.2\t\t\tSecond article\t\t\t0\t0\n' >"$T/want"
	same_bytes "$T/want" "$T/out"
}

@test "from standard input, messages name -" {
	printf 'no tab here\n' | ntsv paras >"$T/out" 2>"$T/err" || rc=$?
	[ "$rc" -eq 1 ]
	[ "$(cat "$T/err")" = "ntsv: -:1: not a record: skipped" ]
	[ "$(cat "$T/out")" = "id	n	text" ]
}

@test "several inputs, a missing one: message, exit 1, the others read" {
	tsv paras core-stream.ns "$T/missing.ns" core-bad.ns
	[ "$rc" -eq 1 ]
	grep -qx "ntsv: $T/missing.ns: No such file or directory" "$T/err"
	[ "$(grep -c . "$T/out")" -eq 7 ]
	[ "$(head -1 "$T/out")" = "id	n	text" ]
}

@test "empty input: the header alone" {
	printf '' | ntsv >"$T/out"
	[ "$(cat "$T/out")" = "id	source	format	title	byline	date	paragraphs	words" ]
	printf '\n\n' | ntsv paras >"$T/out"
	[ "$(cat "$T/out")" = "id	n	text" ]
}

@test "bad flags and bad table lists: usage, exit 2" {
	tsv -x core-stream.ns
	[ "$rc" -eq 2 ]
	[ ! -s "$T/out" ]
	grep -q '^usage: ntsv \[-H\] \[-f field,\.\.\.\] \[table\[,table\.\.\.\] \[file \.\.\.\]\]$' "$T/err"
	tsv -f
	[ "$rc" -eq 2 ]
	tsv articles,paras core-stream.ns
	[ "$rc" -eq 2 ]
	[ ! -s "$T/out" ]
	grep -q '^usage: ntsv ' "$T/err"
	tsv paras,articles core-stream.ns
	[ "$rc" -eq 2 ]
	tsv note,paras core-stream.ns
	[ "$rc" -eq 2 ]
	tsv , core-stream.ns
	[ "$rc" -eq 2 ]
}

@test "the stream nsplit writes goes through unchanged" {
	nsplit core-scraped.txt | ntsv -H paras >"$T/out"
	cut -f1,3,4 core-scraped.out | sed 1d >"$T/want"
	same_bytes "$T/want" "$T/out"
	nsplit core-scraped.txt core-title.txt | ntsv -H >"$T/out"
	[ "$(cut -f1,7,8 "$T/out" | tr '\t\n' ' |')" = "core-scraped 21 222|core-title.1 10 100|core-title.2 7 112|core-title.3 4 79|" ]
}

@test "a file name where the table belongs is refused, not read as a kind" {
	tsv core-stream.ns
	[ "$rc" -eq 2 ]
	grep -qx 'ntsv: core-stream.ns: not a table or record kind' "$T/err"
	[ ! -s "$T/out" ]
}

@test "several tables: the record kind is column 2, named record (quotes have a kind)" {
	tsv paras,quotes core-stream.ns
	[ "$rc" -eq 0 ]
	[ "$(head -1 "$T/out")" = "$(printf 'id\trecord\tn\ttext\tqno\tstart\tend\tspeaker\tspeaker_text\tcue\tkind')" ]
}
