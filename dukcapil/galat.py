"""Error pages in Bahasa Indonesia with the portal's layout (handler403/404 in urls.py; the 500
page is Django's own handler with templates/500.html, rendered without context in case the
database is what failed).

The 403 shows the reason the kernel gave (``PermissionDenied("... bukan bagian tugas Anda")``);
django-ratelimit's ``Ratelimited`` (a PermissionDenied) becomes the 429 page."""

from __future__ import annotations

import re

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.exceptions import Ratelimited

PESAN_403 = "Anda tidak berwenang membuka halaman atau menjalankan aksi ini."
PESAN_404 = "Halaman yang Anda cari tidak ditemukan. Periksa kembali alamatnya."
PESAN_429 = "Terlalu banyak permintaan dari alamat Anda dalam waktu singkat. Silakan coba lagi beberapa saat lagi."
# Django's own English 404 messages (get_object_or_404, generic views) are not shown to users.
_PESAN_BAWAAN_DJANGO = re.compile(r"^(No .* matches the given query|No .* found matching the query|Invalid page)", re.I)


def _pesan(exception) -> str:
    if exception is None or not exception.args:
        return ""
    pesan = exception.args[0]
    return pesan if isinstance(pesan, str) else ""


def galat_403(request: HttpRequest, exception=None) -> HttpResponse:
    if isinstance(exception, Ratelimited):
        return galat_429(request, exception)
    return render(request, "403.html", {"alasan": _pesan(exception) or PESAN_403}, status=403)


def galat_404(request: HttpRequest, exception=None) -> HttpResponse:
    pesan = _pesan(exception) if type(exception) is Http404 else ""
    if _PESAN_BAWAAN_DJANGO.match(pesan):
        pesan = ""
    return render(request, "404.html", {"alasan": pesan or PESAN_404}, status=404)


def galat_429(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "429.html", {"alasan": PESAN_429}, status=429)

