# Dossier: two commands do everything on a fresh Debian 12 machine.
#   make report   set up (if needed), build, render the flagship reports into out/
#   make test     set up (if needed), run all tests
SWIFT ?= swift
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

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: setup
	$(SWIFT) build -c release --product dossier
	$(SWIFT) build -c release --product dossier-bench
	$(SWIFT) run -c release dossier-bench

clean:
	rm -rf .build $(OUT)
