"""SPP and SPM: ``contoh_dokumen``'s signed samples pass the checks of the other samples, and a
payment's issued pair carries its numbers and amounts."""

import subprocess
from decimal import Decimal

import pytest
from django.core.management import call_command

from apps.dokumen.models import Dokumen
from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci, kadis  # noqa: F401
from apps.dokumen.tests.test_contoh import isi_qr, pdfsig_sah, pyhanko_sah
from apps.keuangan.dokumen import terbilang_rupiah

from . import factories as f

pytestmark = pytest.mark.django_db


def test_terbilang():
    assert terbilang_rupiah(Decimal("12500000.00")) == "Dua belas juta lima ratus ribu rupiah"
    assert terbilang_rupiah(Decimal("2750000.50")) == "Dua juta tujuh ratus lima puluh ribu rupiah lima puluh sen"
    assert terbilang_rupiah(Decimal("1011")) == "Seribu sebelas rupiah"


def test_contoh_dokumen_writes_signed_spp_and_spm(kadis, direktori_kunci, tmp_path, client):  # noqa: F811
    out = tmp_path / "contoh"
    call_command("contoh_dokumen", out=str(out), stdout=open("/dev/null", "w"))
    for kode in ("spp", "spm"):
        path = out / f"{kode}.pdf"
        assert pdfsig_sah(path) and pyhanko_sah(path, direktori_kunci / "ca.pem"), kode
        teks = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
        dokumen = Dokumen.objects.get(jenis=kode)
        assert dokumen.nomor in teks and "Rp12.500.000,00" in teks and "Dua belas juta lima ratus ribu rupiah" in teks
        assert dokumen.url_verifikasi in isi_qr(path, tmp_path)
        assert client.get(dokumen.url_verifikasi.removeprefix("http://testserver")).status_code == 200


def test_a_payment_issues_its_pair_signed_by_tte(orang, direktori_kunci, tmp_path, django_capture_on_commit_callbacks):  # noqa: F811
    """P.3.1.5: the bendahara's issue signs the SPP with the bendahara's key; the SPM is signed by
    the kadis as Pengguna Anggaran; both pass pdfsig and pyHanko and carry their numbers."""
    p = f.permintaan(orang, status="spj_diverifikasi", jumlah=Decimal("2750000.50"))
    with django_capture_on_commit_callbacks(execute=True):
        f.aksi(p, "terbitkan_spp_spm", orang.bendahara, {"passphrase": PASSPHRASE})
    assert p.status == "spm_menunggu_tte" and p.nomor_spp and not p.nomor_spm
    assert not Dokumen.untuk(p).filter(jenis="spm").exists()
    with django_capture_on_commit_callbacks(execute=True):
        f.aksi(p, "tandatangani", orang.kadis, {"passphrase": PASSPHRASE})
    p.refresh_from_db()
    assert p.status == "spp_spm_terbit" and p.nomor_spm
    penanda = {"spp": f.NIP_BENDAHARA, "spm": "197003121995031002"}
    for kode, nomor in (("spp", p.nomor_spp), ("spm", p.nomor_spm)):
        dok = Dokumen.untuk(p).get(jenis=kode, aktif=True)
        assert dok.status == Dokumen.Status.SELESAI and dok.ditandatangani_pada and dok.nomor == nomor
        assert dok.ditandatangani_oleh.nip == penanda[kode]
        path = tmp_path / f"{kode}.pdf"
        path.write_bytes(dok.berkas.read())
        assert pdfsig_sah(path) and pyhanko_sah(path, direktori_kunci / "ca.pem"), kode
        teks = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
        assert nomor in teks and "Rp2.750.000,50" in teks and "LS (langsung)" in teks
        assert dok.url_verifikasi in isi_qr(path, tmp_path)
    teks_spm = subprocess.run(["pdftotext", "-layout", str(tmp_path / "spm.pdf"), "-"], capture_output=True, text=True).stdout
    assert p.nomor_spp in teks_spm


def test_a_wrong_passphrase_issues_nothing(orang):
    from apps.core.workflow import aksi_model, kelas_form

    p = f.permintaan(orang, status="spj_diverifikasi")
    info = aksi_model(type(p))["terbitkan_spp_spm"]
    form = kelas_form(info)({"versi": p.versi, "passphrase": "salah-sekali"}, {}, aksi=info, objek=p, pengguna=orang.bendahara)
    assert not form.is_valid() and "passphrase" in form.errors
    p.refresh_from_db()
    assert p.status == "spj_diverifikasi" and not p.nomor_spp and not Dokumen.untuk(p).exists()


def test_a_return_by_the_kadis_withdraws_the_spp(orang, django_capture_on_commit_callbacks):
    p = f.permintaan(orang, status="spm_menunggu_tte")
    lama = p.nomor_spp
    f.aksi(p, "kembalikan_tte", orang.kadis, catatan="Penerima belum sesuai kontrak")
    assert p.status == "spj_diverifikasi"
    with django_capture_on_commit_callbacks(execute=True):
        f.aksi(p, "terbitkan_spp_spm", orang.bendahara, {"passphrase": PASSPHRASE})
    assert p.nomor_spp != lama
    assert list(Dokumen.untuk(p).filter(jenis="spp", aktif=True).values_list("nomor", flat=True)) == [p.nomor_spp]
