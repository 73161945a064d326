# anyreach-cred: one non-recursive Makefile.
#   make                 build ./anyreach-cred
#   make check           build and run every test (unit and integration)
#   make SANITIZE=1 ...  the same with AddressSanitizer and UBSan
#   make demo            show the main job end to end in a throwaway keyring
#   make install PREFIX=/usr DESTDIR=...

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
PKG_CONFIG ?= pkg-config
CC        ?= cc

# Three executables, each linking only what its commands use (see
# helper/launch.h): anyreach-cred links neither GLib nor libcurl, and loads
# libdbus only when it reads the keyring; anyreach-cred-keyring adds
# libsecret; anyreach-cred-api adds libcurl.
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags libsecret-1 libcjson dbus-1 libcurl)
LEAN_LIBS  := $(shell $(PKG_CONFIG) --libs libcjson)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs libsecret-1 libcjson)
CURL_LIBS  := $(shell $(PKG_CONFIG) --libs libcurl)
# Not a setting: anyreach-cred finds the other executables at
# ../libexec/anyreach-cred/ from its own directory (helper/launch.c).
LIBEXECDIR  = $(PREFIX)/libexec
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka)

WERROR   ?= -Werror
WARNINGS  = -Wall -Wextra $(WERROR) -Wshadow -Wformat=2 -Wstrict-prototypes \
	    -Wmissing-prototypes -Wwrite-strings -Wvla -Wimplicit-fallthrough \
	    -Wcast-qual -Wundef
CFLAGS   ?= -O2 -g
HARDEN    = -fstack-protector-strong -fstack-clash-protection -fPIE \
	    -Werror=format-security
LDHARDEN  = -pie -Wl,-z,relro,-z,now

ifeq ($(SANITIZE),1)
FLAVOR    = san
HARDEN   += -fsanitize=address,undefined -fno-sanitize-recover=all \
	    -fno-omit-frame-pointer
LDHARDEN += -fsanitize=address,undefined
else
FLAVOR    = opt
HARDEN   += -D_FORTIFY_SOURCE=2
endif

ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -DAC_VERSION='"$(VERSION)"' \
	     $(WARNINGS) $(HARDEN) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP
ALL_LDFLAGS = $(LDHARDEN) $(LDFLAGS)

B = build/$(FLAVOR)
# Short build lines; `make V=1` shows the full commands.
ifeq ($(V),1)
Q =
else
Q = @
endif
# Relink the top-level binary when SANITIZE changes.
$(shell mkdir -p build; [ "$$(cat build/flavor 2>/dev/null)" = $(FLAVOR) ] || \
	echo $(FLAVOR) > build/flavor)

PROTOCOL_SRC = $(wildcard protocol/*.c)
# Each executable's own objects; everything else is in the library, from
# which each link takes what it refers to.
MAIN_SRC     = helper/main.c helper/api_launch.c helper/store_select_bus.c \
	       helper/store_select_secret.c
HELPER_SRC   = $(filter-out $(MAIN_SRC),$(wildcard helper/*.c))
LIB_OBJ      = $(patsubst %.c,$(B)/%.o,$(PROTOCOL_SRC) $(HELPER_SRC))
MAIN_OBJ     = $(B)/helper/main.o
LAUNCH_OBJ   = $(B)/helper/api_launch.o
BUS_OBJ      = $(B)/helper/store_select_bus.o
SECRET_OBJ   = $(B)/helper/store_select_secret.o
API_OBJ      = $(patsubst %.c,$(B)/%.o,$(wildcard helper/api/*.c))
LIB          = $(B)/libanyreach.a

UNIT_SRC     = $(wildcard tests/unit/test_*.c)
UNIT_BIN     = $(patsubst tests/unit/%.c,$(B)/tests/%,$(UNIT_SRC))

PROGRAMS = anyreach-cred anyreach-cred-keyring anyreach-cred-api
all: $(PROGRAMS)

anyreach-cred: $(MAIN_OBJ) $(LAUNCH_OBJ) $(BUS_OBJ) $(LIB) build/flavor
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(MAIN_OBJ) $(LAUNCH_OBJ) $(BUS_OBJ) \
		$(LIB) $(ALL_LDFLAGS) $(LEAN_LIBS)

anyreach-cred-keyring: $(MAIN_OBJ) $(LAUNCH_OBJ) $(SECRET_OBJ) $(LIB) \
		build/flavor
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(MAIN_OBJ) $(LAUNCH_OBJ) $(SECRET_OBJ) \
		$(LIB) $(ALL_LDFLAGS) $(PKG_LIBS)

anyreach-cred-api: $(MAIN_OBJ) $(SECRET_OBJ) $(API_OBJ) $(LIB) build/flavor
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(MAIN_OBJ) $(SECRET_OBJ) $(API_OBJ) \
		$(LIB) $(ALL_LDFLAGS) $(PKG_LIBS) $(CURL_LIBS)

$(LIB): $(LIB_OBJ)
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(ALL_LDFLAGS) $(PKG_LIBS) \
		$(CMOCKA_LIBS)

# The integration tests drive the binary as `make install` lays it out.
INST = $(abspath $(B)/inst)
check: $(PROGRAMS) $(UNIT_BIN)
	$(Q)rm -rf $(INST)
	$(Q)$(MAKE) -s install DESTDIR=$(INST) PREFIX=/usr
	$(Q)AC=$(INST)/usr/bin/anyreach-cred tests/run-all.sh $(UNIT_BIN)

# The unit tests and the integration files that neither measure time nor
# trace with gdb, all under valgrind memcheck (GLib's own suppressions,
# nothing else).
VG_FILES = t10-login-get.sh t20-profiles.sh t30-refusals.sh t60-git.sh \
	   t80-shells.sh t85-kernel-store.sh t86-cache.sh t88-doctor-setup.sh \
	   t90-docker.sh t95-ci.sh t96-api.sh
check-valgrind: $(PROGRAMS) $(UNIT_BIN)
	$(Q)rm -rf $(INST) $(INST)-vg $(B)/vglogs && mkdir -p $(B)/vglogs
	$(Q)$(MAKE) -s install DESTDIR=$(INST) PREFIX=/usr
	$(Q)tests/valgrind-tree.sh $(INST) $(INST)-vg
	$(Q)VALGRIND_LOGS=$(abspath $(B)/vglogs) INTEGRATION="$(VG_FILES)" \
		AC=$(INST)-vg/usr/bin/anyreach-cred tests/run-all.sh $(UNIT_BIN)

# A benchmark, not a test: `make bench ROUNDS=50`.
bench: $(PROGRAMS)
	$(Q)ROUNDS=$(ROUNDS) tests/bench/run.sh

# A .deb from the tracked files (packaging/debian becomes debian/):
# `make deb` leaves it, and lintian's verdict, in build/deb/.
DEB_DIR = build/deb
deb:
	$(Q)rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)/anyreach-cred-$(VERSION)
	$(Q)git ls-files -z | \
		xargs -0 cp --parents -t $(DEB_DIR)/anyreach-cred-$(VERSION)
	$(Q)cp -r packaging/debian $(DEB_DIR)/anyreach-cred-$(VERSION)/debian
	$(Q)cd $(DEB_DIR)/anyreach-cred-$(VERSION) && \
		dpkg-buildpackage -us -uc -b >../build.log 2>&1 || \
		{ tail -30 ../build.log; exit 1; }
	$(Q)lintian --fail-on error,warning $(DEB_DIR)/*.changes
	@ls $(DEB_DIR)/*.deb

# An RPM from packaging/rpm/anyreach-cred.spec, with the rpmbuild that
# Debian ships: --nodeps, as the build dependencies are Debian packages
# here, and no debuginfo package, which needs Fedora's find-debuginfo.
RPM_DIR = $(abspath build/rpm)
rpm:
	$(Q)rm -rf $(RPM_DIR) && mkdir -p $(RPM_DIR)/SOURCES \
		$(RPM_DIR)/anyreach-cred-$(VERSION)
	$(Q)git ls-files -z | \
		xargs -0 cp --parents -t $(RPM_DIR)/anyreach-cred-$(VERSION)
	$(Q)tar -C $(RPM_DIR) -czf \
		$(RPM_DIR)/SOURCES/anyreach-cred-$(VERSION).tar.gz \
		anyreach-cred-$(VERSION)
	$(Q)rpmbuild -bb --nodeps --define "_topdir $(RPM_DIR)" \
		--define "debug_package %{nil}" \
		packaging/rpm/anyreach-cred.spec >$(RPM_DIR)/build.log 2>&1 || \
		{ tail -30 $(RPM_DIR)/build.log; exit 1; }
	@ls $(RPM_DIR)/RPMS/*/*.rpm

demo: $(PROGRAMS)
	tests/demo.sh

# One binary; each calling tool finds it under the name it looks for.
LINKS = git-credential-anyreach docker-credential-anyreach \
	anyreach-credential-helper

# anyreach-cred finds the other two at ../libexec/anyreach-cred/ from its
# own directory, so BINDIR and LIBEXECDIR stay under one PREFIX.
install: $(PROGRAMS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBEXECDIR)/anyreach-cred \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 0755 anyreach-cred $(DESTDIR)$(BINDIR)/anyreach-cred
	for p in anyreach-cred-keyring anyreach-cred-api; do \
		install -m 0755 $$p $(DESTDIR)$(LIBEXECDIR)/anyreach-cred/$$p \
		|| exit 1; \
	done
	install -m 0644 packaging/man/anyreach-cred.1 $(DESTDIR)$(MANDIR)/man1/
	for l in $(LINKS); do \
		ln -sf anyreach-cred $(DESTDIR)$(BINDIR)/$$l && \
		ln -sf anyreach-cred.1 $(DESTDIR)$(MANDIR)/man1/$$l.1 || exit 1; \
	done
	install -m 0644 packaging/completions/anyreach-cred.bash \
		$(DESTDIR)$(BASHCOMPDIR)/anyreach-cred
	install -m 0644 packaging/completions/_anyreach-cred $(DESTDIR)$(ZSHCOMPDIR)/
	install -m 0644 packaging/completions/anyreach-cred.fish $(DESTDIR)$(FISHCOMPDIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/anyreach-cred \
		$(DESTDIR)$(MANDIR)/man1/anyreach-cred.1 \
		$(DESTDIR)$(BASHCOMPDIR)/anyreach-cred \
		$(DESTDIR)$(ZSHCOMPDIR)/_anyreach-cred \
		$(DESTDIR)$(FISHCOMPDIR)/anyreach-cred.fish
	rm -rf $(DESTDIR)$(LIBEXECDIR)/anyreach-cred
	for l in $(LINKS); do \
		rm -f $(DESTDIR)$(BINDIR)/$$l $(DESTDIR)$(MANDIR)/man1/$$l.1; \
	done

C_FILES = $(wildcard helper/*.[ch] helper/api/*.[ch] protocol/*.[ch] \
	tests/unit/*.c tests/fuzz/*.[ch])
# Functions with a safer form in this tree (as curl's checksrc bans them).
BANNED = strcpy|strcat|strncat|sprintf|vsprintf|gets|atoi|atol|strtok|tmpnam|mktemp

lint: format-check cppcheck banned-check tidy man-lint

# The man page, as mandoc checks it (warnings and worse).
man-lint:
	$(Q)mandoc -T lint -W warning packaging/man/anyreach-cred.1

# clang-tidy with the checks in .clang-tidy, on the product's C files and
# the fuzz targets (the unit tests build odd buffers on purpose).
TIDY_FILES = $(filter-out tests/unit/%,$(filter %.c,$(C_FILES)))
tidy:
	$(Q)mkdir -p build; clang-tidy --quiet $(TIDY_FILES) -- \
		$(ALL_CFLAGS) >build/tidy.log 2>&1; rc=$$?; \
	grep -v "warnings* generated" build/tidy.log; exit $$rc

# libFuzzer targets over protocol/ (clang): `make fuzz FUZZ_SECONDS=600`.
FUZZ_CC      = clang
FUZZ_DIR     = build/fuzz
FUZZ_TARGETS = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_CFLAGS  = -std=c11 -D_DEFAULT_SOURCE -g -O1 -fno-omit-frame-pointer \
	       $(PKG_CFLAGS)
FUZZ_OBJ     = $(patsubst %.c,$(FUZZ_DIR)/%.o,$(PROTOCOL_SRC))
FUZZ_SECONDS ?= 60

$(FUZZ_DIR)/protocol/%.o: protocol/%.c
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) \
		-fsanitize=fuzzer-no-link,address,undefined -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	@echo "  FUZZLD  $@"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined \
		-o $@ $< $(FUZZ_OBJ) -lcjson $(CURL_LIBS)

fuzz-build: $(addprefix $(FUZZ_DIR)/,$(FUZZ_TARGETS))

fuzz: fuzz-build
	$(Q)tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

format-check:
	$(Q)clang-format --dry-run --Werror $(C_FILES)

cppcheck:
	$(Q)cppcheck -q --std=c11 --enable=warning,portability,performance \
		--error-exitcode=1 --inline-suppr -D_DEFAULT_SOURCE \
		--suppress=missingIncludeSystem $(C_FILES)

banned-check:
	@! grep -nE '\<($(BANNED))[[:space:]]*\(' $(C_FILES) || \
		{ echo "banned function used (see BANNED in Makefile)"; false; }

clean:
	rm -rf build $(PROGRAMS)

.PHONY: deb rpm man-lint all check check-valgrind bench demo install uninstall lint format-check cppcheck \
	banned-check fuzz fuzz-build clean

-include $(LIB_OBJ:.o=.d) $(patsubst %.c,$(B)/%.d,$(MAIN_SRC)) \
	$(API_OBJ:.o=.d)
