from django.apps import AppConfig


class UmumConfig(AppConfig):
    name = "apps.umum"
    verbose_name = "Umum dan kepegawaian (P.1)"
