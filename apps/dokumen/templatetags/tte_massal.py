"""``{% tte_massal_url meta as url %}``: the bulk TTE page for this process's queue, when the user's
role takes its TTE action (the kernel's queue shows the button); "" otherwise."""

from __future__ import annotations

from django import template
from django.urls import reverse

from apps.core.peran import peran_pengguna

register = template.Library()


@register.simple_tag(takes_context=True)
def tte_massal_url(context, meta) -> str:
    from apps.dokumen.massal import aksi_tte_model

    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return ""
    milik = peran_pengguna(request.user)
    if not any(milik & set(a.peran) for a in aksi_tte_model(meta.model)):
        return ""
    return f"{reverse('dokumen:tte-massal')}?proses={meta.label_lower}"
