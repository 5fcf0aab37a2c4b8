"""Through a real Celery worker (Redis broker, PostgreSQL, aiosmtpd): the signed PDF reaches the
applicant exactly once, attached, even when the jobs are delivered twice."""

from __future__ import annotations

import time

import pytest
from django.db import transaction

from apps.dokumen import tasks
from apps.dokumen.models import Dokumen
from apps.dokumen.services import dokumen_tandatangani

from .conftest import PASSPHRASE

pytestmark = [pytest.mark.layanan, pytest.mark.django_db(transaction=True)]


def _tunggu(syarat, batas=60.0, pesan=""):
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        if syarat():
            return
        time.sleep(0.2)
    raise AssertionError(pesan or "waktu habis")


def test_signed_pdf_arrives_exactly_once(settings, server_smtp, worker_celery, kabid, contoh):
    server_smtp.pakai_di(settings)
    worker = worker_celery()

    with transaction.atomic():
        dokumen = dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kabid, passphrase=PASSPHRASE)
    # The same jobs delivered again (a broker redelivery, a double click, a retry).
    tasks.kirim_email_dokumen.delay(dokumen.pk)
    _tunggu(lambda: Dokumen.objects.get(pk=dokumen.pk).email_terkirim_pada is not None,
            pesan=f"email belum terkirim:\n{worker.log.read_text()[-3000:]}")
    tasks.proses_dokumen.delay(dokumen.pk)
    tasks.kirim_email_dokumen.delay(dokumen.pk)
    tasks.kirim_email_dokumen.delay(dokumen.pk)
    worker.tunggu_kosong()
    time.sleep(0.5)

    dokumen.refresh_from_db()
    assert dokumen.status == "selesai" and dokumen.ditandatangani_pada
    assert dokumen.percobaan == 1  # rendered and signed once
    assert len(server_smtp.pesan) == 1, [m["Subject"] for m in server_smtp.pesan]
    pesan = server_smtp.pesan[0]
    assert pesan.penerima == ["siti@contoh.id"]
    lampiran = [b for b in pesan.iter_attachments() if b.get_content_type() == "application/pdf"]
    assert len(lampiran) == 1
    with dokumen.berkas.open("rb") as f:
        assert lampiran[0].get_content() == f.read()
    assert PASSPHRASE not in worker.log.read_text()  # never in clear in the worker (nor its broker)
