"""Pages of P.7 beyond the kernel's queue, detail and action views: the intake forms, the
agreement register, and the public pages (active agreements, statistics, innovations)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from apps.akun.roles import KODE_PERAN
from apps.core.peran import punya_peran
from apps.core.views import DetailView
from apps.penduduk.models import Wilayah

from .agregat import JUDUL_DIMENSI, ambang_bawaan, snapshot_bekukan, tabel_publik
from .forms import InovasiForm, PerjanjianForm, PublikasiForm, SnapshotForm, StatistikFilterForm
from .models import (
    Inovasi,
    PerjanjianData,
    PublikasiAgregat,
    SnapshotDKB,
    StatusInovasi,
    StatusPerjanjian,
    StatusPublikasi,
)
from .services import inovasi_usulkan, perjanjian_catat, publikasi_buat

PERAN_REGISTER = ("admin_piak", "kabid", "kadis")
# Every staff role may propose an innovation (not citizens, not the system administrator).
PERAN_STAF = [k for k in KODE_PERAN if k not in ("pemohon", "admin")]


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


# -- P.7.2 ---------------------------------------------------------------------------------------
class PublikasiDetail(DetailView):
    relasi = ("snapshot",)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        pub = ctx["objek"]
        ctx["tabel"] = tabel_publik(pub.snapshot, ambang=pub.ambang_sel_kecil)
        ctx["ambang"] = pub.ambang_sel_kecil
        return ctx


@login_required
def dkb(request: HttpRequest) -> HttpResponse:
    """Admin PIAK freezes a semester's DKB and opens its publication draft."""
    if not punya_peran(request.user, ["admin_piak"]):
        raise PermissionDenied("DKB dibekukan oleh admin PIAK.")
    form = SnapshotForm(request.POST or None, prefix="dkb")
    if request.method == "POST" and "bekukan" in request.POST:
        if form.is_valid():
            s = snapshot_bekukan(form.cleaned_data["tahun"], form.cleaned_data["semester"], oleh=request.user)
            messages.success(request, f"{s} dibekukan: {s.jumlah_penduduk} penduduk, {s.durasi_detik:.1f} detik.")
            return redirect("pemanfaatan:dkb")
        messages.error(request, "Periksa kembali isian yang ditandai.")
    form_pub = PublikasiForm(request.POST if "publikasi" in request.POST else None, prefix="pub")
    if request.method == "POST" and "publikasi" in request.POST:
        if form_pub.is_valid():
            pub = publikasi_buat(form=form_pub, pengguna=request.user)
            return redirect(reverse("pemanfaatan:publikasiagregat-detail", args=[pub.pk]))
        messages.error(request, "Periksa kembali isian yang ditandai.")
    snapshot = SnapshotDKB.objects.select_related("publikasi").order_by("-tahun", "-semester")
    return render(request, "pemanfaatan/dkb.html", {"form": form, "form_pub": form_pub, "snapshot": snapshot},
                  status=400 if (form.errors or form_pub.errors) else 200)


def _publikasi_terbit():
    return PublikasiAgregat.objects.filter(status=StatusPublikasi.TERBIT).select_related("snapshot").order_by(
        "-snapshot__tahun", "-snapshot__semester")


def _pilih(request, daftar):
    pilih = request.GET.get("semester", "")
    for p in daftar:
        if str(p.snapshot_id) == pilih:
            return p
    return daftar[0] if daftar else None


@require_GET
def statistik(request: HttpRequest) -> HttpResponse:
    """Public statistics of each published semester: charts and tables by kecamatan/kelurahan,
    read from the frozen snapshot only; CSV and XLSX of each table; the signed book."""
    daftar = list(_publikasi_terbit())
    pub = _pilih(request, daftar)
    wilayah = list(Wilayah.objects.filter(tingkat__in=["kecamatan", "kelurahan"]).order_by("nama"))
    form = StatistikFilterForm(request.GET or None, wilayah=wilayah)
    kec = kel = ""
    if form.is_bound and form.is_valid():
        kec, kel = form.cleaned_data["kecamatan"], form.cleaned_data["kelurahan"]
    tabel = tabel_publik(pub.snapshot, kecamatan=kec, kelurahan=kel, ambang=pub.ambang_sel_kecil) if pub else []
    grafik = {t.dimensi: {"judul": t.judul, **t.grafik} for t in tabel}
    query = request.GET.copy()
    return render(request, "pemanfaatan/statistik.html", {
        "daftar": daftar, "pub": pub, "tabel": tabel, "grafik": grafik, "form": form,
        "ambang": pub.ambang_sel_kecil if pub else ambang_bawaan(), "query": query.urlencode(),
    })


def _tabel_unduh(request, snapshot_id: int, dimensi: str):
    pub = _publikasi_terbit().filter(snapshot_id=snapshot_id).first()
    if pub is None or dimensi not in JUDUL_DIMENSI:
        raise Http404
    tabel = tabel_publik(pub.snapshot, kecamatan=request.GET.get("kecamatan", ""),
                         kelurahan=request.GET.get("kelurahan", ""), ambang=pub.ambang_sel_kecil, dimensi=[dimensi])
    if not tabel:
        raise Http404
    t = tabel[0]
    tanda = f"<{pub.ambang_sel_kecil}"
    baris = [["Kategori", *t.wilayah, "Jumlah"]]
    for r in t.per_kategori:
        baris.append([r["kategori"], *[tanda if n is None else n for n in r["sel"]],
                      tanda if r["total"] is None else r["total"]])
    baris.append(["Jumlah", *[tanda if b["total"] is None else b["total"] for b in t.baris],
                  tanda if t.total["total"] is None else t.total["total"]])
    return pub, t, baris


@require_GET
def statistik_csv(request: HttpRequest, snapshot_id: int, dimensi: str) -> HttpResponse:
    import csv

    pub, t, baris = _tabel_unduh(request, snapshot_id, dimensi)
    resp = HttpResponse(content_type="text/csv; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="agregat-{pub.snapshot.tahun}-s{pub.snapshot.semester}-{dimensi}.csv"'
    resp.write("\ufeff")  # Excel reads the UTF-8 names of kelurahan right
    csv.writer(resp).writerows(baris)
    return resp


@require_GET
def statistik_xlsx(request: HttpRequest, snapshot_id: int, dimensi: str) -> HttpResponse:
    from io import BytesIO

    from openpyxl import Workbook

    pub, t, baris = _tabel_unduh(request, snapshot_id, dimensi)
    wb = Workbook()
    ws = wb.active
    ws.title = dimensi[:31]
    ws.append([f"{t.judul} — {pub.snapshot.judul} (per {pub.snapshot.tanggal_data:%d-%m-%Y})"])
    for b in baris:
        ws.append(b)
    ws.append([f"Sel bernilai 1 sampai di bawah {pub.ambang_sel_kecil} disamarkan (UU 27/2022)."])
    isi = BytesIO()
    wb.save(isi)
    resp = HttpResponse(isi.getvalue(),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    resp["Content-Disposition"] = f'attachment; filename="agregat-{pub.snapshot.tahun}-s{pub.snapshot.semester}-{dimensi}.xlsx"'
    return resp


@require_GET
def buku_unduh(request: HttpRequest, snapshot_id: int) -> HttpResponse:
    """The signed book of a published semester (public once the kadis has signed it)."""
    from django.http import FileResponse

    from apps.dokumen.models import Dokumen

    pub = _publikasi_terbit().filter(snapshot_id=snapshot_id).first()
    dok = Dokumen.untuk(pub).filter(jenis="buku_agregat", status=Dokumen.Status.SELESAI).first() if pub else None
    if dok is None or not dok.berkas:
        raise Http404("Buku belum tersedia.")
    return FileResponse(dok.berkas.open("rb"), content_type="application/pdf", as_attachment=False,
                        filename=f"agregat-kependudukan-{pub.snapshot.tahun}-s{pub.snapshot.semester}.pdf")


# -- P.7.3 ---------------------------------------------------------------------------------------
class InovasiDetail(DetailView):
    pass


@login_required
def inovasi_baru(request: HttpRequest) -> HttpResponse:
    """P.7.3 — any staff member submits an idea (bottom-up); the kadis disposes it to PIAK."""
    if not punya_peran(request.user, PERAN_STAF):
        raise PermissionDenied("Usulan inovasi diajukan oleh pegawai Dinas.")
    form = InovasiForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            ide = inovasi_usulkan(form=form, pengguna=request.user)
            messages.success(request, f"Usulan inovasi “{ide.judul}” diteruskan ke kepala dinas.")
            return redirect("pemanfaatan:inovasi-baru")
        messages.error(request, "Periksa kembali isian yang ditandai.")
    return render(request, "pemanfaatan/inovasi_baru.html", {"form": form}, status=400 if form.errors else 200)


@require_GET
def inovasi_publik(request: HttpRequest) -> HttpResponse:
    """Public: the innovations published (sosialisasi), with what they do and how to use them."""
    daftar = Inovasi.objects.filter(status=StatusInovasi.DISOSIALISASIKAN).order_by("-disosialisasikan_pada")
    return render(request, "pemanfaatan/inovasi_publik.html", {"daftar": daftar})
