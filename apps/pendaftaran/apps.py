from django.apps import AppConfig


class PendaftaranConfig(AppConfig):
    name = "apps.pendaftaran"
    verbose_name = "Pendaftaran penduduk (P.4.1)"

    def ready(self):
        # The KK and KIA samples of contoh_dokumen come from this app's own document code.
        from .contoh import daftarkan_contoh

        daftarkan_contoh()

        from .dokumen_p4 import daftarkan_dokumen_p4

        daftarkan_dokumen_p4()

        from .models import Layanan
        from .selectors import PILIHAN_LAYANAN

        PILIHAN_LAYANAN.lupakan_saat_berubah(Layanan)
