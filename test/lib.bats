#!/usr/bin/env bats
# The shared library seen through the tools: escaping, UTF-8 repair,
# character (not byte) widths, date normalisation.
load helper

setup() {
	T=$BATS_TEST_TMPDIR
}

@test "escaping: TAB, backslash, CR inside a line become \\t \\\\ \\r" {
	printf 'col one\tcol two\n' >"$T/esc.txt"
	printf 'a back\\slash, a literal \\n and \\t, C:\\temp\\\n' >>"$T/esc.txt"
	printf 'carriage\rreturn inside\r\n' >>"$T/esc.txt"
	nsplit "$T/esc.txt" | cut -f4 | sed 1d >"$T/out"
	printf '%s\n' 'col one\tcol two' \
	    'a back\\slash, a literal \\n and \\t, C:\\temp\\' \
	    'carriage\rreturn inside' >"$T/want"
	same_bytes "$T/want" "$T/out"
}

@test "escaping: unescaping the text gives back the trimmed input lines" {
	printf '%s\n' 'plain words' 'two	tabs	inside' 'back\slash \\ double' \
	    'ends in a backslash\' '\t is not a tab here' >"$T/in.txt"
	nsplit "$T/in.txt" | ntsv -H paras | cut -f3 >"$T/esc"
	# %b undoes exactly \\ \t \n \r, the only escapes the stream has
	while IFS= read -r l; do printf '%b\n' "$l"; done <"$T/esc" >"$T/out"
	same_bytes "$T/in.txt" "$T/out"
	# and nothing in the escaped text is a raw TAB
	[ "$(tr -cd '\t' <"$T/esc" | wc -c)" -eq 0 ]
}

@test "escaping: a giant field with escapes near buffer boundaries" {
	# one 1.5 MB line with 600000 bytes to escape
	awk 'BEGIN { for (i = 0; i < 300000; i++) printf "ab\tc\\"; print "" }' >"$T/tabs.txt"
	nsplit "$T/tabs.txt" | sed 1d | cut -f4 >"$T/out"
	awk 'BEGIN { for (i = 0; i < 299999; i++) printf "ab\\tc\\\\"; print "ab\\tc\\\\" }' >"$T/want"
	same_bytes "$T/want" "$T/out"
}

@test "UTF-8 repair: bytes 0x80-0xFF are read as Windows-1252" {
	command -v iconv >/dev/null || skip "no iconv"
	i=128
	: >"$T/in.txt"
	while [ $i -le 255 ]; do
		# shellcheck disable=SC2059
		printf "[\\$(printf %o $i)]\n\n" >>"$T/in.txt"
		i=$((i + 1))
	done
	# blank lines between: adjacent lines of one width read as wrapped
	nsplit "$T/in.txt" 2>"$T/err" | sed 1d | cut -f4 >"$T/out"
	[ "$(cat "$T/err")" = "nsplit: $T/in.txt:1: 128 bytes of invalid UTF-8 or NUL read as Windows-1252 (NUL as U+FFFD)" ]
	# iconv's table is the reference; the five bytes Windows-1252 leaves
	# unassigned become the C1 controls of ISO 8859-1
	for b in 81 8d 8f 90 9d; do
		printf "[\\x$b]\n"
	done >"$T/holes"
	grep -v -F -f "$T/holes" "$T/in.txt" | grep . | iconv -f CP1252 -t UTF-8 >"$T/ref"
	printf '[\302\201]\n[\302\215]\n[\302\217]\n[\302\220]\n[\302\235]\n' >>"$T/ref"
	LC_ALL=C sort "$T/ref" >"$T/want"
	LC_ALL=C sort "$T/out" >"$T/got"
	same_bytes "$T/want" "$T/got"
	[ "$(wc -l <"$T/out")" -eq 128 ]
}

@test "UTF-8 repair: a Windows-1252 line" {
	printf 'Caf\351 cr\350me \226 \223quoted\224 \205 5\200\n' >"$T/cp.txt"
	nsplit "$T/cp.txt" 2>/dev/null | sed 1d | cut -f4 >"$T/out"
	printf 'Caf\303\251 cr\303\250me \342\200\223 \342\200\234quoted\342\200\235 \342\200\246 5\342\202\254\n' >"$T/want"
	same_bytes "$T/want" "$T/out"
}

@test "line widths count characters, not bytes: wrapped Cyrillic is joined" {
	# lines of about 90 characters are over 150 bytes
	cat >"$T/ru.txt" <<-'EOF'
	Городской совет в среду утвердил новый бюджет порта, завершив спор, который длился
	почти три года и задержал ремонт старого причала на северной стороне гавани на
	несколько долгих месяцев, сообщил секретарь совета после закрытого заседания в
	ратуше. По его словам, работы начнутся весной, а первые камни для новой стены
	привезут в мае.
	EOF
	[ "$(head -1 "$T/ru.txt" | wc -c)" -gt 151 ]
	nsplit "$T/ru.txt" >"$T/out"
	[ "$(grep -c '	para	' "$T/out")" -eq 1 ]
	grep -q 'длился почти три года.*гавани на несколько.*заседания в ратуше' "$T/out"
}

@test "dates: normalised to ISO 8601 by the builder, the original kept" {
	# the mbox format sets dates from Date: headers
	nsplit -v "$FIX/core-dates.mbox" 2>&1 >/dev/null | grep -q ': mbox, '
	nsplit "$FIX/core-dates.mbox" | ntsv -H -f date,date_written docs | cut -f1,4,5 >"$T/out"
	same_bytes "$FIX/core-dates.tsv" "$T/out"
	# a value that is already ISO 8601, or no date, has no date_written
	nsplit "$FIX/core-dates.mbox" | grep -c '	meta	date_written	' >"$T/n" || true
	[ "$(cat "$T/n")" -eq 13 ]
}

@test "escaping: other control bytes (SOH, VT) pass through unchanged, short and long lines" {
	printf 'a\001b\vc\n' >"$T/ctl.txt"
	printf 'some longer text to pass the sixteen-byte blocks \001\001 and \v here\n' >>"$T/ctl.txt"
	nsplit "$T/ctl.txt" | cut -f4 | sed 1d >"$T/out"
	same_bytes "$T/ctl.txt" "$T/out"
}

@test "reader: lines, UTF-8 and form feeds across read-buffer boundaries" {
	# lines of 1000 bytes ending in a 3-byte character, so that buffer
	# ends (every 2^18 bytes) cut characters and lines at many offsets
	awk 'BEGIN { for (i = 0; i < 600; i++) { s = sprintf("%05d ", i);
		while (length(s) < 996) s = s "x"; printf "%s\342\202\254\n", s;
		if (i % 97 == 0) printf "\f\n" } }' >"$T/big.txt"
	nsplit "$T/big.txt" 2>"$T/err" >"$T/out"
	[ ! -s "$T/err" ]
	[ "$(grep -c '	para	' "$T/out")" -eq 600 ]
	[ "$(grep -c '	doc	' "$T/out")" -eq 8 ]	# 7 form feeds
	cut -f4 "$T/out" | grep -v '^text$' | grep . >"$T/got"
	grep -v "$(printf '\f')" "$T/big.txt" >"$T/want"
	same_bytes "$T/want" "$T/got"
	# the same through a pipe that delivers odd-sized pieces
	dd if="$T/big.txt" bs=4093 2>/dev/null | nsplit | cut -f4 | grep -v '^text$' | grep . >"$T/got2"
	same_bytes "$T/want" "$T/got2"
}

# Found by fuzz-nstrip: a NUL byte in a record's kind field, where a
# known kind's name ends ("para" NUL ...), took the kind lookup past the
# end of the name in its table.  Such a kind is unknown: passed on.
@test "record kinds: a kind with a NUL byte is no known kind, and passes through" {
	T=$BATS_TEST_TMPDIR
	printf 'a\tdoc\t-\ttext\na\tpara\000x\t1\tHello.\n' >"$T/in"
	for t in nstrip nquote ntag; do
		"$t" "$T/in" >"$T/out" 2>"$T/err"
		cmp "$T/in" "$T/out"
		[ ! -s "$T/err" ]
	done
}
