"""Bulk TTE in a real browser: the kabid selects every file waiting for their TTE ("pilih semua"),
types the passphrase once, and watches the progress bar (htmx polling) reach the end."""

import threading

import pytest
from django.db import connection

from apps.dokumen import massal
from apps.dokumen.models import TTEMassal
from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci, kabid  # noqa: F401
from tests.conftest import masuk
from tests.kernel_app.models import ContohDokumen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_official_watches_a_bulk_tte_finish(halaman, kabid, monkeypatch):  # noqa: F811
    # The batch's job is run by the test below (not inside the POST), so the page is seen while it
    # still has files left and the bar is watched moving to the end.
    monkeypatch.setattr("apps.dokumen.massal.antrekan", lambda batch_id: False)
    daftar = [ContohDokumen.objects.create(email=f"warga{i}@contoh.id") for i in range(3)]
    masuk(halaman, "kabid")
    halaman.goto("/dokumen/tte-massal/")
    for o in daftar:
        assert halaman.is_visible(f"text={o.kode_lacak}")
    halaman.check("input.pilih-semua")
    assert halaman.inner_text("#jumlah-dipilih") == "3"
    halaman.fill("#id_passphrase", PASSPHRASE)
    halaman.langkah("dipilih")
    halaman.click("button[name=cakup][value=pilihan]")
    halaman.wait_for_selector("#kemajuan-tte")
    batch = TTEMassal.objects.get()
    assert halaman.inner_text("#n-sisa") == "3"
    assert halaman.get_attribute("#bilah-tte", "value") == "0"
    halaman.langkah("menunggu")

    # The worker's part, in a thread of its own: pyHanko runs its own event loop, and Playwright's
    # loop runs in this one.
    hasil = []
    kerja = threading.Thread(target=lambda: (hasil.append(massal.tte_massal_jalankan(batch.pk)), connection.close()))
    kerja.start()
    kerja.join(120)
    assert hasil == ["selesai"]

    halaman.wait_for_selector("#tte-selesai", timeout=30000)
    halaman.langkah("selesai")
    assert halaman.inner_text("#n-ditandatangani") == "3"
    assert halaman.inner_text("#n-gagal") == "0" and halaman.inner_text("#n-sisa") == "0"
    assert halaman.get_attribute("#bilah-tte", "value") == "3"
    assert halaman.get_attribute("#kemajuan-tte", "hx-trigger") is None  # polling stopped
    for o in daftar:
        o.refresh_from_db()
        assert o.status == "ditandatangani"
