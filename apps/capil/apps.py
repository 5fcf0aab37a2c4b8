from django.apps import AppConfig


class CapilConfig(AppConfig):
    name = "apps.capil"
