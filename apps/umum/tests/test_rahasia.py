"""§7: the caraka carries a secret letter without reading the kadis' free-text instruction or
disposition note; the targets read them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.core.workflow import jalankan_aksi
from apps.umum.services import surat_masuk_disposisikan

pytestmark = pytest.mark.django_db

INSTRUKSI = "Periksa absensi Sdr. Fulan secara diam-diam"
CATATAN = "Jangan dibahas di grup WhatsApp kantor"


@pytest.fixture
def rahasia(alur):
    surat = alur.catat(sifat="rahasia", perihal="Laporan pemeriksaan pegawai")
    surat_masuk_disposisikan(
        surat=surat, pengguna=alur.kadis, instruksi=["pelajari_laporkan"], instruksi_lain=INSTRUKSI,
        batas_waktu=timezone.localdate() + timedelta(days=7), tujuan_pengguna=[alur.kasi], catatan=CATATAN,
    )
    jalankan_aksi(objek=surat, aksi="teruskan", pengguna=alur.sekretaris)
    jalankan_aksi(objek=surat, aksi="serahkan_caraka", pengguna=alur.tu)
    return surat


def _halaman(client, d):
    return [
        client.get(reverse("umum:disposisi-detail", args=[d.pk])),
        client.get(reverse("umum:disposisi-antrian")),
        client.get(reverse("umum:disposisi-aksi", args=[d.pk, "terima"])),
    ]


def test_caraka_sees_neither_the_free_text_instruction_nor_the_note(client, alur, rahasia):
    d = rahasia.disposisi.get()
    client.force_login(alur.caraka)
    detail, antrian, aksi = _halaman(client, d)
    for r in (detail, antrian, aksi):
        isi = r.content.decode()
        assert r.status_code == 200
        assert INSTRUKSI not in isi and CATATAN not in isi
    assert "(instruksi rahasia)" in detail.content.decode() and "(catatan rahasia)" in detail.content.decode()
    assert "Pelajari dan laporkan" in detail.content.decode()  # the standard instruction stays


def test_the_target_reads_them(client, alur, rahasia):
    from apps.umum.services import disposisi_terima

    d = rahasia.disposisi.get()
    disposisi_terima(disposisi=d, pengguna=alur.caraka, diterima_oleh="Kasi")
    client.force_login(alur.kasi)
    isi = client.get(reverse("umum:disposisi-detail", args=[d.pk])).content.decode()
    assert INSTRUKSI in isi and CATATAN in isi


def test_caraka_does_not_read_the_follow_up_of_a_secret_letter(client, alur, rahasia):
    from apps.umum.services import disposisi_terima

    d = rahasia.disposisi.get()
    disposisi_terima(disposisi=d, pengguna=alur.caraka, diterima_oleh="Kasi")
    d.refresh_from_db()
    jalankan_aksi(objek=d, aksi="tindak_lanjuti", pengguna=alur.kasi, catatan="Sdr. Fulan absen 9 hari",
                  data={"hasil_tindak_lanjut": "Sdr. Fulan absen 9 hari"})
    client.force_login(alur.caraka)
    isi = client.get(reverse("umum:disposisi-detail", args=[d.pk])).content.decode()
    assert "absen 9 hari" not in isi
