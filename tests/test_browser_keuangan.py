"""P.3.1 in a real browser: a payment request from the PPTK to BPKA's SP2D, with one return by the
PPK. Each role logs in in turn: pptk, bendahara, pptk, verifikator keuangan, bendahara, kadis, ppk,
verifikator keuangan, bendahara, kadis, ppk, bendahara. The bendahara signs the SPP and the kadis, as
Pengguna Anggaran, the SPM by TTE. Screenshots are kept under test-artifacts/."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci  # noqa: F401
from apps.keuangan.models import PermintaanPembayaran
from apps.keuangan.tests import factories as f
from apps.umum.demo import pdf_contoh
from tests.conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def aksi(page, nama: str, isi=None, catatan: str = "") -> None:
    page.click(f"[data-aksi={nama}]")
    page.wait_for_selector("form button[name=kirim]")
    if isi:
        isi(page)
    if catatan:
        page.fill("textarea[name=catatan]", catatan)
    page.click("button[name=kirim]")
    page.wait_for_selector("#status")


def test_payment_from_request_to_sp2d_with_one_return_by_the_ppk(halaman, pengguna, tmp_path):
    orang = f.Orang(pengguna)
    for kode in ("pptk", "bendahara", "verifikator_keuangan", "ppk", "kadis"):
        pengguna(kode)
    f.pejabat_keuangan(orang)
    baris = f.baris(orang)  # DPA approved: line 5.1.02.01.01.0024, pagu Rp10.000.000,00
    spj = tmp_path / "spj.pdf"
    spj.write_bytes(pdf_contoh("SPJ belanja ATK", "Kuitansi, faktur, bukti pajak"))

    # 1. The PPTK asks more than the line holds (refused, input kept), then a valid amount.
    masuk(halaman, "pptk")
    halaman.goto(reverse("keuangan:permintaanpembayaran-baru"))
    halaman.select_option("select[name=baris_dpa]", str(baris.pk))
    halaman.fill("input[name=kegiatan]", "Pengadaan ATK pelayanan KTP-el")
    halaman.fill("input[name=penerima]", "CV Sumber Rejeki")
    halaman.fill("input[name=jumlah]", "10.000.000,01")
    halaman.click("button[name=simpan]")
    assert "melebihi sisa anggaran" in halaman.inner_text("main form")
    assert halaman.input_value("input[name=jumlah]") == "10.000.000,01"
    halaman.langkah("pptk-ditolak-melebihi-sisa")
    halaman.fill("input[name=jumlah]", "2.750.000,50")
    halaman.click("button[name=simpan]")
    halaman.wait_for_selector("#status")
    assert halaman.inner_text("#jumlah") == "Rp2.750.000,50"
    assert halaman.inner_text("#sisa-baris") == "Rp7.249.999,50"
    halaman.langkah("pptk-diajukan")
    p = PermintaanPembayaran.objects.get()
    detail = reverse("keuangan:permintaanpembayaran-detail", args=[p.pk])

    def sebagai(kode):
        masuk(halaman, kode)
        halaman.goto(detail)

    # 2. The bendahara chooses LS; 3. the PPTK hands in the SPJ; 4. the verifikator verifies it.
    sebagai("bendahara")
    aksi(halaman, "pilih_metode", lambda pg: pg.check("input[name=metode][value=LS]"))
    sebagai("pptk")
    aksi(halaman, "susun_spj", lambda pg: pg.set_input_files("input[name=spj]", str(spj)))
    sebagai("verifikator_keuangan")
    aksi(halaman, "verifikasi")
    # 5. The bendahara issues the SPP and the SPM (numbered PDFs): the SPP signed by the bendahara's
    # TTE, the SPM by the kadis's.
    def tte(pg):
        pg.fill("input[name=passphrase]", PASSPHRASE)

    sebagai("bendahara")
    aksi(halaman, "terbitkan_spp_spm", tte)
    tahun = timezone.localdate().year
    assert halaman.inner_text("#nomor-spp") == f"900/SPP/0001/423.112/{tahun}"
    sebagai("kadis")
    aksi(halaman, "tandatangani", tte)
    assert halaman.inner_text("#nomor-spm") == f"900/SPM/0001/423.112/{tahun}"
    halaman.langkah("bendahara-spp-spm")
    # 6. The PPK returns it as incomplete, with the reason; the verifikator completes it.
    sebagai("ppk")
    aksi(halaman, "kembalikan", catatan="Kuitansi belum bermeterai")
    assert "Dikembalikan PPK" in halaman.inner_text("#status")
    halaman.langkah("ppk-kembalikan")
    sebagai("verifikator_keuangan")
    aksi(halaman, "lengkapi", catatan="Kuitansi bermeterai dilampirkan")
    sebagai("bendahara")
    aksi(halaman, "terbitkan_spp_spm", tte)
    assert halaman.inner_text("#nomor-spp") == f"900/SPP/0002/423.112/{tahun}"
    sebagai("kadis")
    aksi(halaman, "tandatangani", tte)
    # 7. Complete: sent to BPKA; the bendahara records BPKA's SP2D.
    sebagai("ppk")
    aksi(halaman, "periksa_lengkap")
    sebagai("bendahara")

    def sp2d(pg):
        pg.fill("input[name=sp2d_nomor]", "0456/SP2D-LS/2026")
        pg.fill("input[name=sp2d_tanggal]", timezone.localdate().isoformat())
        pg.fill("input[name=sp2d_jumlah]", "2.750.000,50")

    aksi(halaman, "catat_sp2d", sp2d)
    assert "Dibayar" in halaman.inner_text("#status")
    assert "Rp2.750.000,50" in halaman.inner_text("#sp2d")
    halaman.langkah("bendahara-sp2d")
    halaman.goto(reverse("keuangan:realisasi"))
    baris_teks = halaman.inner_text(f"tr[data-kode='{baris.kode_rekening}']")
    assert "Rp2.750.000,50" in baris_teks and "Rp7.249.999,50" in baris_teks
    halaman.langkah("realisasi")
    p.refresh_from_db()
    assert p.status == "dibayar" and p.sp2d_jumlah == Decimal("2750000.50")
