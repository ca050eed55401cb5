#!/bin/sh
# test/eval-quote.sh BIN [OUTDIR]: how well nquote (in BIN, with nsplit
# and ntsv) finds quotations and their speakers, measured on
# ../shared/data next to the repository.  Not part of `make check`: CI's
# tests must not need that data.  test/quotescore.c does the matching;
# its header defines every measure in full.
#
# 1. The seeds (../shared/seeds) against seeds-gold/quotes.tsv: each seed
#    goes through nsplit -1 | nquote | ntsv -H quotes (no nstrip: the
#    gold lists the quotes of teaser lines too).  The direct and partial
#    rows are the predictions, paired with the gold rows of their file by
#    exact text (as multisets).  Quotes P/R/F1 count text matches,
#    quote-and-speaker also needs speaker == the gold speaker; cue and
#    kind are compared over the text matches (gold cue "none" = empty);
#    a predicted quote whose text is a seeds-gold/scare.tsv row is a
#    scare quote taken for speech.  Goal: quote-and-speaker F1 >= 0.90.
# 2. PolNeAR's dev split (never test; QUOTE_SPLIT=train for tuning) against its gold.tsv: the
#    gold quotes are its rows with has_quote_marks 1.  Each text goes
#    through nsplit -1 | nquote; every paragraph is found in the text
#    file, so that a quote becomes a set S of file bytes, compared with
#    the gold content's bytes inside its double quotation marks (Q):
#    lenient content match |S∩Q| >= 0.3 max(|S|, |Q|), one to one by the
#    largest overlap; exact when the two are equal, white space and marks
#    trimmed.  Speaker match: lower-cased words (letters and digits, no
#    possessive 's) of the gold source_text against our speaker and
#    speaker_text: the gold head word (the last: "post" of "The New York
#    Post", "he") is among the words of our speaker or speaker_text, or
#    the last word of our speaker_text is among the gold source's words
#    (a source ending in "(D-Wis.)" also has the word before that as a
#    head); a gold quote without source wants an empty speaker.  The number:
#    quote-and-speaker P/R/F1 (lenient content match and speaker match),
#    goal >= 0.85.  Recall is split by gold source type (pronoun, named =
#    capitalised last word, nominal, none) and content shape (split =
#    several fragments, multi-paragraph, direct = all inside the marks,
#    partial).  A false positive inside a gold attribution without double
#    marks (outside the gold set) is listed as fp-nomarks.
# 3. Indirect speech on the same split: the rows of kind indirect against
#    the attributions without double marks, content and speaker matched
#    as in 2 (Q is the whole content).  Those attributions include
#    beliefs, plans, polls and "according to", so recall is low by
#    design; the number to read is the precision.
#
# Written to OUTDIR (default $TMPDIR/newsutils-eval-quote): seeds.tsv
# (per gold quote and unpaired prediction: status match, speaker, miss,
# fp or scare) and polnear.tsv (status exact, lenient, miss, fp or
# fp-nomarks) and indirect.tsv (the same for 3, fp-marks for a record
# inside a gold quotation with marks), all with a header; polnear.err
# holds the scorer's complaints about quote records that do not fit their
# paragraph, as
# ARTICLE.quotes:LINE (LINE of nsplit -1 | nquote | ntsv -H quotes).
# Exit status 0 when everything was measured, whatever the numbers; 1
# when a tool or the scorer fails; 2 when the tools or the data are
# missing.  POSIX sh and awk (mawk is enough).
set -u
LC_ALL=C
export LC_ALL
bin=${1:-bin}
top=$(cd "$(dirname "$0")/.." && pwd) || exit 2
out=${2:-${TMPDIR:-/tmp}/newsutils-eval-quote}
shared=$top/../shared
gold=$shared/data/seeds-gold
# QUOTE_SPLIT=train measures on the train split instead: tune there, so
# that dev stays a measurement
split=${QUOTE_SPLIT:-dev}
case $split in
dev|train) ;;
*) echo "eval-quote: QUOTE_SPLIT: dev or train, not $split" >&2; exit 2 ;;
esac
dev=$shared/data/polnear/$split
seeds=$shared/seeds

me=eval-quote
. "$top/test/eval-lib.sh"

tools nsplit nquote ntsv
need "$seeds" "$dev/text"
for f in "$gold/quotes.tsv" "$gold/scare.tsv" "$dev/gold.tsv"; do
	[ -f "$f" ] || die 2 "$f: missing"
done

scratch
mkdir -p "$out" || exit 2

scorer quotescore


# awk for the scorer's summary lines: "count NAME N" in n[NAME]; "prf
# NAME TP FP FN P R F1" and "acc NAME OK N RATE" in v[NAME], which
# prf(NAME) and acc(NAME) format; "case" lines as table rows
# shellcheck disable=SC2016
summary='
$1 == "count" { n[$2] = $3 }
$1 == "prf" { v[$2] = $3 " " $4 " " $5 " " $6 " " $7 " " $8 }
$1 == "acc" { v[$2] = $3 " " $4 " " $5 }
function prf(name,	f) {
	split(v[name], f, " ")
	return sprintf("P %s  R %s  F1 %s  (tp %d fp %d fn %d)", f[4], f[5], f[6], f[1], f[2], f[3])
}
function acc(name,	f) {
	split(v[name], f, " ")
	return sprintf("%s (%d of %d)", f[3], f[1], f[2])
}
function f1(name,	f) {
	split(v[name], f, " ")
	return f[6]
}
function goal(name, min) {
	return f1(name) == "-" ? "no F1" : f1(name) + 0 >= min ? "met" : "not met"
}
# the current line, case GROUP KEY N TEXT BOTH: KEY, the counts, BOTH/N
function caserow(	r) {
	r = $4 ? sprintf("%.3f", $6 / $4) : "-"
	return sprintf("    %-16s %5d %6d %6d  %s", $3, $4, $5, $6, r)
}'

# items SCORE COLUMNS: the scorer's item lines of SCORE as a table with
# the header COLUMNS (TAB-separated)
items() {
	printf '%s\n' "$2"
	awk -F '\t' '$1 == "item"' "$1" | cut -f 2-
}
# the columns of the PolNeAR tables (items of quotescore -p)
pcols=$(printf '%s\t' article status attr qno overlap gold_bytes pred_bytes \
    speaker_ok source_type shape source speaker speaker_text gold_text)pred_text

# ---- 1. the seeds ----
for f in "$seeds"/*.txt; do
	[ -f "$f" ] || die 2 "$seeds: no seeds"
	s=${f##*/}
	run ns "$bin/nsplit" -1 "$f"
	run nq "$bin/nquote" <"$tmp/ns"
	run rows "$bin/ntsv" -H quotes <"$tmp/nq"
	mv "$tmp/rows" "$tmp/$s.quotes"
	printf '%s\t%s\n' "$s" "$tmp/$s.quotes"
done >"$tmp/seeds.list"
"$tmp/quotescore" -s "$gold/quotes.tsv" "$gold/scare.tsv" \
    <"$tmp/seeds.list" >"$tmp/seeds.score" || die 1 "the seeds scorer failed"

items "$tmp/seeds.score" "$(printf '%s\t' file status gold_speaker speaker speaker_text \
    gold_cue cue gold_kind kind)text" >"$out/seeds.tsv"
awk -F '\t' -v detail="$out/seeds.tsv" "$summary"'
$1 == "case" && $2 != group {
	group = $2
	print "  by " (group == "gold-kind" ? "gold kind" : group == "pred-kind" ? \
	    "predicted kind" : "predicted speaker_text") ":"
	printf "    %-16s %5s %6s %6s  %s\n", "", group ~ /^gold/ ? "gold" : "pred", \
	    "text", "+spkr", group ~ /^gold/ ? "recall" : "precision"
}
$1 == "case" { print caserow() }
$1 == "item" && $3 == "miss" { miss[++nmiss] = $2 "  (" $4 ")  " $11 }
$1 == "item" && ($3 == "fp" || $3 == "scare") {
	fp[++nfp] = $2 "  " ($3 == "scare" ? "SCARE " : "") "(" $5 " / " $6 ")  " $11
}
$1 == "item" && $3 == "speaker" { spk[++nspk] = $2 "  (" $4 " -> " $5 " / " $6 ")  " $11 }
$1 == "prf" && $2 == "quotes" {
	# the counts come before the first case line
	printf "seeds: %d files, %d gold quotes, %d predicted (direct and partial)\n", \
	    n["files"], n["gold"], n["pred"]
}
$1 == "count" && $2 == "scare" {
	print "  quotes          " prf("quotes")
	print "  quote+speaker   " prf("quote+speaker")
	print "  goal: quote+speaker F1 >= 0.90: " goal("quote+speaker", 0.90)
	print "  cue accuracy    " acc("cue") ", over the text matches"
	print "  kind accuracy   " acc("kind")
	print "  scare quotes taken for speech: " $3 " (goal 0)"
}
function list(title, a, k,	i) {
	print title " (" k + 0 "):"
	for (i = 1; i <= k; i++)
		print "    " a[i]
}
END {
	list("  missed (file  (gold speaker)  text)", miss, nmiss)
	list("  false positives (file  (speaker / speaker_text)  text)", fp, nfp)
	list("  text right, speaker wrong (file  (gold -> speaker / speaker_text)  text)", spk, nspk)
	print "  per quote: " detail
}' "$tmp/seeds.score"

# ---- 2. PolNeAR dev ----
for f in "$dev"/text/*.txt; do
	[ -f "$f" ] || die 2 "$dev/text: no texts"
	a=${f##*/}
	a=${a%.txt}
	run ns "$bin/nsplit" -1 "$f"
	run nq "$bin/nquote" <"$tmp/ns"
	run paras "$bin/ntsv" -H paras <"$tmp/nq"
	run rows "$bin/ntsv" -H quotes <"$tmp/nq"
	mv "$tmp/paras" "$tmp/$a.paras"
	mv "$tmp/rows" "$tmp/$a.quotes"
	printf '%s\t%s\t%s\t%s\n' "$a" "$f" "$tmp/$a.paras" "$tmp/$a.quotes"
done >"$tmp/dev.list"
"$tmp/quotescore" -p "$dev/gold.tsv" <"$tmp/dev.list" >"$tmp/dev.score" \
    2>"$out/polnear.err" || {
	cat "$out/polnear.err" >&2
	die 1 "the PolNeAR scorer failed"
}

items "$tmp/dev.score" "$pcols" >"$out/polnear.tsv"
awk -F '\t' -v detail="$out/polnear.tsv" -v errs="$out/polnear.err" -v part="$split" "$summary"'
$1 == "lost" && ++nlost <= 10 { lost[nlost] = $2 " " $3 ": " $4 }
$1 == "prf" && $2 == "content" {
	printf "polnear " part ": %d articles, %d gold quotes (content with double marks), %d predicted\n", \
	    n["articles"], n["gold"], n["pred"]
	printf "  paragraphs not found in the text: %d of %d\n", n["paras-lost"], n["paras"]
	for (i = 1; i <= nlost && i <= 10; i++)
		print "    " lost[i]
	printf "  quotes skipped (in a lost paragraph, or not fitting theirs): %d\n", \
	    n["quotes-skipped"]
}
$1 == "case" && $2 == "source" && !done {
	done = 1
	print "  content lenient " prf("content")
	print "  content exact   " prf("content-exact")
	print "  speaker accuracy over the content matches: " acc("speaker")
	print "  quote+speaker   " prf("quote+speaker") "  (all predictions)"
	print "  QUOTE+SPEAKER   " prf("quote+speaker-subset")
	print "    (precision over the predictions in the set measured: " n["fp-nomarks"] " predictions"
	print "    inside gold attributions without double marks are left out)"
	print "  goal: quote+speaker F1 >= 0.85: " goal("quote+speaker-subset", 0.85)
	print "  anchors: GenderGapTracker F1 0.837 (speaker accuracy 0.865, its own news set);"
	print "           CoreNLP content F1 0.175 on PolNeAR (token spans, exact)"
}
$1 == "case" && $2 != group {
	group = $2
	print "  recall by " (group == "source" ? "gold source type" : "content shape") ":"
	printf "    %-16s %5s %6s %6s  %s\n", "", "gold", "found", "+spkr", "recall"
}
$1 == "case" { print caserow() }
END {
	print "  per quote: " detail
	if (system("test -s \"" errs "\"") == 0)
		print "  quote records that do not fit their paragraph: " errs
}' "$tmp/dev.score"

# ---- 3. indirect speech on the same PolNeAR split (see the top) ----
"$tmp/quotescore" -p -i "$dev/gold.tsv" <"$tmp/dev.list" >"$tmp/dev.iscore" \
    2>>"$out/polnear.err" || die 1 "the PolNeAR scorer failed (-i)"
items "$tmp/dev.iscore" "$pcols" >"$out/indirect.tsv"
awk -F '\t' -v detail="$out/indirect.tsv" -v part="$split" "$summary"'
$1 == "case" && $2 == "source" && !done {
	done = 1
	printf "indirect speech, polnear " part ": %d attributions without double marks, %d indirect records\n", \
	    n["gold"], n["pred"]
	print "  content lenient " prf("content")
	print "  speaker accuracy over the content matches: " acc("speaker")
	print "  INDIRECT+SPEAKER " prf("quote+speaker")
	print "    (recall counts every attribution without marks: beliefs, plans, polls,"
	print "    \"according to\" too; " n["fp-marks"] (n["fp-marks"] == 1 ? " record falls" : " records fall") \
	    " in attributions with marks)"
	print "  speaker accuracy by gold source type, over the content matches:"
	printf "    %-16s %6s %6s  %s\n", "", "found", "+spkr", "accuracy"
}
$1 == "case" && $2 == "source" {
	printf "    %-16s %6d %6d  %s\n", $3, $5, $6, $5 ? sprintf("%.3f", $6 / $5) : "-"
}
END { print "  per record: " detail }' "$tmp/dev.iscore"
