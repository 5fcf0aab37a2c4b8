from django.apps import AppConfig


class KeuanganConfig(AppConfig):
    name = "apps.keuangan"
    verbose_name = "Perencanaan, pelaporan dan keuangan (P.1.1, P.2, P.3)"

    def ready(self):
        from .dokumen import daftarkan_dokumen

        daftarkan_dokumen()
