"""The "Pekerjaan latar" staff page: background jobs per state; retry or abandon one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from apps.core.workflow import AksiDitolak

from .pekerjaan import JENIS_PEKERJAAN, pekerjaan_daftar, pekerjaan_tinggalkan, pekerjaan_ulangi


@login_required
@require_GET
def daftar(request: HttpRequest) -> HttpResponse:
    hitung, pekerjaan = pekerjaan_daftar(request.user)
    return render(request, "dokumen/pekerjaan_latar.html", {"hitung": hitung, "pekerjaan": pekerjaan, "jenis_pekerjaan": JENIS_PEKERJAAN})


def _jenis(jenis: str) -> str:
    if jenis not in JENIS_PEKERJAAN:
        raise Http404("Jenis pekerjaan tidak dikenal.")
    return jenis


@login_required
@require_POST
def ulangi(request: HttpRequest, jenis: str, pk: int) -> HttpResponse:
    try:
        messages.success(request, pekerjaan_ulangi(jenis=_jenis(jenis), pk=pk, oleh=request.user))
    except AksiDitolak as exc:
        messages.error(request, str(exc))
    return redirect("dokumen:pekerjaan-latar")


@login_required
@require_POST
def tinggalkan(request: HttpRequest, jenis: str, pk: int) -> HttpResponse:
    try:
        messages.success(request, pekerjaan_tinggalkan(jenis=_jenis(jenis), pk=pk, oleh=request.user, alasan=request.POST.get("alasan", "")))
    except AksiDitolak as exc:
        messages.error(request, str(exc))
    return redirect("dokumen:pekerjaan-latar")
