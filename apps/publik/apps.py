from django.apps import AppConfig


class PublikConfig(AppConfig):
    name = "apps.publik"

    def ready(self):
        from django.db.models.signals import post_save

        from apps.core.models import RiwayatStatus

        from .sinyal import riwayat_dicatat

        post_save.connect(riwayat_dicatat, sender=RiwayatStatus, dispatch_uid="publik.kabari_dikembalikan")
