from django.urls import path

from . import views

app_name = "penduduk"

urlpatterns = [
    path("cari/", views.cari, name="cari"),
    path("nik-info/", views.nik_info, name="nik-info"),
]
