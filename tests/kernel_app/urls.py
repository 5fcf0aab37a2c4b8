from apps.core.urls import proses_urls
from apps.core.views import AntrianView

from .models import Contoh, ContohA, ContohB, ContohC, ContohD, ContohDokumen

app_name = "kernel_app"
urlpatterns = proses_urls(Contoh) + proses_urls(ContohDokumen)


class AntrianContohA(AntrianView):
    """A queue that searches a NIK and a name, as the service queues do."""

    cari_teks = ("kode_lacak", "nik")
    cari_nama = ("nama",)


urlpatterns += proses_urls(ContohA, antrian=AntrianContohA)
for _model in (ContohB, ContohC, ContohD):
    urlpatterns += proses_urls(_model)
