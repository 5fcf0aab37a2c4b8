from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.shortcuts import render

from .selectors import penduduk_cari


@login_required
@permission_required("penduduk.view_penduduk", raise_exception=True)
def cari(request):
    """Look-up in the register by NIK, No. KK or the start of a name (indexed queries only)."""
    q = request.GET.get("q", "").strip()
    hasil = penduduk_cari(q=q) if q else None
    halaman = Paginator(hasil, 25).get_page(request.GET.get("page")) if hasil is not None else None
    return render(request, "penduduk/cari.html", {"q": q, "halaman": halaman})
