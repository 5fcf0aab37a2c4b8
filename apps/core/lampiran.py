"""Attachment checks: type by content (magic bytes), not by name; size limit from settings."""

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

_EKSTENSI = {"application/pdf": {"pdf"}, "image/jpeg": {"jpg", "jpeg"}, "image/png": {"png"}}


def periksa_berkas(berkas) -> str:
    """Return the file's real MIME type or raise ValidationError with a message for the officer."""
    maks = settings.LAMPIRAN_UKURAN_MAKS
    if berkas.size > maks:
        raise ValidationError(
            "Ukuran berkas %(ukuran)s melebihi batas %(maks)s.",
            code="terlalu_besar",
            params={"ukuran": filesizeformat(berkas.size), "maks": filesizeformat(maks)},
        )
    if berkas.size == 0:
        raise ValidationError("Berkas kosong.", code="kosong")
    berkas.seek(0)
    kepala = berkas.read(8192)
    berkas.seek(0)
    jenis = filetype.guess_mime(kepala)
    if jenis not in settings.LAMPIRAN_JENIS_DIIZINKAN:
        raise ValidationError(
            "Jenis berkas tidak diterima. Unggah hasil pindaian dalam format PDF, JPG atau PNG.",
            code="jenis_ditolak",
        )
    nama = (getattr(berkas, "name", "") or "").lower()
    ext = nama.rsplit(".", 1)[-1] if "." in nama else ""
    if ext not in _EKSTENSI[jenis]:
        raise ValidationError(
            "Isi berkas tidak sesuai dengan namanya (.%(ext)s). Unggah berkas aslinya.",
            code="tersamar",
            params={"ext": ext or "tanpa ekstensi"},
        )
    return jenis


class LampiranField(forms.FileField):
    """A form field that accepts only what ``periksa_berkas`` accepts."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", f"PDF, JPG atau PNG; maksimal {filesizeformat(settings.LAMPIRAN_UKURAN_MAKS)}.")
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", ".pdf,.jpg,.jpeg,.png")

    def clean(self, data, initial=None):
        berkas = super().clean(data, initial)
        if berkas:
            periksa_berkas(berkas)
        return berkas
