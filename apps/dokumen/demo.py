"""Demo data of apps/dokumen: the kabid and kadis demo users as signing officials, with local
certificates (passphrase in README, "Tanda tangan elektronik")."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.management import call_command

from .management.commands.buat_sertifikat_lokal import PASSPHRASE_DEMO
from .models import Pejabat

PEJABAT_DEMO = [
    # username, nama, NIP, jabatan
    ("kadis", "Dr. Bambang Sutrisno, S.H., M.Si.", "197003121995031002", "Kepala Dinas Kependudukan dan Pencatatan Sipil"),
    ("kabid", "Ir. Sri Rahayu, M.M.", "197508172000122001", "Kepala Bidang Pelayanan Pendaftaran Penduduk"),
    # P.3.1: the bendahara pengeluaran signs the SPP (the kadis, as Pengguna Anggaran, the SPM).
    ("bendahara", "Siti Aminah, S.E.", "198205102006042003", "Bendahara Pengeluaran"),
]


PANGKAT_DEMO = {"kadis": "Pembina Utama Muda (IV/c)", "bendahara": "Penata (III/c)"}


def isi_demo(stdout) -> None:
    for username, nama, nip, jabatan in PEJABAT_DEMO:
        user = User.objects.filter(username=username).first()
        if user is None:
            stdout.write(f"  akun {username} belum ada; pejabat demo dilewati")
            continue
        Pejabat.objects.get_or_create(user=user, defaults={"nama": nama, "nip": nip, "jabatan": jabatan, "pangkat": PANGKAT_DEMO.get(username, "Pembina (IV/a)")})
    # Demo officials always get the demo passphrase (README), so the command never asks for one,
    # whatever DEBUG says (make run, compose with DJANGO_DEBUG=0).
    call_command("buat_sertifikat_lokal", passphrase=PASSPHRASE_DEMO, stdout=stdout)
