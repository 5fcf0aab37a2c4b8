from django.contrib import admin

from .models import PerjanjianData, PeringatanKedaluwarsa


@admin.register(PerjanjianData)
class PerjanjianDataAdmin(admin.ModelAdmin):
    list_display = ("kode_lacak", "nama_lembaga", "jenis_lembaga", "status", "tanggal_mulai", "tanggal_berakhir")
    list_filter = ("status", "jenis_lembaga")
    search_fields = ("kode_lacak", "nama_lembaga", "nomor_pks")

    # Workflow records change only through their actions.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PeringatanKedaluwarsa)
class PeringatanKedaluwarsaAdmin(admin.ModelAdmin):
    list_display = ("perjanjian", "ambang_hari", "tanggal_berakhir", "dibuat_pada", "email_terkirim_pada")
    list_select_related = ("perjanjian",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
