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
