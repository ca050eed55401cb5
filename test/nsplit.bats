#!/usr/bin/env bats
# nsplit: the text format, the driver (IDs, messages, options) and bad input.
load helper
bats_require_minimum_version 1.5.0

setup() {
	T=$BATS_TEST_TMPDIR
}

# ---- the text format ----

@test "scraped text: every non-blank line is a paragraph, menus stay apart" {
	cd "$FIX"
	ns core-scraped.txt
	[ "$rc" -eq 0 ]
	no_err
	same_bytes core-scraped.out "$T/out"
}

@test "hard-wrapped text: lines joined within blocks, hyphen at line end kept" {
	cd "$FIX"
	ns core-wrapped.txt
	[ "$rc" -eq 0 ]
	no_err
	same_bytes core-wrapped.out "$T/out"
}

@test "wrapped and scraped articles in one file are each read their own way" {
	cd "$FIX"
	ns core-mixed.txt
	[ "$rc" -eq 0 ]
	same_bytes core-mixed.out "$T/out"
}

@test "a menu of short lines in a scraped article is never glued" {
	printf '%s\n' 'Storm closes the ferry route for a week' '' Home News Local Sport World '' \
	    'The ferry between the islands will not sail until Monday, the operator said.' '' \
	    'Engineers found damage to the landing ramp after the storm on Friday night.' '' \
	    Share >"$T/menu.txt"
	ns "$T/menu.txt"
	[ "$rc" -eq 0 ]
	printf 'menu\tdoc\t%s\ttext\n' "$T/menu.txt" >"$T/out.want"
	printf 'menu\tpara\t%s\n' '1	Storm closes the ferry route for a week' \
	    2$'\t'Home 3$'\t'News 4$'\t'Local 5$'\t'Sport 6$'\t'World \
	    '7	The ferry between the islands will not sail until Monday, the operator said.' \
	    '8	Engineers found damage to the landing ramp after the storm on Friday night.' \
	    '9	Share' >>"$T/out.want"
	same_bytes "$T/out.want" "$T/out"
}

@test "form feeds separate articles; empty ones between feeds do not count" {
	cd "$FIX"
	ns -v core-ff.txt
	[ "$rc" -eq 0 ]
	same_bytes core-ff.out "$T/out"
	want_err 'nsplit: core-ff.txt: text, 3 articles'
}

@test "a title repeated as the next non-blank line starts an article" {
	cd "$FIX"
	ns core-title.txt
	[ "$rc" -eq 0 ]
	same_bytes core-title.out "$T/out"
	# one word, two words or a sentence repeated is no title; a title
	# with no prose after it before the next one opens no article
	[ "$(grep -c '	doc	' "$T/out")" -eq 3 ]
}

@test "a web page's headline repeated below its menus splits nothing" {
	{ printf '%s\n' Home News 'World news' 'Sign in' ''
	  printf '%s\n' 'Harbour tunnel to close for repairs in May' ''
	  printf '%s\n' 'Harbour tunnel to close for repairs in May' ''
	  printf '%s\n\n' "$(printf 'The tunnel under the harbour will close for six weeks in May while engineers replace the drainage pumps that failed twice during the storms of last winter, %s' 'the port authority said.')"
	  printf '%s\n\n' "$(printf 'Buses will run every ten minutes between the two ends of the tunnel during the closure, and the ferry will add late sailings on Fridays and Saturdays, %s' 'the authority added.')"
	  printf '%s\n' 'Jo Anne Marsh' 'Jo Anne Marsh'; } >"$T/page.txt"
	ns -v "$T/page.txt"
	[ "$rc" -eq 0 ]
	[ "$(grep -c '	doc	' "$T/out")" -eq 1 ]
}

@test "-1: a text input is one article, form feeds and repeated titles notwithstanding" {
	cd "$FIX"
	ns -1 core-title.txt core-ff.txt
	[ "$rc" -eq 0 ]
	[ "$(cut -f1,2 "$T/out" | grep -c 'doc')" -eq 2 ]
	[ "$(head -1 "$T/out")" = "$(printf 'core-title\tdoc\tcore-title.txt\ttext')" ]
	[ "$(grep -c '^core-title	para' "$T/out")" -eq "$(grep -c . core-title.txt)" ]
}

@test "IDs: base for one article, base.N for several, the doc record" {
	cd "$FIX"
	ns core-scraped.txt core-ff.txt
	[ "$rc" -eq 0 ]
	cut -f1,2,3,4 "$T/out" | grep '	doc	' >"$T/docs"
	printf '%s\t%s\t%s\t%s\n' core-scraped doc core-scraped.txt text \
	    core-ff.1 doc core-ff.txt text core-ff.2 doc core-ff.txt text \
	    core-ff.3 doc core-ff.txt text >"$T/docs.want"
	same_bytes "$T/docs.want" "$T/docs"
	# every record of an article carries its ID, in input order
	[ "$(cut -f1 "$T/out" | uniq | tr '\n' ' ')" = "core-scraped core-ff.1 core-ff.2 core-ff.3 " ]
}

@test "IDs: directory and last extension dropped, blanks and dots made _, repeats get -2, -3" {
	mkdir -p "$T/a" "$T/b"
	printf 'One line in a.\n' >"$T/a/story.txt"
	printf 'One line in b.\n' >"$T/b/story.txt"
	printf 'One line in md.\n' >"$T/b/story.md"
	printf 'Dots and blanks.\n' >"$T/a/My Story.v2.txt"
	printf 'No extension.\n' >"$T/a/README"
	ns "$T/a/story.txt" "$T/b/story.txt" "$T/b/story.md" "$T/a/My Story.v2.txt" "$T/a/README"
	[ "$rc" -eq 0 ]
	[ "$(cut -f1 "$T/out" | uniq | tr '\n' ' ')" = "story story-2 story-3 My_Story_v2 README " ]
	grep -q "^story-3	doc	$T/b/story.md	text\$" "$T/out"
}

@test "standard input: ID stdin, source -" {
	printf 'From the pipe.\n' | nsplit >"$T/out"
	want_bytes 'stdin\tdoc\t-\ttext\nstdin\tpara\t1\tFrom the pipe.\n'
	printf 'A\n\fB\n' | nsplit - >"$T/out"
	want_bytes 'stdin.1\tdoc\t-\ttext\nstdin.1\tpara\t1\tA\nstdin.2\tdoc\t-\ttext\nstdin.2\tpara\t1\tB\n'
}

@test "-v: format and article count per input" {
	cd "$FIX"
	printf '' >"$T/empty.txt"
	ns -v core-scraped.txt core-mixed.txt "$T/empty.txt"
	[ "$rc" -eq 0 ]
	want_err 'nsplit: core-scraped.txt: text, 1 article' \
	    'nsplit: core-mixed.txt: text, 2 articles' \
	    "nsplit: $T/empty.txt: text, 0 articles"
}

@test "-f text forces the format" {
	cd "$FIX"
	ns -f text core-mixed.txt
	[ "$rc" -eq 0 ]
	no_err
	same_bytes core-mixed.out "$T/out"
	# an mbox From_ line, read as text
	printf 'From desk@example.org Mon Mar  2 07:00:00 2020\nSubject: Harbour\n\nThe wind is cold.\n' >"$T/from.txt"
	ns -v -f text "$T/from.txt"
	[ "$rc" -eq 0 ]
	want_bytes 'from\tdoc\t%s\ttext\nfrom\tpara\t1\tFrom desk@example.org Mon Mar  2 07:00:00 2020\nfrom\tpara\t2\tSubject: Harbour\nfrom\tpara\t3\tThe wind is cold.\n' "$T/from.txt"
	want_err "nsplit: $T/from.txt: text, 1 article"
}

@test "-f bogus: usage, exit 2" {
	ns -f bogus "$FIX/core-scraped.txt"
	[ "$rc" -eq 2 ]
	[ ! -s "$T/out" ]
	grep -q '^nsplit: unknown format: bogus$' "$T/err"
	grep -q '^usage: nsplit ' "$T/err"
}

@test "a bad flag: usage on stderr, exit 2" {
	ns -x "$FIX/core-scraped.txt"
	[ "$rc" -eq 2 ]
	[ ! -s "$T/out" ]
	grep -q '^usage: nsplit \[-1v\] \[-f format\] \[file \.\.\.\]$' "$T/err"
	ns -f
	[ "$rc" -eq 2 ]
	grep -q '^usage: nsplit ' "$T/err"
}

# ---- odd input ----

@test "empty input: no output, exit 0" {
	printf '' >"$T/empty.txt"
	ns "$T/empty.txt"
	[ "$rc" -eq 0 ]
	[ ! -s "$T/out" ]
	no_err
}

@test "only blank lines (spaces, tabs, CRs, a BOM): no output, exit 0" {
	printf '\n  \n\t\r\n\357\273\277\n\f\n \n' >"$T/blank.txt"
	ns "$T/blank.txt"
	[ "$rc" -eq 0 ]
	[ ! -s "$T/out" ]
	no_err
}

@test "no final newline: the last line is kept" {
	printf 'First line\nlast line without newline' >"$T/nonl.txt"
	ns "$T/nonl.txt"
	[ "$rc" -eq 0 ]
	want_bytes 'nonl\tdoc\t%s\ttext\nnonl\tpara\t1\tFirst line\nnonl\tpara\t2\tlast line without newline\n' "$T/nonl.txt"
}

@test "BOM, CR before LF and trailing white space are removed" {
	printf '\357\273\277A title for the test  \r\n\r\nBody text, tab after\t\r\nNBSP after\302\240\r\n   indented\r\n' >"$T/crlf.txt"
	ns "$T/crlf.txt"
	[ "$rc" -eq 0 ]
	no_err
	want_bytes 'crlf\tdoc\t%s\ttext\ncrlf\tpara\t1\tA title for the test\ncrlf\tpara\t2\tBody text, tab after\ncrlf\tpara\t3\tNBSP after\ncrlf\tpara\t4\tindented\n' "$T/crlf.txt"
	# a file with CRLF line ends gives the records of its LF twin
	cd "$FIX"
	sed 's/$/\r/' core-wrapped.txt >"$T/core-wrapped.txt"
	ns "$T/core-wrapped.txt"
	sed "s|	$T/core-wrapped.txt	|	core-wrapped.txt	|" "$T/out" >"$T/out.lf"
	same_bytes core-wrapped.out "$T/out.lf"
}

@test "files joined with form feeds: the BOM of each is removed" {
	printf '\357\273\277First file.\n\f\357\273\277Second file.\n' >"$T/boms.txt"
	ns "$T/boms.txt"
	want_bytes 'boms.1\tdoc\t%s\ttext\nboms.1\tpara\t1\tFirst file.\nboms.2\tdoc\t%s\ttext\nboms.2\tpara\t1\tSecond file.\n' "$T/boms.txt" "$T/boms.txt"
}

# bad_utf8 NAME INPUT EXPECTED-TEXT LINE COUNT: INPUT (printf format) gives
# one paragraph EXPECTED-TEXT (printf format) and the warning
bad_utf8() {
	printf "ok line\n$2\n" >"$T/$1.txt"
	ns "$T/$1.txt"
	[ "$rc" -eq 0 ]
	want_bytes "$1\\tdoc\\t%s\\ttext\\n$1\\tpara\\t1\\tok line\\n$1\\tpara\\t2\\t$3\\n" "$T/$1.txt"
	want_err "nsplit: $T/$1.txt:$4: $5 bytes of invalid UTF-8 or NUL read as Windows-1252 (NUL as U+FFFD)"
	iconv -f UTF-8 -t UTF-8 "$T/out" >/dev/null
}

@test "invalid UTF-8: overlong form read as Windows-1252" {
	bad_utf8 overlong 'a\300\257b' 'a\303\200\302\257b' 2 2
}

@test "invalid UTF-8: surrogate read as Windows-1252" {
	bad_utf8 surrogate 'x\355\240\200y' 'x\303\255\302\240\342\202\254y' 2 3
}

@test "invalid UTF-8: truncated sequences, mid-line and at the end" {
	bad_utf8 truncated 'p\342\202q r\360\237\223' 'p\303\242\342\200\232q r\303\260\305\270\342\200\234' 2 5
}

@test "invalid UTF-8: lone continuation bytes, unassigned 1252 bytes, 0xFF" {
	bad_utf8 lone '\200 5 \235 \377' '\342\202\254 5 \302\235 \303\277' 2 3
}

@test "valid UTF-8 passes unchanged and gives no warning" {
	printf 'caf\303\251 \342\200\234quoted\342\200\235 \360\237\223\260 \357\277\275\n' >"$T/valid.txt"
	ns "$T/valid.txt"
	[ "$rc" -eq 0 ]
	no_err
	want_bytes 'valid\tdoc\t%s\ttext\nvalid\tpara\t1\tcaf\303\251 \342\200\234quoted\342\200\235 \360\237\223\260 \357\277\275\n' "$T/valid.txt"
}

@test "NUL bytes become U+FFFD, with the warning; bad lines counted over the file" {
	printf 'first\na\000b\000\nthird \200\n' >"$T/nul.txt"
	ns "$T/nul.txt"
	[ "$rc" -eq 0 ]
	want_bytes 'nul\tdoc\t%s\ttext\nnul\tpara\t1\tfirst\nnul\tpara\t2\ta\357\277\275b\357\277\275\nnul\tpara\t3\tthird \342\202\254\n' "$T/nul.txt"
	want_err "nsplit: $T/nul.txt:2: 3 bytes of invalid UTF-8 or NUL read as Windows-1252 (NUL as U+FFFD)"
	iconv -f UTF-8 -t UTF-8 "$T/out" >/dev/null
}

@test "a 50 MB line: one paragraph of the right length, through ntsv too" {
	# "word " doubled 20 times is 5 MiB; ten of those make 50 MiB
	awk 'BEGIN { s = "word "; for (i = 0; i < 20; i++) s = s s
		for (i = 0; i < 10; i++) printf "%s", s; print "" }' >"$T/big.txt"
	[ "$(wc -c <"$T/big.txt")" -eq 52428801 ]
	ns "$T/big.txt"
	[ "$rc" -eq 0 ]
	no_err
	[ "$(wc -l <"$T/out")" -eq 2 ]
	[ "$(head -1 "$T/out")" = "big	doc	$T/big.txt	text" ]
	# the trailing blank is trimmed: 52428800 - 1 bytes of text
	[ "$(sed -n 2p "$T/out" | cut -f1-3)" = "big	para	1" ]
	[ "$(sed -n 2p "$T/out" | cut -f4 | wc -c)" -eq 52428800 ]
	[ "$(tail -c 10 "$T/out")" = "word word" ]
	ntsv -H <"$T/out" >"$T/tsv"
	[ "$(cat "$T/tsv")" = "big	$T/big.txt	text				1	10485760" ]
	ntsv -H paras <"$T/out" >"$T/tsv"
	[ "$(cut -f3 "$T/tsv" | wc -c)" -eq 52428800 ]
}

@test "a missing file: message, exit 1, the other files still read" {
	cd "$FIX"
	ns core-scraped.txt "$T/no-such-file.txt" core-ff.txt
	[ "$rc" -eq 1 ]
	want_err "nsplit: $T/no-such-file.txt: No such file or directory"
	cat core-scraped.out core-ff.out >"$T/want"
	same_bytes "$T/want" "$T/out"
}

@test "a directory: message, exit 1" {
	ns "$T"
	[ "$rc" -eq 1 ]
	want_err "nsplit: $T: Is a directory"
	[ ! -s "$T/out" ]
}

@test "gzip, ZIP, RTF and PDF data: refused with advice, exit 1, others read" {
	cd "$FIX"
	printf 'Gzipped text.\n' | gzip -c >"$T/a.txt.gz"
	printf 'PK\003\004\024\000\000\000word/document.xml\n' >"$T/b.docx"
	printf '{\\rtf1\\ansi Some text}\n' >"$T/c.rtf"
	printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n' >"$T/d.pdf"
	ns "$T/a.txt.gz" core-scraped.txt "$T/b.docx" "$T/c.rtf" "$T/d.pdf" core-ff.txt
	[ "$rc" -eq 1 ]
	want_err "nsplit: $T/a.txt.gz: gzip data: decompress first (zcat file | nsplit)" \
	    "nsplit: $T/b.docx: ZIP/DOCX data: extract the text first (see nsplit(1))" \
	    "nsplit: $T/c.rtf: RTF data: convert to text first (see nsplit(1))" \
	    "nsplit: $T/d.pdf: PDF data: convert to text first (see nsplit(1))"
	cat core-scraped.out core-ff.out >"$T/want"
	same_bytes "$T/want" "$T/out"
}

@test "text that only looks like a magic number later on is read" {
	printf 'PKO bank results\n%%PDF- is how a PDF starts\n{\\rtf is how RTF starts\n' >"$T/near.txt"
	ns "$T/near.txt"
	[ "$rc" -eq 0 ]
	no_err
	[ "$(grep -c '	para	' "$T/out")" -eq 3 ]
}

# many ARTICLES: a dump of form-feed-separated articles on stdout
many() {
	awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++)
		printf "Headline number %d of the day\nHome\nWorld\nThe body of article %d says something about the harbour.\nAnother paragraph with a few more words.\n\f", i, i }'
}

# first_line PRE CMD...: CMD's output through head -1 in $output, after
# the shell command PRE; CMD's messages in $T/err
first_line() {
	local pre=$1
	shift
	run bash -c "$pre"' e=$1; shift; "$@" 2>"$e" | head -1' _ "$T/err" "$@"
}

@test "| head -1: no message, whether SIGPIPE kills or is ignored" {
	many 20000 >"$T/many.txt"
	nsplit "$T/many.txt" >"$T/stream"
	for pre in '' 'trap "" PIPE;'; do
		first_line "$pre" nsplit "$T/many.txt"
		[ "$output" = "many.1	doc	$T/many.txt	text" ]
		no_err
		first_line "$pre" ntsv paras "$T/stream"
		[ "$output" = "id	n	text" ]
		no_err
	done
}

@test "writing to /dev/full: a message and a non-zero exit, both tools" {
	[ -w /dev/full ] || skip "no /dev/full"
	cd "$FIX"
	run bash -c 'nsplit "$1" >/dev/full' _ core-scraped.txt
	[ "$status" -ne 0 ]
	[ "$output" = "nsplit: write error: No space left on device" ]
	many 20000 >"$T/many.txt"
	run bash -c 'nsplit "$1" >/dev/full' _ "$T/many.txt"
	[ "$status" -ne 0 ]
	[ "$output" = "nsplit: write error: No space left on device" ]
	run bash -c 'ntsv paras <"$1" >/dev/full' _ core-scraped.out
	[ "$status" -ne 0 ]
	[ "$output" = "ntsv: write error: No space left on device" ]
}

# maxrss CMD...: CMD's peak resident set in KB
maxrss() {
	/usr/bin/time -f %M -o "$T/rss" "$@" >/dev/null
	tail -1 "$T/rss"
}

@test "memory does not grow with the number of articles" {
	/usr/bin/time -f %M true 2>/dev/null || skip "no GNU time"
	# Under AddressSanitizer freed blocks wait in a quarantine, which
	# would count in the resident set and grow with the number of frees,
	# not with what the tool keeps: turn it off.  5000 articles are 25000
	# lines, past the 20000 lines held while the format is unknown.
	export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0"
	many 5000 >"$T/small.txt"
	many 100000 >"$T/large.txt"
	s=$(maxrss nsplit "$T/small.txt")
	l=$(maxrss nsplit "$T/large.txt")
	echo "nsplit: $s KB for 5000 articles, $l KB for 100000" >&2
	[ "$l" -lt $((s + 2048)) ]
	nsplit "$T/small.txt" >"$T/small.ns"
	nsplit "$T/large.txt" >"$T/large.ns"
	[ "$(grep -c '	doc	' "$T/large.ns")" -eq 100000 ]
	# with -f, ntsv gathers each article's rows before printing them
	s=$(maxrss ntsv -f title paras "$T/small.ns")
	l=$(maxrss ntsv -f title paras "$T/large.ns")
	echo "ntsv: $s KB for 5000 articles, $l KB for 100000" >&2
	[ "$l" -lt $((s + 2048)) ]
}

@test "the sample dump: three articles, split once by a form feed, once by a repeated title" {
	ns -v "$SAMPLES/scraped-dump.txt"
	[ "$rc" -eq 0 ]
	want_err "nsplit: $SAMPLES/scraped-dump.txt: text, 3 articles"
	[ "$(grep '	para	1	' "$T/out" | cut -f1,4 | tr '\t\n' ' |')" = \
	    "scraped-dump.1 Port Ellery approves flood wall after three-year dispute|scraped-dump.2 Rail strike called off as union accepts new offer|scraped-dump.3 Old mill library reopens to record crowd|" ]
	# the last line of each article stays with it, and no line is lost
	grep -q '^scraped-dump\.1	para	21	© 2023 Ellery Courier\. All rights reserved\.$' "$T/out"
	grep -q '^scraped-dump\.2	para	17	Sign up for our morning newsletter$' "$T/out"
	grep -q '^scraped-dump\.3	para	17	Cookie settings$' "$T/out"
	[ "$(grep -c '	para	' "$T/out")" -eq "$(tr -d '\f' <"$SAMPLES/scraped-dump.txt" | grep -c '[^[:space:]]')" ]
}

@test "a form feed and a BOM between joined exports hide no marker" {
	# the second export starts right at its first marker
	{ cat "$FIX/lexis-export.txt"; printf '\f\357\273\277'
	  sed -n '/DOCUMENTS/,$p' "$FIX/lexis-export.txt"; } >"$T/joined.txt"
	ns "$T/joined.txt"
	[ "$(grep -c '	doc	' "$T/out")" -eq 6 ]
	[ "$(grep -c '	meta	document	' "$T/out")" -eq 6 ]
}

@test "a BOM after a form feed in mid-line is removed too" {
	printf 'a b c d\n\f\357\273\277e f\f\357\273\277g h\n' >"$T/bom.txt"
	ns "$T/bom.txt"
	[ "$rc" -eq 0 ]
	want_bytes 'bom.1\tdoc\t%s\ttext\nbom.1\tpara\t1\ta b c d\nbom.2\tdoc\t%s\ttext\nbom.2\tpara\t1\te f\nbom.3\tdoc\t%s\ttext\nbom.3\tpara\t1\tg h\n' "$T/bom.txt" "$T/bom.txt" "$T/bom.txt"
}
