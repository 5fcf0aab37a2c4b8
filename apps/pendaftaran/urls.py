from django.urls import path

from apps.core.urls import proses_urls

from . import views, views_p4
from .models import PermohonanDenganVerifikasi, PermohonanIntegrasi, PermohonanTanpaVerifikasi
from .models.biodata import BiodataRentan
from .models.luar_negeri import PindahLuarNegeri
from .models.perekaman import PerekamanKTP
from .models.perekaman_lansia import PerekamanLansia
from .models.pindah_masuk import PindahMasuk
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
    *proses_urls(PindahLuarNegeri, prefix="luar-negeri"),
    path("blangko/", views_p4.blangko_register, name="blangko"),
    *proses_urls(PerekamanLansia, prefix="perekaman-lansia"),
    path("perekaman-lansia/kunjungan/", views_p4.daftar_kunjungan, name="perekaman-kunjungan"),
    *proses_urls(BiodataRentan, prefix="biodata-rentan"),
    *proses_urls(PindahMasuk, prefix="pindah-masuk"),
]
