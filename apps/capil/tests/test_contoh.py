"""``manage.py contoh_dokumen``'s samples of capil (issue 8 §3): the Surat Keterangan Lahir Mati and
a birth without a recorded father, signed, read back as text."""

import subprocess

import pytest

from apps.dokumen.contoh import buat_contoh, pejabat_contoh
from apps.dokumen.jenis import ambil_jenis


def teks(pdf: bytes) -> str:
    keluaran = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return " ".join(keluaran.split())


@pytest.fixture
def pejabat(kadis, passphrase):
    return pejabat_contoh()


def test_the_stillbirth_sample_is_a_surat_keterangan_without_nomor_akta(pejabat, passphrase):
    jenis = ambil_jenis("surat_keterangan_lahir_mati")
    dokumen, pdf = buat_contoh(jenis, pejabat=pejabat, passphrase=passphrase)
    isi = teks(pdf)
    assert "SURAT KETERANGAN LAHIR MATI" in isi and dokumen.nomor in isi and "SKLM" in dokumen.nomor
    assert "telah lahir dalam keadaan mati" in isi and "32 minggu" not in isi and "30 minggu" in isi
    assert "bukan merupakan akta pencatatan sipil" in isi and "Akta" not in isi.split("Nomor:")[0]


def test_the_sample_of_a_birth_without_a_recorded_father(pejabat, passphrase):
    jenis = ambil_jenis("akta_kelahiran")
    dokumen, pdf = buat_contoh(jenis, pejabat=pejabat, passphrase=passphrase,
                               data=jenis.contoh_varian["tanpa-ayah"])
    isi = teks(pdf)
    assert "KUTIPAN AKTA KELAHIRAN" in isi and "NAYLA RAHMA" in isi
    assert "dari seorang ibu bernama SITI AMINAH" in isi and "dari ayah" not in isi and "–" not in isi
    # The usual sample still names both parents.
    _dokumen, pdf = buat_contoh(jenis, pejabat=pejabat, passphrase=passphrase)
    assert "dari ayah BUDI SANTOSO dan ibu SITI AMINAH" in teks(pdf)
