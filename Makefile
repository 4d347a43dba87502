# sckg — every target does its own set-up: a fresh clone needs only Python 3.11.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
BIND   ?= 127.0.0.1:7878

.DEFAULT_GOAL := help
.PHONY: help setup test build serve docs bench soak second-engine eval-real model bench-ner clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,docs]'
	@rm -f $(VENV)/.installed-* && touch $@

setup: $(STAMP) ## create .venv and install sckg with its pinned dependencies

test: $(STAMP) ## run the whole test suite and the quality checks
	$(BIN)/python -m pytest -q

build: $(STAMP) ## build data/sckg.trig and the Oxigraph store in data/store
	$(BIN)/sckg build

serve: build ## build, then serve the SPARQL endpoint on http://$(BIND)/query
	$(BIN)/sckg serve --bind $(BIND)

docs: $(STAMP) ## generate the ontology documentation into docs/
	$(BIN)/sckg docs --out docs

eval-real: $(STAMP) ## build corpus/real/ and corpus/heldout/ (real articles, not in git) and score the articles pulled against tests/gold/
	@scored=0; for set in real heldout; do \
	  if ! ls corpus/$$set/*.txt >/dev/null 2>&1; then \
	    echo "corpus/$$set/ holds no articles: pull those listed in tests/gold/$$set/sources.json (see tests/gold/README.md)" >&2; continue; fi; \
	  mkdir -p build/$$set && $(BIN)/sckg build --seeds corpus/$$set --out build/$$set/sckg.trig --store build/$$set/store --quiet 2>build/$$set.log || test $$? -eq 4 || { cat build/$$set.log >&2; exit 1; }; \
	  echo "corpus/$$set/: $$(ls corpus/$$set/*.txt | wc -l) of the articles of tests/gold/$$set/sources.json pulled, and scored" >&2; \
	  $(BIN)/sckg eval tests/gold/$$set --data build/$$set/sckg.trig --articles corpus/$$set --brief || exit 1; \
	  scored=$$((scored + 1)); \
	done; test $$scored -gt 0 || exit 2

bench: $(STAMP) ## run the benchmarks (slow); results in benchmarks/RESULTS.md
	$(BIN)/python benchmarks/run.py

model: $(STAMP) ## train the entity recogniser from ../shared/corpora (or SCKG_CORPORA) into src/sckg/data/
	$(BIN)/python -m sckg.extract.ner_train

bench-ner: $(STAMP) ## score the entity recogniser on the public NER test sets; results in benchmarks/results/ner.md
	$(BIN)/python benchmarks/ner/bench.py

soak: $(STAMP) ## the long reliability tests (1,000 mutated articles, 32 clients for 60 s, kills)
	$(BIN)/python -m pytest -q -m soak

second-engine: $(STAMP) ## load the dump into Virtuoso (Debian) and check the queries/ suite there
	$(BIN)/python benchmarks/second_engine.py

clean: ## remove generated files (keeps the committed data/sckg.trig)
	rm -rf $(VENV) data/store .pytest_cache build src/*.egg-info
