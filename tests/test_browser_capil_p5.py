"""P.5.2–P.5.8 in a real browser.

- P.5.4: a correction of an existing deed taken into the register at the SIAK input, sent back once
  by the kasi naming the field, corrected, verified field by field, signed.
- P.5.7: a pengakuan anak that yields its three outputs (the catatan pinggir on the birth deed's
  register page and on its new kutipan, and the register entry and kutipan of the akta pengakuan).
- P.5.8: a second copy of a deed another Dukcapil issued: the surat permohonan keabsahan (an
  outgoing letter signed by TTE and emailed to that office), its answer, the kutipan kedua, and the
  first copy's QR superseded on /verifikasi/.
"""

import io
import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from pypdf import PdfReader

from apps.capil.models import PerubahanAkta, RegisterAkta
from apps.capil.models.perubahan import Status
from apps.dokumen.models import Dokumen, Pejabat
from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci  # noqa: F401
from tests.conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERAN = ["petugas_fo", "operator_siak", "kasi", "kabid", "kadis"]
KADIS = {"nama": "Dr. Bambang Sutrisno, S.H., M.Si.", "nip": "197003121995031002",
         "jabatan": "Kepala Dinas Kependudukan dan Pencatatan Sipil"}


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


def teks_pdf(dokumen) -> str:
    dokumen.berkas.open("rb")
    try:
        return " ".join(h.extract_text() or "" for h in PdfReader(io.BytesIO(dokumen.berkas.read())).pages)
    finally:
        dokumen.berkas.close()


def tunggu_dokumen(halaman, objek, *jenis) -> None:
    """The signing jobs ran (a loaded machine may take a while), then the panel shows them done."""
    batas = time.monotonic() + 120
    while True:
        dok = {d.jenis: d for d in Dokumen.untuk(objek).filter(jenis__in=jenis)}
        if all(j in dok and dok[j].siap for j in jenis):
            break
        assert time.monotonic() < batas, {j: (d.status, d.galat) for j, d in dok.items()}
        time.sleep(1)
    halaman.reload()
    for j in jenis:
        halaman.wait_for_selector(f"#panel-dokumen .dokumen[data-jenis={j}][data-status=selesai]")


def di_utas_lain(fungsi):
    """Run ``fungsi`` outside the browser's event loop (the PAdES signer runs its own loop)."""
    from django.db import connection

    hasil = {}

    def jalan():
        try:
            hasil["nilai"] = fungsi()
        finally:
            connection.close()

    utas = threading.Thread(target=jalan)
    utas.start()
    utas.join(180)
    return hasil["nilai"]


def test_pengakuan_anak_yields_its_three_outputs(halaman, pengguna):
    for kode in PERAN:
        pengguna(kode)
    Pejabat.objects.create(user=pengguna("kadis"), **KADIS)
    hari = timezone.localdate()
    putusan, tetap = hari - timedelta(days=40), hari - timedelta(days=10)
    objek = PerubahanAkta.objects.create(
        jenis="anak", jenis_anak="pengakuan", ayah_nama="Ahmad Fauzi", pemohon_nik="3575014507900002",
        pemohon_nama="RINA WATI", nomor_akta="3575-LT-12032019-0042", dasar_nomor="21/Pdt.P/2026/PN Psr",
        dasar_instansi="Pengadilan Negeri Pasuruan", dasar_tanggal=putusan, dasar_tanggal_tetap=tetap,
        berkas_persyaratan={"formulir": 1, "ktp_kk": 1, "kutipan": 1, "dasar": 1, "persetujuan_ibu": 1}, dibuat_oleh=pengguna("petugas_fo"))

    masuk(halaman, "petugas_fo")
    buka(halaman, objek)
    aksi(halaman, "periksa")

    # The birth deed was issued before the portal: the operator takes it into the register.
    masuk(halaman, "operator_siak")
    buka(halaman, objek)
    halaman.click("[data-aksi=input_siak]")
    halaman.fill("input[name=nomor_siak]", "SIAK-PA-1")
    halaman.select_option("select[name=akta_jenis]", "akta_kelahiran")
    halaman.fill("input[name=akta_tanggal]", "2019-03-12")
    halaman.fill("textarea[name=akta_orang]", "anak = DEWI LESTARI; 3575015203190001\nibu = RINA WATI; 3575014507900002")
    halaman.fill("textarea[name=akta_isian]", "nama = DEWI LESTARI\ntempat_lahir = PASURUAN\nnama_ibu = RINA WATI")
    assert halaman.input_value("input[name=ayah_nama]") == "Ahmad Fauzi"
    halaman.fill("input[name=nomor_akta_baru]", "3575-PA-01062026-0007")
    halaman.langkah("siak-input-pengakuan")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")
    aksi(halaman, "ajukan_cetak")

    for peran, nama in [("kasi", "verifikasi_kasi"), ("kabid", "verifikasi_kabid")]:
        masuk(halaman, peran)
        buka(halaman, objek)
        aksi(halaman, nama)

    masuk(halaman, "kadis")
    buka(halaman, objek)
    aksi(halaman, "tandatangani", {"input[name=passphrase]": PASSPHRASE})
    tunggu_dokumen(halaman, objek, "kutipan_akta_catatan_pinggir", "register_akta_catatan_pinggir", "akta_pengakuan_anak")
    halaman.langkah("kadis-tte-tiga-keluaran")

    # 1–2. The birth deed's register page and its new kutipan carry the catatan pinggir.
    lahir = RegisterAkta.objects.get(nomor_akta="3575-LT-12032019-0042")
    catatan = lahir.catatan_pinggir.get()
    assert "pengakuan anak oleh AHMAD FAUZI" in catatan.isi and "21/Pdt.P/2026/PN Psr" in catatan.dasar
    for jenis in ("register_akta_catatan_pinggir", "kutipan_akta_catatan_pinggir"):
        dok = Dokumen.untuk(objek).get(jenis=jenis)
        assert dok.ditandatangani and dok.nomor == lahir.nomor_akta
        assert "AHMAD FAUZI" in teks_pdf(dok)
    # 3. The akta pengakuan anak: its own register entry and its kutipan.
    pengakuan = RegisterAkta.objects.get(nomor_akta="3575-PA-01062026-0007")
    assert pengakuan.jenis_akta == "akta_pengakuan_anak" and pengakuan.isian()["akta_kelahiran"] == lahir.nomor_akta
    kutipan = Dokumen.untuk(objek).get(jenis="akta_pengakuan_anak")
    assert kutipan.ditandatangani and kutipan.nomor == pengakuan.nomor_akta
    halaman.goto(f"/verifikasi/{kutipan.kode_verifikasi}/")
    assert "Dokumen aktif" in halaman.inner_text("body") and pengakuan.nomor_akta in halaman.content()
    halaman.langkah("verifikasi-akta-pengakuan")


def test_kutipan_kedua_of_another_dukcapil_through_the_keabsahan_letter(halaman, pengguna):
    from apps.dokumen.services import dokumen_tandatangani
    from apps.umum.models import KlasifikasiArsip, SuratKeluar

    for kode in [*PERAN, "tata_usaha"]:
        pengguna(kode)
    kadis = pengguna("kadis")
    Pejabat.objects.create(user=kadis, **KADIS)
    kode_arsip, _ = KlasifikasiArsip.objects.get_or_create(
        kode="400.12.3", defaults={"nama": "Pencatatan Sipil", "retensi_aktif": 2, "retensi_inaktif": 3})
    # A deed of Kota Malang, corrected here earlier: that correction's kutipan is the first copy.
    reg = RegisterAkta.objects.create(
        nomor_akta="AL.474.1/88/1990", jenis_akta="akta_kelahiran", kode="", tanggal=timezone.localdate() - timedelta(days=9000),
        penerbit="Dispendukcapil Kota Malang", email_penerbit="dukcapil@malangkota.go.id",
        orang=[{"peran": "anak", "nama": "RINA WATI", "nik": "3575014507900002"}], data={"rincian": {"nama": "RINA WATI"}})
    dulu = PerubahanAkta.objects.create(
        jenis="pembetulan", status=Status.SELESAI, pemohon_nik="3575014507900002", pemohon_nama="RINA WATI",
        nomor_akta=reg.nomor_akta, register=reg, data_baru={"nama": "RINA WATI"}, nomor_siak="SIAK-0")
    pertama = di_utas_lain(lambda: dokumen_tandatangani(objek=dulu, jenis="kutipan_akta_catatan_pinggir", pejabat=kadis,
                                                        passphrase=PASSPHRASE, kirim_email=False))
    for _ in range(120):
        pertama.refresh_from_db()
        if pertama.siap:
            break
        time.sleep(1)
    assert pertama.siap and pertama.aktif, (pertama.status, pertama.galat)
    objek = PerubahanAkta.objects.create(
        jenis="kutipan_kedua", alasan_kutipan_kedua="hilang", pemohon_nik="3575014507900002", pemohon_nama="RINA WATI",
        nomor_akta=reg.nomor_akta, berkas_persyaratan={"formulir": 1, "ktp_kk": 1, "kutipan": 1},
        dibuat_oleh=pengguna("petugas_fo"))

    masuk(halaman, "petugas_fo")
    buka(halaman, objek)
    aksi(halaman, "periksa")
    assert not halaman.locator("[data-aksi=input_fo]").count()  # not before the issuer answers

    # The kasi sends the surat permohonan keabsahan to the issuer's address on file.
    masuk(halaman, "kasi")
    buka(halaman, objek)
    halaman.click("[data-aksi=minta_keabsahan]")
    assert halaman.input_value("input[name=email_penerbit]") == "dukcapil@malangkota.go.id"
    halaman.langkah("kasi-minta-keabsahan")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")
    assert "Menunggu jawaban keabsahan" in halaman.inner_text("#status")
    assert not halaman.locator("[data-aksi=keabsahan_sah]").count()  # the letter has not gone out
    objek.refresh_from_db()
    surat = SuratKeluar.objects.get(pk=objek.surat_keabsahan_id)
    url_surat = f"/umum/surat-keluar/{surat.pk}/"

    # The letter: approved and signed by the kadis, numbered and emailed by the tata usaha.
    masuk(halaman, "kadis")
    halaman.goto(url_surat)
    aksi(halaman, "setujui")
    masuk(halaman, "tata_usaha")
    halaman.goto(url_surat)
    halaman.click("[data-aksi=beri_nomor]")
    halaman.select_option("select[name=klasifikasi]", str(kode_arsip.pk))
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#status")
    masuk(halaman, "kadis")
    halaman.goto(url_surat)
    aksi(halaman, "tandatangani", {"input[name=passphrase]": PASSPHRASE})
    tunggu_dokumen(halaman, surat, "surat_keluar")
    masuk(halaman, "tata_usaha")
    halaman.goto(url_surat)
    halaman.click("[data-aksi=kirim_lewat_email]")
    assert halaman.input_value("input[name=email_tujuan]") == "dukcapil@malangkota.go.id"
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#status")
    halaman.langkah("tu-kirim-email-keabsahan")
    surat.refresh_from_db()
    assert surat.status == "terkirim" and surat.email_tujuan == "dukcapil@malangkota.go.id"
    terkirim = [m for m in mail.outbox if "dukcapil@malangkota.go.id" in m.to]
    assert terkirim and terkirim[0].attachments

    # The answer: valid. The front office inputs; the flow continues to the kutipan kedua.
    masuk(halaman, "kabid")
    buka(halaman, objek)
    aksi(halaman, "keabsahan_sah")
    masuk(halaman, "petugas_fo")
    buka(halaman, objek)
    aksi(halaman, "input_fo", {"input[name=nomor_siak]": "SIAK-KK2-1"})
    for peran, nama in [("kasi", "verifikasi_kasi"), ("kabid", "verifikasi_kabid")]:
        masuk(halaman, peran)
        buka(halaman, objek)
        aksi(halaman, nama)
    masuk(halaman, "kadis")
    buka(halaman, objek)
    aksi(halaman, "tandatangani", {"input[name=passphrase]": PASSPHRASE})
    tunggu_dokumen(halaman, objek, "kutipan_kedua")
    kedua = Dokumen.untuk(objek).get(jenis="kutipan_kedua")
    assert kedua.nomor == reg.nomor_akta and "KUTIPAN KEDUA" in teks_pdf(kedua)

    # /verifikasi/: the kutipan kedua is the active one, the first copy superseded.
    halaman.goto(f"/verifikasi/{pertama.kode_verifikasi}/")
    assert "Dokumen tidak aktif" in halaman.inner_text("body")
    halaman.langkah("verifikasi-kutipan-pertama")
    halaman.goto(f"/verifikasi/{kedua.kode_verifikasi}/")
    assert "Dokumen aktif" in halaman.inner_text("body")
    halaman.langkah("verifikasi-kutipan-kedua")
