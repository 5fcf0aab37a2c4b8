"""§5: a preview of the document a record will issue, for the verifier and the signing official
before they act.

Rendered from the record's ``data_dokumen`` with the document's own template, but: watermarked
"DRAF" on every page, no number (none is drawn), no verification code or QR (it would open
nothing), not signed, and never stored — nothing is written but the access log row of the view.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from apps.core.workflow import AksiDitolak

from .jenis import ambil_jenis
from .models import Dokumen

TANPA_NOMOR = "DRAF — nomor diberikan saat dokumen diterbitkan"

# Fixed elements repeat on every page in WeasyPrint: the watermark covers each page.
TANDA_AIR = (
    '<div style="position:fixed;top:38%;left:0;right:0;text-align:center;transform:rotate(-30deg);'
    "font-size:110pt;font-weight:bold;letter-spacing:12pt;color:rgba(200,0,0,0.18);z-index:1000;"
    'pointer-events:none">DRAF</div>'
    '<div style="position:fixed;bottom:-8mm;left:0;right:0;text-align:center;font-size:9pt;color:#b00;z-index:1000">'
    "DRAF — pratinjau, bukan dokumen resmi: tidak bernomor dan tidak ditandatangani</div>"
)


def jenis_pratinjau(objek) -> str | None:
    """The type of the document the record issues at its TTE step, or None when it names none."""
    from .services import jenis_tte_untuk

    if not hasattr(objek, "data_dokumen"):
        return None
    try:
        jenis = jenis_tte_untuk(objek)
        ambil_jenis(jenis)
    except (AksiDitolak, LookupError):
        return None
    return jenis


def pratinjau_buat(*, objek) -> tuple[str, bytes]:
    """(title, PDF bytes) of the draft; AksiDitolak when the record issues no document."""
    from .jobs import konteks_dokumen
    from .render import render_pdf

    kode = jenis_pratinjau(objek)
    if kode is None:
        raise AksiDitolak("Berkas ini tidak menerbitkan dokumen yang dapat dipratinjau.")
    jenis = ambil_jenis(kode)
    nama, nik = objek.pemilik_dokumen() if hasattr(objek, "pemilik_dokumen") else ("", "")
    # An unsaved row: the templates read it like an issued one; it is never saved.
    dokumen = Dokumen(
        content_type_id=None, object_id=objek.pk, jenis=kode, judul=jenis.judul, kunci_nomor="",
        tahun=timezone.localdate().year, urut=0, nomor=TANPA_NOMOR, kode_verifikasi="DRAF",
        pemilik_nama=nama or "", pemilik_nik=nik or "", perlu_tte=False, dibuat_pada=timezone.now(),
    )
    try:
        konteks = konteks_dokumen(dokumen, objek)
    except ObjectDoesNotExist:
        # The record's data for this document exists only once an earlier step has run.
        raise AksiDitolak("Pratinjau dokumen ini belum tersedia pada tahap berkas sekarang.") from None
    konteks.update(qr_verifikasi="", url_verifikasi="", pejabat=None, pratinjau=True)
    konteks["data"] = dict(konteks["data"])
    for kunci in ("nomor_akta", "nomor"):
        for tempat in (konteks, konteks["data"]):
            if tempat.get(kunci):
                tempat[kunci] = TANPA_NOMOR
    with translation.override("id"):
        html = render_to_string(jenis.template, konteks)
    html = html.replace("</body>", TANDA_AIR + "</body>", 1) if "</body>" in html else html + TANDA_AIR
    return jenis.judul, render_pdf(html).pdf
