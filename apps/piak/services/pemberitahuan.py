"""Writing and sending PIAK's notices (email templates: subject, text and HTML trio)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from ..models import Pemberitahuan

log = logging.getLogger(__name__)


def pemberitahuan_buat(*, template: str, konteks: dict, email: str = "", pengguna=None, tautan: str = "") -> Pemberitahuan | None:
    """Render ``piak/email/<template>_{subjek.txt,.txt,.html}`` into a row and send it after the
    commit. Nothing is written when there is neither an address nor a user to tell."""
    if not email and pengguna is None:
        return None
    konteks = {"site_url": settings.SITE_URL, **konteks}
    subjek = " ".join(render_to_string(f"piak/email/{template}_subjek.txt", konteks).split())[:200]
    baris = Pemberitahuan.objects.create(
        penerima_email=email or "", pengguna=pengguna, subjek=subjek, tautan=tautan[:300],
        teks=render_to_string(f"piak/email/{template}.txt", konteks),
        html=render_to_string(f"piak/email/{template}.html", konteks),
    )
    if email:
        from ..tasks import kirim_pemberitahuan

        transaction.on_commit(lambda: kirim_pemberitahuan.delay(baris.pk))
    return baris


def kirim(pemberitahuan_id: int) -> str:
    """Send one notice once: the row is claimed before the SMTP call; a failure releases it."""
    with transaction.atomic():
        baris = Pemberitahuan.objects.select_for_update().filter(pk=pemberitahuan_id).first()
        if baris is None or not baris.penerima_email:
            return "tidak-ada"
        if baris.terkirim_pada:
            return "sudah"
        baris.terkirim_pada = timezone.now()
        baris.percobaan += 1
        baris.save(update_fields=["terkirim_pada", "percobaan"])
    pesan = EmailMultiAlternatives(baris.subjek, baris.teks, to=[baris.penerima_email])
    if baris.html:
        pesan.attach_alternative(baris.html, "text/html")
    try:
        pesan.send()
    except Exception as exc:
        Pemberitahuan.objects.filter(pk=baris.pk).update(terkirim_pada=None, galat=str(exc)[:300])
        raise
    return "terkirim"
