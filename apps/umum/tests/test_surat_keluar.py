"""P.1.2.1.1 — outgoing letters: order, draft, revision, approval, number, TTE, delivery, archive."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from apps.core.models import Lampiran
from apps.core.workflow import AksiDitolak, jalankan_aksi
from apps.dokumen.models import Dokumen
from apps.dokumen.services import dokumen_tandatangani
from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci, kadis  # noqa: F401
from apps.umum.models import KlasifikasiArsip, SuratKeluar
from apps.umum.selectors import arsip_cari
from apps.umum.services_keluar import (
    buat_surat_keluar,
    surat_keluar_beri_nomor,
    surat_keluar_catat_terima,
    surat_keluar_kirim_email,
    surat_keluar_perintahkan,
)

from .conftest import berkas_png

pytestmark = pytest.mark.django_db


@pytest.fixture
def kode():
    return KlasifikasiArsip.objects.get(kode="400.12.3")


def draf(surat, tu, kode):
    surat.klasifikasi = kode
    surat.isi = "Dengan hormat, kami mengundang Saudara.\n\nDemikian kami sampaikan."
    jalankan_aksi(objek=surat, aksi="susun", pengguna=tu)


def sampai_bernomor(pengguna, kadis_user, kode) -> SuratKeluar:
    tu = pengguna("tata_usaha")
    surat = surat_keluar_perintahkan(pengguna=kadis_user, data={"hal": "Undangan rapat", "kepada": "Camat Bugul Kidul",
                                                                "perintah": "Undang camat rapat data."})
    draf(surat, tu, kode)
    jalankan_aksi(objek=surat, aksi="setujui", pengguna=kadis_user)
    surat_keluar_beri_nomor(surat=surat, pengguna=tu)
    return surat


def tte(surat, kadis):  # noqa: F811
    from apps.core.workflow import jalankan_aksi as ja

    with __import__("django.db").db.transaction.atomic():
        ja(objek=surat, aksi="tandatangani", pengguna=kadis.user)
        dokumen_tandatangani(objek=surat, jenis="surat_keluar", pejabat=kadis, passphrase=PASSPHRASE)


def test_it_goes_from_order_to_archive_with_one_revision(pengguna, kadis, kode, django_capture_on_commit_callbacks):  # noqa: F811
    tu, caraka = pengguna("tata_usaha"), pengguna("caraka")
    surat = surat_keluar_perintahkan(pengguna=kadis.user, data={"hal": "Undangan rapat", "kepada": "Camat Bugul Kidul",
                                                                "perintah": "Undang camat rapat data."})
    draf(surat, tu, kode)
    jalankan_aksi(objek=surat, aksi="kembalikan", pengguna=kadis.user, catatan="Tambahkan waktu rapat.")
    assert surat.status == "revisi"
    draf(surat, tu, kode)
    jalankan_aksi(objek=surat, aksi="setujui", pengguna=kadis.user)
    surat_keluar_beri_nomor(surat=surat, pengguna=tu)
    tahun = timezone.localdate().year
    assert surat.nomor_surat == f"400.12.3/1/423.112/{tahun}"
    with django_capture_on_commit_callbacks(execute=True):
        tte(surat, kadis)
    surat.refresh_from_db()
    dok = surat.dokumen_ttd()
    assert surat.status == "ditandatangani" and dok is not None and dok.nomor == surat.nomor_surat
    jalankan_aksi(objek=surat, aksi="serahkan_caraka", pengguna=tu)
    surat_keluar_catat_terima(surat=surat, pengguna=caraka, diterima_oleh="Staf kecamatan", foto=berkas_png())
    assert surat.status == "terkirim" and surat.diantar_oleh == caraka
    assert Lampiran.objects.filter(object_id=surat.pk, keterangan__startswith="Tanda terima").exists()
    jalankan_aksi(objek=surat, aksi="arsipkan", pengguna=tu, sebelum_simpan=lambda o: setattr(o, "lemari", "B"))
    assert surat.status == "diarsipkan" and surat.retensi_aktif_sampai
    assert list(arsip_cari(jenis="keluar", kode="400.12")) == [surat]


def test_agenda_numbers_are_gap_free_per_year(pengguna, kadis, kode):  # noqa: F811
    a = sampai_bernomor(pengguna, kadis.user, kode)
    b = sampai_bernomor(pengguna, kadis.user, kode)
    assert (a.nomor_urut, b.nomor_urut) == (1, 2)
    # A refused step gives nothing away: the next letter still gets 3.
    c = surat_keluar_perintahkan(pengguna=kadis.user, data={"hal": "X", "kepada": "Y", "perintah": "Z"})
    with pytest.raises(AksiDitolak):
        surat_keluar_beri_nomor(surat=c, pengguna=pengguna("tata_usaha"))
    draf(c, pengguna("tata_usaha"), kode)
    jalankan_aksi(objek=c, aksi="setujui", pengguna=kadis.user)
    surat_keluar_beri_nomor(surat=c, pengguna=pengguna("tata_usaha"))
    assert c.nomor_urut == 3


def test_tata_usaha_cannot_sign_and_caraka_cannot_number(pengguna, kadis, kode):  # noqa: F811
    surat = sampai_bernomor(pengguna, kadis.user, kode)
    with pytest.raises(PermissionDenied):
        jalankan_aksi(objek=surat, aksi="tandatangani", pengguna=pengguna("tata_usaha"))
    with pytest.raises(PermissionDenied):
        jalankan_aksi(objek=surat, aksi="beri_nomor", pengguna=pengguna("caraka"))


def test_it_is_sent_by_email_with_the_signed_pdf(pengguna, kadis, kode, django_capture_on_commit_callbacks):  # noqa: F811
    surat = sampai_bernomor(pengguna, kadis.user, kode)
    with django_capture_on_commit_callbacks(execute=True):
        tte(surat, kadis)
    with django_capture_on_commit_callbacks(execute=True):
        surat_keluar_kirim_email(surat=surat, pengguna=pengguna("tata_usaha"), email_tujuan="kecamatan@pasuruankota.go.id")
    assert surat.status == "terkirim"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["kecamatan@pasuruankota.go.id"]
    assert mail.outbox[0].attachments and mail.outbox[0].attachments[0][2] == "application/pdf"


def test_sending_waits_for_the_signed_pdf(pengguna, kadis, kode):  # noqa: F811
    surat = sampai_bernomor(pengguna, kadis.user, kode)
    jalankan_aksi(objek=surat, aksi="tandatangani", pengguna=kadis.user)  # no document signed yet
    with pytest.raises(AksiDitolak):
        jalankan_aksi(objek=surat, aksi="serahkan_caraka", pengguna=pengguna("tata_usaha"))


def test_other_processes_create_a_letter_for_the_kepala(pengguna, kadis):  # noqa: F811
    surat = buat_surat_keluar(hal="Surat pengantar pindah masuk", kepada="Kepala Dinas Dukcapil Kab. Malang",
                              isi=["Paragraf satu.", "Paragraf dua."], klasifikasi="400.12.3", pengguna=pengguna("petugas_fo"),
                              asal_proses="P.4.6 · ABC123")
    assert surat.status == "diajukan" and surat.paragraf() == ["Paragraf satu.", "Paragraf dua."]
    jalankan_aksi(objek=surat, aksi="setujui", pengguna=kadis.user)


def test_pages_open_for_the_kepala_and_not_for_a_pegawai(client, pengguna, kadis, kode):  # noqa: F811
    surat = sampai_bernomor(pengguna, kadis.user, kode)
    client.force_login(kadis.user)
    r = client.get(reverse("umum:suratkeluar-detail", args=[surat.pk]))
    assert r.status_code == 200 and surat.nomor_surat in r.content.decode()
    assert client.get(reverse("umum:suratkeluar-baru")).status_code == 200
    client.force_login(pengguna("pegawai"))
    assert client.get(reverse("umum:suratkeluar-detail", args=[surat.pk])).status_code in (403, 404)
    assert client.get(reverse("umum:suratkeluar-baru")).status_code == 403


def test_the_queue_runs_a_fixed_number_of_queries(client, pengguna, kadis, kode, django_assert_max_num_queries):  # noqa: F811
    client.force_login(pengguna("tata_usaha"))
    url = reverse("umum:suratkeluar-antrian")
    sampai_bernomor(pengguna, kadis.user, kode)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as satu:
        client.get(url)
    for _ in range(4):
        sampai_bernomor(pengguna, kadis.user, kode)
    with django_assert_max_num_queries(len(satu.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_signed_letter_has_the_permendagri_layout(pengguna, kadis, kode, django_capture_on_commit_callbacks):  # noqa: F811
    import subprocess

    surat = sampai_bernomor(pengguna, kadis.user, kode)
    with django_capture_on_commit_callbacks(execute=True):
        tte(surat, kadis)
    dok = Dokumen.objects.get(pk=surat.dokumen_ttd().pk)
    teks = " ".join(subprocess.run(["pdftotext", dok.berkas.path, "-"], capture_output=True, check=True).stdout.decode().split())
    for bagian in ("Nomor", surat.nomor_surat, "Sifat", "Lampiran", "Hal", "Undangan rapat", "Kepada Yth.", "Camat Bugul Kidul"):
        assert bagian in teks, bagian


def test_the_kepala_revises_the_text_himself_and_the_timeline_says_so(client, pengguna, kadis, kode):  # noqa: F811
    from apps.core.models import RiwayatStatus

    surat = surat_keluar_perintahkan(pengguna=kadis.user, data={"hal": "Undangan", "kepada": "Camat", "perintah": "P"})
    draf(surat, pengguna("tata_usaha"), kode)
    client.force_login(kadis.user)
    r = client.post(reverse("umum:suratkeluar-aksi", args=[surat.pk, "setujui"]), {
        "versi": surat.versi, "hal": "Undangan rapat data", "kepada": "Camat", "isi": surat.isi, "tembusan": ""})
    assert r.status_code == 302
    surat.refresh_from_db()
    assert surat.status == "disetujui" and surat.hal == "Undangan rapat data"
    log = RiwayatStatus.objects.filter(object_id=surat.pk, aksi="setujui").get()
    assert log.catatan.startswith("Diperbaiki kepala dinas: hal")
