from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from .selectors import penduduk_cari, penduduk_dari_nik
from .services import penduduk_info
from .validators import bersihkan_nomor, periksa_nik, validasi_nik


class PaginatorTerbatas(Paginator):
    """Counts at most ``batas`` + 1 rows: a one-letter name prefix matches tens of thousands of
    residents, and nobody pages through them; the page says to narrow the search instead."""

    batas = 1000

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by()[: self.batas + 1].count()

    @property
    def terpotong(self) -> bool:
        return self.count > self.batas


@require_http_methods(["GET", "POST"])
@never_cache
@login_required
@permission_required("penduduk.view_penduduk", raise_exception=True)
def cari(request):
    """Look-up in the register by NIK, No. KK or the start of a name (indexed queries only).

    GET shows the empty form; the search itself is a POST, so that no NIK, No. KK or name lands
    in an access log's query string. A GET carrying a query is refused (405)."""
    if request.method == "GET":
        if request.GET.get("q"):
            return HttpResponseNotAllowed(["POST"], "Pencarian penduduk dikirim dengan formulir (POST), bukan lewat alamat.")
        return render(request, "penduduk/cari.html", {"q": "", "halaman": None})
    q = request.POST.get("q", "").strip()
    hasil = penduduk_cari(q=q) if q else None
    halaman = PaginatorTerbatas(hasil, 25).get_page(request.POST.get("page")) if hasil is not None else None
    konteks = {"q": q, "halaman": halaman, "page_obj": halaman, "is_paginated": bool(halaman and halaman.has_other_pages())}
    return render(request, "penduduk/cari.html", konteks)


@require_POST
@never_cache
@login_required
@permission_required("penduduk.view_penduduk", raise_exception=True)
def nik_info(request: HttpRequest) -> HttpResponse:
    """JSON of one resident for prefilling an intake form: ``POST {% url 'penduduk:nik-info' %}``
    with ``nik`` in the body (never in the URL: access logs keep query strings).

    200: nama, tempat/tanggal lahir, jenis kelamin, no_kk, alamat, RT/RW, kelurahan, kecamatan,
    status hidup and ``peringatan`` (``periksa_nik``); 404 ``{"pesan", "peringatan"}`` when the NIK
    is not in the register; 400 ``{"pesan"}`` when it is not 16 digits. Not cached (personal data)."""
    nik = bersihkan_nomor(request.POST.get("nik", ""))
    try:
        validasi_nik(nik)
    except ValidationError as e:
        return JsonResponse({"pesan": " ".join(e.messages)}, status=400)
    penduduk = penduduk_dari_nik(nik)
    if penduduk is None:
        return JsonResponse(
            {"pesan": f"NIK {nik} tidak ditemukan di register penduduk.", "peringatan": periksa_nik(nik)}, status=404
        )
    return JsonResponse(penduduk_info(penduduk=penduduk))
