"""``{% load dokumen %}{% panel_dokumen objek %}``: a record's documents on its detail page."""

from django import template

from ..models import Dokumen
from ..qr import qr_data_uri

register = template.Library()


@register.inclusion_tag("dokumen/_panel.html", takes_context=True)
def panel_dokumen(context, objek):
    request = context.get("request")
    user = getattr(request, "user", None)
    daftar = list(Dokumen.untuk(objek).select_related("ditandatangani_oleh").prefetch_related("cetakan"))
    for d in daftar:
        # Only the assigned official re-signs (apps.dokumen.services.dokumen_periksa_hak_ulangi).
        d.tte_saya = bool(user and d.ditandatangani_oleh and d.ditandatangani_oleh.user_id == user.pk)
    return {
        "daftar_dokumen": daftar,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def qr(teks) -> str:
    return qr_data_uri(str(teks))


@register.simple_tag
def url_pratinjau(objek) -> str:
    """The draft preview of the document ``objek`` issues at its TTE step ("" when none).

    No query of its own beyond what naming the type costs, so detail pages keep their count."""
    from django.contrib.contenttypes.models import ContentType
    from django.urls import reverse

    from ..pratinjau import jenis_pratinjau

    if jenis_pratinjau(objek) is None:
        return ""
    return reverse("dokumen:dokumen-pratinjau", args=[ContentType.objects.get_for_model(objek).pk, objek.pk])
