from django.apps import AppConfig


class PendaftaranConfig(AppConfig):
    name = "apps.pendaftaran"
