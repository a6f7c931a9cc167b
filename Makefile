# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
WORDLISTS := /usr/share/dict/ngerman /usr/share/dict/american-english /usr/share/dict/french

.PHONY: demo test venv wordlists eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	# torch first: 2.13.0 is the CPU build on this disk; anything else pulls a CUDA build.
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test,ray,html,packs]'
	touch $(STAMP)

venv: $(STAMP) wordlists

# The names check reads Debian's word lists at run time (a capitalised German word that no list holds may be a
# name); without them German and English name findings are fewer and less sure. Installed where apt can, else a warning.
wordlists:
	@for f in $(WORDLISTS); do test -e $$f || missing=1; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian's word lists (wngerman wamerican wfrench) for the names check" >&2; \
	  ( apt-get update -qq && apt-get install -y -qq wngerman wamerican wfrench >/dev/null ) || true; \
	  for f in $(WORDLISTS); do test -e $$f || echo "warning: $$f is missing (as root: apt-get install wngerman wamerican wfrench); mt check then reports entities as partial" >&2; done; \
	fi

demo: $(STAMP) wordlists
	$(BIN)/mt demo --force  # the demo report is regenerated on every run

test: $(STAMP) wordlists
	$(BIN)/python -m pytest -q

eval: $(STAMP) wordlists
	$(BIN)/python eval/run_all.py
	$(BIN)/python eval/align_heldout.py

bench: $(STAMP)
	$(BIN)/python eval/bench/translate_bench.py
	$(BIN)/python eval/bench/align_bench.py
	$(BIN)/python eval/bench/check_bench.py
	$(BIN)/python eval/bench/e2e_bench.py

clean:
	rm -rf $(VENV) .pytest_cache
