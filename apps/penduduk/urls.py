from django.urls import path

from . import views, views_halaman

app_name = "penduduk"

urlpatterns = [
    path("cari/", views.cari, name="cari"),
    path("nik-info/", views.nik_info, name="nik-info"),
    path("<int:pk>/", views_halaman.detail, name="detail"),
    path("keluarga/<int:pk>/", views_halaman.keluarga_detail, name="keluarga-detail"),
]
