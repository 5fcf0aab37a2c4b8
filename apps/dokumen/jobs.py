"""What the Celery jobs do, as plain functions (apps/dokumen/tasks.py wraps them with retries).

The database is the queue of record: a ``Dokumen`` row (its render/sign job and its email job) and
a ``CetakDokumen`` row say what must happen; a broker message only wakes a worker up. Whatever the
broker loses (Redis down while publishing, restarted without persistence, a message acked by a
worker that then lost its database) is published again by ``sapu_pekerjaan`` (Celery beat, every
minute): rows waiting longer than a short grace and rows whose lease expired.

Every job is idempotent:
- rendering/signing takes a lease on the document (conditional UPDATE, ``MASA_KLAIM``); only the
  lease holder stores its PDF, a second delivery finds the document leased or done and does
  nothing; a lease of a dead worker expires in minutes and the sweeper re-queues the job;
- the email is claimed the same way before it is sent and marked sent after; it carries a
  Message-ID derived from the document and the recipient, so the one duplicate that can happen
  (the worker dies between the server's "250 OK" and the record of it) is recognisable;
- a print is claimed the same way.
Numbers are never drawn here: the document got its number in the issuing transaction.
"""

from __future__ import annotations

import hashlib
import logging
import subprocess
import time
import uuid
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format

from apps.core.models import AksesBerkas
from dukcapil.penyimpanan import berkas_di_bawah, jalur_lokal

from . import conf
from .jenis import ambil_jenis
from .models import CetakDokumen, Dokumen
from .qr import qr_data_uri
from .render import render_pdf
from .sandi import TokenKedaluwarsa, buka_passphrase
from .tte import GalatTTE, PassphraseSalah, Tampilan, ambil_backend

log = logging.getLogger(__name__)


def masa_klaim() -> timedelta:
    """A render/sign lease older than this belongs to a dead worker (settings.PEKERJAAN_MASA_KLAIM,
    longer than the task's hard time limit, shorter than the broker's visibility timeout)."""
    return timedelta(seconds=settings.PEKERJAAN_MASA_KLAIM)


def masa_klaim_email() -> timedelta:
    return timedelta(seconds=settings.PEKERJAAN_MASA_KLAIM_EMAIL)


class GalatPermanen(Exception):
    """A failure a retry cannot fix (wrong passphrase, record gone)."""


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
    """Render (and sign) one document under a lease; store it; enqueue its email.

    ``token`` is the sealed passphrase when the caller has it; otherwise the one kept on the row
    (``token_tte``) is used, so a job re-queued by the sweeper can still sign.
    """
    sekarang = timezone.now()
    klaim = uuid.uuid4().hex
    dapat = (
        Dokumen.objects.filter(pk=dokumen_id)
        .filter(Q(status=Dokumen.Status.MENUNGGU) | Q(status=Dokumen.Status.DIPROSES, klaim_pada__lt=sekarang - masa_klaim()))
        .update(status=Dokumen.Status.DIPROSES, klaim=klaim, klaim_pada=sekarang, percobaan=F("percobaan") + 1)
    )
    if not dapat:
        dokumen = Dokumen.objects.filter(pk=dokumen_id).first()
        if dokumen is None:
            return "tidak ada"
        if dokumen.status == Dokumen.Status.SELESAI:
            antrekan_email(dokumen)
            return "sudah"
        # Leased by a live worker (a duplicate delivery): nothing to do. If that worker died, its
        # lease expires and the sweeper publishes the job again.
        return dokumen.status

    dokumen = Dokumen.objects.select_related("ditandatangani_oleh").get(pk=dokumen_id)
    try:
        passphrase = ""
        if dokumen.perlu_tte:
            try:
                passphrase = buka_passphrase(token or dokumen.token_tte, dokumen_id=dokumen.pk)
            except TokenKedaluwarsa as exc:
                return _perlu_tte_ulang(dokumen_id, klaim, str(exc))
        pdf = buat_pdf(dokumen, passphrase=passphrase, waktu=sekarang)
    except GalatTTE as exc:
        _lepas(dokumen_id, klaim, str(exc))
        if isinstance(exc, PassphraseSalah):
            # BSrE finds a wrong passphrase only here: it counts towards the official's pause (§6).
            from .services import passphrase_salah_catat

            passphrase_salah_catat(pejabat=dokumen.ditandatangani_oleh)
        raise (GalatPermanen(str(exc)) if not exc.sementara else exc) from None
    except Exception as exc:
        _lepas(dokumen_id, klaim, pesan_galat(exc))
        raise

    # Store: the file first, then the row that names it, under our lease. Any failure of the row
    # update (a database error) removes the file and gives the lease back: no orphan file, and the
    # retry (or the sweeper) signs again from the same number.
    nama = dokumen.berkas.storage.save(dokumen.berkas.field.generate_filename(dokumen, "dokumen.pdf"), ContentFile(pdf))
    kolom = {
        "berkas": nama,
        "sha256": hashlib.sha256(pdf).hexdigest(),
        "ukuran": len(pdf),
        "status": Dokumen.Status.SELESAI,
        "selesai_pada": timezone.now(),
        "klaim": "",
        "galat": "",
        "token_tte": "",
    }
    if dokumen.perlu_tte:
        kolom["ditandatangani_pada"] = sekarang
    try:
        disimpan = Dokumen.objects.filter(pk=dokumen_id, klaim=klaim).update(**kolom)
    except BaseException as exc:
        dokumen.berkas.storage.delete(nama)
        _lepas(dokumen_id, klaim, pesan_galat(exc))
        raise
    if not disimpan:
        # Our lease was taken over (we ran past it): the other worker's PDF stands, not ours.
        dokumen.berkas.storage.delete(nama)
        return "klaim hilang"
    dokumen.refresh_from_db()
    if dokumen.perlu_tte:
        from .services import passphrase_benar_catat

        passphrase_benar_catat(pejabat=dokumen.ditandatangani_oleh)
    antrekan_email(dokumen)
    return "selesai"


def _lepas(dokumen_id: int, klaim: str, pesan: str) -> None:
    """Give the lease back after a failed attempt (the job retries, or ends as gagal).

    When the database itself is the failure this cannot run either; the lease then expires and
    the sweeper re-queues the job."""
    try:
        Dokumen.objects.filter(pk=dokumen_id, klaim=klaim).update(status=Dokumen.Status.MENUNGGU, klaim="", galat=pesan[:2000])
    except DatabaseError:
        log.warning("Klaim dokumen %s tidak dapat dilepas (basis data); disapu setelah kedaluwarsa.", dokumen_id)


def _perlu_tte_ulang(dokumen_id: int, klaim: str, alasan: str) -> str:
    """The sealed passphrase expired before the job ran: back to the official, same document."""
    Dokumen.objects.filter(pk=dokumen_id, klaim=klaim).update(
        status=Dokumen.Status.PERLU_TTE_ULANG, klaim="", token_tte="", galat=alasan[:2000]
    )
    log.info("Dokumen %s perlu TTE ulang: %s", dokumen_id, alasan)
    return "perlu tte ulang"


def pesan_galat(exc: BaseException) -> str:
    if isinstance(exc, GalatTTE | GalatPermanen):
        return str(exc)
    if isinstance(exc, DatabaseError):
        return f"Basis data tidak dapat dihubungi ({type(exc).__name__}); pekerjaan diulang otomatis."
    return f"Gagal membuat dokumen ({type(exc).__name__}). Coba ulangi; bila tetap gagal, hubungi administrator."


def tandai_gagal(dokumen_id: int, exc: BaseException) -> None:
    """The job gave up: the panel shows gagal with the reason and a retry button.

    Not after a database error: the row is left to the sweeper (which re-queues it once its lease
    expires), because the database being away says nothing about the document."""
    if isinstance(exc, DatabaseError):
        return
    try:
        Dokumen.objects.filter(pk=dokumen_id).exclude(
            status__in=[Dokumen.Status.SELESAI, Dokumen.Status.PERLU_TTE_ULANG, Dokumen.Status.DITINGGALKAN]
        ).update(status=Dokumen.Status.GAGAL, klaim="", galat=pesan_galat(exc)[:2000])
    except DatabaseError:
        log.warning("Dokumen %s tidak dapat ditandai gagal (basis data).", dokumen_id)


# -- publishing: a broker that is down never fails the caller ------------------------------------
def terbitkan(tugas, *, args, kwargs=None, **opsi) -> bool:
    """Publish a task message; False (logged) when the broker cannot be reached.

    Called after commit: the row already says what must happen, so a lost publish only delays the
    job until the sweeper publishes it again. The caller's request never turns into an error."""
    try:
        tugas.apply_async(args=args, kwargs=kwargs or {}, **opsi)
    except Exception as exc:  # noqa: BLE001 - kombu, redis-py and socket errors alike
        log.warning("Pesan %s%s tidak terkirim ke broker (%s); disapu nanti.", tugas.name, tuple(args), exc)
        return False
    return True


def antrekan_proses(dokumen_id: int) -> bool:
    """Publish the render/sign job of a document (the sealed passphrase stays on the row)."""
    from . import tasks

    if terbitkan(tasks.proses_dokumen, args=[dokumen_id], argsrepr=f"({dokumen_id},)", kwargsrepr="{}"):
        Dokumen.objects.filter(pk=dokumen_id).update(diantrekan_pada=timezone.now())
        return True
    return False


def antrekan_email(dokumen: Dokumen) -> bool:
    if not (dokumen.email_tujuan and dokumen.siap and not dokumen.email_terkirim_pada):
        return False
    from . import tasks

    try:
        if terbitkan(tasks.kirim_email_dokumen, args=[dokumen.pk]):
            Dokumen.objects.filter(pk=dokumen.pk).update(email_diantrekan_pada=timezone.now())
            return True
    except DatabaseError:
        log.warning("Email dokumen %s: waktu antre tidak tercatat (basis data).", dokumen.pk)
    return False


def antrekan_cetak(cetak_id: int) -> bool:
    from . import tasks

    if terbitkan(tasks.cetak_dokumen, args=[cetak_id]):
        CetakDokumen.objects.filter(pk=cetak_id).update(diantrekan_pada=timezone.now())
        return True
    return False


# -- the sweeper ------------------------------------------------------------------------------------
KUNCI_PENYAPU = 0x64756B63  # "dukc": the advisory lock one sweeper at a time holds
BATAS_SAPU = 500


def _kunci_penyapu() -> bool:
    """One sweeper at a time across beat hosts (PostgreSQL advisory lock for this transaction)."""
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cur:
        cur.execute("SELECT pg_try_advisory_xact_lock(%s)", [KUNCI_PENYAPU])
        return bool(cur.fetchone()[0])


def sapu_pekerjaan() -> dict[str, int]:
    """Publish again every job the broker may have lost (Celery beat, every minute).

    - render/sign jobs ``menunggu`` never published and older than the grace, or published longer
      ago than ``PEKERJAAN_ANTRE_ULANG`` (a Redis restarted without persistence, a message acked
      while the database was away);
    - render/sign jobs ``diproses`` whose lease expired (the worker died);
    - emails of finished documents not sent, likewise; prints waiting, likewise.
    Idempotent (the jobs are) and safe on several beat hosts: the advisory lock lets one sweeper
    run, and the rows it takes get ``diantrekan_pada`` set in its transaction so the next one
    skips them. Publishing happens after commit; a failed publish clears the mark again.
    """
    sekarang = timezone.now()
    tenggang = sekarang - timedelta(seconds=settings.PEKERJAAN_TENGGANG)
    antre_ulang = sekarang - timedelta(seconds=settings.PEKERJAAN_ANTRE_ULANG)
    klaim_habis = sekarang - masa_klaim()
    klaim_email_habis = sekarang - masa_klaim_email()
    S = Dokumen.Status
    with transaction.atomic():
        if not _kunci_penyapu():
            return {"dilewati": 1}
        dok = list(
            Dokumen.objects.filter(
                Q(status=S.MENUNGGU, diantrekan_pada__isnull=True, dibuat_pada__lt=tenggang)
                | Q(status=S.MENUNGGU, diantrekan_pada__lt=antre_ulang)
                | (Q(status=S.DIPROSES, klaim_pada__lt=klaim_habis) & (Q(diantrekan_pada__isnull=True) | Q(diantrekan_pada__lt=klaim_habis)))
            )
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:BATAS_SAPU]
        )
        Dokumen.objects.filter(pk__in=dok).update(diantrekan_pada=sekarang)
        email = list(
            Dokumen.objects.filter(status=S.SELESAI, email_terkirim_pada__isnull=True, email_gagal_pada__isnull=True)
            .exclude(email_tujuan="")
            .filter(
                Q(email_klaim_pada__isnull=True, email_diantrekan_pada__isnull=True, selesai_pada__lt=tenggang)
                | Q(email_klaim_pada__isnull=True, email_diantrekan_pada__lt=antre_ulang)
                | (Q(email_klaim_pada__lt=klaim_email_habis)
                   & (Q(email_diantrekan_pada__isnull=True) | Q(email_diantrekan_pada__lt=klaim_email_habis)))
            )
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:BATAS_SAPU]
        )
        Dokumen.objects.filter(pk__in=email).update(email_diantrekan_pada=sekarang)
        cetak = list(
            CetakDokumen.objects.filter(status=CetakDokumen.Status.MENUNGGU)
            .filter(Q(diantrekan_pada__isnull=True, dibuat_pada__lt=tenggang) | Q(diantrekan_pada__lt=antre_ulang))
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:BATAS_SAPU]
        )
        CetakDokumen.objects.filter(pk__in=cetak).update(diantrekan_pada=sekarang)

    from . import tasks

    gagal = 0
    for pk in dok:
        if not terbitkan(tasks.proses_dokumen, args=[pk], argsrepr=f"({pk},)", kwargsrepr="{}"):
            gagal += 1
            Dokumen.objects.filter(pk=pk, diantrekan_pada=sekarang).update(diantrekan_pada=None)
    for pk in email:
        if not terbitkan(tasks.kirim_email_dokumen, args=[pk]):
            gagal += 1
            Dokumen.objects.filter(pk=pk, email_diantrekan_pada=sekarang).update(email_diantrekan_pada=None)
    for pk in cetak:
        if not terbitkan(tasks.cetak_dokumen, args=[pk]):
            gagal += 1
            CetakDokumen.objects.filter(pk=pk, diantrekan_pada=sekarang).update(diantrekan_pada=None)
    hasil = {"dokumen": len(dok), "email": len(email), "cetak": len(cetak), "gagal_terbit": gagal}
    if dok or email or cetak:
        log.info("Penyapu pekerjaan: %s", hasil)
    return hasil


def bersihkan_pdf_yatim(*, umur: timedelta = timedelta(days=1)) -> int:
    """Remove issued-PDF files no document names, older than ``umur`` (nightly).

    The store step deletes its file when the row update fails; only a worker killed between
    writing the file and recording it leaves one behind. Files younger than ``umur`` are never
    touched (a job may be between the two steps right now)."""
    # Through the storage API: the same clean-up on the local disk and in the bucket.
    storage = Dokumen._meta.get_field("berkas").storage
    batas = timezone.now() - umur
    calon = [n for n, waktu in berkas_di_bawah("dokumen", storage) or [] if n.endswith(".pdf") and waktu < batas]
    terpakai = set()
    for i in range(0, len(calon), 500):
        terpakai |= set(Dokumen.objects.filter(berkas__in=calon[i : i + 500]).values_list("berkas", flat=True))
    yatim = [n for n in calon if n not in terpakai]
    for n in yatim:
        storage.delete(n)
    if yatim:
        log.info("%s berkas PDF yatim dihapus.", len(yatim))
    return len(yatim)


# -- email ---------------------------------------------------------------------------------------
def message_id_dokumen(dokumen: Dokumen, penerima: str) -> str:
    """The same Message-ID for every sending of a document to one recipient: a duplicate (the
    worker died between the server's acceptance and the record of it) is recognisable."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "dukcapil.local"
    sidik = hashlib.sha256(f"{dokumen.kode_verifikasi}:{penerima.strip().lower()}".encode()).hexdigest()[:24]
    return f"<dokumen-{dokumen.pk}.{sidik}@{domain}>"


def kirim_email_dokumen(dokumen_id: int) -> str:
    """Mail the signed PDF to the applicant: once, or twice with the same Message-ID when the
    worker dies between the SMTP server's acceptance and the record of it."""
    sekarang = timezone.now()
    dapat = (
        Dokumen.objects.filter(pk=dokumen_id, status=Dokumen.Status.SELESAI, email_terkirim_pada__isnull=True)
        .exclude(email_tujuan="")
        .filter(Q(email_klaim_pada__isnull=True) | Q(email_klaim_pada__lt=sekarang - masa_klaim_email()))
        .update(email_klaim_pada=sekarang, email_percobaan=F("email_percobaan") + 1)
    )
    if not dapat:
        # Sent, or claimed by a live worker (whose claim, if it died, expires and is swept).
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
        pesan = EmailMultiAlternatives(
            subjek, teks, settings.DEFAULT_FROM_EMAIL, [dokumen.email_tujuan],
            headers={"Message-ID": message_id_dokumen(dokumen, dokumen.email_tujuan)},
        )
        pesan.attach_alternative(html, "text/html")
        pesan.attach(dokumen.nama_unduhan, pdf, "application/pdf")
        pesan.send()
    except Exception as exc:
        try:
            Dokumen.objects.filter(pk=dokumen_id, email_klaim_pada=sekarang).update(
                email_klaim_pada=None, email_galat=pesan_galat_email(exc)
            )
        except DatabaseError:
            log.warning("Klaim email dokumen %s tidak dapat dilepas (basis data); disapu setelah kedaluwarsa.", dokumen_id)
        raise
    _catat_terkirim(dokumen_id)
    AksesBerkas.objects.create(berkas=dokumen.berkas.name, keterangan=f"Dokumen {dokumen.pk} dikirim ke email pemohon")
    return "terkirim"


def _catat_terkirim(dokumen_id: int, *, percobaan: int = 3) -> None:
    """Record the accepted email. The server took it, so a passing database error is retried here
    (a fresh connection each time) rather than by the job, which would send it again. If the
    database stays away the claim stays in place: nothing is sent until it expires, then the
    sweeper sends it once more, with the same Message-ID."""
    for ke in range(percobaan):
        try:
            Dokumen.objects.filter(pk=dokumen_id).update(email_terkirim_pada=timezone.now(), email_galat="", email_gagal_pada=None)
            return
        except DatabaseError:
            if ke == percobaan - 1:
                raise
            log.warning("Email dokumen %s terkirim, pencatatannya gagal; dicoba lagi.", dokumen_id)
            connection.close()
            time.sleep(1 + 2 * ke)


def pesan_galat_email(exc: BaseException) -> str:
    rinci = str(exc).strip()[:300]
    return f"Email belum terkirim ({type(exc).__name__}{': ' + rinci if rinci else ''})."


def tandai_email_gagal(dokumen_id: int, exc: BaseException) -> None:
    """The email job gave up: the record shows it with the reason until staff resend it."""
    if isinstance(exc, DatabaseError):
        return
    try:
        Dokumen.objects.filter(pk=dokumen_id, email_terkirim_pada__isnull=True).update(
            email_gagal_pada=timezone.now(), email_klaim_pada=None, email_galat=pesan_galat_email(exc)[:2000]
        )
    except DatabaseError:
        log.warning("Email dokumen %s tidak dapat ditandai gagal (basis data).", dokumen_id)


# -- print ------------------------------------------------------------------------------------------
class BelumSiap(Exception):
    pass


def cetak_dokumen(cetak_id: int) -> str:
    cetak = CetakDokumen.objects.select_related("dokumen").get(pk=cetak_id)
    if cetak.status == CetakDokumen.Status.SELESAI:
        return "sudah"
    if not cetak.dokumen.siap:
        if cetak.dokumen.status in (Dokumen.Status.GAGAL, Dokumen.Status.DITINGGALKAN, Dokumen.Status.PERLU_TTE_ULANG):
            raise GalatPermanen("Dokumen yang akan dicetak belum jadi; selesaikan pembuatan dokumennya dahulu.")
        raise BelumSiap("Dokumen belum selesai dibuat.")
    if not CetakDokumen.objects.filter(pk=cetak_id, status=CetakDokumen.Status.MENUNGGU).update(
        status=CetakDokumen.Status.SELESAI, selesai_pada=timezone.now()
    ):
        return "sudah"
    perintah = conf.perintah_cetak()
    if perintah:
        try:
            # The printer wants a file on this host; on object storage that is a temporary copy.
            with jalur_lokal(cetak.dokumen.berkas) as jalur:
                subprocess.run([*perintah, jalur], check=True, timeout=60, capture_output=True)
        except Exception:
            CetakDokumen.objects.filter(pk=cetak_id).update(status=CetakDokumen.Status.MENUNGGU, selesai_pada=None)
            raise
    AksesBerkas.objects.create(berkas=cetak.dokumen.berkas.name, keterangan=f"Cetakan ke-{cetak.ke} dokumen {cetak.dokumen_id}", oleh=cetak.oleh)
    return "dicetak"


def tandai_cetak_gagal(cetak_id: int, exc: BaseException) -> None:
    if isinstance(exc, DatabaseError):
        return
    CetakDokumen.objects.filter(pk=cetak_id).exclude(status=CetakDokumen.Status.SELESAI).update(
        status=CetakDokumen.Status.GAGAL, galat=pesan_galat(exc)[:2000]
    )
