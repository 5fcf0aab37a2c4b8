"""P.4.1 end to end in a real browser: each role logs in and takes its step.

1. A KK request (P.4.1.2) from the front office to handover, with one return to the applicant
   (and its completion) and one damaged print (reprint), then the citizen's status page: masked
   identity, timeline, download of the signed PDF.
2. A KK request filed by an integrated partner (P.4.1.3): the partner checks completeness, the
   verifikator sends it back to the partner with a reason, the partner corrects it, and the
   finished KK is handed to the partner's officer.
"""

import datetime
import subprocess

import pytest
from django.core import mail

from apps.pendaftaran.models import PermohonanDenganVerifikasi, PermohonanIntegrasi
from apps.pendaftaran.tests.factories import (
    PASSPHRASE,
    PDF,
    buat_pejabat,
    instansi_mitra,
    jadikan_petugas_mitra,
    layanan,
)
from apps.penduduk.models import Keluarga, Penduduk, Wilayah
from tests.conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NIK = "3575014107900003"


@pytest.fixture
def register(db):
    # A transactional test's flush empties the region table its migration loaded: put back one.
    kota, _ = Wilayah.objects.get_or_create(kode="35.75", defaults={"tingkat": "kota", "nama": "Kota Pasuruan"})
    kec, _ = Wilayah.objects.get_or_create(kode="35.75.01", defaults={"tingkat": "kecamatan", "nama": "Gadingrejo", "induk": kota})
    kel, _ = Wilayah.objects.get_or_create(kode="35.75.01.1001", defaults={"tingkat": "kelurahan", "nama": "Karangketug", "induk": kec})
    kk = Keluarga.objects.create(no_kk="3575010101200001", alamat="Jl. Hayam Wuruk 1", rt="001", rw="002", kelurahan=kel)
    kepala = Penduduk.objects.create(
        nik="3575010101850001", nama="AHMAD FAUZI", tempat_lahir="Pasuruan", tanggal_lahir=datetime.date(1985, 1, 1),
        jenis_kelamin="L", agama="islam", status_perkawinan="kawin", pekerjaan="Karyawan swasta", keluarga=kk,
        hubungan="kepala", alamat="Jl. Hayam Wuruk 1", rt="001", rw="002", kelurahan=kel,
    )
    kk.kepala = kepala
    kk.save(update_fields=["kepala"])
    return Penduduk.objects.create(
        nik=NIK, nama="SITI AMINAH", tempat_lahir="Pasuruan", tanggal_lahir=datetime.date(1990, 7, 1),
        jenis_kelamin="P", agama="islam", status_perkawinan="kawin", pekerjaan="Wiraswasta", keluarga=kk,
        hubungan="istri", alamat="Jl. Hayam Wuruk 1", rt="001", rw="002", kelurahan=kel,
    )


@pytest.fixture
def pejabat(pengguna, settings, tmp_path):
    settings.TTE_BACKEND = "lokal"
    settings.TTE_KEY_DIR = tmp_path / "tte"
    settings.TTE_KEY_DIR.mkdir()
    for kode, nip in (("kabid", "197001011995031001"), ("kadis", "196801011990031001")):
        buat_pejabat(pengguna(kode), nip=nip, direktori=settings.TTE_KEY_DIR)


@pytest.fixture
def berkas(tmp_path):
    path = tmp_path / "pindaian.pdf"
    path.write_bytes(PDF)
    return str(path)


def buka_dari_antrian(page, antrian: str, kode: str) -> None:
    page.goto(antrian)
    page.click(f"a.kode-lacak:has-text('{kode}')")
    page.wait_for_selector("#status")


def aksi(page, nama: str, isi: dict | None = None) -> None:
    """Click the action, fill its form, submit, and wait for the detail page again."""
    page.click(f"[data-aksi={nama}]")
    page.wait_for_selector("button[name=kirim]")
    for selector, nilai in (isi or {}).items():
        page.fill(selector, nilai)
    page.click("button[name=kirim]")
    page.wait_for_selector("#riwayat")


def status(page) -> str:
    return page.inner_text("#status").strip()


def test_kk_from_intake_to_handover_and_the_citizens_status_page(halaman, pengguna, register, pejabat, berkas):
    page = halaman
    for kode in ("petugas_fo", "operator_siak", "verifikator", "operator_pengambilan"):
        pengguna(kode)
    lay = layanan("kk", "hilang")
    f102, polisi, ktp = list(lay.persyaratan.order_by("urutan"))

    # -- front office: intake of a walk-in citizen ---------------------------------------------
    masuk(page, "petugas_fo")
    page.langkah("fo-beranda")
    page.click("main >> text=Pendaftaran baru (KTP-el, KK, KIA)")
    page.select_option("select[name=layanan]", str(lay.pk))
    page.click("#pilih-layanan button")
    page.wait_for_selector("#form-pendaftaran")
    page.fill("input[name=nik]", NIK)
    page.click("#cari-nik")
    page.wait_for_selector("text=Ditemukan di register")
    assert page.input_value("input[name=nama]") == "SITI AMINAH"
    assert page.input_value("input[name=no_kk]") == "3575010101200001"
    page.fill("input[name=email]", "siti@example.id")
    for p in (f102, polisi):
        page.check(f"input[name=syarat_{p.pk}]")
        page.set_input_files(f"input[name=berkas_{p.pk}]", berkas)
    page.langkah("fo-pendaftaran-diisi")
    page.click("button[name=simpan]")
    page.wait_for_selector("#status")
    obj = PermohonanDenganVerifikasi.objects.get()
    assert obj.kode_lacak in page.inner_text("h1")
    page.wait_for_selector(".dokumen[data-jenis=tanda_terima][data-status=selesai]")
    href = page.get_attribute(".dokumen[data-jenis=tanda_terima] >> text=Unduh PDF", "href")
    pdf = page.request.get(href).body()
    teks = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert obj.kode_lacak in teks and obj.pin in teks
    page.langkah("fo-tanda-terima")

    # -- the KTP-el is missing: back to the applicant, who completes it ------------------------
    page.click("[data-aksi=berkas_lengkap]")
    page.click("button[name=kirim]")
    page.wait_for_selector("text=Persyaratan wajib belum ada")
    page.langkah("fo-belum-lengkap")
    page.get_by_role("link", name="Batal", exact=True).click()
    aksi(page, "kembalikan", {"textarea[name=catatan]": "Bawa KTP-el kepala keluarga."})
    assert status(page) == "Dikembalikan ke pemohon"
    page.langkah("fo-dikembalikan")
    page.click("[data-aksi=lengkapi]")
    page.set_input_files(f"input[name=berkas_{ktp.pk}]", berkas)
    page.click("button[name=kirim]")
    page.wait_for_selector("#riwayat")
    aksi(page, "berkas_lengkap")
    assert status(page) == "Berkas lengkap"
    page.langkah("fo-berkas-lengkap")

    # -- operator SIAK, verifikator, kabid ------------------------------------------------------
    antrian = "/pendaftaran/kk-kia/"
    masuk(page, "operator_siak")
    buka_dari_antrian(page, antrian, obj.kode_lacak)
    aksi(page, "input_siak", {"input[name=referensi_siak]": "SIAK-2026-000123"})
    assert status(page) == "Diinput di SIAK"
    page.langkah("siak-input")

    masuk(page, "verifikator")
    buka_dari_antrian(page, antrian, obj.kode_lacak)
    aksi(page, "verifikasi")
    assert status(page) == "Terverifikasi"
    page.langkah("verifikator-terverifikasi")

    masuk(page, "kabid")
    buka_dari_antrian(page, antrian, obj.kode_lacak)
    aksi(page, "tandatangani", {"input[name=passphrase]": PASSPHRASE})
    assert status(page) == "Ditandatangani (TTE)"
    page.wait_for_selector(".dokumen[data-jenis=kk][data-status=selesai]")
    page.langkah("kabid-tte")
    assert [m.to for m in mail.outbox] == [["siti@example.id"]]

    # -- print, a damaged card, reprint, QC, handover --------------------------------------------
    masuk(page, "operator_siak")
    buka_dari_antrian(page, antrian, obj.kode_lacak)
    aksi(page, "cetak")
    assert status(page) == "Dicetak"

    masuk(page, "operator_pengambilan")
    buka_dari_antrian(page, antrian, obj.kode_lacak)
    aksi(page, "cetakan_rusak", {"textarea[name=catatan]": "Hasil cetak bergaris."})
    assert status(page) == "Ditandatangani (TTE)"
    page.langkah("pengambilan-rusak")

    masuk(page, "operator_siak")
    buka_dari_antrian(page, antrian, obj.kode_lacak)
    aksi(page, "cetak")

    masuk(page, "operator_pengambilan")
    buka_dari_antrian(page, antrian, obj.kode_lacak)
    aksi(page, "cetakan_bagus")
    assert status(page) == "Siap diambil"
    page.click("[data-aksi=serahkan]")
    assert page.input_value("input[name=penerima]") == "SITI AMINAH"
    page.click("button[name=kirim]")
    page.wait_for_selector("#riwayat")
    assert status(page) == "Selesai"
    assert "1 kali" in page.inner_text("#cetak-ulang")
    page.langkah("pengambilan-diserahkan")
    obj.refresh_from_db()
    assert (obj.status, obj.jumlah_cetak_ulang) == ("selesai", 1)

    # -- the citizen, without logging in ----------------------------------------------------------
    page.context.clear_cookies()
    page.goto(f"/status/?kode={obj.kode_lacak}")
    assert page.input_value("input[name=kode]") == obj.kode_lacak
    page.fill("input[name=pin]", obj.pin)
    page.click("button[name=cek]")
    page.wait_for_selector("#linimasa")
    teks = page.inner_text("main")
    assert "S*** A*****" in teks and "357501********03" in teks
    assert "SITI AMINAH" not in teks and NIK not in teks
    assert "Selesai: dokumen sudah diserahkan." in teks
    linimasa = page.inner_text("#linimasa")
    for langkah in ("Permohonan diterima", "Dikembalikan ke pemohon", "Bawa KTP-el kepala keluarga.",
                    "Persyaratan dilengkapi", "Hasil cetak rusak, dicetak ulang", "Diinput di SIAK",
                    "Terverifikasi", "Ditandatangani (TTE)", "Dicetak", "Siap diambil", "Selesai"):
        assert langkah in linimasa
    for nama_petugas in ("Petugas Fo", "Kabid", "Operator Siak"):
        assert nama_petugas not in teks
    page.langkah("warga-status")
    with page.expect_download() as unduhan:
        page.click("#dokumen-publik a")
    path = unduhan.value.path()
    assert open(path, "rb").read(5) == b"%PDF-"
    sig = subprocess.run(["pdfsig", path], capture_output=True, text=True)
    assert "Signature #1" in sig.stdout


def test_kk_through_an_integrated_partner(halaman, pengguna, register, pejabat, berkas):
    page = halaman
    for kode in ("operator_siak", "verifikator", "operator_pengambilan"):
        pengguna(kode)
    mitra = pengguna("petugas_integrasi")
    mitra.first_name, mitra.last_name = "Ahmad", "Fauzi"
    mitra.save(update_fields=["first_name", "last_name"])
    jadikan_petugas_mitra(mitra, instansi_mitra("KUA Bugul Kidul"))
    lay = layanan("kk", "perubahan_data")

    masuk(page, "petugas_integrasi")
    page.langkah("mitra-beranda")
    page.click("main >> text=Ajukan KK/KTP-el lewat mitra")
    page.select_option("select[name=layanan]", str(lay.pk))
    page.click("#pilih-layanan button")
    page.fill("input[name=nik]", NIK)
    page.click("#cari-nik")
    page.wait_for_selector("text=Ditemukan di register")
    for p in lay.persyaratan.all():
        page.set_input_files(f"input[name=berkas_{p.pk}]", berkas)
    # P.4.1.3 has no SIAK step at the Dinas: the partner records the KK's change.
    page.fill("input[name=ubah_nik_1]", NIK)
    page.select_option("select[name=ubah_kolom_1]", "pekerjaan")
    page.fill("input[name=ubah_nilai_1]", "Guru")
    page.langkah("mitra-pengajuan")
    page.click("button[name=simpan]")
    page.wait_for_selector("#status")
    obj = PermohonanIntegrasi.objects.get()
    assert "KUA Bugul Kidul" in page.inner_text("#data-permohonan")
    aksi(page, "berkas_lengkap")
    assert status(page) == "Berkas lengkap"
    page.langkah("mitra-dikirim")

    antrian = "/pendaftaran/integrasi/"
    masuk(page, "verifikator")
    buka_dari_antrian(page, antrian, obj.kode_lacak)
    aksi(page, "minta_perbaikan", {"textarea[name=catatan]": "Pindaian buku nikah terpotong; unggah ulang halaman 2."})
    assert status(page) == "Perbaikan"

    masuk(page, "petugas_integrasi")
    page.goto(antrian)
    page.langkah("mitra-antrian")
    page.click(f"a.kode-lacak:has-text('{obj.kode_lacak}')")
    assert "Pindaian buku nikah terpotong" in page.inner_text("#riwayat")
    assert "Pindaian buku nikah terpotong" in page.inner_text("#alasan-kembali")
    page.langkah("mitra-melihat-alasan")
    bukti = lay.persyaratan.order_by("urutan").last()
    page.click("[data-aksi=perbaiki]")
    page.set_input_files(f"input[name=berkas_{bukti.pk}]", berkas)
    page.fill("textarea[name=catatan]", "Halaman 2 diunggah ulang.")
    page.click("button[name=kirim]")
    page.wait_for_selector("#riwayat")
    assert status(page) == "Berkas lengkap"

    masuk(page, "verifikator")
    buka_dari_antrian(page, antrian, obj.kode_lacak)
    aksi(page, "verifikasi")
    masuk(page, "kadis")
    buka_dari_antrian(page, antrian, obj.kode_lacak)
    aksi(page, "tandatangani", {"input[name=passphrase]": PASSPHRASE})
    page.wait_for_selector(".dokumen[data-jenis=kk][data-status=selesai]")
    page.langkah("kadis-tte")
    masuk(page, "operator_siak")
    buka_dari_antrian(page, antrian, obj.kode_lacak)
    aksi(page, "cetak")
    masuk(page, "operator_pengambilan")
    buka_dari_antrian(page, antrian, obj.kode_lacak)
    aksi(page, "cetakan_bagus")
    page.click("[data-aksi=serahkan]")
    assert page.input_value("input[name=penerima]") == "Ahmad Fauzi"
    page.click("button[name=kirim]")
    page.wait_for_selector("#riwayat")
    assert status(page) == "Selesai"
    page.langkah("diserahkan-ke-mitra")

    masuk(page, "petugas_integrasi")
    page.goto(f"{antrian}?semua=1")
    assert "Selesai" in page.inner_text("#antrian")
    page.langkah("mitra-selesai")


def test_the_front_office_refuses_and_the_signing_official_sends_back(halaman, pengguna, register, pejabat):
    """Issue 8 §5: a refusal with its reason, read by the citizen; the kabid sends a verified KK
    back to the verifikator instead of signing, and the verifikator reads why."""
    from apps.pendaftaran.tests.factories import buat_permohonan

    page = halaman
    pengguna("petugas_fo")
    pengguna("verifikator")
    ditolak = buat_permohonan(PermohonanDenganVerifikasi, nik=NIK, nama="SITI AMINAH")
    antrian = "/pendaftaran/kk-kia/"

    masuk(page, "petugas_fo")
    buka_dari_antrian(page, antrian, ditolak.kode_lacak)
    aksi(page, "tolak", {"textarea[name=catatan]": "Pemohon tidak berdomisili di Kota Pasuruan."})
    assert status(page) == "Ditolak"
    assert not page.locator("[data-aksi]").count()  # an end state: nothing more to do
    page.langkah("fo-ditolak")

    page.context.clear_cookies()
    page.goto(f"/status/?kode={ditolak.kode_lacak}")
    page.fill("input[name=pin]", ditolak.pin)
    page.click("button[name=cek]")
    page.wait_for_selector("#linimasa")
    teks = page.inner_text("main")
    assert "Permohonan ditolak" in teks and "tidak berdomisili di Kota Pasuruan" in teks
    page.langkah("warga-ditolak")

    kembali = buat_permohonan(PermohonanDenganVerifikasi, status="terverifikasi", nik=NIK, nama="SITI AMINAH",
                              no_kk="3575010101200001", referensi_siak="SIAK-2026-000777")
    masuk(page, "kabid")
    buka_dari_antrian(page, antrian, kembali.kode_lacak)
    aksi(page, "kembalikan_tte", {"textarea[name=catatan]": "Nama ibu pada KK berbeda dengan akta kelahiran."})
    assert status(page) == "Diinput di SIAK"
    page.langkah("kabid-kembalikan")

    masuk(page, "verifikator")
    buka_dari_antrian(page, antrian, kembali.kode_lacak)
    assert "Nama ibu pada KK berbeda" in page.inner_text("#alasan-kembali")
    assert page.locator("[data-aksi=verifikasi]").count() == 1
    page.langkah("verifikator-menerima-kembali")
    kembali.refresh_from_db()
    assert kembali.status == "diinput"
