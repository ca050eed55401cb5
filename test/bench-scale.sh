#!/bin/sh
# test/bench-scale.sh BIN FILE...: memory and time at scale, on a corpus
# of 1 GB made from the scraped-text FILEs (test/bench.sh gives it the
# samples that nsplit reads as text).
#
# The FILEs are joined with form feeds into a block, and the block is
# repeated into the corpus; each copy ends every non-blank line with a
# made-up word of its own (zaaaa, zbaaa, ...), so that no two articles and
# no two short paragraphs are the same: what is keyed by text, such as
# nstrip's fingerprint table, fills as on a real dump instead of finding
# the same few paragraphs again.  nsplit numbers the articles of the one
# file, so their IDs are distinct too.
#
# Each tool reads the corpus (nsplit) or nsplit's stream of it (the
# others), and so does the pipeline nsplit | nstrip | nquote | ntag |
# ntsv quotes, under /usr/bin/time -v: once at 1 GB, then at prefixes of
# 100, 10 and 1 MB (whole copies, so whole articles), each read as many
# times as take some 2 s of CPU by the 1 GB run (no more than 1 GB in all),
# since time(1) counts in hundredths.  Inputs are in the page cache, output
# goes to /dev/null.  Reported:
#  - MB/s and articles/s at 1 GB in wall-clock time, next to cat;
#  - peak RSS (time's "Maximum resident set size"; for the pipeline its
#    largest process), which must stay under 64 MB at every size: memory
#    is bounded by the largest article, not by the input;
#  - CPU seconds (user + system) per MB at each size, which must be flat
#    (see the report below): CPU time, since others work on this machine
#    and wall time follows them.
# ntag and the pipeline take a minute or more at 1 GB; they run there once.
# BENCH_MB (default 1024) sets the largest size, for a quick try.
# POSIX sh and awk only.
bin=${1:?usage: bench-scale.sh BIN FILE...}
shift
LC_ALL=C
export LC_ALL
big=${BENCH_MB:-1024}
sizes=$big	# largest first: it sets how often the others run
for s in 100 10 1; do
	[ "$s" -lt "$big" ] && sizes="$sizes $s"
done

for t in nsplit nstrip nquote ntag ntsv; do
	if [ ! -x "$bin/$t" ]; then
		echo "bench-scale: $bin/$t: not found (make first)" >&2
		exit 2
	fi
done
if ! /usr/bin/time -v -o /dev/null true 2>/dev/null; then
	echo "bench-scale: /usr/bin/time: not GNU time, no peak RSS" >&2
	exit 2
fi
if [ $# -eq 0 ]; then
	echo "bench-scale: no scraped-text samples" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nu-scale.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT PIPE TERM

# the corpus and its stream come to some 2.2 times the largest size
need=$((big * 3))
free=$(df -Pk "$tmp" | awk 'NR == 2 { print int($4 / 1024) }')
if [ "$free" -lt "$need" ]; then
	echo "bench-scale: $tmp: $free MB free, $need MB needed" >&2
	exit 2
fi

# copies N: N copies of $tmp/block, each with its word
copies() {
	awk -v n="$1" 'BEGIN { a = "abcdefghijklmnopqrstuvwxyz" }
	{ l[NR] = $0; nb[NR] = /[^ \t\f\r]/ }
	END {
		for (k = 0; k < n; k++) {
			w = " z"
			x = k
			for (i = 0; i < 4; i++) {
				w = w substr(a, x % 26 + 1, 1)
				x = int(x / 26)
			}
			for (i = 1; i <= NR; i++)
				print nb[i] ? l[i] w : l[i]
		}
	}' "$tmp/block"
}

# arts STREAM: the number of articles in STREAM
arts() {
	awk -F'\t' '$2 == "doc" { n++ } END { print n + 0 }' "$1"
}

# runs NAME KIND SIZE: how often to run NAME on SIZE MB: 1 at the largest
# size, else as often as take 2 s of CPU by the time per MB there, but no
# more input than the largest size
runs() {
	awk -v name="$1" -v kind="$2" -v s="$3" -v big="$big" '
	$1 == name && $10 == kind && $2 == big { spm = $7 / ($4 / 1048576) }
	END {
		if (s >= big) {
			print 1
			exit
		}
		r = int(2 / ((spm > 0.00001 ? spm : 0.00001) * s)) + 1
		print (r > big / s ? int(big / s) : r)
	}' "$tmp/res"
}

# timed NAME SIZE INPUT STDIN CMD...: a line of $tmp/res for CMD, with
# STDIN as its input (output and messages thrown away), run as often as
# runs says: name, size, runs, bytes of INPUT, articles ($arts), wall
# and CPU seconds, peak RSS in kB, exit status (or signalN), kind of INPUT
timed() {
	name=$1 size=$2 in=$3 stdin=$4
	shift 4
	kind=stream
	[ "$in" = "$c" ] && kind=text
	runs=$(runs "$name" "$kind" "$size")
	/usr/bin/time -v -o "$tmp/tv" sh -c 'r=$1 in=$2; shift 2
		while [ "$r" -gt 0 ]; do
			"$@" <"$in" >/dev/null 2>&1 || exit
			r=$((r - 1))
		done' sh "$runs" "$stdin" "$@"
	awk -F': ' -v name="$name" -v size="$size" -v runs="$runs" \
	    -v bytes="$(wc -c <"$in")" -v arts="$arts" -v kind="$kind" '
	/Elapsed/ {
		n = split($NF, t, ":")
		for (i = 1; i <= n; i++)
			wall = wall * 60 + t[i]
	}
	/User time|System time/ { cpu += $NF }
	/Maximum resident/ { rss = $NF }
	/Exit status/ { st = $NF }
	/terminated by signal/ { sig = $0; sub(/.* /, "", sig) }
	END { print name, size, runs, bytes, arts, wall, cpu, rss, sig ? "signal" sig : st, kind }' "$tmp/tv" >>"$tmp/res"
}

# the pipeline on $1, each stage under a time -v of its own into $2.stage
pipeline='t="/usr/bin/time -v -o $2"
	$t.nsplit "$0/nsplit" "$1" | $t.nstrip "$0/nstrip" | $t.nquote "$0/nquote" |
	    $t.ntag "$0/ntag" | $t.ntsv "$0/ntsv" quotes'

for f; do
	cat "$f"
	printf '\n\f\n'
done >"$tmp/block"
b=$(copies 1 | wc -c)
n=$(( (big * 1048576 + b - 1) / b ))
c=$tmp/corpus
st=$tmp/stream
copies "$n" >"$c"
rm -f "$tmp/block"
: >"$tmp/res"
for s in $sizes; do
	# each copy is b bytes: a prefix of whole copies, named corpus as
	# the whole, so that nsplit names its articles alike
	if [ "$s" != "$big" ]; then
		head -c $(( (s * 1048576 + b - 1) / b * b )) "$c" >"$c.part"
		mv "$c.part" "$c"
	fi
	"$bin/nsplit" "$c" >"$st" 2>/dev/null
	arts=$(arts "$st")
	[ "$s" = "$big" ] && echo "scale: $n copies of $# scraped-text samples:" \
	    "$(wc -c <"$c") bytes, $arts articles; the stream $(wc -c <"$st") bytes"
	cat "$c" "$st" >/dev/null	# into the page cache
	timed cat "$s" "$c" /dev/null cat "$c"
	timed nsplit "$s" "$c" /dev/null "$bin/nsplit" "$c"
	timed pipeline "$s" "$c" /dev/null sh -c "$pipeline" "$bin" "$c" "$tmp/stage"
	[ "$s" = "$big" ] && mkdir "$tmp/stages" && cp "$tmp"/stage.* "$tmp/stages"
	timed cat "$s" "$st" "$st" cat
	for t in nstrip nquote ntag ntsv; do
		timed "$t" "$s" "$st" "$st" "$bin/$t"
	done
done
rm -f "$c" "$st"

# report [readme]: the table, with the verdicts unless for the README.
# Flat: the CPU time per MB at no size is more than 1.5 times that at a
# smaller size.  It may fall, as start-up weighs less (nsplit reads 1 MB
# in a millisecond; ntag maps its model in 10-20 ms).  1.5, since a path
# quadratic in the input costs 100 times as much per byte at 1 GB as at
# 10 MB, and one quadratic in something that grows as its square root 10
# times, while what is allowed stays well under it: CPU time varies by 10%
# or so on this shared machine, and a table that outgrows the caches as it
# fills (nstrip's 16 MB of fingerprints) costs some more per byte.  An
# n log n path would pass (30/23 = 1.3 from 10 MB to 1 GB), and is no
# quadratic path.
report() {
	awk -v sizes="$sizes" -v readme="$1" '
	BEGIN {
		nrow = split("cat:text nsplit:text cat:stream nstrip:stream " \
		    "nquote:stream ntag:stream ntsv:stream pipeline:text", row, " ")
		# smallest first
		nsz = split(sizes, t, " ")
		for (j = 1; j <= nsz; j++)
			sz[j] = t[nsz + 1 - j]
		big = sz[nsz]
	}
	{
		k = $1 ":" $10
		mb = $4 / 1048576
		wall = $6 > 0.01 ? $6 : 0.01
		per[k, $2] = $7 / $3 / mb * 1000
		rss[k, $2] = $8 / 1024
		if ($2 == big) {
			na = $5
			mbs[k] = mb * $3 / wall
			aps[k] = $5 * $3 / wall
		}
		if ($8 / 1024 > top[k])
			top[k] = $8 / 1024
		if ($9 != 0)
			bad[k] = bad[k] " exit " $9 " at " $2 " MB"
	}
	function label(s) {
		return s % 1024 ? s " MB" : s / 1024 " GB"
	}
	END {
		printf "  %-17s %9s %11s %9s   CPU ms/MB at", na " articles", "MB/s", "articles/s", "peak RSS"
		for (j = 1; j <= nsz; j++)
			printf " %6s", label(sz[j])
		print readme ? "" : "   RSS < 64 MB   time per byte"
		for (i = 1; i <= nrow; i++) {
			k = row[i]
			split(k, f, ":")
			printf "  %-8s %-8s %9.1f %11.0f %6.1f MB %14s", f[1], f[2], mbs[k], aps[k], \
			    rss[k, big], ""
			growth = zero = 0
			for (j = 1; j <= nsz; j++) {
				v = per[k, sz[j]]
				printf " %6.2f", v
				zero += v <= 0
				if (j > 1 && lo > 0 && v / lo > growth)
					growth = v / lo
				if (j == 1 || v < lo)
					lo = v
			}
			if (readme || f[1] == "cat") {
				print ""
				continue
			}
			okr = top[k] < 64 && !bad[k]
			okf = growth <= 1.5 && !zero
			printf "   %-13s %s%s\n", okr ? "PASS" : top[k] < 64 ? "FAIL" : sprintf("FAIL %.1f MB", top[k]), \
			    zero ? "NOT TIMED (too short)" : sprintf("%s %.2fx", okf ? "FLAT" : "NOT FLAT", growth), \
			    bad[k]
			fail += !okr || !okf
		}
		if (readme)
			exit
		printf "  peak RSS, MB, at"
		for (j = 1; j <= nsz; j++)
			printf " %6s", label(sz[j])
		print ""
		for (i = 1; i <= nrow; i++) {
			k = row[i]
			split(k, f, ":")
			printf "  %-8s %-6s", f[1], f[2]
			for (j = 1; j <= nsz; j++)
				printf " %6.1f", rss[k, sz[j]]
			print ""
		}
		exit fail > 0
	}' "$tmp/res"
}

report || fail=1
# the stages of the pipeline at the largest size: their RSS, and any
# that failed (the pipeline's status is the last one's)
printf '  the pipeline'"'"'s stages at %s MB, peak RSS:' "$big"
for t in nsplit nstrip nquote ntag ntsv; do
	awk -F': ' -v t="$t" '
	/Maximum resident/ { rss = $NF / 1024 }
	/terminated by signal|Exit status: [1-9]/ { bad = bad " (" $0 ")" }
	END {
		printf " %s %.1f MB%s", t, rss, bad
		exit bad != ""
	}' "$tmp/stages/stage.$t" || fail=1
done
echo
echo "For README (## Speed):"
report readme | sed 's/^  /    /'
if [ "${fail:-0}" -ne 0 ]; then
	echo "bench-scale: FAIL"
	exit 1
fi
echo "bench-scale: PASS"
