"""Admin of the register. Its tables hold hundreds of thousands of rows, so search uses indexed
look-ups only (NIK/No. KK exact or prefix, name prefix), filters list fixed choices, foreign keys
are raw ids or autocomplete, and the full result count is not computed."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html, format_html_join

from .models import Keluarga, KonfirmasiPeringatan, Penduduk, RiwayatRegister, Wilayah
from .selectors import penduduk_cari_nomor, q_awalan
from .validators import NIKField, NoKKField, PeringatanNomorMixin, bersihkan_nomor, periksa_nik, periksa_no_kk


class _CariRegisterMixin:
    """Search by number (all digits: exact when 16 long, else prefix) or name prefix (names are
    stored in capitals). Django's own ``^``/``=`` searches compare UPPER(column), which no index
    serves."""

    kolom_nama: str = "nama"

    def cari_nomor(self, queryset, angka: str):
        raise NotImplementedError

    def get_search_results(self, request, queryset, search_term):
        q = search_term.strip()
        if not q:
            return queryset, False
        angka = bersihkan_nomor(q)
        if angka.isdigit():
            return self.cari_nomor(queryset, angka), False
        return queryset.filter(q_awalan(self.kolom_nama, " ".join(q.upper().split()))), False


class KelurahanFilter(admin.SimpleListFilter):
    """The 34 kelurahan from the region table (not a DISTINCT over the big table)."""

    title = "kelurahan"
    parameter_name = "kelurahan"

    def lookups(self, request, model_admin):
        return [
            (w.kode, f"{w.nama} ({w.induk.nama})")
            for w in Wilayah.objects.filter(tingkat=Wilayah.Tingkat.KELURAHAN).select_related("induk")
        ]

    def queryset(self, request, queryset):
        return queryset.filter(kelurahan_id=self.value()) if self.value() else queryset


def _daftar_peringatan(pesan: list[str]) -> str:
    if not pesan:
        return "–"
    return format_html("<ul class='peringatan-nomor'>{}</ul>", format_html_join("", "<li>{}</li>", ((p,) for p in pesan)))


@admin.register(Wilayah)
class WilayahAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "tingkat", "induk"]
    list_filter = ["tingkat"]
    search_fields = ["kode", "nama"]
    list_select_related = ["induk"]
    autocomplete_fields = ["induk"]


class PendudukForm(PeringatanNomorMixin, forms.ModelForm):
    nik = NIKField(tanggal_lahir="tanggal_lahir", jenis_kelamin="jenis_kelamin")

    class Meta:
        model = Penduduk
        fields = ["nik"]  # the admin adds the fields of its fieldsets


class KeluargaForm(PeringatanNomorMixin, forms.ModelForm):
    no_kk = NoKKField()

    class Meta:
        model = Keluarga
        fields = ["no_kk"]  # the admin adds the others


class AnggotaInline(admin.TabularInline):
    """Members as printed on the card: a read-only list with links to each resident."""

    model = Penduduk
    fk_name = "keluarga"
    fields = ["nik", "nama", "hubungan", "jenis_kelamin", "tanggal_lahir", "status_perkawinan", "status_hidup"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ["tanggal_lahir"]
    verbose_name = "anggota keluarga"
    verbose_name_plural = "anggota keluarga"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Keluarga)
class KeluargaAdmin(_CariRegisterMixin, admin.ModelAdmin):
    form = KeluargaForm
    list_display = ["no_kk", "kepala", "alamat", "rt", "rw", "kelurahan", "tanggal_terbit"]
    list_filter = [KelurahanFilter]
    list_select_related = ["kepala", "kelurahan"]
    search_fields = ["no_kk"]
    kolom_nama = "kepala__nama"
    search_help_text = "No. KK (lengkap atau awalnya) atau awal nama kepala keluarga."
    raw_id_fields = ["kepala"]
    autocomplete_fields = ["kelurahan"]
    readonly_fields = ["peringatan_no_kk"]
    inlines = [AnggotaInline]
    show_full_result_count = False
    list_per_page = 50

    def cari_nomor(self, queryset, angka):
        return queryset.filter(no_kk=angka) if len(angka) == 16 else queryset.filter(q_awalan("no_kk", angka))

    @admin.display(description="peringatan No. KK")
    def peringatan_no_kk(self, obj):
        return _daftar_peringatan(periksa_no_kk(obj.no_kk)) if obj and obj.pk else "–"


@admin.register(Penduduk)
class PendudukAdmin(_CariRegisterMixin, admin.ModelAdmin):
    form = PendudukForm
    list_display = ["nik", "nama", "jenis_kelamin", "tanggal_lahir", "keluarga", "hubungan", "kelurahan", "status_hidup"]
    list_filter = [KelurahanFilter, "jenis_kelamin", "agama", "status_hidup"]
    list_select_related = ["keluarga", "kelurahan"]
    search_fields = ["nik"]
    search_help_text = "NIK (lengkap atau awalnya), No. KK lengkap (seluruh anggota), atau awal nama."
    raw_id_fields = ["keluarga"]
    autocomplete_fields = ["kelurahan"]
    readonly_fields = ["peringatan_nik", "diperbarui_pada"]
    show_full_result_count = False
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["nik", "peringatan_nik", "nama", "jenis_kelamin", "tempat_lahir", "tanggal_lahir"]}),
        ("Keluarga", {"fields": ["keluarga", "hubungan", "nama_ayah", "nama_ibu", "no_akta_kelahiran"]}),
        ("Alamat", {"fields": ["alamat", "rt", "rw", "kelurahan"]}),
        ("Data lain", {"fields": ["agama", "pendidikan", "pekerjaan", "golongan_darah", "status_perkawinan",
                                  "tanggal_perkawinan", "kewarganegaraan", "no_paspor", "no_kitap"]}),
        ("Status", {"fields": ["status_hidup", "tanggal_meninggal", "tanggal_pindah", "diperbarui_pada"]}),
    ]

    def cari_nomor(self, queryset, angka):
        return penduduk_cari_nomor(queryset, angka)

    @admin.display(description="peringatan NIK")
    def peringatan_nik(self, obj):
        if not obj or not obj.pk:
            return "–"
        return _daftar_peringatan(periksa_nik(obj.nik, tanggal_lahir=obj.tanggal_lahir, jenis_kelamin=obj.jenis_kelamin))



class _HanyaBaca(admin.ModelAdmin):
    """Audit rows: written by the services only, read here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RiwayatRegister)
class RiwayatRegisterAdmin(_HanyaBaca):
    list_display = ["waktu", "penduduk", "keluarga", "oleh", "alasan"]
    list_filter = ["sebab_type"]
    list_select_related = ["penduduk", "keluarga", "oleh"]
    search_fields = ["penduduk__nik", "keluarga__no_kk"]
    raw_id_fields = ["penduduk", "keluarga"]
    show_full_result_count = False


@admin.register(KonfirmasiPeringatan)
class KonfirmasiPeringatanAdmin(_HanyaBaca):
    list_display = ["waktu", "content_type", "object_id", "oleh", "alasan"]
    list_filter = ["content_type"]
    list_select_related = ["oleh", "content_type"]
    search_fields = ["alasan", "oleh__username"]
