"""The banner of open incidents that stop a service (P.6.1), on the front office's screens."""

from django import template
from django.template.loader import render_to_string

from apps.core.peran import peran_pengguna

register = template.Library()

# The counters and desks that serve residents: they must know a service is down.
PERAN_LAYAR_DEPAN = frozenset({"petugas_fo", "operator_rekam", "operator_pengambilan", "operator_siak", "petugas_integrasi"})


@register.simple_tag(takes_context=True)
def banner_insiden(context):
    """Drawn only when an incident is open: on every front-office page, rendering the banner's
    template just to print nothing cost as much as a query."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not peran_pengguna(user) & PERAN_LAYAR_DEPAN:
        return ""
    from apps.piak.services.insiden import insiden_banner

    insiden = insiden_banner()
    if not insiden:
        return ""
    return render_to_string("piak/_banner_insiden.html", {"insiden": insiden})
