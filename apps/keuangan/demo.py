"""Demo data of P.1.1, P.2 and P.3.1 for ``make run``: this year's approved DPA, payment requests
at several steps (one paid by SP2D), an NPD, performance reports scored over three years and a
financial report at BPKA. Idempotent: nothing is added once a DPA exists.

The records are driven through the same services and actions staff use (the test builders)."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

PERAN_DEMO = ("subbag_perencanaan", "sekretaris", "kadis", "pptk", "bendahara", "verifikator_keuangan", "ppk", "subbag_umum")

ISI_DPA_DEMO = (
    "5.1.02.01.01.0024 | Belanja alat tulis kantor | 45.000.000,00\n"
    "5.1.02.01.01.0026 | Belanja bahan cetak blangko KK dan akta | 120.000.000,00\n"
    "5.1.02.02.01.0052 | Belanja makan dan minum rapat | 18.500.000,00\n"
    "5.1.02.03.02.0035 | Belanja pemeliharaan alat kantor (AC, printer) | 32.750.000,00\n"
)


def isi_demo(stdout) -> None:
    from .models import DokumenPerencanaan
    from .tests import factories as f

    User = get_user_model()
    akun = {k: User.objects.filter(groups__name=k, is_active=True).order_by("pk").first() for k in PERAN_DEMO}
    if not all(akun.values()):
        stdout.write("keuangan: akun demo belum ada, data demo dilewati\n")
        return
    if DokumenPerencanaan.objects.filter(jenis="dpa").exists():
        stdout.write("keuangan: data demo sudah ada\n")
        return
    orang = f.Orang(akun.__getitem__)
    tahun = timezone.localdate().year
    dpa = f.perencanaan(orang, status="diterbitkan", jenis="dpa", isi=ISI_DPA_DEMO, tahun=tahun)
    f.perencanaan(orang, status="direviu", jenis="renja", isi="Program penyelenggaraan administrasi kependudukan\n"
                  "Sasaran: cakupan kepemilikan KIA 90%", tahun=tahun + 1)
    atk = dpa.baris_dpa.get(kode_rekening="5.1.02.01.01.0024")
    blangko = dpa.baris_dpa.get(kode_rekening="5.1.02.01.01.0026")
    f.permintaan(orang, status="dibayar", jumlah=Decimal("12350000.00"), baris_dpa=atk)
    f.permintaan(orang, status="spp_spm_terbit", jumlah=Decimal("48000000.00"), baris_dpa=blangko)
    f.permintaan(orang, status="spj_disusun", jumlah=Decimal("7250500.50"), baris_dpa=atk)
    f.permintaan(orang, status="diajukan", jumlah=Decimal("2500000.00"), baris_dpa=atk)
    f.npd(orang, status="spj_diperiksa")
    for selisih, nilai, predikat in ((3, "62.40", "B"), (2, "66.85", "B"), (1, "71.02", "BB")):
        f.laporan_kinerja(orang, status="dinilai", jenis="sakip", tahun=tahun - selisih, nilai=nilai, predikat=predikat)
        f.laporan_kinerja(orang, status="dinilai", jenis="rb", tahun=tahun - selisih, nilai=str(Decimal(nilai) - 8), predikat="")
    f.laporan_kinerja(orang, status="dihimpun", jenis="lkjip", tahun=tahun - 1)
    f.laporan_keuangan(orang, status="dikirim")
    stdout.write("keuangan: DPA, permintaan pembayaran, NPD dan laporan demo dibuat\n")
