# newsutils: small, fast Unix filters for news text.  See README.md.

CC      = cc
CFLAGS  = -O3 -g
WFLAGS  = -std=c11 -Wall -Wextra -Wpedantic -Werror
LDFLAGS =
PREFIX  = /usr/local
MANDIR  = $(PREFIX)/share/man
# where objects and binaries go; `make check` uses its own
O       = build
BIN     = bin

SANFLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

TOOLS = nsplit ntsv nstrip nquote
LIB   = util buf io out rec kinds utf8 date tok sent lex group
NSPLIT = nsplit art fmtutil fmt_text fmt_lexis fmt_nexisuni fmt_factiva fmt_proquest fmt_mbox
NSTRIP = nstrip stripfeat strippat striprule stripfp stoplists
NQUOTE = nquote quote speaker qlex

LIBOBJ = $(LIB:%=$(O)/%.o)

all: $(TOOLS:%=$(BIN)/%)

$(O)/%.o: src/%.c src/nu.h src/nsplit.h
	@mkdir -p $(O)
	$(CC) $(WFLAGS) $(CFLAGS) -c -o $@ $<

$(O)/libnu.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

$(BIN)/nsplit: $(NSPLIT:%=$(O)/%.o) $(O)/libnu.a
	@mkdir -p $(BIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(NSPLIT:%=$(O)/%.o) $(O)/libnu.a

$(BIN)/ntsv: $(O)/ntsv.o $(O)/libnu.a
	@mkdir -p $(BIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(O)/ntsv.o $(O)/libnu.a

# nstrip's stop word lists, compiled in; the order is strip.h's L_*
STOPLISTS = English German French Spanish Russian
$(NSTRIP:%=$(O)/%.o): src/strip.h
$(O)/stoplists.c: src/data/stoplists/words.awk $(STOPLISTS:%=src/data/stoplists/%.txt)
	@mkdir -p $(O)
	awk -f src/data/stoplists/words.awk $(STOPLISTS:%=src/data/stoplists/%.txt) >$@.tmp
	mv $@.tmp $@
$(O)/stoplists.o: $(O)/stoplists.c
	$(CC) $(WFLAGS) $(CFLAGS) -Isrc -c -o $@ $(O)/stoplists.c

$(NQUOTE:%=$(O)/%.o): src/quote.h
$(BIN)/nquote: $(NQUOTE:%=$(O)/%.o) $(O)/libnu.a
	@mkdir -p $(BIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(NQUOTE:%=$(O)/%.o) $(O)/libnu.a

$(BIN)/nstrip: $(NSTRIP:%=$(O)/%.o) $(O)/libnu.a
	@mkdir -p $(BIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(NSTRIP:%=$(O)/%.o) $(O)/libnu.a

# The tests run against binaries built with AddressSanitizer and UBSan;
# test/run prints "N passed, M failed" last.
check:
	$(MAKE) O=build/san BIN=build/san/bin CFLAGS="$(SANFLAGS)" LDFLAGS="$(SANFLAGS)" all
	sh test/run build/san/bin

demo: all
	$(BIN)/nsplit samples/*.txt | $(BIN)/nstrip | $(BIN)/ntsv articles

bench: all
	sh test/bench.sh $(BIN)

# accuracy on ../shared/data (not part of check: CI's tests must not need it)
eval-strip: all
	sh test/eval-strip.sh $(BIN)

eval-quote: all
	sh test/eval-quote.sh $(BIN)

eval: eval-strip eval-quote

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	for t in $(TOOLS); do cp $(BIN)/$$t $(DESTDIR)$(PREFIX)/bin/; done
	cp man/*.1 $(DESTDIR)$(MANDIR)/man1/
	cp man/*.7 $(DESTDIR)$(MANDIR)/man7/

clean:
	rm -rf build $(TOOLS:%=$(BIN)/%)

.PHONY: all check demo bench eval eval-strip eval-quote install clean
