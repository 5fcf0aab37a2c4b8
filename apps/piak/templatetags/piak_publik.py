"""What PIAK adds to the citizen's status page: the answer to an information request or complaint
(with the one reopening), and the satisfaction survey (SKM) once a request is finished."""

from functools import cache

from django import template

register = template.Library()


@register.inclusion_tag("piak/_panel_warga.html", takes_context=True)
def panel_warga(context, objek):
    from apps.piak.models import Pengaduan

    hasil = {"objek": objek, "csrf_token": context.get("csrf_token"), "pengaduan": None}
    if isinstance(objek, Pengaduan):
        hasil["pengaduan"] = objek
        hasil["boleh_buka_ulang"] = objek.boleh_buka_ulang()
        hasil["form_buka_ulang"] = _form_buka_ulang() if hasil["boleh_buka_ulang"] else None
        if hasil["boleh_buka_ulang"]:
            from apps.piak.models import Pengaturan

            hasil["batas_hari"] = Pengaturan.aktif().buka_ulang_hari
    try:
        from apps.piak.selectors import undangan_skm

        hasil["skm"] = undangan_skm(objek)
    except ImportError:
        hasil["skm"] = None
    return hasil


@cache
def _form_buka_ulang() -> dict:
    """The blank reopening field, drawn once per process: the form is never bound here (it posts
    to its own view), and drawing a widget costs more than the rest of the panel."""
    from apps.piak.forms import BukaUlangForm

    isian = BukaUlangForm()["alasan"]
    return {"label": isian.label, "isian": isian.as_widget()}  # marked safe by Django
