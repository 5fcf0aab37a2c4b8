"""Records of P.4.2–P.4.5 in any state, for the role matrix and the tests."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone


def dokumen_siap(objek, jenis: str) -> None:
    """The signed document TTE leaves behind, for a record put straight into a later state."""
    from apps.dokumen.models import Dokumen

    Dokumen.objects.create(
        content_type=ContentType.objects.get_for_model(objek), object_id=objek.pk, jenis=jenis,
        judul="Dokumen uji", kunci_nomor="uji", tahun=timezone.localdate().year, urut=objek.pk,
        nomor=f"UJI-{jenis}-{objek.pk}", perlu_tte=True, status=Dokumen.Status.SELESAI, berkas="dokumen/uji.pdf",
    )


def buat_wna(status: str | None = None, **kw):
    from apps.pendaftaran.models.wna import DokumenWNA, PendaftaranWNA, StatusWNA

    data = {
        "dokumen": DokumenWNA.KTP, "nama": "JOHN SMITH", "kewarganegaraan": "Australia", "nomor_paspor": "PA1234567",
        "jenis_izin": "kitas", "nomor_izin": "2C11AB1234", "izin_berlaku_sampai": timezone.localdate() + timedelta(days=400),
        "alamat": "Jl. Hayam Wuruk 10", "email": "john@contoh.id", "nik": "3575019999000001",
        "berkas_persyaratan": {"paspor": None, "izin_tinggal": None, "skck": None},
    }
    data.update(kw)
    if status is not None:
        data["status"] = status
    objek = PendaftaranWNA.objects.create(**data)
    if status in (StatusWNA.DITANDATANGANI, StatusWNA.DICETAK, StatusWNA.SIAP_DIAMBIL, StatusWNA.SELESAI):
        dokumen_siap(objek, "dokumen_wna")
    return objek


NIK_TERDAFTAR = "3575014107900003"


def penduduk_terdaftar(nik: str = NIK_TERDAFTAR, nama: str = "SITI AMINAH"):
    from .factories import pastikan_keluarga

    return pastikan_keluarga("3575010101200001", nik, nama)


def buat_perekaman(status: str | None = None, **kw):
    from apps.pendaftaran.models.perekaman import PerekamanKTP

    data = {"nik": NIK_TERDAFTAR, "nama": "SITI AMINAH", "email": "siti@contoh.id"}
    data.update(kw)
    if status is not None:
        data["status"] = status
    return PerekamanKTP.objects.create(**data)


def buat_luar_negeri(status: str | None = None, **kw):
    from apps.pendaftaran.models.luar_negeri import PindahLuarNegeri

    data = {"jenis": "skpln", "nik": NIK_TERDAFTAR, "nama": "SITI AMINAH", "nomor_paspor": "C1234567",
            "negara": "Malaysia", "tanggal_pindah": timezone.localdate(), "email": "siti@contoh.id",
            "berkas_persyaratan": {"kk": None, "paspor": None}}
    data.update(kw)
    if status is not None:
        data["status"] = status
    objek = PindahLuarNegeri.objects.create(**data)
    if status in ("ditandatangani", "dicetak", "siap_diambil", "selesai"):
        dokumen_siap(objek, "surat_luar_negeri")
    return objek


def buat_lansia(status: str | None = None, **kw):
    from apps.pendaftaran.models.perekaman_lansia import PerekamanLansia

    data = {"nik": NIK_TERDAFTAR, "nama": "SITI AMINAH", "kondisi": "Lansia, tidak dapat berjalan",
            "alamat": "Jl. Hayam Wuruk 1, Pasuruan", "telepon": "081234", "berkas_persyaratan": {"kk": None}}
    if status in ("dijadwalkan", "direkam", "duplikat", "siap_cetak", "dicetak", "siap_diambil", "selesai"):
        data.update(tempat="rumah", tanggal_rekam=timezone.localdate(), alamat_kunjungan=data["alamat"], tim="Tim A")
    data.update(kw)
    if status is not None:
        data["status"] = status
    return PerekamanLansia.objects.create(**data)


def buat_biodata(status: str | None = None, **kw):
    import datetime

    from apps.pendaftaran.models.biodata import BiodataRentan
    from apps.penduduk.models import Wilayah

    data = {"nama": "MBAH SUMI", "kelompok": "Penghuni panti wredha", "pengusul": "UPT Panti Wredha",
            "tempat_lahir": "Pasuruan", "tanggal_lahir": datetime.date(1948, 5, 15), "jenis_kelamin": "P",
            "agama": "islam", "status_perkawinan": "cerai_mati", "alamat": "Jl. Panglima Sudirman 1", "rt": "001",
            "rw": "002", "kelurahan": Wilayah.objects.filter(tingkat="kelurahan").order_by("kode").first(),
            "berkas_persyaratan": {"pengantar": None}}
    data.update(kw)
    if status is not None:
        data["status"] = status
    return BiodataRentan.objects.create(**data)
