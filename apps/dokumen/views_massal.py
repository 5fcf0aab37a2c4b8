"""Bulk TTE pages: pick the files waiting for the official's TTE, start a batch, watch it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.views.decorators.http import require_GET, require_POST

from apps.core.urls import url_proses
from apps.core.workflow import AksiDitolak

from . import massal


def _url_detail(objek) -> str:
    try:
        return url_proses(type(objek), "detail", objek.pk)
    except NoReverseMatch:
        return ""


def _periksa(request: HttpRequest) -> None:
    if not massal.tte_massal_boleh(request.user):
        raise PermissionDenied("Peran Anda tidak menandatangani dokumen.")


@login_required
@require_GET
def pilih(request: HttpRequest) -> HttpResponse:
    _periksa(request)
    q, proses = request.GET.get("q", ""), request.GET.get("proses", "")
    calon = massal.tte_massal_calon(pengguna=request.user, q=q, proses=proses)
    kelompok = [
        {"model": m, "meta": m._meta, "baris": [(massal.kunci_pilihan(m, o.pk), o, _url_detail(o)) for o in baris]}
        for m, baris in calon
    ]
    ctx = {
        "kelompok": kelompok,
        "jumlah": sum(len(k["baris"]) for k in kelompok),
        "q": q,
        "proses": proses,
        "pilihan_proses": [(m._meta.label_lower, m._meta.verbose_name_plural) for m, _ in massal.model_tte(request.user)],
        "batas": massal.BATAS_BERKAS,
    }
    return render(request, "dokumen/tte_massal_pilih.html", ctx)


@login_required
@require_POST
def mulai(request: HttpRequest) -> HttpResponse:
    _periksa(request)
    if request.POST.get("cakup") == "tersaring":
        # "Semua yang tersaring": the selection is the filter, read again on the server.
        calon = massal.tte_massal_calon(pengguna=request.user, q=request.POST.get("q", ""), proses=request.POST.get("proses", ""))
        pilihan = [massal.kunci_pilihan(m, o.pk) for m, baris in calon for o in baris]
    else:
        pilihan = request.POST.getlist("pilih")
    try:
        batch = massal.tte_massal_mulai(pengguna=request.user, pilihan=pilihan, passphrase=request.POST.get("passphrase", ""))
    except AksiDitolak as exc:
        messages.error(request, str(exc))
        return redirect("dokumen:tte-massal")
    messages.success(request, f"TTE massal dimulai untuk {batch.item.count()} berkas.")
    return redirect("dokumen:tte-massal-detail", pk=batch.pk)


def _konteks(batch) -> dict:
    return {"batch": batch, "hitung": massal.tte_massal_hitung(batch), "kegagalan": massal.tte_massal_kegagalan(batch)}


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = massal.tte_massal_untuk_pengguna(request.user, pk)
    return render(request, "dokumen/tte_massal_detail.html", _konteks(batch))


@login_required
@require_GET
def kemajuan(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress block alone, polled by htmx until the batch has nothing left."""
    batch = massal.tte_massal_untuk_pengguna(request.user, pk)
    return render(request, "dokumen/_tte_massal_kemajuan.html", _konteks(batch))
