"""The home page's warning of agreements ending within 90 days or already expired (admin PIAK,
kabid): one query, only for those roles."""

from datetime import timedelta

from django import template
from django.utils import timezone

from apps.core.peran import punya_peran

register = template.Library()


@register.inclusion_tag("pemanfaatan/_beranda_peringatan.html", takes_context=True)
def peringatan_perjanjian(context):
    from ..models import AMBANG_PERINGATAN, PerjanjianData, StatusPerjanjian
    from ..services import PERAN_PENERIMA_PERINGATAN

    user = context.get("user")
    if user is None or not punya_peran(user, PERAN_PENERIMA_PERINGATAN):
        return {"peringatan_pks": []}
    hari_ini = timezone.localdate()
    daftar = list(PerjanjianData.objects.filter(
        status=StatusPerjanjian.BERLAKU, tanggal_berakhir__lte=hari_ini + timedelta(days=max(AMBANG_PERINGATAN)),
    ).order_by("tanggal_berakhir")[:20])
    for p in daftar:
        p.sisa = (p.tanggal_berakhir - hari_ini).days
    return {"peringatan_pks": daftar}
