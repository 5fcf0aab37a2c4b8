from django.urls import path

from . import views, views_pekerjaan

app_name = "dokumen"

urlpatterns = [
    path("<int:pk>/unduh/", views.unduh, name="dokumen-unduh"),
    path("<int:pk>/ulangi/", views.ulangi, name="dokumen-ulangi"),
    path("pratinjau/<int:ct>/<int:pk>/", views.pratinjau, name="dokumen-pratinjau"),
    path("pekerjaan-latar/", views_pekerjaan.daftar, name="pekerjaan-latar"),
    path("pekerjaan-latar/<str:jenis>/<int:pk>/ulangi/", views_pekerjaan.ulangi, name="pekerjaan-ulangi"),
    path("pekerjaan-latar/<str:jenis>/<int:pk>/tinggalkan/", views_pekerjaan.tinggalkan, name="pekerjaan-tinggalkan"),
]
