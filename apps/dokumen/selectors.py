"""Reading documents: access of staff to a document goes through its process record."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from apps.core.selectors import objek_untuk_pengguna

from .models import Dokumen


def dokumen_untuk_pengguna(user, pk: int) -> Dokumen:
    """The document ``pk`` if ``user`` may open its record (403/404 from the kernel otherwise)."""
    dokumen = get_object_or_404(Dokumen.objects.select_related("content_type", "ditandatangani_oleh"), pk=pk)
    model = dokumen.content_type.model_class()
    if model is None:
        raise Http404("Dokumen tidak ditemukan.")
    objek_untuk_pengguna(model, user, dokumen.object_id)
    return dokumen


def dokumen_publik(kode: str) -> Dokumen | None:
    """The document of a verification code, for the public page (no login)."""
    if not kode or len(kode) > 40:
        return None
    return Dokumen.objects.select_related("ditandatangani_oleh").filter(kode_verifikasi=kode.upper()).first()
