"""P.7 records in any state, for the tests and the generic role matrix."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from apps.pemanfaatan.models import JenisLembaga, PerjanjianData, StatusPerjanjian

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def berkas_pdf(nama: str = "surat.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(nama, PDF, content_type="application/pdf")


def perjanjian_ke(status: str = StatusPerjanjian.DIAJUKAN, *, luar: bool = False, berakhir=None,
                  **ubah) -> PerjanjianData:
    """An agreement put straight into ``status`` with the data the earlier steps would have left."""
    hari_ini = timezone.localdate()
    data = {
        "nama_lembaga": "BPJS Kesehatan Cabang Pasuruan" if luar else "RSUD dr. R. Soedarsono",
        "jenis_lembaga": JenisLembaga.LUAR_WALIKOTA if luar else JenisLembaga.BAWAH_WALIKOTA,
        "alamat_lembaga": "Jl. Contoh No. 1", "kontak_lembaga": "Budi, 0343-111222",
        "tujuan": "Verifikasi identitas peserta layanan", "elemen_data": ["nik", "nama"],
        "hak_akses": ["verifikasi_nik"], "status": status,
    }
    lanjut = [StatusPerjanjian.PENYESUAIAN, StatusPerjanjian.PENANDATANGANAN, StatusPerjanjian.BERLAKU]
    if status in lanjut:
        data.update(nomor_pks="PKS/001/2026", tanggal_mulai=hari_ini - timedelta(days=10),
                    tanggal_berakhir=berakhir or hari_ini + timedelta(days=365 * 3))
    if status == StatusPerjanjian.BERLAKU:
        data.update(penandatangan_mitra="Direktur", ttd_mitra_pada=hari_ini, penandatangan_dinas="Kepala Dinas",
                    ttd_dinas_pada=hari_ini, dokumen_diserahkan_pada=hari_ini)
    data.update(ubah)
    return PerjanjianData.objects.create(**data)


def publikasi_ke(status: str = "draf"):
    """A publication in ``status`` over a snapshot of its own (empty register: zero cells)."""
    from apps.pemanfaatan.models import PublikasiAgregat, SnapshotDKB

    tahun = 1990 + SnapshotDKB.objects.count()
    s = SnapshotDKB.objects.create(tahun=tahun, semester=1, tanggal_data=f"{tahun}-06-30", jumlah_penduduk=0,
                                   jumlah_baris=0)
    return PublikasiAgregat.objects.create(snapshot=s, judul=f"Agregat {tahun}", status=status,
                                           notulen_pembahasan="Notulen" if status != "draf" else "")


def inovasi_ke(status: str = "usulan"):
    """An innovation in ``status`` with what the earlier steps would have filled in."""
    from apps.pemanfaatan.models import Inovasi

    rekanan = status in ("pengadaan", "pembuatan", "uji_internal")
    data = {"judul": "Antrean daring Dispendukcapil", "gagasan": "Warga mengambil nomor antrean dari rumah.",
            "status": status}
    if status not in ("usulan", "kajian", "ditolak"):
        data.update(dasar_aturan="Permendagri 7/2019", jenis_inovasi="Digital", cakupan="Seluruh loket",
                    metode="rekanan" if rekanan else "swakelola")
    if data.get("metode") == "swakelola" and status != "usulan_tim":
        data.update(anggota_tim="Budi — ketua\nSari — anggota")
    if status in ("rancangan_diajukan", "siap_sosialisasi", "disosialisasikan"):
        data.update(rancangan="Formulir antrean, kuota per jam.")
    if status in ("pembuatan", "uji_internal"):
        data.update(kode_paket_spse="12345678", penyedia="CV Uji", nomor_kontrak="027/1/2026")
    return Inovasi.objects.create(**data)
