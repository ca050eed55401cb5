/*
 * html.h: web pages to paragraphs and metadata, streaming.
 *
 * The caller feeds a page's bytes in blocks of any size (a tag, a
 * character reference or a UTF-8 character may be split between two)
 * and gets back, through two callbacks, each paragraph as a browser
 * would show it (UTF-8, white space collapsed) with hints about where it
 * stands, and the page's metadata.  Memory grows with the largest tag,
 * paragraph or JSON-LD script of a page, never with the input.
 *
 * Two layers: html.c decodes the charset and tokenizes (after the WHATWG
 * tokenizer, simplified: no tree construction, no foreign content),
 * htmltext.c turns tokens into paragraphs and metadata.
 *
 * Paragraphs: a block element (p, div, li, td, h1..h6, ...) starts or
 * ends one; so does <br>: a line break ends the paragraph (para records
 * hold no newline, and a break inside running text is rare in news).
 * <pre> keeps its white space, newlines included, in one paragraph.
 * Content of script, style, template, noscript, textarea, iframe, svg,
 * select, video, audio and canvas is dropped, as is that of an element
 * with the attribute hidden, aria-hidden="true", or a style saying
 * display:none or visibility:hidden.
 *
 * Metadata keys, each given once per page (the first found) except
 * ld_author, given once per author:
 *   title        <title>
 *   og_title     <meta property=og:title>
 *   site         <meta property=og:site_name>
 *   date         <meta property=article:published_time>
 *   author       <meta name=author>
 *   url          <link rel=canonical>
 *   lang         <html lang>
 *   charset      the charset the page was read in (utf-8, windows-1252, ...)
 *   charset_unknown  a declared charset this module cannot read (the page
 *                is then read as UTF-8, bad bytes as windows-1252)
 *   ld_headline, ld_date, ld_author
 *                headline, datePublished and author.name of the first
 *                JSON-LD object whose @type ends in "Article" (NewsArticle,
 *                ReportageNewsArticle, ...) or is BlogPosting, found at any
 *                depth (@graph, arrays, mainEntity)
 * Metadata comes when found: a JSON-LD script at the end of a page comes
 * after the paragraphs before it.
 */
#ifndef HTML_H
#define HTML_H

#include <stddef.h>

/* The nearest enclosing structural element of a paragraph: by tag name,
 * by an ARIA role (navigation, banner, contentinfo, complementary, menu,
 * menubar, main, article), or an id or class with "comment" in it; the
 * article itself is <article>, <main> or itemprop=articleBody. */
enum { HC_NONE, HC_NAV, HC_HEADER, HC_FOOTER, HC_ASIDE, HC_FIGCAPTION,
    HC_FORM, HC_COMMENTS, HC_MENU, HC_ARTICLE };
extern const char *const html_clsname[];	/* by HC_*: "", "nav", ... */

struct hhint {
	int cls;		/* HC_* where the paragraph's first text was */
	int hlevel;		/* 1..6 inside h1..h6, else 0 */
	int pre;		/* from <pre>: may hold newlines */
	size_t link;		/* bytes of its text inside <a> (<= n): link
				   density is link / n */
};

typedef void html_para_fn(void *arg, const char *text, size_t n, const struct hhint *h);
typedef void html_meta_fn(void *arg, const char *key, const char *val, size_t n);

struct html;
struct html *html_new(html_para_fn *para, html_meta_fn *meta, void *arg);
void html_free(struct html *h);
/* The charset the server declared (HTTP Content-Type), for the next page;
 * NULL or unknown: find it.  Without one the first 1024 bytes are held
 * back and searched for <meta charset> / http-equiv; without that too the
 * page is UTF-8, its invalid bytes read as windows-1252. */
void html_charset(struct html *h, const char *name);
void html_feed(struct html *h, const char *s, size_t n);
/* The page ends: the last paragraph and metadata come out, and h is
 * ready for the next page (the charset given is forgotten). */
void html_end(struct html *h);

/* ---- inside the module: html.c and htmltext.c ---- */

/* Tags the module knows: id, name, what they are. HF_BLOCK: starts and
 * ends a paragraph; HF_VOID: has no content nor end tag; HF_RAW: its
 * content is text up to its end tag (HF_RCDATA: with character
 * references); HF_DROP: its content is not shown. */
enum { HF_BLOCK = 1, HF_VOID = 2, HF_RAW = 4, HF_RCDATA = 8, HF_DROP = 16 };
#define HTML_TAGS \
	X(A, a, 0) X(ADDRESS, address, HF_BLOCK) X(AREA, area, HF_VOID) \
	X(ARTICLE, article, HF_BLOCK) X(ASIDE, aside, HF_BLOCK) \
	X(AUDIO, audio, HF_DROP) X(BASE, base, HF_VOID) \
	X(BLOCKQUOTE, blockquote, HF_BLOCK) X(BODY, body, HF_BLOCK) \
	X(BR, br, HF_VOID) X(CANVAS, canvas, HF_DROP) \
	X(CAPTION, caption, HF_BLOCK) X(CENTER, center, HF_BLOCK) \
	X(COL, col, HF_VOID) X(DD, dd, HF_BLOCK) X(DETAILS, details, HF_BLOCK) \
	X(DIALOG, dialog, HF_BLOCK) X(DIR, dir, HF_BLOCK) X(DIV, div, HF_BLOCK) \
	X(DL, dl, HF_BLOCK) X(DT, dt, HF_BLOCK) X(EMBED, embed, HF_VOID) \
	X(FIELDSET, fieldset, HF_BLOCK) X(FIGCAPTION, figcaption, HF_BLOCK) \
	X(FIGURE, figure, HF_BLOCK) X(FOOTER, footer, HF_BLOCK) \
	X(FORM, form, HF_BLOCK) X(H1, h1, HF_BLOCK) X(H2, h2, HF_BLOCK) \
	X(H3, h3, HF_BLOCK) X(H4, h4, HF_BLOCK) X(H5, h5, HF_BLOCK) \
	X(H6, h6, HF_BLOCK) X(HEADER, header, HF_BLOCK) \
	X(HGROUP, hgroup, HF_BLOCK) X(HR, hr, HF_BLOCK | HF_VOID) \
	X(HTML, html, HF_BLOCK) \
	X(IFRAME, iframe, HF_RAW | HF_DROP) X(IMG, img, HF_VOID) \
	X(INPUT, input, HF_VOID) X(LEGEND, legend, HF_BLOCK) X(LI, li, HF_BLOCK) \
	X(LINK, link, HF_VOID) X(LISTING, listing, HF_BLOCK) \
	X(MAIN, main, HF_BLOCK) X(MATH, math, HF_DROP) X(MENU, menu, HF_BLOCK) \
	X(META, meta, HF_VOID) X(NAV, nav, HF_BLOCK) \
	X(NOEMBED, noembed, HF_RAW | HF_DROP) \
	X(NOFRAMES, noframes, HF_RAW | HF_DROP) \
	X(NOSCRIPT, noscript, HF_RAW | HF_DROP) X(OL, ol, HF_BLOCK) \
	X(OPTGROUP, optgroup, HF_BLOCK) X(OPTION, option, HF_BLOCK) \
	X(P, p, HF_BLOCK) X(PARAM, param, HF_VOID) X(PRE, pre, HF_BLOCK) \
	X(SCRIPT, script, HF_RAW | HF_DROP) X(SECTION, section, HF_BLOCK) \
	X(SELECT, select, HF_DROP) X(SOURCE, source, HF_VOID) \
	X(STYLE, style, HF_RAW | HF_DROP) X(SUMMARY, summary, HF_BLOCK) \
	X(SVG, svg, HF_DROP) X(TABLE, table, HF_BLOCK) X(TBODY, tbody, HF_BLOCK) \
	X(TD, td, HF_BLOCK) X(TEMPLATE, template, HF_RAW | HF_DROP) \
	X(TEXTAREA, textarea, HF_RAW | HF_RCDATA | HF_DROP) \
	X(TFOOT, tfoot, HF_BLOCK) X(TH, th, HF_BLOCK) X(THEAD, thead, HF_BLOCK) \
	X(TITLE, title, HF_RAW | HF_RCDATA | HF_DROP) X(TR, tr, HF_BLOCK) \
	X(TRACK, track, HF_VOID) X(UL, ul, HF_BLOCK) \
	X(VIDEO, video, HF_DROP) X(WBR, wbr, HF_VOID) X(XMP, xmp, HF_RAW)
#define X(e, s, f) HT_##e,
enum { HT_OTHER, HTML_TAGS HT_N };	/* HT_OTHER: a tag it does not know */
#undef X
extern const unsigned char html_tagfl[HT_N];

struct hattr {
	const char *name, *val;	/* name in lower case; val decoded */
	size_t nlen, vlen;
};
struct htag {
	int id;			/* HT_* */
	int end;		/* an end tag */
	int selfclose;		/* ends in "/>" */
	const char *name;	/* in lower case */
	size_t nlen;
	const struct hattr *a;
	size_t na;
};

/* The first attribute of t called name (lower case), or NULL. */
const struct hattr *htag_attr(const struct htag *t, const char *name);

/* The text layer, to which the tokenizer hands its tokens. */
struct htext;
struct htext *htext_new(html_para_fn *para, html_meta_fn *meta, void *arg);
void htext_free(struct htext *x);
void htext_tag(void *x, const struct htag *t);
void htext_text(void *x, const char *s, size_t n);
void htext_meta(struct htext *x, const char *key, const char *val, size_t n);
void htext_end(struct htext *x);	/* flush; ready for the next page */

#endif
