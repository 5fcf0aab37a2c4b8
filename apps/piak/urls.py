from django.urls import path

from apps.core.urls import proses_urls

from . import views
from .models import Insiden, PemutakhiranData, Pengaduan

app_name = "piak"

urlpatterns = [
    path("aduan/", views.aduan_publik, name="aduan-publik"),
    path("aduan/terkirim/", views.aduan_terkirim, name="aduan-terkirim"),
    path("aduan/<str:kode>/buka-ulang/", views.aduan_buka_ulang, name="aduan-buka-ulang"),
    path("skm/<str:token>/", views.skm_isi, name="skm-isi"),
    path("ikm/", views.ikm_publik, name="ikm"),
    path("ikm/laporan/<int:tahun>/", views.laporan_skm, name="skm-laporan"),
    path("pengaduan/baru/", views.pengaduan_baru, name="pengaduan-baru"),
    path("pengaduan/<int:pk>/tanda-terima/", views.pengaduan_tanda_terima, name="pengaduan-tanda-terima"),
    path("insiden/baru/", views.insiden_baru, name="insiden-baru"),
    path("pemberitahuan/", views.pemberitahuan, name="pemberitahuan"),
    *proses_urls(Insiden, antrian=views.InsidenAntrian, detail=views.InsidenDetail),
    path("pemutakhiran/baru/", views.pemutakhiran_baru, name="pemutakhiran-baru"),
    *proses_urls(PemutakhiranData, antrian=views.PemutakhiranAntrian, detail=views.PemutakhiranDetail,
                 prefix="pemutakhiran"),
    *proses_urls(Pengaduan, antrian=views.PengaduanAntrian, detail=views.PengaduanDetail),
]
