from django.apps import AppConfig


class KeuanganConfig(AppConfig):
    name = "apps.keuangan"
