#!/usr/bin/env bats
# nsplit: LexisNexis Academic text exports and Nexis Uni text.
load helper
bats_require_minimum_version 1.5.0

setup() {
	T=$BATS_TEST_TMPDIR
	NBSP=$'\xc2\xa0'
}

# field ID KEY: the values of ID's meta KEY in $T/out, one a line
field() {
	awk -F'\t' -v id="$1" -v k="$2" '$1 == id && $2 == "meta" && $3 == k { print $4 }' "$T/out"
}

# count ID KIND [KEY]: how many such records $T/out has
count() {
	awk -F'\t' -v id="$1" -v kind="$2" -v k="${3-}" \
	    '$1 == id && $2 == kind && (k == "" || $3 == k) { n++ } END { print n + 0 }' "$T/out"
}

# ---- LexisNexis Academic ----

@test "lexisnexis: cover, head, German keys, wrapped body, trailing fields, copyright" {
	cd "$FIX"
	ns lexis-export.txt
	[ "$rc" -eq 1 ]	# the numbering gap: a data error
	same_bytes lexis-export.out "$T/out"
}

@test "lexisnexis: a gap in the numbering is reported where it is and in the count" {
	cd "$FIX"
	ns lexis-export.txt
	want_err 'nsplit: lexis-export.txt:83: document 4 of 4 follows 2 of 4: 1 missing' \
	    'nsplit: lexis-export.txt: found 3 articles, the input announces 4'
}

@test "lexisnexis: -v names the format and counts the articles" {
	cd "$FIX"
	ns -v lexis-export.txt
	[ "$rc" -eq 1 ]	# the numbering gap: a data error
	want_err 'nsplit: lexis-export.txt:83: document 4 of 4 follows 2 of 4: 1 missing' \
	    'nsplit: lexis-export.txt: lexisnexis, 3 articles' \
	    'nsplit: lexis-export.txt: found 3 articles, the input announces 4'
}

@test "lexisnexis: key-like body lines stay text; only the trailing block is meta" {
	cd "$FIX"
	ns lexis-export.txt
	[ "$(field lexis-export.1 warning)" = "" ]
	grep -qx $'lexis-export.1\tpara\t3\tWARNING: the towpath will close for six weeks during the works.' "$T/out"
	grep -q $'lexis-export.1\tpara\t4\tCopyright in the design' "$T/out"
	[ "$(field lexis-export.3 length)" = "73 words" ]
	grep -q $'lexis-export.3\tpara\t2\tLENGTH: about two metres' "$T/out"
	[ "$(field lexis-export.3 language)" = "ENGLISH" ]
}

@test "lexisnexis: CRLF line ends and a byte order mark change nothing" {
	printf '\357\273\277' >"$T/lexis-export.txt"
	sed 's/$/\r/' "$FIX/lexis-export.txt" >>"$T/lexis-export.txt"
	cd "$T"
	ns lexis-export.txt
	[ "$rc" -eq 1 ]	# the numbering gap: a data error
	same_bytes "$FIX/lexis-export.out" "$T/out"
}

@test "lexisnexis: concatenated exports restart the numbering; each cover goes with its first article" {
	cat "$FIX/lexis-export.txt" "$FIX/lexis-export.txt" >"$T/two.txt"
	cd "$T"
	ns -v two.txt
	[ "$rc" -eq 1 ]	# the numbering gap: a data error
	[ "$(count two.1 meta cover)" -eq 5 ]
	[ "$(count two.3 meta cover)" -eq 0 ]
	[ "$(count two.3 meta trailer)" -eq 0 ]
	[ "$(count two.4 meta cover)" -eq 5 ]
	[ "$(field two.4 title)" = "Council backs cycle bridge" ]
	want_err 'nsplit: two.txt:83: document 4 of 4 follows 2 of 4: 1 missing' \
	    'nsplit: two.txt:192: document 4 of 4 follows 2 of 4: 1 missing' \
	    'nsplit: two.txt: lexisnexis, 6 articles' \
	    'nsplit: two.txt: found 6 articles, the input announces 8'
}

@test "lexisnexis: an error document and an empty one are kept as articles and reported" {
	cd "$FIX"
	ns -v lexis-odd.txt
	[ "$rc" -eq 0 ]
	same_bytes lexis-odd.out "$T/out"
	want_err 'nsplit: lexis-odd.txt:5: document 1 of 3 is an error document (the export could not show it)' \
	    'nsplit: lexis-odd.txt:7: document 2 of 3 has no headline and no text' \
	    'nsplit: lexis-odd.txt: lexisnexis, 3 articles' \
	    'nsplit: lexis-odd.txt: found 3 of 3 announced articles'
}

@test "lexisnexis: FOCUS, German and French markers and an unindented one are found" {
	printf '%s\n' '          FOCUS - 1 of 4 DOCUMENTS' '' 'Paper One' '' 'First text.' '' \
	    '  Dokument 2 von 4' '' 'Paper Two' '' 'Second text.' '' \
	    '      Document 3 de 4' '' 'Paper Three' '' 'Third text.' '' \
	    '4 of 4 DOCUMENT' '' 'Paper Four' '' 'Fourth text.' >"$T/marks.txt"
	ns -v "$T/marks.txt"
	[ "$rc" -eq 0 ]
	[ "$(field marks.3 source_name)" = "Paper Three" ]
	[ "$(field marks.4 document)" = "4 of 4 DOCUMENT" ]
	want_err "nsplit: $T/marks.txt: lexisnexis, 4 articles" \
	    "nsplit: $T/marks.txt: found 4 of 4 announced articles"
}

@test "lexisnexis: a lower-case 'documents' line is no marker" {
	printf '%s\n' 'We read 3 of 4 documents' '' 'and then stopped.' >"$T/prose.txt"
	ns -v "$T/prose.txt"
	want_err "nsplit: $T/prose.txt: text, 1 article"
}

@test "lexisnexis: -f reads an export without markers as one article" {
	cd "$FIX"
	ns -f lexisnexis lexis-unmarked.txt
	[ "$rc" -eq 0 ]
	[ ! -s "$T/err" ]
	same_bytes lexis-unmarked.out "$T/out"
	ns lexis-unmarked.txt
	[ "$(awk -F'\t' '$2 == "doc" { print $4 }' "$T/out")" = text ]
}

@test "lexisnexis: lines of blanks between the trailing fields separate them like empty ones" {
	sed 's/^$/   /' "$FIX/lexis-export.txt" >"$T/lexis-export.txt"
	cd "$T"
	ns lexis-export.txt
	[ "$(field lexis-export.3 language)" = "ENGLISH" ]
	same_bytes "$FIX/lexis-export.out" "$T/out"
}

@test "lexisnexis: -f on empty input writes nothing" {
	ns -f lexisnexis /dev/null
	[ "$rc" -eq 0 ]
	[ ! -s "$T/out" ]
	[ ! -s "$T/err" ]
}

# ---- Nexis Uni ----

# rail LINE... : a one-document Nexis Uni export in $T/nu.txt, its article
# given by the arguments after the headline and publication
rail() {
	printf '%s\n' 'Date and Time: Monday, 4. March 2024' 'Documents (1)' '1. Night trains return' \
	    'Client/Matter: -None-' 'Sources: Rail Weekly' '' 'Night trains return' 'Rail Weekly' \
	    "$@" 'The night train to Arnsby runs again from May.' 'End of Document' >"$T/nu.txt"
}

@test "nexisuni: cover page, NBSP keys, blank lines in the body, trailing fields" {
	cd "$FIX"
	ns -v lexis-nexisuni.txt
	[ "$rc" -eq 0 ]
	same_bytes lexis-nexisuni.out "$T/out"
	want_err 'nsplit: lexis-nexisuni.txt: nexisuni, 2 articles' \
	    'nsplit: lexis-nexisuni.txt: found 2 of 2 announced articles'
}

@test "nexisuni: NBSP after a key is not kept in the value" {
	cd "$FIX"
	ns lexis-nexisuni.txt
	! grep -q "$NBSP" "$T/out"
	[ "$(field lexis-nexisuni.1 section)" = "LOCAL; Version:2" ]
}

@test "nexisuni: concatenated exports, each with its cover" {
	cat "$FIX/lexis-nexisuni.txt" "$FIX/lexis-nexisuni.txt" >"$T/nn.txt"
	cd "$T"
	ns -v nn.txt
	[ "$rc" -eq 0 ]
	[ "$(count nn.1 meta cover)" -eq 21 ]
	[ "$(count nn.2 meta trailer)" -eq 0 ]
	[ "$(count nn.3 meta cover)" -eq 21 ]
	[ "$(field nn.3 title)" = "Ferry strike ends in Northport" ]
	[ "$(field nn.4 load_date)" = "March 2, 2024" ]
	want_err 'nsplit: nn.txt: nexisuni, 4 articles' \
	    'nsplit: nn.txt: found 4 of 4 announced articles'
}

@test "nexisuni: an unreadable date: the cover ends above the fields before Body" {
	rail 'Spring issue' "Length:${NBSP}12 words" Body
	ns "$T/nu.txt"
	[ "$rc" -eq 0 ]
	[ ! -s "$T/err" ]
	[ "$(count nu meta cover)" -eq 5 ]
	[ "$(field nu title)" = "Night trains return" ]
	[ "$(field nu edition)" = "Spring issue" ]
	[ "$(count nu para)" -eq 1 ]
}

@test "nexisuni: no date and no Body: the cover ends after its last known line, with a warning" {
	rail
	ns "$T/nu.txt"
	[ "$rc" -eq 0 ]
	[ "$(field nu title)" = "Night trains return" ]
	[ "$(count nu meta cover)" -eq 5 ]
	[ "$(count nu para)" -eq 1 ]
	want_err "nsplit: $T/nu.txt:10: cannot tell where the cover page ends: article taken to start at \"Night trains return\""
}

@test "nexisuni: lines after the last End of Document are the trailer" {
	{ cat "$FIX/lexis-nexisuni.txt"; printf 'Page 3 of 3\n'; } >"$T/tr.txt"
	ns "$T/tr.txt"
	[ "$rc" -eq 0 ]
	[ "$(field tr.2 trailer)" = "Page 3 of 3" ]
	[ "$(awk -F'\t' '$2 == "doc"' "$T/out" | wc -l)" -eq 2 ]
}

@test "nexisuni: an article cut short is kept and reported" {
	head -n 66 "$FIX/lexis-nexisuni.txt" >"$T/cut.txt"
	ns "$T/cut.txt"
	[ "$rc" -eq 0 ]
	[ "$(field cut.2 title)" = "Harbour reopens: first boats leave at dawn" ]
	want_err "nsplit: $T/cut.txt:66: the last article has no \"End of Document\""
}
