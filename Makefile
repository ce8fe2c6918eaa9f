# carenet — build, test and install.
#
#   make run      install missing build dependencies, build, evaluate an example
#   make check    build and run every test (unit, golden, sanitizers, ...)
#   make install  PREFIX=/usr/local DESTDIR=
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

WARNINGS   := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
              -Wmissing-prototypes -Wwrite-strings
# flex and bison output is not ours: keep the useful warnings only.
GEN_WARN   := -Wall -Wno-unused-function -Wno-sign-compare -Wno-unused-parameter
OPT        ?= -O2 -g
CPPFLAGS   += -Isrc -I$(BUILD)/gen -D_DEFAULT_SOURCE \
              -DCARENET_VERSION='"$(VERSION)"' -DCARENET_STDLIB_DIR='"$(STDLIB_DIR)"'
CFLAGS     += -std=c11 $(OPT) -MMD -MP

ifeq ($(SANITIZE),1)
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
LDLIBS     += $(GC_LIBS) -lm
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

SRCS       := $(filter-out src/main.c,$(wildcard src/*.c))
OBJS       := $(SRCS:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/parser.o $(BUILD)/obj/lexer.o
UNIT_SRCS  := $(wildcard tests/unit/test_*.c)
UNIT_BINS  := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
BIN        := $(BUILD)/carenet

.PHONY: all run check deps deps-check unit golden sanitize install uninstall clean \
        codes man-check fmt-check
.DEFAULT_GOAL := all

all: $(BIN)

# ---- dependencies --------------------------------------------------------------
# Installs what is missing with apt-get (as root), so a fresh Debian machine
# needs nothing but make.
BUILD_PKGS := flex bison pkg-config libgc-dev libcmocka-dev
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

# The test tools: compilers with sanitizers and the fuzzer runtime, valgrind, jq.
CHECK_PKGS := $(BUILD_PKGS) gcc clang libclang-rt-14-dev valgrind jq man-db groff-base
deps-check:
	$(call need_packages,$(CHECK_PKGS))

# ---- build ---------------------------------------------------------------------------
$(BUILD)/gen/parser.c $(BUILD)/gen/parser.h: grammar/parser.y
	@mkdir -p $(BUILD)/gen
	$(BISON) -Wall -Werror --header=$(BUILD)/gen/parser.h -o $(BUILD)/gen/parser.c $<

$(BUILD)/gen/lexer.c: grammar/lexer.l
	@mkdir -p $(BUILD)/gen
	$(FLEX) -o $@ $<

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

golden: $(BIN)
	@tests/run-cases.sh $(BIN)

check: deps-check
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory unit golden fmt-check codes man-check
	@$(MAKE) --no-print-directory sanitize

# fmt is idempotent, keeps comments and strings, and keeps the evaluation.
fmt-check: $(BIN)
	@tests/fmt-property.sh $(BIN)

# Every diagnostic code is documented and has a golden test.
codes:
	@tests/check-codes.sh

# The man pages render without warnings.
man-check:
	@for page in docs/carenet.1 docs/carenet.5; do \
	  out=$$(MANWIDTH=80 man --warnings -l $$page 2>&1 >/dev/null); \
	  if [ -n "$$out" ]; then echo "$$page:"; echo "$$out"; exit 1; fi; \
	done; echo "man pages: 2 passed, 0 failed"

# Unit and golden tests again under AddressSanitizer and UBSan.
# The sanitizer build never frees (see src/mem.h), so leak checking is off.
sanitize: export ASAN_OPTIONS = detect_leaks=0
sanitize: export UBSAN_OPTIONS = halt_on_error=1:print_stacktrace=1
sanitize:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/asan SANITIZE=1 CC=gcc unit golden

# ---- install -------------------------------------------------------------------------
install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(STDLIB_DIR) $(DESTDIR)$(MAN_DIR)/man1 $(DESTDIR)$(MAN_DIR)/man5
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/carenet
	install -m 644 stdlib/*.care $(DESTDIR)$(STDLIB_DIR)/
	install -m 644 docs/carenet.1 $(DESTDIR)$(MAN_DIR)/man1/carenet.1
	install -m 644 docs/carenet.5 $(DESTDIR)$(MAN_DIR)/man5/carenet.5

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/carenet $(DESTDIR)$(MAN_DIR)/man1/carenet.1 $(DESTDIR)$(MAN_DIR)/man5/carenet.5
	rm -rf $(DESTDIR)$(PREFIX)/share/carenet

clean:
	rm -rf $(BUILD)
