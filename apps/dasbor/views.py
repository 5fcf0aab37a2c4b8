"""Pages of the leaders' dashboard, its exports and the monthly report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from apps.core.models import AksesBerkas
from apps.core.peran import peran_pengguna
from apps.core.workflow import AksiDitolak
from dukcapil.penyimpanan import respons_berkas

from . import ekspor as ek
from .forms import SusunLaporanForm, baca_saringan
from .models import BerkasEkspor, LaporanBulanan
from .selectors import boleh_dasbor, data_dasbor
from .services import (
    PERAN_KIRIM_LAPORAN,
    PERAN_SUSUN_LAPORAN,
    laporan_kirim,
    laporan_susun,
    laporan_tandatangani,
    rekap_minta_segarkan,
)

PERAN_LAPORAN = PERAN_SUSUN_LAPORAN | PERAN_KIRIM_LAPORAN | {"kabid"}


def _pimpinan(request):
    if not boleh_dasbor(request.user):
        raise PermissionDenied("Dasbor hanya untuk kepala bidang, sekretaris dan kepala dinas.")


@login_required
@require_GET
def dasbor(request: HttpRequest) -> HttpResponse:
    _pimpinan(request)
    form, saringan = baca_saringan(request.GET, request.user)
    konteks = {"form": form, "saringan": saringan}
    if saringan is not None:
        konteks.update(data_dasbor(request.user, saringan))
        konteks["query"] = saringan.query()
    return render(request, "dasbor/dasbor.html", konteks, status=200 if saringan else 400)


@login_required
@require_POST
def segarkan(request: HttpRequest) -> HttpResponse:
    _pimpinan(request)
    form, saringan = baca_saringan(request.POST, request.user)
    if saringan is None:
        messages.error(request, "Periksa kembali saringan periode.")
        return redirect("dasbor:dasbor")
    rekap_minta_segarkan(dari=saringan.dari, sampai=saringan.sampai)
    messages.success(request, "Rekap periode ini sedang diperbarui; muat ulang halaman sebentar lagi.")
    return redirect(f"{reverse('dasbor:dasbor')}?{saringan.query()}")


@login_required
@require_GET
def ekspor_dasbor(request: HttpRequest, tabel: str, format: str) -> HttpResponse:
    _pimpinan(request)
    return ek.ekspor(request, sumber={"jenis": "dasbor", "tabel": tabel, "query": request.GET.urlencode()}, format=format)


@login_required
@require_GET
def ekspor_antrean(request: HttpRequest, format: str) -> HttpResponse:
    """A queue as its page shows it: ``_jalur`` is the queue's URL, the rest its filters."""
    q = request.GET.copy()
    jalur = q.pop(ek.PARAM_JALUR, [""])[-1]
    q.pop("page", None)
    if not jalur.startswith("/"):
        raise Http404("Antrean tidak dikenal.")
    return ek.ekspor(request, sumber={"jenis": "antrian", "jalur": jalur, "query": q.urlencode()}, format=format)


@login_required
@require_GET
def ekspor_cari(request: HttpRequest, format: str) -> HttpResponse:
    return ek.ekspor(request, sumber={"jenis": "cari", "q": request.GET.get("q", "")}, format=format)


def _berkas_saya(request, pk: int) -> BerkasEkspor:
    # Only the person who asked for an export sees and downloads it.
    return get_object_or_404(BerkasEkspor, pk=pk, pengguna=request.user)


@login_required
@require_GET
def ekspor_status(request: HttpRequest, pk: int) -> HttpResponse:
    berkas = _berkas_saya(request, pk)
    template = "dasbor/_ekspor_kemajuan.html" if request.headers.get("HX-Request") else "dasbor/ekspor_status.html"
    return render(request, template, {"berkas": berkas})


@login_required
@require_GET
def ekspor_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    berkas = _berkas_saya(request, pk)
    if berkas.status != BerkasEkspor.Status.SELESAI or not berkas.berkas:
        raise Http404("Berkas ekspor belum selesai.")
    AksesBerkas.objects.create(oleh=request.user, berkas=berkas.berkas.name, keterangan=f"Ekspor {berkas.judul}"[:200],
                               alamat_ip=request.META.get("REMOTE_ADDR"))
    return respons_berkas(berkas.berkas, content_type=ek.JENIS_MIME[berkas.format], as_attachment=True,
                          filename=ek.nama_berkas(berkas.judul, berkas.format))


# -- the monthly report -------------------------------------------------------------------------
def _peran_laporan(request):
    if not (peran_pengguna(request.user) & PERAN_LAPORAN):
        raise PermissionDenied("Laporan bulanan untuk pimpinan dan sekretariat.")


@login_required
@require_GET
def laporan_daftar(request: HttpRequest) -> HttpResponse:
    from apps.dokumen.models import Dokumen

    _peran_laporan(request)
    hari_ini = timezone.localdate()
    daftar = list(LaporanBulanan.objects.select_related("disusun_oleh")[:36])
    dokumen = {}
    if daftar:
        from django.contrib.contenttypes.models import ContentType

        ct = ContentType.objects.get_for_model(LaporanBulanan)
        for d in Dokumen.objects.filter(content_type=ct, object_id__in=[x.pk for x in daftar], aktif=True).order_by("pk"):
            dokumen[d.object_id] = d
    for x in daftar:
        x.dokumen = dokumen.get(x.pk)
    peran = peran_pengguna(request.user)
    return render(request, "dasbor/laporan.html", {
        "daftar": daftar, "form": SusunLaporanForm(initial={"bulan": hari_ini.month, "tahun": hari_ini.year}),
        "boleh_susun": bool(peran & PERAN_SUSUN_LAPORAN), "boleh_tte": "kadis" in peran,
        "boleh_kirim": bool(peran & PERAN_KIRIM_LAPORAN),
    })


@login_required
@require_POST
def laporan_susun_view(request: HttpRequest) -> HttpResponse:
    _peran_laporan(request)
    form = SusunLaporanForm(request.POST)
    if form.is_valid():
        try:
            laporan = laporan_susun(tahun=form.cleaned_data["tahun"], bulan=form.cleaned_data["bulan"], oleh=request.user)
        except AksiDitolak as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"{laporan} disusun.")
    else:
        messages.error(request, "Periksa bulan dan tahun laporan.")
    return redirect("dasbor:laporan")


@login_required
@require_POST
def laporan_tte_view(request: HttpRequest, pk: int) -> HttpResponse:
    _peran_laporan(request)
    laporan = get_object_or_404(LaporanBulanan, pk=pk)
    try:
        laporan_tandatangani(laporan=laporan, pengguna=request.user, passphrase=request.POST.get("passphrase", ""))
    except AksiDitolak as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{laporan} ditandatangani; PDF sedang dibuat.")
    return redirect("dasbor:laporan")


@login_required
@require_POST
def laporan_kirim_view(request: HttpRequest, pk: int) -> HttpResponse:
    _peran_laporan(request)
    laporan = get_object_or_404(LaporanBulanan, pk=pk)
    try:
        laporan_kirim(laporan=laporan, pengguna=request.user)
    except AksiDitolak as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{laporan} dicatat terkirim ke Walikota.")
    return redirect("dasbor:laporan")


@login_required
@require_GET
def laporan_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    from django.contrib.contenttypes.models import ContentType

    from apps.dokumen.models import Dokumen

    _peran_laporan(request)
    laporan = get_object_or_404(LaporanBulanan, pk=pk)
    dokumen = (Dokumen.objects.filter(content_type=ContentType.objects.get_for_model(laporan), object_id=laporan.pk, aktif=True)
               .order_by("-pk").first())
    if dokumen is None or not dokumen.siap:
        raise Http404("PDF laporan belum selesai dibuat.")
    AksesBerkas.objects.create(oleh=request.user, berkas=dokumen.berkas.name, keterangan=f"Unduh {laporan}",
                               alamat_ip=request.META.get("REMOTE_ADDR"))
    return respons_berkas(dokumen.berkas, content_type="application/pdf", filename=dokumen.nama_unduhan)
