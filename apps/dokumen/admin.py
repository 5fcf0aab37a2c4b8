from django.contrib import admin

from .models import CetakDokumen, Dokumen, ItemTTEMassal, Pejabat, TTEMassal


@admin.register(Pejabat)
class PejabatAdmin(admin.ModelAdmin):
    list_display = ["nama", "nip", "jabatan", "user", "aktif"]
    list_filter = ["aktif"]
    search_fields = ["nama", "nip"]
    autocomplete_fields = ["user"]


class CetakInline(admin.TabularInline):
    model = CetakDokumen
    extra = 0
    can_delete = False
    readonly_fields = ["ke", "oleh", "dibuat_pada", "status", "galat", "selesai_pada"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Dokumen)
class DokumenAdmin(admin.ModelAdmin):
    """Read-only: documents are issued by the process steps, never edited by hand."""

    list_display = ["nomor", "judul", "status", "ditandatangani_oleh", "ditandatangani_pada", "email_terkirim_pada", "aktif"]
    list_filter = ["jenis", "status", "aktif", "tahun"]
    search_fields = ["nomor", "kode_verifikasi"]
    inlines = [CetakInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields if f.name != "aktif"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ItemTTEMassalInline(admin.TabularInline):
    model = ItemTTEMassal
    extra = 0
    can_delete = False
    fields = readonly_fields = ["kode_lacak", "content_type", "object_id", "status", "alasan", "dokumen"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ItemTTEMassal)
class ItemTTEMassalAdmin(admin.ModelAdmin):
    """Read-only: each file of a bulk TTE, found by its tracking code, with its outcome."""

    list_display = ["kode_lacak", "batch", "status", "dokumen"]
    list_filter = ["status", "content_type"]
    search_fields = ["kode_lacak", "alasan", "batch__pejabat__nama"]
    fields = readonly_fields = ["batch", "kode_lacak", "content_type", "object_id", "status", "alasan", "dokumen"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TTEMassal)
class TTEMassalAdmin(admin.ModelAdmin):
    """Read-only: a bulk TTE is started by its official; the sealed passphrase is never shown."""

    list_display = ["pk", "pejabat", "dibuat_pada", "status", "selesai_pada"]
    list_filter = ["status", "dibuat_pada"]
    search_fields = ["pejabat__nama", "pejabat__nip", "dibuat_oleh__username", "alasan"]
    fields = readonly_fields = ["pejabat", "dibuat_oleh", "dibuat_pada", "status", "alasan", "selesai_pada"]
    inlines = [ItemTTEMassalInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
