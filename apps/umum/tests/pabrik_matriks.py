"""Records of P.1.2.1.1, P.1.2.3 and P.1.3.1 in any state for the generic role matrix
(tests/test_matriks_generik.py). The builders of P.1.2.1.2 live in tests/matriks_pabrik.py."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from tests.matriks_pabrik import Dunia, pabrik

# The order of each flow; a record is built by walking it up to the wanted state.
ALUR_SURAT_KELUAR = ["diperintahkan", "diajukan", "disetujui", "bernomor", "ditandatangani", "diantar", "terkirim",
                     "diarsipkan"]


def _pdf_ttd(surat) -> None:
    """What the TTE job leaves behind: the signed letter the sending steps need."""
    from apps.dokumen.models import Dokumen

    Dokumen.objects.create(
        content_type=ContentType.objects.get_for_model(surat), object_id=surat.pk, jenis="surat_keluar",
        judul="Surat Keluar", kunci_nomor="uji", tahun=timezone.localdate().year, urut=surat.pk,
        nomor=surat.nomor_surat, perlu_tte=True, status=Dokumen.Status.SELESAI, berkas="dokumen/uji.pdf",
    )


@pabrik("umum.SuratKeluar", isian=lambda aksi, objek, dunia: _isian_surat_keluar(aksi))
def surat_keluar(status: str, dunia: Dunia):
    from apps.core.workflow import jalankan_aksi
    from apps.umum.models import KlasifikasiArsip
    from apps.umum.services_keluar import surat_keluar_beri_nomor, surat_keluar_perintahkan

    tu, kadis, caraka = dunia.pengguna["tata_usaha"], dunia.pengguna["kadis"], dunia.pengguna["caraka"]
    surat = surat_keluar_perintahkan(pengguna=kadis, data={"hal": "Undangan rapat", "kepada": "Camat Purworejo",
                                                           "perintah": "Undang para camat."})
    if status == "revisi":
        surat.klasifikasi = KlasifikasiArsip.objects.get(kode="400.12.3")
        surat.isi = "Dengan hormat."
        jalankan_aksi(objek=surat, aksi="susun", pengguna=tu)
        jalankan_aksi(objek=surat, aksi="kembalikan", pengguna=kadis, catatan="Perbaiki")
        return surat
    langkah = ALUR_SURAT_KELUAR.index(status)
    if langkah >= 1:
        surat.klasifikasi = KlasifikasiArsip.objects.get(kode="400.12.3")
        surat.isi = "Dengan hormat."
        jalankan_aksi(objek=surat, aksi="susun", pengguna=tu)
    if langkah >= 2:
        jalankan_aksi(objek=surat, aksi="setujui", pengguna=kadis)
    if langkah >= 3:
        surat_keluar_beri_nomor(surat=surat, pengguna=tu)
    if langkah >= 4:
        jalankan_aksi(objek=surat, aksi="tandatangani", pengguna=kadis)
        _pdf_ttd(surat)
    if langkah >= 5:
        jalankan_aksi(objek=surat, aksi="serahkan_caraka", pengguna=tu)
    if langkah >= 6:
        jalankan_aksi(objek=surat, aksi="catat_terima", pengguna=caraka, data={"diterima_oleh": "Staf"})
    if langkah >= 7:
        jalankan_aksi(objek=surat, aksi="arsipkan", pengguna=tu)
    surat.refresh_from_db()
    return surat


def _isian_surat_keluar(aksi: str) -> dict:
    from apps.umum.models import KlasifikasiArsip

    if aksi in ("susun", "beri_nomor"):
        return {"klasifikasi": KlasifikasiArsip.objects.get(kode="400.12.3").pk}
    return {}


ALUR_INVENTARISASI = ["dibuka", "rekonsiliasi", "diajukan", "diterbitkan"]


@pabrik("umum.Inventarisasi")
def inventarisasi(status: str, dunia: Dunia):
    from apps.core.workflow import jalankan_aksi
    from apps.umum.models import Aset
    from apps.umum.services_bmd import inventarisasi_buka

    dunia.sekali("aset", lambda: Aset.objects.create(kode_barang="1.3.2.10.02.01.001", nomor_register="0001",
                                                      nama="PC loket", lokasi="Loket 1", tahun_perolehan=2022))
    dunia.simpan["tahun_bmd"] = dunia.simpan.get("tahun_bmd", timezone.localdate().year) + 1
    pb, kadis = dunia.pengguna["pengurus_barang"], dunia.pengguna["kadis"]
    inv = inventarisasi_buka(pengguna=pb, data={"tahun_anggaran": dunia.simpan["tahun_bmd"]})
    langkah = ALUR_INVENTARISASI.index(status)
    if langkah >= 1:
        jalankan_aksi(objek=inv, aksi="tutup_rekap", pengguna=pb)
    if langkah >= 2:
        jalankan_aksi(objek=inv, aksi="ajukan_rkbmd", pengguna=pb)
    if langkah >= 3:
        jalankan_aksi(objek=inv, aksi="tandatangani", pengguna=kadis)
    return inv


@pabrik("umum.UsulanKepegawaian")
def usulan_kepegawaian(status: str, dunia: Dunia):
    """A cuti tahunan of the world's pegawai, two working days next month (within the balance)."""
    from apps.core.workflow import jalankan_aksi
    from apps.umum.models import hari_kerja_antara
    from apps.umum.services_pegawai import usulan_ajukan

    pegawai, tu = dunia.pengguna["pegawai"], dunia.pengguna["tata_usaha"]
    mulai = timezone.localdate().replace(day=1) + timedelta(days=40)
    mulai = mulai.replace(day=10)
    selesai = mulai + timedelta(days=1)
    usulan = usulan_ajukan(pegawai=pegawai, lama_hari=hari_kerja_antara(mulai, selesai), data={
        "jenis": "cuti", "jenis_cuti": "tahunan", "tanggal_mulai": mulai, "tanggal_selesai": selesai,
        "alamat_selama_cuti": "Jl. Pahlawan 1, Pasuruan"})
    if status in ("di_bkd", "selesai"):
        jalankan_aksi(objek=usulan, aksi="ajukan_bkd", pengguna=tu)
    if status == "selesai":
        jalankan_aksi(objek=usulan, aksi="catat_sk", pengguna=tu)
    if status == "perlu_dilengkapi":
        jalankan_aksi(objek=usulan, aksi="kembalikan", pengguna=tu, catatan="Lengkapi alamat")
    if status == "dibatalkan":
        jalankan_aksi(objek=usulan, aksi="batalkan", pengguna=pegawai)
    return usulan
