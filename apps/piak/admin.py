from django.contrib import admin

from apps.core.admin import HanyaBacaAdmin

from .models import (
    Insiden,
    JawabanSkm,
    Pemberitahuan,
    PemutakhiranData,
    Pengaduan,
    Pengaturan,
    Penyedia,
    UndanganSkm,
)


@admin.register(Pengaturan)
class PengaturanAdmin(admin.ModelAdmin):
    """One row: the Dinas' complaint standard and the IKM grade limits (unverified, see the model)."""

    list_display = ("__str__", "target_pengaduan_hari_kerja", "target_informasi_hari_kerja", "buka_ulang_hari")
    search_fields = ("=id",)
    list_filter = ("buka_ulang_hari",)

    def has_add_permission(self, request):
        return not Pengaturan.objects.exists() and super().has_add_permission(request)


@admin.register(Pengaduan)
class PengaduanAdmin(HanyaBacaAdmin):
    list_display = ("kode_lacak", "jenis", "saluran", "status", "dibuat_pada", "tenggat")
    list_filter = ("jenis", "saluran", "status", "bidang")
    search_fields = ("kode_lacak", "nomor_tiket_lapor")
    exclude = ("pin",)


@admin.register(Pemberitahuan)
class PemberitahuanAdmin(HanyaBacaAdmin):
    list_display = ("subjek", "penerima_email", "pengguna", "dibuat_pada", "terkirim_pada", "galat")
    list_filter = ("terkirim_pada",)
    search_fields = ("subjek", "penerima_email")
    exclude = ("teks", "html")


@admin.register(Penyedia)
class PenyediaAdmin(admin.ModelAdmin):
    """P.6.1 master data: the secretariat, providers, vendors and Diskominfo with their contacts."""

    list_display = ("nama", "jenis", "kontak", "telepon", "email", "aktif")
    list_filter = ("jenis", "aktif")
    search_fields = ("nama", "kontak")


@admin.register(Insiden)
class InsidenAdmin(HanyaBacaAdmin):
    list_display = ("kode_lacak", "layanan", "lingkup", "status", "dibuat_pada", "dipulihkan_pada")
    list_filter = ("layanan", "lingkup", "status")
    search_fields = ("kode_lacak", "nomor_tiket_pusat")
    exclude = ("pin",)


@admin.register(PemutakhiranData)
class PemutakhiranDataAdmin(HanyaBacaAdmin):
    list_display = ("kode_lacak", "nik", "status", "referensi_siak", "dibuat_pada")
    list_filter = ("status",)
    search_fields = ("kode_lacak", "nik", "referensi_siak")
    exclude = ("pin",)
    raw_id_fields = ("penduduk", "riwayat_register")


@admin.register(JawabanSkm)
class JawabanSkmAdmin(HanyaBacaAdmin):
    """Anonymous: no name, NIK or tracking code is kept with the answer."""

    list_display = ("tanggal", "layanan", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")
    list_filter = ("kode_layanan", "tanggal")
    search_fields = ("layanan", "saran")
    exclude = ("kunci",)


@admin.register(UndanganSkm)
class UndanganSkmAdmin(HanyaBacaAdmin):
    list_display = ("kunci", "dibuat_pada")
    list_filter = ("dibuat_pada",)
    search_fields = ("=kunci",)
