"""P.5.4 in a real browser: a correction of an existing deed taken into the register at the SIAK
input, sent back once by the kasi naming the field, corrected, verified field by field, signed."""

import pytest

from apps.capil.models import PerubahanAkta, RegisterAkta
from apps.capil.models.perubahan import Status
from apps.dokumen.models import Dokumen, Pejabat
from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci  # noqa: F401
from tests.conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERAN = ["petugas_fo", "operator_siak", "kasi", "kabid", "kadis"]


def buka(halaman, objek) -> None:
    halaman.goto(f"/capil/perubahan-akta/{objek.pk}/")
    halaman.wait_for_selector("#status")


def aksi(halaman, nama: str, isian: dict | None = None, centang=()) -> None:
    halaman.click(f"[data-aksi={nama}]")
    for selektor, nilai in (isian or {}).items():
        halaman.fill(selektor, nilai)
    for selektor in centang:
        halaman.check(selektor)
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")


def test_pembetulan_with_one_return_naming_a_field(halaman, pengguna):
    for kode in PERAN:
        pengguna(kode)
    Pejabat.objects.create(user=pengguna("kadis"), nama="Dr. Bambang Sutrisno, S.H., M.Si.", nip="197003121995031002",
                           jabatan="Kepala Dinas Kependudukan dan Pencatatan Sipil")
    objek = PerubahanAkta.objects.create(
        jenis="pembetulan", pemohon_nik="3575010101900001", pemohon_nama="SITI", nomor_akta="474.1/123/1995",
        berkas_persyaratan={"formulir": 1, "ktp_kk": 1, "kutipan": 1})

    masuk(halaman, "petugas_fo")
    buka(halaman, objek)
    aksi(halaman, "periksa")
    halaman.langkah("fo-berkas-lengkap")

    masuk(halaman, "operator_siak")
    buka(halaman, objek)
    halaman.click("[data-aksi=input_siak]")
    halaman.fill("input[name=nomor_siak]", "SIAK-1")
    halaman.select_option("select[name=akta_jenis]", "akta_kelahiran")
    halaman.fill("input[name=akta_tanggal]", "1995-02-03")
    halaman.fill("textarea[name=akta_orang]", "anak = BUDI SANTOS; 3575010101950001")
    halaman.fill("textarea[name=akta_isian]", "nama = BUDI SANTOS\ntempat_lahir = PASURUAN")
    halaman.fill("textarea[name=pembetulan]", "nama = BUDI SANTOS0")
    halaman.langkah("siak-input-akta-lama")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")
    aksi(halaman, "ajukan_cetak")
    assert RegisterAkta.objects.filter(nomor_akta="474.1/123/1995").exists()

    # The kasi finds the name does not match the evidence: back to the operator, field named.
    masuk(halaman, "kasi")
    buka(halaman, objek)
    aksi(halaman, "perbaikan_kasi", {"textarea[name=catatan]": "Nama: tidak sesuai bukti (BUDI SANTOS0)"})
    assert "Nama: tidak sesuai bukti" in halaman.inner_text("#riwayat")
    halaman.langkah("kasi-kembalikan-nama")

    masuk(halaman, "operator_siak")
    buka(halaman, objek)
    halaman.click("[data-aksi=input_siak]")
    halaman.fill("input[name=nomor_siak]", "SIAK-1")
    halaman.fill("textarea[name=pembetulan]", "nama = BUDI SANTOSO")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")
    aksi(halaman, "ajukan_cetak")

    for peran, nama in [("kasi", "verifikasi_kasi"), ("kabid", "verifikasi_kabid")]:
        masuk(halaman, peran)
        buka(halaman, objek)
        aksi(halaman, nama, centang=["input[name=sesuai_nama]"])
        halaman.langkah(f"{peran}-verifikasi-per-field")

    masuk(halaman, "kadis")
    buka(halaman, objek)
    aksi(halaman, "tandatangani", {"input[name=passphrase]": PASSPHRASE})
    objek.refresh_from_db()
    assert objek.status == Status.DITANDATANGANI
    reg = RegisterAkta.objects.get(nomor_akta="474.1/123/1995")
    assert reg.isian()["nama"] == "BUDI SANTOSO" and reg.catatan_pinggir.count() == 1
    assert Dokumen.untuk(objek).filter(jenis="kutipan_akta_catatan_pinggir").exists()
    halaman.langkah("kadis-tte")
