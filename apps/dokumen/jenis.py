"""The registry of document types the portal issues.

A type names its HTML template, its paper, its numbering and whether it is signed (TTE). The
built-in types are registered here; apps register theirs in ``AppConfig.ready()`` with
``daftarkan_jenis`` (capil: akta kelahiran, kematian, ...).

Paper sizes are CSS ``@page size`` values. Where the size is not fixed by a regulation we could
read, it is marked *unverified* and can be changed per type with ``settings.DOKUMEN_UKURAN_KERTAS``
(``{"kia": "85.6mm 54mm"}``) without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

# CSS page sizes used by the built-in types.
A4 = "A4"
A4_LANDSCAPE = "A4 landscape"
A5 = "A5"
CR80 = "85.6mm 54mm"  # ID-1 / CR80 card (ISO/IEC 7810), the KIA's card format


@dataclass(frozen=True)
class JenisDokumen:
    kode: str
    judul: str
    template: str
    ukuran_kertas: str = A4
    kunci_nomor: str = ""
    pola_nomor: str = ""
    ditandatangani: bool = True

    @property
    def kertas(self) -> str:
        """The page size in force (a setting may override the registered one)."""
        return getattr(settings, "DOKUMEN_UKURAN_KERTAS", {}).get(self.kode, self.ukuran_kertas)

    def format_nomor(self, *, urut: int, tahun: int, bulan: int) -> str:
        return self.pola_nomor.format(
            urut=urut, tahun=tahun, bulan=bulan, bulan_romawi=ROMAWI[bulan], kode=self.kode.upper()
        )


ROMAWI = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

_REGISTRY: dict[str, JenisDokumen] = {}


def daftarkan_jenis(
    kode: str,
    *,
    judul: str,
    template: str,
    ukuran_kertas: str = A4,
    kunci_nomor: str | None = None,
    pola_nomor: str | None = None,
    ditandatangani: bool = True,
) -> JenisDokumen:
    """Register (or re-register, e.g. on autoreload) a document type.

    ``kunci_nomor`` is the ``core.Urutan`` counter the type draws its yearly numbers from (types
    may share one); ``pola_nomor`` formats the number with ``{urut}``, ``{tahun}``, ``{bulan}``,
    ``{bulan_romawi}`` and ``{kode}``.
    """
    jenis = JenisDokumen(
        kode=kode,
        judul=judul,
        template=template,
        ukuran_kertas=ukuran_kertas,
        kunci_nomor=kunci_nomor or f"dokumen:{kode}",
        pola_nomor=pola_nomor or "{kode}/{urut:06d}/{tahun}",
        ditandatangani=ditandatangani,
    )
    _REGISTRY[kode] = jenis
    return jenis


def ambil_jenis(kode: str) -> JenisDokumen:
    try:
        return _REGISTRY[kode]
    except KeyError:
        raise LookupError(f"Jenis dokumen “{kode}” belum didaftarkan.") from None


def semua_jenis() -> list[JenisDokumen]:
    return list(_REGISTRY.values())


def daftarkan_bawaan() -> None:
    """The types of apps/dokumen itself (numbering patterns follow the Dinas' register style:
    ``474/<kode klasifikasi>`` is *unverified* and configurable by re-registering)."""
    daftarkan_jenis(
        "kk", judul="Kartu Keluarga", template="dokumen/kk.html", ukuran_kertas=A4_LANDSCAPE,
        pola_nomor="KK/{urut:06d}/{bulan_romawi}/{tahun}",
    )
    daftarkan_jenis(
        "kia", judul="Kartu Identitas Anak", template="dokumen/kia.html", ukuran_kertas=CR80,
        pola_nomor="KIA/{urut:06d}/{bulan_romawi}/{tahun}",
    )
    daftarkan_jenis(
        "ktp_el_cetak", judul="Rekaman Cetak KTP-el", template="dokumen/ktp_el_cetak.html", ukuran_kertas=A5,
        pola_nomor="CTK-KTP/{urut:06d}/{tahun}", ditandatangani=False,
    )
    # Tanda terima: A5 portrait, i.e. half an A4 sheet (*unverified*; e-Kitir prints on A4 halves).
    daftarkan_jenis(
        "tanda_terima", judul="Tanda Terima", template="dokumen/tanda_terima.html", ukuran_kertas=A5,
        pola_nomor="TT/{urut:06d}/{tahun}", ditandatangani=False,
    )
    daftarkan_jenis(
        "surat", judul="Surat", template="dokumen/surat.html", ukuran_kertas=A4,
        pola_nomor="470/{urut:04d}/423.112/{tahun}",
    )
