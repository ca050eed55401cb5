#!/usr/bin/env bats
# date_find (src/tagdate.c), ntag's DATE expressions, through the driver
# test/tagdate-drv.c: it reads REF<TAB>text lines (REF "-": none) and
# writes "line start end iso text" per date (-l), iso "-" for no value.
# The fixtures tagdate-*.in are invented sentences; the article of most
# is dated Monday 2024-04-15.
load helper

# The driver as build_scorer builds a scorer, with the sanitizers, from
# tagdate.c and the library's sources (the Makefile's LIB).
setup_file() {
	local src=$BATS_TEST_DIRNAME/../src m lib=
	# shellcheck disable=SC2013 # LIB is a list of words
	for m in $(sed -n 's/^LIB *= *//p' "$BATS_TEST_DIRNAME/../Makefile"); do
		lib="$lib $src/$m.c"
	done
	# shellcheck disable=SC2086
	${CC:-cc} -std=c11 -O1 -g -Wall -Wextra -Wpedantic -Werror \
	    -fsanitize=address,undefined -fno-sanitize-recover=all \
	    -I"$src" -o "$BATS_FILE_TMPDIR/tagdate-drv" \
	    "$BATS_TEST_DIRNAME/tagdate-drv.c" "$src/tagdate.c" $lib
}

setup() {
	T=$BATS_TEST_TMPDIR
	DRV=$BATS_FILE_TMPDIR/tagdate-drv
}

# dates NAME: the driver on tagdate-NAME.in gives tagdate-NAME.out
dates() {
	run "$DRV" -l <"$FIX/tagdate-$1.in"
	[ "$status" -eq 0 ]
	check_out "$FIX/tagdate-$1.out"
}

@test "tagdate: absolute dates: month and day either way round, years, decades, ISO, slashes" {
	dates absolute
}

@test "tagdate: relative dates, weekdays and modifiers against the article's date" {
	dates relative
}

@test "tagdate: names, verbs, counts and amounts are no dates" {
	run "$DRV" -l <"$FIX/tagdate-negative.in"
	[ "$status" -eq 0 ]
	check_out /dev/null
}

@test "tagdate: leap years, month lengths, year and ISO-week boundaries, the half-year rule" {
	dates calendar
}

@test "tagdate: without the article's date only what the text fixes has a value" {
	dates noref
}

@test "tagdate: empty and odd text, other scripts, capitals, bad or partial references" {
	dates odd
}

@test "tagdate: the plain output is start end iso text, in byte offsets" {
	printf '2024-04-15\t“Ça va” — on Friday, in March 2024.\n' >"$T/in"
	run "$DRV" <"$T/in"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' '20 26 2024-04-12 Friday' '31 41 2024-03 March 2024')" ]
}

@test "tagdate: at most max spans are filled" {
	printf '2024-04-15\tYesterday, today and tomorrow.\n' >"$T/in"
	run "$DRV" -m 2 <"$T/in"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' '0 9 2024-04-14 Yesterday' '11 16 2024-04-15 today')" ]
	run "$DRV" -m 0 <"$T/in"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "tagdate: no input, no output; a line without the date's TAB is an error" {
	run "$DRV" </dev/null
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	printf 'no tab here\n' >"$T/in"
	run "$DRV" <"$T/in"
	[ "$status" -eq 1 ]
	[ "$output" = "tagdate-drv: stdin:1: no TAB after the date" ]
}

@test "tagdate: a long paragraph of dates and noise, repeated, stays in step" {
	awk 'BEGIN { for (i = 0; i < 2000; i++) printf "On Friday, %d people met in %d and March %d; ", i, 1900 + i % 200, i % 28 + 1; print "" }' |
	    sed 's/^/2024-04-15\t/' >"$T/in"
	run "$DRV" -m 10000 <"$T/in"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 6000 ]
	[ "$(printf '%s\n' "$output" | grep -c ' 2024-04-12 Friday$')" -eq 2000 ]
	[ "$(printf '%s\n' "$output" | grep -c ' people')" -eq 0 ]
}
