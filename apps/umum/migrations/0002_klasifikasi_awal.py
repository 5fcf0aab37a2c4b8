"""P.1.2.2 — an initial SUBSET of the archive classification codes of Permendagri 83/2022.

Only the primary codes, the codes the secretariat files most (000 Umum) and the Dinas' own
subject (400.12 Kependudukan dan Pencatatan Sipil) are loaded. The administrator completes the
list in Django admin ("Kode klasifikasi arsip"), with the retention periods of the Dinas' JRA;
the few periods given here are starting values to be checked against it. Code 470 of the older
scheme (Permendagri 78/2012) is kept, not offered for new filing, so that older files are found.
Existing rows are never overwritten: running the migration again keeps the administrator's edits.
"""

from django.db import migrations

JRA_AWAL = "Nilai awal; periksa terhadap JRA Dinas."

# (kode, nama, retensi aktif, retensi inaktif, keterangan akhir, berlaku, keterangan)
KODE = [
    ("000", "Umum", None, None, "", True, ""),
    ("000.1", "Ketatausahaan dan Kerumahtanggaan", 2, 1, "musnah", True, JRA_AWAL),
    ("000.1.1", "Telekomunikasi", None, None, "", True, ""),
    ("000.1.2", "Perjalanan Dinas Dalam Negeri", None, None, "", True, ""),
    ("000.1.4", "Penggunaan Fasilitas Kantor", None, None, "", True, ""),
    ("000.1.5", "Rapat Pimpinan", None, None, "", True, ""),
    ("000.1.8", "Pemeliharaan Gedung, Taman dan Peralatan Kantor", None, None, "", True, ""),
    ("000.2", "Perlengkapan", None, None, "", True, ""),
    ("000.3", "Pengadaan", None, None, "", True, ""),
    ("000.4", "Perpustakaan", None, None, "", True, ""),
    ("000.5", "Kearsipan", None, None, "", True, ""),
    ("000.5.3", "Pengelolaan Arsip Dinamis", None, None, "", True, ""),
    ("000.5.3.1", "Penciptaan Arsip (buku agenda, kartu kendali, lembar pengantar/buku ekspedisi)", 2, 3, "musnah",
     True, JRA_AWAL),
    ("000.5.6", "Penyusutan Arsip", None, None, "", True, ""),
    ("000.6", "Persandian", None, None, "", True, ""),
    ("000.7", "Perencanaan Pembangunan", None, None, "", True, ""),
    ("000.8", "Organisasi dan Tata Laksana", None, None, "", True, ""),
    ("000.8.3", "Ketatalaksanaan", None, None, "", True, ""),
    ("000.8.3.2", "Standar Pelayanan", None, None, "", True, ""),
    ("000.8.3.4", "Pelayanan Publik", None, None, "", True, ""),
    ("000.9", "Penelitian, Pengkajian, dan Pengembangan", None, None, "", True, ""),
    ("100", "Pemerintahan", None, None, "", True, ""),
    ("100.1", "Otonomi Daerah", None, None, "", True, ""),
    ("100.2", "Pemerintahan Umum", None, None, "", True, ""),
    ("100.3", "Hukum", None, None, "", True, ""),
    ("200", "Politik", None, None, "", True, ""),
    ("300", "Keamanan dan Ketertiban", None, None, "", True, ""),
    ("400", "Kesejahteraan Rakyat", None, None, "", True, ""),
    ("400.12", "Kependudukan dan Pencatatan Sipil", None, None, "", True, ""),
    ("400.12.2", "Pendaftaran Penduduk", 2, 3, "dinilai_kembali", True, JRA_AWAL),
    ("400.12.2.1", "Identitas Penduduk", None, None, "", True, ""),
    ("400.12.2.2", "Pindah Datang Penduduk dalam Wilayah NKRI", None, None, "", True, ""),
    ("400.12.2.3", "Pindah Datang Penduduk Antarnegara", None, None, "", True, ""),
    ("400.12.2.4", "Pendataan Penduduk Rentan", None, None, "", True, ""),
    ("400.12.3", "Pencatatan Sipil", 2, 3, "dinilai_kembali", True, JRA_AWAL),
    ("400.12.3.1", "Kelahiran dan Kematian", None, None, "", True, ""),
    ("400.12.3.2", "Perkawinan dan Perceraian", None, None, "", True, ""),
    ("400.12.3.3", "Pengangkatan, Pengakuan, dan Pengesahan Anak serta Perubahan Nama", None, None, "", True, ""),
    ("400.12.3.4", "Pencatatan Kewarganegaraan", None, None, "", True, ""),
    ("400.12.4", "Pengelolaan Informasi Administrasi Kependudukan", None, None, "", True, ""),
    ("400.12.4.1", "Sistem Informasi Administrasi Kependudukan", None, None, "", True, ""),
    ("400.12.4.3", "Pengelolaan Data Administrasi Kependudukan", None, None, "", True, ""),
    ("400.12.4.4", "Penyajian dan Layanan Informasi Administrasi Kependudukan", None, None, "", True, ""),
    ("400.14", "Hubungan Masyarakat", None, None, "", True, ""),
    ("470", "Kependudukan", None, None, "", False,
     "Kode lama (Permendagri 78/2012); hanya untuk mencari arsip yang diberkaskan sebelum kode baru."),
    ("500", "Perekonomian", None, None, "", True, ""),
    ("600", "Pekerjaan Umum dan Ketenagaan", None, None, "", True, ""),
    ("700", "Pengawasan", None, None, "", True, ""),
    ("700.1", "Pengawasan Internal", None, None, "", True, ""),
    ("800", "Kepegawaian", None, None, "", True, ""),
    ("800.1", "Sumber Daya Manusia", None, None, "", True, ""),
    ("800.2", "Pendidikan dan Pelatihan", None, None, "", True, ""),
    ("900", "Keuangan", None, None, "", True, ""),
    ("900.1", "Keuangan Daerah", None, None, "", True, ""),
]


def muat(apps, schema_editor):
    KlasifikasiArsip = apps.get_model("umum", "KlasifikasiArsip")
    for kode, nama, aktif, inaktif, akhir, berlaku, keterangan in KODE:
        KlasifikasiArsip.objects.get_or_create(
            kode=kode,
            defaults={
                "nama": nama,
                "retensi_aktif": aktif,
                "retensi_inaktif": inaktif,
                "nasib_akhir": akhir,
                "berlaku": berlaku,
                "keterangan": keterangan,
                # The model's save() is not available here: the same zero-padded key.
                "kunci_urut": ".".join(b.zfill(3) for b in kode.split(".")),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("umum", "0001_initial")]
    operations = [migrations.RunPython(muat, migrations.RunPython.noop)]
