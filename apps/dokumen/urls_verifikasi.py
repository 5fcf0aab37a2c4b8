"""The public verification page: ``/verifikasi/`` and ``/verifikasi/<kode>/`` (no login)."""

from django.urls import path

from . import views

app_name = "verifikasi"

urlpatterns = [
    path("", views.verifikasi_cari, name="cari"),
    path("<str:kode>/", views.verifikasi_detail, name="detail"),
]
