from django.urls import path

from apps.core.urls import proses_urls

from . import views
from .models import Inovasi, PerjanjianData, PublikasiAgregat

app_name = "pemanfaatan"

urlpatterns = [
    path("perjanjian/baru/", views.perjanjian_baru, name="perjanjian-baru"),
    path("perjanjian/register/", views.perjanjian_register, name="perjanjian-register"),
    path("publik/perjanjian/", views.perjanjian_publik, name="perjanjian-publik"),
    *proses_urls(PerjanjianData, detail=views.PerjanjianDetail, prefix="perjanjian"),
    path("dkb/", views.dkb, name="dkb"),
    path("statistik/", views.statistik, name="statistik"),
    path("statistik/<int:snapshot_id>/<str:dimensi>.csv", views.statistik_csv, name="statistik-csv"),
    path("statistik/<int:snapshot_id>/<str:dimensi>.xlsx", views.statistik_xlsx, name="statistik-xlsx"),
    path("statistik/<int:snapshot_id>/buku.pdf", views.buku_unduh, name="statistik-buku"),
    *proses_urls(PublikasiAgregat, detail=views.PublikasiDetail, prefix="publikasi"),
    path("inovasi/baru/", views.inovasi_baru, name="inovasi-baru"),
    path("publik/inovasi/", views.inovasi_publik, name="inovasi-publik"),
    *proses_urls(Inovasi, detail=views.InovasiDetail, prefix="inovasi"),
]
