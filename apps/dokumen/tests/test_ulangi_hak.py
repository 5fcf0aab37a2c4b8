"""§7: a retry of a failed document passes the rules of the transition that issued it, and a
signature is retried only by the official it was assigned to, who stays its signer."""

from __future__ import annotations

import subprocess

import pytest
from django.urls import reverse

from apps.core.workflow import jalankan_aksi
from apps.dokumen import jobs
from apps.dokumen.models import Dokumen
from apps.dokumen.services import aksi_penerbit, dokumen_terbitkan

from .conftest import PASSPHRASE

pytestmark = pytest.mark.django_db


@pytest.fixture
def rusak(monkeypatch):
    asli = jobs.render_pdf
    monkeypatch.setattr(jobs, "render_pdf", lambda html: (_ for _ in ()).throw(OSError("disk penuh")))
    return lambda: monkeypatch.setattr(jobs, "render_pdf", asli)


@pytest.fixture
def gagal_ditandatangani_kadis(client, kadis, kabid, contoh, rusak, django_capture_on_commit_callbacks):
    """The kadis signs at the TTE step; rendering fails; the document is gagal."""
    client.force_login(kadis.user)
    url = reverse("kernel_app:contohdokumen-aksi", args=[contoh.pk, "tandatangani"])
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(url, {"versi": contoh.versi, "passphrase": PASSPHRASE})
    assert r.status_code == 302
    dok = Dokumen.objects.get(jenis="surat")
    assert dok.status == "gagal" and dok.ditandatangani_oleh == kadis
    rusak()
    client.logout()
    return dok


def _ulangi(client, dok, passphrase=PASSPHRASE):
    return client.post(reverse("dokumen:dokumen-ulangi", args=[dok.pk]), {"passphrase": passphrase})


def test_the_issuing_transition_is_found(gagal_ditandatangani_kadis):
    assert aksi_penerbit(gagal_ditandatangani_kadis).nama == "tandatangani"


def test_kabid_cannot_re_sign_what_the_kadis_was_assigned(client, kabid, gagal_ditandatangani_kadis, django_capture_on_commit_callbacks):
    dok = gagal_ditandatangani_kadis
    client.force_login(kabid.user)
    with django_capture_on_commit_callbacks(execute=True):
        r = _ulangi(client, dok)
    assert r.status_code == 403
    dok.refresh_from_db()
    assert dok.status == "gagal" and not dok.berkas
    assert dok.ditandatangani_oleh.nip == "197003121995031002"  # still the kadis


def test_a_role_outside_the_transition_cannot_retry(client, pengguna, gagal_ditandatangani_kadis, django_capture_on_commit_callbacks):
    dok = gagal_ditandatangani_kadis
    client.force_login(pengguna("operator_siak"))  # acts in the process (cetak), not at the TTE step
    with django_capture_on_commit_callbacks(execute=True):
        assert _ulangi(client, dok).status_code == 403
    dok.refresh_from_db()
    assert dok.status == "gagal"


def test_the_assigned_official_re_signs_and_stays_the_signer(client, kadis, gagal_ditandatangani_kadis, django_capture_on_commit_callbacks, tmp_path):
    dok = gagal_ditandatangani_kadis
    client.force_login(kadis.user)
    with django_capture_on_commit_callbacks(execute=True):
        r = _ulangi(client, dok)
    assert r.status_code == 302
    dok.refresh_from_db()
    assert dok.status == "selesai" and dok.ditandatangani_oleh == kadis
    path = tmp_path / "ulang.pdf"
    path.write_bytes(dok.berkas.read())
    keluaran = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Bambang Sutrisno" in keluaran and "Sri Rahayu" not in keluaran
    halaman = client.get(reverse("verifikasi:detail", args=[dok.kode_verifikasi])).content.decode()
    assert "Bambang Sutrisno" in halaman


def test_the_panel_asks_only_the_assigned_official_for_the_passphrase(client, kabid, kadis, contoh, gagal_ditandatangani_kadis):
    detail = reverse("kernel_app:contohdokumen-detail", args=[contoh.pk])
    client.force_login(kabid.user)
    isi = client.get(detail).content.decode()
    assert 'name="passphrase"' not in isi and "Perlu diulang oleh Dr. Bambang Sutrisno" in isi
    client.force_login(kadis.user)
    assert 'name="passphrase"' in client.get(detail).content.decode()


def test_the_object_rule_of_the_issuing_transition_applies(client, pengguna, monkeypatch):
    """Contoh.catat: the verifikator, but not on a record named "rahasia"."""
    from tests.kernel_app.models import Contoh

    monkeypatch.setattr("apps.dokumen.services._antrekan_proses", lambda *a, **k: None)
    verifikator = pengguna("verifikator")
    objek = Contoh.objects.create(status="terverifikasi", nama="biasa")
    jalankan_aksi(objek=objek, aksi="catat", pengguna=verifikator)
    dok = dokumen_terbitkan(objek=objek, jenis="tanda_terima", oleh=verifikator)
    Dokumen.objects.filter(pk=dok.pk).update(status="gagal")
    Contoh.objects.filter(pk=objek.pk).update(nama="rahasia")
    client.force_login(verifikator)
    # "rahasia" is outside what the verifikator may act on: refused, nothing re-enqueued.
    assert client.post(reverse("dokumen:dokumen-ulangi", args=[dok.pk])).status_code in (403, 404)
    dok.refresh_from_db()
    assert dok.status == "gagal"
    Contoh.objects.filter(pk=objek.pk).update(nama="biasa")
    assert client.post(reverse("dokumen:dokumen-ulangi", args=[dok.pk])).status_code == 302
    dok.refresh_from_db()
    assert dok.status == "menunggu"
