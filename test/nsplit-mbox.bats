#!/usr/bin/env bats
# nsplit's mbox format: one article per message, headers as meta, MIME
# bodies decoded.  Fixtures are invented text; mbox-sample.mbox is the CC0
# synthetic sample from the shared dumps.
load helper
bats_require_minimum_version 1.5.0

setup() {
	cd "$FIX" || return 1
}

# mbox NAME [STDERR]: nsplit on mbox-NAME.mbox succeeds, gives mbox-NAME.out
# and says STDERR on standard error (by default nothing)
mbox() {
	run --separate-stderr nsplit "mbox-$1.mbox"
	[ "$status" -eq 0 ]
	check_out "mbox-$1.out"
	[ "$stderr" = "${2-}" ]
}

@test "mbox: plain message, headers as meta, signature kept apart" {
	mbox plain
}

@test "mbox: >From lines lose one '>', other From lines stay body" {
	mbox escape
}

@test "mbox: quoted-printable with soft line breaks and UTF-8 bytes" {
	mbox qp
}

@test "mbox: base64 body decoded across lines, CRLF inside dropped" {
	mbox base64
}

@test "mbox: RFC 2047 Q and B subjects, adjacent words joined" {
	mbox 2047
}

@test "mbox: Latin-1 and Windows-1252 converted, 8-bit Latin-1 repaired by the driver" {
	mbox latin1 \
	    "nsplit: mbox-latin1.mbox:16: 2 bytes of invalid UTF-8 or NUL read as Windows-1252 (NUL as U+FFFD)"
}

@test "mbox: multipart/alternative: plain chosen, html a skipped_part" {
	mbox alt
	grep -q '	skipped_part	text/html; 106 bytes$' mbox-alt.out
}

@test "mbox: html-only message stripped to paragraphs" {
	mbox html
}

@test "mbox: two messages get base.1 and base.2" {
	mbox two
	[ "$(grep -c '	doc	' mbox-two.out)" -eq 2 ]
}

@test "mbox: the empty line before a From_ line is no part of the message" {
	mbox sizes
	grep -q '	skipped_part	text/calendar; 29 bytes$' mbox-sizes.out
}

@test "mbox: the CC0 sample gives its two messages" {
	mbox sample
	[ "$(grep -c '	doc	' mbox-sample.out)" -eq 2 ]
}

@test "mbox: truncated multipart still gives its article, with a warning" {
	mbox trunc \
	    "nsplit: mbox-trunc.mbox:1: message ends before its closing MIME boundary: kept as far as it goes"
}

@test "mbox: folded headers unfolded, odd header names made safe keys" {
	mbox folded
}

@test "mbox: nested multipart, attachments and message parts as skipped_part" {
	mbox nested \
	    "nsplit: mbox-nested.mbox:20: charset koi8-r not supported (1 text): valid UTF-8 kept, other bytes read as Windows-1252"
}

@test "mbox: a multipart whose boundary never comes keeps its body as text" {
	mbox noboundary \
	    'nsplit: mbox-noboundary.mbox:1: MIME boundary "announced" not found: body read as plain text'
}

@test "mbox: decoded bytes not valid in their charset are repaired, with a warning" {
	mbox badbytes \
	    "nsplit: mbox-badbytes.mbox:2: 3 bytes of decoded text not valid in utf-8, read as Windows-1252"
}

@test "mbox: -f mbox reads a message without From_ line" {
	run --separate-stderr nsplit -f mbox mbox-eml.eml
	[ "$status" -eq 0 ]
	check_out mbox-eml.out
	[ -z "$stderr" ]
	run nsplit mbox-eml.eml
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "mbox-eml	doc	mbox-eml.eml	text" ]
}

@test "mbox: a text that begins 'From ' without a time is not taken for mbox" {
	run nsplit mbox-notmbox.txt
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "mbox-notmbox	doc	mbox-notmbox.txt	text" ]
	run nsplit -f mbox mbox-notmbox.txt
	[ "${lines[0]}" = "mbox-notmbox	doc	mbox-notmbox.txt	mbox" ]
	[ "${lines[1]}" = "mbox-notmbox	meta	mbox_from	our correspondent in the valley" ]
}

@test "mbox: -v names the format and the count" {
	run --separate-stderr nsplit -v mbox-two.mbox mbox-sample.mbox
	[ "$status" -eq 0 ]
	[ "$stderr" = "nsplit: mbox-two.mbox: mbox, 2 articles
nsplit: mbox-sample.mbox: mbox, 2 articles" ]
}

@test "mbox: CRLF line ends give the same records" {
	sed 's/$/\r/' mbox-alt.mbox > "$BATS_TEST_TMPDIR/mbox-alt.mbox"
	cd "$BATS_TEST_TMPDIR"
	run --separate-stderr nsplit mbox-alt.mbox
	[ "$status" -eq 0 ]
	check_out "$FIX/mbox-alt.out"
}

@test "mbox: many messages, none lost or merged" {
	for i in $(seq 1 300); do
		printf 'From n%d@example.org Mon Mar  2 07:00:01 2020\nSubject: note %d\n\nbody %d\n\n' "$i" "$i" "$i"
	done > "$BATS_TEST_TMPDIR/many.mbox"
	run --separate-stderr nsplit "$BATS_TEST_TMPDIR/many.mbox"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | grep -c '	doc	')" -eq 300 ]
	[ "$(printf '%s\n' "$output" | grep '	para	' | cut -f1,4 | sed 's/^many\.\([0-9]*\)	body \1$/ok/' | sort -u)" = ok ]
}

@test "mbox: an unescaped body paragraph 'From the harbour' starts no message" {
	printf '%s\n' 'From a@example.org Mon Mar  2 07:00:01 2020' 'Subject: Harbour news' '' \
	    'The ferry runs again.' '' 'From the harbour wall, the view is clear again.' '' \
	    'From b@example.org Tue Mar  3 07:00:01 2020' 'Subject: Second' '' 'Body two.' \
	    >"$BATS_TEST_TMPDIR/x.mbox"
	run nsplit "$BATS_TEST_TMPDIR/x.mbox"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "${lines[@]}" | grep -c '	doc	')" -eq 2 ]
	printf '%s\n' "${lines[@]}" | grep -qx 'x.1	para	2	From the harbour wall, the view is clear again.'
}
