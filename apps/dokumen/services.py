"""Issuing, signing, printing and mailing documents (the tail of the service flows).

"verify → TTE → cetak → ambil" (PROCESSES.md): the TTE step (kabid/kadis) signs the record's
document and mails it to the applicant; the cetak step (operator SIAK) prints it, and a reprint
after a failed quality check is counted. Numbers are drawn in the issuing transaction; rendering,
signing, printing and mailing run in Celery jobs enqueued on commit (apps/dokumen/tasks.py), which
call the job functions in ``apps.dokumen.jobs``.
"""

from __future__ import annotations

import hashlib
import hmac
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from apps.core.models import Urutan
from apps.core.workflow import AksiDitolak, jalankan_form

from .jenis import ambil_jenis
from .models import CetakDokumen, Dokumen, Pejabat
from .sandi import bungkus_passphrase
from .tte import GalatTTE, PassphraseSalah, ambil_backend

JENIS_CETAK_BAWAAN = "ktp_el_cetak"


# -- reading what a process record offers (the contract of kontrak-dokumen.md) ----------------------
def jenis_tte_untuk(objek) -> str:
    fungsi = getattr(objek, "jenis_dokumen_tte", None)
    if callable(fungsi):
        return fungsi()
    jenis = getattr(objek, "JENIS_DOKUMEN_TTE", "")
    if not jenis:
        raise AksiDitolak("Proses ini tidak menyebutkan dokumen yang ditandatangani (JENIS_DOKUMEN_TTE).")
    return jenis


def jenis_cetak_untuk(objek) -> str:
    fungsi = getattr(objek, "jenis_dokumen_cetak", None)
    if callable(fungsi):
        return fungsi()
    return getattr(objek, "JENIS_DOKUMEN_CETAK", JENIS_CETAK_BAWAAN)


def pemilik_dari(objek) -> tuple[str, str]:
    fungsi = getattr(objek, "pemilik_dokumen", None)
    return tuple(fungsi()) if callable(fungsi) else ("", "")


def pejabat_dari(pejabat_atau_user) -> Pejabat:
    """The signing official from a Pejabat or from their user account."""
    if isinstance(pejabat_atau_user, Pejabat):
        pejabat = pejabat_atau_user
    elif isinstance(pejabat_atau_user, get_user_model()):
        pejabat = Pejabat.objects.filter(user=pejabat_atau_user).first()
        if pejabat is None:
            raise AksiDitolak("Akun Anda belum terdaftar sebagai pejabat penandatangan (TTE). Hubungi administrator.")
    else:
        raise TypeError("pejabat harus Pejabat atau User")
    if not pejabat.aktif:
        raise AksiDitolak("Pejabat penandatangan ini tidak aktif.")
    return pejabat


def _batas_salah() -> int:
    return getattr(settings, "TTE_BATAS_SALAH", 5)


def _lama_jeda() -> timedelta:
    return timedelta(minutes=getattr(settings, "TTE_JEDA_MENIT", 15))


def _pesan_jeda(sampai) -> str:
    jam = timezone.localtime(sampai).strftime("%H.%M")
    return (
        f"Passphrase TTE salah {_batas_salah()} kali berturut-turut. Demi keamanan, penandatanganan Anda "
        f"dijeda selama {int(_lama_jeda().total_seconds() // 60)} menit, sampai pukul {jam} WIB. "
        "Tidak ada dokumen yang ditandatangani."
    )


def passphrase_salah_catat(*, pejabat: Pejabat):
    """Count one wrong passphrase of ``pejabat``; return the end of the pause when this one
    reached ``TTE_BATAS_SALAH`` (the count restarts from 0 after it), else None."""
    Pejabat.objects.filter(pk=pejabat.pk).update(passphrase_salah=F("passphrase_salah") + 1)
    sampai = timezone.now() + _lama_jeda()
    if Pejabat.objects.filter(pk=pejabat.pk, passphrase_salah__gte=_batas_salah()).update(
        passphrase_salah=0, tte_dijeda_sampai=sampai
    ):
        return sampai
    return None


def passphrase_benar_catat(*, pejabat: Pejabat) -> None:
    """A right passphrase ends the run of wrong ones."""
    Pejabat.objects.filter(pk=pejabat.pk).exclude(passphrase_salah=0, tte_dijeda_sampai=None).update(
        passphrase_salah=0, tte_dijeda_sampai=None
    )


def passphrase_boleh_dicoba(*, pejabat: Pejabat, passphrase: str) -> None:
    """Refuse before any key is opened: the official's signing is paused, or no passphrase was typed."""
    sampai = Pejabat.objects.filter(pk=pejabat.pk).values_list("tte_dijeda_sampai", flat=True).first()
    if sampai and sampai > timezone.now():
        raise AksiDitolak(_pesan_jeda(sampai))
    if not passphrase:
        raise AksiDitolak("Passphrase wajib diisi.")


def passphrase_periksa(*, pejabat, passphrase: str) -> Pejabat:
    """Check the passphrase now; a wrong one raises AksiDitolak and nothing is signed.

    §6: after ``TTE_BATAS_SALAH`` (5) wrong passphrases in a row the official's signing is paused
    for ``TTE_JEDA_MENIT`` (15) minutes; the count is per official, kept in the database, and a
    right passphrase resets it. Call it outside a transaction that a refusal rolls back, or the
    count is lost with it. A backend that cannot check a passphrase before signing (BSrE) does
    not reset the count here: the signing job counts and resets it (``jobs.proses_dokumen``).
    """
    pejabat = pejabat_dari(pejabat)
    passphrase_boleh_dicoba(pejabat=pejabat, passphrase=passphrase)
    if _diperiksa_batch(pejabat, passphrase):
        return pejabat
    backend = ambil_backend()
    try:
        backend.periksa_passphrase(pejabat, passphrase)
    except PassphraseSalah as exc:
        sampai = passphrase_salah_catat(pejabat=pejabat)
        raise AksiDitolak(_pesan_jeda(sampai) if sampai else str(exc)) from None
    except GalatTTE as exc:
        raise AksiDitolak(str(exc)) from None
    if getattr(backend, "memeriksa_passphrase", True):
        passphrase_benar_catat(pejabat=pejabat)
    return pejabat


# A bulk TTE (apps/dokumen/massal.py) checks the passphrase once for the whole batch; inside it the
# per-record services (the TTE form, aksi_tandatangani, dokumen_tandatangani) do not unlock the key
# again. Only the same official with the same passphrase passes; it lives for one worker call.
_PASSPHRASE_BATCH: ContextVar[tuple[int, bytes] | None] = ContextVar("passphrase_batch", default=None)


def _sidik(passphrase: str) -> bytes:
    return hashlib.sha256(passphrase.encode()).digest()


def _diperiksa_batch(pejabat: Pejabat, passphrase: str) -> bool:
    batch = _PASSPHRASE_BATCH.get()
    return batch is not None and batch[0] == pejabat.pk and hmac.compare_digest(batch[1], _sidik(passphrase))


@contextmanager
def passphrase_sekali(*, pejabat, passphrase: str):
    """Check ``passphrase`` once (AksiDitolak if wrong, counted towards the pause), then let the
    services called inside the block trust it for this official."""
    pejabat = passphrase_periksa(pejabat=pejabat, passphrase=passphrase)
    token = _PASSPHRASE_BATCH.set((pejabat.pk, _sidik(passphrase)))
    try:
        yield pejabat
    finally:
        _PASSPHRASE_BATCH.reset(token)


# -- issuing ----------------------------------------------------------------------------------
def _dokumen_buat(*, objek, jenis: str, oleh=None, pejabat: Pejabat | None = None, email: str = "") -> Dokumen:
    """A new document row with the next number of its type (call inside the issuing transaction)."""
    info = ambil_jenis(jenis)
    hari_ini = timezone.localdate()
    urut = Urutan.berikutnya(info.kunci_nomor, hari_ini.year)
    nama, nik = pemilik_dari(objek)
    nomor = info.format_nomor(urut=urut, tahun=hari_ini.year, bulan=hari_ini.month)
    # A record may name the number its document carries (a kutipan akta carries the nomor akta);
    # the document still draws its own gap-free serial (urut) of its type.
    nomor_khusus = getattr(objek, "nomor_dokumen", None)
    if callable(nomor_khusus):
        nomor = nomor_khusus(info.kode) or nomor
    from django.contrib.contenttypes.models import ContentType

    return Dokumen.objects.create(
        content_type=ContentType.objects.get_for_model(objek),
        object_id=objek.pk,
        jenis=info.kode,
        judul=info.judul,
        kunci_nomor=info.kunci_nomor,
        tahun=hari_ini.year,
        urut=urut,
        nomor=nomor,
        pemilik_nama=(nama or "")[:150],
        pemilik_nik=(nik or "")[:16],
        perlu_tte=pejabat is not None,
        ditandatangani_oleh=pejabat,
        diterbitkan_oleh=oleh if getattr(oleh, "pk", None) else None,
        email_tujuan=email or "",
    )


def _antrekan_proses(dokumen_id: int) -> None:
    """After commit: publish the job. A broker that is down is logged, never raised: the row is
    saved, staff see "menunggu antrean kerja" and the sweeper publishes it when Redis is back."""
    from . import jobs

    jobs.antrekan_proses(dokumen_id)


def dokumen_terbitkan(*, objek, jenis: str, oleh=None) -> Dokumen:
    """Issue an unsigned document (tanda terima, KTP-el print record, drafts): number now, PDF in
    a job after commit."""
    with transaction.atomic():
        dokumen = _dokumen_buat(objek=objek, jenis=jenis, oleh=oleh)
        transaction.on_commit(lambda: _antrekan_proses(dokumen.pk))
    return dokumen


def dokumen_tandatangani(*, objek, jenis: str, pejabat, passphrase: str, kirim_email: bool = True) -> Dokumen:
    """TTE: check the passphrase now, then render and PAdES-sign in a job, then mail the signed
    PDF to ``objek.email_pemohon`` when given (exactly once)."""
    pejabat = passphrase_periksa(pejabat=pejabat, passphrase=passphrase)
    email = (getattr(objek, "email_pemohon", "") or "") if kirim_email else ""
    with transaction.atomic():
        dokumen = _dokumen_belum_ditandatangani(objek=objek, jenis=jenis)
        if dokumen is None:
            dokumen = _dokumen_buat(objek=objek, jenis=jenis, oleh=pejabat.user, pejabat=pejabat, email=email)
        elif dokumen.status == Dokumen.Status.DIPROSES:
            return dokumen  # being signed right now
        else:
            dokumen.status, dokumen.galat, dokumen.klaim, dokumen.klaim_pada = Dokumen.Status.MENUNGGU, "", "", None
            dokumen.ditandatangani_oleh = pejabat
            dokumen.save(update_fields=["status", "galat", "klaim", "klaim_pada", "ditandatangani_oleh"])
        # The sealed passphrase waits on the row: the message carries only the id, and the sweeper
        # can publish the job again if the broker loses it.
        dokumen.token_tte = bungkus_passphrase(passphrase, dokumen_id=dokumen.pk)
        dokumen.save(update_fields=["token_tte"])
        transaction.on_commit(lambda: _antrekan_proses(dokumen.pk))
    return dokumen


def _dokumen_belum_ditandatangani(*, objek, jenis: str) -> Dokumen | None:
    """The record's document of ``jenis`` issued for signing and not signed yet (the passphrase
    expired before its job ran, or its job failed): signing again signs this one, with its
    number, never a second document."""
    return (
        Dokumen.untuk(objek)
        .select_for_update()
        .filter(jenis=ambil_jenis(jenis).kode, perlu_tte=True, aktif=True, ditandatangani_pada__isnull=True)
        .exclude(status=Dokumen.Status.DITINGGALKAN)
        .order_by("-pk")
        .first()
    )


def dokumen_cetak(*, dokumen: Dokumen, oleh) -> CetakDokumen:
    """The print job of the cetak step; the second and later prints are counted as reprints."""
    from . import jobs

    with transaction.atomic():
        terkunci = Dokumen.objects.select_for_update().get(pk=dokumen.pk)
        terkunci.jumlah_cetak += 1
        terkunci.save(update_fields=["jumlah_cetak"])
        dokumen.jumlah_cetak = terkunci.jumlah_cetak
        cetak = CetakDokumen.objects.create(dokumen=terkunci, ke=terkunci.jumlah_cetak, oleh=oleh)
        transaction.on_commit(lambda: jobs.antrekan_cetak(cetak.pk))
    return cetak


def dokumen_untuk_cetak(objek) -> Dokumen | None:
    """The document the cetak step prints: the record's latest active signed document of its TTE
    type, else its latest print record."""
    semua = Dokumen.untuk(objek).filter(aktif=True).order_by("-dibuat_pada", "-pk")
    try:
        jenis_tte = jenis_tte_untuk(objek)
    except AksiDitolak:
        jenis_tte = None
    if jenis_tte:
        dok = semua.filter(jenis=jenis_tte, perlu_tte=True).first()
        if dok:
            return dok
    return semua.filter(jenis=jenis_cetak_untuk(objek)).first()


# -- ready-made action services for transitions -------------------------------------------------
def aksi_tandatangani(*, objek, pengguna, form):
    """The TTE step of a process (kabid/kadis): transition, then sign the record's document.

    Use on a transition as ``custom={"layanan": "apps.dokumen.services.aksi_tandatangani",
    "form": "apps.dokumen.forms.TTEForm"}``. A wrong passphrase changes nothing.
    """
    passphrase = form.cleaned_data["passphrase"]
    pejabat = passphrase_periksa(pejabat=pengguna, passphrase=passphrase)
    with transaction.atomic():
        log = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        dokumen_tandatangani(objek=objek, jenis=jenis_tte_untuk(objek), pejabat=pejabat, passphrase=passphrase)
    return log


def aksi_cetak(*, objek, pengguna, form):
    """The cetak step (operator SIAK): transition, then print the record's signed document, or
    issue its unsigned print record first when it has none (KTP-el)."""
    with transaction.atomic():
        log = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        dokumen = dokumen_untuk_cetak(objek)
        if dokumen is None:
            dokumen = dokumen_terbitkan(objek=objek, jenis=jenis_cetak_untuk(objek), oleh=pengguna)
        dokumen_cetak(dokumen=dokumen, oleh=pengguna)
    return log


def dokumen_kirim_email(*, dokumen: Dokumen, email: str) -> None:
    """Mail a signed document to ``email`` now (e.g. P.5.1 delivery by email at handover).

    The address is set only while nothing was sent yet, and the email job claims the document with
    a conditional UPDATE, so a repeated call or a retried job never sends a second email.
    """
    from . import jobs

    if not email:
        raise AksiDitolak("Pemohon tidak mencantumkan alamat email.")
    with transaction.atomic():
        Dokumen.objects.filter(pk=dokumen.pk, email_terkirim_pada__isnull=True).update(email_tujuan=email, email_gagal_pada=None)
        transaction.on_commit(lambda: jobs.antrekan_email(Dokumen.objects.get(pk=dokumen.pk)))


# -- retry of a failed job (panel button) --------------------------------------------------------
def aksi_penerbit(dokumen: Dokumen):
    """The transition (kernel ``Aksi``) in whose transaction ``dokumen`` was issued, or None.

    The issuing services run the transition first and create the document after it, in the same
    transaction, by the same user: the record's latest log row by that user at or before the
    document's birth is its transition.
    """
    from django.contrib.contenttypes.models import ContentType

    from apps.core.models import RiwayatStatus
    from apps.core.workflow import aksi_model

    model = dokumen.content_type.model_class() if dokumen.content_type_id else None
    if model is None:
        return None
    log = RiwayatStatus.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=dokumen.object_id,
        waktu__lte=dokumen.dibuat_pada,
    ).exclude(aksi="buat")
    if dokumen.diterbitkan_oleh_id:
        log = log.filter(oleh_id=dokumen.diterbitkan_oleh_id)
    log = log.order_by("-waktu", "-pk").first()
    return aksi_model(model).get(log.aksi) if log else None


def dokumen_periksa_hak_ulangi(*, dokumen: Dokumen, oleh) -> None:
    """§7: a retry passes the role and object rules of the transition that issued the document,
    and a signature is retried only by the official it was assigned to (PermissionDenied).

    A document issued outside any transition falls back to the roles that act in its process
    (read-only roles never retry).
    """
    from django.core.exceptions import PermissionDenied

    from apps.core.peran import peran_pengguna
    from apps.core.workflow import aksi_model

    objek = dokumen.objek
    if objek is None:
        raise PermissionDenied("Berkas permohonan dokumen ini tidak ditemukan.")
    milik = peran_pengguna(oleh)
    aksi = aksi_penerbit(dokumen)
    if aksi is not None:
        if not milik & set(aksi.peran):
            raise PermissionDenied(f"Hanya peran yang menjalankan “{aksi.label}” yang dapat mengulang dokumen ini.")
        if aksi.syarat is not None and not aksi.syarat(objek, oleh):
            raise PermissionDenied("Berkas ini bukan bagian tugas Anda.")
    elif not milik & {p for a in aksi_model(type(objek)).values() for p in a.peran}:
        raise PermissionDenied("Peran Anda tidak berwenang mengulang pembuatan dokumen ini.")
    if dokumen.perlu_tte and dokumen.status in Dokumen.STATUS_TTE_ULANG:
        pejabat = dokumen.ditandatangani_oleh
        if pejabat is None or pejabat.user_id != oleh.pk:
            nama = pejabat.nama if pejabat else "pejabat yang ditugaskan"
            raise PermissionDenied(f"Dokumen ini hanya dapat ditandatangani ulang oleh {nama}.")


def dokumen_ulangi(*, dokumen: Dokumen, oleh, passphrase: str = "") -> str:
    """Re-enqueue what failed for ``dokumen``; returns what was done (for the message).

    The retrying user must pass ``dokumen_periksa_hak_ulangi``. An unsigned signing job needs the
    passphrase again (it was never kept): only the official it was assigned to can give it, and
    the document keeps that official as its signer.
    """
    from . import jobs

    dokumen_periksa_hak_ulangi(dokumen=dokumen, oleh=oleh)
    if dokumen.status == Dokumen.Status.MENUNGGU:
        # Saved but its message lost (Redis down or restarted): publish it again; a signing job
        # signs with the passphrase sealed on its row (or goes back to its official if expired).
        jobs.antrekan_proses(dokumen.pk)
        return "Pembuatan dokumen dimasukkan lagi ke antrean kerja."
    if dokumen.status in Dokumen.STATUS_TTE_ULANG:
        if dokumen.perlu_tte:
            # Outside the transaction: a wrong passphrase must still count towards the pause.
            passphrase_periksa(pejabat=dokumen.ditandatangani_oleh, passphrase=passphrase)
        with transaction.atomic():
            kolom = {"status": Dokumen.Status.MENUNGGU, "galat": "", "klaim": "", "klaim_pada": None}
            if dokumen.perlu_tte:
                kolom["token_tte"] = bungkus_passphrase(passphrase, dokumen_id=dokumen.pk)
            n = Dokumen.objects.filter(pk=dokumen.pk, status__in=Dokumen.STATUS_TTE_ULANG).update(**kolom)
            if not n:
                return "Dokumen sudah diproses ulang."
            transaction.on_commit(lambda: _antrekan_proses(dokumen.pk))
        return "Pembuatan dokumen dijadwalkan ulang."
    if dokumen.siap and dokumen.email_tujuan and not dokumen.email_terkirim_pada:
        Dokumen.objects.filter(pk=dokumen.pk, email_terkirim_pada__isnull=True).update(email_gagal_pada=None)
        transaction.on_commit(lambda: jobs.antrekan_email(Dokumen.objects.get(pk=dokumen.pk)))
        return "Pengiriman email dijadwalkan ulang."
    gagal = list(dokumen.cetakan.filter(status=CetakDokumen.Status.GAGAL))
    if gagal:
        for c in gagal:
            CetakDokumen.objects.filter(pk=c.pk, status=CetakDokumen.Status.GAGAL).update(status=CetakDokumen.Status.MENUNGGU, galat="")
            transaction.on_commit(lambda pk=c.pk: jobs.antrekan_cetak(pk))
        return "Pencetakan dijadwalkan ulang."
    raise AksiDitolak("Tidak ada pekerjaan gagal yang perlu diulang untuk dokumen ini.")
