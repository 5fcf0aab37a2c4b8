"""Every document type, signed: independent tools accept the samples, a one-byte change fails
them, the QR opens the verification page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import zxingcpp
from django.core.management import call_command
from PIL import Image

from apps.dokumen.jenis import semua_jenis
from apps.dokumen.models import Dokumen

PYHANKO = str(Path(__file__).resolve().parents[3] / ".venv" / "bin" / "pyhanko")


def pdfsig_sah(path: Path) -> bool:
    # pdfsig exits 0 even when a signature does not match: read what it says.
    keluaran = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    return "Signature Validation: Signature is Valid." in keluaran


def pyhanko_sah(path: Path, ca: Path) -> bool:
    hasil = subprocess.run(
        [PYHANKO, "sign", "validate", "--trust", str(ca), "--trust-replace", str(path)], capture_output=True, text=True
    )
    return hasil.returncode == 0 and ":INTACT:TRUSTED" in hasil.stdout


def isi_qr(path: Path, tmp_path: Path) -> list[str]:
    """The codes on the first page, or on the second where the first is a cover (the aggregate book)."""
    folder = tmp_path / f"qr-{path.stem}"
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "2", str(path), str(folder / "h")], check=True)
    for halaman in sorted(folder.glob("h-*.png")):
        teks = [b.text for b in zxingcpp.read_barcodes(Image.open(halaman))]
        if teks:
            return teks
    return []


@pytest.fixture
def contoh(db, kadis, tmp_path):
    out = tmp_path / "contoh"
    call_command("contoh_dokumen", out=str(out), stdout=open("/dev/null", "w"))
    return out


def test_every_type_has_a_sample(contoh):
    nama = {j.kode for j in semua_jenis()} | {f"{j.kode}-{v}" for j in semua_jenis() for v in (j.contoh_varian or {})}
    assert {p.stem for p in contoh.glob("*.pdf")} == nama
    assert Dokumen.objects.filter(status="selesai", ditandatangani_pada__isnull=False).count() == len(nama)


def test_samples_pass_pdfsig_and_pyhanko(contoh, direktori_kunci):
    ca = direktori_kunci / "ca.pem"
    for path in sorted(contoh.glob("*.pdf")):
        assert pdfsig_sah(path), path.name
        assert pyhanko_sah(path, ca), path.name


def test_one_changed_byte_fails_both(contoh, direktori_kunci, tmp_path):
    ca = direktori_kunci / "ca.pem"
    for path in sorted(contoh.glob("*.pdf")):
        data = bytearray(path.read_bytes())
        i = data.index(b"WeasyPrint")  # the Producer entry: inside the signed bytes, structure intact
        data[i] ^= 0x01
        rusak = tmp_path / f"rusak-{path.name}"
        rusak.write_bytes(bytes(data))
        assert not pdfsig_sah(rusak), path.name
        assert not pyhanko_sah(rusak, ca), path.name


def test_each_qr_opens_its_verification_page(contoh, client, tmp_path):
    for path in sorted(contoh.glob("*.pdf")):
        teks = isi_qr(path, tmp_path)
        # A type's further samples ("<kode>-<name>.pdf") are documents of the same type.
        dokumen = next((d for d in Dokumen.objects.filter(jenis=path.stem.split("-")[0]) if d.url_verifikasi in teks), None)
        assert dokumen is not None, (path.name, teks)
        halaman = client.get(dokumen.url_verifikasi.removeprefix("http://testserver"))
        isi = halaman.content.decode()
        assert halaman.status_code == 200
        assert "Dokumen aktif" in isi and dokumen.nomor in isi and dokumen.sha256 in isi
        if dokumen.pemilik_nik:
            assert dokumen.pemilik_nik not in isi  # masked
