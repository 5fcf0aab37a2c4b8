from django.urls import path

from . import daring, views

app_name = "publik"

urlpatterns = [
    path("layanan/", views.layanan, name="layanan"),
    path("status/", views.status, name="status"),
    path("status/<str:kode>/", views.status_detail, name="status-detail"),
    path("status/<str:kode>/dokumen/<int:pk>/", views.status_unduh, name="status-unduh"),
    path("daring/pindah-masuk/", daring.pindah_masuk, name="daring-pindah-masuk"),
    path("daring/terkirim/", daring.terkirim, name="daring-terkirim"),
    path("daring/konfirmasi/<str:token>/", daring.konfirmasi, name="daring-konfirmasi"),
    path("status/<str:kode>/lengkapi/", daring.lengkapi, name="status-lengkapi"),
]
