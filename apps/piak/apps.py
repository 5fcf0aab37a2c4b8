from django.apps import AppConfig


class PiakConfig(AppConfig):
    name = "apps.piak"

    def ready(self):
        from .models.pengaturan import PENGATURAN_AKTIF, Pengaturan

        PENGATURAN_AKTIF.lupakan_saat_berubah(Pengaturan)
