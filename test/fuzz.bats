#!/usr/bin/env bats
# The fuzz corpus, replayed: every input a fuzzer ever saved in
# fuzz/corpus/<target>/ (those that reached new code, and those that once
# crashed) goes through the target again, built with ASan and UBSan and
# linked to fuzz/replay.c instead of libFuzzer (`make check` builds them
# into $NU_FUZZ).  A target aborts when a tool breaks one of its checks
# (fuzz/tool.c, reader.c, escape.c), and the sanitizers on any memory or
# undefined-behaviour error.
load helper

setup() {
	T=$BATS_TEST_TMPDIR
	FZ=${NU_FUZZ:-build/san/replay/fuzz}
	[ -x "$FZ/fuzz-reader" ] || {
		echo "no fuzz targets in $FZ: run make check" >&2
		return 1
	}
}

# replay TARGET: all of its corpus passes, and all of it was read
replay() {
	local n
	n=$(ls "fuzz/corpus/$1" | wc -l)
	[ "$n" -gt 0 ]
	runtool "$FZ/fuzz-$1" "fuzz/corpus/$1"
	cat "$T/err" >&2
	[ "$rc" -eq 0 ]
	[ "$(tail -n 1 "$T/err")" = "fuzz-$1: $n inputs replayed" ]
}

@test "fuzz corpus: the line reader and record splitter" { replay reader; }
@test "fuzz corpus: escaping and UTF-8 repair" { replay escape; }
@test "fuzz corpus: nsplit, every format" { replay nsplit; }
@test "fuzz corpus: nstrip" { replay nstrip; }
@test "fuzz corpus: nquote" { replay nquote; }
@test "fuzz corpus: ntag" { replay ntag; }
@test "fuzz corpus: ntsv" { replay ntsv; }

@test "fuzz replay: a missing input is an error, an empty directory no input" {
	runtool "$FZ/fuzz-escape" "$T/none"
	[ "$rc" -eq 1 ]
	[ "$(cat "$T/err")" = "fuzz-escape: $T/none: No such file or directory" ]
	mkdir "$T/empty"
	runtool "$FZ/fuzz-escape" "$T/empty"
	[ "$rc" -eq 0 ]
	[ "$(cat "$T/err")" = "fuzz-escape: 0 inputs replayed" ]
}
