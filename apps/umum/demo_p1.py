"""Demo data of P.1.2.1.1, P.1.2.3 and P.1.3.1 for ``make run``: a few assets, an outgoing letter
waiting for the tata usaha's draft and one (from another process) waiting for the kadis, a
stock-take open for the divisions' needs, and a leave request. Idempotent."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import Aset, Inventarisasi, KlasifikasiArsip, SuratKeluar, UsulanKepegawaian, hari_kerja_antara

ASET = [
    ("1.3.2.10.02.01.001", "0001", "PC loket pelayanan", "Loket 1", "baik", 2022, "11500000.00"),
    ("1.3.2.10.02.01.001", "0002", "PC loket pelayanan", "Loket 2", "rusak_ringan", 2021, "11000000.00"),
    ("1.3.2.10.02.03.003", "0001", "Printer kartu KTP-el", "Ruang cetak", "baik", 2023, "45000000.00"),
    ("1.3.2.05.01.04.001", "0001", "Lemari arsip besi", "Ruang arsip", "rusak_berat", 2015, "3500000.00"),
]


def _akun(kode: str):
    User = get_user_model()
    return (User.objects.filter(username=kode, groups__name=kode).first()
            or User.objects.filter(groups__name=kode, is_active=True).order_by("pk").first())


def isi_demo_p1(stdout) -> None:
    from .services_bmd import inventarisasi_buka
    from .services_keluar import buat_surat_keluar, surat_keluar_perintahkan
    from .services_pegawai import usulan_ajukan

    for kode, reg, nama, lokasi, kondisi, tahun, nilai in ASET:
        Aset.objects.get_or_create(kode_barang=kode, nomor_register=reg, defaults={
            "nama": nama, "lokasi": lokasi, "kondisi": kondisi, "tahun_perolehan": tahun,
            "nilai_perolehan": Decimal(nilai)})
    kadis, tu, pb, pegawai = _akun("kadis"), _akun("tata_usaha"), _akun("pengurus_barang"), _akun("pegawai")
    if SuratKeluar.objects.exists() or None in (kadis, tu, pb, pegawai):
        stdout.write("  Surat keluar, BMD dan kepegawaian demo: sudah ada atau akun belum lengkap.")
        return
    surat_keluar_perintahkan(pengguna=kadis, data={
        "hal": "Undangan rapat pemutakhiran data kependudukan", "kepada": "Camat se-Kota Pasuruan",
        "perintah": "Undang para camat rapat pemutakhiran data semester II, Kamis depan pukul 09.00."})
    if KlasifikasiArsip.objects.filter(kode="400.12.3").exists():
        buat_surat_keluar(hal="Surat pengantar pindah masuk", kepada="Kepala Dinas Dukcapil Kabupaten Malang",
                          isi=["Bersama ini kami sampaikan berkas kepindahan penduduk atas nama yang tercantum "
                               "dalam lampiran.", "Demikian untuk menjadi maklum."],
                          klasifikasi="400.12.3", lampiran="1 (satu) berkas", pengguna=tu, asal_proses="P.4.6 (demo)")
    tahun = timezone.localdate().year + 1
    if not Inventarisasi.objects.filter(tahun_anggaran=tahun).exists():
        inventarisasi_buka(pengguna=pb, data={"tahun_anggaran": tahun, "instruksi": "Bidang mengisi kebutuhan barang.",
                                              "tenggat": timezone.localdate() + timedelta(days=14)})
    mulai = date(tahun, 2, 1)
    mulai += timedelta(days=(7 - mulai.weekday()) % 7)
    selesai = mulai + timedelta(days=2)
    if not UsulanKepegawaian.objects.filter(pegawai=pegawai).exists():
        usulan_ajukan(pegawai=pegawai, lama_hari=hari_kerja_antara(mulai, selesai), data={
            "jenis": "cuti", "jenis_cuti": "tahunan", "tanggal_mulai": mulai, "tanggal_selesai": selesai,
            "alamat_selama_cuti": "Jl. Pahlawan 1, Pasuruan", "keterangan": "Keperluan keluarga"})
    stdout.write("  Surat keluar, BMD dan kepegawaian demo ditambahkan.")
