# The two commands a person needs: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
export QT_QPA_PLATFORM ?=

.PHONY: setup run test lint model bench bench-ui screenshot demo package clean

setup:
	@bash scripts/setup.sh

run: setup
	@$(PY) -m aktindsigt run

test: setup
	@bash scripts/test.sh

lint: setup
	$(VENV)/bin/ruff check aktindsigt tests
	$(VENV)/bin/mypy aktindsigt/core aktindsigt/store aktindsigt/ingest

model: setup
	$(PY) -m aktindsigt.training build

bench: setup
	$(PY) scripts/benchmark.py

demo: setup
	$(PY) -m aktindsigt demo

screenshot: setup
	$(PY) scripts/screenshot.py

bench-ui: setup
	$(PY) scripts/bench_ui.py

package: setup
	@$(PY) -c "import PyInstaller" 2>/dev/null || $(PY) -m pip install -q pyinstaller
	$(PY) packaging/build.py
