/*
 * warc.h: a streaming reader of WARC 1.0/1.1 files and of Common Crawl's
 * WET files (WARC with "conversion" records of plain text).
 *
 * The caller feeds bytes in blocks of any size; the reader calls back for
 * each record.  Records are framed by their Content-Length, never by
 * looking for "WARC/1.0": only after a broken record does the reader skip
 * to the next line that starts with "WARC/1." (a resynchronisation, with a
 * warning).  Memory is bounded by one record header and one HTTP header
 * (WARC_MAXHEAD each): bodies are passed on in pieces of the caller's
 * blocks, never gathered.
 *
 *	struct warc *w = warc_new(&cb, arg);
 *	while ((n = read(fd, b, sizeof b)) > 0)
 *		warc_feed(w, b, n);
 *	warc_end(w);
 *
 * For every record whose header parses, cb.begin gets its fields; a body
 * follows (cb.body, any number of times, then cb.end) for
 *  - "response" records of HTTP (Content-Type application/http or none):
 *    the HTTP payload after its header, chunked transfer coding decoded,
 *    unless the payload is compressed (Content-Encoding gzip, deflate, br:
 *    libc has no inflate, so the record is skipped and counted);
 *  - "conversion" records (WET): the text itself.
 * Other records get cb.begin and cb.end with skip set and no body.
 * Problems (truncated record, junk between records, bad Content-Length,
 * broken chunks) go to cb.warn with the byte offset in the input.
 */
#ifndef WARC_H
#define WARC_H

#include <stddef.h>
#include <stdint.h>

#define WARC_MAXHEAD (256 * 1024)	/* a record or HTTP header this long is corrupt */

/* WARC-Type, as WARC 1.1 lists them */
enum {
	WT_OTHER, WT_WARCINFO, WT_RESPONSE, WT_RESOURCE, WT_REQUEST,
	WT_METADATA, WT_REVISIT, WT_CONVERSION, WT_CONTINUATION, WT_N
};

/* why a record has no body for the caller */
enum {
	WS_NONE,		/* it has one */
	WS_TYPE,		/* not a response or conversion record, or not HTTP */
	WS_HTTP,		/* a response record without an HTTP status line */
	WS_ENCODED,		/* the payload is compressed (Content-Encoding) */
	WS_DECLINED,		/* cb.begin returned 0 */
	WS_N
};

struct warcrec {
	uint64_t off;		/* byte offset of its "WARC/1." line */
	uint64_t len;		/* Content-Length of the record block */
	int type;		/* WT_* */
	int skip;		/* WS_*: no body follows unless WS_NONE */
	int trunc;		/* at cb.end: the block or its chunks ended early */
	/* the record header; "" when absent; <> around the ID and URI removed */
	const char *version;	/* "WARC/1.0" */
	const char *typestr;	/* WARC-Type as written */
	const char *id;		/* WARC-Record-ID: "urn:uuid:..." */
	const char *uri;	/* WARC-Target-URI */
	const char *date;	/* WARC-Date */
	const char *ctype;	/* Content-Type of the block */
	/* the HTTP header of a response record */
	int status;		/* status code; 0: no HTTP header */
	const char *hctype;	/* Content-Type: "text/html; charset=utf-8" */
	const char *charset;	/* its charset parameter, unquoted: "utf-8" */
	const char *encoding;	/* Content-Encoding (or a Transfer-Encoding
				   other than chunked) when not identity */
	int chunked;		/* Transfer-Encoding: chunked, decoded; at cb.end
				   0 when the body was not chunked after all */
};

/* The record passed to begin and end stays valid until end returns.
 * Any callback may be NULL (begin NULL: every body is wanted). */
struct warccb {
	int (*begin)(void *arg, const struct warcrec *r);	/* 0: skip its body */
	void (*body)(void *arg, const char *s, size_t n);
	void (*end)(void *arg, const struct warcrec *r);
	void (*warn)(void *arg, uint64_t off, const char *reason);
};

struct warcstat {
	unsigned long records;		/* headers parsed */
	unsigned long type[WT_N];	/* of them, by WARC-Type */
	unsigned long skip[WS_N];	/* by what became of the body */
	unsigned long warnings;
	unsigned long truncated;	/* records cut short (also warned) */
	uint64_t bodybytes;		/* bytes passed to cb.body */
	size_t bufcap;			/* bytes the reader holds in buffers */
};

struct warc;
struct warc *warc_new(const struct warccb *cb, void *arg);
void warc_feed(struct warc *w, const char *s, size_t n);
/* End of input: a record cut short is warned about and ended; the reader
 * is then ready for another input, at offset 0. */
void warc_end(struct warc *w);
const struct warcstat *warc_stat(struct warc *w);
void warc_free(struct warc *w);
const char *warc_typename(int type);	/* WT_* as in WARC-Type, "other" */
const char *warc_skipname(int skip);	/* WS_* as a word: "type", "encoded" */

#endif
