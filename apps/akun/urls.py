from django.urls import path

from . import views, warga

app_name = "akun"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("masuk/", views.MasukView.as_view(), name="masuk"),
    path("keluar/", views.KeluarView.as_view(), name="keluar"),
    path("menu/antrean/", views.menu_antrean, name="menu-antrean"),
    path("warga/daftar/", warga.daftar, name="warga-daftar"),
    path("warga/daftar/terkirim/", warga.terkirim, name="warga-terkirim"),
    path("warga/verifikasi/<str:token>/", warga.verifikasi, name="warga-verifikasi"),
    path("warga/masuk/", warga.masuk, name="warga-masuk"),
    path("warga/keluar/", warga.keluar, name="warga-keluar"),
    path("warga/permohonan/", warga.permohonan, name="warga-permohonan"),
    path("warga/lupa-sandi/", warga.lupa, name="warga-lupa"),
    path("warga/kirim-ulang/", warga.kirim_ulang, name="warga-kirim-ulang"),
    path("warga/tautan-terkirim/", warga.tautan_terkirim, name="warga-tautan-terkirim"),
    path("warga/atur-sandi/<str:token>/", warga.reset, name="warga-reset"),
]
