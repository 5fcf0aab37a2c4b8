"""Read-only admin of P.1.1, P.2 and P.3.1: the records change only through their workflow."""

from django.contrib import admin

from apps.core.admin import HanyaBacaAdmin

from .models import (
    BarisDPA,
    DokumenPerencanaan,
    LaporanKeuangan,
    LaporanKinerja,
    NotaPencairanDana,
    PenugasanLaporan,
    PermintaanPembayaran,
    VersiPerencanaan,
)


class VersiInline(admin.TabularInline):
    model = VersiPerencanaan
    fields = ["nomor", "catatan_perubahan", "disetujui", "dibuat_oleh", "dibuat_pada"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(DokumenPerencanaan)
class DokumenPerencanaanAdmin(HanyaBacaAdmin):
    list_display = ("kode_lacak", "jenis", "tahun", "triwulan", "judul", "status")
    list_filter = ("jenis", "status", "tahun")
    search_fields = ("kode_lacak", "judul")
    inlines = [VersiInline]


@admin.register(VersiPerencanaan)
class VersiPerencanaanAdmin(HanyaBacaAdmin):
    list_display = ("dokumen", "nomor", "disetujui", "dibuat_pada")
    list_filter = ("disetujui", "dokumen__jenis")
    search_fields = ("dokumen__judul", "catatan_perubahan")
    list_select_related = ("dokumen",)


@admin.register(BarisDPA)
class BarisDPAAdmin(HanyaBacaAdmin):
    list_display = ("kode_rekening", "uraian", "pagu", "dokumen")
    list_filter = ("dokumen__tahun",)
    search_fields = ("kode_rekening", "uraian")
    list_select_related = ("dokumen",)


@admin.register(PermintaanPembayaran)
class PermintaanPembayaranAdmin(HanyaBacaAdmin):
    list_display = ("kode_lacak", "kegiatan", "jumlah", "metode", "status", "nomor_spp", "sp2d_nomor")
    list_filter = ("status", "metode")
    search_fields = ("kode_lacak", "kegiatan", "penerima", "nomor_spp", "nomor_spm", "sp2d_nomor")


@admin.register(NotaPencairanDana)
class NotaPencairanDanaAdmin(HanyaBacaAdmin):
    list_display = ("kode_lacak", "kegiatan", "penyedia", "jumlah", "status")
    list_filter = ("status",)
    search_fields = ("kode_lacak", "kegiatan", "penyedia")


class PenugasanInline(admin.TabularInline):
    model = PenugasanLaporan
    fields = ["bidang", "uraian", "tenggat", "selesai_pada"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(LaporanKinerja)
class LaporanKinerjaAdmin(HanyaBacaAdmin):
    list_display = ("kode_lacak", "jenis", "tahun", "status", "nilai", "predikat")
    list_filter = ("jenis", "status", "tahun")
    search_fields = ("kode_lacak", "nomor_surat_permintaan")
    inlines = [PenugasanInline]


@admin.register(PenugasanLaporan)
class PenugasanLaporanAdmin(HanyaBacaAdmin):
    list_display = ("laporan", "bidang", "uraian", "tenggat", "selesai_pada")
    list_filter = ("tenggat",)
    search_fields = ("bidang", "uraian")
    list_select_related = ("laporan",)


@admin.register(LaporanKeuangan)
class LaporanKeuanganAdmin(HanyaBacaAdmin):
    list_display = ("kode_lacak", "periode", "status")
    list_filter = ("status",)
    search_fields = ("kode_lacak", "periode", "nomor_surat_permintaan")
