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
    # Whether the holder may download it from the public status page (an internal register page,
    # for instance, stays with the Dinas even though it is signed).
    untuk_pemohon: bool = True
    # Sample template data for ``manage.py contoh_dokumen`` (what ``data_dokumen`` would return),
    # and further named samples of the same type (e.g. a birth without a recorded father).
    contoh: dict | None = None
    contoh_varian: dict[str, dict] | None = None

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
    untuk_pemohon: bool = True,
    contoh: dict | None = None,
    contoh_varian: dict[str, dict] | None = None,
) -> JenisDokumen:
    """Register (or re-register, e.g. on autoreload) a document type.

    ``kunci_nomor`` is the ``core.Urutan`` counter the type draws its yearly numbers from (types
    may share one); ``pola_nomor`` formats the number with ``{urut}``, ``{tahun}``, ``{bulan}``,
    ``{bulan_romawi}`` and ``{kode}``; ``contoh`` is sample data for ``manage.py contoh_dokumen``,
    ``contoh_varian`` more samples by name (written as ``<kode>-<name>.pdf``).
    """
    jenis = JenisDokumen(
        kode=kode,
        judul=judul,
        template=template,
        ukuran_kertas=ukuran_kertas,
        kunci_nomor=kunci_nomor or f"dokumen:{kode}",
        pola_nomor=pola_nomor or "{kode}/{urut:06d}/{tahun}",
        ditandatangani=ditandatangani,
        untuk_pemohon=untuk_pemohon,
        contoh=contoh,
        contoh_varian=contoh_varian,
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


def _contoh_bawaan() -> dict[str, dict]:
    from datetime import date

    anggota = [
        {"nama": "AHMAD SUBAGYO", "nik": "3575011203800001", "jenis_kelamin": "Laki-laki", "tempat_lahir": "PASURUAN",
         "tanggal_lahir": date(1980, 3, 12), "agama": "Islam", "pendidikan": "SLTA/Sederajat", "pekerjaan": "Wiraswasta",
         "golongan_darah": "O", "status_perkawinan": "Kawin", "tanggal_perkawinan": date(2006, 6, 10),
         "hubungan": "Kepala keluarga", "nama_ayah": "SUPARMAN", "nama_ibu": "SITI KHOTIJAH"},
        {"nama": "SITI AMINAH", "nik": "3575014107850002", "jenis_kelamin": "Perempuan", "tempat_lahir": "PROBOLINGGO",
         "tanggal_lahir": date(1985, 7, 1), "agama": "Islam", "pendidikan": "Diploma III", "pekerjaan": "Mengurus rumah tangga",
         "status_perkawinan": "Kawin", "tanggal_perkawinan": date(2006, 6, 10), "hubungan": "Istri",
         "nama_ayah": "ABDUL ROHIM", "nama_ibu": "MARYAM"},
        {"nama": "RIZKY PRATAMA", "nik": "3575010509120003", "jenis_kelamin": "Laki-laki", "tempat_lahir": "PASURUAN",
         "tanggal_lahir": date(2012, 9, 5), "agama": "Islam", "pendidikan": "SD/Sederajat", "pekerjaan": "Pelajar/Mahasiswa",
         "status_perkawinan": "Belum kawin", "hubungan": "Anak", "nama_ayah": "AHMAD SUBAGYO", "nama_ibu": "SITI AMINAH"},
    ]
    keluarga = {"no_kk": "3575012006060004", "kepala_keluarga": "AHMAD SUBAGYO", "alamat": "JL. HASANUDIN NO. 12",
                "rt": "003", "rw": "002", "kelurahan": "Bugul Kidul", "kecamatan": "Bugul Kidul", "kode_pos": "67121"}
    return {
        "kk": {**keluarga, "anggota": anggota, "nama": "AHMAD SUBAGYO", "nik": "3575011203800001"},
        "kia": {"nik": "3575010509120003", "nama": "RIZKY PRATAMA", "tempat_lahir": "PASURUAN", "tanggal_lahir": date(2012, 9, 5),
                "jenis_kelamin": "Laki-laki", "no_kk": keluarga["no_kk"], "kepala_keluarga": "AHMAD SUBAGYO",
                "no_akta_kelahiran": "3575-LU-10092012-0042", "agama": "Islam", "alamat": "JL. HASANUDIN NO. 12 RT 003/RW 002",
                "berlaku_hingga": date(2029, 9, 5)},
        "ktp_el_cetak": {"nik": "3575014107850002", "nama": "SITI AMINAH", "alasan": "Rusak", "nomor_blangko": "KTP-3575-0001234",
                         "dicetak_oleh": "Operator SIAK"},
        "tanda_terima": {"layanan": "Penerbitan KK — perubahan data", "nama_pemohon": "SITI AMINAH",
                         "berkas_diterima": ["KK lama", "KTP-el", "Formulir F-1.02"], "nama": "SITI AMINAH", "nik": "3575014107850002"},
        "surat": {"perihal": "Permohonan surat pindah (SKPWNI)", "kepada": "Kepala Dinas Kependudukan dan Pencatatan Sipil\nKabupaten Malang",
                  "isi": ["Dengan hormat, bersama ini kami sampaikan permohonan penerbitan Surat Keterangan Pindah WNI atas nama SITI AMINAH, NIK 3575014107850002, yang akan pindah ke Kota Pasuruan.",
                          "Demikian surat pengantar ini kami sampaikan. Atas perhatian dan kerja samanya kami ucapkan terima kasih."],
                  "tembusan": ["Yth. Wali Kota Pasuruan (sebagai laporan)"], "nama": "SITI AMINAH", "nik": "3575014107850002"},
    }


def daftarkan_bawaan() -> None:
    """The types of apps/dokumen itself (numbering patterns follow the Dinas' register style:
    ``470/<nomor>/<kode unit>`` is *unverified* and configurable by re-registering)."""
    contoh = _contoh_bawaan()
    daftarkan_jenis(
        "kk", judul="Kartu Keluarga", template="dokumen/kk.html", ukuran_kertas=A4_LANDSCAPE,
        pola_nomor="KK/{urut:06d}/{bulan_romawi}/{tahun}", contoh=contoh["kk"],
    )
    daftarkan_jenis(
        "kia", judul="Kartu Identitas Anak", template="dokumen/kia.html", ukuran_kertas=CR80,
        pola_nomor="KIA/{urut:06d}/{bulan_romawi}/{tahun}", contoh=contoh["kia"],
    )
    daftarkan_jenis(
        "ktp_el_cetak", judul="Rekaman Cetak KTP-el", template="dokumen/ktp_el_cetak.html", ukuran_kertas=A5,
        pola_nomor="CTK-KTP/{urut:06d}/{tahun}", ditandatangani=False, contoh=contoh["ktp_el_cetak"],
    )
    # Tanda terima: A5 portrait, i.e. half an A4 sheet (*unverified*; e-Kitir prints on A4 halves).
    daftarkan_jenis(
        "tanda_terima", judul="Tanda Terima", template="dokumen/tanda_terima.html", ukuran_kertas=A5,
        pola_nomor="TT/{urut:06d}/{tahun}", ditandatangani=False, contoh=contoh["tanda_terima"],
    )
    daftarkan_jenis(
        "surat", judul="Surat", template="dokumen/surat.html", ukuran_kertas=A4,
        pola_nomor="470/{urut:04d}/423.112/{tahun}", contoh=contoh["surat"],
    )
