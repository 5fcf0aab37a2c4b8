"""Records of P.4.6 (pindah masuk) in any state, for the flow tests and the role matrix."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from apps.pendaftaran.models.pindah_masuk import KantorDukcapil, PindahMasuk


def kantor_asal() -> KantorDukcapil:
    return KantorDukcapil.objects.get_or_create(
        nama="Dinas Kependudukan dan Pencatatan Sipil Kabupaten Malang",
        defaults={"daerah": "Kabupaten Malang", "email": "dukcapil@malangkab.contoh.id"},
    )[0]


def anggota_contoh() -> list[dict]:
    hari_ini = timezone.localdate()
    lahir = lambda tahun: (hari_ini - timedelta(days=365 * tahun + 40)).isoformat()  # noqa: E731
    dasar = {"tempat_lahir": "MALANG", "agama": "islam", "pekerjaan": "WIRASWASTA"}
    return [
        {**dasar, "nik": "3507011201850001", "nama": "BUDI SANTOSO", "hubungan": "kepala", "tanggal_lahir": lahir(40),
         "jenis_kelamin": "L", "status_perkawinan": "kawin", "punya_akta": True},
        {**dasar, "nik": "3507014501880002", "nama": "SRI WAHYUNI", "hubungan": "istri", "tanggal_lahir": lahir(37),
         "jenis_kelamin": "P", "status_perkawinan": "kawin", "punya_akta": True},
        {**dasar, "nik": "3507011003150003", "nama": "ADI SANTOSO", "hubungan": "anak", "tanggal_lahir": lahir(10),
         "jenis_kelamin": "L", "status_perkawinan": "belum_kawin", "pekerjaan": "PELAJAR", "punya_akta": False},
    ]


def buat_pindah(status: str = "diajukan", **kw) -> PindahMasuk:
    from apps.penduduk.models import Wilayah

    data = {
        "nik": "3507011201850001", "nama": "BUDI SANTOSO", "no_kk_asal": "3507010101200001",
        "alamat_asal": "Jl. Raya Kepanjen 5, Kab. Malang", "kantor_asal": kantor_asal(),
        "alamat_tujuan": "Jl. Hayam Wuruk 10", "rt": "001", "rw": "002",
        "kelurahan": Wilayah.objects.filter(tingkat="kelurahan").order_by("kode").first(),
        "anggota": anggota_contoh(), "email": "budi@contoh.id", "status": status,
        "berkas_persyaratan": {"ktp": None, "kk": None},
    }
    if status == "selesai":
        data.update(nomor_skpwni="SKPWNI/3507/0001/2026", no_kk_baru="3575019999100001")
    if status in ("menunggu_jawaban", "selesai"):
        data["kepemilikan_sesuai"] = True
        data["surat_pengantar"] = surat_terkirim(data["kantor_asal"])
    data.update(kw)
    return PindahMasuk.objects.create(**data)


def surat_terkirim(kantor: KantorDukcapil):
    """The surat pengantar as P.1.2.1.1 leaves it once the tata usaha emailed it."""
    from apps.umum.models import StatusSuratKeluar, SuratKeluar

    return SuratKeluar.objects.create(
        status=StatusSuratKeluar.TERKIRIM, perintah="Surat dari proses P.4.6", hal="Permohonan surat keterangan pindah",
        kepada=f"Kepala {kantor.nama}", isi="Isi surat", asal_proses="P.4.6", cara_kirim="email",
        email_tujuan=kantor.email, diterima_pada=timezone.now(),
    )
