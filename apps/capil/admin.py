"""The civil registry in Django admin: read-only. Register entries and their marginal notes are
made only by the flow (TTE, and the P.5.3–P.5.7 services), requests move only by their actions.
The nomor akta pattern and type codes are settings (apps/capil/aturan.py), not data."""

from django.contrib import admin

from apps.core.admin import HanyaBacaAdmin

from .models import (
    CatatanPinggir,
    Kelahiran,
    Kematian,
    LahirMati,
    PencatatanSipil,
    Perceraian,
    Perkawinan,
    PerubahanAkta,
    RegisterAkta,
)


class CatatanPinggirInline(admin.TabularInline):
    model = CatatanPinggir
    fields = ["urutan", "tanggal", "jenis", "dasar", "isi", "dibuat_oleh"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(RegisterAkta)
class RegisterAktaAdmin(HanyaBacaAdmin):
    list_display = ["nomor_akta", "jenis_akta", "kode", "tanggal", "penerbit", "dibatalkan", "pejabat"]
    list_filter = ["jenis_akta", "kode", "dibatalkan"]
    search_fields = ["nomor_akta", "pencatatan__kode_lacak"]
    date_hierarchy = "tanggal"
    list_select_related = ["pejabat"]
    inlines = [CatatanPinggirInline]


class _RincianInline(admin.StackedInline):
    """The event's data (one of these per record, by its type), read-only like the record."""

    extra = 0
    max_num = 1
    can_delete = False
    exclude = []

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def _inline(model_rincian):
    return type(f"{model_rincian.__name__}Inline", (_RincianInline,), {"model": model_rincian})


@admin.register(PencatatanSipil)
class PencatatanSipilAdmin(HanyaBacaAdmin):
    inlines = [_inline(m) for m in (Kelahiran, LahirMati, Kematian, Perkawinan, Perceraian)]
    list_display = ["kode_lacak", "jenis_peristiwa", "pelapor_nama", "status", "tenggat", "dibuat_pada"]
    list_filter = ["jenis_peristiwa", "status"]
    search_fields = ["kode_lacak", "pelapor_nik", "pelapor_nama"]
    exclude = ["pin"]


@admin.register(PerubahanAkta)
class PerubahanAktaAdmin(HanyaBacaAdmin):
    list_display = ["kode_lacak", "jenis", "nomor_akta", "pemohon_nama", "status", "dibuat_pada"]
    list_filter = ["jenis", "status"]
    search_fields = ["kode_lacak", "pemohon_nik", "pemohon_nama", "nomor_akta"]
    list_select_related = ["register"]
    exclude = ["pin"]
