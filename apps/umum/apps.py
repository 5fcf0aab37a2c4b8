from django.apps import AppConfig


class UmumConfig(AppConfig):
    name = "apps.umum"
