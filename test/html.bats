#!/usr/bin/env bats
# src/html.c and src/htmltext.c, web pages to paragraphs and metadata,
# through the driver test/html-drv.c: it feeds each file in blocks of -b
# bytes and writes "meta KEY VALUE" and "para CLASS HEADING PRE LINK/BYTES
# TEXT" lines.  The fixtures html-* are pages written for these tests.
load helper

# The driver as build_scorer builds a scorer, with the sanitizers, from
# the module and the library sources it needs.
setup_file() {
	local src=$BATS_TEST_DIRNAME/../src m lib=
	for m in html htmltext util buf utf8 lex out rec kinds io; do
		lib="$lib $src/$m.c"
	done
	# shellcheck disable=SC2086
	${CC:-cc} -std=c11 -O1 -g -Wall -Wextra -Wpedantic -Werror \
	    -fsanitize=address,undefined -fno-sanitize-recover=all \
	    -I"$src" -o "$BATS_FILE_TMPDIR/html-drv" \
	    "$BATS_TEST_DIRNAME/html-drv.c" $lib
}

setup() {
	T=$BATS_TEST_TMPDIR
	DRV=$BATS_FILE_TMPDIR/html-drv
}

# page NAME: the driver on html-NAME.html gives html-NAME.out, whatever
# the size of the blocks (a tag, a reference or a character split)
page() {
	local b
	for b in 4096 1 7 64; do
		run "$DRV" -b "$b" "$FIX/html-$1.html"
		[ "$status" -eq 0 ]
		check_out "$FIX/html-$1.out"
	done
}

# want_text N TEXT: line N of the output is a paragraph of TEXT
want_text() {
	local got=${lines[$1]#*	*	*	*	*	}
	[ "${lines[$1]%%	*}" = para ] && [ "$got" = "$2" ] ||
	    { echo "line $1: ${lines[$1]}" >&2; return 1; }
}

# html [DRIVER-ARG...]: the driver on $T/in.html, into $output
html() {
	run "$DRV" "$@" "$T/in.html"
	[ "$status" -eq 0 ]
}

@test "html: unclosed tags, unquoted attributes, < in text, entities without ;, nested tables, comments with --" {
	page hard
}

@test "html: white space, br, pre, hidden elements, dropped content, headings, links, structural classes" {
	page text
}

@test "html: metadata from title, meta, link, html lang and JSON-LD in @graph" {
	page meta
}

@test "html: numeric and named character references, in text, attributes and RCDATA" {
	page refs
}

@test "html: JSON-LD variants: object, array, nested, broken, cut off, several scripts" {
	local b
	cd "$FIX"
	for b in 4096 1 5; do
		run "$DRV" -b "$b" html-ld-1.html html-ld-2.html html-ld-3.html html-ld-4.html html-ld-5.html
		[ "$status" -eq 0 ]
		check_out html-ld.out
	done
}

@test "html: the same output on the sample pages whatever the block size" {
	local f b
	for f in "$FIX"/html-*.html; do
		"$DRV" -b 4096 "$f" >"$T/want"
		for b in 2 3 13 100; do
			"$DRV" -b "$b" "$f" >"$T/got"
			same_bytes "$T/want" "$T/got"
		done
	done
}

# cs CHARSET-META BYTES WANT: a page declaring CHARSET-META in a <meta>,
# with BYTES (printf) in a paragraph, gives WANT in UTF-8
cs() {
	printf "<meta charset=\"%s\"><p>$2</p>" "$1" >"$T/in.html"
	html -b 3
	want_text 1 "$3"
}

@test "html: every charset from <meta charset>" {
	cs windows-1252 'Caf\351 \223quoted\224 \200 5' 'Café “quoted” € 5'
	[ "${lines[0]}" = "$(printf 'meta\tcharset\twindows-1252')" ]
	cs ISO-8859-1 'na\357ve \223x\224' 'naïve “x”'
	[ "${lines[0]}" = "$(printf 'meta\tcharset\twindows-1252')" ]
	cs latin2 '\263\363d\274' 'łódź'
	cs iso-8859-5 '\274\336\341\332\322\320' 'Москва'
	cs KOI8-R '\355\317\323\313\327\301' 'Москва'
	cs windows-1251 '\314\356\361\352\342\340' 'Москва'
	cs cp1250 '\243\363d\237' 'Łódź'
	cs iso-8859-15 '\244 \275uvre' '€ œuvre'
	cs utf-8 'Caf\303\251' 'Café'
	[ "${lines[0]}" = "$(printf 'meta\tcharset\tutf-8')" ]
}

@test "html: charset from http-equiv, from the caller, a BOM, none, unknown, too late" {
	printf '<meta http-equiv="content-type" content="text/html; charset=ISO-8859-2"><p>\263\363d\274</p>' >"$T/in.html"
	html -b 1
	want_text 1 "łódź"
	# the caller's (HTTP) charset wins over the page's
	printf '<meta charset=utf-8><p>\355\317\323\313\327\301</p>' >"$T/in.html"
	html -c koi8-r
	[ "${lines[0]}" = "$(printf 'meta\tcharset\tkoi8-r')" ]
	want_text 1 "Москва"
	# a byte order mark wins over both
	printf '\357\273\277<meta charset=koi8-r><p>Caf\303\251</p>' >"$T/in.html"
	html -c windows-1251
	[ "${lines[0]}" = "$(printf 'meta\tcharset\tutf-8')" ]
	want_text 1 "Café"
	# none: UTF-8, a bad byte read as windows-1252
	printf '<p>Caf\303\251 and caf\351</p>' >"$T/in.html"
	html -b 2
	want_text 1 "Café and café"
	# one this module cannot read: said, and read as UTF-8
	printf '<meta charset="Shift_JIS"><p>Caf\303\251</p>' >"$T/in.html"
	html
	[ "${lines[0]}" = "$(printf 'meta\tcharset_unknown\tShift_JIS')" ]
	[ "${lines[1]}" = "$(printf 'meta\tcharset\tutf-8')" ]
	# UTF-16 in a <meta> is UTF-8 (the bytes are ASCII)
	printf '<meta charset="utf-16"><p>Caf\303\251</p>' >"$T/in.html"
	html
	[ "${lines[0]}" = "$(printf 'meta\tcharset\tutf-8')" ]
	# a <meta> after the first 1024 bytes is not looked for
	{ printf '<!-- %01100d -->' 0; printf '<meta charset=koi8-r><p>Caf\303\251</p>'; } >"$T/in.html"
	html
	[ "${lines[0]}" = "$(printf 'meta\tcharset\tutf-8')" ]
	want_text 1 "Café"
}

@test "html: one object reads several pages; each forgets the last one's state" {
	printf '<html lang=fr><title>One</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"H1"' >"$T/a.html"
	printf '<title>Two</title><p>Text of page two.' >"$T/b.html"
	run "$DRV" "$T/a.html" "$T/b.html"
	[ "$status" -eq 0 ]
	[ "${lines[6]}" = "$(printf 'meta\ttitle\tTwo')" ]
	[ "${lines[5]}" = "$(printf 'meta\tcharset\tutf-8')" ]
	want_text 7 "Text of page two."
	[ "${#lines[@]}" -eq 8 ]
}

@test "html: an empty page and a page of text without tags" {
	: >"$T/in.html"
	html
	[ "$output" = "$(printf 'meta\tcharset\tutf-8')" ]
	printf 'just  text,\nno tags &amp; no end' >"$T/in.html"
	html -b 1
	want_text 1 "just text, no tags & no end"
}
