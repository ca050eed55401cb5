/* tagent.h: the entities of one article, for ntag's stream mode
 * (tagent.c: text, tagging, aliases, canonical names, output). */
#ifndef TAGENT_H
#define TAGENT_H

#include "tag.h"
#include "tagdate.h"

#define TY_DATE NTYPE

struct tent {
	size_t para;		/* paragraph number in the article, from 0 */
	uint32_t a, b;		/* bytes of its text */
	int type;		/* TY_*, or TY_DATE */
	int alias;		/* alias number + 1 that named it */
	int gone;		/* dropped for an alias or a date over it */
	uint32_t t0, t1;	/* its tokens in the document (not for dates) */
	const char *canon;	/* canonical name */
	size_t canonl;
	char iso[16];		/* DATE: the ISO value, or "" */
};

struct alias {
	const char *name, *canon;
	size_t namel, canonl;
	int type;
	uint32_t next;		/* the next alias with the same first word, + 1 */
	uint64_t h[GAZLEN * 2];	/* hashes of its words */
	size_t nw;
};

struct tart {
	struct buf text;	/* the paragraphs, unescaped */
	struct tpara { size_t off, len; } *p;
	size_t np, capp;
	struct tok *tk;
	size_t captk;
	struct tdoc d;
	uint32_t *tpara;	/* paragraph of each of d's tokens */
	size_t captp;
	struct tent *e;
	size_t ne, cape;
	struct dspan *ds;	/* a paragraph's dates */
	size_t capds;
	uint32_t *own;		/* the entity + 1 each token is in, or 0 */
	size_t capown;
	struct htab names;	/* canonical names: text -> entity + 1 */
	char date[16];		/* the article's date, YYYY-MM-DD, or "" */
	struct alias *al;
	size_t nal, capal;
	struct htab alfirst;	/* first word -> alias + 1 */
	struct htab alname;	/* its whole name -> alias + 1 */
};

void tart_begin(struct tart *a);
void tart_para(struct tart *a, const char *esc, size_t n);
void tart_date(struct tart *a, const char *esc, size_t n);
void tart_tag(struct tart *a, const struct model *m, int dates);
void tart_write(const struct tart *a, const struct tent *e, const char *id, size_t idl,
    const char *num, size_t numl);
void tart_aliases(struct tart *a, const char *path);

#endif
