# LandOffice — the verbs. Every target is idempotent and runs on a fresh Debian/Ubuntu machine.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
export QT_QPA_PLATFORM := offscreen
export LC_ALL := C.UTF-8
export LANG := C.UTF-8
export PYTHONDONTWRITEBYTECODE := 1

DEMO_DIR := demo-output
DEMO_SCALE ?= small
QGIS_PROFILE_DIR ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
PLUGIN := landoffice_plugin
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)

DATACENTRE_PORT ?= 5080

.PHONY: help setup test demo package install lint bench run translations templates clean datacentre datacentre-stop

help:
	@echo "make setup         install system packages (apt), .venv and pinned Python packages"
	@echo "make test          setup, then the whole test suite headless"
	@echo "make demo          setup, generate the sample county, run the main jobs -> $(DEMO_DIR)/"
	@echo "make package       build/$(PLUGIN)-$(VERSION).zip for QGIS 'Install from ZIP'"
	@echo "make install       install the plugin into $(QGIS_PROFILE_DIR)"
	@echo "make lint          ruff"
	@echo "make bench         benchmarks (prints the machine's core count)"
	@echo "make run           QGIS desktop with the plugin and the sample project"
	@echo "make translations  refresh i18n/landoffice_zh_CN.ts from the code"
	@echo "make datacentre    county data centre on loopback (PostGIS + pygeoapi, OGC API Features) with the demo data"
	@echo "make datacentre-stop"

setup:
	@bash .ci/setup.sh
	@$(MAKE) --no-print-directory i18n/landoffice_zh_CN.qm

i18n/landoffice_zh_CN.qm: i18n/landoffice_zh_CN.ts
	@lrelease -silent $< -qm $@

test: setup
	$(PY) -m pytest

demo: setup
	@bash .ci/demo.sh "$(DEMO_DIR)" "$(DEMO_SCALE)"

package: setup
	@$(PY) .ci/package.py --out build

install: package
	@mkdir -p "$(QGIS_PROFILE_DIR)/python/plugins"
	@rm -rf "$(QGIS_PROFILE_DIR)/python/plugins/$(PLUGIN)"
	@cd "$(QGIS_PROFILE_DIR)/python/plugins" && unzip -q -o "$(CURDIR)/build/$(PLUGIN).zip"
	@echo "installed into $(QGIS_PROFILE_DIR)/python/plugins/$(PLUGIN); enable it in QGIS: Plugins > Manage and Install Plugins"

lint: setup
	$(VENV)/bin/ruff check $(PLUGIN) tests .ci
	@bash .ci/check_qt6.sh
	@bash .ci/check_py39.sh

bench: setup
	@bash .ci/bench.sh

run: setup
	@bash .ci/run_desktop.sh

translations:
	@$(PY) .ci/i18n_tool.py update
	@lrelease -silent i18n/landoffice_zh_CN.ts -qm i18n/landoffice_zh_CN.qm

templates: setup
	$(PY) -m landoffice_plugin.export.template_builder
	$(PY) -m landoffice_plugin.export.style_builder

datacentre: setup
	@[ -f $(DEMO_DIR)/sample_county.gpkg ] || { mkdir -p $(DEMO_DIR); $(PY) -m landoffice_plugin generatesample --SCALE small --OUTPUT $(DEMO_DIR)/sample_county.gpkg; }
	@bash .ci/datacentre/start.sh --port $(DATACENTRE_PORT) --gpkg $(DEMO_DIR)/sample_county.gpkg --accounts .ci/datacentre/accounts.example.toml

datacentre-stop:
	@bash .ci/datacentre/stop.sh --port $(DATACENTRE_PORT)

clean:
	rm -rf build $(DEMO_DIR) bench-output .qgis-settings i18n/*.qm
