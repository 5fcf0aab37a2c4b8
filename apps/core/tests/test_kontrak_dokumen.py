"""docs/kontrak-dokumen.md exists where the code points to it and names what apps.dokumen reads."""

import re
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
KONTRAK = BASE / "docs" / "kontrak-dokumen.md"


def test_the_contract_names_every_attribute_apps_dokumen_reads_from_a_record():
    teks = KONTRAK.read_text()
    sumber = "".join(p.read_text() for p in (BASE / "apps" / "dokumen").glob("*.py"))
    dibaca = set(re.findall(r"(?:getattr|hasattr)\(objek, \"(\w+)\"", sumber))
    assert {"jenis_dokumen_tte", "data_dokumen", "pemilik_dokumen", "nomor_dokumen", "email_pemohon"} <= dibaca
    for nama in dibaca:
        assert f"`{nama}" in teks, nama


def test_the_code_refers_to_the_contract_by_its_file_name():
    rujukan = [p for p in (BASE / "apps").rglob("*.py") if "kontrak-dokumen.md" in p.read_text()]
    assert rujukan and KONTRAK.exists()
