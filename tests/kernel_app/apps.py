from django.apps import AppConfig


class KernelAppConfig(AppConfig):
    name = "tests.kernel_app"
    label = "kernel_app"

    def ready(self):
        from apps.dokumen.jenis import daftarkan_jenis

        # The document of the small process built on the kernel's tail (surat_keterangan.py).
        daftarkan_jenis("surat_keterangan_uji", judul="Surat Keterangan", template="kernel_app/dokumen/surat_keterangan.html",
                        pola_nomor="474/{urut:04d}/423.112/{tahun}")
