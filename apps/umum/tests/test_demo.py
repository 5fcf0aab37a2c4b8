"""The demo data of ``make run``: letters in different states, added once."""

import io

from apps.umum.demo import PERAN_DEMO, isi_demo, pdf_contoh
from apps.umum.models import SuratMasuk


def test_demo_letters_cover_the_flow_and_are_added_once(pengguna):
    for kode in PERAN_DEMO:
        pengguna(kode)
    keluaran = io.StringIO()
    isi_demo(keluaran)
    status = sorted(SuratMasuk.objects.values_list("status", flat=True))
    assert status == sorted(["diagendakan", "didisposisi", "diantar", "tersampaikan", "diarsipkan"])
    arsip = SuratMasuk.objects.get(status="diarsipkan")
    assert arsip.klasifikasi.kode == "000.1" and arsip.retensi_aktif_sampai
    assert SuratMasuk.objects.get(status="diantar").disposisi.filter(status="menunggu").count() == 1
    isi_demo(keluaran)
    assert SuratMasuk.objects.count() == 5
    assert "sudah ada" in keluaran.getvalue()


def test_demo_waits_for_the_accounts(db):
    keluaran = io.StringIO()
    isi_demo(keluaran)
    assert not SuratMasuk.objects.exists() and "dilewati" in keluaran.getvalue()


def test_sample_scan_is_a_pdf_the_kernel_accepts():
    import filetype

    assert filetype.guess_mime(pdf_contoh("Dinas Kesehatan", "Perihal: (uji)")) == "application/pdf"
