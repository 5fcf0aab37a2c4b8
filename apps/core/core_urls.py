from django.urls import path

from . import views, views_asupan

app_name = "core"

urlpatterns = [
    path("berkas/<int:pk>/", views.unduh_lampiran, name="lampiran-unduh"),
    path("cari/", views.cari, name="cari"),
    # Processes without URLs of their own (apps.core.urls.url_proses).
    path("cari-nik/", views_asupan.cari_nik, name="cari-nik"),
    path("proses/<str:label>/baru/", views.proses_generik, {"jenis": "baru"}, name="proses-baru"),
    path("proses/<str:label>/", views.proses_generik, {"jenis": "antrian"}, name="proses-antrian"),
    path("proses/<str:label>/<int:pk>/", views.proses_generik, {"jenis": "detail"}, name="proses-detail"),
    path("proses/<str:label>/<int:pk>/aksi/<str:aksi>/", views.proses_generik, {"jenis": "aksi"}, name="proses-aksi"),
]
