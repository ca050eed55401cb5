#!/usr/bin/env bats
# test/demo.bats: `make demo`, the README's first command, runs the main
# job on samples/: who said what, when.  The recipe is read from the
# Makefile with make -n, so that nothing is built here, and run with the
# tools under test (PATH).

load helper

TOP="$BATS_TEST_DIRNAME/.."

# the demo's pipeline, tool names without their directory
recipe() {
	make -n -C "$TOP" demo BIN=_BIN_ 2>/dev/null | grep '^_BIN_/nsplit ' | sed 's|_BIN_/||g'
}

@test "make demo: who said what in the samples, with speaker, cue, kind and date" {
	cmd=$(recipe)
	[ -n "$cmd" ]
	(cd "$TOP" && sh -c "$cmd") >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err"
	[ ! -s "$BATS_TEST_TMPDIR/err" ]
	[ "$(head -1 "$BATS_TEST_TMPDIR/out")" = "$(printf 'id\tqno\tn\tstart\tend\tspeaker\tspeaker_text\tcue\tkind\ttext\tdate')" ]
	# a split quote of a seed, and a quote of the export, with its date
	grep -qxF "$(printf '001_a06e22c48b214d4d\t5\t6\t3\t75\tAlexander Lukashenko\tLukashenko\ttold\tdirect\tI warned you that they would push us into this operation, into this war,\t')" "$BATS_TEST_TMPDIR/out"
	grep -qxF "$(printf '001_a06e22c48b214d4d\t5\t6\t180\t248\tAlexander Lukashenko\tLukashenko\ttold\tdirect\tThere’s nothing for us to do there, and we haven’t been invited.\t')" "$BATS_TEST_TMPDIR/out"
	grep -qxF "$(printf 'lexisnexis-export.1\t1\t2\t1\t43\tJonas Brekke\tJonas Brekke\tsaid\tdirect\tNobody wanted another week of empty piers,\t2024-03-01')" "$BATS_TEST_TMPDIR/out"
	# every row has the eleven columns; every sample with quotes is there
	[ -z "$(awk -F'\t' 'NF != 11' "$BATS_TEST_TMPDIR/out")" ]
	[ "$(cut -f1 "$BATS_TEST_TMPDIR/out" | sed 's/\.[0-9]*$//' | sort -u | grep -vc '^id$')" -eq 7 ]
}
