"""SPP and SPM: ``contoh_dokumen``'s signed samples pass the checks of the other samples, and a
payment's issued pair carries its numbers and amounts."""

import subprocess
from decimal import Decimal

import pytest
from django.core.management import call_command

from apps.dokumen.models import Dokumen
from apps.dokumen.tests.conftest import _tte_lokal, direktori_kunci, kadis  # noqa: F401
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


def test_a_payment_issues_its_numbered_pair(orang, django_capture_on_commit_callbacks):
    p = f.permintaan(orang, status="spj_diverifikasi", jumlah=Decimal("2750000.50"))
    with django_capture_on_commit_callbacks(execute=True):
        f.aksi(p, "terbitkan_spp_spm", orang.bendahara)
    spm = Dokumen.untuk(p).get(jenis="spm")
    teks = subprocess.run(["pdftotext", "-layout", "-", "-"], input=spm.berkas.read(), capture_output=True).stdout.decode()
    assert p.nomor_spm in teks and p.nomor_spp in teks and "Rp2.750.000,50" in teks and "LS (langsung)" in teks
