# Two commands: `make run` and `make test`. Both build .venv from .python-version.
PYTHON_VERSION := $(shell cat .python-version)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
UV := uv==0.13.9

.PHONY: run run-headless test bench lint venv bytecode clean system-deps pdf-deps

$(PY):
	@py=$$(command -v python$(PYTHON_VERSION) || true); \
	if [ -z "$$py" ] && command -v pyenv >/dev/null 2>&1; then \
		py=$$(pyenv root)/versions/$$(pyenv latest $(PYTHON_VERSION) 2>/dev/null)/bin/python; \
		[ -x "$$py" ] || { pyenv install -s $(PYTHON_VERSION) && py=$$(pyenv root)/versions/$$(pyenv latest $(PYTHON_VERSION))/bin/python; }; \
	fi; \
	if [ -z "$$py" ] || ! [ -x "$$py" ]; then echo "Python $(PYTHON_VERSION) not found: install it (pyenv install $(PYTHON_VERSION)) and retry." >&2; exit 1; fi; \
	echo "Creating $(VENV) with $$py"; \
	"$$py" -m venv $(VENV)

# uv installs the same packages as pip in seconds where pip takes a minute (downloads in
# parallel); pip does it alone if uv cannot be had. Both write the packages' bytecode now, as pip
# does by default and uv only when asked: where PYTHONDONTWRITEBYTECODE is set (our machines, CI)
# nothing writes it later, and every process the tests start would compile some 1,300 modules
# again (4 s each: a runner restarting after a crash, each test worker, each server).
$(STAMP): $(PY) pyproject.toml
	@$(PY) -m pip install --quiet $(UV) && $(VENV)/bin/uv pip install --quiet --compile-bytecode --python $(PY) -e '.[dev]' \
		|| { echo "uv unavailable: installing with pip (about a minute)"; \
		     $(PY) -m pip install --quiet --upgrade pip && $(PY) -m pip install --quiet -e '.[dev]'; }
	@touch $(STAMP)

venv: $(STAMP)

# Uproar's own modules compiled too (a second; only what changed), for the same reason.
bytecode: $(STAMP)
	@$(PY) -m compileall -q -j 0 uproar model agents network scenarios benchmarks store app report calibration

run: bytecode pdf-deps
	$(VENV)/bin/uproar console

run-headless: bytecode
	$(VENV)/bin/uproar run fr-usine-chimique

# System packages the tests need, installed only when missing: Debian's Chromium for the
# browser tests (driven by Playwright; never `playwright install`), emoji fonts for its
# screenshots, Pango for WeasyPrint's PDFs, poppler-utils to render those PDFs to PNG.
system-deps:
	@command -v chromium >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 \
		&& [ -d /usr/share/fonts/truetype/noto ] && ldconfig -p | grep -q libpango-1.0 || { \
		echo "Installing chromium, fonts-noto-color-emoji, libpango-1.0-0 and poppler-utils (apt)"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium fonts-noto-color-emoji \
			libpango-1.0-0 libpangoft2-1.0-0 poppler-utils >/dev/null; }

# Pango, which WeasyPrint needs for the debrief PDF (the console's download button).
pdf-deps:
	@ldconfig -p | grep -q libpango-1.0 || { \
		echo "Installing libpango-1.0-0 for PDF reports (apt)"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

# One pytest worker per core (pytest-xdist): the tests are single-threaded. On the 2-core machines
# we use the suite takes about 8 minutes on both cores, more when the machine's neighbours take
# part of it (three workers: slower, module fixtures computed three times). Every test that stores
# makes its own SQLite file or PostgreSQL database and every server its own free port, so workers
# never meet.
test: bytecode system-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/python -m pytest -q -n auto --dist worksteal

bench: $(STAMP)
	$(VENV)/bin/uproar bench --agents 100000
	$(VENV)/bin/uproar bench --agents 1000000
	$(VENV)/bin/uproar bench --store

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) build *.egg-info
