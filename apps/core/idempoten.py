"""One record per intake form, however often it is submitted.

The form carries a hidden one-time key (``FormIdempotenMixin``) issued when the page is rendered.
``buat_sekali`` runs the creating service and records the key in the same transaction; a second
submission with the same key returns the record the first one created. A retried POST after a
timeout or an HTTP 500 (the database committed, the answer was lost) therefore never creates a
duplicate request.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction

from .models import KunciIdempoten

T = TypeVar("T")
NAMA_FIELD = "kunci_idempoten"


class FormIdempotenMixin:
    """Adds the hidden ``kunci_idempoten`` field; a fresh key on every unbound form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[NAMA_FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False, max_length=64, initial=uuid.uuid4().hex
        )

    def kunci_idempoten(self) -> str:
        return (self.cleaned_data.get(NAMA_FIELD) or "").strip()


def objek_dari_kunci(kunci: str):
    """The record created by an earlier submission with ``kunci``, or None."""
    if not kunci:
        return None
    baris = KunciIdempoten.objects.filter(kunci=kunci).select_related("content_type").first()
    return baris.objek if baris else None


def buat_sekali(*, kunci: str, pengguna, buat: Callable[[], T]) -> tuple[T, bool]:
    """Run ``buat`` once per key: returns (record, created). Without a key it simply creates."""
    if not kunci:
        return buat(), True
    ada = objek_dari_kunci(kunci)
    if ada is not None:
        return ada, False
    try:
        with transaction.atomic():
            objek = buat()
            KunciIdempoten.objects.create(
                kunci=kunci,
                pengguna=pengguna if getattr(pengguna, "pk", None) else None,
                content_type=ContentType.objects.get_for_model(objek),
                object_id=objek.pk,
            )
    except IntegrityError:
        # A concurrent submission with the same key committed first: ours rolled back whole.
        ada = objek_dari_kunci(kunci)
        if ada is None:
            raise
        return ada, False
    return objek, True
