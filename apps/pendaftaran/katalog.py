"""The service catalogue of P.4.1 as first loaded (migration 0002); afterwards it is master data
the administrator edits in Django admin.

Requirements follow Perpres 96/2018 (persyaratan dan tata cara pendaftaran penduduk) and
Permendagri 108/2019 (its implementing rules); KIA follows Permendagri 2/2016. No RT/RW cover
letter is asked anywhere. Service-level targets are the Dinas' own and differ between regions
(DOMAIN.md "Service levels"): the figures below are starting values, to be set in admin.
"""

from dataclasses import dataclass

KTP_EL = "ktp_el"
KK = "kk"
KIA = "kia"

_DASAR = "Perpres 96/2018; Permendagri 108/2019"
_DASAR_KIA = "Permendagri 2/2016 tentang KIA; Permendagri 108/2019"

# (dokumen, alasan, nama, alur, lewat integrasi, target hari kerja, dasar hukum, [(persyaratan, wajib)])
LAYANAN = [
    (KTP_EL, "baru", "KTP-el warga baru", "P.4.1.1", False, 1, _DASAR, [
        ("Kartu Keluarga (KK)", True),
        ("Bukti telah rekam biometrik (bila perekaman di tempat lain)", False),
        ("Buku nikah/kutipan akta perkawinan (bagi yang belum 17 tahun tetapi sudah kawin)", False),
    ]),
    (KTP_EL, "rusak", "KTP-el rusak", "P.4.1.1", False, 1, _DASAR, [
        ("KTP-el yang rusak", True),
    ]),
    (KTP_EL, "hilang", "KTP-el hilang", "P.4.1.1", False, 1, _DASAR, [
        ("Surat keterangan kehilangan dari kepolisian", True),
    ]),
    (KTP_EL, "perubahan_data", "KTP-el perubahan data", "P.4.1.1", True, 1, _DASAR, [
        ("Kartu Keluarga (KK) yang memuat data baru", True),
        ("KTP-el lama", True),
    ]),
    (KTP_EL, "skpwni", "KTP-el pindah datang (SKPWNI)", "P.4.1.1", False, 1, _DASAR, [
        ("Surat Keterangan Pindah WNI (SKPWNI) dari daerah asal", True),
    ]),
    (KK, "baru", "KK warga baru (membentuk keluarga baru)", "P.4.1.2", False, 3, _DASAR, [
        ("Buku nikah/kutipan akta perkawinan atau kutipan akta perceraian, atau SPTJM perkawinan/perceraian belum tercatat", True),
        ("KK lama (KK orang tua/asal)", True),
    ]),
    (KK, "rusak", "KK rusak", "P.4.1.2", False, 3, _DASAR, [
        ("KK yang rusak", True),
        ("KTP-el kepala keluarga", True),
    ]),
    (KK, "hilang", "KK hilang", "P.4.1.2", False, 3, _DASAR, [
        ("Surat keterangan kehilangan dari kepolisian", True),
        ("KTP-el kepala keluarga", True),
    ]),
    (KK, "perubahan_data", "KK perubahan data", "P.4.1.2", True, 3, _DASAR, [
        ("KK lama", True),
        ("Bukti perubahan peristiwa kependudukan atau peristiwa penting (mis. akta kelahiran, akta kematian, buku nikah)", True),
    ]),
    (KK, "skpwni", "KK pindah datang (SKPWNI)", "P.4.1.2", False, 3, _DASAR, [
        ("Surat Keterangan Pindah WNI (SKPWNI) dari daerah asal", True),
        ("KK daerah tujuan (bila menumpang pada KK yang sudah ada)", False),
    ]),
    (KIA, "baru", "KIA warga baru", "P.4.1.2", False, 3, _DASAR_KIA, [
        ("Kutipan akta kelahiran anak", True),
        ("KK orang tua/wali", True),
        ("KTP-el kedua orang tua/wali", True),
        ("Pas foto anak berwarna 2x3 (anak usia 5 tahun ke atas)", False),
    ]),
    (KIA, "rusak", "KIA rusak", "P.4.1.2", False, 3, _DASAR_KIA, [
        ("KIA yang rusak", True),
        ("KK orang tua/wali", True),
    ]),
    (KIA, "hilang", "KIA hilang", "P.4.1.2", False, 3, _DASAR_KIA, [
        ("Surat keterangan kehilangan dari kepolisian", True),
        ("KK orang tua/wali", True),
    ]),
    (KIA, "perubahan_data", "KIA perubahan data", "P.4.1.2", False, 3, _DASAR_KIA, [
        ("KIA lama", True),
        ("KK orang tua/wali yang memuat data baru", True),
    ]),
    (KIA, "skpwni", "KIA pindah datang (SKPWNI)", "P.4.1.2", False, 3, _DASAR_KIA, [
        ("Surat Keterangan Pindah WNI (SKPWNI) yang memuat anak", True),
        ("KIA lama (bila ada)", False),
    ]),
]


# Corrections of the first catalogue (migration 0004; DOMAIN.md "Requirements"):
# - every P.4.1 service needs the form F-1.02 (formulir pendaftaran peristiwa kependudukan);
# - a KK baru is asked for a reason, and the buku nikah holds only where the reason is a marriage.
FORMULIR_F102 = ("f-1-02", "Formulir F-1.02 (pendaftaran peristiwa kependudukan) yang sudah diisi")
SEBAB_KK_BARU = [
    ("perkawinan", "Perkawinan (membentuk keluarga baru)"),
    ("pisah-kk", "Pisah KK dari KK orang tua/asal"),
    ("ganti-kepala", "Pergantian kepala keluarga"),
]
BUKU_NIKAH = ("buku-nikah", "Buku nikah/kutipan akta perkawinan", "perkawinan")


def koreksi_katalog(Layanan, Persyaratan, SebabLayanan) -> None:
    """Apply the corrections above (idempotent; matched by code, never by label text, except the
    one-time find of the first catalogue's marriage-book row, which had no code)."""
    for layanan in Layanan.objects.filter(kode_proses="P.4.1"):
        kode, nama = FORMULIR_F102
        Persyaratan.objects.get_or_create(layanan=layanan, kode=kode, defaults={"nama": nama, "wajib": True, "urutan": 0})
    kk_baru = Layanan.objects.filter(dokumen=KK, alasan="baru").first()
    if kk_baru is None:
        return
    sebab = {}
    for i, (kode, nama) in enumerate(SEBAB_KK_BARU, start=1):
        sebab[kode] = SebabLayanan.objects.get_or_create(layanan=kk_baru, kode=kode, defaults={"nama": nama, "urutan": i})[0]
    kode, nama, untuk = BUKU_NIKAH
    buku = Persyaratan.objects.filter(layanan=kk_baru, kode=kode).first()
    if buku is None:
        buku = Persyaratan.objects.filter(layanan=kk_baru, kode="", nama__istartswith="Buku nikah").first()
        if buku is None:
            buku = Persyaratan(layanan=kk_baru, urutan=1)
        buku.kode, buku.nama, buku.wajib = kode, nama, True
        buku.save()
    buku.hanya_untuk_sebab.add(sebab[untuk])


def persyaratan_berlaku(layanan, sebab=None) -> list:
    """The requirements of ``layanan`` that hold for a request of reason ``sebab`` (a
    ``SebabLayanan`` or its id, or None): what an intake form of any process lists."""
    sebab_id = getattr(sebab, "pk", sebab)
    return [p for p in layanan.persyaratan.prefetch_related("hanya_untuk_sebab") if p.berlaku_untuk(sebab_id)]


@dataclass(frozen=True)
class PersyaratanTercatat:
    """A requirement as a request recorded it at intake (``Permohonan.persyaratan_berlaku``):
    read like a ``Persyaratan`` (``pk``, ``nama``, ``wajib``) so the completeness check, the
    checklist and the completion form work on either."""

    pk: int
    kode: str
    nama: str
    wajib: bool
    keterangan: str = ""

    @property
    def kunci(self) -> str:
        return str(self.pk)

    def berlaku_untuk(self, sebab_id) -> bool:
        # The reason conditions were resolved when the list was recorded.
        return True


def rekam_persyaratan(layanan, sebab=None) -> list[dict]:
    """The requirement list in force for a new request of ``layanan`` and reason ``sebab``, as the
    JSON a request keeps (versioned lists: a list changed in admin later applies only to new
    requests)."""
    return [
        {"id": p.pk, "kode": p.kode, "nama": p.nama, "wajib": p.wajib, "keterangan": p.keterangan}
        for p in persyaratan_berlaku(layanan, sebab)
    ]


def persyaratan_tercatat(rekaman: list[dict]) -> list[PersyaratanTercatat]:
    return [
        PersyaratanTercatat(pk=r["id"], kode=r.get("kode", ""), nama=r["nama"], wajib=r["wajib"],
                            keterangan=r.get("keterangan", ""))
        for r in rekaman
    ]


def layanan_dari_kode(kode: str):
    """A service of the catalogue by its stable code (e.g. "kk-baru", "P.5.1-lahir"), or None."""
    from .models import Layanan

    return Layanan.objects.filter(kode=kode).first()


def isi_katalog(Layanan, Persyaratan) -> None:
    """Load the catalogue (idempotent: existing services are left as the administrator set them)."""
    for urutan, (dokumen, alasan, nama, alur, integrasi, target, dasar, syarat) in enumerate(LAYANAN, start=1):
        layanan, dibuat = Layanan.objects.get_or_create(
            dokumen=dokumen,
            alasan=alasan,
            defaults={
                "kode": f"{dokumen.replace('_', '-')}-{alasan.replace('_', '-')}",
                "nama": nama,
                "alur": alur,
                "lewat_integrasi": integrasi,
                "target_hari_kerja": target,
                "dasar_hukum": dasar,
                "urutan": urutan,
            },
        )
        if dibuat:
            for i, (teks, wajib) in enumerate(syarat, start=1):
                Persyaratan.objects.create(layanan=layanan, nama=teks, wajib=wajib, urutan=i)


# The standar pelayanan of each service (migration 0011), by service code: (may be filed online,
# documents issued, legal basis). Starting values to be set in admin. Online filing follows what
# other Dukcapil portals offer (Surabaya's Klampid): everything but what needs the person at the
# counter — a first KTP-el (biometric recording) and a marriage (the couple and witnesses sign
# before the officer); *unverified* for Kota Pasuruan.
_UU = "UU 23/2006 jo. UU 24/2013 tentang Administrasi Kependudukan"
DASAR_P41 = f"{_UU}; Perpres 96/2018; Permendagri 108/2019"
DASAR_KIA = f"{_UU}; Permendagri 2/2016 tentang KIA; Perpres 96/2018; Permendagri 108/2019"
DASAR_P51 = f"{_UU}; Perpres 96/2018; Permendagri 108/2019; Permendagri 9/2016"
_KK = "Kartu Keluarga (KK) bertanda tangan elektronik"
_KIA = "Kartu Identitas Anak (KIA)"
STANDAR_PELAYANAN = {
    "ktp-el-baru": (False, "KTP-el", DASAR_P41),
    "ktp-el-rusak": (True, "KTP-el", DASAR_P41),
    "ktp-el-hilang": (True, "KTP-el", DASAR_P41),
    "ktp-el-perubahan-data": (True, "KTP-el", DASAR_P41),
    "ktp-el-skpwni": (True, "KTP-el", DASAR_P41),
    "kk-baru": (True, _KK, DASAR_P41),
    "kk-rusak": (True, _KK, DASAR_P41),
    "kk-hilang": (True, _KK, DASAR_P41),
    "kk-perubahan-data": (True, _KK, DASAR_P41),
    "kk-skpwni": (True, _KK, DASAR_P41),
    "kia-baru": (True, _KIA, DASAR_KIA),
    "kia-rusak": (True, _KIA, DASAR_KIA),
    "kia-hilang": (True, _KIA, DASAR_KIA),
    "kia-perubahan-data": (True, _KIA, DASAR_KIA),
    "kia-skpwni": (True, _KIA, DASAR_KIA),
    "P.5.1-lahir": (True, "Kutipan akta kelahiran bertanda tangan elektronik; KK yang memuat anak", DASAR_P51),
    "P.5.1-lahir-mati": (True, "Surat Keterangan Lahir Mati (UU 23/2006 Pasal 33; bukan akta)", DASAR_P51),
    "P.5.1-kematian": (True, "Kutipan akta kematian bertanda tangan elektronik; KK yang diperbarui", DASAR_P51),
    "P.5.1-perkawinan": (False, "Kutipan akta perkawinan bertanda tangan elektronik", DASAR_P51),
    "P.5.1-perceraian": (True, "Kutipan akta perceraian (putusan Pengadilan Negeri); pemutakhiran status kawin "
                               "bagi akta cerai Pengadilan Agama", DASAR_P51),
}
# The legal bases the first catalogue migrations wrote; replaced by the fuller ones above.
_DASAR_AWAL = {"Perpres 96/2018; Permendagri 108/2019", "Permendagri 2/2016 tentang KIA; Permendagri 108/2019",
               "UU 23/2006 jo. UU 24/2013; Perpres 96/2018; Permendagri 108/2019; Permendagri 9/2016", ""}


def isi_standar_pelayanan(Layanan) -> None:
    """Fill the catalogue fields of the standar pelayanan (idempotent: a service whose products
    were already set, e.g. by the administrator, is left alone; a legal basis edited in admin
    stays)."""
    for layanan in Layanan.objects.filter(kode__in=STANDAR_PELAYANAN, produk=""):
        daring, produk, dasar = STANDAR_PELAYANAN[layanan.kode]
        layanan.boleh_daring, layanan.produk = daring, produk
        if layanan.dasar_hukum in _DASAR_AWAL:
            layanan.dasar_hukum = dasar
        layanan.save(update_fields=["boleh_daring", "produk", "dasar_hukum"])


def katalog_publik():
    """The open services with their reasons and requirements (each with the reasons it holds
    for), in a fixed number of queries however many services there are: the public catalogue."""
    from django.db.models import Prefetch

    from .models import Layanan, Persyaratan, SebabLayanan

    return (
        Layanan.objects.filter(aktif=True)
        .order_by("kode_proses", "urutan", "nama")
        .prefetch_related(
            Prefetch("daftar_sebab", queryset=SebabLayanan.objects.filter(aktif=True)),
            Prefetch("persyaratan", queryset=Persyaratan.objects.prefetch_related(
                Prefetch("hanya_untuk_sebab", queryset=SebabLayanan.objects.filter(aktif=True)))),
        )
    )
