"""P.4.6 (pindah masuk) in the generic role x action x state matrix."""

from __future__ import annotations

from tests.matriks_pabrik import Dunia, pabrik


def _isian(aksi, objek, dunia):
    if aksi == "asal_menyetujui":
        from .factories import pdf_uji

        return {"nomor_skpwni": "SKPWNI/3507/0001/2026", "no_kk_baru": f"35750199991{objek.pk:05d}",
                "lampiran": pdf_uji("skpwni.pdf")}
    return {}


@pabrik("pendaftaran.PindahMasuk", isian=_isian)
def pindah_masuk(status: str, dunia: Dunia):
    """A family from Kab. Malang; in ``ditandatangani`` its surat pengantar is signed."""
    from .pabrik_pindah import buat_pindah

    obj = buat_pindah(status)
    if status == "ditandatangani":
        from django.contrib.contenttypes.models import ContentType
        from django.utils import timezone

        from apps.dokumen.models import Dokumen

        Dokumen.objects.create(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, jenis="surat_pengantar_pindah",
            judul="Surat pengantar", kunci_nomor="uji", tahun=timezone.localdate().year, urut=obj.pk,
            nomor=f"UJI-{obj.pk}", perlu_tte=True, status=Dokumen.Status.SELESAI, berkas="dokumen/uji.pdf",
        )
    return obj
