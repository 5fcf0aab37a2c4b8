from django.apps import AppConfig


class UmumConfig(AppConfig):
    name = "apps.umum"
    verbose_name = "Umum dan kepegawaian (P.1)"

    def ready(self):
        from apps.dokumen.jenis import A4_LANDSCAPE, daftarkan_jenis

        from .contoh import CONTOH_RKBMD, CONTOH_SURAT_KELUAR

        # P.1.2.1.1: the letter carries the agenda number the tata usaha gave (nomor_dokumen).
        daftarkan_jenis("surat_keluar", judul="Surat Keluar", template="umum/dokumen/surat_keluar.html",
                        pola_nomor="SK/{urut:06d}/{tahun}", untuk_pemohon=False, contoh=CONTOH_SURAT_KELUAR)
        # P.1.2.3: the RKBMD the RKA is drawn up from, signed by the kepala dinas as pengguna barang.
        daftarkan_jenis("rkbmd", judul="Rencana Kebutuhan Barang Milik Daerah (RKBMD)",
                        template="umum/dokumen/rkbmd.html", ukuran_kertas=A4_LANDSCAPE,
                        pola_nomor="RKBMD/{urut:04d}/{tahun}", untuk_pemohon=False, contoh=CONTOH_RKBMD)
