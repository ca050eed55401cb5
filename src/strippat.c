/* strippat.c: line patterns, the lines that are furniture wherever they
 * stand: share bars, credits, captions, counters, "Advertisement",
 * "Read more", bylines, date lines, appeals, cookie and newsletter boxes.
 *
 * Patterns are phrases of words (matched on tokens, so case and
 * punctuation do not matter) or, where punctuation is the point
 * ("Image:", "(Photo by"), the text itself.  They look at paragraphs
 * read whole (F_NORM: short ones, and long ones that are no prose), so a
 * long paragraph is never furniture because a phrase occurs in it; of
 * other paragraphs only what their first words tell is used.  A pattern
 * that finds a byline, date, credit or copyright notes it in the
 * paragraph (pat_value) for striprule.c to lift. */
#include "nu.h"
#include "strip.h"

#include <string.h>

#define NEWS_SHORT 15	/* words: a line naming a newsletter is the box's */

/* the word lists, by number */
enum {
	PL_AD, PL_NAV, PL_UNIT, PL_AGENCY, PL_WEEKDAY, PL_DATEWORD, PL_ASK,
	PL_READER, PL_US, PL_COOKIE, PL_COOKIEDO, PL_NEWS, PL_NEWSDO, PL_SOCIAL,
	PL_STRONG, PL_RELATED, PL_RELWEAK, PL_COMMENTS, PL_JOBS, PL_CLAUSE,
	PL_VIA, PL_FOLLOW, PL_COPYRIGHT, PL_RIGHTS, PL_SHARE, PL_PHOTO,
	PL_CREDITLEAD, PL_CAPTIONLEAD, PL_BYLEAD, PL_BIOVERB, PL_WIRE, PL_MEDIA, NPL
};

static const char *const ad[] = {
	"advertisement", "advertising", "ad", "ads", "advert", "adverts", "sponsored",
	"sponsored content", "paid content", "paid post", "promoted", "promoted content",
	"partner content", "story continues below advertisement", "story continues below",
	"article continues below", "continue reading below", "continue reading",
	"continue reading the main story", "advertisement continue reading below",
	"skip advertisement", "to read the full story", "read the full story",
	"subscribe to read", "subscribe to continue reading", "already a subscriber",
	"already a subscriber sign in", "anzeige", "werbung", "publicit\xc3\xa9", "publicidad",
	"\xd1\x80\xd0\xb5\xd0\xba\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0", NULL,
};

static const char *const nav[] = {
	"skip to content", "skip to main content", "skip to navigation", "skip navigation",
	"skip to site index", "skip to content skip to site index", "jump to content",
	"menu", "main menu", "close menu", "open menu", "toggle navigation", "navigation",
	"home", "homepage", "home page", "search", "search site", "log in", "login", "log out",
	"sign in", "sign out", "sign up", "subscribe", "subscribe now", "subscribe sign in",
	"register", "my account", "account", "close", "back to top", "top", "loading",
	"next", "previous", "prev", "next article", "previous article", "next story",
	"previous story", "more", "show more", "load more", "view all", "see all",
	"see more", "view more", "contact", "contact us", "about", "about us", "privacy",
	"privacy policy", "terms", "terms of use", "terms of service",
	"terms and conditions", "sitemap", "site map", "site index", "rss", "rss feeds",
	"help", "faq", "careers", "jobs", "advertise", "advertise with us", "accessibility",
	"sections", "topics", "tags", "categories", "follow us", "connect with us",
	"today s paper", "report", "all", "latest", "latest news", "trending", "popular",
	"video", "videos", "photos", "podcasts", "newsletters", "men\xc3\xbc", "suche",
	"anmelden", "startseite", "accueil", "rechercher", "se connecter", "inicio",
	"buscar", "listen to this article", "listen to article", "listen", "audio",
	"print", "print this article", "print article", "save", "save article",
	"save for later", "text size", "font size", NULL,
};

/* what a counter counts: "312 reads", "5 min read", "2 hours ago" */
static const char *const unit[] = {
	"reads", "read", "views", "view", "comments", "comment", "shares", "share",
	"likes", "like", "votes", "vote", "rating", "min", "mins", "minute", "minutes",
	"sec", "secs", "second", "seconds", "hour", "hours", "h", "hr", "hrs", "m", "s",
	"k", "ago", "day", "days", "d", "week", "weeks", "month", "months", "year", "years",
	"replies", "reply", "points", "claps", "reactions", "responses", "lesezeit",
	"lecture", "lectura", "reading", "time", "lesedauer", NULL,
};

static const char *const agency[] = {
	"getty images", "getty", "reuters", "ap", "afp", "epa", "shutterstock", "istock",
	"istockphoto", "ap photo", "associated press", "afp via getty images",
	"dpa", "picture alliance", "alamy", "xinhua", "anadolu", "efe", "ansa",
	"pa", "pa images", "pa wire", "wikimedia commons", "unsplash", "pexels",
	"pixabay", "bloomberg", "nasa", "handout", "file photo", "ap images", NULL,
};

static const char *const weekday[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	"lunes", "martes", "mi\xc3\xa9rcoles", "jueves", "viernes", "s\xc3\xa1" "bado",
	"domingo", NULL,
};

/* words a date line may hold besides the date */
static const char *const dateword[] = {
	"published", "updated", "posted", "last", "modified", "first", "on", "at", "date",
	"created", "am", "pm", "a", "p", "m", "et", "est", "edt", "ct", "cst", "cdt", "pt",
	"pst", "pdt", "mt", "gmt", "utc", "bst", "cet", "cest", "ist", "jst", "aest", "aedt",
	"msk", "z", "st", "nd", "rd", "th", "of", "ver\xc3\xb6" "ffentlicht", "aktualisiert",
	"stand", "um", "uhr", "publi\xc3\xa9", "le", "mis", "\xc3\xa0", "jour", "publicado",
	"actualizado", "el", "de", "del", "las", "hours", NULL,
};

static const char *const ask[] = {
	"donate", "donation", "donations", "support us", "support our",
	"support independent", "become a member", "become a supporter", "become a patron",
	"make a contribution", "contribute", "chip in", "patreon", "paypal", NULL,
};
static const char *const reader[] = {"you", "your", "please", NULL};
static const char *const us[] = {"we", "our", "us", NULL};

static const char *const cookie[] = {"cookie", "cookies", NULL};
static const char *const cookiedo[] = {
	"use", "uses", "accept", "consent", "policy", "browsing", "settings",
	"preferences", "agree", "continue", NULL,
};

static const char *const news[] = {
	"newsletter", "newsletters", "inbox", "email updates", "e mail updates",
	"mailing list", NULL,
};
static const char *const newsdo[] = {
	"sign up", "subscribe", "get", "join", "receive", "enter", "register", NULL,
};

static const char *const social[] = {
	"share", "shares", "sharing", "shared", "tweet", "twitter", "facebook", "email",
	"e", "mail", "print", "whatsapp", "linkedin", "pinterest", "reddit", "flipboard",
	"telegram", "messenger", "copy", "link", "copied", "url", "save", "saved",
	"comment", "comments", "on", "this", "article", "story", "the", "via", "pocket",
	"sms", "instagram", "youtube", "tiktok", "snapchat", "x", "vk", "xing", "follow",
	"us", "google", "tumblr", "close", "more", "options", "page", "post", "to",
	"teilen", "partager", "compartir", "and", "or", NULL,
};
static const char *const strong[] = {
	"share", "copied", "tweet", "twitter", "facebook", "email", "print", "whatsapp",
	"linkedin", "pinterest", "reddit", "flipboard", "telegram", "instagram",
	"youtube", "teilen", "partager", "compartir", NULL,
};

static const char *const relatedlead[] = {
	"read more", "read also", "also read", "see also", "related articles",
	"related stories", "related content", "related coverage", "related posts",
	"related links", "related news", "you may also like", "you might also like",
	"you may be interested in", "you might be interested in", "most popular",
	"most read", "most viewed", "most shared", "more stories", "more news",
	"more from", "read next", "up next", "also on", "see more", "read the full story",
	"recommended for you", "don t miss", "lesen sie auch", "lesen sie mehr",
	"mehr zum thema", "lire aussi", "\xc3\xa0 lire aussi", "voir aussi",
	"lea tambi\xc3\xa9n", "leer m\xc3\xa1s", "te puede interesar",
	"\xd1\x87\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 "
	"\xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5", NULL,
};
/* weaker: a line of their own, or before a colon */
static const char *const relatedweak[] = {
	"related", "watch", "recommended", "trending", "more", "listen", "see",
	"click here", "read", "also", "more on", "more about", "popular", NULL,
};

static const char *const comments[] = {
	"comments", "comment", "leave a comment", "leave a reply", "post a comment",
	"add a comment", "add comment", "join the conversation", "join the discussion",
	"show comments", "view comments", "read comments", "load comments",
	"reader comments", "top rated comments", "top comments", "most popular comments",
	"comments are closed", "discussion", "kommentare", "commentaires", "comentarios",
	"\xd0\xba\xd0\xbe\xd0\xbc\xd0\xbc\xd0\xb5\xd0\xbd\xd1\x82\xd0\xb0\xd1\x80\xd0\xb8\xd0\xb8",
	NULL,
};

static const char *const jobs[] = {
	"writer", "correspondent", "analyst", "reporter", "editor", "journalist",
	"columnist", "contributor", "fellow", "professor", "author", "director",
	"researcher", "producer", "student", "expert", "lecturer", "scholar",
	"economist", "consultant", "freelance", "freelancer", "intern", "founder",
	"blogger", "photographer", "host", "covers", "writes", "reports", NULL,
};

/* an English clause has one of these, a caption often none */
static const char *const clause[] = {
	"is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does",
	"did", "will", "would", "can", "could", "should", "may", "might", "must", "said",
	"says", "say", "told", "tells", "he", "she", "it", "they", "we", "i", "you", "him",
	"them", "us", "me", "not", "there", "this", "that", NULL,
};

static const char *const via[] = {"via", NULL};
static const char *const follow[] = {"follow", NULL};
static const char *const copyright[] = {"copyright", NULL};
static const char *const rights[] = {"all rights reserved", NULL};
static const char *const sharephrase[] = {"share this", "share it", "share on", NULL};
/* words of a credit: a caption with none is not searched for one */
static const char *const photo[] = {
	"image", "images", "photo", "photograph", "picture", "credit", "foto", "bild",
	"getty", "reuters", "ap", "afp", "illustration", NULL,
};

/* the first words of the prefixes below: the rest is not compared
 * unless the line starts with one */
static const char *const creditfirst[] = {
	"image", "images", "photo", "photos", "photograph", "photography", "picture",
	"pictures", "pic", "credit", "credits", "illustration", "foto", "fotos", "bild",
	"bildquelle", "cr\xc3\xa9" "dit", "source", NULL,
};
static const char *const captionfirst[] = {
	"image", "media", "photo", "caption", "bildunterschrift", "l\xc3\xa9gende", NULL,
};
static const char *const byfirst[] = {
	"by", "written", "posted", "words", "story", "reporting", "von", "par", "por",
	"author", "authors", NULL,
};

static const char *const bioverb[] = {"is", "was", "covers", "writes", "reports", NULL};
/* agencies that also sign datelines: "(Reuters) -" */
static const char *const wire[] = {
	"reuters", "ap", "afp", "epa", "dpa", "efe", "ansa", "xinhua", "anadolu", "pa", NULL,
};

/* words of a photographer's employer: "Jane Doe/The Daily Courier" */
static const char *const media[] = {
	"times", "news", "post", "press", "journal", "herald", "tribune", "guardian",
	"telegraph", "images", "image", "photo", "photos", "pictures", "archive", "archives",
	"agency", "magazine", "daily", "gazette", "courier", "chronicle", "getty", "reuters",
	"ap", "afp", "epa", "bloomberg", "nasa", "shutterstock", "alamy", "handout", NULL,
};

static const char *const *const lists[NPL] = {
	[PL_AD] = ad, [PL_NAV] = nav, [PL_UNIT] = unit, [PL_AGENCY] = agency,
	[PL_WEEKDAY] = weekday, [PL_DATEWORD] = dateword, [PL_ASK] = ask,
	[PL_READER] = reader, [PL_US] = us, [PL_COOKIE] = cookie, [PL_COOKIEDO] = cookiedo,
	[PL_NEWS] = news, [PL_NEWSDO] = newsdo, [PL_SOCIAL] = social, [PL_STRONG] = strong,
	[PL_RELATED] = relatedlead, [PL_RELWEAK] = relatedweak, [PL_COMMENTS] = comments,
	[PL_JOBS] = jobs, [PL_CLAUSE] = clause, [PL_VIA] = via, [PL_FOLLOW] = follow,
	[PL_COPYRIGHT] = copyright, [PL_RIGHTS] = rights, [PL_SHARE] = sharephrase,
	[PL_PHOTO] = photo, [PL_CREDITLEAD] = creditfirst, [PL_CAPTIONLEAD] = captionfirst,
	[PL_BYLEAD] = byfirst, [PL_BIOVERB] = bioverb, [PL_WIRE] = wire, [PL_MEDIA] = media,
};

/* Does the line start with a word of list (or with "(")? */
static int
first(const struct para *p, int list)
{
	return p->ntok > 0 && (((p->tok[0].is1 >> list) & 1) || p->t[0] == '(');
}

void
pat_init(void)
{
	int l;

	for (l = 0; l < NPL; l++)
		feat_addlist(l, lists[l]);
}

/* ---- the text ---- */

static int
tprefix(const struct para *p, const char *s)
{
	return nu_iprefix(p->t, p->n, s);
}

/* Offset of s in the text, or -1 (case-sensitive). */
static long
tfind(const struct para *p, const char *s)
{
	size_t k = strlen(s), i;
	const char *c;

	for (i = 0; i + k <= p->n; i = (size_t)(c - p->t) + 1) {
		if (!(c = memchr(p->t + i, s[0], p->n - k + 1 - i)))
			break;
		if (memcmp(c, s, k) == 0)
			return c - p->t;
	}
	return -1;
}

/* The meta value p carries: s without white space around; a name or
 * credit also without . ) , at its end. */
void
pat_value(struct para *p, int k, const char *s, size_t n)
{
	n -= nu_ltrim(s, n);
	s += nu_ltrim(s, n);
	n = nu_rtrim(s, n);
	while (k != M_TITLE && k != M_SUBTITLE && n &&
	    (s[n - 1] == '.' || s[n - 1] == ')' || s[n - 1] == ' ' || s[n - 1] == ','))
		n--;
	if (n == 0)
		return;
	p->vkey = k;
	p->voff = (size_t)(s - p->t);
	p->vlen = n;
}

/* ---- the patterns ---- */

/* "0", "11", "312 reads", "5 min read", "2 hours ago" */
static int
counting(const struct para *p)
{
	size_t i;
	unsigned num = 0;

	if (!(p->flags & F_NORM) || p->words > 6 || p->ntok == 0)
		return 0;
	for (i = 0; i < p->ntok; i++) {
		const struct stok *t = &p->tok[i];
		char c = p->t[t->off];

		if (c >= '0' && c <= '9')
			num++;
		else if (!((t->is1 >> PL_UNIT) & 1))
			return 0;
	}
	/* "11", "312 reads", "Reading time: 3 min" */
	return num > 0 && 2 * num + 2 >= p->ntok;
}

static const char *const creditlead[] = {
	"image:", "images:", "image via", "image source", "image credit", "image copyright",
	"photo:", "photos:", "photo copyright", "photo by", "photo credit", "photograph:",
	"photograph by", "photography:", "picture:", "pictures:", "pic:", "credit:",
	"credits:", "credit...", "illustration:", "illustration by", "foto:", "fotos:",
	"bild:", "bildquelle", "cr\xc3\xa9" "dit", "(photo", "(image", "(credit",
	"source: getty", NULL,
};

/* Is what follows at (to the end) short enough to be a credit? */
static int
tailcredit(const struct para *p, size_t at)
{
	size_t sp = 0;

	for (; at < p->n; at++)
		sp += p->t[at] == ' ';
	return sp <= 8;
}

/* Where the credit starts inside a caption, or -1: after "Image: ",
 * "Photo by ", "Credit...", "\xc2\xa9 ", or at "(Photo by X)", "(AP Photo/X)",
 * "(Getty Images)", "REUTERS/Jane Doe", all near the end. */
static long
creditmark(const struct para *p)
{
	const char *s = p->t, *c;
	size_t i, e, at;

	for (i = 1; i < p->ntok; i++) {
		const struct stok *t = &p->tok[i];
		int wire = (t->is1 >> PL_WIRE) & 1;

		if (!((t->is1 >> PL_PHOTO) & 1) || t->off < 1)
			continue;
		e = t->off + t->len;
		at = p->n;
		/* "(Photo by X)", "(Getty Images)", "(AP Photo/X)", but not
		 * the dateline's "(Reuters) -" */
		if (s[t->off - 1] == '(' && (!wire || (e < p->n &&
		    (s[e] == '/' || nu_prefix(s + e, p->n - e, " Photo")))))
			at = t->off;
		else if (s[t->off - 1] != ' ' || !(s[t->off] >= 'A' && s[t->off] <= 'Z'))
			continue;
		else if (e < p->n && s[e] == ':')
			at = e + 1;
		else if (nu_prefix(s + e, p->n - e, "..."))
			at = e + 3;
		else if (nu_prefix(s + e, p->n - e, " by "))
			at = e + 4;
		else if (wire && e < p->n && s[e] == '/')
			at = t->off;
		if (at < p->n && tailcredit(p, at))
			return (long)at;
	}
	/* "... at dusk. \xc2\xa9 Reuters", not "\xc2\xa9 2019 The Times" */
	if ((c = memchr(s, 0xC2, p->n)) && c > s && c + 3 < s + p->n && (unsigned char)c[1] == 0xA9 &&
	    !(c[2] == ' ' && c[3] >= '0' && c[3] <= '9') && !tok_has(p, PL_RIGHTS)) {
		for (e = (size_t)(c - s); e > 0 && s[e - 1] == ' '; e--)
			;
		if (e > 0 && (s[e - 1] == '.' || s[e - 1] == ')') && tailcredit(p, (size_t)(c - s)))
			return c - s + 2;
	}
	return -1;
}

/* A credit line: "Image: Reuters.", "Getty Images", "Photo: X, AP",
 * "Mark Smith/Getty Images". */
static int
credit(struct para *p)
{
	const char *const *l;
	size_t at;

	if (!(p->flags & F_NORM) || p->words > 15)
		return 0;
	for (l = creditlead; first(p, PL_CREDITLEAD) && *l; l++)
		if (tprefix(p, *l)) {
			for (at = strlen(*l); at < p->n && (p->t[at] == ':' || p->t[at] == '.'); at++)
				;
			pat_value(p, M_CREDIT, p->t + at, p->n - at);
			return 1;
		}
	if (p->words > 8 || ((p->flags & F_END) && p->t[p->n - 1] != '.'))
		return 0;
	if (tok_ends(p, PL_AGENCY) && (tok_is(p, PL_AGENCY) || tfind(p, "/") >= 0 ||
	    tok_has(p, PL_VIA) || tfind(p, ",") >= 0)) {
		pat_value(p, M_CREDIT, p->t, p->n);
		return 1;
	}
	/* "Jane Doe/The Times": a name before the slash, a newspaper or an
	 * agency after it */
	if ((at = (size_t)(tfind(p, "/") + 1)) > 1 && feat_isname(p->t, nu_rtrim(p->t, at - 1)) &&
	    tfind(p, "://") < 0 && !(p->flags & F_END) && tok_has(p, PL_MEDIA)) {
		pat_value(p, M_CREDIT, p->t, p->n);
		return 1;
	}
	return 0;
}

/* A caption: one that says so, one with a credit in it, or one that
 * ends in an agency after a slash ("... in 2019. Jane Doe / AP"). */
static int
caption(struct para *p)
{
	static const char *const lead[] = {
		"image caption", "media caption", "photo caption", "caption:", "bildunterschrift",
		"l\xc3\xa9gende", NULL,
	};
	const char *const *l;
	long at;

	if (p->words > 80 || !(p->flags & F_NORM))
		return 0;
	for (l = lead; first(p, PL_CAPTIONLEAD) && *l; l++)
		if (tprefix(p, *l))
			return 1;
	if ((at = creditmark(p)) > 0) {
		pat_value(p, M_CREDIT, p->t + at, p->n - (size_t)at);
		return 1;
	}
	return p->words <= 60 && p->n > 40 && tok_ends(p, PL_AGENCY) &&
	    memchr(p->t + p->n - 40, '/', 40);
}

/* "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Von ...". */
static int
byline(struct para *p)
{
	static const char *const lead[] = {
		"By ", "BY ", "by ", "Written by ", "Posted by ", "Words by ", "Story by ",
		"Reporting by ", "Von ", "Par ", "Por ", "Author: ", "Authors: ", NULL,
	};
	static const char *const stop[] = {
		" and ", " - ", " \xe2\x80\x94", " & ", " und ", " et ", " y ", NULL,
	};
	const char *const *l, *const *st;
	const char *s;
	size_t n, e, k;

	if (!(p->flags & F_NORM) || p->words > 20 || !first(p, PL_BYLEAD))
		return 0;
	for (l = lead; *l; l++) {
		/* the space after the word may be a no-break space */
		k = strlen(*l) - 1;
		if (p->n <= k || memcmp(p->t, *l, k) != 0 ||
		    (p->t[k] != ' ' && !nu_prefix(p->t + k, p->n - k, "\xc2\xa0")))
			continue;
		k += p->t[k] == ' ' ? 1 : 2;
		s = p->t + k;
		n = p->n - k;
		/* the first name ends at a comma, "and", a bar or a dash */
		for (e = 0; e < n; e++) {
			if (s[e] == ',' || s[e] == '|' || s[e] == ';' || s[e] == '(')
				break;
			for (st = stop; *st && !nu_prefix(s + e, n - e, *st); st++)
				;
			if (*st)
				break;
		}
		if (!feat_isname(s, nu_rtrim(s, e)))
			continue;
		/* the names, without the date or place after them */
		for (e = 0; e < n; e++)
			if (s[e] == '|' || s[e] == ';' || s[e] == '(' || (s[e] >= '0' && s[e] <= '9') ||
			    nu_prefix(s + e, n - e, " - ") || nu_prefix(s + e, n - e, " \xe2\x80\x94"))
				break;
		pat_value(p, M_BYLINE, s, e);
		return 1;
	}
	return 0;
}

/* A line that is only a date, perhaps with "Published" or a time. */
static int
dateline(struct para *p)
{
	size_t i;
	int year = 0, month = 0;
	char iso[64];

	if (!(p->flags & F_NORM) || p->words > 12 || p->ntok == 0)
		return 0;
	for (i = 0; i < p->ntok && !(p->tok[i].len == 4 && p->tok[i].digits == 4); i++)
		;
	if (i == p->ntok)
		return 0;	/* no year */
	for (i = 0; i < p->ntok; i++) {
		const struct stok *t = &p->tok[i];

		if (t->digits == t->len)
			year |= t->len == 4;
		else if (date_month(p->t + t->off, t->len))
			month = 1;
		else if (!((t->is1 >> PL_WEEKDAY) & 1) && !((t->is1 >> PL_DATEWORD) & 1))
			return 0;
	}
	if (!year || !month || !date_iso(p->t, p->n, iso))
		return 0;
	pat_value(p, M_DATE, p->t, p->n);
	return 1;
}

/* "Please donate ...": asks, and speaks to the reader as we. */
int
pat_appeal(struct para *p)
{
	return p->words <= 120 && tok_has(p, PL_ASK) && tok_has(p, PL_READER) &&
	    tok_has(p, PL_US);
}

/* Cookie notices say so in their first words. */
static int
cookiebox(struct para *p)
{
	return p->words <= 150 && tok_has(p, PL_COOKIE) && tok_has(p, PL_COOKIEDO);
}

/* "Sign up for our newsletter", "Get it in your inbox"; a short line
 * that names a newsletter is a signup box's ("The Weekend Newsletter", "I
 * agree to get the newsletter"); "Subscribe to The Times and ..." */
static int
newsletter(struct para *p)
{
	if (p->words <= 50 && tok_has(p, PL_NEWS) && (tok_starts(p, PL_NEWSDO) ||
	    tok_has(p, PL_READER) || p->words <= NEWS_SHORT))
		return 1;
	return p->words <= 20 && tprefix(p, "subscribe to ");
}

static int
share(struct para *p)
{
	if (p->words > 12)
		return 0;
	if (tok_all(p, PL_SOCIAL, PL_STRONG) || tok_has(p, PL_SHARE))
		return 1;
	/* "Follow us on Twitter", "Follow Jane on Facebook" */
	return tok_starts(p, PL_FOLLOW) && tok_has(p, PL_STRONG);
}

static int
related(struct para *p)
{
	const char *const *l;

	if (p->words > 30)
		return 0;
	if (tok_starts(p, PL_RELATED) || tok_is(p, PL_RELWEAK))
		return 1;
	for (l = relatedweak; tok_starts(p, PL_RELWEAK) && *l; l++)
		if (tprefix(p, *l) && p->n > strlen(*l) && p->t[strlen(*l)] == ':')
			return 1;
	return 0;
}

static int
legal(struct para *p)
{
	if ((p->words <= 40 && (tfind(p, "\xc2\xa9") >= 0 || tok_has(p, PL_RIGHTS))) ||
	    tprefix(p, "\xc2\xa9") || tok_starts(p, PL_COPYRIGHT)) {
		pat_value(p, M_COPYRIGHT, p->t, p->n);
		return 1;
	}
	return 0;
}

static int
counter(struct para *p)
{
	return counting(p);
}

/* the patterns in the order they are tried: a test, or a list whose
 * phrases are the whole line */
static const struct {
	int (*match)(struct para *);
	int list;
	int why;
} patterns[] = {
	{counter, 0, W_COUNTER}, {NULL, PL_AD, W_AD}, {credit, 0, W_CREDIT},
	{caption, 0, W_CAPTION}, {dateline, 0, W_DATELINE}, {byline, 0, W_BYLINE},
	{share, 0, W_SHARE}, {related, 0, W_RELATED}, {cookiebox, 0, W_COOKIE},
	{newsletter, 0, W_NEWSLETTER}, {pat_appeal, 0, W_APPEAL}, {legal, 0, W_LEGAL},
	{NULL, PL_NAV, W_NAV},
};

int
pat_line(struct para *p)
{
	size_t i;

	if (!(p->flags & F_NORM))	/* long: what its first words tell */
		return cookiebox(p) ? W_COOKIE : tok_starts(p, PL_COPYRIGHT) ||
		    tprefix(p, "\xc2\xa9") ? W_LEGAL : W_KEEP;
	if (p->ntok == 0)
		return W_SHORT;	/* no letter, no digit: "•", "***" */
	for (i = 0; i < sizeof patterns / sizeof patterns[0]; i++)
		if (patterns[i].match ? patterns[i].match(p) : tok_is(p, patterns[i].list))
			return patterns[i].why;
	return W_KEEP;
}

/* A part of a signup box: a newsletter line, or its button ("Subscribe",
 * "Sign up"). */
int
pat_signup(const struct para *p)
{
	return p->why == W_NEWSLETTER || (p->why == W_NAV && p->words <= 2 &&
	    (tprefix(p, "subscribe") || tprefix(p, "sign up")));
}

/* "Trevor Filseth is a current and foreign affairs writer for ...": a
 * name, "is", and a trade within the next twelve words. */
int
pat_bio(struct para *p)
{
	size_t k, n, i;

	if (p->words > 80 || !tok_has(p, PL_JOBS))
		return 0;
	/* the verb after a name of two to five words, and "(@handle)" */
	for (k = 2; k < p->ntok && k < 8; k++) {
		if (!((p->tok[k].is1 >> PL_BIOVERB) & 1))
			continue;
		n = p->tok[k].off;
		while (n > 0 && p->t[n - 1] == ' ')
			n--;
		if (n > 0 && p->t[n - 1] == ')')
			while (n > 0 && p->t[n - 1] != '(')
				n--;
		n = nu_rtrim(p->t, n && p->t[n - 1] == '(' ? n - 1 : n);
		if (!feat_isname(p->t, n))
			continue;
		for (i = k + 1; i < p->ntok && i <= k + 12; i++)
			if ((p->tok[i].is1 >> PL_JOBS) & 1) {
				pat_value(p, M_BYLINE, p->t, n);
				return 1;
			}
	}
	return 0;
}

/* "Comments", "Leave a reply", "167 comments": the article has ended. */
int
pat_comments(const struct para *p)
{
	return p->words <= 8 && (tok_is(p, PL_COMMENTS) ||
	    (counting(p) && tok_has(p, PL_COMMENTS)));
}

/* A short English sentence without a verb: no auxiliary, pronoun or
 * common verb, no word in -ed.  In a run of prose, a photo caption ("A
 * meeting of the general staff."). */
int
pat_verbless(const struct article *a, const struct para *p)
{
	size_t i;

	if (a->lang != L_EN || p->words < 3 || p->words > 12 || !(p->flags & F_END) ||
	    (p->flags & (F_QUOTE | F_LOWER | F_ELLIPSIS)) || p->t[p->n - 1] != '.' ||
	    tok_has(p, PL_CLAUSE))
		return 0;
	for (i = 0; i < p->ntok; i++) {
		const struct stok *t = &p->tok[i];

		if (t->len > 3 && p->t[t->off + t->len - 2] == 'e' && p->t[t->off + t->len - 1] == 'd')
			return 0;
	}
	return 1;
}
