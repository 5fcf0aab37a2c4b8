"""The banner of open incidents that stop a service (P.6.1), on the front office's screens."""

from django import template
from django.utils.safestring import mark_safe

from apps.core.peran import peran_pengguna

register = template.Library()

# The counters and desks that serve residents: they must know a service is down.
PERAN_LAYAR_DEPAN = frozenset({"petugas_fo", "operator_rekam", "operator_pengambilan", "operator_siak", "petugas_integrasi"})


@register.simple_tag(takes_context=True)
def banner_insiden(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not peran_pengguna(user) & PERAN_LAYAR_DEPAN:
        return ""
    from apps.piak.services.insiden import insiden_banner

    return mark_safe(insiden_banner())  # drawn from the template piak/_banner_insiden.html
