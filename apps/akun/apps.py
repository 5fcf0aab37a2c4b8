from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AkunConfig(AppConfig):
    name = "apps.akun"
    verbose_name = "Akun dan peran"

    def ready(self):
        from .backends import sambungkan_sinyal
        from .signals import sinkron_izin

        sambungkan_sinyal()

        post_migrate.connect(sinkron_izin, dispatch_uid="akun.sinkron_izin")
