"""System checks of the process models (``manage.py check`` and every test run).

django-fsm-2 drops a transition without a word when it cannot match the method to the model's
status column (a transition shared by models that declare their own column); the kernel would
then offer the step nowhere. And a tail step that names a state the process's ``Status`` lacks
would only fail when a record reaches it.
"""

from __future__ import annotations

import inspect

from django.core import checks


@checks.register()
def periksa_model_proses(app_configs=None, **kwargs):
    from .ekor import spesifikasi_ekor
    from .workflow import model_proses

    galat = []
    for model in model_proses():
        field = model.status_field()
        terkumpul = set(field.transitions.get(model, {}))
        dideklarasikan = {
            nama for nama, f in inspect.getmembers(model, inspect.isfunction) if hasattr(f, "_django_fsm")
        }
        for nama in sorted(dideklarasikan - terkumpul):
            galat.append(checks.Error(
                f"Transisi {nama!r} tidak terbaca django-fsm-2 pada {model._meta.label}.",
                hint="Deklarasikan kolom status sekali di kelas dasar, atau pakai apps.core.ekor.ekor_layanan().",
                obj=model, id="core.E001",
            ))
        spesifikasi = spesifikasi_ekor(model)
        if spesifikasi is not None:
            pilihan = {str(v) for v, _ in field.flatchoices}
            for status in sorted(set(spesifikasi.status) - pilihan):
                galat.append(checks.Error(
                    f"Status {status!r} dari ekor layanan tidak ada dalam pilihan status {model._meta.label}.",
                    obj=model, id="core.E002",
                ))
    return galat
