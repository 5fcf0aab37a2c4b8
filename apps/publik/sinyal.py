"""A return with a public reason reaches the applicant of an online request by email too (the
status page shows it already): a walk-in applicant is told at the counter, an online one is not."""

from __future__ import annotations


def riwayat_dicatat(sender, instance, created, **kwargs):
    if not created or instance.ke != "dikembalikan" or not instance.catatan_publik or not instance.catatan:
        return
    model = instance.content_type.model_class()
    if model is None or not getattr(model, "DILACAK_PEMOHON", False):
        return
    objek = model._default_manager.filter(pk=instance.object_id).first()
    if objek is None:
        return
    from .daring_layanan import kabari_dikembalikan

    kabari_dikembalikan(objek=objek, alasan=instance.catatan)
