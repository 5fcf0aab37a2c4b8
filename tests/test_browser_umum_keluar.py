"""P.1.2.1.1 and P.1.3.1 in a real browser.

- An outgoing letter from the kadis' order to its delivery by the caraka, with one revision: tata
  usaha drafts, the kadis sends it back with a reason, the tata usaha revises, the kadis approves,
  the tata usaha numbers it, the kadis signs by TTE, the caraka records the receipt with a photo,
  the tata usaha files it.
- A leave request refused by the cuti tahunan balance (the error next to the field, the input
  kept), then one within the balance, submitted by the tata usaha to BKD.

Screenshots of every step are kept under test-artifacts/.
"""

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone

from apps.dokumen.models import Pejabat
from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci  # noqa: F401
from apps.umum.models import KlasifikasiArsip, SuratKeluar, UsulanKepegawaian
from tests.conftest import buka_aksi, kirim_aksi, masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_outgoing_letter_from_order_to_delivery_with_one_revision(halaman, pengguna, tmp_path):
    from PIL import Image

    for kode in ("tata_usaha", "caraka"):
        pengguna(kode)
    Pejabat.objects.create(user=pengguna("kadis"), nama="Dr. Bambang Sutrisno, S.H., M.Si.", nip="197003121995031002",
                           jabatan="Kepala Dinas Kependudukan dan Pencatatan Sipil")
    kode_arsip, _ = KlasifikasiArsip.objects.get_or_create(
        kode="400.12.3", defaults={"nama": "Pencatatan Sipil", "retensi_aktif": 2, "retensi_inaktif": 3})
    foto = tmp_path / "tanda-terima.png"
    buf = io.BytesIO()
    Image.new("RGB", (60, 40), "white").save(buf, format="PNG")
    foto.write_bytes(buf.getvalue())

    # 1. The kadis orders the letter from the menu.
    masuk(halaman, "kadis")
    halaman.click("main >> text=Perintahkan surat keluar")
    halaman.fill("input[name=hal]", "Undangan rapat pemutakhiran data")
    halaman.fill("textarea[name=kepada]", "Camat Bugul Kidul\ndi Pasuruan")
    halaman.fill("textarea[name=perintah]", "Undang camat rapat pemutakhiran data Kamis depan.")
    halaman.langkah("kadis-perintah")
    halaman.click("button[name=simpan]")
    halaman.wait_for_selector("#status")
    surat = SuratKeluar.objects.get()
    url = f"/umum/surat-keluar/{surat.pk}/"

    # 2. The tata usaha drafts it.
    masuk(halaman, "tata_usaha")
    halaman.goto(url)
    buka_aksi(halaman, "susun")
    halaman.select_option("select[name=klasifikasi]", str(kode_arsip.pk))
    halaman.fill("textarea[name=isi]", "Dengan hormat, kami mengundang Saudara pada rapat pemutakhiran data.")
    halaman.langkah("tu-draf")
    kirim_aksi(halaman)
    assert "Draf diajukan" in halaman.inner_text("#status")

    # 3. The kadis sends it back with a reason.
    masuk(halaman, "kadis")
    halaman.goto(url)
    buka_aksi(halaman, "kembalikan")
    halaman.click("button[name=kirim]")  # no reason: refused, next to the field
    halaman.wait_for_selector(".invalid-feedback, .errorlist")
    halaman.fill("textarea[name=catatan]", "Cantumkan hari, tanggal, jam dan tempat rapat.")
    kirim_aksi(halaman)
    assert "revisi" in halaman.inner_text("#status")
    halaman.langkah("kadis-kembalikan")

    # 4. The tata usaha revises; the kadis approves.
    masuk(halaman, "tata_usaha")
    halaman.goto(url)
    assert "Cantumkan hari, tanggal" in halaman.inner_text("body")
    buka_aksi(halaman, "susun")
    halaman.fill("textarea[name=isi]", "Dengan hormat, kami mengundang Saudara pada rapat pemutakhiran data, "
                                       "Kamis pukul 09.00 WIB di Ruang Rapat Dinas.\n\nDemikian, terima kasih.")
    kirim_aksi(halaman)
    masuk(halaman, "kadis")
    halaman.goto(url)
    buka_aksi(halaman, "setujui")
    kirim_aksi(halaman)
    halaman.langkah("kadis-setujui")

    # 5. The tata usaha gives the agenda number (classification code + first number of the year).
    masuk(halaman, "tata_usaha")
    halaman.goto(url)
    buka_aksi(halaman, "beri_nomor")
    kirim_aksi(halaman)
    nomor = f"400.12.3/1/423.112/{timezone.localdate().year}"
    assert halaman.inner_text("#nomor-surat") == nomor
    halaman.langkah("tu-nomor")

    # 6. The kadis signs it by TTE.
    masuk(halaman, "kadis")
    halaman.goto(url)
    buka_aksi(halaman, "tandatangani")
    halaman.fill("input[name=passphrase]", PASSPHRASE)
    kirim_aksi(halaman)
    halaman.wait_for_selector("#panel-dokumen .dokumen[data-jenis=surat_keluar][data-status=selesai]")
    halaman.langkah("kadis-tte")

    # 7. The tata usaha hands it to the caraka, who records the receipt with a photo.
    masuk(halaman, "tata_usaha")
    halaman.goto(url)
    buka_aksi(halaman, "serahkan_caraka")
    kirim_aksi(halaman)
    masuk(halaman, "caraka")
    halaman.goto(url)
    buka_aksi(halaman, "catat_terima")
    halaman.fill("input[name=diterima_oleh]", "Sri, staf Kecamatan Bugul Kidul")
    halaman.set_input_files("input[name=lampiran]", str(foto))
    halaman.langkah("caraka-tanda-terima")
    kirim_aksi(halaman)
    assert "Terkirim" in halaman.inner_text("#status")
    assert "Sri, staf Kecamatan" in halaman.inner_text("#pengiriman")

    # 8. The tata usaha files it; it is found in the archive among the outgoing letters.
    masuk(halaman, "tata_usaha")
    halaman.goto(url)
    buka_aksi(halaman, "arsipkan")
    halaman.fill("input[name=lemari]", "B")
    halaman.fill("input[name=laci]", "1")
    halaman.fill("input[name=map]", "Surat keluar 2026")
    kirim_aksi(halaman)
    assert "retensi aktif" in halaman.inner_text("#arsip")
    halaman.goto("/umum/arsip/?jenis=keluar&kode=400.12")
    assert nomor in halaman.inner_text("#hasil-arsip")
    halaman.langkah("tu-arsip")
    surat.refresh_from_db()
    assert surat.status == "diarsipkan" and surat.diterima_oleh.startswith("Sri")


def test_leave_request_with_the_balance_check(halaman, pengguna):
    pengguna("tata_usaha")
    pegawai = pengguna("pegawai")
    # February next year: the whole leave in one year, whatever today's date.
    mulai = date(timezone.localdate().year + 1, 2, 1)
    mulai += timedelta(days=(7 - mulai.weekday()) % 7)

    masuk(halaman, "pegawai")
    halaman.click("main >> text=Ajukan kenaikan pangkat, cuti atau pensiun")
    assert "Sisa cuti tahunan" in halaman.inner_text("#saldo-cuti")
    halaman.select_option("select[name=jenis]", "cuti")
    halaman.select_option("select[name=jenis_cuti]", "tahunan")
    halaman.fill("input[name=tanggal_mulai]", mulai.isoformat())
    halaman.fill("input[name=tanggal_selesai]", (mulai + timedelta(days=39)).isoformat())
    halaman.fill("input[name=alamat_selama_cuti]", "Jl. Pahlawan 1, Pasuruan")
    halaman.click("button[name=simpan]")
    halaman.wait_for_selector(".invalid-feedback, .errorlist")
    assert "Sisa cuti tahunan" in halaman.inner_text("main form")
    assert halaman.input_value("input[name=alamat_selama_cuti]") == "Jl. Pahlawan 1, Pasuruan"
    halaman.langkah("pegawai-melebihi-saldo")
    assert not UsulanKepegawaian.objects.exists()

    halaman.fill("input[name=tanggal_selesai]", (mulai + timedelta(days=2)).isoformat())
    halaman.click("button[name=simpan]")
    halaman.wait_for_selector("#status")
    usulan = UsulanKepegawaian.objects.get()
    assert usulan.pegawai == pegawai and usulan.lama_hari >= 1
    assert "sisa" in halaman.inner_text("#saldo-cuti")
    halaman.langkah("pegawai-diajukan")

    masuk(halaman, "tata_usaha")
    halaman.goto(f"/umum/kepegawaian/{usulan.pk}/")
    buka_aksi(halaman, "ajukan_bkd")
    kirim_aksi(halaman)
    assert "BKD" in halaman.inner_text("#status")
    halaman.langkah("tu-ajukan-bkd")
