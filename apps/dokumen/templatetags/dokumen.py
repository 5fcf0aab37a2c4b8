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


@register.inclusion_tag("dokumen/_beranda_pekerjaan.html", takes_context=True)
def pekerjaan_saya(context):
    """On the home page: an official's documents that need signing again (the TTE queue's
    returns, "perlu TTE ulang"), and the link to the Pekerjaan latar page for who may use it."""
    from apps.core.peran import peran_pengguna

    from ..pekerjaan import PERAN_PEJABAT, PERAN_SEMUA, _url_objek

    request = context.get("request")
    user = getattr(request, "user", None)
    peran = peran_pengguna(user) if user else frozenset()
    tte_ulang = []
    if peran & PERAN_PEJABAT:
        tte_ulang = list(
            Dokumen.objects.filter(ditandatangani_oleh__user=user, status=Dokumen.Status.PERLU_TTE_ULANG)
            .select_related("content_type").order_by("dibuat_pada")[:50]
        )
        for d in tte_ulang:
            d.url_objek = _url_objek(d)
    return {"tte_ulang": tte_ulang, "boleh_pekerjaan": bool(peran & (PERAN_SEMUA | PERAN_PEJABAT))}
