"""P.6.1 services: a SIAK user's report, and the reporter told once the system works again."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from apps.core.models import Lampiran, RiwayatStatus
from apps.core.simpanan import SimpananProses
from apps.core.workflow import catat_pembuatan, jalankan_form

from ..models import Insiden
from .pemberitahuan import pemberitahuan_buat

KUNCI_BANNER = "piak:insiden:banner"


def insiden_lapor(*, pengguna, layanan: str, gejala: str, sejak, mengganggu_layanan: bool = True,
                  tangkapan_layar=None) -> Insiden:
    """P.6.1 — a SIAK user (any staff role) reports a problem in the daily service."""
    with transaction.atomic():
        objek = Insiden.objects.create(layanan=layanan, gejala=gejala.strip(), sejak=sejak,
                                       mengganggu_layanan=mengganggu_layanan, dibuat_oleh=pengguna)
        if tangkapan_layar:
            Lampiran.simpan(objek=objek, berkas=tangkapan_layar, keterangan="Tangkapan layar", oleh=pengguna)
        catat_pembuatan(objek=objek, pengguna=pengguna, label="Gangguan dilaporkan")
    return objek


def aksi_pulih(*, objek: Insiden, pengguna, form) -> RiwayatStatus:
    """P.6.1 — checked internally: the reporter is told in the portal and by email."""
    with transaction.atomic():
        log = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        pelapor = objek.dibuat_oleh
        tautan = f"{settings.SITE_URL}{reverse('piak:insiden-detail', args=[objek.pk])}"
        pemberitahuan_buat(template="insiden_pulih", email=getattr(pelapor, "email", "") or "", pengguna=pelapor,
                           tautan=tautan, konteks={"objek": objek, "tautan": tautan})
    return log


# The drawn banner as this process last read it from the cache.
_BANNER_LOKAL = SimpananProses(10)


def lupakan_banner() -> None:
    """After any change of an incident (models.insiden): the shared copy and this process's."""
    cache.delete(KUNCI_BANNER)
    _BANNER_LOKAL.lupakan()


def insiden_banner() -> str:
    """The banner of open incidents that stop a service, for the front office's screens ("" when
    none), drawn and cached, and cleared on every save of an incident (models.insiden): pages pay
    one cache read, and one query and a render only after a change. Each process also keeps it
    ten seconds, so that most pages read nothing at all; a change shows at once in the process
    that made it, and within those seconds in the others."""
    return _BANNER_LOKAL.ambil("banner", _banner_bersama)


def _banner_bersama() -> str:
    from django.template.loader import render_to_string

    html = cache.get(KUNCI_BANNER)
    if html is None:
        insiden = [
            {"layanan": i.get_layanan_display(), "sejak": i.sejak, "kode": i.kode_lacak}
            for i in Insiden.objects.filter(mengganggu_layanan=True, status__in=Insiden.STATUS_TERBUKA).order_by("sejak")[:5]
        ]
        html = render_to_string("piak/_banner_insiden.html", {"insiden": insiden}) if insiden else ""
        cache.set(KUNCI_BANNER, html, timeout=300)
    return html
