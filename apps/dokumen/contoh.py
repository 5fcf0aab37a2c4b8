"""Signed samples of every registered document type (``manage.py contoh_dokumen``, bench).

A sample is a real ``Dokumen`` row (numbered, with its verification code and hash) so that its
QR opens a working verification page. Samples have no process record; their generic relation
points at the signing official's own ``Pejabat`` row, and their data is the type's ``contoh``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from .jenis import JenisDokumen
from .jobs import buat_pdf
from .models import Dokumen, Pejabat
from .services import _dokumen_buat


@dataclass
class ObjekContoh:
    """Stands in for a process record when a sample is rendered."""

    jenis: JenisDokumen
    # The sample's data when not the type's own (one of its ``contoh_varian``).
    data: dict | None = None
    kode_lacak: str = "CONTOH-0001"
    pin: str = "123456"
    dibuat_pada: object = field(default_factory=timezone.now)
    tenggat: object = field(default_factory=lambda: timezone.localdate() + timedelta(days=7))

    @property
    def ringkasan(self) -> str:
        return f"Contoh {self.jenis.judul}"

    def data_dokumen(self, jenis: str) -> dict:
        return dict(self.data or self.jenis.contoh or {})

    def pemilik_dokumen(self) -> tuple[str, str]:
        data = self.data or self.jenis.contoh or {}
        return (data.get("nama", ""), data.get("nik", ""))


def pejabat_contoh() -> Pejabat:
    """The demo kadis if present, else a sample official made for the purpose."""
    pejabat = Pejabat.objects.filter(aktif=True, user__username="kadis").first() or Pejabat.objects.filter(aktif=True).first()
    if pejabat:
        return pejabat
    user, _ = get_user_model().objects.get_or_create(username="contoh-pejabat", defaults={"first_name": "Contoh", "is_active": False})
    return Pejabat.objects.create(
        user=user, nama="Contoh Pejabat, S.H.", nip="199001012020121001", jabatan="Kepala Dinas Kependudukan dan Pencatatan Sipil"
    )


def buat_contoh(jenis: JenisDokumen, *, pejabat: Pejabat, passphrase: str, data: dict | None = None) -> tuple[Dokumen, bytes]:
    """Issue, render, sign and store one sample (``data``: a variant's, else the type's own);
    return it with its PDF bytes."""
    objek = ObjekContoh(jenis=jenis, data=data)
    with transaction.atomic():
        dokumen = _dokumen_buat(objek=pejabat, jenis=jenis.kode, pejabat=pejabat)
        nama, nik = objek.pemilik_dokumen()
        dokumen.pemilik_nama, dokumen.pemilik_nik = nama, nik
        sekarang = timezone.now()
        pdf = buat_pdf(dokumen, passphrase=passphrase, waktu=sekarang, objek=objek)
        dokumen.berkas.save("contoh.pdf", ContentFile(pdf), save=False)
        dokumen.sha256 = hashlib.sha256(pdf).hexdigest()
        dokumen.ukuran = len(pdf)
        dokumen.status = Dokumen.Status.SELESAI
        dokumen.ditandatangani_pada = sekarang
        dokumen.selesai_pada = sekarang
        dokumen.save()
    return dokumen, pdf
