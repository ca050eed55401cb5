#!/usr/bin/env bats
# nsplit on web input: HTML pages and WARC/WET archives, the hint records
# they carry, and nstrip's rules on them.  The HTML module and the WARC
# reader have their own tests (html.bats, warc.bats); these are about
# what reaches the stream.  web-page.html is an invented page; the
# archives are built here with printf, so that their lengths are exact.
load helper

setup() {
	T=$BATS_TEST_TMPDIR
}

# rec TYPE ID URI CONTENT-TYPE FILE: a WARC record around FILE's bytes
rec() {
	printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n' "$1" "$2"
	printf 'WARC-Target-URI: %s\r\nWARC-Date: 2024-03-02T08:00:00Z\r\n' "$3"
	printf 'Content-Type: %s\r\nContent-Length: %s\r\n\r\n' "$4" "$(wc -c <"$5" | tr -d ' ')"
	cat "$5"
	printf '\r\n\r\n'
}

# http STATUS CONTENT-TYPE [HEADER] < BODY: an HTTP response
http() {
	printf 'HTTP/1.1 %s\r\nContent-Type: %s\r\n%s\r\n' "$1" "$2" "${3:+$3
}"
	cat
}

# the archive of the tests: an info record, a request, a page, a 404, a
# compressed page, a WET text record
archive() {
	printf 'software: printf\r\n' >"$T/info"
	rec warcinfo 00000000-0000-0000-0000-000000000001 "" application/warc-fields "$T/info"
	printf 'GET /a HTTP/1.1\r\nHost: gazette.example\r\n\r\n' >"$T/req"
	rec request 00000000-0000-0000-0000-000000000002 https://gazette.example/a \
	    'application/http; msgtype=request' "$T/req"
	printf '<html><head><title>Pier</title></head><body><p>The pier opens on Monday.</p></body></html>' |
	    http '200 OK' 'text/html; charset=utf-8' >"$T/page"
	rec response 00000000-0000-0000-0000-000000000003 https://gazette.example/a \
	    'application/http; msgtype=response' "$T/page"
	printf '<html><body><p>Not here.</p></body></html>' | http '404 Not Found' text/html >"$T/404"
	rec response 00000000-0000-0000-0000-000000000004 https://gazette.example/b \
	    'application/http; msgtype=response' "$T/404"
	printf '\037\213\010\000 not really gzip' | http '200 OK' text/html 'Content-Encoding: gzip' >"$T/gz"
	rec response 00000000-0000-0000-0000-000000000005 https://gazette.example/c \
	    'application/http; msgtype=response' "$T/gz"
	printf 'Ferry strike ends\nThe crews voted on Friday.\n' >"$T/wet"
	rec conversion 00000000-0000-0000-0000-000000000006 https://gazette.example/d \
	    text/plain "$T/wet"
}

# --- HTML ---

@test "html: found on the first non-blank line; meta, paragraphs and hint records" {
	runtool nsplit "$FIX/web-page.html"
	[ "$rc" -eq 0 ]
	no_err
	# JSON-LD headline and date before og: and <title>; authors joined;
	# the date in ISO 8601; a hint after each paragraph the page placed
	sed "s#^web-page	doc	[^	]*#web-page	doc	$FIX/web-page.html#" "$FIX/web-page.ns" >"$T/want"
	same_bytes "$T/want" "$T/out"
}

@test "html: nstrip drops by the hints, with a reason each; a dropped paragraph's hint goes" {
	nsplit "$FIX/web-page.html" | nstrip -m >"$T/out"
	sed "s#^web-page	doc	[^	]*#web-page	doc	$FIX/web-page.html#" "$FIX/web-page-m.ns" >"$T/want"
	same_bytes "$T/want" "$T/out"
	# without -m: only the kept paragraphs' hints are left
	nsplit "$FIX/web-page.html" | nstrip | ntsv -H hints >"$T/h"
	printf 'web-page\t4\tarticle\t0.000\t1\nweb-page\t5\tarticle\t0.000\t0\nweb-page\t7\tarticle\t0.121\t0\nweb-page\t9\tarticle\t0.000\t0\n' >"$T/want"
	same_bytes "$T/want" "$T/h"
}

@test "html: a page in one line in ISO-8859-2 is read raw, not as repaired UTF-8" {
	printf '<html><head><meta charset="iso-8859-2"></head><body><p>\263\363d\274 w \263\363d\274ce</p></body></html>\n' >"$T/p.html"
	runtool nsplit "$T/p.html"
	[ "$rc" -eq 0 ]
	no_err
	want_bytes 'p\tdoc\t%s\thtml\np\tpara\t1\tłódź w łódźce\n' "$T/p.html"
}

@test "html: -f html reads a page that does not start like one; a text file stays text" {
	printf 'Saved from the web\n<p>One paragraph.</p><p>Two.</p>\n' >"$T/p.txt"
	runtool nsplit -f html "$T/p.txt"
	want_bytes 'p\tdoc\t%s\thtml\np\tpara\t1\tSaved from the web\np\tpara\t2\tOne paragraph.\np\tpara\t3\tTwo.\n' "$T/p.txt"
	runtool nsplit "$T/p.txt"
	grep -q '	doc	.*	text$' "$T/out"
}

@test "html: a byte order mark inside the text is no character: no paragraph of it, none inside a word" {
	printf '<html><body><p>First page.</p></body></html>\n\357\273\277<html><body><p>Se\357\273\277cond \357\273\277 page.</p></body></html>\n' >"$T/two.html"
	runtool nsplit "$T/two.html"
	[ "$rc" -eq 0 ]
	no_err
	want_bytes 'two\tdoc\t%s\thtml\ntwo\tpara\t1\tFirst page.\ntwo\tpara\t2\tSecond page.\n' "$T/two.html"
}

@test "html: role=main and itemprop=articleBody mark the article too" {
	printf '<html><body><div role="main"><p>In the main part.</p></div><div itemprop="articleBody"><p>In the body.</p></div><p>Elsewhere.</p></body></html>\n' >"$T/p.html"
	nsplit "$T/p.html" | ntsv -H hints >"$T/h"
	printf 'p\t1\tarticle\t0.000\t0\np\t2\tarticle\t0.000\t0\n' >"$T/want"
	same_bytes "$T/want" "$T/h"
}

@test "hint records pass through tools that do not use them" {
	nsplit "$FIX/web-page.html" >"$T/ns"
	nquote "$T/ns" | grep '	hint	' >"$T/a"
	ntag -d "$T/ns" | grep '	hint	' >"$T/b"
	grep '	hint	' "$T/ns" >"$T/want"
	same_bytes "$T/want" "$T/a"
	same_bytes "$T/want" "$T/b"
}

# --- WARC and WET ---

@test "warc: pages and WET text become articles named by their record IDs; the rest is skipped" {
	archive >"$T/a.warc"
	runtool nsplit "$T/a.warc"
	[ "$rc" -eq 0 ]
	want_err "nsplit: $T/a.warc: compressed records skipped (libc has no inflate): 1"
	id3=00000000-0000-0000-0000-000000000003
	id6=00000000-0000-0000-0000-000000000006
	want_bytes '%s\n' \
	    "$id3	doc	$T/a.warc	warc" \
	    "$id3	meta	doc_id	urn:uuid:$id3" \
	    "$id3	meta	url	https://gazette.example/a" \
	    "$id3	meta	date	2024-03-02T08:00:00Z" \
	    "$id3	meta	title	Pier" \
	    "$id3	para	1	The pier opens on Monday." \
	    "$id6	doc	$T/a.warc	warc" \
	    "$id6	meta	doc_id	urn:uuid:$id6" \
	    "$id6	meta	url	https://gazette.example/d" \
	    "$id6	meta	date	2024-03-02T08:00:00Z" \
	    "$id6	para	1	Ferry strike ends" \
	    "$id6	para	2	The crews voted on Friday."
}

@test "warc: the same bytes whatever the pieces: through a pipe too" {
	archive >"$T/a.warc"
	nsplit "$T/a.warc" >"$T/one" 2>/dev/null
	nsplit <"$T/a.warc" 2>/dev/null | sed 's/	doc	-	/	doc	X	/' >"$T/two"
	sed "s#	doc	$T/a.warc	#	doc	X	#" "$T/one" >"$T/one.x"
	same_bytes "$T/one.x" "$T/two"
}

@test "warc: a record cut short is an error with its offset; the articles before it stay" {
	archive >"$T/a.warc"
	size=$(wc -c <"$T/a.warc")
	head -c $((size - 20)) "$T/a.warc" >"$T/cut.warc"
	runtool nsplit "$T/cut.warc"
	[ "$rc" -eq 1 ]
	grep -q "^nsplit: $T/cut.warc: offset [0-9]*: record cut short" "$T/err"
	grep -q '^00000000-0000-0000-0000-000000000003	para	1	The pier opens on Monday.$' "$T/out"
}

@test "warc: a record ID given twice in a row gets a number, so IDs stay unique" {
	printf 'One.\n' >"$T/w1"
	{ rec conversion 00000000-0000-0000-0000-000000000009 u1 text/plain "$T/w1"
	  rec conversion 00000000-0000-0000-0000-000000000009 u2 text/plain "$T/w1"; } >"$T/d.warc"
	nsplit "$T/d.warc" | ntsv -H docs | cut -f1 >"$T/ids"
	printf '00000000-0000-0000-0000-000000000009\n00000000-0000-0000-0000-000000000009.2\n' >"$T/want"
	same_bytes "$T/want" "$T/ids"
}

@test "warc: gzip-compressed archives are refused with advice" {
	archive | gzip -c >"$T/a.warc.gz"
	runtool nsplit "$T/a.warc.gz"
	[ "$rc" -eq 1 ]
	want_err "nsplit: $T/a.warc.gz: gzip data: decompress first (zcat file | nsplit)"
}

@test "warc: text cut inside a character is repaired as the driver repairs text, and said so" {
	printf 'WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: 4\r\n\r\nab\344\275' >"$T/c.warc"
	runtool nsplit "$T/c.warc"
	[ "$rc" -eq 0 ]
	want_err "nsplit: $T/c.warc: 2 bytes of invalid UTF-8 or NUL read as Windows-1252 (NUL as U+FFFD)"
	want_bytes '1\tdoc\t%s\twarc\n1\tmeta\tdoc_id\turn:uuid:1\n1\tpara\t1\tab\303\244\302\275\n' "$T/c.warc"
}

@test "nstrip: a page's marked article keeps its short lines and lists, and what is outside goes" {
	# without the hints, the two list lines would go as short and the
	# archive appeal would stay; the heading above the article stays
	runtool nstrip -m "$FIX/web-article.ns"
	[ "$rc" -eq 0 ]
	same_bytes "$FIX/web-article-m.ns" "$T/out"
	grep -v '	hint	' "$FIX/web-article.ns" | nstrip -m | grep -q '	junk	4	short	Two onions$'
}

@test "nstrip: links, nav, footer, aside, caption and comments from hint records alone" {
	printf 'h\tpara\t%s\t%s\nh\thint\t%s\t%s\t%s\t0\n' \
	    1 'A line of text that the page had inside its main menu at the top' 1 nav 0.000 \
	    2 'A line of text that the page had inside its footer at the bottom' 2 footer 0.000 \
	    3 'A line of text that the page had in a box beside the main column' 3 aside 0.000 \
	    4 'A line of text under a picture that the page showed with the story' 4 figcaption 0.000 \
	    5 'A line of text a reader wrote below the story in the comment thread' 5 comments 0.000 \
	    6 'A line of text that is nearly all links to other pages of the site' 6 '' 0.850 \
	    7 'A shorter line with half of it in links' 7 '' 0.500 \
	    8 'A paragraph of the story itself, which stood inside a form that held the whole page, as older sites have it, and which nothing should drop for that.' \
	    8 form 0.000 >"$T/in"
	nstrip -m "$T/in" | awk -F '\t' '$2 == "junk" { print $3, $4 }' >"$T/why"
	printf '1 nav\n2 footer\n3 aside\n4 caption\n5 comments\n6 links\n7 links\n' >"$T/want"
	same_bytes "$T/want" "$T/why"
}

@test "html: commentary is no comment section; a charset nsplit cannot read is said" {
	printf '<html><body><article><div class="commentary-body"><p>An opinion.</p></div><div class="comment-list"><p>A reader.</p></div></article></body></html>\n' >"$T/p.html"
	nsplit "$T/p.html" | ntsv -H hints | cut -f2,3 >"$T/h"
	printf '1\tarticle\n2\tcomments\n' >"$T/want"
	same_bytes "$T/want" "$T/h"
	printf '<html><head><meta charset="shift_jis"></head><body><p>Text.</p></body></html>\n' >"$T/j.html"
	runtool nsplit "$T/j.html"
	[ "$rc" -eq 0 ]
	want_err "nsplit: $T/j.html: a charset nsplit cannot read, shift_jis: read as UTF-8"
}

@test "warc: a page's own date is date_published; the ID loses its dots" {
	printf '<html><head><meta property="article:published_time" content="2024-02-28"></head><body><p>Text.</p></body></html>' |
	    http '200 OK' text/html >"$T/page"
	printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:x:a.b>\r\nWARC-Date: 2024-03-02T08:00:00Z\r\nContent-Length: %s\r\n\r\n' \
	    "$(wc -c <"$T/page" | tr -d ' ')" >"$T/p.warc"
	cat "$T/page" >>"$T/p.warc"
	nsplit "$T/p.warc" | ntsv -H meta >"$T/m"
	# (no Target-URI: no url; colons may stay in an ID, dots may not)
	printf 'urn:x:a_b\tdoc_id\turn:x:a.b\nurn:x:a_b\tdate\t2024-03-02T08:00:00Z\nurn:x:a_b\tdate_published\t2024-02-28\n' >"$T/want"
	same_bytes "$T/want" "$T/m"
}

@test "html: a table row is one paragraph, its cells apart by a space; a block in a cell is its own" {
	printf '<html><body><table><tr><th>Place</th><th>Team</th><th>Points</th></tr><tr><td>1</td><td>Mill Rovers</td><td>24</td></tr><tr><td><p>A note.</p></td><td>Two</td></tr></table></body></html>\n' >"$T/p.html"
	nsplit "$T/p.html" | ntsv -H paras | cut -f2,3 >"$T/p"
	printf '1\tPlace Team Points\n2\t1 Mill Rovers 24\n3\tA note.\n4\tTwo\n' >"$T/want"
	same_bytes "$T/want" "$T/p"
}

@test "nstrip: paywall prompts are furniture (ad), like 'continue reading'" {
	printf 'p\tpara\t1\tThe harbour board met on Monday and agreed to repair the north pier before the summer season begins in June.\np\tpara\t2\tTo Read the Full Story\np\tpara\t3\tAlready a subscriber? Sign in\n' >"$T/in"
	nstrip -m "$T/in" | awk -F '\t' '$2 == "junk" { print $3, $4 }' >"$T/why"
	printf '2 ad\n3 ad\n' >"$T/want"
	same_bytes "$T/want" "$T/why"
}

@test "html: a hover card (a picture and links only, inside a paragraph) is no text of it" {
	printf '<html><body><p>The mayor, <span class="who"><a href="/p/ada">Ada Moss</a><span class="box"><img src="ada.jpg"><a href="/p/ada">Ada Moss</a><a href="/s/1">Mayor opens the bridge</a> <a href="/s/2">Parking vote delayed</a></span></span>, said the ferry will run all winter.</p>' >"$T/p.html"
	# a picture with links that is the whole paragraph, or text beside
	# the links, stays
	printf '<p><span><img src="a.jpg"><a href="/1">Bridge</a> <a href="/2">Ferry</a></span></p><p>See <span><img src="b.jpg"><a href="/3">the map</a> of the route and <a href="/4">times</a></span> here.</p></body></html>\n' >>"$T/p.html"
	nsplit "$T/p.html" | ntsv -H paras | cut -f2,3 >"$T/p"
	printf '1\tThe mayor, Ada Moss, said the ferry will run all winter.\n2\tBridge Ferry\n3\tSee the map of the route and times here.\n' >"$T/want"
	same_bytes "$T/want" "$T/p"
}

# Found by fuzz-nsplit: a stray '}' or ',' after a JSON-LD value was a
# value of no bytes, and the script reader looped on it for ever.
@test "web: JSON-LD with stray closing brackets or commas ends" {
	for tail in ' }' ', ]' ',' '}}}'; do
		printf '<!DOCTYPE html><script type="application/ld+json">{"@type":"NewsArticle","headline":"A"}%s</script><p>Hello there.</p>\n' "$tail" >"$T/in.html"
		timeout 10 nsplit "$T/in.html" >"$T/out"
		printf 'in\tdoc\t%s\thtml\nin\tmeta\ttitle\tA\nin\tpara\t1\tHello there.\n' "$T/in.html" | cmp - "$T/out"
	done
}
