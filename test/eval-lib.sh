# test/eval-lib.sh: what the eval scripts share, sourced after they set
# me (their name, for messages), top (the repository) and out.
#
#	die STATUS MESSAGE...	the message on stderr, exit STATUS
#	scratch			$tmp, a directory removed at exit
#	scorer NAME		test/NAME.c built into $tmp/NAME
#	run NAME CMD...		CMD with stdout in $tmp/NAME; a failure ends
#				the run with status 1
#	$unescape		an awk function unesc(s): a stream text field
#				unescaped
# POSIX sh.

die() {
	st=$1
	shift
	echo "$me: $*" >&2
	exit "$st"
}

scratch() {
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/nu-eval.XXXXXX") || exit 2
	trap 'rm -rf "$tmp"' EXIT
	trap 'exit 2' HUP INT PIPE TERM
}

# tools NAME...: each of bin's tools there, and bin made absolute
tools() {
	for t; do
		[ -x "$bin/$t" ] || die 2 "$bin/$t: not found (make first)"
	done
	bin=$(cd "$bin" && pwd -P) || exit 2
}

# need PATH...: each shared directory or file there
need() {
	for d; do
		[ -e "$d" ] || die 2 "$d: missing; the shared data must be at $shared/data"
	done
}

scorer() {
	${CC:-cc} -std=c11 -O2 -Wall -Wextra -Wpedantic -Werror \
	    -o "$tmp/$1" "$top/test/$1.c" || die 1 "cannot build the scorer"
}

run() {
	name=$1
	shift
	"$@" >"$tmp/$name" 2>"$tmp/err" || {
		rc=$?
		cat "$tmp/err" >&2
		die 1 "exit status $rc: $*"
	}
}

unescape='
function unesc(s,	o, i, c) {
	o = ""
	while ((i = index(s, "\\")) > 0) {
		c = substr(s, i + 1, 1)
		o = o substr(s, 1, i - 1) (c == "t" ? "\t" : c == "n" ? "\n" : c == "r" ? "\r" : c)
		s = substr(s, i + 2)
	}
	return o s
}'
