"""The citizen's pages (no login): the service catalogue with each service's standar pelayanan,
and the status of a request by tracking code and PIN.

The code and PIN of the tanda terima (as e-Kitir) open the request's current step, timeline,
what is missing when it was returned, the target date and the signed document once issued.
Wrong or guessed codes and PINs all get one message and are rate-limited (publik.services).
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from apps.core.kode import normalkan_kode_lacak
from apps.core.models import AksesBerkas
from dukcapil.penyimpanan import respons_berkas

from .forms import CekStatusForm
from .selectors import (
    alasan_dikembalikan,
    dokumen_publik_permohonan,
    langkah_sekarang,
    linimasa_publik,
    persyaratan_belum_ada,
    proses_dari_kode,
)
from .services import jendela_detik, pin_cocok, status_catat_gagal, status_terkunci

PESAN_GAGAL = "Kode lacak atau PIN tidak cocok. Periksa kembali tanda terima Anda."
PESAN_MENUNGGU_EMAIL = ("Permohonan ini belum diproses: menunggu konfirmasi email. Buka tautan konfirmasi di email "
                        "yang kami kirim (berlaku 7 hari).")
PESAN_TUNGGU = "Terlalu banyak percobaan yang gagal. Silakan coba lagi setelah {menit} menit."
# The codes whose PIN this browser entered: a signed cookie, not a session row, so that anonymous
# lookups write nothing to the database (signed with SECRET_KEY; expires with SESSION_COOKIE_AGE).
_KUKI = "status_terbuka"
_GARAM = "publik.status-terbuka"


def _kode_terbuka(request) -> list[str]:
    nilai = request.get_signed_cookie(_KUKI, default="", salt=_GARAM, max_age=settings.SESSION_COOKIE_AGE)
    return [k for k in nilai.split(",") if k]


def _ip(request) -> str:
    """The client's address: REMOTE_ADDR, which dukcapil.middleware.AlamatKlienMiddleware sets
    from the trusted proxy hop (TRUSTED_PROXY_HOPS) behind nginx."""
    return request.META.get("REMOTE_ADDR", "")


@require_http_methods(["GET", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        form = CekStatusForm(initial={"kode": normalkan_kode_lacak(request.GET.get("kode", ""))})
        return render(request, "publik/status.html", {"form": form})
    form = CekStatusForm(request.POST)
    if not form.is_valid():
        return render(request, "publik/status.html", {"form": form}, status=400)
    kode = form.cleaned_data["kode"]
    if status_terkunci(ip=_ip(request), kode=kode):
        pesan = PESAN_TUNGGU.format(menit=max(1, jendela_detik() // 60))
        return render(request, "publik/status.html", {"form": CekStatusForm(initial={"kode": kode}), "pesan": pesan}, status=429)
    objek = proses_dari_kode(kode)
    if objek is None:
        # Filed online but not yet confirmed: no request exists; say what is awaited.
        from .models import PengajuanDaring

        tertahan = PengajuanDaring.objects.filter(kode_lacak=kode, object_id__isnull=True, dikirim_pada__isnull=False).first()
        if tertahan is not None and pin_cocok(tertahan, form.cleaned_data["pin"]):
            return render(request, "publik/status.html", {"form": CekStatusForm(initial={"kode": kode}),
                                                          "pesan": PESAN_MENUNGGU_EMAIL})
    if not pin_cocok(objek, form.cleaned_data["pin"]):
        status_catat_gagal(ip=_ip(request), kode=kode)
        return render(request, "publik/status.html", {"form": CekStatusForm(initial={"kode": kode}), "pesan": PESAN_GAGAL}, status=400)
    terbuka = [k for k in _kode_terbuka(request) if k != objek.kode_lacak][-9:]
    respons = redirect("publik:status-detail", kode=objek.kode_lacak)
    respons.set_signed_cookie(
        _KUKI, ",".join([*terbuka, objek.kode_lacak]), salt=_GARAM, max_age=settings.SESSION_COOKIE_AGE,
        httponly=True, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE,
    )
    return respons


def _objek_terbuka(request, kode: str):
    """The request whose code and PIN were entered in this browser session, or that was filed
    with the email of the citizen's account logged in here (akun.warga), else None."""
    from apps.akun.warga import milik_akun

    if kode not in _kode_terbuka(request) and not milik_akun(request, kode):
        return None
    return proses_dari_kode(kode)


@require_GET
def status_detail(request: HttpRequest, kode: str) -> HttpResponse:
    objek = _objek_terbuka(request, kode)
    if objek is None:
        return redirect(f"{reverse('publik:status')}?kode={kode}")
    linimasa = linimasa_publik(objek)
    pemilik = objek.pemilik_dokumen() if hasattr(objek, "pemilik_dokumen") else ("", "")
    konteks = {
        "objek": objek,
        "layanan": getattr(getattr(objek, "layanan", None), "nama", "") or objek._meta.verbose_name,
        "langkah": langkah_sekarang(objek),
        "linimasa": linimasa,
        "alasan": alasan_dikembalikan(linimasa, objek),
        "persyaratan_kurang": persyaratan_belum_ada(objek),
        "pemilik_nama": pemilik[0],
        "pemilik_nik": pemilik[1],
        "dokumen": dokumen_publik_permohonan(objek),
    }
    return render(request, "publik/status_detail.html", konteks)


@require_GET
def status_unduh(request: HttpRequest, kode: str, pk: int) -> HttpResponse:
    """The signed document of the request opened in this session (logged in AksesBerkas)."""
    objek = _objek_terbuka(request, kode)
    if objek is None:
        raise Http404("Dokumen tidak ditemukan.")
    dokumen = next((d for d in dokumen_publik_permohonan(objek) if d.pk == pk), None)
    if dokumen is None:
        raise Http404("Dokumen tidak ditemukan.")
    AksesBerkas.objects.create(
        oleh=request.user if request.user.is_authenticated else None,
        berkas=dokumen.berkas.name,
        keterangan=f"Unduh publik {dokumen.judul} {dokumen.nomor} (kode lacak {objek.kode_lacak})",
        alamat_ip=_ip(request) or None,
    )
    return respons_berkas(dokumen.berkas, content_type="application/pdf", as_attachment=True, filename=dokumen.nama_unduhan)


# The map steps of the catalogue, in the Dinas' words (publik:layanan).
KELOMPOK_LAYANAN = {
    "P.4.1": "Pendaftaran penduduk (KTP-el, KK, KIA)",
    "P.5.1": "Pencatatan sipil (akta)",
}


@require_GET
def layanan(request: HttpRequest) -> HttpResponse:
    """The public service catalogue: each service's standar pelayanan (Permenpan RB 15/2014)."""
    from apps.dokumen.conf import instansi
    from apps.pendaftaran.katalog import katalog_publik

    from .daring_layanan import bisa_daring

    kelompok: dict[str, list] = {}
    for item in katalog_publik():
        # The online filing page of a service the catalogue marks online (views_daring).
        item.url_daring = reverse("publik:daring-layanan", args=[item.kode]) if bisa_daring(item) else ""
        kelompok.setdefault(item.kode_proses, []).append(item)
    daftar = [(KELOMPOK_LAYANAN.get(kode, kode), isi) for kode, isi in kelompok.items()]
    return render(request, "publik/layanan.html", {"kelompok": daftar, "instansi": instansi()})
