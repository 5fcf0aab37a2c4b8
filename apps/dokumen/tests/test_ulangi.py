"""A failed job is shown as gagal on the record's page; staff re-enqueue it with the button."""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.dokumen import jobs
from apps.dokumen.models import Dokumen
from apps.dokumen.services import dokumen_tandatangani, dokumen_terbitkan

from .conftest import PASSPHRASE

pytestmark = pytest.mark.django_db


@pytest.fixture
def rusak(monkeypatch):
    """Rendering fails (a template bug, a full disk) until the fixture is undone."""
    asli = jobs.render_pdf

    def gagal(html):
        raise OSError("disk penuh")

    monkeypatch.setattr(jobs, "render_pdf", gagal)
    return lambda: monkeypatch.setattr(jobs, "render_pdf", asli)


def _detail(contoh):
    return reverse("kernel_app:contohdokumen-detail", args=[contoh.pk])


def test_a_failed_job_shows_gagal_with_a_retry_button(client, pengguna, contoh, rusak, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        dok = dokumen_terbitkan(objek=contoh, jenis="tanda_terima")
    dok.refresh_from_db()
    assert dok.status == "gagal" and "Gagal membuat dokumen" in dok.galat
    client.force_login(pengguna("operator_siak"))
    isi = client.get(_detail(contoh)).content.decode()
    assert 'data-status="gagal"' in isi and "Ulangi" in isi


def test_staff_retry_re_enqueues(client, pengguna, contoh, rusak, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        dok = dokumen_terbitkan(objek=contoh, jenis="tanda_terima")
    rusak()
    client.force_login(pengguna("operator_siak"))
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.post(reverse("dokumen:dokumen-ulangi", args=[dok.pk]), {"kembali": _detail(contoh)})
    assert resp.status_code == 302 and resp["Location"] == _detail(contoh)
    dok.refresh_from_db()
    assert dok.status == "selesai" and dok.berkas
    assert dok.urut == 1 and Dokumen.objects.count() == 1  # same document, same number


def test_retry_of_a_signature_needs_the_passphrase(client, kabid, contoh, rusak, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        dok = dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kabid, passphrase=PASSPHRASE, kirim_email=False)
    rusak()
    client.force_login(kabid.user)
    url = reverse("dokumen:dokumen-ulangi", args=[dok.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"kembali": _detail(contoh), "passphrase": "salah-salah"})
    dok.refresh_from_db()
    assert dok.status == "gagal"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"kembali": _detail(contoh), "passphrase": PASSPHRASE})
    dok.refresh_from_db()
    assert dok.status == "selesai" and dok.ditandatangani_pada


def test_it_rejects_get(client, pengguna, contoh, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr("apps.dokumen.services._antrekan_proses", lambda *a, **k: None)
    dok = dokumen_terbitkan(objek=contoh, jenis="tanda_terima")
    client.force_login(pengguna("operator_siak"))
    assert client.get(reverse("dokumen:dokumen-ulangi", args=[dok.pk])).status_code == 405


def test_it_requires_a_role_in_the_process(client, pengguna, contoh, monkeypatch):
    monkeypatch.setattr("apps.dokumen.services._antrekan_proses", lambda *a, **k: None)
    dok = dokumen_terbitkan(objek=contoh, jenis="tanda_terima")
    client.force_login(pengguna("bendahara"))
    assert client.post(reverse("dokumen:dokumen-ulangi", args=[dok.pk])).status_code == 403
    assert client.get(reverse("dokumen:dokumen-unduh", args=[dok.pk])).status_code == 403


def test_an_expired_passphrase_token_returns_the_document_to_its_official_without_retry(contoh, kabid, settings, monkeypatch, django_capture_on_commit_callbacks):
    from apps.dokumen import sandi

    monkeypatch.setattr(jobs, "buka_passphrase", lambda token, dokumen_id: (_ for _ in ()).throw(sandi.TokenKedaluwarsa("Waktu penandatanganan habis")))
    with django_capture_on_commit_callbacks(execute=True):
        dok = dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kabid, passphrase=PASSPHRASE)
    dok.refresh_from_db()
    assert dok.status == "perlu_tte_ulang" and "Waktu penandatanganan habis" in dok.galat
    assert dok.percobaan == 1 and not dok.token_tte and not dok.ditandatangani
