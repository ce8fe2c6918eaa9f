# carenet — build, test and install.
#
#   make run      install missing build dependencies, build, evaluate an example
#   make check    build and run every test (unit, golden, sanitizers, ...)
#   make install  PREFIX=/usr/local DESTDIR=   (binary, stdlib, man pages, bash and zsh completion)
#
# Generated files and objects go to $(BUILD); sources stay clean.

VERSION    := 0.1.0
PREFIX     ?= /usr/local
DESTDIR    ?=
BUILD      ?= build
CC         ?= cc
FLEX       ?= flex
BISON      ?= bison
SANITIZE   ?=
EXAMPLE    ?= examples/hoogstraten.care

STDLIB_DIR := $(PREFIX)/share/carenet/stdlib
MAN_DIR    := $(PREFIX)/share/man
LOCALE_DIR := $(PREFIX)/share/locale
BASH_COMPLETION_DIR := $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR  := $(PREFIX)/share/zsh/vendor-completions
# Where the documentation is published, ending in '/': the SARIF output links
# each rule to its section of diagnostics.md there.
DOCS_URL   ?= https://ADDRESS-OF-THE-CARENET-REPOSITORY/carenet/blob/main/docs/

WARNINGS   := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
              -Wmissing-prototypes -Wwrite-strings
# flex and bison output is not ours: keep the useful warnings only.
GEN_WARN   := -Wall -Wno-unused-function -Wno-sign-compare -Wno-unused-parameter
OPT        ?= -O2 -g
CPPFLAGS   += -Isrc -I$(BUILD)/gen -D_DEFAULT_SOURCE \
              -DCARENET_VERSION='"$(VERSION)"' -DCARENET_STDLIB_DIR='"$(STDLIB_DIR)"' \
              -DCARENET_LOCALE_DIR='"$(LOCALE_DIR)"' \
              -DCARENET_DOCS_URL='"$(DOCS_URL)"'
CFLAGS     += -std=c11 $(OPT) -MMD -MP

ifeq ($(SANITIZE),fuzz)
  # libFuzzer build (clang): instrumented objects, harness linked with the fuzzer;
  # UBSan findings abort like ASan's, so the fuzzer keeps the input.
  CFLAGS   += -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
  CPPFLAGS += -DCARENET_NO_GC
  GC_LIBS  :=
else ifeq ($(SANITIZE),1)
  # Sanitizer build: plain malloc instead of libgc so ASan sees object
  # boundaries (see src/mem.h).
  CFLAGS   += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
  LDFLAGS  += -fsanitize=address,undefined
  CPPFLAGS += -DCARENET_NO_GC
  GC_LIBS  :=
else ifeq ($(NOGC),1)
  CPPFLAGS += -DCARENET_NO_GC
  GC_LIBS  :=
else
  CPPFLAGS += $(shell pkg-config --cflags bdw-gc 2>/dev/null)
  GC_LIBS  := $(shell pkg-config --libs bdw-gc 2>/dev/null || echo -lgc)
endif
# jansson: JSON for the language server (src/lsp*.c), on malloc, never on the collector.
JSON_CFLAGS := $(shell pkg-config --cflags jansson 2>/dev/null)
JSON_LIBS  := $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)
CPPFLAGS   += $(JSON_CFLAGS)
LDLIBS     += $(GC_LIBS) $(JSON_LIBS) -lm
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

SRCS       := $(filter-out src/main.c,$(wildcard src/*.c))
OBJS       := $(SRCS:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/parser.o $(BUILD)/obj/lexer.o \
              $(BUILD)/obj/diag_help.o
UNIT_SRCS  := $(wildcard tests/unit/test_*.c)
UNIT_BINS  := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
BIN        := $(BUILD)/carenet
# The Dutch catalog, found next to the program (src/i18n.c).
MO         := $(BUILD)/locale/nl/LC_MESSAGES/carenet.mo

.PHONY: all run check deps deps-check unit golden sanitize install uninstall clean dutch-check \
        codes hints prefixes stdlib-check history-check init-check install-check man-check fmt-check tutorial fuzz fuzz-short fuzz-objects FORCE valgrind browser bench \
        completion sarif-check compare-check \
        lsp lsp-protocol lsp-memory po-update po-check
.DEFAULT_GOAL := all

all: $(BIN) $(MO)

# ---- dependencies --------------------------------------------------------------
# Installs what is missing with apt-get (as root), so a fresh Debian machine
# needs nothing but make.
BUILD_PKGS := make gcc libc6-dev flex bison pkg-config libgc-dev libcmocka-dev libjansson-dev git gettext
define need_packages
	@missing=""; \
	for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "make: run as root or: apt-get install$$missing" >&2; exit 1; fi; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) >/dev/null \
	    || { echo "make: apt-get install$$missing failed" >&2; exit 1; }; \
	fi
endef

deps:
	$(call need_packages,$(BUILD_PKGS))

# The test tools: compilers with sanitizers and the fuzzer runtime, valgrind, jq, git
# (the tutorial commits its plan), neovim (its client tests the language server),
# poppler-utils (pdftotext reads the printed HTML report); the shells whose
# completions are tested; Python's jsonschema (with its URI format check) for the
# SARIF schema, and npm, which fetches the schema (Debian's npm only when no npm
# is installed: a Node.js from elsewhere brings its own).
NPM_PKG    := $(if $(shell command -v npm 2>/dev/null),,npm)
CHECK_PKGS := $(BUILD_PKGS) gcc clang libclang-rt-14-dev valgrind jq man-db groff-base diffutils chromium python3 \
              bash-completion zsh python3-jsonschema python3-rfc3987 git neovim poppler-utils $(NPM_PKG)
deps-check:
	$(call need_packages,$(CHECK_PKGS))

# ---- build ---------------------------------------------------------------------------
$(BUILD)/gen/parser.c $(BUILD)/gen/parser.h: grammar/parser.y
	@mkdir -p $(BUILD)/gen
	$(BISON) -Wall -Werror --header=$(BUILD)/gen/parser.h -o $(BUILD)/gen/parser.c $<

$(BUILD)/gen/lexer.c: grammar/lexer.l
	@mkdir -p $(BUILD)/gen
	$(FLEX) -o $@ $<

# What each diagnostic means and how to fix it, from its documentation.
$(BUILD)/gen/diag_help.c: docs/diagnostics.md src/diag_help.awk
	@mkdir -p $(BUILD)/gen
	awk -f src/diag_help.awk docs/diagnostics.md > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/diag_help.o: $(BUILD)/gen/diag_help.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARNINGS) -c -o $@ $<

$(BUILD)/obj/%.o: src/%.c | $(BUILD)/gen/parser.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARNINGS) -c -o $@ $<

$(BUILD)/obj/parser.o: $(BUILD)/gen/parser.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(GEN_WARN) -c -o $@ $<

$(BUILD)/obj/lexer.o: $(BUILD)/gen/lexer.c $(BUILD)/gen/parser.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(GEN_WARN) -c -o $@ $<

$(BIN): $(OBJS) $(BUILD)/obj/main.o
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# ---- messages in Dutch (GNU gettext) -----------------------------------------------------
# What xgettext collects: the formats of the diagnostics functions, _() and
# N_(), i18n_plural's two forms, names_resolve's `what`, the titles of
# diag_codes.def, the nouns of decl_kinds.def, the `what` of schema.def and
# the words of vocab.h.  A new message needs nothing more than one of these; then
# `make po-update` and a translation in po/nl.po (make po-check says which).
XGETTEXT_FLAGS := -L C --from-code=UTF-8 --add-location=file --sort-by-file --package-name=carenet \
              --package-version=$(VERSION) --msgid-bugs-address=carenet -k_ -kN_ -ki18n_plural:1,2 \
              -kdiag_report:4 -kdiag_note:3 -kdiag_fix:4 -knames_resolve:5 -kDIAG:3 -kDECL_KIND:4 -kPROP:9 \
              --flag=diag_report:4:c-format --flag=diag_note:3:c-format --flag=i18n_plural:1:c-format \
              --flag=i18n_plural:2:c-format
PO_SOURCES := $(sort $(wildcard src/*.c)) grammar/parser.y src/diag_codes.def src/decl_kinds.def \
              src/schema.def

$(MO): po/nl.po
	@mkdir -p $(dir $@)
	msgfmt -c -o $@ po/nl.po

# po/carenet.pot from the sources, and po/nl.po brought up to date with it.
po-update:
	@mkdir -p $(BUILD)/po
	xgettext $(XGETTEXT_FLAGS) -o po/carenet.pot $(PO_SOURCES)
	xgettext -L C --from-code=UTF-8 --add-location=file -kX:2 -j -o po/carenet.pot src/vocab.h
	msgmerge -q --add-location=file --sort-by-file -U --backup=none po/nl.po po/carenet.pot

# Every message of the sources has a Dutch translation that is not fuzzy,
# with the same format directives.
po-check:
	@tests/po-check.sh

$(BUILD)/tests/%: tests/unit/%.c $(OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARNINGS) -o $@ $< $(OBJS) $(LDFLAGS) $(LDLIBS) $(CMOCKA_LIBS)

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/tests/*.d)

# ---- run and test ------------------------------------------------------------------
run: deps
	@$(MAKE) --no-print-directory all
	./$(BIN) eval $(EXAMPLE)

unit: $(UNIT_BINS)
	@status=0; for t in $(UNIT_BINS); do ./$$t || status=1; done; exit $$status

golden: $(BIN) $(MO)
	@tests/run-cases.sh $(BIN)

check: deps-check
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory unit golden po-check hints fmt-check tutorial codes prefixes stdlib-check man-check install-check browser \
	  completion sarif-check history-check init-check compare-check lsp lsp-memory dutch-check
	@$(MAKE) --no-print-directory sanitize valgrind fuzz-short

# fmt is idempotent, keeps comments and strings, and keeps the evaluation
# (the report of eval, byte for byte).
fmt-check: $(BIN)
	@tests/fmt-property.sh $(BIN)
	@tests/fmt-differential.sh $(BIN)

# Every golden case and example as its Dutch plan (fmt --lang nl): the same
# output, and the round trip nl -> en -> nl (tests/dutch-test.sh); the
# editors' word lists are what editors/keywords.py makes of the tables.
dutch-check: $(BIN)
	@python3 editors/keywords.py --check
	@tests/dutch-test.sh $(BIN)

# The tutorials, English and Dutch, each run command by command in a fresh
# directory: every output they show is what carenet prints (tests/run-tutorial.py;
# directives in its header; --update rewrites the outputs after a change).
# The Dutch one needs the Dutch catalog.
TUTORIALS = docs/tutorial.md docs/handleiding.md
tutorial: $(BIN) $(MO)
	@status=0; for t in $(TUTORIALS); do \
	  python3 tests/run-tutorial.py $(BIN) "$$t" || status=1; \
	done; exit $$status

# The HTML report in headless Chromium: rendered DOM checked, screenshot saved.
browser: $(BIN)
	@tests/browser-test.sh $(BIN)

# The bash and zsh completions, run without a terminal.
completion: $(BIN)
	@tests/completion-test.sh $(BIN)

# carenet compare over the learning network of examples/network/, in every format.
compare-check: $(BIN)
	@tests/compare-test.sh $(BIN)

# check --format sarif against the SARIF 2.1.0 JSON schema (fetched once with npm).
sarif-check: $(BIN)
	@tests/sarif-test.sh $(BIN) $(BUILD)/sarif

# The language server: a scripted client for every feature and for malformed
# input, then Neovim's own client, headless, then the VS Code extension
# (its manifest and grammar, and extension.js starting `carenet lsp` under node).
lsp: lsp-protocol
	@tests/lsp/nvim-test.sh $(BIN)
	@python3 tests/vscode-test.py $(BIN)

lsp-protocol: $(BIN)
	@/usr/bin/python3 tests/lsp/protocol-test.py $(BIN)

# A thousand edits of a 2,000-line plan: the heap stays the same size.
lsp-memory: $(BIN)
	@/usr/bin/python3 tests/lsp/protocol-test.py $(BIN) memory

# Every diagnostic code is documented, explained (carenet explain) and has a golden test.
codes: $(BIN)
	@tests/check-codes.sh $(BIN)

# Every hint carenet prints is valid when applied (tests/check-hints.py).
hints: $(BIN)
	@python3 tests/check-hints.py $(BIN)

# Every exported name starts with its module's file name; the command line and
# the language server include the core through carenet.h only.
prefixes: $(BIN)
	@tests/check-prefixes.sh $(BUILD)/obj
	@tests/check-layers.sh $(BUILD)/obj

# The generated stdlib is what stdlib/gen/generate makes of stdlib/data/, and
# the walk along every municipality of Flanders reaches the zones of the data.
stdlib-check: $(BIN)
	@tests/check-stdlib.sh
	@tests/flanders-walk.sh $(BIN)

# carenet init for every municipality of the stdlib: each plan passes check
# and fmt --check; files are never overwritten (tests/init-test.sh).
init-check: $(BIN)
	@tests/init-test.sh $(BIN)

# carenet history and check --history on a git repository built by the test.
history-check: $(BIN)
	@tests/history-test.sh $(BIN)

# An installation finds its stdlib wherever it is put.
install-check: $(BIN)
	@tests/install-test.sh

# The man pages, English and Dutch, render without warnings.
MAN_PAGES := docs/carenet.1 docs/carenet.5 docs/nl/carenet.1 docs/nl/carenet.5
man-check:
	@for page in $(MAN_PAGES); do \
	  out=$$(MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l $$page 2>&1 >/dev/null); \
	  if [ -n "$$out" ]; then echo "$$page:"; echo "$$out"; exit 1; fi; \
	done; echo "man pages: $(words $(MAN_PAGES)) passed, 0 failed"

# Unit and golden tests again under AddressSanitizer and UBSan.
# The sanitizer build never frees (see src/mem.h), so leak checking is off.
sanitize: export ASAN_OPTIONS = detect_leaks=0
sanitize: export UBSAN_OPTIONS = halt_on_error=1:print_stacktrace=1
sanitize:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/asan SANITIZE=1 CC=gcc unit golden lsp-protocol

# ---- fuzzing --------------------------------------------------------------------------
# make fuzz FUZZ_SECONDS=N: libFuzzer harnesses (tests/fuzz/), each run for N
# seconds: plan (one plan, every format), imports (files in memory), options
# (the command line), fmt (round trip), diff (two versions).  Each starts
# from its seeds in tests/fuzz/seeds/NAME/ (and the examples and golden
# inputs for plan, fmt and diff).  UBSan findings are fatal, as ASan's.
# Crashes are saved in build/fuzz/artifacts/; keep each one as a regression
# case.  FUZZ_HARNESSES=plan narrows the run.
FUZZ_SECONDS   ?= 30
FUZZ_HARNESSES ?= plan imports options fmt diff
FUZZ_BUILD     := $(BUILD)/fuzz
FUZZ_BINS      := $(FUZZ_HARNESSES:%=$(FUZZ_BUILD)/fuzz_%)
FUZZ_FLAGS     := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h FORCE
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) SANITIZE=fuzz CC=clang fuzz-objects
	clang -Isrc -I$(FUZZ_BUILD)/gen -DCARENET_NO_GC -D_DEFAULT_SOURCE -std=c11 -g -O1 \
	  $(FUZZ_FLAGS) -o $@ $< $(FUZZ_BUILD)/obj/*.o $(JSON_LIBS) -lm

fuzz-objects: $(OBJS)

fuzz: deps-check $(FUZZ_BINS)
	@mkdir -p $(FUZZ_BUILD)/artifacts
	@for h in $(FUZZ_HARNESSES); do \
	  corpus=$(FUZZ_BUILD)/corpus-$$h; mkdir -p $$corpus; \
	  cp tests/fuzz/seeds/$$h/* $$corpus/ 2>/dev/null; \
	  case $$h in plan|fmt|diff) cp examples/*.care tests/cases/*.care $$corpus/ 2>/dev/null;; esac; \
	  case $$h in options) extra=-close_fd_mask=3;; *) extra=;; esac; \
	  echo "fuzz: $$h for $(FUZZ_SECONDS) s"; \
	  (cd $(FUZZ_BUILD) && ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	    ./fuzz_$$h -max_total_time=$(FUZZ_SECONDS) -dict=$(CURDIR)/tests/fuzz/care.dict -max_len=65536 \
	    -timeout=10 -rss_limit_mb=4096 -artifact_prefix=artifacts/$$h- -print_final_stats=1 $$extra \
	    corpus-$$h > fuzz-$$h.log 2>&1); \
	  grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec)|#[0-9]+ *DONE|ERROR|SUMMARY|runtime error' \
	    $(FUZZ_BUILD)/fuzz-$$h.log | sed "s|^|  $$h: |" | head -20; \
	done
	@ls $(FUZZ_BUILD)/artifacts/ 2>/dev/null | sed 's|^|found: $(FUZZ_BUILD)/artifacts/|'
	@test -z "$$(ls $(FUZZ_BUILD)/artifacts/ 2>/dev/null)"

# A short pass for make check, when clang's fuzzer runtime is installed.
fuzz-short:
	@if clang -fsanitize=fuzzer -x c /dev/null -o /dev/null 2>/dev/null || \
	    [ -n "$$(find /usr/lib/llvm-*/lib/clang -name 'libclang_rt.fuzzer*.a' 2>/dev/null)" ]; then \
	  rm -rf $(FUZZ_BUILD)/artifacts; \
	  $(MAKE) --no-print-directory fuzz FUZZ_SECONDS=20 BUILD=$(BUILD) > $(BUILD)/fuzz-short.log 2>&1; \
	  grep -E '^  [a-z]+: (Done|#[0-9]+ *DONE|.*ERROR|.*SUMMARY|.*runtime error)|^found' $(BUILD)/fuzz-short.log; \
	  if [ -z "$$(ls $(FUZZ_BUILD)/artifacts/ 2>/dev/null)" ] && grep -q 'fuzz: diff' $(BUILD)/fuzz-short.log; then \
	    echo "fuzz: $(words $(FUZZ_HARNESSES)) passed, 0 failed"; \
	  else echo "fuzz: failed (see $(BUILD)/fuzz-short.log)"; exit 1; fi; \
	else echo "fuzz: skipped (no clang fuzzer runtime)"; fi

FORCE:

# The golden tests under valgrind's memcheck, on the malloc build (libgc's
# conservative scanning reads memory memcheck considers uninitialised).
valgrind:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/nogc NOGC=1 all
	@RUNNER="valgrind -q --error-exitcode=99 --leak-check=no" tests/run-cases.sh $(BUILD)/nogc/carenet \
	  | sed 's/^golden:/valgrind:/'
	@# jansson's reference counts: ASan cannot see into the library, memcheck can
	@LSP_RUNNER="valgrind -q --error-exitcode=99 --leak-check=no" \
	  /usr/bin/python3 tests/lsp/protocol-test.py $(BUILD)/nogc/carenet features fixes malformed \
	  > $(BUILD)/valgrind-lsp.log 2>&1; status=$$?; \
	  grep -v '^PASS' $(BUILD)/valgrind-lsp.log | sed 's/^lsp:/valgrind lsp:/'; exit $$status

# ---- benchmark (not part of check) ------------------------------------------------------
BENCH_SCAN := $(BUILD)/bench-scan
BENCH_TOUCH := $(BUILD)/bench-touch

$(BENCH_SCAN): tests/bench/scan.c tests/bench/bench_source.h $(OBJS)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARNINGS) -o $@ $< $(OBJS) $(LDFLAGS) $(LDLIBS)

$(BENCH_TOUCH): tests/bench/touch.c
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARNINGS) -o $@ $<

# The parse-only floor: the grammar with its actions emptied, fed by the real
# scanner, made from grammar/parser.y each time so it moves with the grammar.
BENCH_PARSE := $(BUILD)/bench-parse
$(BUILD)/bench/parse-only.c $(BUILD)/bench/parse-only.h: grammar/parser.y tests/bench/strip-actions.awk
	@mkdir -p $(BUILD)/bench
	awk -f tests/bench/strip-actions.awk grammar/parser.y > $(BUILD)/bench/parse-only.y
	$(BISON) -Wall -Werror --header=$(BUILD)/bench/parse-only.h -o $(BUILD)/bench/parse-only.c $(BUILD)/bench/parse-only.y

$(BENCH_PARSE): tests/bench/parse.c tests/bench/bench_source.h $(BUILD)/bench/parse-only.c $(OBJS)
	$(CC) $(CPPFLAGS) -I$(BUILD)/bench $(CFLAGS) $(GEN_WARN) -o $@ tests/bench/parse.c $(BUILD)/bench/parse-only.c \
	  $(filter-out $(BUILD)/obj/parser.o,$(OBJS)) $(LDFLAGS) $(LDLIBS)

BENCH_WALL := $(BUILD)/bench-wall
$(BENCH_WALL): tests/bench/wall.c
	$(CC) $(CFLAGS) $(WARNINGS) -o $@ $<

# BENCH_QUICK=1: the table only, without the hostile shapes and the language server
bench: deps-check $(BIN) $(BENCH_SCAN) $(BENCH_TOUCH) $(BENCH_PARSE) $(BENCH_WALL)
	@tests/bench/run.sh $(BIN) $(BENCH_SCAN) $(BENCH_TOUCH) $(BENCH_PARSE) $(BENCH_WALL)
	@[ -n "$(BENCH_QUICK)" ] || /usr/bin/python3 tests/bench/lsp.py $(BIN)

# ---- install -------------------------------------------------------------------------
install: $(BIN) $(MO)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(STDLIB_DIR) $(DESTDIR)$(MAN_DIR)/man1 $(DESTDIR)$(MAN_DIR)/man5 \
	  $(DESTDIR)$(MAN_DIR)/nl/man1 $(DESTDIR)$(MAN_DIR)/nl/man5 $(DESTDIR)$(LOCALE_DIR)/nl/LC_MESSAGES \
	  $(DESTDIR)$(BASH_COMPLETION_DIR) $(DESTDIR)$(ZSH_COMPLETION_DIR)
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/carenet
	install -m 644 editors/bash/carenet $(DESTDIR)$(BASH_COMPLETION_DIR)/carenet
	install -m 644 editors/zsh/_carenet $(DESTDIR)$(ZSH_COMPLETION_DIR)/_carenet
	install -m 644 stdlib/*.care $(DESTDIR)$(STDLIB_DIR)/
	install -m 644 docs/carenet.1 $(DESTDIR)$(MAN_DIR)/man1/carenet.1
	install -m 644 docs/carenet.5 $(DESTDIR)$(MAN_DIR)/man5/carenet.5
	install -m 644 docs/nl/carenet.1 $(DESTDIR)$(MAN_DIR)/nl/man1/carenet.1
	install -m 644 docs/nl/carenet.5 $(DESTDIR)$(MAN_DIR)/nl/man5/carenet.5
	install -m 644 $(MO) $(DESTDIR)$(LOCALE_DIR)/nl/LC_MESSAGES/carenet.mo

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/carenet $(DESTDIR)$(MAN_DIR)/man1/carenet.1 $(DESTDIR)$(MAN_DIR)/man5/carenet.5
	rm -f $(DESTDIR)$(MAN_DIR)/nl/man1/carenet.1 $(DESTDIR)$(MAN_DIR)/nl/man5/carenet.5
	rm -f $(DESTDIR)$(LOCALE_DIR)/nl/LC_MESSAGES/carenet.mo
	rm -f $(DESTDIR)$(BASH_COMPLETION_DIR)/carenet $(DESTDIR)$(ZSH_COMPLETION_DIR)/_carenet
	rm -rf $(DESTDIR)$(PREFIX)/share/carenet

clean:
	rm -rf $(BUILD)
