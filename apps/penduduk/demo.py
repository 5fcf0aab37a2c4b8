"""Demo register for ``make run``: 500 residents generated with a fixed seed and reference date,
so the example NIKs printed here (and quoted in README.md) are the same on every machine."""

import datetime

from .models import Hubungan, JenisKelamin, Penduduk
from .sintetis import register_buat

JUMLAH_DEMO = 500
SEED_DEMO = 3575
TANGGAL_ACUAN_DEMO = datetime.date(2026, 11, 1)


def contoh_nik() -> list[Penduduk]:
    """Three residents to try the look-ups with: a male head, a wife, a child (lowest NIKs)."""
    qs = Penduduk.objects.filter(status_hidup=Penduduk.StatusHidup.HIDUP).select_related("keluarga", "kelurahan")
    contoh = [
        qs.filter(hubungan=Hubungan.KEPALA, jenis_kelamin=JenisKelamin.LAKI_LAKI).order_by("nik").first(),
        qs.filter(hubungan=Hubungan.ISTRI).order_by("nik").first(),
        qs.filter(hubungan=Hubungan.ANAK).order_by("nik").first(),
    ]
    return [p for p in contoh if p is not None]


def isi_demo(stdout) -> None:
    if not Penduduk.objects.exists():
        hasil = register_buat(jumlah=JUMLAH_DEMO, seed=SEED_DEMO, tanggal_acuan=TANGGAL_ACUAN_DEMO)
        stdout.write(f"  Register penduduk demo: {hasil.penduduk} penduduk, {hasil.keluarga} keluarga.\n")
    else:
        stdout.write(f"  Register penduduk sudah berisi {Penduduk.objects.count()} penduduk; tidak diubah.\n")
    for p in contoh_nik():
        stdout.write(
            f"  Contoh NIK {p.nik}  {p.nama} ({p.get_hubungan_display().lower()}), "
            f"No. KK {p.keluarga.no_kk if p.keluarga_id else '-'}, Kel. {p.kelurahan.nama}\n"
        )
