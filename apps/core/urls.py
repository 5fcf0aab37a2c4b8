"""URL patterns a business app gets for each process model."""

from django.urls import path


def proses_urls(model, *, antrian=None, detail=None, aksi=None, prefix: str | None = None):
    """Queue, detail and action URLs named ``<app>:<model>-antrian|detail|aksi`` (and ``-baru``, the
    kernel's intake page, when the model declares ``FORM_ASUPAN``)."""
    from .views import AksiView, AntrianView, DetailView
    from .views_asupan import AsupanView

    antrian, detail, aksi = antrian or AntrianView, detail or DetailView, aksi or AksiView
    nama = model._meta.model_name
    prefix = prefix or nama
    baru = [path(f"{prefix}/baru/", AsupanView.as_view(model=model), name=f"{nama}-baru")] if getattr(
        model, "FORM_ASUPAN", None) else []
    return baru + [
        path(f"{prefix}/", antrian.as_view(model=model), name=f"{nama}-antrian"),
        path(f"{prefix}/<int:pk>/", detail.as_view(model=model), name=f"{nama}-detail"),
        path(f"{prefix}/<int:pk>/aksi/<str:aksi>/", aksi.as_view(model=model), name=f"{nama}-aksi"),
    ]


def url_proses(model, jenis: str, *args) -> str:
    """The URL of a process page (``antrian``, ``detail``, ``aksi``, ``baru``): the app's own when it
    declares them with ``proses_urls``, else the kernel's generic route under ``/proses/<label>/``,
    so a new process model needs no URL of its own."""
    from django.urls import NoReverseMatch, reverse

    meta = model._meta
    try:
        return reverse(f"{meta.app_label}:{meta.model_name}-{jenis}", args=args)
    except NoReverseMatch:
        return reverse(f"core:proses-{jenis}", args=[meta.label_lower, *args])
