from django.urls import path

from apps.core.urls import proses_urls

from . import views
from .models import PerjanjianData

app_name = "pemanfaatan"

urlpatterns = [
    path("perjanjian/baru/", views.perjanjian_baru, name="perjanjian-baru"),
    path("perjanjian/register/", views.perjanjian_register, name="perjanjian-register"),
    path("publik/perjanjian/", views.perjanjian_publik, name="perjanjian-publik"),
    *proses_urls(PerjanjianData, detail=views.PerjanjianDetail, prefix="perjanjian"),
]
