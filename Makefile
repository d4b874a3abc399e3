# Dossier: two commands do everything on a fresh Debian 12 machine.
#   make report   set up (if needed), build, render the flagship reports into out/
#   make test     set up (if needed), run all tests
SWIFT ?= swift
SHELL := /bin/bash
OUT ?= out
DOSSIER = .build/release/dossier

.PHONY: setup build report test gallery bench clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product dossier

report: build
	$(DOSSIER) build Reports/egov-gap-briefing.yaml Reports/egov-gap-briefing-en.yaml Reports/egov-slides.yaml --out $(OUT)
	@echo "Open $(OUT)/egov-gap-briefing.pdf (Chinese), $(OUT)/egov-gap-briefing-en.pdf (English) and the chart images in $(OUT)/"

gallery: build
	$(DOSSIER) build Reports/gallery.yaml Reports/gallery-slides.yaml --out $(OUT)/gallery

# Fails on any compiler warning in Dossier's own sources and tests (SwiftPM's own "prohibited flag" note about
# pkg-config's -pthread is not ours), and on imports of modules a target does not declare.
test: setup
	python3 scripts/check_imports.py
	@mkdir -p .build
	@set -o pipefail; $(SWIFT) build --build-tests 2>&1 | tee .build/test-build.log
	@if grep -E "^$(CURDIR)/(Sources|Tests)/.*: warning:" .build/test-build.log | sort -u | grep .; then \
		echo "make test: compiler warnings in Dossier's code (above); fix them" >&2; exit 1; fi
	$(SWIFT) test --skip-build

bench: setup
	$(SWIFT) build -c release --product dossier
	$(SWIFT) build -c release --product dossier-bench
	$(SWIFT) run -c release dossier-bench

clean:
	rm -rf .build $(OUT)
