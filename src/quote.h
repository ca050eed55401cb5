/* quote.h: nquote's model of one article.
 *
 * nquote.c gathers an article's records and fills a qart with the
 * unescaped text of its paragraphs; quote.c finds the quotations in it
 * (marks, cues, kinds) and speaker.c says who speaks. */
#include <stdint.h>

enum { QK_DIRECT = 1, QK_PARTIAL, QK_INDIRECT, QK_TERM };
enum { NP_NONE, NP_NAME, NP_PRON, NP_NOM };

struct qpara {
	size_t toff, tlen;	/* unescaped text, in qart.text */
	size_t tok0, ntok;	/* tokens, in qart.tok */
	struct tokstat st;	/* what they are */
	size_t cand0, ncand;	/* its say, said, says and that, in qart.cand */
	int junk;		/* a junk record: not searched */
};

struct piece {			/* one quoted piece: what a record says */
	int para;
	uint32_t start, end;	/* bytes in the paragraph, marks excluded */
	int quote;		/* index in qart.q */
};

struct np {			/* a noun phrase that names a speaker */
	int type;		/* NP_* */
	int para;
	uint32_t t0, t1;	/* tokens [t0, t1) of the paragraph */
};

struct quote {
	int kind;		/* QK_* */
	int para;		/* where it starts: paragraph, token */
	uint32_t tok;
	struct np sp;		/* the speaker as written */
	int cpara;		/* the cue: paragraph, bytes [ca, cb) */
	uint32_t ca, cb;
	uint32_t ctok;		/* the cue's first token */
	uint32_t next;		/* a cue right after it: the sentence after */
	int lpara;		/* the paragraph of its last piece */
	int maybe;		/* a term whose sentence's subject may speak */
	int kpara;		/* the speaker (canonical): paragraph, bytes [ka, kb) */
	uint32_t ka, kb;
	int gfl;		/* what the speaker is: NM_* */
	int qno;		/* 0: not written */
};

struct qname {			/* a run of capitalised words */
	int para;
	uint32_t t0, t1;	/* tokens of the name, titles left out */
	int title;		/* token of the title before it, or -1 */
	int fl;			/* NM_* */
	int efl;		/* of the entity, all its names (-1: not yet) */
	uint32_t lasth;		/* hash of its last word (wordhash) */
	uint64_t bloom;		/* a bit for each of its words */
	int rep;		/* the first name with the same tokens (index_names) */
	int allfl;		/* of a first one: the fl of all its names, OR-ed */
};
enum { NM_PERSON = 1, NM_ORG = 2, NM_MALE = 4, NM_FEMALE = 8, NM_SUBJ = 16, NM_INQ = 32,
    NM_FIRST = 64 };	/* NM_FIRST: a forename first */

struct qart {
	struct buf text;
	struct qpara *p;
	size_t np, capp;
	struct tok *tok;
	size_t ntok, captok;
	struct piece *pc;
	size_t npc, cappc;
	struct quote *q;
	size_t nq, capq;
	struct qname *nm;
	size_t nnm, capnm;
	uint32_t *cand;		/* tokens that may start indirect speech */
	size_t ncand, capcand;
	/* speaker.c's indexes of the names, built when first needed: the
	 * distinct ones (their own rep) in text order and by the hash of
	 * their last word (chains in text order), the ones a noun may stand
	 * for, and a hash table of name indexes that finds the reps */
	int *nmnext, *nmhead, *nmtab;
	size_t nmmask, captab;
	int *nmdist, *nmnoun;
	size_t ndist, nnoun;
	int indexed;
};

/* what a word is, from the word lists of qlex.c: looked up once per
 * token, kept in its lx */
enum {
	W_SMALL = 1,		/* a small word, never a name (the, he, but) */
	W_SPEECH = 2,		/* a speech verb: said, told, announced */
	W_CUE = 4,		/* a verb that cues a quote: asked, called */
	W_TITLE = 8,		/* a title or role before a name */
	W_MALE = 16,		/* with W_TITLE or W_FORENAME */
	W_FEMALE = 32,
	W_FORENAME = 64,
	W_BODY = 128,		/* an organisation's word: ministry, Times */
	W_PERSON = 256,		/* a noun for a person: spokesman */
	W_PEOPLE = 512,		/* for people: officials (with W_PERSON) */
	W_PRON = 1024,		/* a pronoun that can speak: he, she, it, they */
	W_DET = 2048,		/* a determiner: the, a, his */
	W_FILLER = 4096,	/* between subject and verb: also, has, later */
	W_CONN = 8192,		/* inside a name: of, de, von */
	W_TERM = 16384,		/* before a term: so-called, dubbed, the film */
	W_MEDIUM = 32768,	/* what carries words: statement, page, tweet */
	W_PREP = 65536,		/* a preposition: a name after it is no subject */
	W_TIME = 131072,	/* a day, month or time: said Tuesday */
	W_ART = 262144,		/* an article or possessive: the report, his remarks */
	W_WORK = 524288,	/* a work, with W_TERM: the film, the program */
	W_SUB = 1048576,	/* opens a clause of its own: who, when, after */
	W_SAYS = 2097152,	/* a noun for what was said: remark, claim, warning */
	W_AUX = 4194304		/* an auxiliary or modal: has, was, would */
};
extern struct lex q_words;
extern struct lexmemo q_memo;
void qlex_init(void);

void quote_article(struct qart *a, int indirect);	/* quote.c */

/* speaker.c */
void names_find(struct qart *a);
int speaker_person(struct quote *q);
void speaker_canon(struct quote *q, const struct quote *prev, struct quote *const *done, size_t ndone);

/* Is paragraph p a headline in title case (Trump Addresses Munich
 * Attack)?  Its capitals make no names and its quotes no titles. */
static inline int
headline(const struct qpara *p)
{
	return p->st.words >= 4 && p->st.caps * 10 >= p->st.words * 7;
}

/* the text of paragraph i, and of token k in it */
#define QTEXT(a, i) ((a)->text.p + (a)->p[i].toff)
#define QTOK(a, i) ((a)->tok + (a)->p[i].tok0)

/* The paragraph at hand, for the small token tests both files use. */
extern struct qart *A;
extern const char *S;
extern struct tok *T;
extern uint32_t NT;

static inline void
setpara(int i)
{
	S = QTEXT(A, i);
	T = QTOK(A, i);
	NT = (uint32_t)A->p[i].ntok;
}

static inline int
is(uint32_t k, const char *w)
{
	return k < NT && T[k].type == T_WORD && nu_ieq(S + T[k].off, T[k].len, w);
}

static inline int
punct(uint32_t k, int c)
{
	return k < NT && T[k].type == T_PUNCT && T[k].len == 1 && S[T[k].off] == c;
}

/* the W_* bits of token k, of those asked: looked up the first time
 * they are, since most words never are */
#define LX_UNSET TOK_NOLX
static inline int
wl(uint32_t k, int bits)
{
	if (k >= NT || T[k].type != T_WORD)
		return 0;
	if (T[k].lx & LX_UNSET)
		T[k].lx = (uint32_t)lex_memo(&q_words, &q_memo, S + T[k].off, T[k].len);
	return (int)T[k].lx & bits;
}

static inline int
small(uint32_t k)
{
	return wl(k, W_SMALL);
}

/* a capitalised word outside quotes */
static inline int
cap(uint32_t k)
{
	return k < NT && T[k].type == T_WORD && (T[k].fl & TF_CAP) && !(T[k].fl & TF_INQ);
}

/* May the connector at token c join the name before it to the capitals
 * after it?  de, von, bin always (Ursula von der Leyen); of and for only
 * after a body's or a title's word (Bank of America, Secretary of State),
 * not after a name (Branstad of Iowa) or another word (Mostly for Trump). */
static inline int
nameconn(uint32_t c)
{
	if (!wl(c, W_CONN))
		return 0;
	return (!is(c, "of") && !is(c, "for")) || (c > 0 && wl(c - 1, W_BODY | W_TITLE));
}

/* Is token k a middle initial, a capital letter and a full stop that
 * ends no sentence (Michael P. McDonald, Donald J. Trump)? */
static inline int
initial(uint32_t k)
{
	return k + 2 < NT && cap(k) && T[k].len == 1 && !(T[k].fl & TF_END) &&
	    T[k + 1].type == T_PUNCT && S[T[k + 1].off] == '.' && !(T[k + 1].fl & TF_END) &&
	    cap(k + 2);
}

/* Is token k said, says, say or that (lower case, outside quotes)?  The
 * names pass, which looks at every word, notes them for the indirect
 * speech pass. */
static inline int
saythat(uint32_t k)
{
	const char *w = S + T[k].off;

	/* no type test: a mark or dash of 3 or 4 bytes starts with none of
	 * these letters */
	if (T[k].len - 3 > 1 || (T[k].fl & (TF_INQ | TF_CAP)))
		return 0;
	if (w[0] == 's' && w[1] == 'a')
		return (w[2] == 'y' && (T[k].len == 3 || w[3] == 's')) ||
		    (w[2] == 'i' && w[3] == 'd' && T[k].len == 4);
	return T[k].len == 4 && memcmp(w, "that", 4) == 0;
}

static inline uint32_t
tokend(uint32_t k)
{
	return T[k].off + T[k].len;
}

