from apps.core.urls import proses_urls

from .models import Contoh, ContohDokumen

app_name = "kernel_app"
urlpatterns = proses_urls(Contoh) + proses_urls(ContohDokumen)
