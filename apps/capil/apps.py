from django.apps import AppConfig

# The documents of P.5.1 (kontrak-dokumen.md): the kutipan of each deed and the register page,
# all signed by the kadis as Pejabat Pencatatan Sipil. Akta are printed on plain A4 (Permendagri
# 109/2019). They carry the nomor akta SIAK gave as their number (PencatatanSipil.nomor_dokumen);
# a stillbirth gets a Surat Keterangan Lahir Mati (UU 23/2006 Pasal 33), a letter numbered by the
# Dinas, not an akta.
DOKUMEN_CAPIL = [
    ("akta_kelahiran", "Kutipan Akta Kelahiran"),
    ("surat_keterangan_lahir_mati", "Surat Keterangan Lahir Mati"),
    ("akta_kematian", "Kutipan Akta Kematian"),
    ("akta_perkawinan", "Kutipan Akta Perkawinan"),
    ("akta_perceraian", "Kutipan Akta Perceraian"),
    ("register_akta", "Register Akta Pencatatan Sipil"),
]

# The letter's own number (the akta carry the nomor akta instead).
POLA_NOMOR = {"surat_keterangan_lahir_mati": "474.1/{urut:04d}/SKLM/{bulan_romawi}/{tahun}"}


def _contoh_tanpa_ayah():
    from .akta import contoh_dokumen

    return {"tanpa-ayah": contoh_dokumen("akta_kelahiran", varian="tanpa_ayah")}


# More samples of a type for ``manage.py contoh_dokumen``: a birth without a recorded father.
CONTOH_VARIAN = {"akta_kelahiran": _contoh_tanpa_ayah}


class CapilConfig(AppConfig):
    name = "apps.capil"
    verbose_name = "Pencatatan sipil"

    def ready(self):
        from apps.dokumen.jenis import daftarkan_jenis

        from .akta import contoh_dokumen

        for kode, judul in DOKUMEN_CAPIL:
            # The register page is the Dinas' own record: signed, but not for the applicant to download.
            daftarkan_jenis(kode, judul=judul, template=f"capil/dokumen/{kode}.html", ukuran_kertas="A4",
                            pola_nomor=POLA_NOMOR.get(kode, "{kode}/{urut:06d}/{tahun}"),
                            untuk_pemohon=kode != "register_akta",
                            contoh=contoh_dokumen(kode), contoh_varian=CONTOH_VARIAN.get(kode, lambda: None)())
        # P.5.2–P.5.8: one template for every document of a change to a deed (perubahan.py).
        from .perubahan import DOKUMEN_PERUBAHAN
        from .perubahan import contoh_dokumen as contoh_perubahan

        for kode, judul in DOKUMEN_PERUBAHAN:
            daftarkan_jenis(kode, judul=judul, template="capil/dokumen/akta_perubahan.html", ukuran_kertas="A4",
                            pola_nomor="{kode}/{urut:06d}/{tahun}",
                            untuk_pemohon=kode != "register_akta_catatan_pinggir", contoh=contoh_perubahan(kode))
