"""Bulk TTE (TTE massal, issue 9 item 7): the official selects many files and types the
passphrase once.

- ``tte_massal_mulai`` (web): the batch and its items, the passphrase sealed on the batch row
  (Fernet, a key bound to the batch; never in clear in the database, the broker or the logs), a
  job published after commit.
- ``tte_massal_jalankan`` (worker): takes the batch's lease, opens the passphrase and checks it
  once (``services.passphrase_sekali``: a wrong one signs nothing and counts towards the pause),
  then runs each record's TTE action through the kernel, as its own transaction, with the
  service the process names: role and object rules hold per record, a refused one is kept with
  its reason and the others go on. Each document is then rendered, signed and mailed by the
  ordinary document jobs (``jobs.proses_dokumen``), which sign and mail once.
- A redelivered batch message finds the batch leased or done; an item already run is skipped.
  ``sapu_tte_massal`` (with the document sweeper) publishes a batch the broker lost.
"""

from __future__ import annotations

import base64
import logging
import time
import uuid
from collections.abc import Iterable
from datetime import timedelta

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone
from django.utils.module_loading import import_string

from apps.core.models import Proses
from apps.core.peran import peran_pengguna
from apps.core.workflow import AksiDitolak, aksi_model, jalankan_dari_form, kelas_form, model_proses

from .jenis import ambil_jenis
from .models import Dokumen
from .models_massal import ItemTTEMassal, TTEMassal
from .tte import PESAN_PASSPHRASE_SALAH, ambil_backend

log = logging.getLogger(__name__)

BATAS_BERKAS = 500
PESAN_TIDAK_DITEMUKAN = "Berkas tidak ditemukan atau bukan bagian tugas Anda."


# -- the sealed passphrase of a batch ------------------------------------------------------------
def _fernet(batch_id: int) -> Fernet:
    kunci = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"dukcapil-tte-massal", info=f"tte-massal:{batch_id}".encode()
    ).derive(settings.SECRET_KEY.encode())
    return Fernet(base64.urlsafe_b64encode(kunci))


def bungkus(passphrase: str, *, batch_id: int) -> str:
    return _fernet(batch_id).encrypt(passphrase.encode()).decode("ascii")


def buka(token: str, *, batch_id: int) -> str:
    try:
        return _fernet(batch_id).decrypt(token.encode("ascii"), ttl=getattr(settings, "TTE_PASSPHRASE_TTL", 900)).decode()
    except (InvalidToken, ValueError, AttributeError):
        raise AksiDitolak(
            "Waktu penandatanganan habis sebelum TTE massal dijalankan. Tidak ada dokumen yang ditandatangani; "
            "pilih berkasnya dan ketik passphrase lagi."
        ) from None


# -- which action is the TTE of a process ------------------------------------------------------
def _form_tte(info) -> bool:
    from .forms import TTEForm

    try:
        return issubclass(kelas_form(info), TTEForm)
    except ImportError:
        return False


def aksi_tte_model(model) -> list:
    """The model's actions whose form asks for the TTE passphrase (``tandatangani``)."""
    return [a for a in aksi_model(model).values() if _form_tte(a)]


def aksi_tte(objek):
    """The record's TTE action: the one its current state allows, else the first (so that the
    kernel refuses it with the state's own message)."""
    semua = aksi_tte_model(type(objek))
    if not semua:
        raise AksiDitolak("Proses ini tidak memiliki langkah TTE.")
    return next((a for a in semua if objek.status in a.sumber), semua[0])


def model_tte(pengguna) -> list[tuple[type[Proses], list]]:
    """Process models with a TTE action one of the user's roles may take, with those actions."""
    milik = peran_pengguna(pengguna)
    hasil = []
    for model in model_proses():
        aksi = [a for a in aksi_tte_model(model) if milik & set(a.peran)]
        if aksi:
            hasil.append((model, aksi))
    return hasil


def tte_massal_boleh(pengguna) -> bool:
    """Only officials whose role takes a TTE action may start a bulk TTE."""
    return pengguna.is_authenticated and bool(model_tte(pengguna))


# -- selection (selectors) ---------------------------------------------------------------------
def tte_massal_calon(*, pengguna, q: str = "", proses: str = "") -> list[tuple[type[Proses], list]]:
    """Records waiting for the user's TTE, per process model, filtered by a part of the tracking
    code and by the process (``app_label.model``); at most BATAS_BERKAS in all."""
    hasil = []
    sisa = BATAS_BERKAS
    for model, aksi in model_tte(pengguna):
        if proses and proses != model._meta.label_lower:
            continue
        sumber = {s for a in aksi for s in a.sumber}
        qs = model.untuk_pengguna(pengguna).filter(status__in=sumber)
        if q:
            qs = qs.filter(kode_lacak__icontains=q.strip().replace(" ", ""))
        baris = list(qs.order_by("tenggat", "dibuat_pada", "pk")[:sisa])
        sisa -= len(baris)
        if baris:
            hasil.append((model, baris))
        if sisa <= 0:
            break
    return hasil


def kunci_pilihan(model, pk) -> str:
    return f"{ContentType.objects.get_for_model(model).pk}:{pk}"


def _urai_pilihan(pilihan: Iterable[str]) -> list[tuple[int, int]]:
    hasil, lihat = [], set()
    for teks in pilihan:
        ct, _, pk = str(teks).partition(":")
        if not (ct.isdigit() and pk.isdigit()):
            continue
        kunci = (int(ct), int(pk))
        if kunci not in lihat:
            lihat.add(kunci)
            hasil.append(kunci)
    return hasil


# -- starting a batch (web) --------------------------------------------------------------------
def tte_massal_mulai(*, pengguna, pilihan: Iterable[str], passphrase: str) -> TTEMassal:
    """Create the batch of the selected records (``"<content type>:<pk>"``) and publish its job.

    The passphrase is checked in the worker, once; here only what needs no key: the official, the
    pause, an empty passphrase, the selection. Records the user may not open become refused items
    at once, with no detail that would reveal them.
    """
    from .services import passphrase_boleh_dicoba, pejabat_dari

    if not tte_massal_boleh(pengguna):
        raise PermissionDenied("Peran Anda tidak menandatangani dokumen.")
    pejabat = pejabat_dari(pengguna)
    passphrase_boleh_dicoba(pejabat=pejabat, passphrase=passphrase)
    kunci = _urai_pilihan(pilihan)
    if not kunci:
        raise AksiDitolak("Pilih minimal satu berkas untuk ditandatangani.")
    if len(kunci) > BATAS_BERKAS:
        raise AksiDitolak(f"Satu TTE massal paling banyak {BATAS_BERKAS} berkas.")

    tipe = ContentType.objects.in_bulk({ct for ct, _ in kunci})
    kode: dict[tuple[int, int], str] = {}
    for ct_id, ct in tipe.items():
        model = ct.model_class()
        if model is None or not issubclass(model, Proses) or not aksi_tte_model(model):
            continue
        pks = [pk for c, pk in kunci if c == ct_id]
        for pk, kl in model.untuk_pengguna(pengguna).filter(pk__in=pks).values_list("pk", "kode_lacak"):
            kode[(ct_id, pk)] = kl

    with transaction.atomic():
        batch = TTEMassal.objects.create(pejabat=pejabat, dibuat_oleh=pengguna)
        ItemTTEMassal.objects.bulk_create(
            ItemTTEMassal(
                batch=batch, content_type_id=ct, object_id=pk, kode_lacak=kode.get((ct, pk), ""),
                **({} if (ct, pk) in kode else {"status": ItemTTEMassal.Status.DITOLAK, "alasan": PESAN_TIDAK_DITEMUKAN}),
            )
            for ct, pk in kunci
            if ct in tipe
        )
        batch.token = bungkus(passphrase, batch_id=batch.pk)
        batch.save(update_fields=["token"])
        transaction.on_commit(lambda: antrekan(batch.pk))
    return batch


def antrekan(batch_id: int) -> bool:
    """Publish the batch's job (after commit); a broker that is down is left to the sweeper."""
    from . import jobs, tasks

    if jobs.terbitkan(tasks.tte_massal_jalankan, args=[batch_id]):
        TTEMassal.objects.filter(pk=batch_id).update(diantrekan_pada=timezone.now())
        return True
    return False


# -- running a batch (worker) ------------------------------------------------------------------
def tte_massal_jalankan(batch_id: int) -> str:
    """Run the batch under a lease: the passphrase once, then each record's TTE action."""
    from .jobs import masa_klaim
    from .services import passphrase_sekali

    sekarang = timezone.now()
    klaim = uuid.uuid4().hex
    S = TTEMassal.Status
    dapat = (
        TTEMassal.objects.filter(pk=batch_id)
        .filter(Q(status=S.MENUNGGU) | Q(status=S.DIPROSES, klaim_pada__lt=sekarang - masa_klaim()))
        .update(status=S.DIPROSES, klaim=klaim, klaim_pada=sekarang)
    )
    if not dapat:
        return TTEMassal.objects.filter(pk=batch_id).values_list("status", flat=True).first() or "tidak ada"
    batch = TTEMassal.objects.select_related("pejabat", "dibuat_oleh").get(pk=batch_id)
    try:
        passphrase = buka(batch.token, batch_id=batch.pk)
        with passphrase_sekali(pejabat=batch.pejabat, passphrase=passphrase):
            # BSrE finds a wrong passphrase only when it signs: the first document is signed before
            # the rest, so a wrong one costs one try at BSrE (its own lockout), not one per file.
            teruji = getattr(ambil_backend(), "memeriksa_passphrase", True)
            for item in batch.item.filter(status=ItemTTEMassal.Status.MENUNGGU).select_related("content_type"):
                # Each record renews the lease: a live batch is never taken over.
                if not TTEMassal.objects.filter(pk=batch_id, klaim=klaim).update(klaim_pada=timezone.now()):
                    return "klaim hilang"
                dokumen = _jalankan_item(item, pengguna=batch.dibuat_oleh, passphrase=passphrase)
                if not teruji and dokumen is not None:
                    _uji_dengan_dokumen_pertama(dokumen.pk)
                    teruji = True
    except AksiDitolak as exc:
        # Wrong passphrase, pause, expired seal: nothing more is signed; the items not yet run
        # carry the reason so that the progress bar ends and each can be retried.
        with transaction.atomic():
            batch.item.filter(status=ItemTTEMassal.Status.MENUNGGU).update(status=ItemTTEMassal.Status.DITOLAK, alasan=str(exc))
            TTEMassal.objects.filter(pk=batch_id, klaim=klaim).update(
                status=S.DITOLAK, alasan=str(exc), token="", klaim="", selesai_pada=timezone.now()
            )
        return "ditolak"
    except BaseException:
        try:
            TTEMassal.objects.filter(pk=batch_id, klaim=klaim).update(status=S.MENUNGGU, klaim="")
        except DatabaseError:
            log.warning("Klaim TTE massal %s tidak dapat dilepas; disapu setelah kedaluwarsa.", batch_id)
        raise
    TTEMassal.objects.filter(pk=batch_id, klaim=klaim).update(
        status=S.SELESAI, token="", klaim="", selesai_pada=timezone.now()
    )
    return "selesai"


def _dokumen_tte(objek) -> Dokumen | None:
    from .services import jenis_tte_untuk

    return (
        Dokumen.untuk(objek).filter(jenis=ambil_jenis(jenis_tte_untuk(objek)).kode, perlu_tte=True, aktif=True)
        .order_by("-pk").first()
    )


def _galat_form(form) -> str:
    return " ".join(str(e) for daftar in form.errors.values() for e in daftar) or "Isian aksi tidak sah."


def _uji_dengan_dokumen_pertama(dokumen_id: int, *, batas: float = 90) -> None:
    """Sign the batch's first document now (its job's lease keeps this single); AksiDitolak when
    the signing service refused the passphrase. Any other outcome lets the batch go on."""
    from . import jobs

    try:
        jobs.proses_dokumen(dokumen_id)
    except jobs.GalatPermanen as exc:
        jobs.tandai_gagal(dokumen_id, exc)
    except Exception:  # noqa: BLE001 - a passing error: the document's own job retries it
        log.warning("Dokumen pertama TTE massal %s belum dapat ditandatangani; dilanjutkan.", dokumen_id)
    akhir = time.monotonic() + batas
    while True:
        status, galat = Dokumen.objects.filter(pk=dokumen_id).values_list("status", "galat").get()
        if galat == PESAN_PASSPHRASE_SALAH and status != Dokumen.Status.SELESAI:
            raise AksiDitolak(PESAN_PASSPHRASE_SALAH)
        if status not in (Dokumen.Status.MENUNGGU, Dokumen.Status.DIPROSES) or time.monotonic() > akhir:
            return
        time.sleep(0.5)


def _jalankan_item(item: ItemTTEMassal, *, pengguna, passphrase: str) -> Dokumen | None:
    """One record: its TTE action through the kernel (the process's own service), or the retry of
    its document when the action ran earlier and only the signing failed."""
    try:
        with transaction.atomic():
            terkunci = ItemTTEMassal.objects.select_for_update().get(pk=item.pk)
            if terkunci.status != ItemTTEMassal.Status.MENUNGGU:
                return  # run by an earlier delivery
            model = item.content_type.model_class()
            objek = model.untuk_pengguna(pengguna).filter(pk=item.object_id).first() if model else None
            if objek is None:
                raise AksiDitolak(PESAN_TIDAK_DITEMUKAN)
            info = aksi_tte(objek)
            dokumen = None
            if objek.status not in info.sumber:
                dokumen = _ulangi_dokumen(objek, pengguna=pengguna, passphrase=passphrase)
            if dokumen is None:
                form = import_string(info.form)(
                    data={"versi": objek.versi, "passphrase": passphrase}, aksi=info, objek=objek, pengguna=pengguna
                )
                if not form.is_valid():
                    raise AksiDitolak(_galat_form(form))
                jalankan_dari_form(objek=objek, info=info, pengguna=pengguna, form=form)
                dokumen = _dokumen_tte(objek)
            terkunci.status, terkunci.dokumen, terkunci.alasan = ItemTTEMassal.Status.DIPROSES, dokumen, ""
            terkunci.save(update_fields=["status", "dokumen", "alasan"])
        return dokumen
    except (AksiDitolak, PermissionDenied, Http404) as exc:
        ItemTTEMassal.objects.filter(pk=item.pk, status=ItemTTEMassal.Status.MENUNGGU).update(
            status=ItemTTEMassal.Status.DITOLAK, alasan=str(exc) or PESAN_TIDAK_DITEMUKAN
        )
    return None


def _ulangi_dokumen(objek, *, pengguna, passphrase: str) -> Dokumen | None:
    """The record passed its TTE step but its signing failed (or the seal expired): sign the same
    document again, with the checks of ``dokumen_ulangi``."""
    from .services import dokumen_ulangi

    dokumen = (
        Dokumen.untuk(objek).filter(perlu_tte=True, aktif=True, ditandatangani_pada__isnull=True,
                                    status__in=(Dokumen.Status.GAGAL, Dokumen.Status.PERLU_TTE_ULANG))
        .order_by("-pk").first()
    )
    if dokumen is None:
        return None
    dokumen_ulangi(dokumen=dokumen, oleh=pengguna, passphrase=passphrase)
    return dokumen


# -- progress (selectors) ----------------------------------------------------------------------
STATUS_DOKUMEN_GAGAL = (Dokumen.Status.GAGAL, Dokumen.Status.PERLU_TTE_ULANG, Dokumen.Status.DITINGGALKAN)


def tte_massal_untuk_pengguna(pengguna, pk: int) -> TTEMassal:
    """A batch only its own official sees (404 for anyone else)."""
    batch = TTEMassal.objects.filter(pk=pk, dibuat_oleh=pengguna).first() if pengguna.is_authenticated else None
    if batch is None:
        raise Http404
    return batch


def tte_massal_hitung(batch: TTEMassal) -> dict:
    """signed / failed / left (and emailed) of a batch, in one query."""
    D = Dokumen.Status
    jalan = Q(status=ItemTTEMassal.Status.DIPROSES)
    n = batch.item.aggregate(
        total=Count("pk"),
        ditolak=Count("pk", filter=Q(status=ItemTTEMassal.Status.DITOLAK)),
        ditandatangani=Count("pk", filter=jalan & Q(dokumen__status=D.SELESAI, dokumen__ditandatangani_pada__isnull=False)),
        gagal_dokumen=Count("pk", filter=jalan & Q(dokumen__status__in=STATUS_DOKUMEN_GAGAL)),
        terkirim=Count("pk", filter=jalan & Q(dokumen__email_terkirim_pada__isnull=False)),
    )
    gagal = n["ditolak"] + n["gagal_dokumen"]
    sisa = n["total"] - n["ditandatangani"] - gagal
    return {
        "total": n["total"], "ditandatangani": n["ditandatangani"], "gagal": gagal, "sisa": sisa,
        "berjalan": n["total"] - sisa, "terkirim": n["terkirim"], "selesai": sisa == 0 and batch.status != TTEMassal.Status.MENUNGGU,
        "persen": round(100 * (n["total"] - sisa) / n["total"]) if n["total"] else 100,
    }


def tte_massal_kegagalan(batch: TTEMassal) -> list[dict]:
    """Each failed record with its reason (refused by the kernel, or its signing job failed)."""
    hasil = []
    qs = batch.item.filter(
        Q(status=ItemTTEMassal.Status.DITOLAK)
        | Q(status=ItemTTEMassal.Status.DIPROSES, dokumen__status__in=STATUS_DOKUMEN_GAGAL)
    ).select_related("dokumen")
    for item in qs:
        alasan = item.alasan if item.status == ItemTTEMassal.Status.DITOLAK else (item.dokumen.galat or item.dokumen.get_status_display())
        hasil.append({"item": item, "alasan": alasan, "kunci": f"{item.content_type_id}:{item.object_id}"})
    return hasil


# -- the sweeper -------------------------------------------------------------------------------
def sapu_tte_massal() -> int:
    """Publish again batches the broker lost or whose worker died (with ``jobs.sapu_pekerjaan``)."""
    from .jobs import masa_klaim

    sekarang = timezone.now()
    tenggang = sekarang - timedelta(seconds=settings.PEKERJAAN_TENGGANG)
    antre_ulang = sekarang - timedelta(seconds=settings.PEKERJAAN_ANTRE_ULANG)
    klaim_habis = sekarang - masa_klaim()
    S = TTEMassal.Status
    with transaction.atomic():
        pks = list(
            TTEMassal.objects.filter(
                Q(status=S.MENUNGGU, diantrekan_pada__isnull=True, dibuat_pada__lt=tenggang)
                | Q(status=S.MENUNGGU, diantrekan_pada__lt=antre_ulang)
                | (Q(status=S.DIPROSES, klaim_pada__lt=klaim_habis) & (Q(diantrekan_pada__isnull=True) | Q(diantrekan_pada__lt=klaim_habis)))
            ).select_for_update(skip_locked=True).values_list("pk", flat=True)[:100]
        )
        TTEMassal.objects.filter(pk__in=pks).update(diantrekan_pada=sekarang)
    for pk in pks:
        antrekan(pk)
    return len(pks)


def tte_massal_gagal(batch_id: int, exc: BaseException) -> None:
    """The batch job gave up (retries spent): the records not run yet are refused with the reason,
    so the progress page ends and lists them for a retry."""
    if isinstance(exc, DatabaseError):
        return  # left to the sweeper
    alasan = f"TTE massal terhenti ({type(exc).__name__}). Ulangi berkas ini."
    try:
        with transaction.atomic():
            ItemTTEMassal.objects.filter(batch_id=batch_id, status=ItemTTEMassal.Status.MENUNGGU).update(
                status=ItemTTEMassal.Status.DITOLAK, alasan=alasan
            )
            TTEMassal.objects.filter(pk=batch_id).exclude(status=TTEMassal.Status.SELESAI).update(
                status=TTEMassal.Status.SELESAI, token="", klaim="", alasan=alasan, selesai_pada=timezone.now()
            )
    except DatabaseError:
        log.warning("TTE massal %s tidak dapat ditandai gagal (basis data).", batch_id)
