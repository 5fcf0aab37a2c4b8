from django.urls import path

from apps.core.urls import proses_urls

from . import views
from .models import DokumenPerencanaan, LaporanKeuangan, LaporanKinerja, NotaPencairanDana, PermintaanPembayaran

app_name = "keuangan"

urlpatterns = [
    path("pembayaran/baru/", views.permintaan_baru, name="permintaanpembayaran-baru"),
    path("npd/baru/", views.npd_baru, name="notapencairandana-baru"),
    path("perencanaan/baru/", views.perencanaan_baru, name="dokumenperencanaan-baru"),
    path("perencanaan/<int:pk>/beda/<int:lama>/<int:baru>/", views.perencanaan_beda, name="dokumenperencanaan-beda"),
    path("kinerja/baru/", views.laporan_kinerja_baru, name="laporankinerja-baru"),
    path("kinerja/tren/", views.tren_kinerja, name="laporankinerja-tren"),
    path("kinerja/<int:pk>/penugasan/", views.penugasan_tambah, name="penugasan-tambah"),
    path("penugasan/<int:pk>/selesai/", views.penugasan_selesai, name="penugasan-selesai"),
    path("laporan-keuangan/baru/", views.laporan_keuangan_baru, name="laporankeuangan-baru"),
    path("realisasi/", views.realisasi, name="realisasi"),
    *proses_urls(PermintaanPembayaran, antrian=views.PermintaanAntrian, detail=views.PermintaanDetail, prefix="pembayaran"),
    *proses_urls(DokumenPerencanaan, antrian=views.PerencanaanAntrian, detail=views.PerencanaanDetail, prefix="perencanaan"),
    *proses_urls(NotaPencairanDana, antrian=views.NPDAntrian, prefix="npd"),
    *proses_urls(LaporanKinerja, antrian=views.LaporanKinerjaAntrian, detail=views.LaporanKinerjaDetail, prefix="kinerja"),
    *proses_urls(LaporanKeuangan, antrian=views.LaporanKeuanganAntrian, detail=views.LaporanKeuanganDetail, prefix="laporan-keuangan"),
]
