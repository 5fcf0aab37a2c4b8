"""The database is the queue of record: a lost publish, an expired lease, an expired passphrase
and a failed email all end in a finished job or a visible state staff can act on."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from apps.dokumen import jobs
from apps.dokumen.models import Dokumen
from apps.dokumen.services import dokumen_tandatangani, dokumen_terbitkan

from .conftest import PASSPHRASE

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_mati():
    """The broker is a port where nothing listens (a real refused connection, not a mock).
    Returns a function that brings the broker "back" (eager tasks again)."""
    from conftest import port_bebas
    from dukcapil.celery import app

    from .gangguan import ganti_broker

    lama = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager = False
    ganti_broker(f"redis://127.0.0.1:{port_bebas()}/0")

    def pulih():
        app.conf.task_always_eager = lama[0]
        ganti_broker(lama[1])

    yield pulih
    pulih()


def _detail(contoh):
    return reverse("kernel_app:contohdokumen-detail", args=[contoh.pk])


def test_a_broker_down_keeps_the_request_and_shows_menunggu_antrean_kerja(client, contoh, kabid, broker_mati, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        dok = dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kabid, passphrase=PASSPHRASE)
    dok.refresh_from_db()
    assert dok.status == "menunggu" and dok.diantrekan_pada is None and dok.token_tte
    client.force_login(kabid.user)
    isi = client.get(_detail(contoh)).content.decode()
    assert "menunggu antrean kerja" in isi
    assert 'data-tte="belum"' in isi and "Belum ditandatangani" in isi  # not shown as signed


def test_the_sweeper_publishes_a_job_the_broker_never_got_after_the_grace(contoh, kabid, broker_mati, django_capture_on_commit_callbacks, time_machine):
    with django_capture_on_commit_callbacks(execute=True):
        dok = dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kabid, passphrase=PASSPHRASE)
    assert jobs.sapu_pekerjaan()["dokumen"] == 0  # inside the grace
    broker_mati()
    time_machine.move_to(timezone.now() + timedelta(seconds=31))
    assert jobs.sapu_pekerjaan()["dokumen"] == 1
    dok.refresh_from_db()
    assert dok.status == "selesai" and dok.ditandatangani and not dok.token_tte
    assert dok.diantrekan_pada is not None


def test_the_sweeper_requeues_an_expired_lease_and_leaves_a_live_one(contoh, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr("apps.dokumen.services._antrekan_proses", lambda *a, **k: None)
    hidup = dokumen_terbitkan(objek=contoh, jenis="tanda_terima")
    mati = dokumen_terbitkan(objek=contoh, jenis="tanda_terima")
    sekarang = timezone.now()
    Dokumen.objects.filter(pk=hidup.pk).update(status="diproses", klaim="a", klaim_pada=sekarang, diantrekan_pada=sekarang)
    Dokumen.objects.filter(pk=mati.pk).update(status="diproses", klaim="b", klaim_pada=sekarang - timedelta(seconds=121),
                                              diantrekan_pada=sekarang - timedelta(seconds=121))
    hasil = jobs.sapu_pekerjaan()
    assert hasil["dokumen"] == 1
    assert Dokumen.objects.get(pk=mati.pk).status == "selesai"
    assert Dokumen.objects.get(pk=hidup.pk).status == "diproses"
    assert jobs.sapu_pekerjaan()["dokumen"] == 0  # idempotent: nothing left to do


def test_a_duplicate_delivery_of_a_leased_job_does_nothing(contoh, monkeypatch):
    monkeypatch.setattr("apps.dokumen.services._antrekan_proses", lambda *a, **k: None)
    dok = dokumen_terbitkan(objek=contoh, jenis="tanda_terima")
    Dokumen.objects.filter(pk=dok.pk).update(status="diproses", klaim="a", klaim_pada=timezone.now())
    assert jobs.proses_dokumen(dok.pk) == "diproses"
    assert Dokumen.objects.get(pk=dok.pk).klaim == "a"


def test_an_expired_passphrase_goes_back_to_the_official_who_signs_the_same_document(
    client, contoh, kabid, settings, broker_mati, django_capture_on_commit_callbacks, time_machine
):
    with django_capture_on_commit_callbacks(execute=True):
        dok = dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kabid, passphrase=PASSPHRASE)
    broker_mati()
    time_machine.move_to(timezone.now() + timedelta(seconds=settings.TTE_PASSPHRASE_TTL + 60))
    jobs.sapu_pekerjaan()
    dok.refresh_from_db()
    assert dok.status == "perlu_tte_ulang" and "Pejabat perlu menandatangani ulang" in dok.galat
    client.force_login(kabid.user)
    isi = client.get(_detail(contoh)).content.decode()
    assert "perlu TTE ulang" in isi and 'data-tte="perlu-tte-ulang"' in isi and "TTE ulang" in isi
    # Back in the official's queue: the home page lists it with the reason and a link to the record.
    beranda = client.get(reverse("akun:beranda")).content.decode()
    assert 'id="perlu-tte-ulang"' in beranda and dok.nomor in beranda and _detail(contoh) in beranda
    # Signing again (the TTE action or the panel) signs this document: same row, same number.
    with django_capture_on_commit_callbacks(execute=True):
        lagi = dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kabid, passphrase=PASSPHRASE)
    assert lagi.pk == dok.pk and Dokumen.objects.count() == 1
    lagi.refresh_from_db()
    assert lagi.status == "selesai" and lagi.ditandatangani and lagi.nomor == dok.nomor


def test_the_email_carries_a_message_id_from_document_and_recipient(contoh, kabid, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        dok = dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kabid, passphrase=PASSPHRASE)
    dok.refresh_from_db()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["Message-ID"] == jobs.message_id_dokumen(dok, "siti@contoh.id")
    assert jobs.message_id_dokumen(dok, "Siti@Contoh.id ") == jobs.message_id_dokumen(dok, "siti@contoh.id")
    assert jobs.message_id_dokumen(dok, "lain@contoh.id") != jobs.message_id_dokumen(dok, "siti@contoh.id")


def test_a_failed_email_shows_its_reason_and_staff_resend_it(client, contoh, kabid, settings, django_capture_on_commit_callbacks):
    from conftest import port_bebas

    # A real refused SMTP connection; the job's retries run at once in eager mode and give up.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port_bebas()
    with django_capture_on_commit_callbacks(execute=True):
        dok = dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kabid, passphrase=PASSPHRASE)
    dok.refresh_from_db()
    assert dok.siap and dok.email_status == "gagal" and "ConnectionRefusedError" in dok.email_galat
    assert jobs.sapu_pekerjaan()["email"] == 0  # given up: left for staff, not retried for ever
    client.force_login(kabid.user)
    isi = client.get(_detail(contoh)).content.decode()
    assert 'data-email="gagal"' in isi and "ConnectionRefusedError" in isi and "Kirim ulang email" in isi

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.post(reverse("dokumen:dokumen-ulangi", args=[dok.pk]), {"kembali": _detail(contoh)})
    assert resp.status_code == 302
    dok.refresh_from_db()
    assert dok.email_status == "terkirim" and len(mail.outbox) == 1


def test_the_nightly_clean_up_removes_only_old_pdf_files_no_document_names(contoh, settings, django_capture_on_commit_callbacks):
    import os
    import time
    from pathlib import Path

    with django_capture_on_commit_callbacks(execute=True):
        dok = dokumen_terbitkan(objek=contoh, jenis="tanda_terima")
    dok.refresh_from_db()
    folder = Path(settings.MEDIA_ROOT) / "dokumen" / str(timezone.localdate().year) / "tanda_terima"
    folder.mkdir(parents=True, exist_ok=True)
    tua, muda = folder / "yatim-tua.pdf", folder / "yatim-muda.pdf"
    for p in (tua, muda):
        p.write_bytes(b"%PDF-1.7")
    dua_hari = time.time() - 2 * 86400
    # Ages by the process clock, not the file system's, so the test holds with the clock moved (faketime).
    os.utime(muda, (time.time(), time.time()))
    os.utime(tua, (dua_hari, dua_hari))
    os.utime(dok.berkas.path, (dua_hari, dua_hari))
    assert jobs.bersihkan_pdf_yatim() == 1
    assert not tua.exists() and muda.exists() and Path(dok.berkas.path).exists()


def test_ulangi_publishes_again_a_waiting_signing_job_whose_message_was_lost(client, contoh, kabid, monkeypatch, django_capture_on_commit_callbacks):
    # Published once (diantrekan_pada set), then the message was lost (Redis restarted empty).
    monkeypatch.setattr("apps.dokumen.services._antrekan_proses", lambda pk: Dokumen.objects.filter(pk=pk).update(diantrekan_pada=timezone.now()))
    dok = dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kabid, passphrase=PASSPHRASE, kirim_email=False)
    monkeypatch.undo()
    client.force_login(kabid.user)
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.post(reverse("dokumen:dokumen-ulangi", args=[dok.pk]), {"kembali": _detail(contoh)})
    assert resp.status_code == 302
    dok.refresh_from_db()
    assert dok.status == "selesai" and dok.ditandatangani and Dokumen.objects.count() == 1
