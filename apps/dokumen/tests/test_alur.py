"""The TTE → cetak tail end to end in eager mode, through the kernel's action view."""

from __future__ import annotations

import subprocess

import pytest
from django.core import mail
from django.urls import reverse

from apps.core.models import AksesBerkas, RiwayatStatus
from apps.dokumen.models import Dokumen

from .conftest import PASSPHRASE

pytestmark = pytest.mark.django_db


def _tandatangani(client, objek, passphrase):
    url = reverse("kernel_app:contohdokumen-aksi", args=[objek.pk, "tandatangani"])
    return client.post(url, {"versi": objek.versi, "passphrase": passphrase, "catatan": ""})


def test_it_signs_and_mails_the_document(client, kabid, contoh, django_capture_on_commit_callbacks, tmp_path):
    client.force_login(kabid.user)
    with django_capture_on_commit_callbacks(execute=True):
        resp = _tandatangani(client, contoh, PASSPHRASE)
    assert resp.status_code == 302
    contoh.refresh_from_db()
    assert contoh.status == "ditandatangani"
    dok = Dokumen.untuk(contoh).get()
    assert dok.status == "selesai", dok.galat
    assert dok.ditandatangani_oleh == kabid and dok.ditandatangani_pada
    assert dok.nomor.startswith("470/0001/423.112/")
    pdf = dok.berkas.read()
    out = tmp_path / "a.pdf"
    out.write_bytes(pdf)
    assert "Signature is Valid" in subprocess.run(["pdfsig", str(out)], capture_output=True, text=True).stdout
    assert len(mail.outbox) == 1
    pesan = mail.outbox[0]
    assert pesan.to == ["siti@contoh.id"]
    assert pesan.attachments[0][1] == pdf
    assert Dokumen.objects.get(pk=dok.pk).email_terkirim_pada


def test_wrong_passphrase_signs_nothing(client, kabid, contoh, django_capture_on_commit_callbacks):
    client.force_login(kabid.user)
    with django_capture_on_commit_callbacks(execute=True):
        resp = _tandatangani(client, contoh, "bukan-passphrase")
    assert resp.status_code == 400
    assert "Passphrase salah" in resp.content.decode()
    contoh.refresh_from_db()
    assert contoh.status == "terverifikasi"
    assert not Dokumen.objects.exists()
    assert not RiwayatStatus.objects.filter(aksi="tandatangani").exists()
    assert not mail.outbox


def test_cetak_prints_the_signed_document(client, kabid, contoh, pengguna, django_capture_on_commit_callbacks):
    client.force_login(kabid.user)
    with django_capture_on_commit_callbacks(execute=True):
        _tandatangani(client, contoh, PASSPHRASE)
    operator = pengguna("operator_siak")
    client.force_login(operator)
    contoh.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.post(reverse("kernel_app:contohdokumen-aksi", args=[contoh.pk, "cetak"]), {"versi": contoh.versi})
    assert resp.status_code == 302
    dok = Dokumen.untuk(contoh).get()
    assert dok.jumlah_cetak == 1
    assert dok.cetakan.get().status == "selesai"
    detail = client.get(reverse("kernel_app:contohdokumen-detail", args=[contoh.pk]))
    assert dok.nomor in detail.content.decode()
    resp = client.get(reverse("dokumen:dokumen-unduh", args=[dok.pk]))
    assert resp.status_code == 200
    assert AksesBerkas.objects.filter(oleh=operator, berkas=dok.berkas.name).exists()
