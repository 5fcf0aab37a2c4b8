"""The public pages of online filing for every online service of the catalogue (no account):

Langkah 1 dari 4 — data pemohon (the service's intake fields, the email required);
Langkah 2 dari 4 — persyaratan (one scan per requirement, checked by content and size);
Langkah 3 dari 4 — periksa (what will be sent; "Kirim" emails the confirmation link);
Langkah 4 dari 4 — terkirim (tracking code and PIN, shown once).

Abuse limits as for P.4.6 (``daring``): a honeypot answered as accepted with nothing kept, and
per-address and per-email limits per hour, checked on every step and counted when scans are kept.
Step 1's data lives in the session; nothing is stored before step 2 is valid.
"""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from . import daring
from .daring_layanan import (
    PengajuanDitolak,
    form_daring,
    lampiran_pengajuan,
    layanan_daring,
    pengajuan_dari_token,
    pengajuan_kirim,
    pengajuan_konfirmasi,
    pengajuan_simpan,
)
from .models import PengajuanDaring

LANGKAH = ("Data pemohon", "Persyaratan", "Periksa", "Terkirim")
PESAN_BERKAS_ULANG = ("Berkas yang sudah Anda pilih tidak ikut tersimpan karena ada isian yang perlu diperbaiki. "
                      "Pilih kembali setiap berkas sebelum mengirim.")


def _layanan(kode: str):
    layanan = layanan_daring(kode)
    if layanan is None:
        raise Http404("Layanan ini tidak dapat diajukan secara daring.")
    return layanan


def _kunci(kode: str, bagian: str) -> str:
    return f"daring:{kode}:{bagian}"


def _konteks(layanan, nomor: int, **kw) -> dict:
    return {"layanan": layanan, "nomor_langkah": nomor, "jumlah_langkah": len(LANGKAH),
            "langkah": [(i, nama) for i, nama in enumerate(LANGKAH, start=1)], "judul_langkah": LANGKAH[nomor - 1], **kw}


def _data_post(request) -> dict:
    return {k: v for k, v in request.POST.lists() if k not in ("csrfmiddlewaretoken", "situs")}


def _tolak_bot_atau_batas(request, layanan, nomor, form=None, email=""):
    """A response when the honeypot is filled (accepted, nothing kept) or a limit is reached."""
    ip = request.META.get("REMOTE_ADDR", "")
    if daring.terbatas(ip, email):
        return render(request, "publik/daring_langkah.html",
                      _konteks(layanan, nomor, form=form, pesan=daring.PESAN_BATAS,
                               bagian="data" if nomor == 1 else "berkas"), status=429)
    if request.POST.get("situs"):
        daring.catat(ip, "")
        return render(request, "publik/daring_selesai.html", _konteks(layanan, 4, pengajuan=None))
    return None


@require_http_methods(["GET", "POST"])
def data_pemohon(request: HttpRequest, kode: str) -> HttpResponse:
    """Langkah 1 dari 4: the applicant's data (kept in the session, nothing stored)."""
    layanan = _layanan(kode)
    if request.method == "GET":
        awal = request.session.get(_kunci(kode, "data"))
        form = form_daring(layanan, _multi(awal) if awal else None)
        return render(request, "publik/daring_langkah.html", _konteks(layanan, 1, form=form, bagian="data"))
    data = _data_post(request)
    form = form_daring(layanan, request.POST)
    tanggapan = _tolak_bot_atau_batas(request, layanan, 1, form=form, email=form.email())
    if tanggapan is not None:
        return tanggapan
    form.valid()
    if form.galat_data():
        return render(request, "publik/daring_langkah.html", _konteks(layanan, 1, form=form, bagian="data"), status=400)
    request.session[_kunci(kode, "data")] = data
    return redirect("publik:daring-layanan-berkas", kode=kode)


def _multi(data: dict):
    from django.utils.datastructures import MultiValueDict

    return MultiValueDict({k: list(v) for k, v in data.items()})


@require_http_methods(["GET", "POST"])
def persyaratan(request: HttpRequest, kode: str) -> HttpResponse:
    """Langkah 2 dari 4: the scans; valid → the filing is held (data and checked scans)."""
    layanan = _layanan(kode)
    data = request.session.get(_kunci(kode, "data"))
    if not data:
        return redirect("publik:daring-layanan", kode=kode)
    if request.method == "GET":
        form = form_daring(layanan)
        return render(request, "publik/daring_langkah.html", _konteks(layanan, 2, form=form, bagian="berkas"))
    form = form_daring(layanan, _multi(data), request.FILES)
    tanggapan = _tolak_bot_atau_batas(request, layanan, 2, form=form, email=form.email())
    if tanggapan is not None:
        return tanggapan
    if not form.valid():
        ctx = _konteks(layanan, 2, form=form, bagian="berkas", pesan_berkas=PESAN_BERKAS_ULANG if request.FILES else "",
                       data_salah=form.galat_data())
        return render(request, "publik/daring_langkah.html", ctx, status=400)
    ip = request.META.get("REMOTE_ADDR", "")
    daring.catat(ip, form.email())
    lama = request.session.get(_kunci(kode, "pengajuan"))
    with transaction.atomic():
        if lama:
            # Filled again (back from the review): the previous held copy is dropped.
            from .daring_layanan import pengajuan_hapus_berkas

            for p in PengajuanDaring.objects.filter(pk=lama, dikirim_pada__isnull=True):
                pengajuan_hapus_berkas(p)
                p.delete()
        p = pengajuan_simpan(layanan=layanan, form=form, data=data, ip=ip)
    request.session[_kunci(kode, "pengajuan")] = p.pk
    return redirect("publik:daring-layanan-periksa", kode=kode)


@require_http_methods(["GET", "POST"])
def periksa(request: HttpRequest, kode: str) -> HttpResponse:
    """Langkah 3 dari 4: what will be sent; "Kirim" emails the confirmation link."""
    layanan = _layanan(kode)
    pk = request.session.get(_kunci(kode, "pengajuan"))
    p = PengajuanDaring.objects.filter(pk=pk, dikirim_pada__isnull=True).first() if pk else None
    if p is None:
        return redirect("publik:daring-layanan", kode=kode)
    if request.method == "POST":
        if daring.terbatas(request.META.get("REMOTE_ADDR", ""), p.email):
            return render(request, "publik/daring_periksa.html",
                          _konteks(layanan, 3, **_ringkasan(layanan, p), pesan=daring.PESAN_BATAS), status=429)
        with transaction.atomic():
            pengajuan_kirim(p=p, layanan=layanan, request=request)
        for bagian in ("data", "pengajuan"):
            request.session.pop(_kunci(kode, bagian), None)
        request.session["daring_pengajuan_terkirim"] = p.pk
        return redirect("publik:daring-layanan-terkirim", kode=kode)
    return render(request, "publik/daring_periksa.html", _konteks(layanan, 3, **_ringkasan(layanan, p)))


def _ringkasan(layanan, p: PengajuanDaring) -> dict:
    form = form_daring(layanan, _multi(p.data))
    form.valid()
    isian = [(bf.label, _tampil(bf)) for bf in form.field_data() if _tampil(bf)]
    label = {bf.html_name: bf.label for bf in form.field_berkas()}
    berkas = [(label.get(lampiran.keterangan, lampiran.keterangan), lampiran.nama_asli) for lampiran in lampiran_pengajuan(p)]
    return {"isian": isian, "berkas": berkas, "pengajuan": p}


def _tampil(bf) -> str:
    nilai = bf.value()
    if nilai in (None, "", []):
        return ""
    pilihan = getattr(bf.field, "choices", None)
    if pilihan:
        label = {str(k): v for k, v in pilihan}
        return str(label.get(str(nilai), nilai))
    if isinstance(nilai, bool):
        return "Ya" if nilai else "Tidak"
    return str(nilai)


def terkirim(request: HttpRequest, kode: str) -> HttpResponse:
    """Langkah 4 dari 4: the tracking code and PIN, once, from this browser."""
    layanan = _layanan(kode)
    pk = request.session.pop("daring_pengajuan_terkirim", None)
    p = PengajuanDaring.objects.filter(pk=pk).first() if pk else None
    if p is None:
        return redirect("publik:daring-layanan", kode=kode)
    return render(request, "publik/daring_selesai.html", _konteks(layanan, 4, pengajuan=p))


@require_http_methods(["GET", "POST"])
def konfirmasi(request: HttpRequest, token: str) -> HttpResponse:
    """The signed link from the email: GET asks (a mail scanner that opens links confirms
    nothing), POST creates the request, which enters the front office's queue."""
    p = pengajuan_dari_token(token)
    if p is None:
        return render(request, "publik/daring_konfirmasi.html", {"objek": None}, status=400)
    if request.method == "GET" and not p.object_id:
        return render(request, "publik/daring_konfirmasi.html", {"objek": None, "tanya": p})
    try:
        objek = pengajuan_konfirmasi(p)
    except PengajuanDitolak as exc:
        return render(request, "publik/daring_konfirmasi.html", {"objek": None, "ditolak": exc.pesan}, status=400)
    return render(request, "publik/daring_konfirmasi.html", {"objek": objek})
