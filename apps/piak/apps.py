from django.apps import AppConfig


class PiakConfig(AppConfig):
    name = "apps.piak"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models.pengaturan import PENGATURAN_AKTIF, Pengaturan

        for sinyal in (post_save, post_delete):
            sinyal.connect(PENGATURAN_AKTIF.lupakan, sender=Pengaturan, weak=False,
                           dispatch_uid=f"pengaturan-piak-{sinyal}")
