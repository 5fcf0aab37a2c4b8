"""P.4.5 and P.4.3.2 in a real browser, on a phone (360 px) and on a desktop, each step by the role
that owns it: a vulnerable resident's biodata goes through a berita acara pendataan and a field
survey to a new resident with the NIK SIAK and a recording request; an elderly resident is recorded
at home with a companion from another Perangkat Daerah, on the team's printed visit list."""

import io

import pytest
from django.utils import timezone
from PIL import Image

from apps.pendaftaran.models.blangko import MutasiBlangko, StokBlangko
from apps.pendaftaran.models.perekaman import PerekamanKTP
from apps.pendaftaran.services_p4 import blangko_terima
from apps.pendaftaran.tests.pabrik_p4 import buat_biodata, buat_lansia
from apps.penduduk.models import Penduduk, RiwayatRegister
from tests.conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NIK_SIAK = "3575015505480001"


def _aksi(halaman, aksi: str, isian: dict | None = None) -> None:
    """Open an action from the detail page, fill its form, send it, and wait for the detail page."""
    halaman.click(f"[data-aksi={aksi}]")
    for pemilih, nilai in (isian or {}).items():
        halaman.fill(pemilih, nilai)
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")


def _foto_png() -> dict:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 160, 90)).save(buf, "PNG")
    return {"name": "survei-panti.png", "mimeType": "image/png", "buffer": buf.getvalue()}


@pytest.mark.parametrize("lebar", [360, 1280])
def test_p45_berita_acara_and_survey_to_a_new_resident_with_a_siak_nik(halaman, pengguna, lebar):
    halaman.set_viewport_size({"width": lebar, "height": 800})
    for peran in ("verifikator_pendataan", "operator_siak", "operator_rekam"):
        pengguna(peran)
    obj = buat_biodata("diajukan")
    url = f"/pendaftaran/biodata-rentan/{obj.pk}/"

    # Verifikator pendataan: the supporting data is unclear → berita acara pendataan (PDF).
    masuk(halaman, "verifikator_pendataan")
    halaman.goto(url)
    _aksi(halaman, "data_meragukan", {"textarea[name=catatan]": "Surat panti tanpa tanggal lahir yang jelas"})
    ba = halaman.locator("#panel-dokumen .dokumen[data-jenis=berita_acara_pendataan]")
    assert ba.get_attribute("data-status") == "selesai"
    unduh = halaman.request.get(ba.locator("a", has_text="Unduh PDF").get_attribute("href"))
    assert unduh.ok and unduh.body().startswith(b"%PDF")
    halaman.langkah(f"berita-acara-{lebar}")

    # The field survey: date, officer, findings and a photo.
    hari_ini = timezone.localdate().isoformat()
    halaman.click("[data-aksi=catat_survei]")
    halaman.fill("input[name=tanggal_survei]", hari_ini)
    halaman.fill("input[name=petugas_survei]", "Andi Wijaya")
    halaman.fill("textarea[name=temuan_survei]", "Benar tinggal di panti sejak 2019, dikenal pengurus")
    halaman.set_input_files("input[name=lampiran]", _foto_png())
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")
    assert "Andi Wijaya" in halaman.inner_text("#survei")
    foto = halaman.locator("#lampiran a", has_text="Foto survei lapangan")
    assert halaman.request.get(foto.get_attribute("href")).headers["content-type"].startswith("image/")
    halaman.langkah(f"survei-{lebar}")

    # Re-check: now valid.
    _aksi(halaman, "data_valid")
    assert halaman.inner_text("#status") == "Data valid: input biodata"

    # Operator SIAK types the NIK SIAK twice; a mismatch is refused and keeps what was typed.
    masuk(halaman, "operator_siak")
    halaman.goto(url)
    halaman.click("[data-aksi=input_biodata]")
    halaman.fill("input[name=nik]", NIK_SIAK)
    halaman.fill("input[name=nik_ulang]", "3575015505480002")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("text=Kedua isian NIK tidak sama.")
    assert halaman.input_value("input[name=nik]") == NIK_SIAK
    halaman.langkah(f"nik-tidak-sama-{lebar}")
    halaman.fill("input[name=nik_ulang]", NIK_SIAK)
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")
    assert NIK_SIAK in halaman.inner_text("#nik-siak")
    halaman.langkah(f"biodata-terbit-{lebar}")
    baru = Penduduk.objects.get(nik=NIK_SIAK)
    assert baru.nama == "MBAH SUMI" and RiwayatRegister.objects.filter(penduduk=baru, sebab_id=obj.pk).exists()

    # The P.4.3.1 recording request opened for the person, visible and ready for operator rekam.
    rekam = PerekamanKTP.objects.get(nik=NIK_SIAK)
    assert rekam.kode_lacak in halaman.inner_text("#tautan-perekaman")
    masuk(halaman, "operator_rekam")
    halaman.goto(url.replace(f"biodata-rentan/{obj.pk}", f"perekaman/{rekam.pk}"))
    assert rekam.kode_lacak in halaman.inner_text("h1")
    _aksi(halaman, "nik_ditemukan")
    halaman.langkah(f"perekaman-dibuka-{lebar}")
    rekam.refresh_from_db()
    assert rekam.status == "siap_rekam"


@pytest.mark.parametrize("lebar", [360, 1280])
def test_p432_recorded_at_home_with_a_companion_then_printed(halaman, pengguna, lebar):
    halaman.set_viewport_size({"width": lebar, "height": 800})
    for peran in ("verifikator", "operator_rekam", "operator_siak"):
        pengguna(peran)
    blangko_terima(jumlah=1)
    obj = buat_lansia("diajukan")
    url = f"/pendaftaran/perekaman-lansia/{obj.pk}/"

    # Verifikator: a companion from Dinas Sosial is needed; the letter and the answer are recorded.
    masuk(halaman, "verifikator")
    halaman.goto(url)
    _aksi(halaman, "ajukan_pendamping", {"input[name=perangkat_daerah]": "Dinas Sosial",
                                         "input[name=nomor_surat_permohonan]": "470/12/410.105/2026"})
    _aksi(halaman, "catat_jawaban", {"input[name=nomor_surat_jawaban]": "460/7/423.101/2026",
                                     "input[name=jawaban_pendamping]": "Pendamping: Bu Rina (pekerja sosial)"})
    teks = halaman.inner_text("#pendampingan")
    assert "Dinas Sosial" in teks and "460/7/423.101/2026" in teks and "Bu Rina" in teks
    halaman.langkah(f"pendamping-{lebar}")

    # Operator rekam schedules the recording at home: date, address, team.
    hari_ini = timezone.localdate().isoformat()
    masuk(halaman, "operator_rekam")
    halaman.goto(url)
    halaman.click("[data-aksi=jadwalkan]")
    halaman.select_option("select[name=tempat]", "rumah")
    halaman.fill("input[name=tanggal_rekam]", hari_ini)
    halaman.fill("input[name=alamat_kunjungan]", "Jl. Hayam Wuruk 1 RT 002/RW 003, Pasuruan")
    halaman.fill("input[name=tim]", "Tim A (Andi, Budi)")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")
    assert "Tim A (Andi, Budi)" in halaman.inner_text("#jadwal")

    # The visit list for that day; its print button is wired by a static script (no inline handler).
    halaman.add_init_script("window.print = () => { window.dicetak = (window.dicetak || 0) + 1; };")
    halaman.click("#tautan-kunjungan")
    halaman.wait_for_selector("#daftar-kunjungan")
    baris = halaman.inner_text("#daftar-kunjungan")
    assert obj.kode_lacak in baris and "Jl. Hayam Wuruk 1 RT 002/RW 003" in baris and "Dinas Sosial" in baris
    halaman.click("[data-cetak]")
    assert halaman.evaluate("window.dicetak") == 1
    halaman.langkah(f"daftar-kunjungan-{lebar}")

    halaman.goto(url)
    _aksi(halaman, "rekam_selesai")

    # Operator SIAK reads the status: PRR → print, one blangko.
    masuk(halaman, "operator_siak")
    halaman.goto(url)
    _aksi(halaman, "status_prr")
    assert halaman.inner_text("#status") == "Siap dicetak"
    _aksi(halaman, "cetak")
    halaman.langkah(f"dicetak-{lebar}")
    obj.refresh_from_db()
    assert (obj.status, obj.tempat, obj.perangkat_daerah) == ("dicetak", "rumah", "Dinas Sosial")
    assert StokBlangko.objects.get().stok == 0
    assert list(MutasiBlangko.objects.filter(perekaman_lansia=obj).values_list("gerak", flat=True)) == ["pakai"]
