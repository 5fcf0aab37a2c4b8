"""Demo data of P.7 for ``make run``: agreements in several states (one ending in 20 days, so the
home page of admin PIAK and the kabid warns of it), the last semester's DKB with its publication
waiting for the kadis, and two innovations (one published). Idempotent."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from .agregat import snapshot_bekukan
from .models import Inovasi, JenisLembaga, PerjanjianData, PublikasiAgregat, SnapshotDKB
from .models.publikasi import semester_terakhir


def isi_demo(stdout) -> None:
    hari_ini = timezone.localdate()
    if not PerjanjianData.objects.exists():
        umum = {"elemen_data": ["nik", "nama", "ttl"], "hak_akses": ["verifikasi_nik"],
                "kontak_lembaga": "Narahubung lembaga (internal)"}
        PerjanjianData.objects.create(
            nama_lembaga="RSUD dr. R. Soedarsono", jenis_lembaga=JenisLembaga.BAWAH_WALIKOTA, status="berlaku",
            tujuan="Verifikasi identitas pasien", nomor_pks="470/001/PKS/423.112/2025", tanggal_mulai=hari_ini - timedelta(days=400),
            tanggal_berakhir=hari_ini + timedelta(days=20), ttd_mitra_pada=hari_ini - timedelta(days=400),
            ttd_dinas_pada=hari_ini - timedelta(days=400), penandatangan_mitra="Direktur RSUD",
            penandatangan_dinas="Kepala Dinas", dokumen_diserahkan_pada=hari_ini - timedelta(days=399), **umum)
        PerjanjianData.objects.create(
            nama_lembaga="BPJS Kesehatan Cabang Pasuruan", jenis_lembaga=JenisLembaga.LUAR_WALIKOTA, status="ke_ditjen",
            tujuan="Validasi kepesertaan JKN", ada_ksb=True, nomor_ksb="119/2/2024", **umum)
        PerjanjianData.objects.create(
            nama_lembaga="Bank Jatim Cabang Pasuruan", jenis_lembaga=JenisLembaga.LUAR_WALIKOTA, status="diajukan",
            tujuan="Verifikasi nasabah (KYC)", **umum)
        stdout.write("  perjanjian pemanfaatan data: 3")
    tahun, semester = semester_terakhir(hari_ini)
    if not SnapshotDKB.objects.filter(tahun=tahun, semester=semester).exists():
        s = snapshot_bekukan(tahun, semester)
        PublikasiAgregat.objects.create(snapshot=s, judul=f"Agregat Kependudukan Kota Pasuruan {s.judul}",
                                        status="reviu_kadis", notulen_pembahasan="Dibahas bersama bidang PIAK.")
        stdout.write(f"  {s}: {s.jumlah_penduduk} penduduk; publikasi menunggu kepala dinas")
    if not Inovasi.objects.exists():
        Inovasi.objects.create(judul="Antrean daring", gagasan="Warga mengambil nomor antrean dari rumah.")
        Inovasi.objects.create(
            judul="Layanan jemput bola KTP-el lansia", gagasan="Perekaman di rumah bagi lansia dan disabilitas.",
            status="disosialisasikan", metode="swakelola", disosialisasikan_pada=timezone.now(),
            deskripsi_publik="Petugas datang ke rumah untuk perekaman KTP-el penduduk lanjut usia dan penyandang disabilitas.",
            cara_penggunaan="Hubungi kelurahan atau kirim permintaan melalui layanan pengaduan portal ini.")
        stdout.write("  inovasi layanan: 2")
