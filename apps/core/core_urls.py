from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("berkas/<int:pk>/", views.unduh_lampiran, name="lampiran-unduh"),
    path("cari/", views.cari, name="cari"),
]
