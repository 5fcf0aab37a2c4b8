"""P.7 in a real browser: the semester publication through its review chain with one return to
the kadis' signature, then the public statistics page's chart and a table's CSV; and P.7.1's two
branches for an institution outside the Walikota's authority (with and without a KSB).

Screenshots of every step are kept under test-artifacts/.
"""

import csv
import io

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.dokumen.models import Dokumen, Pejabat
from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci  # noqa: F401
from apps.pemanfaatan.models import PerjanjianData, PublikasiAgregat
from apps.pemanfaatan.models.publikasi import semester_terakhir, tanggal_semester
from apps.pemanfaatan.tests.test_publikasi import _isi_register
from tests.conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def aksi(halaman, nama: str, isian: dict | None = None, berkas=None) -> None:
    halaman.click(f"[data-aksi={nama}]")
    for selektor, nilai in (isian or {}).items():
        halaman.fill(selektor, nilai)
    if berkas:
        halaman.set_input_files("input[name=lampiran]", str(berkas))
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")


def test_publication_review_chain_public_chart_and_agreement_branches(halaman, pengguna, tmp_path):
    for kode in ("admin_piak", "sekretaris", "kabid"):
        pengguna(kode)
    Pejabat.objects.create(user=pengguna("kadis"), nama="Dr. Bambang Sutrisno, S.H., M.Si.", nip="197003121995031002",
                           jabatan="Kepala Dinas Kependudukan dan Pencatatan Sipil")
    tahun, semester = semester_terakhir(timezone.localdate())
    _isi_register(90, tanggal_semester(tahun, semester))
    surat = tmp_path / "surat.pdf"
    surat.write_bytes(PDF)

    # 1. Admin PIAK freezes the DKB and drafts the publication.
    masuk(halaman, "admin_piak")
    halaman.goto("/pemanfaatan/dkb/")
    halaman.fill("input[name='dkb-tahun']", str(tahun))
    halaman.select_option("select[name='dkb-semester']", str(semester))
    halaman.click("button[name=bekukan]")
    expect(halaman.locator("#daftar-dkb")).to_contain_text(str(tahun))
    halaman.select_option("select[name='pub-snapshot']", index=1)
    halaman.fill("input[name='pub-judul']", f"Agregat Kependudukan Semester {semester} {tahun}")
    halaman.click("button[name=publikasi]")
    halaman.wait_for_selector("#status")
    halaman.langkah("piak-draf")
    aksi(halaman, "ajukan_pembahasan")
    aksi(halaman, "selesai_pembahasan", {"textarea[name=notulen_pembahasan]": "Angka lahir-mati dicocokkan dengan SIAK."})

    # 2. The sekretaris returns it once with a reason; PIAK adjusts and sends it again.
    masuk(halaman, "sekretaris")
    pub = PublikasiAgregat.objects.get()
    halaman.goto(f"/pemanfaatan/publikasi/{pub.pk}/")
    aksi(halaman, "kembalikan_sekretaris", {"textarea[name=catatan]": "Tambahkan kata pengantar kepala dinas."})
    expect(halaman.locator("#status")).to_have_text("Draf disusun tim")
    halaman.langkah("sekretaris-kembalikan")
    masuk(halaman, "admin_piak")
    halaman.goto(f"/pemanfaatan/publikasi/{pub.pk}/")
    expect(halaman.locator("#riwayat")).to_contain_text("Tambahkan kata pengantar")
    aksi(halaman, "ajukan_pembahasan")
    aksi(halaman, "selesai_pembahasan", {"textarea[name=notulen_pembahasan]": "Pengantar ditambahkan."})
    masuk(halaman, "sekretaris")
    halaman.goto(f"/pemanfaatan/publikasi/{pub.pk}/")
    aksi(halaman, "setujui_sekretaris")

    # 3. The kadis approves and signs the book with his passphrase.
    masuk(halaman, "kadis")
    halaman.goto(f"/pemanfaatan/publikasi/{pub.pk}/")
    aksi(halaman, "setujui_kadis", {"input[name=passphrase]": PASSPHRASE})
    expect(halaman.locator("#status")).to_have_text("Terbit")
    halaman.langkah("kadis-terbit")
    dok = Dokumen.untuk(pub).get()
    assert dok.status == Dokumen.Status.SELESAI

    # 4. The public page: a drawn chart with its table, and a table's CSV.
    halaman.context.clear_cookies()
    halaman.goto("/pemanfaatan/statistik/")
    expect(halaman.locator("canvas[data-grafik=jenis_kelamin][data-siap='1']")).to_have_count(1)
    expect(halaman.locator("#tabel-jenis_kelamin")).to_contain_text("Laki-laki")
    expect(halaman.locator("#aturan-sel-kecil")).to_contain_text("disamarkan")
    halaman.langkah("publik-statistik")
    with halaman.expect_download() as unduh:
        halaman.click("#bagian-jenis_kelamin [data-unduh=csv]")
    baris = list(csv.reader(io.StringIO(open(unduh.value.path(), encoding="utf-8-sig").read())))
    assert baris[0][0] == "Kategori" and baris[-1][0] == "Jumlah"
    assert int(baris[-1][-1]) == pub.snapshot.jumlah_penduduk

    # 5. P.7.1 for an institution outside the Walikota's authority, without and with a KSB.
    masuk(halaman, "admin_piak")
    for nama, ada_ksb in (("BPJS Kesehatan Cabang Pasuruan", False), ("Bank Jatim Cabang Pasuruan", True)):
        halaman.goto("/pemanfaatan/perjanjian/baru/")
        halaman.fill("input[name=nama_lembaga]", nama)
        halaman.check("input[name=jenis_lembaga][value=luar_walikota]")
        halaman.fill("textarea[name=tujuan]", "Verifikasi identitas peserta")
        halaman.check("input[name=elemen_data][value=nik]")
        halaman.check("input[name=hak_akses][value=verifikasi_nik]")
        halaman.set_input_files("input[name=surat_permohonan]", str(surat))
        halaman.click("button[name=simpan]")
        halaman.wait_for_selector("#status")
        expect(halaman.locator("[data-aksi=proses_pks]")).to_have_count(0)
        aksi(halaman, "teruskan_bagpem")
        if ada_ksb:
            aksi(halaman, "ksb_sudah_ada", {"input[name=nomor_ksb]": "119/2/2024"}, berkas=surat)
        else:
            aksi(halaman, "ksb_belum_ada", berkas=surat)
            expect(halaman.locator("#status")).to_have_text("Draf KSB dan PKS di Wali Kota")
            aksi(halaman, "catat_disposisi_walikota", {"textarea[name=disposisi_walikota]": "Setuju."}, berkas=surat)
            aksi(halaman, "catat_ksb_disahkan", {"input[name=nomor_ksb]": "119/7/2026",
                                                 "input[name=tanggal_ksb]": timezone.localdate().isoformat()}, berkas=surat)
        expect(halaman.locator("#status")).to_have_text("Draf PKS di Ditjen Dukcapil")
        aksi(halaman, "catat_persetujuan_ditjen", {"input[name=nomor_surat_ditjen]": "471/88/Dukcapil",
                                                   "textarea[name=persetujuan_ditjen]": "Disetujui."}, berkas=surat)
        expect(halaman.locator("#status")).to_have_text("Penyesuaian PKS")
        halaman.langkah(f"pks-{'dengan' if ada_ksb else 'tanpa'}-ksb")
    assert sorted(PerjanjianData.objects.values_list("ada_ksb", flat=True)) == [False, True]
