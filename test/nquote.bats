#!/usr/bin/env bats
# nquote: quotations in para records, one quote record per piece, with
# speaker, cue, kind and byte offsets; the stream around them; errors.
#
# Each quote-NAME.ns is one short invented article (Port Elden, its
# mayor Anna Kowal, its harbour authority) showing one pattern, and
# quote-NAME.tsv is what `ntsv -H quotes` must print for nquote's output
# (quote-NAME-a.tsv, quote-NAME-d.tsv with -a, -d); an empty .tsv means
# no quote record.  The offsets in them were counted on the fixture's
# bytes, not taken from nquote.
#
# Where the contract leaves a detail open, the choice is written above
# the test as "Choice:".  Choices that hold for every test:
# - text is everything between the marks, punctuation inside them
#   included ("The pier is ready for the summer," with its comma);
# - every piece of one quotation (same qno) carries its speaker,
#   speaker_text and cue, also the pieces after the cue and in later
#   paragraphs;
# - qno counts the records written, so there are no gaps: with -d the
#   indirect records leave no hole, with -a terms take numbers in turn.
load helper

setup() {
	T=$BATS_TEST_TMPDIR
}

# quotes NAME [OPTION]: nquote OPTION on quote-NAME.ns exits 0, says
# nothing, and its quotes table is quote-NAME.tsv (quote-NAME-a.tsv, -d.tsv for -a, -d)
quotes() {
	runtool nquote "${@:2}" "$FIX/quote-$1.ns"
	[ "$rc" -eq 0 ]
	no_err
	ntsv -H quotes "$T/out" >"$T/got"
	same_bytes "$FIX/quote-$1${2-}.tsv" "$T/got"
}

# --- quotation marks ---

@test "marks “…”: typographic double quotes" { quotes curly; }
@test "marks \"…\": straight double quotes" { quotes straight; }
@test "marks ‘…’: British single quotes" { quotes british; }
@test "marks ‘…’ with an apostrophe inside (won’t) that does not close" { quotes british-apos; }
@test "marks '…': straight single quotes" { quotes single; }
@test "marks '…' with an apostrophe inside (don't) that does not close" { quotes single-apos; }
@test "marks «…»: guillemets" { quotes guillemets; }
@test "marks „…“: low-high quotes" { quotes low; }
# Choice: two marks with nothing between them quote nothing (no record
# with empty text); here ''' opens a quote, its first two marks a pair.
@test "marks with nothing between them ('''Madam): no empty quote" { quotes empty; }

@test "apostrophes are not marks: Elden’s, readers’, didn't, the '90s, the ’90s, Kowals'" {
	quotes apostrophes
	# not even a term: nothing here is quoted at all
	runtool nquote -a "$FIX/quote-apostrophes.ns"
	[ "$rc" -eq 0 ]
	[ "$(grep -c '	quote	' "$T/out")" -eq 0 ]
}

# Choice: the inner quote is no record of its own, with -a either.
@test "a nested quote ‘…’ stays inside the outer “…”, one record" {
	quotes nested
	runtool nquote -a "$FIX/quote-nested.ns"
	ntsv -H quotes "$T/out" >"$T/got"
	same_bytes "$FIX/quote-nested.tsv" "$T/got"
}

@test "a nested quote '…' stays inside the outer \"…\", one record" { quotes nested-straight; }

# Choice: a quote left open at the end of a paragraph, when the next
# paragraph does not open with a mark, is not reported; nor is a closing
# mark with no opening one.
@test "unbalanced marks: no record, no error, status 0" { quotes unbalanced; }

@test "unbalanced marks: an open quote does not swallow the next paragraph" { quotes unbalanced-next; }

# --- kinds and pieces ---

@test "direct: a quote that opens a sentence in mid-paragraph" { quotes direct; }

# -d, so that only the partial quote is in question here
@test "partial: a fragment inside the reporter's sentence" { quotes partial -d; }

@test "direct: X said: “…” after a colon" { quotes colon; }
@test "direct: X: “…”, the cue is the colon" { quotes bare-colon; }

# Choice: a quote right after "said," is direct, like one after "said:".
@test "direct: X said, “…” after the cue and a comma" { quotes said-comma; }

# Choice: the piece after the cue is direct too, although it starts in
# lower case: it goes on the sentence of the first piece.
@test "split quote: “A,” X said, “b.” gives two pieces with one qno" { quotes split; }

# Choice: “B.” right after the sentence of the cue, in the same
# paragraph, goes on the quotation that cue attributes: one statement
# broken by its attribution, so the same qno, speaker_text and cue.  In
# the next paragraph it would be a floating quote (see below).
@test "split at a full stop: “A,” X said. “B.” gives two pieces with one qno" { quotes split-sentence; }

@test "multi-paragraph quote: a piece per paragraph, one qno, then the next qno" { quotes multipara; }

# A paragraph that is nothing but a quote, right after a quote, goes on
# with it: a piece of the same quotation (qno 1), speaker and cue and all
# (as PolNeAR annotates it).
@test "floating quote: a paragraph that is only a quote inherits the speaker" { quotes floating; }

# --- attribution ---

@test "attribution: “…” X said" { quotes x-said; }
@test "attribution: “…” said X" { quotes said-x; }
@test "attribution: X told reporters, the addressee is not the speaker" { quotes told-reporters; }
@test "attribution: X told Reuters, the agency is not the speaker" { quotes told-agency; }
@test "attribution: X said in a statement" { quotes statement; }
@test "attribution: according to X" { quotes according; }
@test "attribution: “…” — X, the cue is the dash" { quotes dash; }
@test "attribution: as X put it" { quotes put-it; }

@test "attribution: X, a spokeswoman for an organisation, said: the appositive is not the speaker" {
	quotes appositive
}

@test "attribution: Harbour Commissioner Anna Kowal stressed: the title is not the speaker" { quotes title; }

# Choice: a title in the plural before names (Councillors Anna Kowal and
# Piet Brandt) is a title too, not part of the fullest name.
@test "attribution: Councillors Anna Kowal and Piet Brandt: a plural title is not part of the name" { quotes title-plural; }

# Choice: a capital letter and a full stop inside a name is a middle
# initial, part of the name (said Anna M. Kowal; Piet J. Brandt said).
@test "attribution: middle initials: said Anna M. Kowal, Piet J. Brandt said, then Kowal" { quotes initials; }

# Choice: the fullest name is one that starts with a forename when there
# is one (Piet Brandt, not a headline's "Understated Brandt"); "of" and
# "for" join only a body's or a title's words (not "Mostly for Kowal");
# a possessive ends a name (the Harbour Board's | Tomas Reyes).
@test "speaker: the fullest name: a forename first, no for or possessive from another phrase" {
	quotes fullest
}

# Choice: a body's words before a title are part of the title (Harbour
# Board Chairwoman Anna Kowal is Anna Kowal), and so is a title's "of" and
# its department (Secretary of State Piet Brandt); the body speaks only
# when its words come after every title (the Harbour Board said).
@test "attribution: Harbour Board Chairwoman Anna Kowal, Secretary of State Piet Brandt, the Harbour Board" {
	quotes title-body
}

@test "attribution: the authority said: the organisation's full name from the article" { quotes org; }
@test "attribution: the ministry said, with no name in the article: ministry" { quotes org-unnamed; }

# Choice: speaker_text keeps the determiner as written also before a
# capitalised name ("the Port Elden Harbour Authority"); "it" passes over
# the person named in between.
@test "attribution: it added, a statement of the organisation" { quotes it-added; }

# Choice: "the mayor" is the person the article calls Mayor.
@test "attribution: the mayor said: the person with that title in the article" { quotes role; }

@test "attribution: reporting verbs says said saying insisted warned stressed claimed lamented announced tweeted wrote added" {
	quotes verbs
}

# --- pronouns and names ---

# Choice: Ms and Mr are titles, so not part of speaker_text ("Okafor").
@test "pronouns: she and he find the person of their gender from Ms and Mr" { quotes gender-title; }

@test "pronouns: she and he find the person of their gender from the forenames Anna and John" {
	quotes gender-name
}

@test "pronouns: he goes to a person named since the last quote, not back to its speaker" {
	quotes pronoun-new
}

@test "pronouns: she with nobody before it: speaker empty" { quotes pronoun-none; }

@test "speaker: the fullest name, written before the short one at the cue" { quotes fullname; }
@test "speaker: the fullest name, written after the short one at the cue" { quotes fullname-later; }

# --- terms ---

@test "terms: so-called, a film title, a nickname, a scare quote: no records without -a" {
	quotes terms
}

@test "terms: with -a each is a term record with no speaker and no cue" { quotes terms -a; }

# Choice: with -a the terms are numbered with the speech in text order.
@test "terms: with -a they take qno in turn with the quotes" {
	quotes terms-qno
	quotes terms-qno -a
}

# --- indirect speech ---

# speaker_text as written, so with the capital that opens the sentence
@test "indirect: the mayor announced that CLAUSE, without the full stop" { quotes indirect; }

# Choice: "X said CLAUSE" with no "that" is indirect speech too, as
# readers take it (man/nquote.1's CAVEATS still says "only after that").
@test "indirect: X said CLAUSE without that" { quotes indirect-said; }

# Choice: a "that" with no subject after it is a relative pronoun after a
# noun (no record), the subject right after the verb (the text starts with
# it); after says, the clause may then start at the verb.
@test "indirect: a crowd that spilled out is no speech; said that might; says a ferry that used to" {
	quotes indirect-relative
}

# Choice: a participle's speaker is the subject of its sentence after an
# opening clause (As ..., When ...,) and an aside between dashes.
@test "indirect: after an opening clause and a dashed aside, the participle's subject" {
	quotes opening-clause
}

@test "-d: no indirect records, and the quote after them is qno 1" {
	quotes no-indirect
	quotes no-indirect -d
}

# --- the stream ---

@test "stream: other kinds pass through unchanged and in order" {
	runtool nquote "$FIX/quote-stream.ns"
	[ "$rc" -eq 0 ]
	no_err
	grep -v '^st	quote	' "$FIX/quote-stream.ns" >"$T/want"
	grep -v '^st	quote	' "$T/out" >"$T/got"
	same_bytes "$T/want" "$T/got"
}

@test "stream: each quote record right after its para, the stale one gone" {
	runtool nquote "$FIX/quote-stream.ns"
	[ "$rc" -eq 0 ]
	same_bytes "$FIX/quote-stream.out" "$T/out"
}

@test "stream: junk paragraphs are not searched" {
	runtool nquote -a "$FIX/quote-stream.ns"
	[ "$rc" -eq 0 ]
	grep -q '^st	junk	3	share	“Share this story,” says' "$T/out"
	[ "$(awk -F '\t' '$2 == "quote" && $4 == 3' "$T/out" | wc -l)" -eq 0 ]
}

@test "stream: incoming quote records are replaced, twice is once" {
	for f in "$FIX"/quote-*.ns; do
		for o in -a -d -ad; do
			nquote "$o" "$f" >"$T/once"
			nquote "$o" "$T/once" >"$T/twice"
			same_bytes "$T/once" "$T/twice"
		done
	done
}

@test "stream: several articles: qno, names and pronouns start again" {
	quotes articles
}

# The offsets point into the unescaped text; text is escaped again.
@test "stream: escaped TAB, backslash and newline in a paragraph" { quotes escapes; }

@test "stream: every piece's text is the paragraph's bytes from start to end" {
	for f in "$FIX"/quote-*.ns; do
		nquote -a "$f" >"$T/out"
		awk -F '\t' '
		function unesc(s,   r, i, c, d) {
			r = ""
			for (i = 1; i <= length(s); i++) {
				c = substr(s, i, 1)
				d = substr(s, i + 1, 1)
				if (c == "\\" && d == "t") { r = r "\t"; i++ }
				else if (c == "\\" && d == "n") { r = r "\n"; i++ }
				else if (c == "\\" && d == "r") { r = r "\r"; i++ }
				else if (c == "\\" && d == "\\") { r = r "\\"; i++ }
				else r = r c
			}
			return r
		}
		$2 == "para" { p[$1, $3] = unesc($4) }
		$2 == "quote" && NF == 11 {
			if (!(($1, $4) in p) || $5 + 0 >= $6 + 0 ||
			    substr(p[$1, $4], $5 + 1, $6 - $5) != unesc($11)) {
				print FILENAME ": " $0 > "/dev/stderr"
				bad = 1
			}
		}
		$2 == "quote" && NF != 11 { print FILENAME ": " NF " fields: " $0 > "/dev/stderr"; bad = 1 }
		END { exit bad }' "$T/out"
	done
}

# the title after "said" is left out; the last paragraph is reported
# speech without "that" (see "indirect: X said CLAUSE without that")
@test "stream: a raw page through nsplit -1" {
	cd "$FIX"
	nsplit -1 quote-page.txt | nquote | ntsv -H quotes >"$T/got"
	same_bytes quote-page.tsv "$T/got"
}

@test "stream: files in turn, - for the standard input" {
	runtool nquote "$FIX/quote-curly.ns" - "$FIX/quote-straight.ns" <"$FIX/quote-british.ns"
	[ "$rc" -eq 0 ]
	no_err
	for f in curly british straight; do nquote "$FIX/quote-$f.ns"; done >"$T/want"
	same_bytes "$T/want" "$T/out"
}

# Choice: blank lines carry nothing and go, as in nstrip.
@test "empty input, blank lines, an article without paragraphs" {
	runtool nquote </dev/null
	[ "$rc" -eq 0 ]
	no_err
	[ ! -s "$T/out" ]
	printf '\n\n' >"$T/blank"
	runtool nquote "$T/blank"
	[ "$rc" -eq 0 ]
	[ ! -s "$T/out" ]
	printf 'e\tdoc\tx.txt\ttext\ne\tmeta\ttitle\tNothing here\n' >"$T/in"
	runtool nquote "$T/in"
	[ "$rc" -eq 0 ]
	no_err
	same_bytes "$T/in" "$T/out"
}

# --- errors ---

@test "an unknown option: message, usage, status 2, no output" {
	runtool nquote -Z "$FIX/quote-curly.ns"
	[ "$rc" -eq 2 ]
	[ ! -s "$T/out" ]
	want_err "nquote: invalid option -- 'Z'" 'usage: nquote [-ad] [file ...]'
}

@test "a para record with too few or too many fields: reported, passed through, status 1" {
	printf 'e\tdoc\tx.txt\ttext\ne\tpara\t1\ne\tpara\t2\t“It is late,” said Anna Kowal.\ne\tpara\t3\tone\ttwo\n' >"$T/in"
	runtool nquote <"$T/in"
	[ "$rc" -eq 1 ]
	want_err 'nquote: -:2: para record with 1 field, not 2' \
	    'nquote: -:4: para record with 3 fields, not 2'
	# the rest is still searched
	want_bytes 'e\tdoc\tx.txt\ttext\ne\tpara\t1\ne\tpara\t2\t“It is late,” said Anna Kowal.\ne\tquote\t1\t2\t3\t14\tAnna Kowal\tAnna Kowal\tsaid\tdirect\tIt is late,\ne\tpara\t3\tone\ttwo\n'
}

@test "a line that is no record: reported with its file, passed through, status 1" {
	printf 'e\tdoc\tx.txt\ttext\nbroken line\ne\tpara\t1\tNo quotes here.\n' >"$T/in"
	runtool nquote "$T/in"
	[ "$rc" -eq 1 ]
	want_err "nquote: $T/in:2: not a record"
	same_bytes "$T/in" "$T/out"
}

@test "a missing file: message, status 1, the other files read" {
	runtool nquote "$FIX/quote-curly.ns" "$T/missing.ns" "$FIX/quote-straight.ns"
	[ "$rc" -eq 1 ]
	want_err "nquote: $T/missing.ns: No such file or directory"
	for f in curly straight; do nquote "$FIX/quote-$f.ns"; done >"$T/want"
	same_bytes "$T/want" "$T/out"
}

# --- attribution: roles, appositives, days, participles, any verb ---

# The role words before the name (retired harbour pilot, Elden deputy
# harbour master) are no part of speaker_text, after said as after
# according to.
@test "roles before a name after the verb: said retired harbour pilot X, according to Elden deputy harbour master X" {
	quotes role-verb
}

@test "several appositives: X, a fisherman, well known for ..., recently lamented, “…”" { quotes appositives; }

# Councillor is a title, as Mayor is: left out of speaker_text.
@test "a parenthesis after the name: Councillor X (Harbour Party) said" { quotes paren; }

@test "days are not speakers: X said Tuesday that, “…” X said Tuesday" { quotes day; }

# Two reporting verbs, two quotations: the fragment after "said" is qno 1
# with cue "said", the one after ", adding that" qno 2 with cue "adding",
# both the sentence subject's (as PolNeAR annotates them).  "The
# authority" is the subject that issued the statement, named in full in
# paragraph 1.
@test "a participle takes the sentence's subject: X said “…,” adding that “…”; the authority issued a statement saying" {
	quotes participle
	quotes saying
}

# grumbled is in no list of reporting verbs
@test "“…,” X verbed. with a verb in no list: the verb is the cue" { quotes any-verb; }

# Choice: “We held on” opens its sentence with a capital, so it is
# direct by the man page's test although the sentence goes on.
@test "…, he said. far after the fragment: he is the person named before" { quotes he-far; }

# Greta is in the cast of the other fixtures; Captain makes Piet Adler a
# person.  The floating quotes have numbers of their own and no cue.
@test "floating quote: the person named in its sentence, or the subject of the paragraph before" {
	quotes floating-named
}

@test "a fragment with no reporting verb: a person subject speaks it (cue the verb), else a term with -a" {
	quotes subject-partial
	quotes subject-partial -a
}

@test "an abbreviation before a number ends no sentence: the Sept. 11 meeting, saying “…”" { quotes abbrev-number; }

# The floating quote has nobody before it: speaker empty.
@test "a title-case headline gives no names: no speaker for a later floating quote" { quotes headline; }

# --- cues across a paragraph, several names, reflexives, openers ---

@test "a quote paragraph under a paragraph that ends in a colon takes its cue: X declared: / “…”" {
	quotes above
}

@test "several names and an of-phrase between the quote and the verb: “…,” engineers X and Y of Z said" {
	quotes names
}

@test "a reflexive between subject and verb: X herself said" { quotes reflexive; }

@test "among appositives, the name that opens the sentence speaks: X, who fishes off Y, near Z, insisted" {
	quotes opener
}

# A title in capitals is a term even with a cue in its sentence; a term
# has no speaker, speaker_text or cue.
@test "a fragment in title case is a title, not speech: told Harbour Radio’s “Morning at the Quay”" {
	quotes titled
	quotes titled -a
}

# A typist's “…“: an opening mark that cannot open (a word before it,
# none after) closes the quote that is open.
@test "marks: “reckless“ closes with an opening mark typed for the closing one" { quotes typo; }

# One article, one rule a paragraph: as described by X (the agent
# speaks); an opening phrase before the subject of "saying"; a phrase
# between a name and its verb (Kowal in her reply called); a number as a
# subject (40 percent said); a verb and comma before a quote win over a
# name and verb after it; "said the mayor as ..." after a quote is its
# cue, not a clause of indirect speech.
@test "phrases around the speaker: by-agents, opening phrases, numbers, the verb before a quote" {
	quotes phrases
}

# A titled name after a body's words keeps only the name (Harbour Board
# Deputy Chair Greta Moll); "went on to say" takes the sentence's
# subject; a time between subject and verb (later Thursday told) and
# after the verb of “…,” X fumed on Tuesday is skipped; X shot back,
# “…” is a direct quote with cue "shot".
@test "more subjects: titles after a body's words, went on to say, times around the verb" {
	quotes more
}

# A fragment in the clause a speech verb reports is its speaker's (Kowal
# said the ferry would reiterate “…”: Kowal's); a reporting verb's word
# after an article or possessive is a noun (Kowal’s remarks as “…”:
# Brenn's); calls is a verb; a work's word (the film) before a quote in
# lower case makes no term; X, who said: speaker_text "who", speaker the
# name before it; said Sen. Maja Lind: the title and its full stop are
# no name; “…,” said X, adding that “…”: two quotes, both X's; a
# participle's noun after a verb is its object (Kowal calmed the angry
# fishermen saying: Kowal's).
@test "clauses: a fragment in what X said is X's, his remarks, calls, the film “…”, who said, said Sen. X, adding, X calmed Y saying" {
	quotes clauses
}

# A quote that opens its sentence with no cue and is followed by more of
# the sentence is a name (“Sea Song” singer), a term with -a; one that
# ends in a comma before a name (“Well done,” Berg, beaming, shook) is
# still speech, here the paragraph after a quote going on; “…,” X
# laughed and: the verb is the cue; a sentence that ends in a colon takes
# its subject and verb (Kowal summed up the evening: “…”), past a title
# alone (Former Democratic harbour master X), with a verb in -s that is
# in no list (The new letter continues: “…”), from its last clause (The
# crowd cheered, and then Kowal went on: “…”); a name after a dash
# before a colon (Why it matters - Greta Moll: “…”) is the speaker.
@test "colons and floating quotes: “Sea Song” singer X, X summed up: “…”, Why - X: “…”, “…,” X laughed and" {
	quotes colon-verb
	quotes colon-verb -a
}

# said the 62-year-old, the 70-year-old asked: a determiner and a number
# make a noun phrase; said another: the determiner alone speaks; a quote
# that ends in a comma before a reporting verb is speech even when the
# verb's speaker is not found (said someone in the crowd): a floating
# quote, not a term.
@test "nominal speakers: said the 62-year-old, said another; “…,” said someone is speech" {
	quotes nominal
}

# A fragment with no reporting verb after a possessive and a noun for
# what was said (his warning that, her remark that, Kowal’s recent claim
# that) is the possessor's: speaker_text the possessive, cue the noun;
# his and her are resolved as he and she are.
@test "possessives: his warning that “…”, her remark that “…”, Kowal’s claim that “…”" {
	quotes possessive
}

# Found by fuzz-nquote: a cue verb as the paragraph's first token made
# nquote read the token before it (there is none) and crash.
@test "a paragraph that starts with its cue verb: no crash, no quote" {
	printf 'a\tdoc\t-\ttext\na\tpara\t1\tsaid \342\200\234Stop,\342\200\235 the man.\n' >"$T/in"
	runtool nquote "$T/in"
	[ "$rc" -eq 0 ]
	cmp "$T/in" "$T/out"
	[ ! -s "$T/err" ]
}

@test "a paragraph of 20 000 quotes and no full stop: every quote, each at its marks" {
	# one sentence of up to 1000 tokens holds dozens of quotes; each
	# looks for its cue in the sentence's list of verbs, found once
	awk 'BEGIN { printf "a\tdoc\t-\ttext\na\tpara\t1\t"
		for (i = 0; i < 20000; i++) printf "“line %d” said Kowal, ", i; printf "\n" }' >"$T/in"
	runtool nquote "$T/in"
	[ "$rc" -eq 0 ]
	no_err
	ntsv -H quotes <"$T/out" >"$T/q"
	[ "$(wc -l <"$T/q")" -eq 20000 ]
	# quote i is "line i", Kowal's, at the bytes its marks (3 each) enclose
	awk -F '\t' '{ i = NR - 1; t = "line " i; a = off + 3; off = a + length(t) + 3 + 13 }
	    $10 != t || $6 != "Kowal" || $4 != a || $5 != a + length(t) { bad++ }
	    END { exit bad }' "$T/q"
}
