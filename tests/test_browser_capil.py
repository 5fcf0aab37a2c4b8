"""P.5.1 in a real browser: a birth is reported at the front office and goes through every role
of the capil flow to the handover, ending with the child in the register, the kutipan akta signed
with its nomor akta, and the family's KK update request opened."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.capil.models import PencatatanSipil, RegisterAkta
from apps.capil.syarat import syarat_untuk
from apps.capil.tests.factories import keluarga_baru
from apps.dokumen.models import Dokumen, Pejabat
from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci  # noqa: F401
from apps.pendaftaran.models import PermohonanDenganVerifikasi
from apps.penduduk.models import Penduduk
from tests.conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PERAN = ["petugas_fo", "operator_siak", "kasi", "kabid", "kadis", "operator_pengambilan"]


def buka_berkas(halaman, kode_lacak: str) -> None:
    halaman.goto("/capil/pencatatan/")
    halaman.click(f"text={kode_lacak}")
    halaman.wait_for_selector("#status")


def aksi(halaman, nama: str, isian: dict | None = None) -> None:
    halaman.click(f"[data-aksi={nama}]")
    for selektor, nilai in (isian or {}).items():
        halaman.fill(selektor, nilai)
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")


def test_birth_from_intake_to_handover(halaman, pengguna):
    for kode in PERAN:
        pengguna(kode)
    Pejabat.objects.create(user=pengguna("kadis"), nama="Dr. Bambang Sutrisno, S.H., M.Si.", nip="197003121995031002",
                           jabatan="Kepala Dinas Kependudukan dan Pencatatan Sipil")
    kk, ayah, ibu = keluarga_baru()
    lahir = timezone.localdate() - timedelta(days=12)

    # Front office: the report (F-2.01) with NIK look-ups and the requirement scans.
    masuk(halaman, "petugas_fo")
    halaman.langkah("fo-beranda")
    halaman.goto("/capil/pencatatan/baru/")
    halaman.click("[data-jenis=kelahiran]")
    halaman.fill("input[name='rincian-nama_anak']", "Anisa Putri Santoso")
    halaman.fill("input[name='rincian-no_kk']", kk.no_kk)
    for nama, nik in [("rincian-ibu_nik", ibu.nik), ("rincian-ayah_nik", ayah.nik), ("pelapor_nik", ayah.nik)]:
        halaman.fill(f"input[name='{nama}']", nik)
        halaman.dispatch_event(f"input[name='{nama}']", "change")
    # (Locator expectations, not wait_for_function: the CSP forbids evaluating strings.)
    expect(halaman.locator("input[name='rincian-ibu_nama']")).to_have_value("SITI AMINAH")
    expect(halaman.locator("input[name='pelapor_nama']")).to_have_value("BUDI SANTOSO")
    halaman.select_option("select[name='rincian-jenis_kelamin']", "P")
    halaman.fill("input[name='rincian-tanggal_lahir']", lahir.isoformat())
    halaman.fill("input[name='rincian-waktu_lahir']", "08:30")
    halaman.select_option("select[name='rincian-tempat_dilahirkan']", "rs")
    halaman.fill("input[name='rincian-nama_tempat']", "RSUD dr. R. Soedarsono")
    halaman.fill("input[name='rincian-kelahiran_ke']", "1")
    halaman.select_option("select[name='rincian-penolong']", "bidan")
    halaman.fill("input[name='rincian-berat_gram']", "3100")
    halaman.fill("input[name='rincian-panjang_cm']", "49")
    halaman.fill("input[name='pelapor_hubungan']", "Ayah kandung")
    halaman.fill("input[name='email']", "budi@contoh.id")
    halaman.fill("input[name='saksi1_nik']", "3575010101800001")
    halaman.fill("input[name='saksi1_nama']", "AHMAD FAUZI")
    halaman.fill("input[name='saksi2_nik']", "3575010101800002")
    halaman.fill("input[name='saksi2_nama']", "DEWI LESTARI")
    for s in syarat_untuk("kelahiran"):
        halaman.set_input_files(f"input[name=berkas_{s.kode}]",
                                files=[{"name": f"{s.kode}.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    halaman.langkah("fo-formulir-kelahiran")
    halaman.click("button[name=simpan]")
    halaman.wait_for_selector("#riwayat")
    objek = PencatatanSipil.objects.get()
    assert objek.kelahiran.ibu == ibu and objek.kelahiran.keluarga == kk
    halaman.langkah("fo-pelaporan-dicatat")

    aksi(halaman, "periksa")
    assert "Berkas lengkap" in halaman.inner_text("#status")
    halaman.wait_for_selector("#panel-dokumen .dokumen[data-jenis=tanda_terima][data-status=selesai]")
    halaman.langkah("fo-berkas-lengkap-tanda-terima")

    # SIAK operator: input (correcting the weight), then the print request.
    masuk(halaman, "operator_siak")
    buka_berkas(halaman, objek.kode_lacak)
    halaman.click("[data-aksi=input_siak]")
    assert halaman.input_value("input[name='rincian-nama_anak']") == "ANISA PUTRI SANTOSO"
    halaman.fill("input[name=nomor_siak]", "SIAK-3575-2026-000123")
    # The numbers SIAK gave, typed as they are (the portal makes none).
    nomor_akta = f"3575-LU-{timezone.localdate():%d%m%Y}-0417"
    nik_anak = f"357501{lahir.day + 40:02d}{lahir:%m%y}0009"
    halaman.fill("input[name=nomor_akta]", nomor_akta)
    halaman.fill("input[name=nik_anak]", nik_anak)
    halaman.fill("input[name='rincian-berat_gram']", "3150")
    halaman.langkah("siak-input")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")
    aksi(halaman, "ajukan_cetak")
    halaman.langkah("siak-ajukan-cetak")

    # Verification: kasi, then kabid.
    masuk(halaman, "kasi")
    buka_berkas(halaman, objek.kode_lacak)
    aksi(halaman, "verifikasi_kasi")
    halaman.langkah("kasi-verifikasi")
    masuk(halaman, "kabid")
    buka_berkas(halaman, objek.kode_lacak)
    aksi(halaman, "verifikasi_kabid")
    halaman.langkah("kabid-verifikasi")

    # The kadis signs as Pejabat Pencatatan Sipil: register, nomor akta, the child in the register.
    masuk(halaman, "kadis")
    buka_berkas(halaman, objek.kode_lacak)
    halaman.click("[data-aksi=tandatangani]")
    halaman.fill("input[name=passphrase]", "bukan-passphrase")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector(".invalid-feedback, .errorlist")
    halaman.langkah("kadis-passphrase-salah")
    assert not RegisterAkta.objects.exists()
    halaman.fill("input[name=passphrase]", PASSPHRASE)
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#nomor-akta")
    halaman.wait_for_selector("#panel-dokumen .dokumen[data-jenis=akta_kelahiran][data-status=selesai]")
    register = RegisterAkta.objects.get(pencatatan=objek)
    assert halaman.inner_text("#nomor-akta") == register.nomor_akta
    halaman.langkah("kadis-ditandatangani")

    masuk(halaman, "operator_siak")
    buka_berkas(halaman, objek.kode_lacak)
    aksi(halaman, "cetak")
    halaman.langkah("siak-cetak")

    # Handover at the counter.
    masuk(halaman, "operator_pengambilan")
    buka_berkas(halaman, objek.kode_lacak)
    aksi(halaman, "serahkan")
    assert "Selesai" in halaman.inner_text("#status")
    halaman.langkah("pengambilan-diserahkan")

    # What the register and the documents now hold.
    anak = Penduduk.objects.get(nama="ANISA PUTRI SANTOSO")
    assert anak.keluarga == kk and anak.nik == nik_anak
    assert objek.kelahiran.__class__.objects.get(pk=objek.kelahiran.pk).berat_gram == 3150
    kutipan = Dokumen.untuk(objek).get(jenis="akta_kelahiran")
    assert kutipan.siap and kutipan.ditandatangani and kutipan.nomor == register.nomor_akta
    assert register.nomor_akta == nomor_akta
    assert PermohonanDenganVerifikasi.objects.filter(no_kk=kk.no_kk, status="diajukan").exists()

    halaman.goto(f"/verifikasi/{kutipan.kode_verifikasi}/")
    assert register.nomor_akta in halaman.content()
    halaman.langkah("verifikasi-kutipan")


def test_a_refusal_and_a_tte_return(halaman, pengguna):
    """The front office refuses a report with a reason the citizen reads; the kadis opens the DRAF
    preview at the TTE step and sends the file back for correction, which lands in the SIAK
    operator's queue."""
    from apps.capil.models import Status
    from apps.capil.tests.factories import kelahiran_baru

    for kode in PERAN:
        pengguna(kode)
    Pejabat.objects.create(user=pengguna("kadis"), nama="Dr. Bambang Sutrisno, S.H., M.Si.", nip="197003121995031002",
                           jabatan="Kepala Dinas Kependudukan dan Pencatatan Sipil")
    kk, ayah, ibu = keluarga_baru()
    fo = pengguna("petugas_fo")
    ditolak = kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu, nama_anak="RAFI")
    dikembalikan = kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu, nama_anak="NAYLA", status=Status.TERVERIFIKASI)

    masuk(halaman, "petugas_fo")
    buka_berkas(halaman, ditolak.kode_lacak)
    aksi(halaman, "tolak", {"textarea[name=catatan]": "Surat keterangan kelahiran bukan untuk anak ini."})
    assert "Ditolak" in halaman.inner_text("#status")
    halaman.langkah("fo-ditolak")

    halaman.context.clear_cookies()
    halaman.goto("/status/")
    halaman.fill("input[name=kode]", ditolak.kode_lacak)
    halaman.fill("input[name=pin]", ditolak.pin)
    halaman.click("button[name=cek]")
    isi = halaman.content()
    assert "Pelaporan ditolak" in isi and "Surat keterangan kelahiran bukan untuk anak ini." in isi
    halaman.langkah("warga-melihat-penolakan")

    masuk(halaman, "kadis")
    buka_berkas(halaman, dikembalikan.kode_lacak)
    with halaman.expect_popup() as popup:
        halaman.click("#pratinjau-dokumen")
    draf = halaman.context.request.get(popup.value.url)
    assert draf.ok and draf.headers["content-type"] == "application/pdf"
    popup.value.close()
    aksi(halaman, "kembalikan_tte", {"textarea[name=catatan]": "Nama ibu berbeda dengan buku nikah."})
    assert "Perbaikan data" in halaman.inner_text("#status")
    assert not RegisterAkta.objects.exists()
    halaman.langkah("kadis-kembalikan-perbaikan")

    masuk(halaman, "operator_siak")
    halaman.goto("/capil/pencatatan/")
    assert dikembalikan.kode_lacak in halaman.content()
    buka_berkas(halaman, dikembalikan.kode_lacak)
    assert "Nama ibu berbeda dengan buku nikah." in halaman.inner_text("#riwayat")
    halaman.wait_for_selector("[data-aksi=input_siak]")
    halaman.langkah("siak-perbaikan")
