"""Reads of P.1.2.1.2 and P.1.2.2 that the kernel's generic views do not cover."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from .models import Disposisi, StatusSuratKeluar, StatusSuratMasuk, SuratKeluar, SuratMasuk


def arsip_cari(
    *, kode: str = "", dari: date | None = None, sampai: date | None = None, pengirim: str = "", perihal: str = "",
    jenis: str = "masuk",
) -> QuerySet[SuratMasuk] | QuerySet[SuratKeluar]:
    """P.1.2.2 — filed letters by archive code (the code and everything under it), date of the
    letter, sender and subject (parts of words, case-insensitive), newest first.

    Every condition has an index: the partial indexes on the filed letters' date and code, and on
    PostgreSQL trigram indexes for sender and subject (migration 0003).
    """
    if jenis == "keluar":
        return _arsip_keluar(kode=kode, dari=dari, sampai=sampai, tujuan=pengirim, hal=perihal)
    qs = SuratMasuk.objects.filter(status=StatusSuratMasuk.DIARSIPKAN).select_related("klasifikasi")
    if kode:
        kode = kode.rstrip(".")
        # The code itself or a code below it: 400.1 finds 400.1.2 but not 400.12.
        qs = qs.filter(Q(klasifikasi__kode=kode) | Q(klasifikasi__kode__startswith=f"{kode}."))
    if dari:
        qs = qs.filter(tanggal_surat__gte=dari)
    if sampai:
        qs = qs.filter(tanggal_surat__lte=sampai)
    if pengirim:
        qs = qs.filter(pengirim__icontains=pengirim)
    if perihal:
        qs = qs.filter(perihal__icontains=perihal)
    return qs.order_by("-tanggal_surat", "-pk")


def _filter_kode(qs: QuerySet, kode: str) -> QuerySet:
    kode = kode.rstrip(".")
    return qs.filter(Q(klasifikasi__kode=kode) | Q(klasifikasi__kode__startswith=f"{kode}."))


def _arsip_keluar(*, kode: str, dari: date | None, sampai: date | None, tujuan: str, hal: str) -> QuerySet[SuratKeluar]:
    """P.1.2.2 — filed outgoing letters (P.1.2.1.1), searched as the incoming ones: the addressee
    stands for the sender and the ``hal`` for the subject."""
    qs = SuratKeluar.objects.filter(status=StatusSuratKeluar.DIARSIPKAN).select_related("klasifikasi")
    if kode:
        qs = _filter_kode(qs, kode)
    if dari:
        qs = qs.filter(tanggal_surat__gte=dari)
    if sampai:
        qs = qs.filter(tanggal_surat__lte=sampai)
    if tujuan:
        qs = qs.filter(kepada__icontains=tujuan)
    if hal:
        qs = qs.filter(hal__icontains=hal)
    return qs.order_by("-tanggal_surat", "-pk")


def tujuan_surat(surat: SuratMasuk) -> QuerySet[Disposisi]:
    """The targets of a letter's disposition with whom they name and who acted (one query)."""
    return surat.disposisi.select_related("pengguna", "diantar_oleh", "ditindaklanjuti_oleh", "tanda_terima")
