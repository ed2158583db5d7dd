# make demo: create .venv, install claimmap, run the main job on the dev articles.
# make test: create .venv, install claimmap, run ruff, mypy and the test suite.
# CLAIMMAP_DATA names the shared data folder (default: ../shared/data).
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
CLAIMMAP_DATA ?= ../shared/data

.PHONY: demo test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/python -c "import json,sys,datetime as d; from claimmap import extract_claims; [print(json.dumps(c.to_record(), ensure_ascii=False)) for f in sys.argv[1:] for r in map(json.loads, open(f, encoding='utf-8')) for c in extract_claims(r['text'], d.date.fromisoformat(r['published']), article_id=r['id'])]" $(CLAIMMAP_DATA)/articles/dev.jsonl $(CLAIMMAP_DATA)/articles/seed.jsonl

test: $(STAMP)
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -q
