/* sent.c: where sentences end, over the tokens of tok.c.
 *
 * A sentence ends at . ! ? or … (with the closing quotation marks and
 * brackets after it) when the next token is set off by white space and
 * could start a sentence: a capital, a digit, an opening mark or a dash.
 * A full stop after an abbreviation (Mr, Gov, Jan) or an initial (J.) is
 * no end.  Nothing ends inside a quotation: the caller marks its tokens
 * TF_INQ, so a quote of three sentences stays in the sentence that
 * reports it. */
#include "nu.h"

static struct lex abbrev;
static const char abbrevs[] =
    "mr mrs ms messrs dr prof gov sen rep gen lt col sgt capt maj cmdr adm "
    "rev st sr jr hon pres supt insp det cpl pvt fr "
    "inc corp ltd co bros no nos vol vs etc approx dept univ est "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thur thurs fri sat sun "
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich "
    "minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo "
    "u.s u.k u.n e.g i.e a.m p.m";

int
sent_abbrev(const char *w, size_t n)
{
	if (!abbrev.s)
		lex_init(&abbrev, abbrevs);
	return lex_get(&abbrev, w, n);
}

/* Could token t start a sentence? */
static int
starter(const char *s, const struct tok *t)
{
	if (!(t->fl & TF_SP))
		return 0;
	switch (t->type) {
	case T_WORD:
		return (t->fl & TF_CAP) != 0;
	case T_NUM:
	case T_QUOTE:
	case T_DASH:
		return 1;
	}
	return s[t->off] == '(' || s[t->off] == '[';
}

static int
stop(const char *s, const struct tok *t)
{
	unsigned char c = (unsigned char)s[t->off];

	if (t->type != T_PUNCT)
		return 0;
	if (t->len == 1)
		return c == '.' || c == '!' || c == '?';
	return t->len == 3 && c == 0xe2 && s[t->off + 1] == (char)0x80 &&
	    s[t->off + 2] == (char)0xa6;	/* … */
}

/* A full stop after an abbreviation or an initial ends nothing. */
static int
abbreviated(const char *s, const struct tok *t, size_t i)
{
	const struct tok *w;

	if (s[t[i].off] != '.' || i == 0 || (t[i].fl & TF_SP))
		return 0;
	w = &t[i - 1];
	if (w->type != T_WORD)
		return 0;
	if (w->len == 1 && (w->fl & TF_CAP))
		return 1;	/* J. Smith, the U.S. */
	return sent_abbrev(s + w->off, w->len);
}

/* A run of SENT_MAX tokens with no end is no sentence (a table, a list,
 * binary data): it ends there, since nquote's work on a quote grows with
 * the length of its sentence, and a paragraph of 1 MB without a full stop
 * took minutes. */
#define SENT_MAX 1000

size_t
sent_split(const char *s, struct tok *t, size_t nt)
{
	size_t i, j, ns = 0, beg = 0;	/* beg: where the sentence began */

	for (i = 0; i < nt; i++) {
		t[i].fl &= (uint16_t)~TF_END;
		if (i - beg + 1 == SENT_MAX) {
			t[i].fl |= TF_END;
			ns++;
			beg = i + 1;
			continue;
		}
		if (!stop(s, &t[i]))
			continue;
		/* the marks and brackets that close with it */
		for (j = i + 1; j < nt && !(t[j].fl & TF_SP) &&
		    (t[j].type == T_QUOTE || s[t[j].off] == ')' || s[t[j].off] == ']'); j++)
			;
		if (j < nt && ((t[j].fl & TF_INQ) || !starter(s, &t[j])))
			continue;
		if (j == i + 1 && (t[i].fl & TF_INQ))
			continue;	/* inside a quotation that goes on */
		if (abbreviated(s, t, i) && j < nt && (t[j].type == T_WORD || t[j].type == T_NUM))
			continue;
		t[j - 1].fl |= TF_END;
		ns++;
		i = j - 1;
		beg = j;
	}
	if (nt && !(t[nt - 1].fl & TF_END)) {
		t[nt - 1].fl |= TF_END;
		ns++;
	}
	return ns;
}
