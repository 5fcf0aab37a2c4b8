"""Links from other pages (a request's detail page) to a resident's staff page, only for users
whose roles may open it: ``{% url_penduduk pk=objek.penduduk_id as url %}`` (no query) or
``{% url_penduduk nik=objek.pelapor_nik as url %}`` (one indexed look-up). Empty otherwise."""

from django import template
from django.urls import reverse

from apps.penduduk.halaman import boleh_buka_register
from apps.penduduk.models import Penduduk

register = template.Library()


@register.simple_tag(takes_context=True)
def url_penduduk(context, *, pk=None, nik: str = "") -> str:
    request = context.get("request")
    if request is None or not boleh_buka_register(request.user):
        return ""
    if pk is None and nik:
        pk = Penduduk.objects.filter(nik=nik).values_list("pk", flat=True).first()
    return reverse("penduduk:detail", args=[pk]) if pk else ""
