"""What the Celery jobs do, as plain functions (apps/dokumen/tasks.py wraps them with retries).

Every job is idempotent:
- rendering/signing takes a lease on the document (conditional UPDATE); only the lease holder
  stores its PDF, a second delivery of the same job finds the document done and does nothing;
- the email is claimed by a conditional UPDATE before it is sent and marked sent after, so a
  retried or duplicated job never sends a second one;
- a print is claimed the same way.
Numbers are never drawn here: the document got its number in the issuing transaction.
"""

from __future__ import annotations

import hashlib
import logging
import subprocess
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format

from apps.core.models import AksesBerkas

from . import conf
from .jenis import ambil_jenis
from .models import CetakDokumen, Dokumen
from .qr import qr_data_uri
from .render import render_pdf
from .sandi import TokenKedaluwarsa, buka_passphrase
from .tte import GalatTTE, Tampilan, ambil_backend

log = logging.getLogger(__name__)

# A lease older than this is taken to belong to a dead worker (longer than the hard time limit).
MASA_KLAIM = timedelta(seconds=150)
MASA_KLAIM_EMAIL = timedelta(minutes=10)


class GalatPermanen(Exception):
    """A failure a retry cannot fix (wrong or expired passphrase, record gone)."""


class SedangDikerjakan(Exception):
    """Another worker holds the lease; retry after it."""


def konteks_dokumen(dokumen: Dokumen, objek) -> dict:
    """The template context: the record's ``data_dokumen(jenis)`` plus what every document shows."""
    data = dict(objek.data_dokumen(dokumen.jenis) or {}) if hasattr(objek, "data_dokumen") else {}
    return {
        **data,
        "data": data,
        "dokumen": dokumen,
        "jenis": ambil_jenis(dokumen.jenis),
        "objek": objek,
        "instansi": conf.instansi(),
        "url_verifikasi": dokumen.url_verifikasi,
        # Signed documents get their QR in the signature block; others carry it in the page.
        "qr_verifikasi": "" if dokumen.perlu_tte else qr_data_uri(dokumen.url_verifikasi),
        "pejabat": dokumen.ditandatangani_oleh,
        "tanggal_terbit": timezone.localtime(dokumen.ditandatangani_pada or dokumen.dibuat_pada),
        "url_status": f"{settings.SITE_URL}/status/?kode={objek.kode_lacak}" if getattr(objek, "kode_lacak", "") else "",
    }


def baris_tte(dokumen: Dokumen, waktu) -> tuple[str, ...]:
    p = dokumen.ditandatangani_oleh
    with translation.override("id"):
        tanggal = date_format(timezone.localtime(waktu), "j F Y H:i")
    return (
        "Ditandatangani secara elektronik oleh:",
        p.jabatan,
        p.nama,
        f"NIP {p.nip}",
        f"{tanggal} WIB",
        f"Verifikasi: {dokumen.kode_verifikasi}",
    )


def kotak_bawaan(render) -> tuple[int, tuple[float, float, float, float]]:
    # A template without #kotak-tte: bottom right of the last page, 80 x 28 mm.
    return (render.jumlah_halaman - 1, (300.0, 40.0, 527.0, 119.0))


def buat_pdf(dokumen: Dokumen, *, passphrase: str = "", waktu=None, objek=None) -> bytes:
    """Render the document (and sign it when its type needs TTE) and return the PDF bytes.

    ``objek`` stands in for the process record (the samples of ``contoh_dokumen``)."""
    objek = objek if objek is not None else dokumen.objek
    if objek is None:
        raise GalatPermanen("Berkas permohonan dokumen ini tidak ditemukan.")
    jenis = ambil_jenis(dokumen.jenis)
    with translation.override("id"):
        html = render_to_string(jenis.template, konteks_dokumen(dokumen, objek))
    hasil = render_pdf(html)
    if not dokumen.perlu_tte:
        return hasil.pdf
    halaman, kotak = (hasil.halaman_tte, hasil.kotak_tte) if hasil.kotak_tte else kotak_bawaan(hasil)
    tampilan = Tampilan(
        halaman=halaman, kotak=kotak, baris=baris_tte(dokumen, waktu or timezone.now()), url_qr=dokumen.url_verifikasi
    )
    return ambil_backend().tandatangani(hasil.pdf, pejabat=dokumen.ditandatangani_oleh, passphrase=passphrase, tampilan=tampilan)


def proses_dokumen(dokumen_id: int, token: str = "") -> str:
    """Render (and sign) one document under a lease; store it; enqueue its email."""
    sekarang = timezone.now()
    klaim = uuid.uuid4().hex
    dapat = (
        Dokumen.objects.filter(pk=dokumen_id)
        .filter(Q(status=Dokumen.Status.MENUNGGU) | Q(status=Dokumen.Status.DIPROSES, klaim_pada__lt=sekarang - MASA_KLAIM))
        .update(status=Dokumen.Status.DIPROSES, klaim=klaim, klaim_pada=sekarang, percobaan=F("percobaan") + 1)
    )
    if not dapat:
        dokumen = Dokumen.objects.filter(pk=dokumen_id).first()
        if dokumen is None:
            return "tidak ada"
        if dokumen.status == Dokumen.Status.DIPROSES:
            raise SedangDikerjakan(f"Dokumen {dokumen_id} sedang dikerjakan proses lain.")
        if dokumen.status == Dokumen.Status.SELESAI:
            antrekan_email(dokumen)
        return "sudah"

    dokumen = Dokumen.objects.select_related("ditandatangani_oleh").get(pk=dokumen_id)
    try:
        passphrase = ""
        if dokumen.perlu_tte:
            try:
                passphrase = buka_passphrase(token, dokumen_id=dokumen.pk)
            except TokenKedaluwarsa as exc:
                raise GalatPermanen(str(exc)) from None
        pdf = buat_pdf(dokumen, passphrase=passphrase, waktu=sekarang)
    except GalatTTE as exc:
        _lepas(dokumen_id, klaim, str(exc))
        raise (GalatPermanen(str(exc)) if not exc.sementara else exc) from None
    except Exception as exc:
        _lepas(dokumen_id, klaim, pesan_galat(exc))
        raise

    nama = dokumen.berkas.storage.save(dokumen.berkas.field.generate_filename(dokumen, "dokumen.pdf"), ContentFile(pdf))
    kolom = {
        "berkas": nama,
        "sha256": hashlib.sha256(pdf).hexdigest(),
        "ukuran": len(pdf),
        "status": Dokumen.Status.SELESAI,
        "selesai_pada": timezone.now(),
        "klaim": "",
        "galat": "",
    }
    if dokumen.perlu_tte:
        kolom["ditandatangani_pada"] = sekarang
    if not Dokumen.objects.filter(pk=dokumen_id, klaim=klaim).update(**kolom):
        # Our lease was taken over (we ran past it): the other worker's PDF stands, not ours.
        dokumen.berkas.storage.delete(nama)
        return "klaim hilang"
    dokumen.refresh_from_db()
    antrekan_email(dokumen)
    return "selesai"


def _lepas(dokumen_id: int, klaim: str, pesan: str) -> None:
    """Give the lease back after a failed attempt (the job retries, or ends as gagal)."""
    Dokumen.objects.filter(pk=dokumen_id, klaim=klaim).update(status=Dokumen.Status.MENUNGGU, klaim="", galat=pesan[:2000])


def pesan_galat(exc: BaseException) -> str:
    if isinstance(exc, GalatTTE | GalatPermanen):
        return str(exc)
    return f"Gagal membuat dokumen ({type(exc).__name__}). Coba ulangi; bila tetap gagal, hubungi administrator."


def tandai_gagal(dokumen_id: int, exc: BaseException) -> None:
    """The job gave up: the panel shows gagal with the reason and a retry button."""
    Dokumen.objects.filter(pk=dokumen_id).exclude(status=Dokumen.Status.SELESAI).update(
        status=Dokumen.Status.GAGAL, klaim="", galat=pesan_galat(exc)[:2000]
    )


# -- email ---------------------------------------------------------------------------------------
def antrekan_email(dokumen: Dokumen) -> None:
    if dokumen.email_tujuan and dokumen.siap and not dokumen.email_terkirim_pada:
        from . import tasks

        tasks.kirim_email_dokumen.delay(dokumen.pk)


def kirim_email_dokumen(dokumen_id: int) -> str:
    """Mail the signed PDF to the applicant, exactly once whatever the number of deliveries."""
    sekarang = timezone.now()
    dapat = (
        Dokumen.objects.filter(pk=dokumen_id, status=Dokumen.Status.SELESAI, email_terkirim_pada__isnull=True)
        .exclude(email_tujuan="")
        .filter(Q(email_klaim_pada__isnull=True) | Q(email_klaim_pada__lt=sekarang - MASA_KLAIM_EMAIL))
        .update(email_klaim_pada=sekarang)
    )
    if not dapat:
        return "lewati"
    dokumen = Dokumen.objects.get(pk=dokumen_id)
    try:
        with dokumen.berkas.open("rb") as f:
            pdf = f.read()
        konteks = {"dokumen": dokumen, "instansi": conf.instansi(), "url_verifikasi": dokumen.url_verifikasi}
        with translation.override("id"):
            subjek = " ".join(render_to_string("dokumen/email/dokumen_terbit_subjek.txt", konteks).split())
            teks = render_to_string("dokumen/email/dokumen_terbit.txt", konteks)
            html = render_to_string("dokumen/email/dokumen_terbit.html", konteks)
        pesan = EmailMultiAlternatives(subjek, teks, settings.DEFAULT_FROM_EMAIL, [dokumen.email_tujuan])
        pesan.attach_alternative(html, "text/html")
        pesan.attach(dokumen.nama_unduhan, pdf, "application/pdf")
        pesan.send()
    except Exception as exc:
        Dokumen.objects.filter(pk=dokumen_id, email_klaim_pada=sekarang).update(
            email_klaim_pada=None, email_galat=f"Email belum terkirim ({type(exc).__name__})."
        )
        raise
    Dokumen.objects.filter(pk=dokumen_id).update(email_terkirim_pada=timezone.now(), email_galat="")
    AksesBerkas.objects.create(berkas=dokumen.berkas.name, keterangan=f"Dokumen {dokumen.pk} dikirim ke email pemohon")
    return "terkirim"


# -- print ------------------------------------------------------------------------------------------
class BelumSiap(Exception):
    pass


def cetak_dokumen(cetak_id: int) -> str:
    cetak = CetakDokumen.objects.select_related("dokumen").get(pk=cetak_id)
    if cetak.status == CetakDokumen.Status.SELESAI:
        return "sudah"
    if not cetak.dokumen.siap:
        if cetak.dokumen.status == Dokumen.Status.GAGAL:
            raise GalatPermanen("Dokumen yang akan dicetak gagal dibuat; ulangi pembuatan dokumennya dahulu.")
        raise BelumSiap("Dokumen belum selesai dibuat.")
    if not CetakDokumen.objects.filter(pk=cetak_id, status=CetakDokumen.Status.MENUNGGU).update(
        status=CetakDokumen.Status.SELESAI, selesai_pada=timezone.now()
    ):
        return "sudah"
    perintah = conf.perintah_cetak()
    if perintah:
        try:
            subprocess.run([*perintah, cetak.dokumen.berkas.path], check=True, timeout=60, capture_output=True)
        except Exception:
            CetakDokumen.objects.filter(pk=cetak_id).update(status=CetakDokumen.Status.MENUNGGU, selesai_pada=None)
            raise
    AksesBerkas.objects.create(berkas=cetak.dokumen.berkas.name, keterangan=f"Cetakan ke-{cetak.ke} dokumen {cetak.dokumen_id}", oleh=cetak.oleh)
    return "dicetak"


def tandai_cetak_gagal(cetak_id: int, exc: BaseException) -> None:
    CetakDokumen.objects.filter(pk=cetak_id).exclude(status=CetakDokumen.Status.SELESAI).update(
        status=CetakDokumen.Status.GAGAL, galat=pesan_galat(exc)[:2000]
    )
