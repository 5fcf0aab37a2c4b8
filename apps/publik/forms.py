from django import forms

from apps.core.kode import normalkan_kode_lacak


class CekStatusForm(forms.Form):
    kode = forms.CharField(
        label="Kode lacak", max_length=20,
        widget=forms.TextInput(attrs={"placeholder": "mis. 7KQ4-M9TZ-3HXR", "autocomplete": "off", "class": "kode-lacak"}),
        error_messages={"required": "Kode lacak wajib diisi."},
        help_text="Tercetak pada tanda terima.",
    )
    pin = forms.CharField(
        label="PIN", max_length=6, min_length=6,
        widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": "PIN wajib diisi.", "min_length": "PIN terdiri dari 6 angka.", "max_length": "PIN terdiri dari 6 angka."},
        help_text="6 angka di bawah kode lacak pada tanda terima.",
    )

    def clean_kode(self):
        # A malformed code is treated like an unknown one (the same generic message), so it is
        # not rejected here.
        return normalkan_kode_lacak(self.cleaned_data["kode"]) or self.cleaned_data["kode"].strip().upper()
