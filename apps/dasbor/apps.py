from django.apps import AppConfig


class DasborConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.dasbor"
    verbose_name = "Dasbor pimpinan"

    def ready(self):
        from apps.dokumen.jenis import daftarkan_jenis

        from .laporan import CONTOH_LAPORAN

        # The monthly service report to the Walikota, signed by the kadis (TTE).
        daftarkan_jenis(
            "laporan_bulanan", judul="Laporan Bulanan Pelayanan Administrasi Kependudukan",
            template="dasbor/dokumen/laporan_bulanan.html", pola_nomor="400.12/{urut:03d}/423.112/{tahun}",
            untuk_pemohon=False, contoh=CONTOH_LAPORAN,
        )
