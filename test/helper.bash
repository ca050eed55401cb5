# test/helper.bash: loaded by every bats file.  The tools come from PATH
# (test/run puts the sanitizer build first); fixtures are in test/fixtures.
FIX="$BATS_TEST_DIRNAME/fixtures"
SAMPLES="$BATS_TEST_DIRNAME/../samples"
export LC_ALL=C

# check_out FILE: the command's output ($output) equals the expected file
check_out() {
	local want
	want=$(cat "$1")
	if [ "$output" != "$want" ]; then
		diff -u "$1" <(printf '%s\n' "$output") >&2 || true
		return 1
	fi
}

# same_bytes EXPECTED ACTUAL: byte-exact comparison of two files
same_bytes() {
	if ! cmp -s "$1" "$2"; then
		diff -u "$1" "$2" >&2 || true
		return 1
	fi
}

# ns ARG... / tsv ARG...: run nsplit / ntsv with stdout in $T/out, stderr
# in $T/err and the exit status in $rc ($T: the test's own directory)
runtool() {
	local tool=$1
	shift
	T=${T:-$BATS_TEST_TMPDIR}
	rc=0
	"$tool" "$@" >"$T/out" 2>"$T/err" || rc=$?
}
ns() { runtool nsplit "$@"; }
tsv() { runtool ntsv "$@"; }

# want_err LINE...: $T/err is exactly these lines
want_err() {
	printf '%s\n' "$@" >"$T/err.want"
	same_bytes "$T/err.want" "$T/err"
}

# want_bytes FORMAT [ARG...]: $T/out is exactly printf FORMAT ARG...
want_bytes() {
	# shellcheck disable=SC2059
	printf "$@" >"$T/out.want"
	same_bytes "$T/out.want" "$T/out"
}

# no_err: nothing on standard error
no_err() {
	[ ! -s "$T/err" ] || { cat "$T/err" >&2; return 1; }
}

# build_scorer NAME: test/NAME.c into $BATS_FILE_TMPDIR/NAME, with the
# sanitizers, as test/eval-lib.sh builds it for itself (for setup_file)
build_scorer() {
	${CC:-cc} -std=c11 -O1 -g -Wall -Wextra -Wpedantic -Werror \
	    -fsanitize=address,undefined -fno-sanitize-recover=all \
	    -o "$BATS_FILE_TMPDIR/$1" "$BATS_TEST_DIRNAME/$1.c"
}
