#!/usr/bin/env bats
# The bad-input matrix of issue 7: every tool on every kind of bad input,
# each with the one outcome newsutils(7) lists under BAD INPUT.  nsplit
# gets raw input (auto-detected, or each format forced); nstrip, nquote,
# ntag and ntsv a record stream, hand-written here or nsplit's.  The
# inputs are generated in the test (printf, awk); the three big cases
# (a 100 MB line, 100 000 articles, a 50 MB article) each run once,
# through the whole pipeline.
load helper
bats_require_minimum_version 1.5.0

setup() {
	T=$BATS_TEST_TMPDIR
}

FORMATS='text lexisnexis nexisuni factiva proquest mbox html warc'
FILTERS='nstrip nquote ntag'
ARTHEAD='id	source	format	title	byline	date	paragraphs	words'

# base: a short article as a stream, and what each tool makes of it
base() {
	printf '%s\n' 'quay	doc	quay.txt	text' \
	    'quay	para	1	Ferry returns to the quay after the storm' \
	    'quay	para	2	"The boats sail again on Monday," said Anna Berg, the harbour master in Oslo.' \
	    'quay	para	3	The ferry company thanked the crews who repaired the landing ramp over the weekend.'
}

# base_out TOOL: TOOL's output for base
base_out() {
	case $1 in
	nstrip)
		base | sed 1q
		base | sed -n '3,$p' ;;
	nquote)
		base | sed 3q
		printf 'quay\tquote\t1\t2\t1\t32\tAnna Berg\tAnna Berg\tsaid\tdirect\tThe boats sail again on Monday,\n'
		base | sed -n '4,$p' ;;
	ntag)
		base | sed 3q
		printf 'quay\tent\t2\t%s\n' '25	31	DATE	Monday	Monday	Monday' \
		    '39	48	PER	Anna Berg	Anna Berg	' '72	76	LOC	Oslo	Oslo	'
		base | sed -n '4,$p' ;;
	ntsv)
		printf '%s\nquay\tquay.txt\ttext\t\t\t\t3\t36\n' "$ARTHEAD" ;;
	esac
}

# out_is TOOL: $T/out is base_out TOOL
out_is() {
	base_out "$1" >"$T/want"
	same_bytes "$T/want" "$T/out"
}

# ---- empty input ----

@test "empty input: nothing written but ntsv's header, exit 0, no message" {
	local f t
	: >"$T/empty"
	for f in '' $FORMATS; do
		runtool nsplit ${f:+-f $f} "$T/empty"
		[ "$rc" -eq 0 ]
		no_err
		[ ! -s "$T/out" ]
		runtool nsplit ${f:+-f $f} <"$T/empty"
		[ "$rc" -eq 0 ]
		no_err
		[ ! -s "$T/out" ]
	done
	for t in $FILTERS; do
		runtool $t "$T/empty"
		[ "$rc" -eq 0 ]
		no_err
		[ ! -s "$T/out" ]
	done
	runtool nstrip -m <"$T/empty"
	[ "$rc" -eq 0 ]
	[ ! -s "$T/out" ]
	tsv <"$T/empty"
	[ "$rc" -eq 0 ]
	no_err
	want_bytes '%s\n' "$ARTHEAD"
	tsv paras,junk "$T/empty"
	[ "$rc" -eq 0 ]
	want_bytes 'id\trecord\tn\ttext\treason\n'
}

# ---- only blank lines ----

@test "only blank lines: nsplit writes nothing, in any format; a WARC archive may hold empty lines only" {
	local f
	# a BOM, blanks, tab, CR, form feed, NBSP, vertical tab
	printf '\357\273\277\n  \n\t\r\n\f\n \302\240\n\v\n\n' >"$T/blank.txt"
	for f in '' ${FORMATS% warc}; do
		ns ${f:+-f $f} "$T/blank.txt"
		[ "$rc" -eq 0 ]
		no_err
		[ ! -s "$T/out" ]
	done
	# a WARC archive may have empty lines between records, nothing else
	printf '\n\r\n\n' >"$T/empty.warc"
	ns -f warc "$T/empty.warc"
	[ "$rc" -eq 0 ]
	no_err
	[ ! -s "$T/out" ]
	ns -f warc "$T/blank.txt"
	[ "$rc" -eq 1 ]
	want_err "nsplit: $T/blank.txt: offset 0: not a WARC record"
	[ ! -s "$T/out" ]
}

@test "only blank lines: the stream tools skip empty lines, report and keep lines of blanks" {
	local t
	printf '\n\n\n' >"$T/empty.ns"
	for t in $FILTERS; do
		runtool $t <"$T/empty.ns"
		[ "$rc" -eq 0 ]
		no_err
		[ ! -s "$T/out" ]
	done
	tsv <"$T/empty.ns"
	[ "$rc" -eq 0 ]
	no_err
	want_bytes '%s\n' "$ARTHEAD"
	# a line of blanks is no record: reported, passed on, status 1
	printf '\n \n\n\t\n' >"$T/blanks.ns"
	for t in $FILTERS; do
		runtool $t <"$T/blanks.ns"
		[ "$rc" -eq 1 ]
		want_err "$t: -:2: not a record" "$t: -:4: not a record"
		want_bytes ' \n\t\n'
	done
	tsv <"$T/blanks.ns"
	[ "$rc" -eq 1 ]
	want_err "ntsv: -:2: not a record: skipped" "ntsv: -:4: not a record: skipped"
	want_bytes '%s\n' "$ARTHEAD"
}

# ---- no final newline, CRLF, a byte order mark ----

# chomp: the standard input without its final newline
chomp() {
	awk 'NR > 1 { printf "\n" } { printf "%s", $0 }'
}

# crlf: the standard input with CR LF line ends
crlf() {
	awk '{ printf "%s\r\n", $0 }'
}

# variants NAME: in $T/lf, $T/nonl, $T/crlf and $T/bom, the raw input
# $1 as it is, without its final newline, with CR LF line ends and with
# a byte order mark first
variants() {
	local name=${1##*/}
	mkdir -p "$T/lf" "$T/nonl" "$T/crlf" "$T/bom"
	cp "$1" "$T/lf/$name"
	chomp <"$1" >"$T/nonl/$name"
	crlf <"$1" >"$T/crlf/$name"
	{ printf '\357\273\277'; cat "$1"; } >"$T/bom/$name"
}

@test "no final newline, CRLF, a BOM: every raw input gives nsplit the same records and messages" {
	local f name v bad=
	for f in "$SAMPLES"/* "$FIX"/*.txt "$FIX"/*.mbox "$FIX"/*.eml "$FIX"/*.html; do
		name=${f##*/}
		variants "$f"
		for v in lf nonl crlf bom; do
			(cd "$T/$v" && ns "$name")
			mv "$T/out" "$T/$v.out"
			mv "$T/err" "$T/$v.err"
		done
		for v in nonl crlf bom; do
			cmp -s "$T/lf.out" "$T/$v.out" && cmp -s "$T/lf.err" "$T/$v.err" ||
			    bad="$bad $v:$name"
		done
	done
	[ -z "$bad" ] || { echo "differ:$bad" >&2; return 1; }
}

@test "no final newline: the last line is kept, by nsplit and the stream tools" {
	local t
	printf 'First line\nlast line, no newline' >"$T/nonl.txt"
	ns "$T/nonl.txt"
	[ "$rc" -eq 0 ]
	no_err
	want_bytes 'nonl\tdoc\t%s\ttext\nnonl\tpara\t1\tFirst line\nnonl\tpara\t2\tlast line, no newline\n' "$T/nonl.txt"
	base | chomp >"$T/nonl.ns"
	for t in $FILTERS ntsv; do
		runtool $t <"$T/nonl.ns"
		[ "$rc" -eq 0 ]
		no_err
		out_is $t
	done
}

@test "CRLF: the stream tools read CR LF as the line end; a CR alone is a blank line" {
	local t
	{ base; printf '\n'; } | crlf >"$T/crlf.ns"
	for t in $FILTERS ntsv; do
		runtool $t <"$T/crlf.ns"
		[ "$rc" -eq 0 ]
		no_err
		out_is $t
	done
}

@test "BOM: the stream tools drop a byte order mark before an input's first record" {
	local t
	{ printf '\357\273\277'; base; } >"$T/bom.ns"
	for t in $FILTERS ntsv; do
		runtool $t <"$T/bom.ns"
		[ "$rc" -eq 0 ]
		no_err
		out_is $t
	done
	# at the start of each input; a second article from a second file
	base | sed 's/quay/pier/' >"$T/pier.ns"
	{ printf '\357\273\277'; cat "$T/pier.ns"; } >"$T/bompier.ns"
	runtool nquote "$T/bom.ns" "$T/bompier.ns"
	[ "$rc" -eq 0 ]
	{ base_out nquote; base_out nquote | sed 's/quay/pier/'; } >"$T/want"
	same_bytes "$T/want" "$T/out"
}

# ---- invalid UTF-8 and NUL bytes ----

# utf8_ok FILE: FILE is valid UTF-8 and holds no NUL byte
utf8_ok() {
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null
	[ "$(tr -d '\000' <"$1" | wc -c)" -eq "$(wc -c <"$1")" ]
}

@test "invalid UTF-8 and NUL: nsplit repairs them and says so once, in every line format" {
	local f
	printf 'Harbour news\nOverlong \300\257, surrogate \355\240\200, cut \342\202 and \360\237\223\nA NUL \000 here.\n' >"$T/bad.txt"
	ns "$T/bad.txt"
	[ "$rc" -eq 0 ]
	want_err "nsplit: $T/bad.txt:2: 11 bytes of invalid UTF-8 or NUL read as Windows-1252 (NUL as U+FFFD)"
	want_bytes 'bad\tdoc\t%s\ttext\nbad\tpara\t1\tHarbour news\nbad\tpara\t2\t%b\nbad\tpara\t3\tA NUL \357\277\275 here.\n' "$T/bad.txt" \
	    'Overlong \303\200\302\257, surrogate \303\255\302\240\342\202\254, cut \303\242\342\200\232 and \303\260\305\270\342\200\234'
	for f in ${FORMATS% warc}; do
		ns -f "$f" "$T/bad.txt"
		[ "$rc" -eq 0 ]
		utf8_ok "$T/out"
		# a web page is decoded by its charset, quietly (nsplit(1));
		# two formats also say that this is none of theirs
		if [ "$f" != html ]; then
			grep 'invalid UTF-8' "$T/err" >"$T/err.utf8"
			mv "$T/err.utf8" "$T/err"
			want_err "nsplit: $T/bad.txt:2: 11 bytes of invalid UTF-8 or NUL read as Windows-1252 (NUL as U+FFFD)"
		fi
	done
}

@test "invalid UTF-8 and NUL: the stream tools pass the bytes on as they are, quietly" {
	local t bad
	# in the quotation of paragraph 2: 11 bytes before "on Monday"
	bad='\300\257 again \355\240\200 \000\342\202'
	{ base | sed 2q
	  printf "quay\\tpara\\t2\\t\"The boats sail $bad on Monday,\" said Anna Berg, the harbour master in Oslo.\\n"
	  base | sed 1,3d; } >"$T/bad.ns"
	for t in $FILTERS ntsv; do
		runtool $t <"$T/bad.ns"
		[ "$rc" -eq 0 ]
		no_err
	done
	want_bytes '%s\nquay\tquay.txt\ttext\t\t\t\t3\t39\n' "$ARTHEAD"
	runtool nquote <"$T/bad.ns"
	{ sed 3q "$T/bad.ns"
	  printf "quay\\tquote\\t1\\t2\\t1\\t43\\tAnna Berg\\tAnna Berg\\tsaid\\tdirect\\tThe boats sail $bad on Monday,\\n"
	  sed 1,3d "$T/bad.ns"; } >"$T/want"
	same_bytes "$T/want" "$T/out"
	runtool ntag <"$T/bad.ns"
	{ sed 3q "$T/bad.ns"
	  printf 'quay\tent\t2\t%s\n' '36	42	DATE	Monday	Monday	Monday' \
	      '50	59	PER	Anna Berg	Anna Berg	' '83	87	LOC	Oslo	Oslo	'
	  sed 1,3d "$T/bad.ns"; } >"$T/want"
	same_bytes "$T/want" "$T/out"
	runtool nstrip -m <"$T/bad.ns"
	{ sed 1q "$T/bad.ns"
	  printf 'quay\tjunk\t1\tshort\tFerry returns to the quay after the storm\n'
	  sed 1,2d "$T/bad.ns"; } >"$T/want"
	same_bytes "$T/want" "$T/out"
	tsv paras <"$T/bad.ns"
	cut -f1,3- "$T/bad.ns" | sed 1d >"$T/want"
	sed 1d "$T/out" >"$T/got"
	same_bytes "$T/want" "$T/got"
}

# ---- records with too few (or too many) fields, lines that are no record ----

@test "too few fields: each tool reports the line, passes it on (ntsv: leaves it out), exits 1" {
	local t
	printf '%s\n' 'quay	doc	quay.txt' 'quay	meta	title' 'quay	para	1' 'quay	para' \
	    'quay	hint	1	nav' 'quay	junk	1	short' 'quay	quote	1	2' 'quay	ent	2	0' \
	    "$(base | sed -n 3p)" 'quay	para	3	The ferry	company thanked the crews.' \
	    'quay' '	para	4	no id' 'quay		no kind' >"$T/few.ns"
	printf '%s\n' '1: doc record with 1 field, not 2' '2: meta record with 1 field, not 2' \
	    '3: para record with 1 field, not 2' '4: para record with 0 fields, not 2' \
	    '5: hint record with 2 fields, not 4' '6: junk record with 2 fields, not 3' \
	    '7: quote record with 2 fields, not 9' '8: ent record with 2 fields, not 7' \
	    '10: para record with 3 fields, not 2' '11: not a record' '12: not a record' \
	    '13: not a record' >"$T/why"
	for t in nstrip "nstrip -m" nquote ntag; do
		runtool $t <"$T/few.ns"
		[ "$rc" -eq 1 ]
		sed "s/^/${t% -m}: -:/" "$T/why" >"$T/err.want"
		same_bytes "$T/err.want" "$T/err"
		# every line as it came, in order; the one good paragraph quoted
		# or tagged
		sed 9q "$T/few.ns" >"$T/want"
		base_out ${t% -m} | grep '	quote	\|	ent	' >>"$T/want" || true
		sed 1,9d "$T/few.ns" >>"$T/want"
		same_bytes "$T/want" "$T/out"
	done
	tsv paras,junk <"$T/few.ns"
	[ "$rc" -eq 1 ]
	sed 's/^/ntsv: -:/; s/$/: skipped/' "$T/why" >"$T/err.want"
	same_bytes "$T/err.want" "$T/err"
	want_bytes 'id\trecord\tn\ttext\treason\nquay\tpara\t%s\t\n' "$(base | sed -n '3s/^quay	para	//p')"
	tsv <"$T/few.ns"
	[ "$rc" -eq 1 ]
	want_bytes '%s\nquay\t\t\t\t\t\t1\t14\n' "$ARTHEAD"
}

# ---- unknown kinds ----

@test "unknown kinds: passed on unchanged and in order, quietly; ntsv shows them only when asked" {
	local t n
	base | sed '2a\
quay	note	checked by the desk	twice\
quay	x-score	0.75' >"$T/unk.ns"
	printf 'pier\tnote\tan article of notes only\n' >>"$T/unk.ns"
	for t in $FILTERS; do
		runtool $t <"$T/unk.ns"
		[ "$rc" -eq 0 ]
		no_err
		# after paragraph 1, which nstrip drops (short)
		n=2
		[ $t != nstrip ] || n=1
		{ base_out $t | sed ${n}q
		  sed -n 3,4p "$T/unk.ns"
		  base_out $t | sed 1,${n}d
		  tail -1 "$T/unk.ns"; } >"$T/want"
		same_bytes "$T/want" "$T/out"
	done
	tsv <"$T/unk.ns"
	[ "$rc" -eq 0 ]
	no_err
	want_bytes '%s\nquay\tquay.txt\ttext\t\t\t\t3\t36\npier\t\t\t\t\t\t0\t0\n' "$ARTHEAD"
	# a table of its own: columns from its first record; one unlike it
	# is reported and left out
	tsv note <"$T/unk.ns"
	[ "$rc" -eq 1 ]
	want_err 'ntsv: -:7: note record with 1 field, not 2: skipped'
	want_bytes 'id\tf1\tf2\nquay\tchecked by the desk\ttwice\n'
}

# ---- a truncated record stream ----

# cut_at FILE STRING K: FILE up to K bytes past the first STRING
cut_at() {
	S=$2 K=$3 awk 'BEGIN { RS = "\001" }
	    { printf "%s", substr($0, 1, index($0, ENVIRON["S"]) - 1 + ENVIRON["K"]) }' "$1"
}

@test "a stream cut mid-line: the last line is read as it is, as if it ended there" {
	local t c last
	{ base
	  printf 'quay\tpara\t4\tThe caf\303\251 on the pier reopens in Troms\303\270, its owner Jonas Lind said.\\tA tab.\n'; } |
	    nquote | ntag >"$T/full.ns"
	# where it is cut, and what each tool says of the last line then
	cut_at "$T/full.ns" 'Anna Ber' 8 >"$T/c1"		# in a paragraph
	cut_at "$T/full.ns" 'PER	Anna' 8 >"$T/c2"		# in an ent record
	cut_at "$T/full.ns" 'direct	The' 12 >"$T/c3"	# in a quote's text
	cut_at "$T/full.ns" 'Troms' 6 >"$T/c4"		# in a UTF-8 character
	cut_at "$T/full.ns" '\tA' 1 >"$T/c5"		# after a backslash
	cut_at "$T/full.ns" 'quay	para	3' 7 >"$T/c6"	# in a kind
	cut_at "$T/full.ns" 'quay	para	3' 2 >"$T/c7"	# in an ID
	cut_at "$T/full.ns" 'quay	para	4' 10 >"$T/c8"	# after a kind
	printf '%s\n' '' '5: ent record with 5 fields, not 7' '' '' '' '' '8: not a record' \
	    '9: para record with 1 field, not 2' >"$T/why"
	for c in 1 2 3 4 5 6 7 8; do
		# cut in a line, not after one
		[ -s "$T/c$c" ] && [ "$(tail -c 1 "$T/c$c" | wc -l)" -eq 0 ]
		last=$(tail -1 "$T/c$c")
		{ cat "$T/c$c"; echo; } >"$T/c$c.nl"
		for t in nstrip "nstrip -m" nquote ntag ntsv "ntsv paras,junk,quotes,entities"; do
			echo "cut $c: $t"
			runtool $t <"$T/c$c.nl"
			mv "$T/out" "$T/out.nl"
			runtool $t <"$T/c$c"
			same_bytes "$T/out.nl" "$T/out"
			sed -n "${c}p" "$T/why" | grep . | sed "s/^/${t%% *}: -:/" >"$T/err.want"
			if [ "${t%% *}" = ntsv ]; then
				sed 's/$/: skipped/' "$T/err.want" >"$T/err.ntsv"
				mv "$T/err.ntsv" "$T/err.want"
			fi
			same_bytes "$T/err.want" "$T/err"
			[ "$rc" -eq "$(wc -l <"$T/err.want")" ]
		done
		# passed on whole; nquote writes a quote afresh, nstrip the text
		# of a short paragraph as junk
		runtool ntag <"$T/c$c"
		grep -Fxq -- "$last" "$T/out"
		runtool nquote <"$T/c$c"
		[ "$c" -eq 3 ] || grep -Fxq -- "$last" "$T/out"
	done
	# the cut paragraph is a shorter paragraph; the cut quote, written
	# again, is whole
	runtool nquote <"$T/c3"
	grep -q '	quote	1	2	1	32	Anna Berg	Anna Berg	said	direct	The boats sail again on Monday,$' "$T/out"
	runtool nstrip -m <"$T/c1"
	grep -q '^quay	junk	2	short	"The boats sail again on Monday," said Anna Ber$' "$T/out"
}

# ---- binary garbage ----

# garbage N: N bytes from a fixed pseudo-random sequence (Park-Miller,
# exact in awk's doubles): every byte value, NUL and CR included
garbage() {
	awk -v n="$1" 'BEGIN { x = 20261126
		for (i = 0; i < n; i++) {
			x = (x * 16807) % 2147483647
			printf "%c", int(x / 8388608)
		} }'
}

# bytes FILE: how often each byte occurs in the text of FILE's para,
# meta and junk records, unescaped, white space and NBSP left out
bytes() {
	awk -F '\t' '$2 == "para" || $2 == "meta" { print $4 } $2 == "junk" { print $5 }' "$1" |
	    sed "s/\\\\[tnr]//g; s/\\\\\\\\/\\\\/g; s/$(printf '\302\240')//g" | tr -d ' \t\n\r\f\v' |
	    fold -b -w1 | sort | uniq -c
}

@test "binary garbage: nsplit reads it in every format, repairs and reports it, keeps every byte" {
	local f
	garbage 524288 >"$T/garbage"
	[ "$(cksum <"$T/garbage")" = '3983000590 524288' ]
	ns <"$T/garbage"
	[ "$rc" -eq 0 ]
	want_err 'nsplit: -:1: 227544 bytes of invalid UTF-8 or NUL read as Windows-1252 (NUL as U+FFFD)'
	utf8_ok "$T/out"
	[ "$(grep -c '	doc	stdin	' "$T/out")" -eq 0 ]
	[ "$(grep -c '	doc	-	text$' "$T/out")" -eq 2018 ]
	bytes "$T/out" >"$T/text.bytes"
	for f in $FORMATS; do
		echo "-f $f"
		ns -f "$f" <"$T/garbage"
		utf8_ok "$T/out"
		case $f in
		warc)
			[ "$rc" -eq 1 ]
			want_err 'nsplit: -: offset 0: not a WARC record'
			continue ;;
		html)
			[ "$rc" -eq 0 ]
			no_err
			continue ;;
		factiva)
			want_err "nsplit: -:1: article without a closing 'Document' line" \
			    'nsplit: -:1: 227544 bytes of invalid UTF-8 or NUL read as Windows-1252 (NUL as U+FFFD)' ;;
		proquest)
			want_err 'nsplit: -: no ProQuest fields: each section is one article' \
			    'nsplit: -:1: 227544 bytes of invalid UTF-8 or NUL read as Windows-1252 (NUL as U+FFFD)' ;;
		*)
			want_err 'nsplit: -:1: 227544 bytes of invalid UTF-8 or NUL read as Windows-1252 (NUL as U+FFFD)' ;;
		esac
		[ "$rc" -eq 0 ]
		bytes "$T/out" >"$T/$f.bytes"
		same_bytes "$T/text.bytes" "$T/$f.bytes"
	done
}

@test "binary garbage: a stream tool passes each line on and reports those that are no record" {
	local t
	# (without CRs: a CR before a newline is the CRLF case)
	garbage 524288 | tr -d '\r' >"$T/garbage"
	# the non-empty lines that are no record: no tab, or an empty ID or kind
	awk -F '\t' 'length($0) && (NF < 2 || $1 == "" || $2 == "") { print NR }' "$T/garbage" >"$T/bad"
	[ "$(wc -l <"$T/bad")" -eq 971 ]
	awk 'length($0)' "$T/garbage" >"$T/lines"
	for t in $FILTERS; do
		runtool $t <"$T/garbage"
		[ "$rc" -eq 1 ]
		sed "s/.*/$t: -:&: not a record/" "$T/bad" >"$T/err.want"
		same_bytes "$T/err.want" "$T/err"
		same_bytes "$T/lines" "$T/out"
	done
	tsv <"$T/garbage"
	[ "$rc" -eq 1 ]
	sed 's/.*/ntsv: -:&: not a record: skipped/' "$T/bad" >"$T/err.want"
	same_bytes "$T/err.want" "$T/err"
	[ "$(sed -n 1p "$T/out")" = "$ARTHEAD" ]
	[ "$(wc -l <"$T/out")" -eq 1007 ]
}

@test "binary garbage: through the whole pipeline every paragraph comes out, as para or junk" {
	garbage 524288 >"$T/garbage"
	nsplit <"$T/garbage" 2>"$T/e1" | nstrip -m 2>"$T/e2" | nquote 2>"$T/e3" |
	    ntag 2>"$T/e4" | ntsv -H paras,junk 2>"$T/e5" >"$T/rows"
	[ "${PIPESTATUS[*]}" = "0 0 0 0 0" ]
	cat "$T/e2" "$T/e3" "$T/e4" "$T/e5" >"$T/err"
	no_err
	nsplit <"$T/garbage" 2>/dev/null | ntsv -H paras | sort >"$T/want"
	cut -f1,3,4 "$T/rows" | sort >"$T/got"
	same_bytes "$T/want" "$T/got"
}

# ---- the big cases: once each, through the whole pipeline ----

# pipeline IN TABLES: nsplit IN | nstrip -m | nquote | ntag | ntsv -H
# TABLES into $T/rows, each tool's messages in $T/err; fails unless every
# tool exits 0
pipeline() {
	nsplit "$1" 2>"$T/e1" | nstrip -m 2>"$T/e2" | nquote 2>"$T/e3" | ntag 2>"$T/e4" |
	    ntsv -H "$2" >"$T/rows" 2>"$T/e5"
	[ "${PIPESTATUS[*]}" = "0 0 0 0 0" ]
	cat "$T/e1" "$T/e2" "$T/e3" "$T/e4" "$T/e5" >"$T/err"
}

@test "a 100 MB line: one paragraph, every byte of it, entities past 100 MB at the right offsets" {
	# a page whose text is one line: a picture in a data URI between two
	# sentences, a TAB and backslashes to escape
	awk 'BEGIN { s = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkM9QDwADhgGAWjR9awAAAABJRU5ErkJggg"
		while (length(s) < 1048576) s = s s
		s = substr(s, 1, 1048576)
		printf "\"The tunnel opens in May,\" said Anna Berg, the mayor of Port Ellery.\t"
		printf "See the plan: C:\\\\maps\\\\tunnel data:image/png;base64,"
		for (i = 0; i < 100; i++) printf "%s", s
		print " The council in Oslo will vote on 12 March 2024, said Jonas Lind." }' >"$T/line.txt"
	[ "$(wc -c <"$T/line.txt")" -eq 104857788 ]
	cd "$T"
	pipeline line.txt paras,junk,quotes,entities
	no_err
	# the paragraph: the line, escaped
	grep '^line	para	1	' "$T/rows" | cut -f4 >"$T/text"
	sed 's/\\/\\\\/g; s/	/\\t/g' "$T/line.txt" | cmp - "$T/text"
	# the rest: 122 bytes before the picture, 100 MiB of it
	grep -v '^line	para	' "$T/rows" >"$T/rest"
	printf 'line\tent\t1\t%s\n' \
	    'May			21	24					DATE	May	May' \
	    'Anna Berg			32	41					PER	Anna Berg	' \
	    'Port Ellery			56	67					LOC	Port Ellery	' \
	    "Oslo			$((122 + 104857600 + 16))	104857742					LOC	Oslo	" \
	    '12 March 2024			104857756	104857769					DATE	12 March 2024	2024-03-12' \
	    'Jonas Lind			104857776	104857786					PER	Jonas Lind	' >"$T/want"
	printf 'line\tquote\t1\tThe tunnel opens in May,\t\t1\t1\t25\tAnna Berg\tAnna Berg\tsaid\tdirect\t\t\t\n' >>"$T/want"
	same_bytes "$T/want" "$T/rest"
}

@test "100 000 tiny articles: each one whole, in order, through the whole pipeline" {
	cd "$T"
	awk 'BEGIN { for (i = 1; i <= 100000; i++)
		printf "Ferry %d sails again\n\n\"We are back at last,\" said Anna Berg in Oslo.\n\f", i }' >many.txt
	pipeline many.txt docs,paras,junk,quotes,entities
	no_err
	awk 'BEGIN { for (i = 1; i <= 100000; i++) {
		id = "many." i
		printf "%s\tdoc\tmany.txt\ttext%s\n", id, "\t\t\t\t\t\t\t\t\t\t\t\t\t"
		printf "%s\tjunk\t\t\t1\tFerry %d sails again\tshort%s\n", id, i, "\t\t\t\t\t\t\t\t\t\t"
		printf "%s\tpara\t\t\t2\t\"We are back at last,\" said Anna Berg in Oslo.%s\n", id, "\t\t\t\t\t\t\t\t\t\t\t"
		printf "%s\tent\t\t\t2\tAnna Berg\t\t\t28\t37\t\t\t\t\tPER\tAnna Berg\t\n", id
		printf "%s\tent\t\t\t2\tOslo\t\t\t41\t45\t\t\t\t\tLOC\tOslo\t\n", id
		printf "%s\tquote\t\t\t2\tWe are back at last,\t\t1\t1\t21\tAnna Berg\tAnna Berg\tsaid\tdirect\t\t\t\n", id
	} }' >want
	same_bytes want rows
}

@test "an article of 50 MB: every paragraph, with its quotes and entities" {
	cd "$T"
	# 120 120 paragraphs, half of them quotes, each with a long link;
	# 77 people, seven forenames and eleven surnames
	awk 'BEGIN { split("Anna Jonas Maria Peter Olga Tomas Ines", F, " ")
		split("Berg Kowal Lind Moreau Novak Ortiz Quist Rossi Sato Weber Young", L, " ")
		print "Harbour council debates the flood wall all year\n"
		for (i = 1; size < 52428800; i++) {
			n = F[i % 7 + 1] " " L[i % 11 + 1]
			t = i % 4
			if (t == 0) s = sprintf("\"We will finish the wall by %d, whatever the weather does to the old harbour,\" said %s, who chairs the works committee.", 2000 + i % 50, n)
			else if (t == 1) s = sprintf("%s told the council in Oslo on Monday that the pumps would cost far more than the engineers had planned last spring.", n)
			else if (t == 2) s = "\"It is too late for that, and everyone on the quay knows it by now,\" she said after the long meeting had ended."
			else s = sprintf("Residents of Ward %d came to the old mill library on Friday evening to hear %s explain the new plan for the sea wall.", i % 30 + 1, n)
			d = sprintf("%08x%08x%08x%08x", (i * 40503) % 2147483647, (i * 69069) % 2147483647, (i * 1103) % 2147483647, (i * 9973) % 2147483647)
			s = s " The minutes are at https://council.example/minutes/" d d d d d d d d ".pdf"
			print s "\n"
			size += length(s) + 2
		} }' >art.txt
	[ "$(wc -c <art.txt)" -eq 52429049 ]
	pipeline art.txt docs,paras,junk,quotes,entities
	no_err
	# every line a paragraph, none junk
	grep -v '^$' art.txt >lines
	awk -F '\t' '$2 == "para" { print $6 }' rows >paras
	same_bytes lines paras
	awk -F '\t' '{ k = $2; if ($14 $15 != "") k = k " " $14 $15; n[k]++ } END { for (k in n) print k, n[k] }' rows | sort >counts
	printf '%s\n' 'doc 1' 'ent DATE 120119' 'ent LOC 60060' 'ent PER 90089' 'para 120120' \
	    'quote direct 60059' >want
	same_bytes want counts
	# each quote has its speaker, "she" too
	[ "$(awk -F '\t' '$2 == "quote" && $11 != "" { n++ } END { print n }' rows)" -eq 60059 ]
}
