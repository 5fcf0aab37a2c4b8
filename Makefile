# Portal Dispendukcapil Kota Pasuruan — one command to run, one to test (README.md).
#
#   make run     Debian packages + .venv + migrate + demo data, then http://127.0.0.1:8000
#   make test    Debian packages + .venv, then the whole suite with pytest
#   make lint    ruff
#   make bench   the benchmark commands that exist (bench_register, bench_dokumen, bench_indeks, bench_halaman)
#
# Every step is skipped when already done, so a second run starts in seconds and keeps var/.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
# Installed by name from Debian: WeasyPrint's text shaping, pdfsig/pdftoppm, the browser of the
# end-to-end tests and a font with Indonesian glyphs for the PDFs.
PAKET_DEBIAN := libharfbuzz-subset0 poppler-utils chromium fonts-dejavu-core faketime
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# The venv remembers which requirements files it was installed from (by content, not by date).
# A development machine gets the test tools too (requirements-dev.txt); the image only requirements.txt.
CAP_VENV := $(VENV)/.requirements.sha256
HOST ?= 127.0.0.1
PORT ?= 8000
# Links that leave the portal (QR codes, receipts, emails) point where `make run` serves it:
# `PORT=8100 make run` issues documents for :8100. An explicit SITE_URL (environment, command line
# or .env) wins.
SITE_HOST := $(if $(filter 0.0.0.0 ::,$(HOST)),127.0.0.1,$(HOST))
SITE_URL_ENV := $(shell sed -n 's/^SITE_URL=//p' .env 2>/dev/null | tail -n1)
SITE_URL ?= $(or $(SITE_URL_ENV),http://$(SITE_HOST):$(PORT))
PYTEST_ARGS ?=

.PHONY: run test test-tahun-depan lint bench siap paket venv migrasi demo

run: siap migrasi demo
	@echo "Portal berjalan di http://$(HOST):$(PORT)/  (email: var/email/, basis data: var/dukcapil.sqlite3; Ctrl-C untuk berhenti)"
	SITE_URL=$(SITE_URL) $(PY) manage.py runserver $(HOST):$(PORT)

test: siap
	$(PY) -m pytest $(PYTEST_ARGS)

# The suite must not depend on the calendar: the tests without browser, services or fault injection
# run again with the process clock a year ahead (libfaketime), on SQLite with eager tasks.
test-tahun-depan: siap
	env -u DATABASE_URL -u CELERY_BROKER_URL -u CI faketime -f '+365d' \
	  $(PY) -m pytest -p no:cacheprovider -q -m "not browser and not gangguan and not layanan" $(PYTEST_ARGS)

lint: venv
	$(PY) -m ruff check .

bench: siap migrasi
	@perintah=$$($(PY) manage.py help --commands); \
	ada=0; \
	for b in bench_register bench_dokumen bench_indeks bench_halaman; do \
	  if grep -qx "$$b" <<<"$$perintah"; then ada=1; echo "== $$b"; $(PY) manage.py $$b; \
	  else echo "== $$b belum ada, dilewati"; fi; \
	done; \
	[ $$ada = 1 ] || echo "Belum ada perintah benchmark."

siap: paket venv

# Ask apt only for what is missing: a machine that has everything never touches the network.
paket:
	@kurang=""; \
	for p in $(PAKET_DEBIAN); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" || kurang="$$kurang $$p"; \
	done; \
	if [ -n "$$kurang" ]; then \
	  echo "Memasang paket Debian:$$kurang"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$kurang; \
	fi

venv:
	@if [ ! -x $(PY) ]; then echo "Membuat $(VENV) dengan $(PYTHON)"; $(PYTHON) -m venv $(VENV); fi
	@baru=$$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1); \
	if [ "$$(cat $(CAP_VENV) 2>/dev/null)" != "$$baru" ]; then \
	  echo "Memasang requirements-dev.txt ke $(VENV)"; \
	  $(PY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt; \
	  echo "$$baru" > $(CAP_VENV); \
	fi

migrasi: siap
	$(PY) manage.py migrate --noinput

demo: migrasi
	@SITE_URL=$(SITE_URL) $(PY) manage.py siapkan_demo || echo "PERINGATAN: sebagian data demo gagal dibuat (lihat pesan di atas); portal tetap dijalankan."
