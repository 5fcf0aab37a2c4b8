from django.apps import AppConfig


class PendaftaranConfig(AppConfig):
    name = "apps.pendaftaran"
    verbose_name = "Pendaftaran penduduk (P.4.1)"
