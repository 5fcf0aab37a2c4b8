"""Forms of the kernel: the default action form and the queue filter."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .lampiran import LampiranField


class _AksiFormMixin:
    """What every action form has: ``versi`` (the version the user saw, so a stale page cannot
    overwrite someone else's step), a note (required, and called the reason, for returns) and an
    optional scan."""

    def __init__(self, *args, aksi=None, objek=None, pengguna=None, **kwargs):
        self.aksi = aksi
        self.objek = objek
        self.pengguna = pengguna
        super().__init__(*args, **kwargs)
        self.fields["versi"] = forms.IntegerField(widget=forms.HiddenInput)
        self.fields["catatan"] = forms.CharField(label="Catatan", required=False, widget=forms.Textarea(attrs={"rows": 3}))
        self.fields["lampiran"] = LampiranField(label="Lampiran (opsional)", required=False)
        if aksi is not None and aksi.wajib_catatan:
            f = self.fields["catatan"]
            f.required = True
            f.label = "Alasan"
            f.help_text = "Tuliskan apa yang kurang atau harus diperbaiki; penerima akan membacanya."
            f.error_messages["required"] = "Alasan wajib diisi."

    def data_aksi(self) -> dict:
        """Cleaned data handed to the transition: everything but the kernel's and the model's fields."""
        model_fields = getattr(getattr(self, "_meta", None), "fields", None) or ()
        lewati = {"versi", "catatan", "lampiran", *model_fields}
        return {k: v for k, v in self.cleaned_data.items() if k not in lewati}

    def daftar_lampiran(self) -> list:
        berkas = self.cleaned_data.get("lampiran")
        return [(berkas, "Lampiran aksi")] if berkas else []


class AksiForm(_AksiFormMixin, forms.Form):
    """The default action form. Subclass it to ask for the data a step needs."""


class AksiModelForm(_AksiFormMixin, forms.ModelForm):
    """An action form that edits fields of the record; they are saved with the transition."""


class PilihanCepat(forms.Select):
    """A <select> written in Python. Django's template widget includes one template per option
    (and one for its attributes): on a queue page, whose filter lists every state and service,
    that was the largest single cost of the page. Same markup, same options, same selection."""

    def render(self, name, value, attrs=None, renderer=None):
        terpilih = set(self.format_value(value))
        bagian = [format_html('<select name="{}"{}>', name, flatatt(self.build_attrs(self.attrs, attrs)))]
        for nilai, label in self.choices:
            if isinstance(label, (list, tuple)):
                bagian.append(format_html('<optgroup label="{}">', nilai))
                bagian.extend(self._opsi(v, lbl, terpilih) for v, lbl in label)
                bagian.append("</optgroup>")
            else:
                bagian.append(self._opsi(nilai, label, terpilih))
        bagian.append("</select>")
        return mark_safe("".join(bagian))

    @staticmethod
    def _opsi(nilai, label, terpilih) -> str:
        nilai = "" if nilai is None else str(nilai)
        return format_html('<option value="{}"{}>{}</option>', nilai, " selected" if nilai in terpilih else "", label)


class IsianCepat(forms.TextInput):
    """A text <input> written in Python, for the queue filter's search box: Django's template
    widget renders two templates for it. Same markup as Django's."""

    def render(self, name, value, attrs=None, renderer=None):
        nilai = self.format_value(value)
        isian = format_html(' value="{}"', nilai) if nilai is not None else ""
        return format_html('<input type="{}" name="{}"{}{}>', self.input_type, name, isian,
                           flatatt(self.build_attrs(self.attrs, attrs)))


class AntrianFilterForm(forms.Form):
    q = forms.CharField(label="Cari", required=False, widget=forms.TextInput(attrs={"placeholder": "Kode lacak, NIK atau nama"}))
    status = forms.ChoiceField(label="Status", required=False)

    def __init__(self, *args, status_choices=(), extra_fields=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "Semua status"), *status_choices]
        for nama, f in (extra_fields or {}).items():
            self.fields[nama] = f
        for f in self.fields.values():
            if type(f.widget) is forms.Select:
                f.widget.__class__ = PilihanCepat
            elif type(f.widget) is forms.TextInput:
                f.widget.__class__ = IsianCepat


class SerahkanForm(AksiForm):
    """The tail's handover: who received the document (the applicant, a proxy, a partner's officer)."""

    penerima = forms.CharField(label="Diterima oleh", max_length=120, error_messages={"required": "Nama penerima wajib diisi."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        penerima_awal = getattr(self.objek, "penerima_awal", None)
        if penerima_awal is not None and not self.is_bound:
            self.initial.setdefault("penerima", penerima_awal())
        self.order_fields(["penerima"])


class KirimEmailForm(AksiForm):
    """The tail's handover by email: the address the signed PDF goes to (prefilled from the file)."""

    email = forms.EmailField(
        label="Email pemohon", max_length=254,
        error_messages={"required": "Email wajib diisi untuk pengiriman lewat email.",
                        "invalid": "Alamat email tidak valid."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.objek is not None and not self.is_bound:
            self.initial.setdefault("email", getattr(self.objek, "email", ""))
        self.order_fields(["email"])
