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
