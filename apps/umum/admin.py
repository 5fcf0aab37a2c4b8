from django.contrib import admin

from .models import KlasifikasiArsip


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
