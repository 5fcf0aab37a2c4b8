from django.apps import AppConfig


class PiakConfig(AppConfig):
    name = "apps.piak"
