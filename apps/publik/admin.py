from django.contrib import admin

from .models import PengajuanDaring


@admin.register(PengajuanDaring)
class PengajuanDaringAdmin(admin.ModelAdmin):
    """Held online filings, for support questions ("I never got the email"). Read-only: a filing is
    changed only by its applicant's confirmation; what was typed stays out of the list."""

    list_display = ("kode_lacak", "kode_layanan", "dibuat_pada", "dikirim_pada", "dikonfirmasi_pada")
    list_filter = ("kode_layanan", ("dikonfirmasi_pada", admin.EmptyFieldListFilter), "dibuat_pada")
    search_fields = ("kode_lacak", "email")
    date_hierarchy = "dibuat_pada"
    fields = ("kode_lacak", "kode_layanan", "email", "alamat_ip", "dibuat_pada", "dikirim_pada",
              "dikonfirmasi_pada", "content_type", "object_id")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
