"""Pages of apps/dokumen: logged download and retry for staff; the public verification page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from apps.core.models import AksesBerkas, Proses
from apps.core.selectors import objek_untuk_pengguna
from apps.core.workflow import AksiDitolak
from dukcapil.penyimpanan import respons_berkas

from .forms import KodeVerifikasiForm, PeriksaPDFForm, UlangiForm
from .pratinjau import pratinjau_buat
from .selectors import dokumen_publik, dokumen_untuk_pengguna
from .services import dokumen_ulangi
from .verifikasi import periksa_pdf

PESAN_KODE_TIDAK_DIKENAL = "Dokumen dengan kode tersebut tidak ditemukan. Periksa kembali kode pada dokumen Anda."


@login_required
@require_GET
def unduh(request: HttpRequest, pk: int) -> HttpResponse:
    dokumen = dokumen_untuk_pengguna(request.user, pk)
    if not dokumen.siap:
        raise Http404("Dokumen belum selesai dibuat.")
    AksesBerkas.objects.create(
        oleh=request.user,
        berkas=dokumen.berkas.name,
        keterangan=f"Unduh {dokumen.judul} {dokumen.nomor}",
        alamat_ip=request.META.get("REMOTE_ADDR"),
    )
    return respons_berkas(dokumen.berkas, content_type="application/pdf", filename=dokumen.nama_unduhan)


@login_required
@require_GET
def pratinjau(request: HttpRequest, ct: int, pk: int) -> HttpResponse:
    """§5: the draft of the document record ``pk`` will issue (watermarked DRAF, unnumbered,
    unsigned, not stored), for whoever may open the record; the access is logged."""
    model = ContentType.objects.filter(pk=ct).first()
    model = model.model_class() if model else None
    if model is None or not issubclass(model, Proses):
        raise Http404("Berkas tidak ditemukan.")
    objek = objek_untuk_pengguna(model, request.user, pk)
    try:
        judul, pdf = pratinjau_buat(objek=objek)
    except AksiDitolak as exc:
        raise Http404(str(exc)) from None
    AksesBerkas.objects.create(
        oleh=request.user,
        berkas="(pratinjau, tidak disimpan)",
        keterangan=f"Pratinjau {judul} pada {model._meta.verbose_name} {objek.pk}"[:200],
        alamat_ip=request.META.get("REMOTE_ADDR"),
    )
    resp = HttpResponse(pdf, content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="DRAF-{objek.kode_lacak}.pdf"'
    resp["Cache-Control"] = "no-store"
    return resp


@login_required
@require_POST
def ulangi(request: HttpRequest, pk: int) -> HttpResponse:
    dokumen = dokumen_untuk_pengguna(request.user, pk)
    form = UlangiForm(request.POST)
    form.is_valid()
    try:
        pesan = dokumen_ulangi(dokumen=dokumen, oleh=request.user, passphrase=form.cleaned_data.get("passphrase", ""))
    except AksiDitolak as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, pesan)
    kembali = request.POST.get("kembali", "")
    if not kembali.startswith("/") or kembali.startswith("//"):
        kembali = reverse("akun:beranda")
    return redirect(kembali)


def _terbatas(request, grup: str, rate: str) -> bool:
    return is_ratelimited(request, group=f"dokumen:{grup}", key="ip", rate=rate, increment=True)


@require_GET
def verifikasi_cari(request: HttpRequest) -> HttpResponse:
    """Where a person types the code printed under the QR."""
    form = KodeVerifikasiForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("verifikasi:detail", kode=form.cleaned_data["kode"])
    return render(request, "dokumen/verifikasi_cari.html", {"form": form})


@require_http_methods(["GET", "POST"])
def verifikasi_detail(request: HttpRequest, kode: str) -> HttpResponse:
    """What the QR opens (no login): the document's public facts, and a check of an uploaded PDF."""
    if _terbatas(request, "lihat", "60/m"):
        return render(request, "dokumen/verifikasi_cari.html", {"form": KodeVerifikasiForm(), "pesan": "Terlalu banyak permintaan. Coba lagi sebentar lagi."}, status=429)
    dokumen = dokumen_publik(kode)
    if dokumen is None or not dokumen.siap:
        return render(request, "dokumen/verifikasi_cari.html", {"form": KodeVerifikasiForm(), "pesan": PESAN_KODE_TIDAK_DIKENAL}, status=404)
    hasil = None
    status = 200
    form = PeriksaPDFForm()
    if request.method == "POST":
        if _terbatas(request, "unggah", "10/h"):
            messages.error(request, "Batas pemeriksaan berkas tercapai. Coba lagi dalam satu jam.")
            status = 429
        else:
            form = PeriksaPDFForm(request.POST, request.FILES)
            if form.is_valid():
                hasil = periksa_pdf(dokumen, form.cleaned_data["berkas"].read())
            else:
                status = 400
    return render(request, "dokumen/verifikasi_detail.html", {"dokumen": dokumen, "form": form, "hasil": hasil}, status=status)

