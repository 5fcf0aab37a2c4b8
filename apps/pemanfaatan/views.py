"""Pages of P.7 beyond the kernel's queue, detail and action views: the intake forms, the
agreement register, and the public pages (active agreements, statistics, innovations)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from apps.core.peran import punya_peran
from apps.core.views import DetailView

from .forms import PerjanjianForm
from .models import PerjanjianData, StatusPerjanjian
from .services import perjanjian_catat

PERAN_REGISTER = ("admin_piak", "kabid", "kadis")


class PerjanjianDetail(DetailView):
    pass


@login_required
def perjanjian_baru(request: HttpRequest) -> HttpResponse:
    """P.7.1 — admin PIAK records an institution's application for a PKS."""
    if not punya_peran(request.user, ["admin_piak"]):
        raise PermissionDenied("Permohonan PKS dicatat oleh admin PIAK.")
    form = PerjanjianForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            p = perjanjian_catat(form=form, pengguna=request.user)
            messages.success(request, f"Permohonan PKS {p.nama_lembaga} dicatat ({p.kode_lacak}).")
            return redirect(reverse("pemanfaatan:perjanjiandata-detail", args=[p.pk]))
        messages.error(request, "Periksa kembali isian yang ditandai.")
    return render(request, "pemanfaatan/perjanjian_baru.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_GET
def perjanjian_register(request: HttpRequest) -> HttpResponse:
    """The agreement register: every agreement with its parties, legal basis, data elements and
    access rights, purpose, validity and status; expired ones listed apart."""
    if not punya_peran(request.user, PERAN_REGISTER):
        raise PermissionDenied("Register perjanjian dibuka oleh admin PIAK, kepala bidang dan kepala dinas.")
    hari_ini = timezone.localdate()
    semua = list(PerjanjianData.objects.order_by("status", "tanggal_berakhir", "nama_lembaga"))
    kedaluwarsa = [p for p in semua if p.status == StatusPerjanjian.BERLAKU and p.tanggal_berakhir
                   and p.tanggal_berakhir < hari_ini]
    lainnya = [p for p in semua if p not in kedaluwarsa]
    return render(request, "pemanfaatan/perjanjian_register.html",
                  {"perjanjian": lainnya, "kedaluwarsa": kedaluwarsa, "hari_ini": hari_ini})


@require_GET
def perjanjian_publik(request: HttpRequest) -> HttpResponse:
    """Public: the agreements in force — institution, purpose, period; no contact details."""
    aktif = PerjanjianData.objects.aktif().order_by("nama_lembaga")
    return render(request, "pemanfaatan/perjanjian_publik.html", {"aktif": aktif})
