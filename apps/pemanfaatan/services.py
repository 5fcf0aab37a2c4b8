"""Services of P.7: recording an agreement, its expiry warnings; the DKB snapshot and its
publication; the innovation's intake. Transitions themselves run through core.workflow."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from apps.core.models import Lampiran
from apps.core.workflow import catat_pembuatan

from .models import AMBANG_PERINGATAN, PeringatanKedaluwarsa, PerjanjianData, StatusPerjanjian
from .models.perjanjian import ambang_berlaku

log = logging.getLogger(__name__)

# Who is warned of an agreement about to expire (issue #14: admin PIAK and the kabid).
PERAN_PENERIMA_PERINGATAN = ("admin_piak", "kabid")


# -- P.7.1 --------------------------------------------------------------------------------------
def perjanjian_catat(*, form, pengguna) -> PerjanjianData:
    """The institution's application, recorded by admin PIAK with its letter."""
    with transaction.atomic():
        perjanjian = form.save(commit=False)
        perjanjian.dibuat_oleh = pengguna
        perjanjian.save()
        Lampiran.simpan(objek=perjanjian, berkas=form.cleaned_data["surat_permohonan"],
                        keterangan="Surat permohonan lembaga", oleh=pengguna)
        catat_pembuatan(objek=perjanjian, pengguna=pengguna, label="Permohonan PKS dicatat")
    return perjanjian


def penerima_peringatan() -> list[str]:
    return sorted(set(
        User.objects.filter(is_active=True, groups__name__in=PERAN_PENERIMA_PERINGATAN)
        .exclude(email="").values_list("email", flat=True)
    ))


def peringatan_buat(pada=None) -> list[PeringatanKedaluwarsa]:
    """Write the warning rows due today: one per agreement and reached threshold, never twice
    (the unique constraint decides when two runs race)."""
    pada = pada or timezone.localdate()
    batas = pada + timedelta(days=max(AMBANG_PERINGATAN))
    dibuat = []
    calon = PerjanjianData.objects.filter(status=StatusPerjanjian.BERLAKU, tanggal_berakhir__gte=pada,
                                          tanggal_berakhir__lte=batas)
    sudah = set(PeringatanKedaluwarsa.objects.filter(perjanjian__in=calon)
                .values_list("perjanjian_id", "ambang_hari", "tanggal_berakhir"))
    for p in calon:
        ambang = ambang_berlaku(p.sisa_hari(pada))
        if ambang is None or (p.pk, ambang, p.tanggal_berakhir) in sudah:
            continue
        try:
            with transaction.atomic():
                dibuat.append(PeringatanKedaluwarsa.objects.create(
                    perjanjian=p, ambang_hari=ambang, tanggal_berakhir=p.tanggal_berakhir))
        except IntegrityError:  # another run wrote it first
            continue
    return dibuat


def peringatan_kirim() -> int:
    """Mail every warning not mailed yet. Each row is claimed by one update before its message goes
    out, so two workers never send the same one; a failed send gives the row back for the next run."""
    terkirim = 0
    penerima = penerima_peringatan()
    if not penerima:
        return 0
    for pk in list(PeringatanKedaluwarsa.objects.filter(email_terkirim_pada=None).values_list("pk", flat=True)):
        waktu = timezone.now()
        if not PeringatanKedaluwarsa.objects.filter(pk=pk, email_terkirim_pada=None).update(
                email_terkirim_pada=waktu, penerima=penerima):
            continue
        peringatan = PeringatanKedaluwarsa.objects.select_related("perjanjian").get(pk=pk)
        konteks = {"p": peringatan.perjanjian, "peringatan": peringatan}
        try:
            send_mail(
                subject=f"Perjanjian pemanfaatan data {peringatan.perjanjian.nama_lembaga} berakhir dalam "
                        f"{peringatan.ambang_hari} hari",
                message=render_to_string("pemanfaatan/email/peringatan.txt", konteks),
                from_email=None, recipient_list=penerima,
            )
        except Exception:
            log.exception("Email peringatan kedaluwarsa %s gagal; dicoba lagi pada jalan berikutnya", pk)
            PeringatanKedaluwarsa.objects.filter(pk=pk, email_terkirim_pada=waktu).update(email_terkirim_pada=None)
            continue
        terkirim += 1
    return terkirim


def tandai_kedaluwarsa(pada=None) -> int:
    """Mark the agreements whose end date has passed (the register lists them as expired)."""
    pada = pada or timezone.localdate()
    return PerjanjianData.objects.kedaluwarsa(pada).filter(kedaluwarsa_sejak=None).update(
        kedaluwarsa_sejak=pada)


def peringatan_jalankan(pada=None) -> dict:
    pada = pada or timezone.localdate()
    dibuat = peringatan_buat(pada)
    return {"dibuat": len(dibuat), "terkirim": peringatan_kirim(), "kedaluwarsa": tandai_kedaluwarsa(pada)}


# -- P.7.2 --------------------------------------------------------------------------------------
def publikasi_buat(*, form, pengguna):
    """The team's draft of a semester publication from a frozen DKB."""
    with transaction.atomic():
        pub = form.save(commit=False)
        pub.dibuat_oleh = pengguna
        pub.save()
        catat_pembuatan(objek=pub, pengguna=pengguna, label="Draf publikasi disusun")
    return pub


# -- P.7.3 --------------------------------------------------------------------------------------
def inovasi_usulkan(*, form, pengguna):
    with transaction.atomic():
        ide = form.save(commit=False)
        ide.dibuat_oleh = pengguna
        ide.save()
        catat_pembuatan(objek=ide, pengguna=pengguna, label="Usulan inovasi diajukan")
    return ide
