from django.apps import AppConfig


class PemanfaatanConfig(AppConfig):
    name = "apps.pemanfaatan"
