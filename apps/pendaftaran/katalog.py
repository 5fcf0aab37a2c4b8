"""The service catalogue of P.4.1 as first loaded (migration 0002); afterwards it is master data
the administrator edits in Django admin.

Requirements follow Perpres 96/2018 (persyaratan dan tata cara pendaftaran penduduk) and
Permendagri 108/2019 (its implementing rules); KIA follows Permendagri 2/2016. No RT/RW cover
letter is asked anywhere. Service-level targets are the Dinas' own and differ between regions
(DOMAIN.md "Service levels"): the figures below are starting values, to be set in admin.
"""

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
