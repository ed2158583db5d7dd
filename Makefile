# make demo   create .venv if missing, then analyze the dev and seed articles into
#             claimmap.db (claims, derived figures, conflicts), write report.html
#             and print the summary. A rerun stores nothing new.
# make test   create .venv if missing, then run ruff (check, format), mypy and pytest.
#             The store tests start a throwaway PostgreSQL server where one is installed
#             (apt-get install postgresql); .ci/run installs it.
# make bench  create .venv if missing, then time extraction and area measurement
#             (benchmarks/README.md).
#
# CLAIMMAP_DATA names the shared data folder (default ../shared/data, beside the
# checkout): make demo CLAIMMAP_DATA=/path/to/data
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
CLAIMMAP_DATA ?= ../shared/data
export CLAIMMAP_DATA

.PHONY: demo test bench

# The stamp is newer than pyproject.toml once installed, so later runs skip this.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/claimmap analyze $(CLAIMMAP_DATA)/articles/dev.jsonl \
		$(CLAIMMAP_DATA)/articles/seed.jsonl --db claimmap.db --report report.html \
		--maps $(CLAIMMAP_DATA)/geo/control --regions $(CLAIMMAP_DATA)/geo/admin.geojson

test: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -q

bench: $(STAMP)
	$(VENV)/bin/python benchmarks/extract_speed.py
	$(VENV)/bin/python benchmarks/areas_speed.py
