"""Letters of P.1.2.1.2 brought to any state through the services, as the staff would."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.core.workflow import jalankan_aksi
from apps.umum.models import KlasifikasiArsip, StatusDisposisi, SuratMasuk
from apps.umum.services import disposisi_terima, surat_masuk_arsipkan, surat_masuk_catat, surat_masuk_disposisikan

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# Every state a letter can be left in, in the order of the flow ("diantar_lengkap": every target
# has received it but the letter was not closed, which only a direct kernel call can leave).
URUTAN_STATUS = [
    "diagendakan", "perbaikan", "didisposisi", "diteruskan", "diantar", "diantar_lengkap", "tersampaikan",
    "diarsipkan",
]


def berkas_pdf(nama: str = "surat.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, PDF, content_type="application/pdf")


def berkas_png(nama: str = "tanda-terima.png") -> SimpleUploadedFile:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buf, format="PNG")
    return SimpleUploadedFile(nama, buf.getvalue(), content_type="image/png")


def data_surat(**ubah) -> dict:
    hari_ini = timezone.localdate()
    data = {
        "asal": "opd",
        "pengirim": "Dinas Kesehatan Kota Pasuruan",
        "nomor_surat": "400.7/512/423.104/2026",
        "tanggal_surat": hari_ini - timedelta(days=3),
        "tanggal_diterima": hari_ini,
        "perihal": "Undangan rapat koordinasi data kematian",
        "sifat": "penting",
    }
    data.update(ubah)
    return data


class Alur:
    """Drives letters through the flow with one user per role (``pengguna`` fixture)."""

    def __init__(self, pengguna):
        self.pengguna = pengguna
        self.tu = pengguna("tata_usaha")
        self.kadis = pengguna("kadis")
        self.sekretaris = pengguna("sekretaris")
        self.caraka = pengguna("caraka")
        # Targets: the position "kabid" and one named person holding "kasi".
        self.kabid = pengguna("kabid")
        self.kasi = pengguna("kasi")

    def catat(self, **ubah) -> SuratMasuk:
        return surat_masuk_catat(data=data_surat(**ubah), pindaian=berkas_pdf(), pengguna=self.tu)

    def ke(self, status: str, surat: SuratMasuk | None = None, *, jabatan=("kabid",), orang=None, **ubah) -> SuratMasuk:
        """A new letter (or ``surat``) brought to ``status``; disposed to ``jabatan`` and ``orang``
        (by default the position kabid and the kasi by name)."""
        surat = surat or self.catat(**ubah)
        langkah = URUTAN_STATUS.index(status)
        if status == "perbaikan":
            jalankan_aksi(objek=surat, aksi="kembalikan", pengguna=self.kadis, catatan="Pindaian terpotong")
            return surat
        if langkah >= URUTAN_STATUS.index("didisposisi"):
            surat_masuk_disposisikan(
                surat=surat, pengguna=self.kadis, instruksi=["tindak_lanjuti"], batas_waktu=timezone.localdate() + timedelta(days=7),
                tujuan_jabatan=list(jabatan), tujuan_pengguna=[self.kasi] if orang is None else orang,
            )
        if langkah >= URUTAN_STATUS.index("diteruskan"):
            jalankan_aksi(objek=surat, aksi="teruskan", pengguna=self.sekretaris)
        if langkah >= URUTAN_STATUS.index("diantar"):
            jalankan_aksi(objek=surat, aksi="serahkan_caraka", pengguna=self.tu)
        tujuan = list(surat.disposisi.order_by("pk"))
        if status == "diantar":
            disposisi_terima(disposisi=tujuan[0], pengguna=self.caraka, diterima_oleh="Staf bidang")
        if status == "diantar_lengkap":
            for d in tujuan:  # straight through the kernel: the service would close the letter
                jalankan_aksi(objek=d, aksi="terima", pengguna=self.caraka, data={"diterima_oleh": "Staf"})
        if langkah >= URUTAN_STATUS.index("tersampaikan"):
            for d in tujuan:
                disposisi_terima(disposisi=d, pengguna=self.caraka, diterima_oleh=d.tujuan_label)
        if langkah >= URUTAN_STATUS.index("diarsipkan"):
            surat.refresh_from_db()
            surat_masuk_arsipkan(surat=surat, pengguna=self.tu, klasifikasi=KlasifikasiArsip.objects.get(kode="400.12.3"),
                                 lemari="A", laci="2", map="Undangan 2026")
        surat.refresh_from_db()
        assert surat.status == status.replace("_lengkap", ""), (surat.status, status)
        return surat


@pytest.fixture
def alur(pengguna) -> Alur:
    return Alur(pengguna)


__all__ = ["PDF", "StatusDisposisi", "URUTAN_STATUS", "berkas_pdf", "berkas_png", "data_surat"]
