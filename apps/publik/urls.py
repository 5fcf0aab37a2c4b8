from django.urls import path

from . import daring, views, views_daring

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
    # Every other online service of the catalogue, by its catalogue code (views_daring).
    path("daring/konfirmasi-pengajuan/<str:token>/", views_daring.konfirmasi, name="daring-pengajuan-konfirmasi"),
    path("daring/<str:kode>/", views_daring.data_pemohon, name="daring-layanan"),
    path("daring/<str:kode>/persyaratan/", views_daring.persyaratan, name="daring-layanan-berkas"),
    path("daring/<str:kode>/periksa/", views_daring.periksa, name="daring-layanan-periksa"),
    path("daring/<str:kode>/terkirim/", views_daring.terkirim, name="daring-layanan-terkirim"),
]
