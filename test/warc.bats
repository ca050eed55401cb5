#!/usr/bin/env bats
# The WARC/WET reader (src/warc.c) through the driver test/warc-drv.c:
# records by Content-Length, HTTP headers, chunked bodies, compressed
# payloads skipped, truncation and corruption warned about with offsets,
# the same output whatever the block size.  The records are built here
# with printf (invented pages); the expected outputs are
# test/fixtures/warc-*.out.
load helper

# The driver as build_scorer builds a scorer, with the sanitizers, from
# warc.c and the library sources it needs.
setup_file() {
	local src=$BATS_TEST_DIRNAME/../src
	${CC:-cc} -std=c11 -O1 -g -Wall -Wextra -Wpedantic -Werror \
	    -fsanitize=address,undefined -fno-sanitize-recover=all \
	    -I"$src" -o "$BATS_FILE_TMPDIR/warc-drv" "$BATS_TEST_DIRNAME/warc-drv.c" \
	    "$src/warc.c" "$src/util.c" "$src/buf.c" "$src/out.c" "$src/rec.c" "$src/kinds.c"
	T=$BATS_FILE_TMPDIR
	mixed >"$T/mixed.warc"
	small >"$T/small.warc"
}

setup() {
	T=$BATS_TEST_TMPDIR
	F=$BATS_FILE_TMPDIR
	DRV=$F/warc-drv
}

drv() { runtool "$DRV" "$@"; }

# rec TYPE BODY [FIELD...]: a WARC/1.0 record, CR LF line ends, its
# Content-Length that of BODY (a printf format, for \r \n \0xx)
rec() {
	local type=$1 body=$2 f
	shift 2
	printf 'WARC/1.0\r\nWARC-Type: %s\r\n' "$type"
	for f; do printf '%s\r\n' "$f"; done
	# shellcheck disable=SC2059
	printf 'Content-Length: %d\r\n\r\n' "$(printf "$body" | wc -c)"
	# shellcheck disable=SC2059
	printf "$body"
	printf '\r\n\r\n'
}

# http N FIELDS PAYLOAD: a response record's block (FIELDS: header lines,
# each ending in \r\n)
http() {
	printf 'HTTP/1.1 %s\\r\\n%sDate: Tue, 02 Apr 2024 10:00:00 GMT\\r\\n\\r\\n%s' "$1" "$2" "$3"
}

# resp ID URI BLOCK: a response record of HTTP
resp() {
	rec response "$3" "WARC-Record-ID: <urn:uuid:$1>" "WARC-Target-URI: $2" \
	    'WARC-Date: 2024-04-02T10:00:00Z' 'Content-Type: application/http; msgtype=response'
}

PAGE='<html><head><title>Harbour news</title></head><body><p>The ferry to the island runs again after the storm.</p></body></html>\n'

# every kind of record the reader sorts
mixed() {
	rec warcinfo 'software: invented-crawler 0.1\r\nformat: WARC File Format 1.0\r\n' \
	    'WARC-Date: 2024-04-02T09:59:00Z' 'WARC-Record-ID: <urn:uuid:0000-info>' \
	    'Content-Type: application/warc-fields'
	rec request 'GET /news/ferry HTTP/1.1\r\nHost: example.org\r\n\r\n' \
	    'WARC-Record-ID: <urn:uuid:0001-req>' 'WARC-Target-URI: http://example.org/news/ferry' \
	    'Content-Type: application/http; msgtype=request'
	resp 0002-plain http://example.org/news/ferry \
	    "$(http '200 OK' 'Content-Type: text/html; charset="ISO-8859-1"\r\n' "$PAGE")"
	resp 0003-chunked http://example.org/news/bridge \
	    "$(http '200 OK' 'Content-Type: text/html;charset=utf-8\r\nTransfer-Encoding: chunked\r\n' \
	    '19\r\n<p>The bridge reopens on \r\n9;lang=en\r\nMonday.</\r\n3  \r\np>\n\r\n0\r\nX-Trailer: yes\r\n\r\n')"
	resp 0004-gzip http://example.org/news/gz \
	    "$(http '200 OK' 'Content-Type: text/html\r\nContent-Encoding: gzip\r\n' '\037\213\010\000\000\000\000\000\000\003\001\002')"
	resp 0005-missing http://example.org/missing \
	    "$(http '404 Not Found' 'Content-Type: text/html\r\n' '<p>No such page.</p>')"
	rec response 'example.org. 300 IN A 192.0.2.7\n' 'WARC-Record-ID: <urn:uuid:0006-dns>' \
	    'WARC-Target-URI: dns:example.org' 'Content-Type: text/dns'
	rec metadata 'fetchTimeMs: 12\r\n' 'WARC-Record-ID: <urn:uuid:0007-meta>' \
	    'WARC-Target-URI: http://example.org/news/ferry' 'Content-Type: application/warc-fields'
	rec revisit 'HTTP/1.1 304 Not Modified\r\n\r\n' 'WARC-Record-ID: <urn:uuid:0008-rev>' \
	    'WARC-Target-URI: http://example.org/news/ferry'
	rec conversion 'Ferry services resume\nThe island ferry runs again.\n\nTimetables are online.\n' \
	    'WARC-Target-URI: http://example.org/news/ferry' 'WARC-Date: 2024-04-02T10:00:00Z' \
	    'WARC-Record-ID: <urn:uuid:0009-wet>' 'Content-Type: text/plain'
	resp 0010-h2 '<http://example.org/h2>' \
	    "$(http '200' 'content-type: TEXT/HTML; Charset=windows-1252\r\n' 'caf\351')"
	resp 0011-notchunked http://example.org/dechunked \
	    "$(http '200 OK' 'Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n' '<p>Already decoded.</p>')"
	rec response 'garbage without a status line\r\n\r\n<p>x</p>' 'WARC-Record-ID: <urn:uuid:0012-nohttp>'
	rec resource 'plain words' 'WARC-Record-ID: <urn:uuid:0013-res>' 'WARC-Target-URI: file:///notes.txt'
	rec x-custom '' 'WARC-Record-ID: <urn:uuid:0014-custom>'
}

# three records for the truncation sweep: HTTP with chunks, WET text, info
small() {
	resp 0100-chunked http://example.org/a \
	    "$(http '200 OK' 'Transfer-Encoding: chunked\r\n' '5\r\n<p>Hi\r\n4\r\n</p>\r\n0\r\n\r\n')"
	rec conversion 'Two lines\nof text\n' 'WARC-Record-ID: <urn:uuid:0101-wet>'
	rec warcinfo 'a: b\r\n'
}

@test "warc: every kind of record, HTTP fields, chunks, gzip and non-HTTP skipped" {
	drv "$F/mixed.warc"
	[ "$rc" -eq 0 ]
	run cat "$T/out"
	check_out "$FIX/warc-mixed.out"
}

@test "warc: the same output for block sizes from 1 to 4096 bytes" {
	for b in 1 2 3 5 7 13 64 4096; do
		drv -b "$b" "$F/mixed.warc"
		run cat "$T/out"
		check_out "$FIX/warc-mixed.out"
		drv -a -b "$b" <"$F/small.warc"
		run cat "$T/out"
		check_out "$FIX/warc-small.out"
	done
}

@test "warc: -a writes whole bodies, chunked ones decoded" {
	drv -a "$F/small.warc"
	run cat "$T/out"
	check_out "$FIX/warc-small.out"
}

@test "warc: the caller may decline a body (only HTTP 200 text/html and WET)" {
	drv -s "$F/mixed.warc"
	# the 404 only
	[ "$(grep -c "skip declined" "$T/out")" -eq 1 ]
	grep -B4 "skip declined" "$T/out" | grep -q "^  http 404$"
	grep -q "^bodies 5 skip-type=7 skip-http=1 skip-encoded=1 skip-declined=1 " "$T/out"
}

# sweep B: the -t lines for block size B; each prefix of small.warc
# ends a record (no warning) or cuts one (one warning at its offset)
@test "warc: truncation at every byte: one warning at the cut record's offset, or none" {
	local b
	for b in 1 3 4096; do
		drv -t -b "$b" "$F/small.warc"
		[ "$rc" -eq 0 ]
		cp "$T/out" "$T/out.$b"
	done
	same_bytes "$T/out.1" "$T/out.3"
	same_bytes "$T/out.1" "$T/out.4096"
	# record starts and ends (the end before its CR LF CR LF)
	grep -b -o 'WARC/1.0' "$F/small.warc" | cut -d: -f1 >"$T/starts"
	[ "$(wc -l <"$T/starts")" -eq 3 ]
	wc -c <"$F/small.warc" >>"$T/starts"
	awk -v starts="$T/starts" '
	BEGIN { while ((getline s < starts) > 0) st[n++] = s + 0 }
	{
		len = $1 + 0; want = "none"
		for (i = 0; i < n - 1; i++)
			if (len > st[i] && len < st[i + 1] - 4)
				want = st[i]
		nw = gsub(/ warn /, "&")
		if (want == "none" && nw == 0) next
		if (want != "none" && nw == 1 && $0 ~ (" warn " want " record")) next
		print "prefix " len ": want warning at " want ": " $0; bad = 1
	}
	END { exit bad }' "$T/out.1"
	# a few cuts exactly: in "WARC/1.", in the header, at its end, in the
	# HTTP header, before, in and after the first chunk's data, at the
	# record's end and after its blank lines, in the WET header and text
	grep -E '^(0|4|60|217|250|304|307|313|325|329|400|430|505) ' "$T/out.1" >"$T/got"
	cat >"$T/want" <<-'EOF'
	0 rec=0 trunc=0 body=0
	4 warn 0 record header cut short; rec=0 trunc=0 body=0
	60 warn 0 record header cut short; rec=0 trunc=0 body=0
	217 warn 0 record cut short: 0 of 108 bytes; rec=0 trunc=0 body=0
	250 warn 0 record cut short: 33 of 108 bytes; rec=0 trunc=0 body=0
	304 warn 0 record cut short: 87 of 108 bytes; rec=1 trunc=1 body=0
	307 warn 0 record cut short: 90 of 108 bytes; rec=1 trunc=1 body=3
	313 warn 0 record cut short: 96 of 108 bytes; rec=1 trunc=1 body=5
	325 rec=1 trunc=0 body=9
	329 rec=1 trunc=0 body=9
	400 warn 329 record header cut short; rec=1 trunc=0 body=9
	430 warn 329 record cut short: 9 of 18 bytes; rec=2 trunc=1 body=18
	505 rec=3 trunc=0 body=27
	EOF
	same_bytes "$T/want" "$T/got"
}

# recl LEN TYPE BODY: a record whose Content-Length is LEN, right or not
recl() {
	printf 'WARC/1.0\r\nWARC-Type: %s\r\nContent-Length: %s\r\n\r\n' "$2" "$1"
	# shellcheck disable=SC2059
	printf "$3"
	printf '\r\n\r\n'
}

# out FILE: the driver's -a output on FILE without version and buffer
# lines into $T/got, the same for blocks of 1, 3 and 65536 bytes
out() {
	local b
	for b in 1 3 65536; do
		drv -a -b "$b" "$1"
		[ "$rc" -eq 0 ]
		grep -v '^  version \|^buffers ' "$T/out" >"$T/got.$b"
	done
	same_bytes "$T/got.1" "$T/got.3"
	same_bytes "$T/got.1" "$T/got.65536"
	mv "$T/got.1" "$T/got"
}

# want: $T/got is standard input
want() {
	cat >"$T/want"
	same_bytes "$T/want" "$T/got"
}

@test "warc: a Content-Length too short: junk warned, the next record read" {
	{ recl 10 conversion 'fifteen bytes!\n'; rec conversion 'next one\n'; } >"$T/in"
	out "$T/in"
	want <<-'EOF'
	record 0 conversion len=10
	  body "fifteen by"
	end body=10
	warn 65 junk after a record (wrong Content-Length?)
	record 74 conversion len=9
	  body "next one\n"
	end body=9
	records 2 conversion=2
	bodies 2 bytes=19
	warnings 1 truncated 0
	EOF
}

@test "warc: a Content-Length too long swallows the next record's start: it is lost" {
	{ recl 27 conversion 'fifteen bytes!\n'; rec conversion 'swallowed\n'
	  rec conversion 'third\n'; } >"$T/in"
	out "$T/in"
	want <<-'EOF'
	record 0 conversion len=27
	  body "fifteen bytes!\n\r\n\r\nWARC/1.0"
	end body=27
	warn 84 junk after a record (wrong Content-Length?)
	record 143 conversion len=6
	  body "third\n"
	end body=6
	records 2 conversion=2
	bodies 2 bytes=33
	warnings 1 truncated 0
	EOF
}

@test "warc: a Content-Length past the end of input: the record is cut short" {
	{ rec conversion 'first\n'; recl 99 conversion 'ends early\n'; } >"$T/in"
	out "$T/in"
	want <<-'EOF'
	record 0 conversion len=6
	  body "first\n"
	end body=6
	record 64 conversion len=99
	  body "ends early\n\r\n\r\n"
	warn 64 record cut short: 15 of 99 bytes
	end body=15 trunc
	records 2 conversion=2
	bodies 2 bytes=21
	warnings 1 truncated 1
	EOF
}

@test "warc: no or a bad Content-Length: warned, the next record read" {
	{ printf 'WARC/1.0\r\nWARC-Type: conversion\r\n\r\nsome text\r\nWARC/1.1 in the text\r\n\r\n'
	  recl 12x conversion 'bad length\n'; rec conversion 'good\n'; } >"$T/in"
	out "$T/in"
	# resynchronising takes the line in the text for a record
	want <<-'EOF'
	warn 0 no Content-Length
	warn 46 no Content-Length
	warn 70 bad Content-Length: 12x
	record 141 conversion len=5
	  body "good\n"
	end body=5
	records 1 conversion=1
	bodies 1 bytes=5
	warnings 3 truncated 0
	EOF
}

@test "warc: a header cut short by a new record, at a line start or inside a line" {
	{ printf 'WARC/1.0\r\nWARC-Type: conv\r\n'; rec conversion 'one\n'
	  printf 'WARC/1.0\r\nWARC-Type: conv'; rec conversion 'two\n'; } >"$T/in"
	out "$T/in"
	want <<-'EOF'
	warn 0 record header cut short
	record 27 conversion len=4
	  body "one\n"
	end body=4
	warn 89 record header cut short
	record 114 conversion len=4
	  body "two\n"
	end body=4
	records 2 conversion=2
	bodies 2 bytes=8
	warnings 2 truncated 0
	EOF
}

@test "warc: not a WARC file, and a gzip-compressed one, said once" {
	printf 'Just a text file,\nnot an archive.\n' >"$T/in"
	out "$T/in"
	want <<-'EOF'
	warn 0 not a WARC record
	records 0
	bodies 0 bytes=0
	warnings 1 truncated 0
	EOF
	rec conversion 'zipped\n' | gzip -n >"$T/in"
	out "$T/in"
	want <<-'EOF'
	warn 0 gzip-compressed input: decompress it first (zcat)
	records 0
	bodies 0 bytes=0
	warnings 1 truncated 0
	EOF
}

@test "warc: WET records with LF line ends" {
	printf 'WARC/1.0\nWARC-Type: conversion\nWARC-Record-ID: <urn:uuid:lf>\nContent-Length: 6\n\nlf\nlf\n\nWARC/1.0\nWARC-Type: conversion\nContent-Length: 3\n\nend\n\n' >"$T/in"
	out "$T/in"
	want <<-'EOF'
	record 0 conversion len=6
	  id "urn:uuid:lf"
	  body "lf\nlf\n"
	end body=6
	record 87 conversion len=3
	  body "end"
	end body=3
	records 2 conversion=2
	bodies 2 bytes=9
	warnings 0 truncated 0
	EOF
}

@test "warc: broken chunks, a missing last chunk, a body not chunked after all" {
	{ resp c1 u "$(http '200 OK' 'Transfer-Encoding: chunked\r\n' '4\r\nabcd\r\nzz\r\nmore')"
	  resp c2 u "$(http '200 OK' 'Transfer-Encoding: chunked\r\n' '3\r\nabc\r\n2\r\nde')"
	  resp c3 u "$(http '200 OK' 'Transfer-Encoding: chunked\r\n' '1 x\r\n')"
	  resp c4 u "$(http '200 OK' 'Transfer-Encoding: gzip, chunked\r\n' '1\r\nx\r\n0\r\n\r\n')"
	} >"$T/in"
	out "$T/in"
	grep -v '^  \(uri\|date\|ctype\) ' "$T/got" >"$T/got.short"
	mv "$T/got.short" "$T/got"
	want <<-'EOF'
	record 0 response len=101
	  id "urn:uuid:c1"
	  http 200 chunked
	  body "abcd"
	warn 281 bad chunk-size line
	end body=4 trunc
	record 293 response len=97
	  id "urn:uuid:c2"
	  http 200 chunked
	  body "abcde"
	warn 577 chunked body without its last chunk
	end body=5 trunc
	record 581 response len=89
	  id "urn:uuid:c3"
	  http 200 chunked
	  body "1 x\r\n"
	  not chunked after all
	end body=5
	record 861 response len=101
	  id "urn:uuid:c4"
	  http 200 chunked
	  encoding "gzip, chunked"
	  skip encoded
	end body=0
	records 4 response=4
	bodies 3 skip-encoded=1 bytes=14
	warnings 2 truncated 2
	EOF
}

@test "warc: headers over WARC_MAXHEAD are corrupt; a long body is never held" {
	# a 300 kB header line, then a record of 20 MB, then a small one
	{ printf 'WARC/1.0\r\nWARC-Type: conversion\r\nX-Long: '
	  head -c 300000 /dev/zero | tr '\0' x
	  printf '\r\nContent-Length: 1\r\n\r\nz\r\n\r\n'
	  printf 'WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 20000000\r\n\r\n'
	  head -c 20000000 /dev/zero | tr '\0' y
	  printf '\r\n\r\n'
	  rec conversion 'small\n'; } >"$T/in"
	drv -b 65536 "$T/in"
	[ "$rc" -eq 0 ]
	cat >"$T/want" <<-'EOF'
	warn 0 record header longer than 262144 bytes
	record 300069 conversion len=20000000
	  version "WARC/1.0"
	end body=20000000 "yyyyyyyyyyyyyyyyyyyy" .. "yyyyyyyyyyyyyyyyyyyy"
	record 20300134 conversion len=6
	  version "WARC/1.0"
	end body=6 "small\n"
	records 2 conversion=2
	bodies 2 bytes=20000006
	warnings 1 truncated 0
	buffers 262144
	EOF
	same_bytes "$T/want" "$T/out"
	# an HTTP header as long: the record is skipped, the next one read
	{ resp big u "$(http '200 OK' "Set-Cookie: $(head -c 300000 /dev/zero | tr '\0' c)\\r\\n" '<p>x</p>')"
	  rec conversion 'after\n'; } >"$T/in"
	drv -q "$T/in"
	grep -q '^warn 0 HTTP header longer than 262144 bytes$' "$T/out"
	grep -q '^bodies 1 skip-http=1 bytes=6$' "$T/out"
}
