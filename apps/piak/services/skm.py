"""SKM: who may answer (a finished citizen request, once), the link sent by email and shown on the
status page, and the anonymous answer."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from apps.core.indeks import nama_layanan
from apps.core.peta import teks_kode
from apps.core.workflow import AksiDitolak

from ..models import JawabanSkm

GARAM = "piak.skm"
MASA_BERLAKU = 180 * 24 * 3600  # the emailed link works for half a year
# States that end a request without a service delivered: no survey (rejected, cancelled,
# closed as spam, redirected elsewhere). A model may name its own with ``STATUS_TANPA_SKM``.
_KATA_TANPA_SKM = ("tolak", "batal", "tutup", "alih", "gagal")


def boleh_survei(objek) -> bool:
    model = type(objek)
    if not getattr(model, "DILACAK_PEMOHON", False) or not objek.selesai:
        return False
    tanpa = getattr(model, "STATUS_TANPA_SKM", None)
    if tanpa is not None:
        return objek.status not in tanpa
    return not any(k in str(objek.status) for k in _KATA_TANPA_SKM)


def kunci_permohonan(objek) -> str:
    """A keyed hash of the request: the answer cannot be joined back to it without the key."""
    ct = ContentType.objects.get_for_model(objek)
    pesan = f"{ct.pk}:{objek.pk}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"skm|" + pesan, hashlib.sha256).hexdigest()


def token_survei(objek) -> str:
    ct = ContentType.objects.get_for_model(objek)
    return signing.dumps([ct.pk, objek.pk], salt=GARAM, compress=True)


def url_survei(objek, *, absolut: bool = True) -> str:
    jalur = reverse("piak:skm-isi", args=[token_survei(objek)])
    return f"{settings.SITE_URL}{jalur}" if absolut else jalur


def objek_dari_token(token: str):
    """The request a survey link belongs to, or None (forged, expired, gone)."""
    try:
        ct_id, pk = signing.loads(token, salt=GARAM, max_age=MASA_BERLAKU)
        model = ContentType.objects.get_for_id(ct_id).model_class()
    except (signing.BadSignature, ValueError, TypeError, ContentType.DoesNotExist):
        return None
    if model is None:
        return None
    return model._default_manager.filter(pk=pk).first()


def skm_jawab(*, objek, nilai: dict[str, int], saran: str = "") -> JawabanSkm:
    """Store the anonymous answer of ``objek``'s citizen; a second answer is refused."""
    if not boleh_survei(objek):
        raise AksiDitolak("Survei dapat diisi setelah layanan selesai.")
    try:
        with transaction.atomic():
            return JawabanSkm.objects.create(
                kunci=kunci_permohonan(objek), kode_layanan=teks_kode(type(objek))[:60],
                layanan=nama_layanan(objek)[:200], tanggal=timezone.localdate(), saran=saran.strip()[:2000], **nilai,
            )
    except IntegrityError:
        raise AksiDitolak("Survei untuk permohonan ini sudah diisi. Terima kasih.") from None


def skm_undang(objek) -> bool:
    """Email the survey link of a finished citizen request once (UndanganSkm keeps who was asked,
    by the request's keyed hash only)."""
    from ..models import UndanganSkm
    from .pemberitahuan import pemberitahuan_buat

    email = getattr(objek, "email_pemohon", "") or ""
    if not email or not boleh_survei(objek):
        return False
    with transaction.atomic():
        _, baru = UndanganSkm.objects.get_or_create(kunci=kunci_permohonan(objek))
        if not baru:
            return False
        pemberitahuan_buat(template="skm_undangan", email=email,
                           konteks={"layanan": nama_layanan(objek), "url": url_survei(objek)})
    return True


def skm_undang_selesai(*, hari: int = 7) -> int:
    """Invite the citizens of every request finished in the last ``hari`` days (the beat task):
    read from the cross-process index, so every process, present and future, is covered."""
    from datetime import timedelta

    from apps.core.models import IndeksProses

    jumlah = 0
    batas = timezone.now() - timedelta(days=hari)
    baris = IndeksProses.objects.filter(selesai=True, dilacak_pemohon=True, diperbarui_pada__gte=batas)
    for ct_id, pk in baris.values_list("content_type_id", "object_id").iterator():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        objek = model._default_manager.filter(pk=pk).first() if model else None
        if objek is not None and skm_undang(objek):
            jumlah += 1
    return jumlah
