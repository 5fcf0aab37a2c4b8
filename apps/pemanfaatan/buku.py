"""The book Agregat Kependudukan: its template context, with charts drawn here as SVG (no script
in the PDF), and the same suppressed tables as the public page."""

from __future__ import annotations

import base64

from django.utils.html import escape

from .agregat import tabel_publik

LEBAR, TINGGI_BARIS = 640, 18


def _angka(n) -> str:
    return "<{}".format("ambang") if n is None else f"{n:,}".replace(",", ".")


def svg_batang(judul: str, label: list[str], nilai: list[int | None]) -> str:
    """A horizontal bar chart; a suppressed value is drawn as an empty bar marked "disamarkan"."""
    kiri, kanan_teks = 210, 70
    lebar_bar = LEBAR - kiri - kanan_teks
    maks = max([n for n in nilai if n] or [1])
    tinggi = 28 + TINGGI_BARIS * len(label) + 6
    bagian = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{LEBAR}" height="{tinggi}" '
              f'viewBox="0 0 {LEBAR} {tinggi}" role="img" aria-label="{escape(judul)}">',
              f'<text x="0" y="14" font-size="12" font-weight="bold" font-family="sans-serif">Grafik: {escape(judul)}</text>']
    for i, (lab, n) in enumerate(zip(label, nilai, strict=True)):
        y = 24 + i * TINGGI_BARIS
        w = 0 if not n else max(1, round(lebar_bar * n / maks))
        bagian.append(f'<text x="{kiri - 6}" y="{y + 12}" font-size="10" text-anchor="end" '
                      f'font-family="sans-serif">{escape(lab[:38])}</text>')
        bagian.append(f'<rect x="{kiri}" y="{y + 2}" width="{w}" height="{TINGGI_BARIS - 5}" fill="#1f5fa8"/>')
        teks = "disamarkan" if n is None else _angka(n)
        bagian.append(f'<text x="{kiri + w + 4}" y="{y + 12}" font-size="10" font-family="sans-serif">{teks}</text>')
    bagian.append("</svg>")
    return "".join(bagian)


def konteks_buku(publikasi) -> dict:
    snapshot = publikasi.snapshot
    tabel = tabel_publik(snapshot, ambang=publikasi.ambang_sel_kecil)
    for t in tabel:
        t.svg = svg_batang(t.judul, t.kategori, t.total.get("sel", []))
        t.svg_b64 = base64.b64encode(t.svg.encode()).decode()
    return {"publikasi": publikasi, "snapshot": snapshot, "tabel": tabel, "ambang": publikasi.ambang_sel_kecil,
            "nama": "Agregat Kependudukan Kota Pasuruan", "nik": ""}
