"""The kernel's records in Django admin.

Logs are evidence (the transition log, the file-access log) and counters are issued numbers:
admin shows them and lets nobody add, change or delete them. Attachments are listed without a
link to the stored file: the only way to open one is ``core:lampiran-unduh``, which checks the
record's access rules and writes an ``AksesBerkas`` row. The holiday calendar is master data the
administrator keeps here.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.html import format_html

from .models import AksesBerkas, HariLibur, IndeksProses, KunciIdempoten, Lampiran, RiwayatStatus, Urutan


class HanyaBacaAdmin(admin.ModelAdmin):
    """Visible to whoever has the view permission; nobody adds, changes or deletes."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class TahunFilter(admin.SimpleListFilter):
    """Filter by the year of a date field (``field_tahun``), newest first."""

    title = "tahun"
    parameter_name = "tahun"
    field_tahun = "tanggal"

    def lookups(self, request, model_admin):
        tahun = (
            model_admin.model._default_manager.annotate(_tahun=ExtractYear(self.field_tahun))
            .values_list("_tahun", flat=True)
            .distinct()
            .order_by("-_tahun")
        )
        return [(str(t), str(t)) for t in tahun if t]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(**{f"{self.field_tahun}__year": int(self.value())})
        return queryset


class ProsesFilter(admin.SimpleListFilter):
    """Filter log rows and attachments by process model (not by every content type there is)."""

    title = "proses"
    parameter_name = "proses"

    def lookups(self, request, model_admin):
        from .workflow import model_proses

        jenis = ContentType.objects.get_for_models(*model_proses())
        return sorted(((str(ct.pk), str(m._meta.verbose_name_plural).capitalize()) for m, ct in jenis.items()), key=lambda x: x[1])

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(content_type_id=int(self.value()))
        return queryset


@admin.register(RiwayatStatus)
class RiwayatStatusAdmin(HanyaBacaAdmin):
    list_display = ["waktu", "proses", "object_id", "aksi_label", "dari", "ke", "oleh", "peran", "catatan_publik"]
    list_filter = [ProsesFilter, "catatan_publik", "waktu"]
    search_fields = ["aksi", "aksi_label", "dari", "ke", "catatan", "peran", "oleh__username", "oleh__first_name", "oleh__last_name"]
    date_hierarchy = "waktu"
    list_select_related = ["content_type", "oleh"]
    show_full_result_count = False

    @admin.display(description="proses", ordering="content_type")
    def proses(self, obj):
        return obj.content_type.name


@admin.register(Lampiran)
class LampiranAdmin(HanyaBacaAdmin):
    # `berkas` is left out on purpose: its widget would link to the storage path.
    fields = [
        "nama_asli", "keterangan", "jenis_mime", "ukuran", "sha256", "content_type", "object_id",
        "riwayat", "diunggah_oleh", "diunggah_pada", "unduh",
    ]
    list_display = ["nama_asli", "keterangan", "proses", "object_id", "jenis_mime", "ukuran", "diunggah_oleh", "diunggah_pada", "unduh"]
    list_filter = [ProsesFilter, "jenis_mime", "diunggah_pada"]
    search_fields = ["nama_asli", "keterangan", "sha256", "diunggah_oleh__username"]
    date_hierarchy = "diunggah_pada"
    list_select_related = ["content_type", "diunggah_oleh"]
    show_full_result_count = False

    @admin.display(description="proses", ordering="content_type")
    def proses(self, obj):
        return obj.content_type.name

    @admin.display(description="berkas")
    def unduh(self, obj):
        # Through the logged, access-checked download view only.
        return format_html('<a href="{}">Unduh</a>', reverse("core:lampiran-unduh", args=[obj.pk]))


@admin.register(AksesBerkas)
class AksesBerkasAdmin(HanyaBacaAdmin):
    list_display = ["waktu", "oleh", "berkas", "keterangan", "alamat_ip"]
    list_filter = ["waktu"]
    search_fields = ["berkas", "keterangan", "alamat_ip", "oleh__username", "oleh__first_name", "oleh__last_name"]
    date_hierarchy = "waktu"
    list_select_related = ["oleh"]
    show_full_result_count = False


@admin.register(HariLibur)
class HariLiburAdmin(admin.ModelAdmin):
    """The holiday calendar (libur nasional, cuti bersama): working-day targets skip these dates."""

    list_display = ["tanggal", "hari", "nama"]
    list_filter = [TahunFilter]
    search_fields = ["nama"]
    date_hierarchy = "tanggal"
    ordering = ["-tanggal"]

    @admin.display(description="hari", ordering="tanggal")
    def hari(self, obj):
        return ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"][obj.tanggal.weekday()]


class UrutanTahunFilter(admin.SimpleListFilter):
    title = "tahun"
    parameter_name = "tahun"

    def lookups(self, request, model_admin):
        tahun = Urutan.objects.values_list("tahun", flat=True).distinct().order_by("-tahun")
        return [(str(t), str(t)) for t in tahun]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(tahun=int(self.value()))
        return queryset


@admin.register(KunciIdempoten)
class KunciIdempotenAdmin(HanyaBacaAdmin):
    """One-time keys of intake forms: read-only, a key changed by hand would let a retried form
    create a duplicate request."""

    list_display = ["kunci", "content_type", "object_id", "pengguna", "dibuat_pada"]
    list_filter = [ProsesFilter, "dibuat_pada"]
    search_fields = ["kunci", "pengguna__username"]
    date_hierarchy = "dibuat_pada"


@admin.register(Urutan)
class UrutanAdmin(HanyaBacaAdmin):
    """Issued numbers: changing a counter by hand would issue a number twice or leave a gap."""

    list_display = ["kunci", "tahun", "terakhir"]
    list_filter = [UrutanTahunFilter]
    search_fields = ["kunci"]
    ordering = ["-tahun", "kunci"]


@admin.register(IndeksProses)
class IndeksProsesAdmin(HanyaBacaAdmin):
    """The cross-process index is derived data (``manage.py bangun_indeks``): read-only here."""

    list_display = ["kode_lacak", "kode_proses", "layanan", "nama", "status_label", "tenggat", "selesai", "diperbarui_pada"]
    list_filter = [ProsesFilter, "selesai", "dilacak_pemohon", "kode_proses"]
    search_fields = ["kode_lacak", "nik", "nama", "ringkasan"]
    list_select_related = ["content_type"]
    ordering = ["-dibuat_pada"]
