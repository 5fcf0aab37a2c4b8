"""P.1.2.1.2 and P.1.2.2 in a real browser: an incoming letter from its entry in the agenda to
its delivery to two targets, their follow-up, its filing, and finding it in the archive.

Each role logs in in turn: tata usaha, kadis, sekretaris, tata usaha, caraka, each target, tata
usaha. Screenshots of every step are kept under test-artifacts/.
"""

import io
from datetime import timedelta

import pytest
from django.utils import timezone

from apps.umum.demo import pdf_contoh
from apps.umum.models import KlasifikasiArsip, SuratMasuk
from tests.conftest import kirim_aksi, masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def buka_antrian(page, judul: str) -> None:
    """From the home page, open the queue card with this title."""
    page.goto("/")
    page.click(f"a.kartu-antrian:has-text('{judul}')")
    page.wait_for_selector("table")


def jalankan(page, aksi: str, pilih: str = "[data-aksi={aksi}]") -> None:
    page.click(pilih.format(aksi=aksi))
    page.wait_for_selector("form button[name=kirim]")


def test_incoming_letter_from_entry_to_two_targets_and_the_archive(halaman, pengguna, tmp_path):
    from PIL import Image

    for kode in ("tata_usaha", "kadis", "sekretaris", "caraka", "kabid"):
        pengguna(kode)
    kasi = pengguna("kasi")
    # Browser tests flush the database between tests: the archive code the clerk picks is made here.
    kode_arsip, _ = KlasifikasiArsip.objects.get_or_create(
        kode="400.12.3", defaults={"nama": "Pencatatan Sipil", "retensi_aktif": 2, "retensi_inaktif": 3}
    )
    pindaian = tmp_path / "undangan.pdf"
    pindaian.write_bytes(pdf_contoh("Dinas Kesehatan Kota Pasuruan", "Perihal: Undangan rapat data kematian"))
    foto = tmp_path / "tanda-terima.png"
    buf = io.BytesIO()
    Image.new("RGB", (60, 40), "white").save(buf, format="PNG")
    foto.write_bytes(buf.getvalue())
    tanggal_surat = (timezone.localdate() - timedelta(days=3)).isoformat()

    # 1. Tata usaha enters the letter and its scan; it gets agenda number 1 of the year.
    masuk(halaman, "tata_usaha")
    halaman.langkah("tu-beranda")
    halaman.click("main >> text=Catat surat masuk")
    halaman.select_option("select[name=asal]", "opd")
    halaman.fill("input[name=pengirim]", "Dinas Kesehatan Kota Pasuruan")
    halaman.fill("input[name=nomor_surat]", "400.7/1021/423.104/2026")
    halaman.fill("input[name=tanggal_surat]", tanggal_surat)
    halaman.fill("input[name=perihal]", "Undangan rapat koordinasi data kematian")
    halaman.select_option("select[name=sifat]", "penting")
    halaman.set_input_files("input[name=pindaian]", str(pindaian))
    halaman.langkah("tu-isi-surat-masuk")
    halaman.click("button[name=simpan]")
    halaman.wait_for_selector("#nomor-agenda")
    assert halaman.inner_text("#nomor-agenda") == f"0001/{timezone.localdate().year}"
    assert "Pindaian surat" in halaman.inner_text("#lampiran")
    halaman.langkah("tu-surat-diagendakan")
    surat = SuratMasuk.objects.get()

    # 2. The kadis disposes it to the position "kabid" and to a named kasi.
    masuk(halaman, "kadis")
    buka_antrian(halaman, "Surat masuk")
    halaman.langkah("kadis-antrian")
    halaman.click(f"text={surat.kode_lacak}")
    jalankan(halaman, "disposisikan")
    halaman.check("input[name=tujuan_jabatan][value=kabid]")
    halaman.check(f"input[name=tujuan_pengguna][value='{kasi.pk}']")
    halaman.check("input[name=instruksi][value=tindak_lanjuti]")
    halaman.check("input[name=instruksi][value=hadiri]")
    halaman.fill("textarea[name=instruksi_lain]", "Ajak operator SIAK")
    halaman.fill("textarea[name=catatan]", "Mohon hadir tepat waktu")
    halaman.langkah("kadis-lembar-disposisi")
    kirim_aksi(halaman)
    assert "Didisposisi" in halaman.inner_text("#status")
    assert "Ajak operator SIAK" in halaman.inner_text("#disposisi")
    halaman.langkah("kadis-didisposisi")

    # 3. The secretary forwards it to the administration.
    masuk(halaman, "sekretaris")
    buka_antrian(halaman, "Surat masuk")
    halaman.click(f"text={surat.kode_lacak}")
    jalankan(halaman, "teruskan")
    kirim_aksi(halaman)
    assert "Diteruskan ke tata usaha" in halaman.inner_text("#status")
    halaman.langkah("sekretaris-diteruskan")

    # 4. The administration hands the file to the caraka.
    masuk(halaman, "tata_usaha")
    buka_antrian(halaman, "Surat masuk")
    halaman.click(f"text={surat.kode_lacak}")
    jalankan(halaman, "serahkan_caraka")
    kirim_aksi(halaman)
    assert "Diantar caraka" in halaman.inner_text("#status")
    halaman.langkah("tu-diserahkan-ke-caraka")

    # 5. The caraka delivers to each target: the first from its delivery list, with a photo of
    #    the signed receipt; the second from the letter's page. Then the letter is delivered.
    masuk(halaman, "caraka")
    buka_antrian(halaman, "Disposisi untuk saya")
    halaman.langkah("caraka-daftar-antar")
    kabid_d = surat.disposisi.get(jabatan="kabid")
    kasi_d = surat.disposisi.get(pengguna=kasi)
    halaman.click(f"text={kabid_d.kode_lacak}")
    jalankan(halaman, "terima")
    halaman.fill("input[name=diterima_oleh]", "Ir. Sri Rahayu")
    halaman.set_input_files("input[name=lampiran]", str(foto))
    halaman.langkah("caraka-catat-penerimaan-kabid")
    kirim_aksi(halaman)
    assert "Diterima" in halaman.inner_text("#status")
    halaman.goto(f"/umum/surat-masuk/{surat.pk}/")
    assert "Diantar caraka" in halaman.inner_text("#status")
    jalankan(halaman, "terima", f"tr[data-tujuan='{kasi_d.tujuan_label}'] [data-aksi-tujuan={{aksi}}]")
    kirim_aksi(halaman)
    halaman.goto(f"/umum/surat-masuk/{surat.pk}/")
    assert "Tersampaikan" in halaman.inner_text("#status")
    assert "tanda terima" in halaman.inner_text("#tujuan")
    halaman.langkah("caraka-surat-tersampaikan")

    # 6. Each target finds it in "Disposisi untuk saya" and marks it followed up.
    for kode, d, catatan in (("kabid", kabid_d, "Rapat dihadiri Kabid Capil"), ("kasi", kasi_d, "Data kematian dicocokkan")):
        masuk(halaman, kode)
        buka_antrian(halaman, "Disposisi untuk saya")
        assert d.kode_lacak in halaman.inner_text("table")
        halaman.langkah(f"{kode}-disposisi-untuk-saya")
        halaman.click(f"text={d.kode_lacak}")
        jalankan(halaman, "tindak_lanjuti")
        halaman.fill("textarea[name=catatan]", catatan)
        kirim_aksi(halaman)
        assert "Ditindaklanjuti" in halaman.inner_text("#status")
        assert catatan in halaman.inner_text("#tindak-lanjut")
        halaman.langkah(f"{kode}-ditindaklanjuti")

    # 7. The administration files it by archive code and place, then finds it in the archive.
    masuk(halaman, "tata_usaha")
    buka_antrian(halaman, "Surat masuk")
    halaman.click(f"text={surat.kode_lacak}")
    assert "Rapat dihadiri Kabid Capil" in halaman.inner_text("#tujuan")
    jalankan(halaman, "arsipkan")
    halaman.select_option("select[name=klasifikasi]", str(kode_arsip.pk))
    halaman.fill("input[name=lemari]", "A")
    halaman.fill("input[name=laci]", "2")
    halaman.fill("input[name=map]", "Undangan OPD 2026")
    halaman.langkah("tu-arsipkan")
    kirim_aksi(halaman)
    assert "Diarsipkan" in halaman.inner_text("#status")
    assert "Lemari A · Laci 2 · Map Undangan OPD 2026" in halaman.inner_text("#lokasi-arsip")
    halaman.langkah("tu-diarsipkan")

    halaman.goto("/")
    halaman.click("main >> text=Arsip surat")
    halaman.fill("input[name=kode]", "400.12")
    halaman.fill("input[name=pengirim]", "kesehatan")
    halaman.fill("input[name=dari]", tanggal_surat)
    halaman.fill("input[name=sampai]", timezone.localdate().isoformat())
    halaman.fill("input[name=perihal]", "rapat")
    halaman.click("button[name=cari]")
    halaman.wait_for_selector("#hasil-arsip")
    hasil = halaman.inner_text("#hasil-arsip")
    assert f"0001/{timezone.localdate().year}" in hasil and "Undangan rapat koordinasi data kematian" in hasil
    halaman.langkah("tu-cari-arsip")

    surat.refresh_from_db()
    assert (surat.status, surat.klasifikasi, surat.versi) == ("diarsipkan", kode_arsip, 5)
    assert set(surat.disposisi.values_list("status", flat=True)) == {"ditindaklanjuti"}
