"""P.4.6 pindah masuk in a real browser, on a phone (360 px) and on a desktop: the citizen files
online and confirms the email (the link read from a real SMTP server); the front office returns
the request once and the citizen re-uploads from the status page; the verifikator pendataan
checks ownership and the surat pengantar is drafted as an outgoing letter (P.1.2.1.1): the kadis
approves and signs it (TTE), the tata usaha numbers it and emails it to the Dukcapil of origin; the
origin's approval with the SKPWNI is recorded and the follow-up KK/KTP-el/KIA requests appear on
the citizen's status page.

Screenshots of every step are kept under test-artifacts/.
"""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from apps.dokumen.models import Pejabat
from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci  # noqa: F401
from apps.pendaftaran.models.pindah_masuk import PindahMasuk
from apps.pendaftaran.tests.factories import PDF
from apps.pendaftaran.tests.pabrik_pindah import kantor_asal
from tests.conftest import buka_aksi, buka_status, kirim_aksi, masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


_MELEBAR = """() => [...document.querySelectorAll('body *')].filter(el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > 0 && r.right > document.documentElement.clientWidth + 0.5;
}).map(el => el.tagName + (el.name ? '[name=' + el.name + ']' : '') + (el.id ? '#' + el.id : ''))"""


def _muat_layar(page, lebar: int) -> None:
    """On a phone no element reaches past the screen's right edge (the page never scrolls sideways)."""
    if lebar <= 480:
        assert page.evaluate(_MELEBAR) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= lebar


def _anggota() -> str:
    hari_ini = timezone.localdate()
    lahir = lambda tahun: (hari_ini - timedelta(days=365 * tahun + 40)).isoformat()  # noqa: E731
    return "\n".join([
        f"3507011201850001;BUDI SANTOSO;kepala;{lahir(40)};MALANG;L;islam;kawin;WIRASWASTA;ya",
        f"3507014501880002;SRI WAHYUNI;istri;{lahir(37)};MALANG;P;islam;kawin;MENGURUS RUMAH TANGGA;ya",
        f"3507011003150003;ADI SANTOSO;anak;{lahir(10)};MALANG;L;islam;belum_kawin;PELAJAR;tidak",
    ])


@pytest.mark.parametrize("lebar", [360, 1280])
def test_online_moving_in_returned_once_signed_approved_with_follow_ups(halaman, pengguna, settings, server_smtp,
                                                                         tmp_path, lebar):
    server_smtp.pakai_di(settings)
    cache.clear()  # the per-address filing limit
    halaman.set_viewport_size({"width": lebar, "height": 900})
    pengguna("petugas_fo"), pengguna("verifikator_pendataan"), pengguna("tata_usaha")
    Pejabat.objects.create(user=pengguna("kadis"), nama="Dr. Bambang Sutrisno, S.H., M.Si.", nip="197003121995031002",
                           jabatan="Kepala Dinas Kependudukan dan Pencatatan Sipil")
    kantor = kantor_asal()
    ktp, kk, skpwni = (tmp_path / "ktp.pdf", tmp_path / "kk.pdf", tmp_path / "skpwni.pdf")
    for f in (ktp, kk, skpwni):
        f.write_bytes(PDF)

    # 1. The citizen files online, no account.
    halaman.goto("/daring/pindah-masuk/")
    halaman.fill("input[name=nik]", "3507011201850001")
    halaman.fill("input[name=nama]", "BUDI SANTOSO")
    halaman.fill("input[name=no_kk_asal]", "3507010101200001")
    halaman.fill("input[name=alamat_asal]", "Jl. Raya Kepanjen 5, Kab. Malang")
    halaman.select_option("select[name=kantor_asal]", str(kantor.pk))
    halaman.fill("input[name=alamat_tujuan]", "Jl. Hayam Wuruk 10")
    halaman.fill("input[name=rt]", "001")
    halaman.fill("input[name=rw]", "002")
    halaman.select_option("select[name=kelurahan]", index=1)
    halaman.fill("input[name=email]", "budi@contoh.id")
    halaman.fill("textarea[name=daftar_anggota]", _anggota())
    for kunci, berkas in (("ktp", ktp), ("kk", kk)):
        centang = halaman.locator(f"input[name=syarat_{kunci}]")
        if centang.count():
            centang.check()
        halaman.set_input_files(f"input[name=berkas_{kunci}]", str(berkas))
    assert "Langkah 1 dari 3" in halaman.inner_text("#langkah-ke")
    _muat_layar(halaman, lebar)
    halaman.langkah(f"isi-{lebar}")
    halaman.click("button[type=submit]:has-text('Kirim permohonan')")
    halaman.wait_for_selector("#kode-lacak")
    kode, pin = halaman.inner_text("#kode-lacak").strip(), halaman.inner_text("#pin").strip()
    assert "Langkah 2 dari 3" in halaman.inner_text("#langkah-ke")
    _muat_layar(halaman, lebar)
    halaman.langkah(f"terkirim-{lebar}")
    obj = PindahMasuk.objects.get(kode_lacak=kode)
    assert obj.status == "draf"

    # 2. The confirmation link from the email (a real SMTP server) opens the request.
    surat = [m for m in server_smtp.pesan if "budi@contoh.id" in m.penerima]
    assert surat, "no confirmation email"
    isi = surat[-1].get_body(preferencelist=("plain",)).get_content()
    tautan = re.search(r"https?://\S+/daring/konfirmasi/\S+/", isi).group(0)
    assert kode in isi and pin in isi
    # Opening it only asks (a mail scanner confirms nothing); the button confirms.
    halaman.goto(tautan)
    assert "Langkah 3 dari 3" in halaman.inner_text("#langkah-ke")
    _muat_layar(halaman, lebar)
    obj.refresh_from_db()
    assert obj.status == "draf"
    halaman.click("#tombol-konfirmasi")
    halaman.wait_for_selector("#konfirmasi-ok")
    _muat_layar(halaman, lebar)
    halaman.langkah(f"konfirmasi-{lebar}")
    obj.refresh_from_db()
    assert obj.status == "diajukan"

    # 3. The front office returns it once, with a reason the citizen reads.
    url = f"/pendaftaran/pindah-masuk/{obj.pk}/"
    masuk(halaman, "petugas_fo")
    halaman.goto(url)
    buka_aksi(halaman, "kembalikan")
    halaman.fill("textarea[name=catatan]", "Pindaian KK asal tidak terbaca; unggah ulang.")
    kirim_aksi(halaman)
    obj.refresh_from_db()
    assert obj.status == "dikembalikan"

    # 4. The citizen reads the reason on the status page and re-uploads.
    buka_status(halaman, kode, pin)
    assert "Pindaian KK asal tidak terbaca" in halaman.inner_text("#alasan")
    halaman.langkah(f"dikembalikan-{lebar}")
    halaman.click("#tautan-lengkapi")
    halaman.set_input_files("input[name=berkas_kk]", str(kk))
    halaman.click("button[type=submit]:has-text('Kirim berkas')")
    halaman.wait_for_selector("#linimasa")
    obj.refresh_from_db()
    assert obj.status == "diajukan"
    linimasa = halaman.inner_text("#linimasa")
    assert "Email dikonfirmasi pemohon" in linimasa and "Berkas dilengkapi pemohon" in linimasa

    # 5. The verifikator pendataan checks ownership; the surat pengantar is drafted as an outgoing
    # letter (P.1.2.1.1) addressed to the Dukcapil of origin.
    masuk(halaman, "verifikator_pendataan")
    halaman.goto(url)
    buka_aksi(halaman, "periksa_kepemilikan")
    kirim_aksi(halaman)
    obj.refresh_from_db()
    assert obj.status == "menunggu_jawaban" and obj.surat_pengantar.email_tujuan == kantor.email
    surat_url = f"/umum/surat-keluar/{obj.surat_pengantar.pk}/"

    # 6. The kadis approves it, the tata usaha numbers it, the kadis signs it (TTE), the tata
    # usaha emails it to the origin's address on file with the signed PDF.
    masuk(halaman, "kadis")
    halaman.goto(surat_url)
    buka_aksi(halaman, "setujui")
    kirim_aksi(halaman)
    masuk(halaman, "tata_usaha")
    halaman.goto(surat_url)
    buka_aksi(halaman, "beri_nomor")
    halaman.select_option("select[name=klasifikasi]", index=1)
    kirim_aksi(halaman)
    masuk(halaman, "kadis")
    halaman.goto(surat_url)
    buka_aksi(halaman, "tandatangani")
    halaman.fill("input[name=passphrase]", PASSPHRASE)
    kirim_aksi(halaman)
    halaman.wait_for_selector("#panel-dokumen .dokumen[data-jenis=surat_keluar][data-status=selesai]")
    halaman.langkah(f"tte-{lebar}")
    masuk(halaman, "tata_usaha")
    halaman.goto(surat_url)
    buka_aksi(halaman, "kirim_lewat_email")
    assert halaman.input_value("input[name=email_tujuan]") == kantor.email
    kirim_aksi(halaman)
    ke_asal = [m for m in server_smtp.pesan if kantor.email in m.penerima]
    assert ke_asal and any(b.get_content_type() == "application/pdf" for b in ke_asal[-1].iter_attachments())

    masuk(halaman, "verifikator_pendataan")
    halaman.goto(url)
    # 7. The origin approves: the SKPWNI recorded with its scan and the No. KK SIAK.
    buka_aksi(halaman, "asal_menyetujui")
    halaman.fill("input[name=nomor_skpwni]", "SKPWNI/3507/0001/2026")
    halaman.fill("input[name=no_kk_baru]", "3575019999100001")
    halaman.set_input_files("input[name=lampiran]", str(skpwni))
    kirim_aksi(halaman)
    halaman.langkah(f"disetujui-{lebar}")
    obj.refresh_from_db()
    assert obj.status == "selesai" and obj.nomor_skpwni == "SKPWNI/3507/0001/2026"

    # 8. The follow-up requests are on the citizen's status page, each with its own code.
    buka_status(halaman, kode, pin)
    daftar = halaman.inner_text("#permohonan-lanjutan")
    halaman.langkah(f"lanjutan-{lebar}")
    for d in obj.permohonan_lanjutan:
        assert d["kode_lacak"] in daftar
    for dokumen in ("Kartu Keluarga", "KTP-el", "Kartu Identitas Anak", "Akta kelahiran"):
        assert dokumen in daftar
    assert "BUDI SANTOSO" not in daftar  # names masked
