from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "apps.core"
    verbose_name = "Inti alur kerja"

    def ready(self):
        # STYLE.md trap 3: templates call callables, so `{{ obj.tandatangani }}` would run the
        # transition. Mark every transition of every process model as altering data.
        from .workflow import aksi_model, model_proses

        for model in model_proses():
            for nama in aksi_model(model):
                getattr(model, nama).alters_data = True
