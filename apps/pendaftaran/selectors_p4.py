"""Read-side of P.4.2–P.4.5: the blangko stock and its use per day (the Kabid's daily KTP-el figure)."""

from __future__ import annotations

from django.db.models import Count, Q, Sum

from .models.blangko import JenisBlangko, MutasiBlangko, StokBlangko


def stok_sekarang(jenis: str = JenisBlangko.KTP_EL) -> int:
    return StokBlangko.objects.filter(jenis=jenis).values_list("stok", flat=True).first() or 0


def blangko_per_hari(*, dari, sampai, jenis: str = JenisBlangko.KTP_EL) -> list[dict]:
    """One row per day with movements in [dari, sampai], newest first: received, used, spoiled (a
    reprint's card) and the stock at the end of that day (worked back from today's stock). Two
    queries whatever the number of days."""
    G = MutasiBlangko.Gerak
    stok = stok_sekarang(jenis)
    hari = (
        MutasiBlangko.objects.filter(jenis=jenis, tanggal__gte=dari)
        .values("tanggal")
        .annotate(terima=Sum("jumlah", filter=Q(gerak=G.TERIMA), default=0),
                  pakai=Sum("jumlah", filter=Q(gerak=G.PAKAI), default=0),
                  rusak=Sum("jumlah", filter=Q(gerak=G.RUSAK), default=0), n=Count("pk"))
        .order_by("-tanggal")
    )
    baris = []
    for h in hari:
        if h["tanggal"] <= sampai:
            baris.append({"tanggal": h["tanggal"], "diterima": h["terima"], "dipakai": h["pakai"],
                          "rusak": h["rusak"], "stok_akhir": stok})
        stok -= h["terima"] - h["pakai"] - h["rusak"]
    return baris


def stok_blangko(*, dari, sampai) -> list[dict]:
    """For the dashboard (apps.dasbor SUMBER_TAMBAHAN): the stock on hand, then the use per day."""
    return [{"tanggal": "Stok saat ini", "diterima": "", "dipakai": "", "rusak (cetak ulang)": "",
             "stok akhir hari": stok_sekarang()},
            *({"tanggal": h["tanggal"], "diterima": h["diterima"], "dipakai": h["dipakai"],
               "rusak (cetak ulang)": h["rusak"], "stok akhir hari": h["stok_akhir"]}
              for h in blangko_per_hari(dari=dari, sampai=sampai))]
