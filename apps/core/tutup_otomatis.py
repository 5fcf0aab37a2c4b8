"""Closing returned files nobody completed (issue 8 §5), for any process model that opts in.

A process model declares the state it waits in and the transition that closes it::

    TUTUP_OTOMATIS = ("dikembalikan", "tutup_otomatis")

    @transition(field="status", source=S.DIKEMBALIKAN, target=S.DIBATALKAN, permission=SISTEM,
                custom={"label": "Ditutup otomatis", "catatan_publik": True})
    def tutup_otomatis(self, oleh=None, data=None):
        pass

and may set ``TUTUP_OTOMATIS_HARI_KERJA`` (else ``settings.TUTUP_OTOMATIS_HARI_KERJA``). The beat
task ``core.tasks.tutup_otomatis`` closes every record that has waited that many working days
(holiday calendar) since it entered the state, logs the closing with the reason (public, so the
citizen reads it on the status page) and emails ``objek.email_pemohon`` when there is one.

``SISTEM`` is a role no user holds: no one can take the transition from a screen (the kernel
refuses with 403); only this module runs it, as the system (log row without a user).
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_fsm import can_proceed

from .hari_kerja import kurangi_hari_kerja
from .models import RiwayatStatus
from .peran import peran

log = logging.getLogger(__name__)

KODE_SISTEM = "sistem"
SISTEM = peran(KODE_SISTEM)


def hari_kerja_tunggu(model) -> int:
    return int(getattr(model, "TUTUP_OTOMATIS_HARI_KERJA", None) or settings.TUTUP_OTOMATIS_HARI_KERJA)


def batas_tunggu(model, hari_ini: datetime.date | None = None) -> datetime.datetime:
    """Records that entered the waiting state before this moment are due: their allowed working
    days (counted from the day after they were returned) all passed before today."""
    hari_ini = hari_ini or timezone.localdate()
    terakhir = kurangi_hari_kerja(hari_ini, hari_kerja_tunggu(model))
    return timezone.make_aware(datetime.datetime.combine(terakhir, datetime.time.min))


def alasan_tutup(model) -> str:
    return (
        f"Ditutup otomatis: persyaratan tidak dilengkapi dalam {hari_kerja_tunggu(model)} hari kerja sejak berkas "
        "dikembalikan. Silakan mengajukan permohonan baru bila masih diperlukan."
    )


def model_tutup_otomatis() -> list:
    from .workflow import model_proses

    return [m for m in model_proses() if getattr(m, "TUTUP_OTOMATIS", None)]


def jalankan_sebagai_sistem(objek, aksi: str, *, catatan: str = "", catatan_publik: bool = False) -> RiwayatStatus:
    """Run transition ``aksi`` of a record the caller has locked (inside its transaction) as the
    system, not as a user: no role check, the version bumped and the step logged under
    ``KODE_SISTEM``. Used for automatic closing and for the applicant's own online steps (email
    confirmation, re-upload), where no staff member acts."""
    from .workflow import ambil_aksi

    info = ambil_aksi(objek, aksi)
    dari = objek.status
    getattr(objek, aksi)(oleh=None, data={})
    objek.versi += 1
    objek.status_sejak = timezone.now()
    objek.save()
    return RiwayatStatus.objects.create(
        content_type=ContentType.objects.get_for_model(objek), object_id=objek.pk, aksi=aksi,
        aksi_label=info.label, dari=dari, ke=objek.status, oleh=None, peran=KODE_SISTEM,
        catatan=catatan, catatan_publik=catatan_publik,
    )


def tutup_satu(objek) -> RiwayatStatus | None:
    """Close one overdue record as the system; None when it moved on meanwhile."""
    status, aksi = type(objek).TUTUP_OTOMATIS
    catatan = alasan_tutup(type(objek))
    with transaction.atomic():
        objek = type(objek).objects.select_for_update().get(pk=objek.pk)
        if objek.status != status or not can_proceed(getattr(objek, aksi)):
            return None
        baris = jalankan_sebagai_sistem(objek, aksi, catatan=catatan, catatan_publik=True)
        email = getattr(objek, "email_pemohon", "") or ""
        if email:
            transaction.on_commit(lambda: kirim_pemberitahuan(objek=objek, email=email, catatan=catatan))
    return baris


def kirim_pemberitahuan(*, objek, email: str, catatan: str) -> None:
    """The citizen's notice that the request was closed (subject, text and HTML templates)."""
    konteks = {"objek": objek, "catatan": catatan, "url_status": f"{settings.SITE_URL}/status/?kode={objek.kode_lacak}"}
    try:
        from django.urls import reverse

        konteks["url_status"] = f"{settings.SITE_URL}{reverse('publik:status')}?kode={objek.kode_lacak}"
    except Exception:  # the status page is optional for a process without citizens
        pass
    subjek = " ".join(render_to_string("core/email/tutup_otomatis_subjek.txt", konteks).split())
    pesan = EmailMultiAlternatives(subjek, render_to_string("core/email/tutup_otomatis.txt", konteks), to=[email])
    pesan.attach_alternative(render_to_string("core/email/tutup_otomatis.html", konteks), "text/html")
    try:
        pesan.send()
    except Exception:  # a failed notice must not reopen the file; the log row already tells the story
        log.exception("Pemberitahuan penutupan %s ke %s gagal dikirim", objek.kode_lacak, email)


def tutup_otomatis_jalankan(hari_ini: datetime.date | None = None) -> int:
    """Close every overdue record of every opted-in model; returns how many were closed."""
    jumlah = 0
    for model in model_tutup_otomatis():
        status, _ = model.TUTUP_OTOMATIS
        batas = batas_tunggu(model, hari_ini)
        for pk in model._default_manager.filter(status=status, status_sejak__lt=batas).values_list("pk", flat=True):
            objek = model._default_manager.get(pk=pk)
            if tutup_satu(objek) is not None:
                jumlah += 1
    return jumlah
