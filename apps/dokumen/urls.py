from django.urls import path

from . import views, views_massal, views_pekerjaan

app_name = "dokumen"

urlpatterns = [
    path("<int:pk>/unduh/", views.unduh, name="dokumen-unduh"),
    path("<int:pk>/ulangi/", views.ulangi, name="dokumen-ulangi"),
    path("pratinjau/<int:ct>/<int:pk>/", views.pratinjau, name="dokumen-pratinjau"),
    path("pekerjaan-latar/", views_pekerjaan.daftar, name="pekerjaan-latar"),
    path("tte-massal/", views_massal.pilih, name="tte-massal"),
    path("tte-massal/mulai/", views_massal.mulai, name="tte-massal-mulai"),
    path("tte-massal/<int:pk>/", views_massal.detail, name="tte-massal-detail"),
    path("tte-massal/<int:pk>/kemajuan/", views_massal.kemajuan, name="tte-massal-kemajuan"),
    path("pekerjaan-latar/<str:jenis>/<int:pk>/ulangi/", views_pekerjaan.ulangi, name="pekerjaan-ulangi"),
    path("pekerjaan-latar/<str:jenis>/<int:pk>/tinggalkan/", views_pekerjaan.tinggalkan, name="pekerjaan-tinggalkan"),
]
