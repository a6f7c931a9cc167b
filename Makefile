# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test venv eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	# torch first: 2.13.0 is the CPU build on this disk; anything else pulls a CUDA build.
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test,ray,html,packs]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/mt demo --force  # the demo report is regenerated on every run

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python eval/run_all.py
	$(BIN)/python eval/align_heldout.py

bench: $(STAMP)
	$(BIN)/python eval/bench/translate_bench.py
	$(BIN)/python eval/bench/align_bench.py
	$(BIN)/python eval/bench/check_bench.py
	$(BIN)/python eval/bench/e2e_bench.py

clean:
	rm -rf $(VENV) .pytest_cache
