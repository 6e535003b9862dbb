# Two entry points, both self-contained on a machine with only Python >= 3.11 and make:
#   make demo   installs into .venv and runs the main job on the embedded default
#   make test   installs into .venv and runs the whole test suite (CI runs exactly this)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/rne-match demo

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run.py

# A long random run of the property-based tier (make test runs it bounded and seeded).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest -q -m fuzz -p no:cacheprovider

bench-hostile: $(STAMP)
	$(BIN)/python bench/hostile.py

bench-review: $(STAMP)
	$(BIN)/python bench/review.py

# Rebuild the territorial reference shipped in the package from the etalab COG files (../shared/cog).
cog: $(STAMP)
	$(BIN)/python -m rne_match.devtools.cog ../shared/cog

.PHONY: install demo test fuzz bench bench-hostile bench-review cog
