"""Bulk TTE of 100 files through a real Celery worker (2 processes, Redis, PostgreSQL, aiosmtpd):
every document validly signed (pdfsig) and emailed exactly once, also when the batch's message is
delivered again."""

from __future__ import annotations

import time
from collections import Counter

import pytest
from django.db import transaction

from apps.dokumen import massal, tasks
from apps.dokumen.models import Dokumen, ItemTTEMassal, TTEMassal

from .conftest import PASSPHRASE
from .test_contoh import pdfsig_sah

pytestmark = [pytest.mark.layanan, pytest.mark.django_db(transaction=True)]

JUMLAH = 100


def _tunggu(syarat, batas, pesan):
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        if syarat():
            return
        time.sleep(0.5)
    raise AssertionError(pesan())


def test_a_batch_of_100_files_is_signed_and_emailed_exactly_once(settings, server_smtp, worker_celery, kabid):
    from tests.kernel_app.models import ContohDokumen

    server_smtp.pakai_di(settings)
    worker = worker_celery(konkuren=2, antrean_sendiri=True)
    daftar = [ContohDokumen.objects.create(email=f"warga{i:03d}@contoh.id") for i in range(JUMLAH)]

    mulai = time.monotonic()
    with transaction.atomic():
        batch = massal.tte_massal_mulai(
            pengguna=kabid.user, pilihan=[massal.kunci_pilihan(ContohDokumen, o.pk) for o in daftar], passphrase=PASSPHRASE
        )
    _tunggu(lambda: massal.tte_massal_hitung(batch)["ditandatangani"] == JUMLAH, 300,
            lambda: f"{massal.tte_massal_hitung(batch)}\n{worker.log.read_text()[-3000:]}")
    lama = time.monotonic() - mulai
    _tunggu(lambda: len(server_smtp.pesan) >= JUMLAH, 120, lambda: f"{len(server_smtp.pesan)} email")
    # The batch delivered again, and every document's jobs too: nothing is signed or sent twice.
    tasks.tte_massal_jalankan.delay(batch.pk)
    for pk in Dokumen.objects.values_list("pk", flat=True):
        tasks.proses_dokumen.delay(pk)
        tasks.kirim_email_dokumen.delay(pk)
    worker.tunggu_kosong(120)
    time.sleep(1)

    batch.refresh_from_db()
    h = massal.tte_massal_hitung(batch)
    print(f"\nTTE massal {JUMLAH} berkas, 2 proses worker: {lama:.1f} s = {JUMLAH / lama:.1f} dokumen/detik; "
          f"hitungan {h}; email {len(server_smtp.pesan)}")
    assert batch.status == TTEMassal.Status.SELESAI and batch.token == ""
    assert (h["ditandatangani"], h["gagal"], h["sisa"], h["terkirim"]) == (JUMLAH, 0, 0, JUMLAH)
    assert set(batch.item.values_list("status", flat=True)) == {ItemTTEMassal.Status.DIPROSES}
    dokumen = list(Dokumen.objects.filter(perlu_tte=True))
    assert len(dokumen) == JUMLAH and {d.percobaan for d in dokumen} == {1}
    assert all(pdfsig_sah(d.berkas.path) for d in dokumen)
    per_penerima = Counter(r for m in server_smtp.pesan for r in m.penerima)
    assert len(per_penerima) == JUMLAH and set(per_penerima.values()) == {1}
    assert PASSPHRASE not in worker.log.read_text()
