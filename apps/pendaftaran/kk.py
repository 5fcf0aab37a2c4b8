"""The Kartu Keluarga of P.4.1.2/P.4.1.3: who is on it, in which order, with which columns, and
how a signed KK changes the register.

- Members who died or moved out are not listed; the head first, then by SHDK order (kepala
  keluarga, suami/istri, anak, menantu, cucu, orang tua, mertua, famili lain, lainnya) and by
  birth date within it (``anggota_kk``).
- A "perubahan data" KK carries the changes the SIAK operator recorded (``perubahan_data``: rows
  of NIK, column, new value); the KK shows them, and they are applied to the register through the
  audited ``penduduk_ubah`` when the KK is signed (``kk_terapkan``), in the signing transaction.
- The No. KK is never minted here: a new family's number (and a changed number) is the one SIAK
  issued, typed by the operator at the SIAK step (``no_kk_siak``).
- A KK for a family that is not in the register cannot be signed (``kk_periksa``).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError

from apps.core.workflow import AksiDitolak
from apps.penduduk.models import (
    URUTAN_HUBUNGAN,
    Agama,
    GolonganDarah,
    Hubungan,
    Keluarga,
    Kewarganegaraan,
    Pendidikan,
    Penduduk,
    StatusPerkawinan,
)

# Register columns a "perubahan data" KK may change, with their choices (None: free text/date).
KOLOM_UBAH = {
    "nama": ("Nama lengkap", None),
    "tempat_lahir": ("Tempat lahir", None),
    "tanggal_lahir": ("Tanggal lahir", "tanggal"),
    "agama": ("Agama", Agama),
    "pendidikan": ("Pendidikan", Pendidikan),
    "pekerjaan": ("Jenis pekerjaan", None),
    "golongan_darah": ("Golongan darah", GolonganDarah),
    "status_perkawinan": ("Status perkawinan", StatusPerkawinan),
    "tanggal_perkawinan": ("Tanggal perkawinan", "tanggal"),
    "hubungan": ("Status hubungan dalam keluarga", Hubungan),
    "kewarganegaraan": ("Kewarganegaraan", Kewarganegaraan),
    "nama_ayah": ("Nama ayah", None),
    "nama_ibu": ("Nama ibu", None),
}


def nilai_kolom(kolom: str, teks: str):
    """The register value of ``teks`` typed for ``kolom`` (a choice by value or label, a date as
    DD-MM-YYYY or YYYY-MM-DD); ValidationError with a message for the operator."""
    label, jenis = KOLOM_UBAH[kolom]
    teks = (teks or "").strip()
    if not teks:
        raise ValidationError(f"Isi nilai baru untuk {label.lower()}.")
    if jenis == "tanggal":
        for pola in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
            try:
                return datetime.datetime.strptime(teks, pola).date()
            except ValueError:
                continue
        raise ValidationError(f"{label}: tulis tanggal sebagai HH-BB-TTTT, mis. 17-08-1990.")
    if jenis is not None:
        for nilai, tampil in jenis.choices:
            if teks.lower() in (str(nilai).lower(), str(tampil).lower()):
                return nilai
        pilihan = ", ".join(str(t) for _, t in jenis.choices)
        raise ValidationError(f"{label}: “{teks}” tidak dikenal. Pilihan: {pilihan}.")
    return teks.upper() if kolom in ("nama", "nama_ayah", "nama_ibu", "tempat_lahir", "pekerjaan") else teks


def keluarga_permohonan(objek) -> Keluarga | None:
    """The family a KK request is about: by the No. KK given at intake, else the applicant's."""
    if objek.no_kk:
        keluarga = Keluarga.objects.select_related("kepala", "kelurahan__induk").filter(no_kk=objek.no_kk).first()
        if keluarga is not None:
            return keluarga
    p = objek.penduduk
    if p is not None and p.keluarga_id:
        return Keluarga.objects.select_related("kepala", "kelurahan__induk").get(pk=p.keluarga_id)
    return None


def keluarga_kk(objek) -> Keluarga | None:
    """The family the KK document shows: the one holding the No. KK SIAK gave (once signed), else
    the request's family (None for a KK baru not yet signed)."""
    no_baru = getattr(objek, "no_kk_siak", "")
    if no_baru:
        keluarga = Keluarga.objects.select_related("kepala", "kelurahan__induk").filter(no_kk=no_baru).first()
        if keluarga is not None:
            return keluarga
    if kk_baru(objek):
        return None
    return keluarga_permohonan(objek)


def kk_baru(objek) -> bool:
    return objek.layanan.dokumen == "kk" and objek.layanan.alasan == "baru"


def kk_periksa(objek) -> Keluarga | None:
    """Refuse (AksiDitolak) a KK whose family is not in the register; a KK baru needs the No. KK
    SIAK gave. Returns the family (None for a KK baru before signing)."""
    if objek.layanan.dokumen != "kk":
        return None
    if kk_baru(objek):
        if not getattr(objek, "no_kk_siak", ""):
            raise AksiDitolak("KK baru belum memiliki No. KK dari SIAK. Kembalikan untuk perbaikan agar operator SIAK mengisinya.")
        if objek.penduduk is None:
            raise AksiDitolak("Pemohon KK baru tidak ada di register penduduk; KK tidak dapat ditandatangani.")
        return None
    keluarga = keluarga_permohonan(objek)
    if keluarga is None:
        raise AksiDitolak(
            f"Keluarga dengan No. KK {objek.no_kk or '(kosong)'} tidak ada di register penduduk, sehingga KK tidak dapat "
            "ditandatangani. Kembalikan untuk perbaikan (periksa No. KK) atau tolak permohonan."
        )
    return keluarga


def urutan_anggota(p) -> tuple:
    hubungan = p["hubungan_kode"] if isinstance(p, dict) else p.hubungan
    lahir = p["tanggal_lahir"] if isinstance(p, dict) else p.tanggal_lahir
    return (URUTAN_HUBUNGAN.get(hubungan, 9), lahir or datetime.date.max)


def _baris(a: Penduduk, perubahan: dict) -> dict:
    ubah = perubahan.get(a.nik, {})

    def v(kolom):
        return ubah.get(kolom, getattr(a, kolom))

    def tampil(kolom, enum):
        nilai = v(kolom)
        return dict(enum.choices).get(nilai, nilai or "")

    return {
        "nama": v("nama"),
        "nik": a.nik,
        "jenis_kelamin": a.get_jenis_kelamin_display(),
        "tempat_lahir": v("tempat_lahir"),
        "tanggal_lahir": v("tanggal_lahir"),
        "agama": tampil("agama", Agama),
        "pendidikan": tampil("pendidikan", Pendidikan),
        "pekerjaan": v("pekerjaan"),
        "golongan_darah": tampil("golongan_darah", GolonganDarah),
        "status_perkawinan": tampil("status_perkawinan", StatusPerkawinan),
        "tanggal_perkawinan": v("tanggal_perkawinan"),
        "hubungan": tampil("hubungan", Hubungan),
        "hubungan_kode": v("hubungan"),
        "kewarganegaraan": v("kewarganegaraan"),
        "paspor": a.no_paspor,
        "kitap": a.no_kitap,
        "nama_ayah": v("nama_ayah"),
        "nama_ibu": v("nama_ibu"),
        "berubah": sorted(ubah),
    }


def perubahan_per_nik(objek) -> dict[str, dict]:
    """{nik: {kolom: value}} of the request's recorded changes (values converted)."""
    hasil: dict[str, dict] = {}
    for baris in getattr(objek, "perubahan_data", None) or []:
        try:
            hasil.setdefault(baris["nik"], {})[baris["kolom"]] = nilai_kolom(baris["kolom"], baris["nilai"])
        except (KeyError, ValidationError):
            continue
    return hasil


def anggota_kk(keluarga: Keluarga | None, *, perubahan: dict | None = None, tambahan=()) -> list[dict]:
    """The rows of the KK: living members still here, head first, then SHDK order and birth date;
    ``perubahan`` ({nik: {kolom: value}}) shown in place of the register's values."""
    perubahan = perubahan or {}
    orang = list(keluarga.anggota.all()) if keluarga is not None else []
    orang += [p for p in tambahan if p.pk not in {o.pk for o in orang}]
    baris = [_baris(a, perubahan) for a in orang if a.tercantum_di_kk]
    return sorted(baris, key=urutan_anggota)


def kk_terapkan(*, objek, oleh) -> Keluarga | None:
    """When the KK is signed: apply its changes to the register (audited, ``sebab`` = the request).

    - a KK baru: the family with the No. KK SIAK gave, the applicant as its head;
    - a changed No. KK: the family's number becomes the one SIAK gave;
    - a "perubahan data" KK: each recorded change through ``penduduk_ubah``.
    """
    from apps.penduduk.services import (
        keluarga_buat,
        keluarga_keluarkan_anggota,
        keluarga_tambah_anggota,
        keluarga_ubah,
        penduduk_ubah,
    )

    if objek.layanan.dokumen != "kk":
        return None
    alasan = f"{objek.layanan.nama} {objek.kode_lacak}"
    no_baru = getattr(objek, "no_kk_siak", "")
    try:
        if kk_baru(objek):
            pemohon = objek.penduduk
            keluarga = keluarga_buat(
                no_kk=no_baru, sebab=objek, oleh=oleh, alasan=alasan,
                data={"alamat": pemohon.alamat, "rt": pemohon.rt, "rw": pemohon.rw, "kelurahan": pemohon.kelurahan,
                      "tanggal_terbit": _hari_ini()},
            )
            if pemohon.keluarga_id:
                keluarga_keluarkan_anggota(penduduk=pemohon, sebab=objek, oleh=oleh, alasan=alasan)
            keluarga_tambah_anggota(keluarga=keluarga, penduduk=pemohon, hubungan="kepala", sebab=objek, oleh=oleh, alasan=alasan)
            return keluarga
        keluarga = kk_periksa(objek)
        if no_baru and no_baru != keluarga.no_kk:
            keluarga_ubah(keluarga=keluarga, perubahan={"no_kk": no_baru}, sebab=objek, oleh=oleh, alasan=alasan)
        keluarga_ubah(keluarga=keluarga, perubahan={"tanggal_terbit": _hari_ini()}, sebab=objek, oleh=oleh, alasan=alasan)
        per_nik = perubahan_per_nik(objek)
        for p in keluarga.anggota.filter(nik__in=list(per_nik)):
            penduduk_ubah(penduduk=p, perubahan=per_nik[p.nik], sebab=objek, oleh=oleh, alasan=alasan)
        return keluarga
    except ValidationError as exc:
        raise AksiDitolak("Register tidak dapat diperbarui: " + "; ".join(exc.messages)) from exc


def _hari_ini():
    from django.utils import timezone

    return timezone.localdate()
