"""Copies kept in one process for a few seconds, of what barely changes and every page reads
(a queue's service options, the incident banner). Never state: each copy has its bound, is
dropped at once where the change is made, and within the bound in the other processes."""

from __future__ import annotations

import time
from collections.abc import Callable


class SimpananProses:
    _semua: list[SimpananProses] = []

    def __init__(self, detik: float):
        self.detik = detik
        self._isi: dict = {}
        SimpananProses._semua.append(self)

    def ambil(self, kunci, buat: Callable):
        """The copy under ``kunci``, made with ``buat()`` when missing or older than the bound."""
        ada = self._isi.get(kunci)
        if ada is None or time.monotonic() - ada[0] >= self.detik:
            ada = (time.monotonic(), buat())
            self._isi[kunci] = ada
        return ada[1]

    def lupakan(self, *args, **kwargs) -> None:
        """Drop every copy (usable as a signal receiver)."""
        self._isi.clear()

    def lupakan_saat_berubah(self, model) -> None:
        """Drop every copy whenever a ``model`` row is saved or deleted in this process."""
        from django.db.models.signals import post_delete, post_save

        for sinyal in (post_save, post_delete):
            sinyal.connect(self.lupakan, sender=model, weak=False,
                           dispatch_uid=f"simpanan-{id(self)}-{model._meta.label}-{id(sinyal)}")

    @classmethod
    def lupakan_semua(cls) -> None:
        for simpanan in cls._semua:
            simpanan.lupakan()
