"""Demo accounts of the embedded run mode (``make run``): one per role, username = role code.

Only for a developer's or trainer's machine: every account shares ``SANDI_DEMO``. Production
creates its accounts in Django admin.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.db import transaction

from .roles import KODE_PERAN, NAMA_PERAN

SANDI_DEMO = "demo12345"

# (first name, last name) as they appear in the navigation bar and on signed documents.
NAMA_DEMO: dict[str, tuple[str, str]] = {
    "pemohon": ("Warga", "— Siti Aminah"),
    "petugas_fo": ("Petugas FO", "— Rina Wulandari"),
    "petugas_integrasi": ("Petugas Integrasi", "— Ahmad Fauzi (KUA Bugul Kidul)"),
    "verifikator_wna": ("Verifikator WNA", "— Yudha Pratama"),
    "operator_rekam": ("Operator Rekam", "— Dewi Lestari"),
    "operator_siak": ("Operator SIAK", "— Bagus Setiawan"),
    "verifikator": ("Verifikator", "— Nurul Hidayah"),
    "kasi": ("Kasi", "— Hendra Kurniawan, S.Kom."),
    "kabid": ("Kabid", "— Ir. Sri Rahayu, M.M."),
    "kadis": ("Kadis", "— Dr. Bambang Sutrisno, S.H., M.Si."),
    "operator_pengambilan": ("Operator Pengambilan", "— Wahyu Hidayat"),
    "verifikator_pendataan": ("Verifikator Pendataan", "— Lilis Suryani"),
    "pejabat_piak": ("Pejabat PIAK", "— Agus Salim, S.T."),
    "admin_piak": ("Admin PIAK", "— Fitri Handayani"),
    "operator_medsos": ("Operator Medsos", "— Rizky Ramadhan"),
    "adb": ("ADB", "— Dimas Anggara, S.Kom."),
    "bidang_teknis": ("Bidang Teknis", "— Yuliana Puspitasari"),
    "sekretaris": ("Sekretaris", "— Drs. Joko Santoso, M.AP."),
    "tata_usaha": ("Tata Usaha", "— Sulastri"),
    "caraka": ("Caraka", "— Slamet Riyadi"),
    "subbag_umum": ("Subbag Umum", "— Eko Prasetyo"),
    "pengurus_barang": ("Pengurus Barang", "— Heru Susanto"),
    "pegawai": ("Pegawai", "— Ani Suryaningsih"),
    "subbag_perencanaan": ("Subbag Perencanaan", "— Arief Budiman, S.E."),
    "pptk": ("PPTK", "— Made Wirawan, S.T."),
    "bendahara": ("Bendahara", "— Endang Susilowati, A.Md."),
    "verifikator_keuangan": ("Verifikator Keuangan", "— Teguh Wibowo, S.E."),
    "ppk": ("PPK", "— Ratna Sari Dewi, S.E., M.Ak."),
    "admin": ("Admin", "— Galih Permana"),
}


def nama_demo(kode: str) -> tuple[str, str]:
    return NAMA_DEMO.get(kode, (NAMA_PERAN.get(kode, kode), ""))


@transaction.atomic
def akun_demo_siapkan() -> list[tuple[User, bool]]:
    """Create the missing demo accounts and put each in its role group (idempotent).

    An existing account keeps its password and name (a trainer may have changed them); it is only
    put back into its role. Returns (user, created) per role, in the order of roles.py.
    """
    hasil = []
    grup = {g.name: g for g in Group.objects.filter(name__in=KODE_PERAN)}
    for kode in KODE_PERAN:
        depan, belakang = nama_demo(kode)
        user, dibuat = User.objects.get_or_create(
            username=kode, defaults={"first_name": depan, "last_name": belakang, "email": f"{kode}@demo.invalid"}
        )
        if dibuat:
            user.set_password(SANDI_DEMO)
            if kode == "admin":
                # The system administrator keeps master data and accounts in Django admin.
                user.is_staff = True
                user.is_superuser = True
            user.save()
        if kode in grup:
            user.groups.add(grup[kode])
        hasil.append((user, dibuat))
    return hasil
