"""URL patterns a business app gets for each process model."""

from django.urls import path

from .views import AksiView, AntrianView, DetailView


def proses_urls(model, *, antrian=AntrianView, detail=DetailView, aksi=AksiView, prefix: str | None = None):
    """Queue, detail and action URLs named ``<app>:<model>-antrian|detail|aksi``."""
    nama = model._meta.model_name
    prefix = prefix or nama
    return [
        path(f"{prefix}/", antrian.as_view(model=model), name=f"{nama}-antrian"),
        path(f"{prefix}/<int:pk>/", detail.as_view(model=model), name=f"{nama}-detail"),
        path(f"{prefix}/<int:pk>/aksi/<str:aksi>/", aksi.as_view(model=model), name=f"{nama}-aksi"),
    ]
