from django.contrib import admin

from .models import BerkasEkspor, CiriPermohonan, LaporanBulanan, RekapDurasi, RekapHarian, RekapHariSegar, RekapPetugas


class HanyaBaca(admin.ModelAdmin):
    """Aggregates are rebuilt by the refresh, never edited by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RekapHarian)
class RekapHarianAdmin(HanyaBaca):
    list_display = ("tanggal", "kode_proses", "layanan", "kanal", "kelurahan", "masuk", "selesai", "selesai_tepat")
    list_filter = ("kanal", "kode_proses")
    search_fields = ("layanan", "kelurahan")
    date_hierarchy = "tanggal"


@admin.register(RekapDurasi)
class RekapDurasiAdmin(HanyaBaca):
    list_display = ("tanggal", "kode_proses", "layanan", "status_label", "kanal", "jumlah")
    list_filter = ("kode_proses", "kanal")
    search_fields = ("layanan", "status_label")


@admin.register(RekapPetugas)
class RekapPetugasAdmin(HanyaBaca):
    list_display = ("tanggal", "oleh", "kode_proses", "layanan", "jumlah")
    list_select_related = ("oleh",)
    list_filter = ("kode_proses", "kanal")
    search_fields = ("oleh__username", "layanan")


@admin.register(CiriPermohonan)
class CiriPermohonanAdmin(HanyaBaca):
    list_display = ("content_type_id", "object_id", "kanal", "kecamatan", "kelurahan")
    list_filter = ("kanal",)
    search_fields = ("kelurahan", "kecamatan")


@admin.register(BerkasEkspor)
class BerkasEksporAdmin(HanyaBaca):
    list_display = ("judul", "format", "pengguna", "status", "total", "ditulis", "dibuat_pada")
    list_select_related = ("pengguna",)
    list_filter = ("status", "format")
    search_fields = ("judul", "pengguna__username")
    exclude = ("sumber",)


@admin.register(LaporanBulanan)
class LaporanBulananAdmin(HanyaBaca):
    list_display = ("tahun", "bulan", "status", "disusun_pada", "ditandatangani_pada", "dikirim_pada")
    list_select_related = ("disusun_oleh",)
    list_filter = ("status", "tahun")
    search_fields = ("tahun",)


@admin.register(RekapHariSegar)
class RekapHariSegarAdmin(HanyaBaca):
    list_display = ("tanggal", "disegarkan_pada")
    list_filter = ("disegarkan_pada",)
    search_fields = ("tanggal",)
