from apps.core.urls import proses_urls

from .models import Contoh, ContohA, ContohB, ContohC, ContohD, ContohDokumen

app_name = "kernel_app"
urlpatterns = proses_urls(Contoh) + proses_urls(ContohDokumen)
for _model in (ContohA, ContohB, ContohC, ContohD):
    urlpatterns += proses_urls(_model)
