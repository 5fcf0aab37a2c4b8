from django.urls import path

from . import views

app_name = "dasbor"

urlpatterns = [
    path("", views.dasbor, name="dasbor"),
    path("segarkan/", views.segarkan, name="segarkan"),
    path("ekspor/tabel/<slug:tabel>/<str:format>/", views.ekspor_dasbor, name="ekspor-tabel"),
    path("ekspor/antrean/<str:format>/", views.ekspor_antrean, name="ekspor-antrean"),
    path("ekspor/cari/<str:format>/", views.ekspor_cari, name="ekspor-cari"),
    path("ekspor/<int:pk>/", views.ekspor_status, name="ekspor-status"),
    path("ekspor/<int:pk>/unduh/", views.ekspor_unduh, name="ekspor-unduh"),
    path("laporan/", views.laporan_daftar, name="laporan"),
    path("laporan/susun/", views.laporan_susun_view, name="laporan-susun"),
    path("laporan/<int:pk>/tte/", views.laporan_tte_view, name="laporan-tte"),
    path("laporan/<int:pk>/kirim/", views.laporan_kirim_view, name="laporan-kirim"),
    path("laporan/<int:pk>/unduh/", views.laporan_unduh, name="laporan-unduh"),
]
