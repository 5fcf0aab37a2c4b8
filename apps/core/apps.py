from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "apps.core"
    verbose_name = "Inti alur kerja"

    def ready(self):
        # STYLE.md trap 3: templates call callables, so `{{ obj.tandatangani }}` would run the
        # transition. Mark every transition of every process model as altering data.
        from django.db.models.signals import post_delete

        from . import checks  # noqa: F401  (registers the process models' system checks)
        from .indeks import indeks_hapus
        from .workflow import aksi_model, model_proses

        # A deleted process record leaves the cross-process index (Proses.save writes it).
        post_delete.connect(indeks_hapus, dispatch_uid="core.indeks_hapus")

        for model in model_proses():
            for nama in aksi_model(model):
                getattr(model, nama).alters_data = True
