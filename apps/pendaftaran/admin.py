"""Master data of P.4.1 in Django admin (the ``admin`` role keeps it; see akun.roles.MASTER_DATA).

The requests themselves are read-only here: they move only through their workflow actions.
"""

from django.contrib import admin

from .models import MODEL_PERMOHONAN, InstansiMitra, Layanan, Persyaratan, PetugasMitra, SebabLayanan
from .models.biodata import BiodataRentan
from .models.blangko import MutasiBlangko, StokBlangko
from .models.luar_negeri import PindahLuarNegeri
from .models.perekaman import PerekamanKTP
from .models.perekaman_lansia import PerekamanLansia
from .models.wna import PendaftaranWNA


class PersyaratanInline(admin.TabularInline):
    model = Persyaratan
    extra = 1
    fields = ["urutan", "kode", "nama", "keterangan", "wajib", "hanya_untuk_sebab"]
    filter_horizontal = ["hanya_untuk_sebab"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # Only the reasons of the service being edited.
        if db_field.name == "hanya_untuk_sebab":
            pk = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            kwargs["queryset"] = SebabLayanan.objects.filter(layanan_id=pk) if pk else SebabLayanan.objects.none()
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class SebabLayananInline(admin.TabularInline):
    model = SebabLayanan
    extra = 0
    fields = ["urutan", "kode", "nama", "aktif"]


@admin.register(SebabLayanan)
class SebabLayananAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "layanan", "aktif"]
    list_filter = ["layanan__kode_proses", "aktif"]
    list_select_related = ["layanan"]
    search_fields = ["nama", "kode", "layanan__nama"]


@admin.register(Layanan)
class LayananAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "kode_proses", "dokumen", "alasan", "alur", "lewat_integrasi", "boleh_daring",
                    "target_hari_kerja", "aktif"]
    list_filter = ["kode_proses", "dokumen", "alasan", "alur", "lewat_integrasi", "boleh_daring", "aktif"]
    list_editable = ["target_hari_kerja", "boleh_daring", "aktif"]
    search_fields = ["nama", "kode"]
    inlines = [SebabLayananInline, PersyaratanInline]


@admin.register(InstansiMitra)
class InstansiMitraAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "aktif"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["nama"]


@admin.register(PetugasMitra)
class PetugasMitraAdmin(admin.ModelAdmin):
    list_display = ["pengguna", "instansi"]
    list_filter = ["instansi"]
    search_fields = ["pengguna__username", "pengguna__first_name", "pengguna__last_name"]
    autocomplete_fields = ["instansi"]
    raw_id_fields = ["pengguna"]


class PermohonanAdmin(admin.ModelAdmin):
    list_display = ["kode_lacak", "layanan", "nama", "status", "tenggat", "dibuat_pada"]
    list_filter = ["status", "layanan"]
    search_fields = ["kode_lacak", "nik", "nama"]
    list_select_related = ["layanan"]
    exclude = ["pin"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


for _model in MODEL_PERMOHONAN:
    admin.site.register(_model, PermohonanAdmin)


# -- P.4.2–P.4.5: read-only in the admin (steps run through the process pages) -------------------
class ProsesP4Admin(PermohonanAdmin):
    list_display = ["kode_lacak", "nama", "status", "tenggat", "dibuat_pada"]
    list_filter = ["status"]
    list_select_related = []


for _model in (BiodataRentan, PendaftaranWNA, PerekamanKTP, PerekamanLansia, PindahLuarNegeri):
    admin.site.register(_model, ProsesP4Admin)


@admin.register(StokBlangko)
class StokBlangkoAdmin(admin.ModelAdmin):
    list_display = ["jenis", "stok"]
    search_fields = ["jenis"]
    list_filter = ["jenis"]

    def has_change_permission(self, request, obj=None):
        return False  # the stock moves only through the register's services

    def has_add_permission(self, request):
        return False


@admin.register(MutasiBlangko)
class MutasiBlangkoAdmin(admin.ModelAdmin):
    list_display = ["tanggal", "jenis", "gerak", "jumlah", "perekaman", "oleh"]
    list_filter = ["gerak", "jenis"]
    search_fields = ["keterangan", "perekaman__kode_lacak", "perekaman_lansia__kode_lacak"]
    list_select_related = ["perekaman", "perekaman_lansia", "oleh"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


from . import admin_pindah  # noqa: E402,F401  (P.4.6, its own module)
