from django.contrib import admin

from .models import AgregatDKB, Inovasi, PeringatanKedaluwarsa, PerjanjianData, PublikasiAgregat, SnapshotDKB


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
    list_filter = ("ambang_hari",)
    search_fields = ("perjanjian__nama_lembaga",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class _HanyaBaca(admin.ModelAdmin):
    """Frozen or workflow-owned rows: read in admin, changed only by their services."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SnapshotDKB)
class SnapshotDKBAdmin(_HanyaBaca):
    list_display = ("__str__", "tanggal_data", "jumlah_penduduk", "jumlah_baris", "durasi_detik", "dibuat_pada")
    list_filter = ("semester",)
    search_fields = ("tahun",)


@admin.register(AgregatDKB)
class AgregatDKBAdmin(_HanyaBaca):
    list_display = ("snapshot", "kelurahan", "dimensi", "kategori", "jumlah")
    list_filter = ("dimensi", "snapshot")
    list_select_related = ("snapshot", "kelurahan")
    search_fields = ("kategori", "kelurahan__nama")


@admin.register(PublikasiAgregat)
class PublikasiAgregatAdmin(_HanyaBaca):
    list_display = ("kode_lacak", "judul", "status", "terbit_pada")
    list_select_related = ("snapshot",)
    list_filter = ("status",)
    search_fields = ("kode_lacak", "judul")


@admin.register(Inovasi)
class InovasiAdmin(_HanyaBaca):
    list_display = ("kode_lacak", "judul", "metode", "status", "disosialisasikan_pada")
    list_filter = ("status", "metode")
    search_fields = ("kode_lacak", "judul", "penyedia", "kode_paket_spse")
