from django.urls import path

from apps.core.urls import proses_urls

from . import views, views_baru
from .models import Disposisi, Inventarisasi, SuratKeluar, SuratMasuk, UsulanKepegawaian

app_name = "umum"

urlpatterns = [
    path("surat-masuk/baru/", views.surat_masuk_baru, name="suratmasuk-baru"),
    path("arsip/", views.arsip, name="arsip-cari"),
    *proses_urls(SuratMasuk, antrian=views.SuratMasukAntrian, detail=views.SuratMasukDetail, prefix="surat-masuk"),
    *proses_urls(Disposisi, antrian=views.DisposisiAntrian, detail=views.DisposisiDetail),
    path("surat-keluar/baru/", views_baru.surat_keluar_baru, name="suratkeluar-baru"),
    *proses_urls(SuratKeluar, antrian=views_baru.SuratKeluarAntrian, detail=views_baru.SuratKeluarDetail,
                 prefix="surat-keluar"),
    path("bmd/baru/", views_baru.inventarisasi_baru, name="inventarisasi-baru"),
    path("bmd/<int:pk>/rkbmd.csv", views_baru.rkbmd_csv, name="inventarisasi-rkbmd-csv"),
    *proses_urls(Inventarisasi, detail=views_baru.InventarisasiDetail, prefix="bmd"),
    path("kepegawaian/baru/", views_baru.usulan_baru, name="usulankepegawaian-baru"),
    *proses_urls(UsulanKepegawaian, antrian=views_baru.UsulanAntrian, detail=views_baru.UsulanDetail,
                 prefix="kepegawaian"),
]
