from django.urls import path

from apps.core.urls import proses_urls

from . import views
from .models import PermohonanDenganVerifikasi, PermohonanIntegrasi, PermohonanTanpaVerifikasi
from .models.perekaman import PerekamanKTP
from .models.wna import PendaftaranWNA

app_name = "pendaftaran"


def _urls(model, prefix):
    return proses_urls(model, antrian=views.PermohonanAntrianView, detail=views.PermohonanDetailView, prefix=prefix)


urlpatterns = [
    path("baru/", views.PendaftaranBaruView.as_view(), name="baru"),
    path("integrasi/baru/", views.PendaftaranBaruView.as_view(integrasi=True), name="integrasi-baru"),
    path("cari-nik/", views.cari_nik, name="cari-nik"),
    *_urls(PermohonanTanpaVerifikasi, "ktp-el"),
    *_urls(PermohonanDenganVerifikasi, "kk-kia"),
    *_urls(PermohonanIntegrasi, "integrasi"),
    *proses_urls(PendaftaranWNA, prefix="wna"),
    *proses_urls(PerekamanKTP, prefix="perekaman"),
]
