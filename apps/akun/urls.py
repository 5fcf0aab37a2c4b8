from django.urls import path

from . import views

app_name = "akun"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("masuk/", views.MasukView.as_view(), name="masuk"),
    path("keluar/", views.KeluarView.as_view(), name="keluar"),
    path("menu/antrean/", views.menu_antrean, name="menu-antrean"),
]
