from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Administrasi Portal Dispendukcapil Kota Pasuruan"
admin.site.site_title = "Admin Dispendukcapil"
admin.site.index_title = "Data induk dan pengguna"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("apps.akun.urls")),
    path("", include("apps.core.core_urls")),
    path("penduduk/", include("apps.penduduk.urls")),
    path("", include("apps.publik.urls")),
    path("dokumen/", include("apps.dokumen.urls")),
    path("verifikasi/", include("apps.dokumen.urls_verifikasi")),
    path("pendaftaran/", include("apps.pendaftaran.urls")),
    path("capil/", include("apps.capil.urls")),
    path("umum/", include("apps.umum.urls")),
    path("keuangan/", include("apps.keuangan.urls")),
    path("piak/", include("apps.piak.urls")),
    path("pemanfaatan/", include("apps.pemanfaatan.urls")),
    path("dasbor/", include("apps.dasbor.urls")),
]

handler403 = "dukcapil.galat.galat_403"
handler404 = "dukcapil.galat.galat_404"

if settings.TESTING:
    urlpatterns.append(path("uji/", include("tests.kernel_app.urls")))
