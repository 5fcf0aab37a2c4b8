from django.urls import path

from apps.core.urls import proses_urls

from . import views
from .models import Disposisi, SuratMasuk

app_name = "umum"

urlpatterns = [
    path("surat-masuk/baru/", views.surat_masuk_baru, name="suratmasuk-baru"),
    path("arsip/", views.arsip, name="arsip-cari"),
    *proses_urls(SuratMasuk, antrian=views.SuratMasukAntrian, detail=views.SuratMasukDetail, prefix="surat-masuk"),
    *proses_urls(Disposisi, antrian=views.DisposisiAntrian, detail=views.DisposisiDetail),
]
