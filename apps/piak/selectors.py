"""Reads of PIAK: the IKM (Indeks Kepuasan Masyarakat) of a period, per service, for the leaders'
dashboard and the public page; the SKM invitation of a finished request."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Q

from apps.core.kueri import KueriTetap

from .models import UNSUR_SKM, JawabanSkm, Pengaturan

KINERJA = {"A": "Sangat baik", "B": "Baik", "C": "Kurang baik", "D": "Tidak baik"}


@dataclass
class HasilIkm:
    responden: int
    ikm: Decimal | None  # 25.00–100.00, or None without respondents
    mutu: str  # A–D, "" without respondents
    kinerja: str
    unsur: list[tuple[str, str, Decimal]] = field(default_factory=list)  # (code, label, element average)

    @property
    def nilai_interval(self) -> Decimal | None:
        """The index on the 1–4 scale (IKM / 25)."""
        return None if self.ikm is None else (self.ikm / 25).quantize(Decimal("0.0001"))


def mutu_ikm(nilai: Decimal, pengaturan: Pengaturan | None = None) -> str:
    """The grade of an IKM (converted scale). The limits are kept in admin (Pengaturan) and are
    unverified against the regulation's annex."""
    p = pengaturan or Pengaturan.aktif()
    for mutu, batas in (("A", p.ikm_batas_a), ("B", p.ikm_batas_b), ("C", p.ikm_batas_c), ("D", p.ikm_batas_d)):
        if nilai >= batas:
            return mutu
    return "D"


def hitung_ikm(rata_unsur: list[Decimal]) -> Decimal:
    """Permenpan RB 14/2017: each element's average (NRR) weighted equally (1/9), summed, × 25 —
    the mean of the element averages × 25, rounded to two decimals."""
    rata = sum(rata_unsur, Decimal(0)) / len(rata_unsur)
    return (rata * 25).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _hasil(baris: dict, pengaturan: Pengaturan | None = None) -> HasilIkm:
    n = baris["n"]
    if not n:
        return HasilIkm(responden=0, ikm=None, mutu="", kinerja="")
    unsur = [(k, label, Decimal(str(baris[k])).quantize(Decimal("0.0001"))) for k, label in UNSUR_SKM]
    # Computed from the exact means (not the rounded ones shown).
    nilai = hitung_ikm([Decimal(str(baris[k])) for k, _ in UNSUR_SKM])
    mutu = mutu_ikm(nilai, pengaturan)
    return HasilIkm(responden=n, ikm=nilai, mutu=mutu, kinerja=KINERJA[mutu], unsur=unsur)


def _agregat():
    return {"n": Count("pk"), **{k: Avg(k) for k, _ in UNSUR_SKM}}


def ikm(periode_awal: datetime.date, periode_akhir: datetime.date, kode_layanan: str | None = None) -> HasilIkm:
    """The IKM of the answers dated in [periode_awal, periode_akhir], of one service (its process
    code, e.g. "P.6.2") or of all: one query."""
    qs = JawabanSkm.objects.filter(tanggal__gte=periode_awal, tanggal__lte=periode_akhir)
    if kode_layanan:
        # A model may declare several codes ("P.4.1.1, P.4.1.2"): any of them matches.
        qs = qs.filter(Q(kode_layanan=kode_layanan) | Q(kode_layanan__startswith=f"{kode_layanan},")
                       | Q(kode_layanan__endswith=f", {kode_layanan}") | Q(kode_layanan__contains=f", {kode_layanan},"))
    return _hasil(qs.aggregate(**_agregat()))


def ikm_per_layanan(periode_awal: datetime.date, periode_akhir: datetime.date) -> list[tuple[str, str, HasilIkm]]:
    """(process code, service, IKM) per service with answers in the period: one query."""
    baris = (JawabanSkm.objects.filter(tanggal__gte=periode_awal, tanggal__lte=periode_akhir)
             .values("kode_layanan", "layanan").annotate(**_agregat()).order_by("kode_layanan", "layanan"))
    pengaturan = Pengaturan.aktif()  # read once, not once per service
    return [(b["kode_layanan"], b["layanan"], _hasil(b, pengaturan)) for b in baris]


def undangan_skm(objek) -> str:
    """The survey link of a finished citizen request not answered yet, else ""."""
    from .services.skm import boleh_survei, kunci_permohonan, url_survei

    if not boleh_survei(objek):
        return ""
    if _SKM_DIJAWAB.baris(kunci_permohonan(objek)):
        return ""
    return url_survei(objek, absolut=False)


# Compiled once per process: every status page of a finished request asks it.
_SKM_DIJAWAB = KueriTetap(lambda kunci: JawabanSkm.objects.filter(kunci=kunci).order_by().values_list("pk")[:1],
                          penanda=("~",))


def waktu_penyelesaian_insiden(periode_awal: datetime.date, periode_akhir: datetime.date) -> dict:
    """P.6.1 time to resolve of the incidents reported in the period: how many were fixed, and the
    mean and longest time from the report to the internal check (one query)."""
    from django.db.models import DurationField, ExpressionWrapper, F, Max

    from .models import Insiden

    durasi = ExpressionWrapper(F("dipulihkan_pada") - F("dibuat_pada"), output_field=DurationField())
    baris = (Insiden.objects.filter(dibuat_pada__date__gte=periode_awal, dibuat_pada__date__lte=periode_akhir)
             .aggregate(jumlah=Count("pk"), pulih=Count("dipulihkan_pada"),
                        rata=Avg(durasi, filter=Q(dipulihkan_pada__isnull=False)),
                        terlama=Max(durasi, filter=Q(dipulihkan_pada__isnull=False))))
    return baris
