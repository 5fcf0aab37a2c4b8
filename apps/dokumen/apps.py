from django.apps import AppConfig


class DokumenConfig(AppConfig):
    name = "apps.dokumen"
    verbose_name = "Dokumen dan TTE"

    def ready(self):
        from django.db.models.signals import post_save

        from .jenis import daftarkan_bawaan
        from .models import Dokumen
        from .signals import tandai_indeks

        daftarkan_bawaan()
        post_save.connect(tandai_indeks, sender=Dokumen, dispatch_uid="dokumen-tandai-indeks")
