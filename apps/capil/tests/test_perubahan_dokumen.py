"""``manage.py contoh_dokumen`` writes every document type of P.5.2–P.5.8, signed (pdfsig reads the
signature), the kutipan with both catatan pinggir in order."""

import subprocess
import tempfile

import pytest

from apps.capil.perubahan import DOKUMEN_PERUBAHAN
from apps.dokumen.contoh import buat_contoh, pejabat_contoh
from apps.dokumen.jenis import ambil_jenis

from .test_contoh import teks


@pytest.fixture
def pejabat(kadis, passphrase):
    return pejabat_contoh()


def test_every_new_document_type_is_written_and_signed(pejabat, passphrase):
    for kode, judul in DOKUMEN_PERUBAHAN:
        dokumen, pdf = buat_contoh(ambil_jenis(kode), pejabat=pejabat, passphrase=passphrase)
        isi = teks(pdf)
        assert judul.upper() in isi.upper(), kode
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(pdf)
            f.flush()
            sig = subprocess.run(["pdfsig", f.name], capture_output=True, text=True).stdout
        assert "Signature #1" in sig, kode
        if kode in ("kutipan_akta_catatan_pinggir", "kutipan_kedua"):
            pertama, kedua = isi.find("BUDI SANTOS dibetulkan"), isi.find("BUDI SANTOSO WIJAYA.")
            assert 0 < pertama < kedua, kode
    assert "KUTIPAN KEDUA" in teks(buat_contoh(ambil_jenis("kutipan_kedua"), pejabat=pejabat, passphrase=passphrase)[1])
