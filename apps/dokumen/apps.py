from django.apps import AppConfig


class DokumenConfig(AppConfig):
    name = "apps.dokumen"
    verbose_name = "Dokumen dan TTE"

    def ready(self):
        from .jenis import daftarkan_bawaan

        daftarkan_bawaan()
