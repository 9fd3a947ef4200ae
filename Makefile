# vanban: `make run` and `make test` set up everything they need on a fresh machine.
VENV    ?= .venv
PYTHON  ?= python3
BIN      = $(VENV)/bin
STAMP    = $(VENV)/.installed
OUT     ?= out
# Debian packages: Tesseract with Vietnamese data for scans, a Vietnamese TrueType font
# for the test helpers that print PDFs, Graphviz for the report's citation graph,
# Chromium for the test that looks at the report as a person would, and LibreOffice's
# headless Writer for old Word .doc files.
SYSTEM_PACKAGES = tesseract-ocr tesseract-ocr-vie fonts-dejavu-core graphviz chromium \
	libreoffice-writer-nogui

.PHONY: run test eval bench lint samples system clean

run: $(STAMP)
	$(BIN)/vanban run samples/inbox --out $(OUT)
	@echo "results: $(OUT)/records.jsonl, $(OUT)/derived/, $(OUT)/audit.xlsx, $(OUT)/report/index.html, $(OUT)/vanban.sqlite"

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python -m pipeline.evaluate --gold samples/gold --inbox samples/inbox --out $(OUT)/eval --floors samples/floors.json

bench: $(STAMP)
	$(BIN)/python -m tests.bench

lint: $(STAMP)
	$(BIN)/python -m ruff check pipeline tests tools

# Regenerate the format variants of the gold documents (committed under samples/inbox/variants).
samples: $(STAMP)
	rm -rf samples/inbox/variants
	$(BIN)/python -m tests.variants samples/inbox/variants samples/inbox/*.txt \
		--scan 004_4454b9fc8f55b7a4 --scan d1d_thpt-cualo-kh-duoinuoc-2024 > /dev/null

system:
	@missing=""; \
	command -v tesseract >/dev/null 2>&1 || missing="$(SYSTEM_PACKAGES)"; \
	if command -v tesseract >/dev/null 2>&1 && ! tesseract --list-langs 2>/dev/null | grep -qx vie; then missing="$(SYSTEM_PACKAGES)"; fi; \
	[ -e /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || missing="$(SYSTEM_PACKAGES)"; \
	command -v dot >/dev/null 2>&1 || missing="$(SYSTEM_PACKAGES)"; \
	command -v chromium >/dev/null 2>&1 || missing="$(SYSTEM_PACKAGES)"; \
	command -v soffice >/dev/null 2>&1 || missing="$(SYSTEM_PACKAGES)"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing system packages: $$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		elif command -v sudo >/dev/null 2>&1; then \
			sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "please install: $$missing (Debian/Ubuntu: apt-get install $$missing)"; exit 1; \
		fi; \
	fi

$(STAMP): pyproject.toml
	$(MAKE) system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(OUT) .pytest_cache
