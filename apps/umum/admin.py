from django.contrib import admin

from apps.core.admin import HanyaBacaAdmin

from .models import (
    Aset,
    DataPegawai,
    Disposisi,
    Inventarisasi,
    KebutuhanBarang,
    KlasifikasiArsip,
    SuratKeluar,
    SuratMasuk,
    UsulanKepegawaian,
)


@admin.register(KlasifikasiArsip)
class KlasifikasiArsipAdmin(admin.ModelAdmin):
    """P.1.2.2 master data. The list loaded at installation is a subset of Permendagri 83/2022:
    the administrator completes it and the retention periods from the Dinas' JRA."""

    list_display = ("kode", "nama", "retensi_aktif", "retensi_inaktif", "nasib_akhir", "berlaku")
    list_filter = ("berlaku", "nasib_akhir")
    search_fields = ("kode", "nama")
    ordering = ("kunci_urut",)

    def changelist_view(self, request, extra_context=None):
        from django.contrib import messages

        if request.method == "GET":
            messages.info(
                request,
                "Daftar ini baru sebagian dari kode klasifikasi arsip Permendagri 83/2022. Lengkapi kode dan "
                "masa retensinya sesuai Jadwal Retensi Arsip (JRA) yang berlaku di Dinas.",
            )
        return super().changelist_view(request, extra_context)


class DisposisiInline(admin.TabularInline):
    model = Disposisi
    fields = ["jabatan", "pengguna", "status", "diterima_oleh", "diterima_pada", "ditindaklanjuti_pada"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SuratMasuk)
class SuratMasukAdmin(HanyaBacaAdmin):
    """Letters move only by their actions (the portal's pages); admin only reads them."""

    list_display = ["nomor_agenda", "tahun_agenda", "pengirim", "nomor_surat", "tanggal_surat", "perihal", "status"]
    list_filter = ["status", "asal", "sifat", "tahun_agenda"]
    search_fields = ["kode_lacak", "pengirim", "nomor_surat", "perihal"]
    date_hierarchy = "tanggal_diterima"
    list_select_related = ["klasifikasi"]
    exclude = ["pin"]
    inlines = [DisposisiInline]


@admin.register(Disposisi)
class DisposisiAdmin(HanyaBacaAdmin):
    list_display = ["surat", "jabatan", "pengguna", "status", "tenggat", "diterima_pada"]
    list_filter = ["status", "jabatan"]
    search_fields = ["surat__perihal", "surat__pengirim", "kode_lacak", "pengguna__username"]
    list_select_related = ["surat", "pengguna"]
    exclude = ["pin"]


@admin.register(Aset)
class AsetAdmin(admin.ModelAdmin):
    """P.1.2.3 — the asset register; the stock-take reconciles it, the pengurus barang keeps it."""

    list_display = ["kode_barang", "nomor_register", "nama", "kondisi", "lokasi", "pemegang", "tahun_perolehan", "aktif"]
    list_filter = ["kondisi", "aktif", "cara_perolehan", "tahun_perolehan"]
    search_fields = ["kode_barang", "nama", "merek_tipe", "lokasi", "pemegang__username"]
    list_select_related = ["pemegang"]
    autocomplete_fields = ["pemegang"]


@admin.register(SuratKeluar)
class SuratKeluarAdmin(HanyaBacaAdmin):
    """P.1.2.1.1 — outgoing letters move only by their actions; admin reads them."""

    list_display = ["nomor_surat", "tanggal_surat", "hal", "sifat", "status", "cara_kirim"]
    list_filter = ["status", "sifat", "cara_kirim", "tahun_agenda"]
    search_fields = ["kode_lacak", "nomor_surat", "hal", "kepada"]
    list_select_related = ["klasifikasi"]
    exclude = ["pin"]


class KebutuhanInline(admin.TabularInline):
    model = KebutuhanBarang
    fields = ["bidang", "kode_barang", "nama_barang", "jumlah", "satuan", "harga_satuan", "alasan"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Inventarisasi)
class InventarisasiAdmin(HanyaBacaAdmin):
    list_display = ["tahun_anggaran", "status", "tenggat", "dibuat_pada"]
    list_filter = ["status", "tahun_anggaran"]
    search_fields = ["kode_lacak", "instruksi"]
    exclude = ["pin"]
    inlines = [KebutuhanInline]


@admin.register(KebutuhanBarang)
class KebutuhanBarangAdmin(HanyaBacaAdmin):
    list_display = ["inventarisasi", "bidang", "nama_barang", "jumlah", "satuan", "harga_satuan"]
    list_filter = ["bidang", "inventarisasi__tahun_anggaran"]
    search_fields = ["nama_barang", "kode_barang", "bidang"]
    list_select_related = ["inventarisasi"]


@admin.register(UsulanKepegawaian)
class UsulanKepegawaianAdmin(HanyaBacaAdmin):
    """P.1.3.1 — staff personal data: read-only here, changed only by the process."""

    list_display = ["kode_lacak", "pegawai", "jenis", "jenis_cuti", "tanggal_mulai", "lama_hari", "status"]
    list_filter = ["status", "jenis", "jenis_cuti"]
    search_fields = ["kode_lacak", "pegawai__username", "pegawai__first_name", "nomor_sk"]
    list_select_related = ["pegawai"]
    exclude = ["pin"]


@admin.register(DataPegawai)
class DataPegawaiAdmin(admin.ModelAdmin):
    """P.1.3.1: the start of service the cuti tahunan right counts from (kept by the tata usaha)."""

    list_display = ("user", "nip", "tmt_cpns")
    list_filter = ("tmt_cpns",)
    date_hierarchy = "tmt_cpns"
    search_fields = ("user__username", "user__first_name", "nip")
