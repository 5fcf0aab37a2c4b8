from django.apps import AppConfig


class PublikConfig(AppConfig):
    name = "apps.publik"
