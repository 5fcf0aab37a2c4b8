"""Admin of P.4.6: the list of other Dukcapil offices (where a surat pengantar is emailed) and the
requests, read like the other P.4 processes."""

from django.contrib import admin

from .admin import ProsesP4Admin
from .models.pindah_masuk import KantorDukcapil, PindahMasuk


@admin.register(KantorDukcapil)
class KantorDukcapilAdmin(admin.ModelAdmin):
    list_display = ["nama", "daerah", "email", "aktif"]
    list_filter = ["aktif"]
    search_fields = ["nama", "daerah"]


admin.site.register(PindahMasuk, ProsesP4Admin)
