from django.urls import path

from . import views

app_name = "dokumen"

urlpatterns = [
    path("<int:pk>/unduh/", views.unduh, name="dokumen-unduh"),
    path("<int:pk>/ulangi/", views.ulangi, name="dokumen-ulangi"),
]
