"""Demo data of PIAK for ``make run``: complaints from several channels in each part of the flow,
providers, an open incident that stops a service (the front office's banner) and one answered by
Ditjen, a biodata update waiting for the ADB, and a few SKM answers. Idempotent."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from apps.core.workflow import jalankan_aksi

from .models import Insiden, JawabanSkm, Pengaduan, Penyedia

PERAN_DEMO = ("admin_piak", "bidang_teknis", "pejabat_piak", "petugas_fo", "operator_medsos", "operator_siak", "operator_rekam")


def _isi(**nilai):
    def atur(o):
        for k, v in nilai.items():
            setattr(o, k, v)

    return atur


def isi_demo(stdout) -> None:
    if Pengaduan.objects.filter(nama="Rina Wati (demo)").exists():
        stdout.write("  Data PIAK demo sudah ada.")
        return
    User = get_user_model()
    akun = {k: User.objects.filter(username=k).first() for k in PERAN_DEMO}
    kurang = [k for k, u in akun.items() if u is None]
    if kurang:
        stdout.write(f"  Data PIAK demo dilewati: belum ada akun untuk {', '.join(kurang)}.")
        return
    from .services import buka_pengaduan
    from .services.insiden import insiden_lapor

    hari_ini = timezone.localdate()
    buka_pengaduan(saluran="web", nama="Rina Wati (demo)", email="rina@contoh.id",
                   isi="Akta kelahiran anak saya belum terbit sejak tiga minggu.")
    medsos = buka_pengaduan(saluran="medsos", nama="Budi", isi="Jam buka loket hari Sabtu?", jenis="informasi",
                            pengguna=akun["operator_medsos"], medsos_platform="Instagram", medsos_akun="@budi.psr")
    lapor = buka_pengaduan(saluran="lapor", nama="Pelapor SP4N", isi="Antrean perekaman KTP-el terlalu lama.",
                           pengguna=akun["admin_piak"], nomor_tiket_lapor="LAPOR-2026-0412")
    jalankan_aksi(objek=lapor, aksi="teruskan", pengguna=akun["admin_piak"],
                  sebelum_simpan=_isi(bidang="dafduk", tenggat_bidang=hari_ini + timedelta(days=3)))
    jalankan_aksi(objek=medsos, aksi="jawab", pengguna=akun["admin_piak"],
                  sebelum_simpan=_isi(jawaban="Loket buka Sabtu pukul 08.00–12.00 di Mal Pelayanan Publik."))

    Penyedia.objects.get_or_create(nama="Diskominfo Kota Pasuruan", defaults={"jenis": "diskominfo", "telepon": "0343-424242"})
    Penyedia.objects.get_or_create(nama="PT Telkom Indonesia (Astinet)", defaults={"jenis": "provider", "telepon": "147"})
    insiden_lapor(pengguna=akun["operator_rekam"], layanan="rekam", gejala="Alat perekam sidik jari loket 2 tidak terbaca.",
                  sejak=timezone.now() - timedelta(hours=3))
    pusat = insiden_lapor(pengguna=akun["operator_siak"], layanan="siak", gejala="SIAK terpusat tidak bisa login.",
                          sejak=timezone.now() - timedelta(days=2), mengganggu_layanan=False)
    jalankan_aksi(objek=pusat, aksi="klasifikasi_pusat", pengguna=akun["pejabat_piak"],
                  sebelum_simpan=_isi(nomor_tiket_pusat="HD-DUKCAPIL-55120"))

    from apps.penduduk.models import Penduduk

    penduduk = Penduduk.objects.order_by("pk").first()
    if penduduk is not None:
        from .services.pemutakhiran import pemutakhiran_ajukan

        objek = pemutakhiran_ajukan(penduduk=penduduk, perubahan={"pekerjaan": "WIRASWASTA"}, pengguna=akun["petugas_fo"])
        jalankan_aksi(objek=objek, aksi="lengkap", pengguna=akun["petugas_fo"])

    contoh = [(4, 4, 3, 4, 3, 3, 4, 3, 3), (3, 3, 3, 4, 3, 3, 3, 3, 2), (4, 3, 2, 4, 4, 3, 3, 4, 3)]
    for i, nilai in enumerate(contoh):
        JawabanSkm.objects.get_or_create(kunci=f"demo-{i}", defaults={
            "kode_layanan": "P.6.2", "layanan": "Pengaduan", "tanggal": hari_ini - timedelta(days=i),
            **{f"u{j + 1}": v for j, v in enumerate(nilai)}})
    stdout.write(f"  PIAK: {Pengaduan.objects.count()} pengaduan, {Insiden.objects.count()} insiden, SKM contoh.")
