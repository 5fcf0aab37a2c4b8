from django.urls import path

from apps.core.urls import proses_urls

from . import views
from .models import PencatatanSipil, PerubahanAkta

app_name = "capil"

urlpatterns = [
    path("pencatatan/baru/", views.pencatatan_pilih, name="pencatatan-baru"),
    path("pencatatan/baru/<str:jenis>/", views.PencatatanBaruView.as_view(), name="pencatatan-baru-jenis"),
    *proses_urls(PencatatanSipil, antrian=views.PencatatanAntrianView, detail=views.PencatatanDetailView,
                 prefix="pencatatan"),
    # P.5.2–P.5.8: the kernel's queue, detail, actions and intake.
    *proses_urls(PerubahanAkta, prefix="perubahan-akta"),
]
