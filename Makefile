# newsutils: small, fast Unix filters for news text.  See README.md.

CC      = cc
CFLAGS  = -O3 -g
WFLAGS  = -std=c11 -Wall -Wextra -Wpedantic -Werror
LDFLAGS =
PREFIX  = /usr/local
MANDIR  = $(PREFIX)/share/man
DATADIR = $(PREFIX)/share/newsutils
# where objects and binaries go; `make check` uses its own
O       = build
BIN     = bin

SANFLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

TOOLS = nsplit ntsv nstrip nquote ntag
LIB   = util buf io out rec kinds utf8 date tok sent lex group
NSPLIT = nsplit art fmtutil fmt_text fmt_lexis fmt_nexisuni fmt_factiva fmt_proquest fmt_mbox \
	 fmt_html fmt_warc html htmltext warc
NSTRIP = nstrip stripfeat strippat striprule stripfp stoplists
NQUOTE = nquote quote speaker qlex
NTAG   = ntag tagconll tagfeat tagmodel tagtrain tagent tagcanon tagdate
# where ntag finds its model when -m and NTAG_MODEL do not say
MODEL  = $(CURDIR)/src/data/ntag.model

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

$(O)/html.o $(O)/htmltext.o $(O)/fmt_html.o: src/html.h
$(O)/html.o: src/data/entities/entities.inc src/data/charsets/charsets.inc
$(O)/warc.o $(O)/fmt_warc.o: src/warc.h
$(NTAG:%=$(O)/%.o): src/tag.h src/tagent.h src/tagdate.h
$(O)/ntag.o: src/ntag.c src/tag.h src/tagent.h src/nu.h Makefile
	@mkdir -p $(O)
	$(CC) $(WFLAGS) $(CFLAGS) -DNTAG_MODEL='"$(MODEL)"' -c -o $@ src/ntag.c
$(BIN)/ntag: $(NTAG:%=$(O)/%.o) $(O)/libnu.a
	@mkdir -p $(BIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(NTAG:%=$(O)/%.o) $(O)/libnu.a -lm

$(BIN)/nstrip: $(NSTRIP:%=$(O)/%.o) $(O)/libnu.a
	@mkdir -p $(BIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(NSTRIP:%=$(O)/%.o) $(O)/libnu.a

# The tests run against binaries built with AddressSanitizer and UBSan;
# test/run prints "N passed, M failed" last.
check:
	$(MAKE) O=build/san BIN=build/san/bin CFLAGS="$(SANFLAGS)" LDFLAGS="$(SANFLAGS)" all
	$(MAKE) O=build/san/replay CFLAGS="$(SANFLAGS) $(FUZZDEF)" LDFLAGS="$(SANFLAGS)" \
	    FUZZMAIN=build/san/replay/fuzz/replay.o fuzzbins
	NU_FUZZ=build/san/replay/fuzz sh test/run build/san/bin

# ---- fuzzing (fuzz/README) ----
# Each target is the library or one tool's core, built with -DNU_FUZZ:
# input from memory, output to the harness, and abort(3) for exit(3).
# `make fuzz` runs each under libFuzzer (clang) for FUZZ_SECONDS; `make
# check` links the same targets to fuzz/replay.c instead and replays
# fuzz/corpus/<target>/ (tests/fuzz.bats).
FUZZ = reader escape nsplit nstrip nquote ntag ntsv
FUZZ_SECONDS = 60
FUZZCC = clang
FUZZDEF = -DNU_FUZZ -Wno-unused-function
FUZZMAIN =
FZ = $(O)/fuzz
fuzzbins: $(FUZZ:%=$(FZ)/fuzz-%)
$(FZ)/%.o: fuzz/%.c fuzz/fuzz.h src/nu.h
	@mkdir -p $(FZ)
	$(CC) $(WFLAGS) $(CFLAGS) -c -o $@ $<
FZLIB = $(FZ)/harness.o $(FUZZMAIN) $(O)/libnu.a
$(FZ)/fuzz-reader: $(FZ)/reader.o $(FZLIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^
$(FZ)/fuzz-escape: $(FZ)/escape.o $(FZLIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^
$(FZ)/fuzz-nsplit: $(NSPLIT:%=$(O)/%.o) $(FZ)/tool.o $(FZLIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^
$(FZ)/fuzz-nstrip: $(NSTRIP:%=$(O)/%.o) $(FZ)/tool.o $(FZLIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^
$(FZ)/fuzz-nquote: $(NQUOTE:%=$(O)/%.o) $(FZ)/tool.o $(FZLIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^
$(FZ)/fuzz-ntag: $(NTAG:%=$(O)/%.o) $(FZ)/tool.o $(FZLIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ -lm
$(FZ)/fuzz-ntsv: $(O)/ntsv.o $(FZ)/tool.o $(FZLIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^

fuzz:
	$(MAKE) O=build/fuzz CC=$(FUZZCC) CFLAGS="$(SANFLAGS) $(FUZZDEF) -fsanitize=fuzzer-no-link" \
	    LDFLAGS="$(SANFLAGS) -fsanitize=fuzzer" fuzzbins
	sh fuzz/run build/fuzz $(FUZZ_SECONDS) $(FUZZ)

# the main job on the samples: who said what, when (test/demo.bats runs
# this recipe)
demo: all
	$(BIN)/nsplit samples/*.txt | $(BIN)/nstrip | $(BIN)/nquote | $(BIN)/ntsv -f date quotes

bench: all
	sh test/bench.sh $(BIN)

# accuracy on ../shared/data (not part of check: CI's tests must not need it)
eval-strip: all
	sh test/eval-strip.sh $(BIN)

eval-quote: all
	sh test/eval-quote.sh $(BIN)

# ntag's data: the gazetteer from the open name lists, and the shipped
# model trained on open data only (src/data/ntag/README says which and
# why); `make model` rebuilds it, the same bytes each time
NER = ../shared/data/ner
CLUSTERS = $(NER)/wordclusters/glove6b100d_kmeans_top200k.tsv
$(O)/gaz.tsv: src/data/ntag/gazetteer.sh
	@mkdir -p $(O)
	sh src/data/ntag/gazetteer.sh $(NER)/gazetteers/open >$@.tmp
	mv $@.tmp $@

# (10 epochs, not 15: on this small corpus more overfit, on testa)
model: $(BIN)/ntag $(O)/gaz.tsv
	$(BIN)/ntag -T $(NER)/wikigold/wikigold.conll.txt -v -e 10 -c $(CLUSTERS) \
	    -g $(O)/gaz.tsv -o $(MODEL)

eval-tag: all $(O)/gaz.tsv
	TAG_GAZ=$(O)/gaz.tsv TAG_CLUSTERS=$(CLUSTERS) sh test/eval-tag.sh $(BIN)

eval: eval-strip eval-quote eval-tag

# the installed ntag looks for its model where it is installed
install: all
	$(MAKE) O=build/inst BIN=build/inst/bin MODEL=$(DATADIR)/ntag.model build/inst/bin/ntag
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 \
	    $(DESTDIR)$(DATADIR)
	for t in $(TOOLS); do cp $(BIN)/$$t $(DESTDIR)$(PREFIX)/bin/; done
	cp build/inst/bin/ntag $(DESTDIR)$(PREFIX)/bin/
	cp src/data/ntag.model $(DESTDIR)$(DATADIR)/
	cp man/*.1 $(DESTDIR)$(MANDIR)/man1/
	cp man/*.7 $(DESTDIR)$(MANDIR)/man7/

clean:
	rm -rf build $(TOOLS:%=$(BIN)/%)

.PHONY: all check demo bench eval eval-strip eval-quote eval-tag model install clean fuzz fuzzbins
