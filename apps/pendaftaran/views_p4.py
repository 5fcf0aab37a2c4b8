"""The blangko register page: the stock on hand and its use per day (kabid, kadis, operator SIAK),
and the receipt of a delivery (operator SIAK)."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone

from apps.core.peran import punya_peran
from apps.core.workflow import AksiDitolak

from .selectors_p4 import blangko_per_hari, stok_sekarang
from .services_p4 import blangko_terima

PERAN_LIHAT_BLANGKO = ("kabid", "kadis", "operator_siak")


class TerimaBlangkoForm(forms.Form):
    jumlah = forms.IntegerField(label="Jumlah blangko diterima", min_value=1, max_value=100_000,
                                error_messages={"required": "Jumlah wajib diisi.",
                                                "min_value": "Jumlah harus lebih dari 0."})
    keterangan = forms.CharField(label="Keterangan (mis. nomor berita acara kiriman)", max_length=200, required=False)


@login_required
def blangko_register(request):
    if not punya_peran(request.user, PERAN_LIHAT_BLANGKO):
        raise PermissionDenied("Halaman ini untuk kabid, kadis dan operator SIAK.")
    boleh_terima = punya_peran(request.user, ["operator_siak"])
    form = TerimaBlangkoForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not boleh_terima:
            raise PermissionDenied("Penerimaan blangko dicatat oleh operator SIAK.")
        if form.is_valid():
            try:
                stok = blangko_terima(jumlah=form.cleaned_data["jumlah"], oleh=request.user,
                                      keterangan=form.cleaned_data["keterangan"])
            except AksiDitolak as exc:
                form.add_error("jumlah", str(exc))
            else:
                messages.success(request, f"Penerimaan dicatat. Stok blangko KTP-el sekarang {stok.stok} keping.")
                return redirect("pendaftaran:blangko")
        status = 400
    hari_ini = timezone.localdate()
    return render(request, "pendaftaran/blangko.html", {
        "stok": stok_sekarang(), "hari": blangko_per_hari(dari=hari_ini - timedelta(days=30), sampai=hari_ini),
        "form": form if boleh_terima else None,
    }, status=status)


class KunjunganForm(forms.Form):
    tanggal = forms.DateField(label="Tanggal", widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}))


@login_required
def daftar_kunjungan(request):
    """P.4.3.2: the printable list of scheduled home recordings for one day, for the team."""
    from .models.perekaman_lansia import PerekamanLansia, StatusLansia, TempatRekam

    if not punya_peran(request.user, ("operator_rekam", "verifikator", "kabid")):
        raise PermissionDenied("Halaman ini untuk tim perekaman.")
    form = KunjunganForm(request.GET or {"tanggal": timezone.localdate().isoformat()})
    tanggal = form.cleaned_data["tanggal"] if form.is_valid() else timezone.localdate()
    kunjungan = PerekamanLansia.objects.filter(
        status=StatusLansia.DIJADWALKAN, tempat=TempatRekam.RUMAH, tanggal_rekam=tanggal).order_by("alamat_kunjungan")
    return render(request, "pendaftaran/kunjungan.html", {"form": form, "tanggal": tanggal, "kunjungan": kunjungan})
