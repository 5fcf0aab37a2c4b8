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

        from django.db.models.signals import post_delete, post_save

        from .models import Layanan
        from .selectors import PILIHAN_LAYANAN

        for sinyal in (post_save, post_delete):
            sinyal.connect(PILIHAN_LAYANAN.lupakan, sender=Layanan, weak=False, dispatch_uid=f"layanan-pilihan-{sinyal}")
