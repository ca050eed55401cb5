#!/bin/sh
# test/eval-tag.sh [BIN] [OUTDIR]: how well ntag (in BIN, with nsplit,
# nstrip and ntsv) finds named entities, measured on the NER data next to
# the repository (${NER_DATA:-../shared/data/ner}, relative to the
# repository's top).  Not part of `make check`: CI's tests must not need
# that data.  Without the data it says so and exits 0.
#
# 1. A research model: ntag -T conll2003/eng.train -c CLUSTERS [-g GAZ]
#    -o OUTDIR/conll.model; CLUSTERS is $TAG_CLUSTERS, else the GloVe
#    clusters of the data; GAZ is $TAG_GAZ, none when that is empty.
#    Then a final model, the same but with -T eng.train -T eng.testa and
#    -o OUTDIR/final.model.  Why two: tuning is done on testa with the
#    research model, which never saw it; once tuning is over, testa is
#    added to the training data, as Illinois NER (Ratinov and Roth 2009,
#    an anchor of the table) trained on train+dev.  The final model's
#    testa score is then no measure (it was trained on it): only its
#    testb, CoNLL++, WikiGold and UNER scores count.  If the research
#    model fails to train, the run ends (status 1); if the final one
#    does, the rest is measured without it.
# 2. Those models and the shipped one ($TAG_MODEL, else ntag's default)
#    tag with ntag -C: CoNLL-2003 testa (tune here, never on testb),
#    testb (the number reported), CoNLL++ (testb with corrected labels),
#    WikiGold (Wikipedia: out of domain) and UNER EWT test (web text,
#    out of domain; reformatted to "token gold", one -DOCSTART- per
#    document; it has no MISC, so predicted MISC counts as O there).
#    test/tagscore.c scores each: phrase-level exact match, conlleval's
#    numbers (its header says how); ntag -C must append one tag to every
#    line and change nothing else, which is checked first.
# 3. The seeds (../shared/seeds, else samples/0*.txt), with each model:
#    nsplit -1 | nstrip | ntag [-m] | ntsv -H entities against
#    seeds-gold/entities.tsv (file type text count, CoNLL types).  Recall
#    per type: for each gold row, min(count, predicted entities of its
#    file with that type and text), summed, over the sum of the counts.
#    "other": predicted entities (DATE aside) whose file, type and text
#    are in no gold row; P = the matched over all predicted.
#
# OUTDIR (default: a new ${TMPDIR:-/tmp}/newsutils-eval-tag.XXXXXX; never
# inside the repository, CoNLL-2003 text must not end up there) gets:
# conll.model and train.log (the research model and ntag's output when
# training it), final.model and final.log (the same for the final model);
# per set and model (research, final, shipped) SET.MODEL.conll (ntag -C
# output, tags mapped for UNER) and SET.MODEL.score (conlleval's text);
# scores.tsv (set model type P R F1 gold pred correct, with a header);
# seeds.MODEL.tsv (per gold row and other prediction).  The table on
# stdout: what each model is trained on, each set's scores per model (the
# final model's testa row marked), testb by type, the goal, the seeds.
# Exit 0 when everything was measured, whatever the numbers; 1 when a
# tool or the scorer failed, or a model failed to train (the rest is
# still measured, except without a research model); 2 when the tools are
# missing or OUTDIR is unusable.  POSIX sh and awk (mawk is enough).
set -eu
LC_ALL=C
export LC_ALL
me=eval-tag
bin=${1:-bin}
top=$(cd "$(dirname "$0")/.." && pwd -P) || exit 2
. "$top/test/eval-lib.sh"

# the data, relative to the repository's top
ner=${NER_DATA:-../shared/data/ner}
case $ner in
/*) ;;
*) ner=$top/$ner ;;
esac
if [ ! -d "$ner/conll2003" ]; then
	echo "$me: skipped: no NER data in $ner (set NER_DATA)"
	exit 0
fi
ner=$(cd "$ner" && pwd -P)
shared=$top/../shared
gold=$shared/data/seeds-gold/entities.tsv
clusters=${TAG_CLUSTERS:-$ner/wordclusters/glove6b100d_kmeans_top200k.tsv}
gaz=${TAG_GAZ:-}
shipped=${TAG_MODEL:-}

tools nsplit nstrip ntag ntsv
[ -f "$ner/conll2003/eng.train" ] || die 2 "$ner/conll2003/eng.train: missing"
[ -f "$clusters" ] || die 2 "clusters: $clusters: missing"
[ -z "$gaz" ] || [ -f "$gaz" ] || die 2 "TAG_GAZ: $gaz: no such file"
[ -z "$shipped" ] || [ -f "$shipped" ] || die 2 "TAG_MODEL: $shipped: no such file"

# OUTDIR: made here, outside the repository
if [ $# -ge 2 ]; then
	out=$2
	case $out in
	/*) ;;
	*) out=$PWD/$out ;;
	esac
	case $out/ in
	"$top"/*) die 2 "$2: inside the repository; put OUTDIR elsewhere" ;;
	esac
	mkdir -p "$out" || die 2 "$out: cannot make it"
else
	out=$(mktemp -d "${TMPDIR:-/tmp}/newsutils-eval-tag.XXXXXX") ||
	    die 2 "cannot make a directory in ${TMPDIR:-/tmp}"
fi
out=$(cd "$out" && pwd -P)
case $out/ in
"$top"/*) die 2 "$out: inside the repository; put OUTDIR elsewhere" ;;
esac

scratch
scorer tagscore
failed=0

# fail MESSAGE...: report a failure that does not stop the run
fail() {
	echo "$me: $*" >&2
	failed=1
}

# ---- 1. the research model, then the final one ----

# train MODEL LOG FILE...: ntag -T FILE (each) -c CLUSTERS [-g GAZ] -o
# MODEL, its output in LOG; the seconds it took in $secs
train() {
	tm=$1
	tl=$2
	shift 2
	# "$@" becomes -T FILE for each FILE
	for f do
		set -- "$@" -T "$f"
		shift
	done
	[ -z "$gaz" ] || set -- "$@" -g "$gaz"
	start=$(date +%s)
	trc=0
	"$bin/ntag" "$@" -c "$clusters" -o "$tm" >"$tl" 2>&1 || trc=$?
	secs=$(($(date +%s) - start))
	return "$trc"
}

model=$out/conll.model
rc=0
train "$model" "$out/train.log" "$ner/conll2003/eng.train" || rc=$?
if [ "$rc" -ne 0 ]; then
	tail -5 "$out/train.log" >&2
	die 1 "the research model: training failed (exit status $rc; $out/train.log)"
fi
trained=$secs
msize=$(wc -c <"$model" | tr -d ' ')

# the final model: testa added, once tuning on it is over; without it
# (ftrained empty) the rest goes on
final=$out/final.model
ftrained=
fsize=0
rc=0
train "$final" "$out/final.log" "$ner/conll2003/eng.train" \
    "$ner/conll2003/eng.testa" || rc=$?
if [ "$rc" -ne 0 ]; then
	tail -5 "$out/final.log" >&2
	fail "the final model: training failed (exit status $rc; $out/final.log)"
	rm -f "$final"
else
	ftrained=$secs
	fsize=$(wc -c <"$final" | tr -d ' ')
fi

# ---- 2. the test sets ----

# UNER: "index TAB token TAB tag TAB ..." with comments; to "token tag",
# a -DOCSTART- line where a document starts
uner=$ner/uner_en_ewt/en_ewt-ud-test.iob2
[ ! -f "$uner" ] || awk -F '\t' '
BEGIN { blank = 1 }
/^# newdoc/ { printf "%s-DOCSTART- O\n\n", blank ? "" : "\n"; blank = 1; next }
/^#/ { next }
NF == 0 { if (!blank) print ""; blank = 1; next }
NF < 3 { printf "eval-tag: %s:%d: %d fields, not 5\n", FILENAME, FNR, NF >"/dev/stderr"; exit 1 }
{ print $2 " " $3; blank = 0 }' "$uner" >"$tmp/uner.in" 2>"$tmp/err" ||
    { cat "$tmp/err" >&2; die 1 "cannot read $uner"; }
[ ! -f "$uner" ] || uner=$tmp/uner.in

# the sets: name, input, what it is
cat >"$tmp/sets" <<EOF
testa	$ner/conll2003/eng.testa	CoNLL-2003 dev: tune here (research model); the final model is trained on it
testb	$ner/conll2003/eng.testb	CoNLL-2003 test: report, never tune
conllpp	$ner/conllpp/conllpp_test.txt	CoNLL++: testb with 309 tokens relabelled
wikigold	$ner/wikigold/wikigold.conll.txt	WikiGold: Wikipedia, out of domain
uner	$uner	UNER EWT test: web text, out of domain; no MISC (predicted MISC as O)
EOF

# ntagc MODEL ARG...: ntag with the research, the final or the shipped
# model
ntagc() {
	case $1 in
	research) shift; "$bin/ntag" -m "$model" "$@" ;;
	final) shift; "$bin/ntag" -m "$final" "$@" ;;
	*) shift; if [ -n "$shipped" ]; then "$bin/ntag" -m "$shipped" "$@"; else "$bin/ntag" "$@"; fi ;;
	esac
}

# checked IN OUT WHY: OUT on stdout, once it is seen to be IN with one
# tag appended to each line that is not blank (after a space or a TAB),
# blank lines as they were; else the reason in WHY and status 1.  A '#'
# line left as it was (ntag -C passes comment lines unchanged) gets an O,
# as the token "#" (WikiGold and UNER have them inside sentences); their
# number goes to WHY as "untagged N".
checked() {
	awk -v why="$3" '
	NR == FNR { line[FNR] = $0; n = FNR; next }
	function bad(s) { printf "line %d: %s\n", FNR, s >why; failed = 1; exit 1 }
	FNR > n { bad("a line too many") }
	{ i = line[FNR] }
	i ~ /^[ \t\r]*$/ { if ($0 != i) bad("a blank line changed"); print; next }
	$0 == i && i ~ /^#/ { print i (index(i, "\t") ? "\t" : " ") "O"; hash++; next }
	substr($0, 1, length(i)) != i { bad("not the input line") }
	substr($0, length(i) + 1) !~ /^[ \t][^ \t]+$/ {
		bad("no tag appended: " ($0 == i ? "the line as it was" : $0))
	}
	{ print }
	END {
		if (failed)
			exit 1
		if (FNR < n) {
			printf "line %d: the output ends there\n", FNR + 1 >why
			exit 1
		}
		if (hash)
			print "untagged " hash >why
	}' "$1" "$2"
}

# tagscored SET INPUT MODEL: tag, check and score one set with one model;
# the scores as "SET MODEL" and tagscore -t's columns in $tmp/scores
tagscored() {
	res=$out/$1.$3
	if ! ntagc "$3" -C "$2" >"$res.conll" 2>"$tmp/err"; then
		cat "$tmp/err" >&2
		fail "$1, $3 model: ntag -C failed"
		return 0
	fi
	: >"$tmp/why"
	if ! checked "$2" "$res.conll" "$tmp/why" >"$tmp/checked"; then
		fail "$1, $3 model: ntag -C output ($res.conll) does not fit its input ($2): $(cat "$tmp/why")"
		return 0
	fi
	if [ -s "$tmp/why" ]; then
		echo "$1 $3 $(cat "$tmp/why")" >>"$tmp/untagged"
	fi
	if [ "$1" = uner ]; then
		# no MISC in UNER's gold: predicted MISC is O
		awk '$NF ~ /^[BILUES]-MISC$/ { $NF = "O" } 1' "$tmp/checked" >"$res.conll"
	else
		mv "$tmp/checked" "$res.conll"
	fi
	if ! "$tmp/tagscore" "$res.conll" >"$res.score" 2>"$tmp/err" ||
	    ! "$tmp/tagscore" -t "$res.conll" >"$tmp/t" 2>>"$tmp/err"; then
		cat "$tmp/err" >&2
		fail "$1, $3 model: the scorer failed on $res.conll"
		return 0
	fi
	awk -v s="$1" -v m="$3" '{ print s "\t" m "\t" $0 }' "$tmp/t" >>"$tmp/scores"
}

: >"$tmp/scores"
: >"$tmp/untagged"
# the models, in the table's order: the final one unless it failed to
# train; the shipped one may be missing (ntag -C fails on no input at all
# then)
models=research
[ -z "$ftrained" ] || models="$models final"
if ntagc shipped -C </dev/null >/dev/null 2>"$tmp/err"; then
	models="$models shipped"
else
	fail "the shipped model: $(head -1 "$tmp/err")"
fi
for m in $models; do
	while IFS='	' read -r name file _; do
		if [ -f "$file" ]; then
			tagscored "$name" "$file" "$m"
		else
			fail "$name: $file: missing"
		fi
	done <"$tmp/sets"
done
{
	printf 'set\tmodel\ttype\tP\tR\tF1\tgold\tpred\tcorrect\n'
	cat "$tmp/scores"
} >"$out/scores.tsv"

# ---- 3. the seeds ----
seeds=$shared/seeds
if [ -d "$seeds" ]; then
	set -- "$seeds"/*.txt
else
	set -- "$top"/samples/0*.txt
fi
# seedrows MODEL SEED...: the seeds' entities, "file id n start end type
# text canon value", in $tmp/seeds.MODEL
seedrows() {
	sm=$1
	shift
	: >"$tmp/seeds.$sm"
	for f do
		[ -f "$f" ] || { fail "no seeds in $seeds or $top/samples"; return 0; }
		s=${f##*/}
		if ! "$bin/nsplit" -1 "$f" >"$tmp/ns" 2>"$tmp/err" ||
		    ! "$bin/nstrip" <"$tmp/ns" >"$tmp/st" 2>>"$tmp/err" ||
		    ! ntagc "$sm" <"$tmp/st" >"$tmp/nt" 2>>"$tmp/err" ||
		    ! "$bin/ntsv" -H entities <"$tmp/nt" >"$tmp/rows" 2>>"$tmp/err"; then
			cat "$tmp/err" >&2
			fail "seeds, $sm model: $s: nsplit -1 | nstrip | ntag | ntsv -H entities failed"
			continue
		fi
		awk -v s="$s" 'NR > 1 { print s "\t" $0 }' "$tmp/rows" >>"$tmp/seeds.$sm"
	done
}
# the seeds' counts: "seed MODEL TYPE GOLD MATCHED PRED OTHER" lines in
# $tmp/seedscores, the rows in OUTDIR/seeds.MODEL.tsv
# shellcheck disable=SC2016
seedscore='
BEGIN { OFS = "\t" }
FILENAME == gold {
	k = $1 SUBSEP $2 SUBSEP $3
	if (FNR > 1 && !(k in g))
		key[++ng] = k
	if (FNR > 1)
		g[k] += $4
	next
}
$6 != "DATE" {
	t = unesc($7)
	p[$1, $6, t]++
	np[$6]++
}
function row(k, n, found, status,	a) {
	split(k, a, SUBSEP)
	printf "%s\t%s\t%s\t%d\t%d\t%s\n", a[1], a[2], a[3], n, found, status >rows
}
END {
	printf "file\ttype\ttext\tgold\tfound\tstatus\n" >rows
	for (i = 1; i <= ng; i++) {
		k = key[i]
		split(k, a, SUBSEP)
		n = k in p ? p[k] : 0
		m = n < g[k] ? n : g[k]
		ngold[a[2]] += g[k]
		hit[a[2]] += m
		row(k, g[k], n, m == g[k] ? "found" : m ? "some" : "missed")
	}
	for (k in p)
		if (!(k in g)) {
			split(k, a, SUBSEP)
			other[a[2]] += p[k]
			row(k, 0, p[k], "other")
		}
	close(rows)
	n = split("PER ORG LOC MISC", ty, " ")
	for (i = 1; i <= n; i++) {
		t = ty[i]
		print "seed", model, t, ngold[t] + 0, hit[t] + 0, np[t] + 0, other[t] + 0
		G += ngold[t]; H += hit[t]; P += np[t]; O += other[t]
	}
	print "seed", model, "ALL", G, H, P, O
}'
: >"$tmp/seedscores"
if [ ! -f "$gold" ]; then
	fail "$gold: missing"
else
	for m in $models; do
		seedrows "$m" "$@"
		awk -F '\t' -v gold="$gold" -v model="$m" -v rows="$tmp/rows.$m" \
		    "$unescape$seedscore" "$gold" "$tmp/seeds.$m" >>"$tmp/seedscores" ||
		    { fail "seeds, $m model: scoring failed"; continue; }
		# the rows sorted (awk's for-in has no order): header first
		{
			head -1 "$tmp/rows.$m"
			tail -n +2 "$tmp/rows.$m" | sort -t '	' -k 6,6 -k 1,1 -k 2,2 -k 3,3
		} >"$out/seeds.$m.tsv"
	done
fi

# ---- the table ----
awk -F '\t' -v out="$out" -v trained="$trained" -v msize="$msize" \
    -v ftrained="$ftrained" -v fsize="$fsize" \
    -v gaz="${gaz:-none}" -v shipped="${shipped:-the default (src/data/ntag/README: trained on WikiGold)}" \
    -v models="$models" -v untagged="$tmp/untagged" -v clusters="${clusters##*/}" '
FILENAME == ARGV[1] { what[$1] = $3; set[++nset] = $1; next }
FILENAME == ARGV[2] {
	k = $1 SUBSEP $2
	if ($3 == "ALL") v[k] = $4 " " $5 " " $6 " " $7 " " $8 " " $9
	else f1[k, $3] = $6
	full[k, $3] = sprintf("%6.2f %6.2f %6.2f %6d %6d %6d", $4, $5, $6, $7, $8, $9)
	next
}
{ sd[$2, $3] = $4 " " $5 " " $6 " " $7; sseen[$2] = 1 }
function cell(k, t) { return (k, t) in f1 ? sprintf("%6.2f", f1[k, t]) : "     -" }
function goal(m,	a) {
	if (!((("testb" SUBSEP m) in v)))
		return "not measured"
	split(v["testb", m], a, " ")
	return a[3] + 0 >= 90 ? "met (" a[3] ")" : "not met (" a[3] ")"
}
END {
	# every model, in this order, measured or not
	nm = split("research final shipped", mo, " ")
	print "ntag, phrase-level exact match (conlleval), P R F1 in %:"
	printf "  research model: eng.train (tuned on testa), clusters %s, gazetteer %s; %d s, %.1f MB\n", \
	    clusters, gaz, trained, msize / 1e6
	if (ftrained != "")
		printf "  final model: eng.train + eng.testa (testa is then no measure), clusters %s, gazetteer %s; %d s, %.1f MB\n", \
		    clusters, gaz, ftrained, fsize / 1e6
	else
		print "  final model: eng.train + eng.testa: training failed (" out "/final.log)"
	print "  shipped model: " shipped
	printf "  %-9s %-8s %6s %6s %6s %6s %6s  %6s %6s %6s %6s\n", "set", "model", "P", "R", "F1", \
	    "gold", "pred", "F1 PER", "ORG", "LOC", "MISC"
	for (mi = 1; mi <= nm; mi++) {
		m = mo[mi]
		for (i = 1; i <= nset; i++) {
			s = set[i]
			k = s SUBSEP m
			if (!(k in v)) {
				printf "  %-9s %-8s %s\n", s, m, \
				    index(" " models " ", " " m " ") ? "failed" : "no model"
				continue
			}
			split(v[k], a, " ")
			# the final model is trained on testa; and any model
			# scores like that on what it was trained on
			printf "  %-9s %-8s %6.2f %6.2f %6.2f %6d %6d  %s %s %s %s%s\n", s, m, \
			    a[1], a[2], a[3], a[4], a[5], cell(k, "PER"), cell(k, "ORG"), \
			    cell(k, "LOC"), cell(k, "MISC"), \
			    (m == "final" && s == "testa" ? "  trained on it: no measure" : \
			    a[3] >= 95 ? "  trained on it?" : "")
		}
	}
	for (i = 1; i <= nset; i++)
		printf "    %-9s %s\n", set[i] ":", what[set[i]]
	while ((getline l <untagged) > 0) {
		split(l, a, " ")
		printf "    %s, %s model: ntag -C left %d \"#\" token lines untagged (comment lines to it); taken as O\n", \
		    a[1], a[2], a[4]
	}
	for (mi = 1; mi <= nm; mi++) {
		m = mo[mi]
		k = "testb" SUBSEP m
		if (!(k in v))
			continue
		printf "  testb by type, %-15s   P      R     F1   gold   pred  right\n", m " model:"
		n = split("PER ORG LOC MISC ALL", ty, " ")
		for (i = 1; i <= n; i++)
			if ((k, ty[i]) in full)
				printf "    %-4s %s\n", ty[i], full[k, ty[i]]
	}
	print "  goal: testb F1 >= 90.0: research " goal("research") ", final " goal("final") \
	    ", shipped " goal("shipped")
	print "  anchors (testb): Stanford CRF 86.9, SENNA 89.6, Illinois NER 90.6-90.8 (trained on train+testa),"
	print "           the prototype of PROTOTYPE.md 88.66 (CoNLL++ 89.61, testa 92.89, WikiGold 63.13)"
	print "seeds (nsplit -1 | nstrip | ntag | ntsv -H entities) against seeds-gold/entities.tsv:"
	for (mi = 1; mi <= nm; mi++) {
		m = mo[mi]
		if (!sseen[m])
			continue
		printf "  %-8s %4s %5s %5s %6s   %5s %5s %6s\n", m, "", "gold", "found", "recall", "pred", "other", "P"
		n = split("PER ORG LOC MISC ALL", ty, " ")
		for (i = 1; i <= n; i++) {
			split(sd[m, ty[i]], a, " ")
			printf "  %-8s %-4s %5d %5d %6s   %5d %5d %6s\n", "", ty[i], a[1], a[2], \
			    a[1] ? sprintf("%.3f", a[2] / a[1]) : "-", a[3], a[4], \
			    a[3] ? sprintf("%.3f", a[2] / a[3]) : "-"
		}
	}
	print "details: " out " (scores.tsv, SET.MODEL.score, seeds.MODEL.tsv)"
}' "$tmp/sets" "$tmp/scores" "$tmp/seedscores"
exit "$failed"
