"""Pages of P.1.1, P.2 and P.3.1 beyond the kernel's queues, detail pages and actions: the intake
forms, the budget realisation, the diff between two versions, assignments and the score trend."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.core.peran import punya_peran
from apps.core.selectors import objek_untuk_pengguna
from apps.core.views import AntrianView, DetailView
from apps.core.workflow import AksiDitolak

from . import selectors, services
from .forms import (
    DokumenPerencanaanForm,
    LaporanKeuanganForm,
    LaporanKinerjaForm,
    NotaPencairanDanaForm,
    PenugasanForm,
    PermintaanPembayaranForm,
)
from .models import DokumenPerencanaan, LaporanKinerja, PenugasanLaporan
from .uang import format_rupiah


def _wajib_peran(request, *kode):
    if not punya_peran(request.user, kode):
        raise PermissionDenied("Peran Anda tidak berwenang membuka halaman ini.")


# -- kernel views with their search fields and related rows ---------------------------------------
class PermintaanAntrian(AntrianView):
    cari_nama = ("kegiatan", "penerima", "baris_dpa__kode_rekening")
    filter_fields = ("metode",)
    relasi = ("baris_dpa",)


class PermintaanDetail(DetailView):
    relasi = ("baris_dpa__dokumen", "dibuat_oleh")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["baris"] = selectors.realisasi_dpa().get(pk=ctx["objek"].baris_dpa_id)
        return ctx


class PerencanaanAntrian(AntrianView):
    cari_nama = ("judul",)
    filter_fields = ("jenis",)


class PerencanaanDetail(DetailView):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        dokumen = ctx["objek"]
        versi = list(dokumen.versi_dokumen.select_related("dibuat_oleh").order_by("-nomor"))
        ctx["daftar_versi"] = versi
        ctx["versi_terakhir"] = versi[0] if versi else None
        ctx["baris_dpa"] = list(selectors.realisasi_dpa().filter(dokumen=dokumen)) if dokumen.jenis == "dpa" else []
        return ctx


class NPDAntrian(AntrianView):
    cari_nama = ("kegiatan", "penyedia")


class LaporanKinerjaAntrian(AntrianView):
    cari_nama = ("nomor_surat_permintaan",)
    filter_fields = ("jenis", "tahun")


class LaporanKinerjaDetail(DetailView):
    relasi = ("surat_masuk",)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        laporan = ctx["objek"]
        ctx["penugasan"] = list(laporan.penugasan.select_related("selesai_oleh"))
        ctx["boleh_tugaskan"] = punya_peran(self.request.user, ["subbag_perencanaan"]) and laporan.status in ("diminta", "dihimpun")
        ctx["boleh_selesaikan"] = punya_peran(self.request.user, ["subbag_perencanaan", "bidang_teknis"]) and laporan.status in ("diminta", "dihimpun")
        ctx["form_penugasan"] = PenugasanForm(prefix="tugas")
        return ctx


class LaporanKeuanganAntrian(AntrianView):
    cari_nama = ("periode", "nomor_surat_permintaan")


class LaporanKeuanganDetail(DetailView):
    relasi = ("surat_masuk",)


# -- intake forms ------------------------------------------------------------------------------
def _halaman_baru(request, *, form, judul: str, kode: str, url_antrian: str, tombol: str, keterangan: str = ""):
    return render(request, "keuangan/baru.html", {
        "form": form, "judul": judul, "kode": kode, "url_antrian": url_antrian, "tombol": tombol, "keterangan": keterangan,
    }, status=400 if form.is_bound else 200)


@login_required
def permintaan_baru(request: HttpRequest) -> HttpResponse:
    """P.3.1.1 — the PPTK's payment request; refused above the line's remaining budget."""
    _wajib_peran(request, "pptk")
    form = PermintaanPembayaranForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            permintaan = services.permintaan_ajukan(baris=d["baris_dpa"], kegiatan=d["kegiatan"], jumlah=d["jumlah"],
                                                    penerima=d["penerima"], pengguna=request.user)
        except AksiDitolak as exc:
            form.add_error("jumlah", str(exc))
        else:
            messages.success(request, f"Permintaan {format_rupiah(permintaan.jumlah)} diajukan ke bendahara.")
            return redirect("keuangan:permintaanpembayaran-detail", permintaan.pk)
    return _halaman_baru(request, form=form, judul="Ajukan permintaan pembayaran", kode="P.3.1",
                         url_antrian=reverse("keuangan:permintaanpembayaran-antrian"), tombol="Ajukan",
                         keterangan="Jumlah ditolak bila melebihi sisa anggaran baris DPA.")


@login_required
def npd_baru(request: HttpRequest) -> HttpResponse:
    """P.1.1.1 — subbag rumah tangga & perlengkapan submits an NPD."""
    _wajib_peran(request, "subbag_umum")
    form = NotaPencairanDanaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        npd = services.npd_ajukan(pengguna=request.user, **form.cleaned_data)
        messages.success(request, "NPD diajukan ke bendahara.")
        return redirect("keuangan:notapencairandana-detail", npd.pk)
    return _halaman_baru(request, form=form, judul="Ajukan nota pencairan dana (NPD)", kode="P.1.1",
                         url_antrian=reverse("keuangan:notapencairandana-antrian"), tombol="Ajukan ke bendahara")


@login_required
def perencanaan_baru(request: HttpRequest) -> HttpResponse:
    """P.2.1 — a new planning document (draft, version 1)."""
    _wajib_peran(request, "subbag_perencanaan")
    form = DokumenPerencanaanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        dokumen = services.perencanaan_buat(pengguna=request.user, **form.cleaned_data)
        messages.success(request, "Draf dokumen perencanaan disimpan sebagai versi 1.")
        return redirect("keuangan:dokumenperencanaan-detail", dokumen.pk)
    return _halaman_baru(request, form=form, judul="Susun dokumen perencanaan", kode="P.2.1",
                         url_antrian=reverse("keuangan:dokumenperencanaan-antrian"), tombol="Simpan draf")


@login_required
def laporan_kinerja_baru(request: HttpRequest) -> HttpResponse:
    _wajib_peran(request, "subbag_perencanaan")
    form = LaporanKinerjaForm(request.POST or None, request.FILES or None, pengguna=request.user)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "surat"}
        laporan = services.laporan_kinerja_catat(data=data, surat=form.cleaned_data["surat"], pengguna=request.user)
        messages.success(request, "Surat permintaan dicatat.")
        return redirect("keuangan:laporankinerja-detail", laporan.pk)
    return _halaman_baru(request, form=form, judul="Catat permintaan laporan kinerja", kode="P.2.2.1",
                         url_antrian=reverse("keuangan:laporankinerja-antrian"), tombol="Catat")


@login_required
def laporan_keuangan_baru(request: HttpRequest) -> HttpResponse:
    _wajib_peran(request, "subbag_perencanaan")
    form = LaporanKeuanganForm(request.POST or None, request.FILES or None, pengguna=request.user)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "surat"}
        laporan = services.laporan_keuangan_catat(data=data, surat=form.cleaned_data["surat"], pengguna=request.user)
        messages.success(request, "Permintaan BPKA dicatat.")
        return redirect("keuangan:laporankeuangan-detail", laporan.pk)
    return _halaman_baru(request, form=form, judul="Catat permintaan laporan keuangan BPKA", kode="P.2.2.2",
                         url_antrian=reverse("keuangan:laporankeuangan-antrian"), tombol="Catat")


# -- reads --------------------------------------------------------------------------------------
@login_required
def realisasi(request: HttpRequest) -> HttpResponse:
    """P.3.1 — budget realisation per DPA line: budget, committed, paid, remaining."""
    _wajib_peran(request, *selectors.PERAN_REALISASI)
    try:
        tahun = int(request.GET.get("tahun") or 0) or None
    except ValueError:
        tahun = None
    baris = list(selectors.realisasi_dpa(tahun=tahun))
    return render(request, "keuangan/realisasi.html", {"baris": baris, "total": selectors.total_realisasi(baris), "tahun": tahun})


@login_required
def perencanaan_beda(request: HttpRequest, pk: int, lama: int, baru: int) -> HttpResponse:
    """P.2.1 — what changed between two versions of a planning document."""
    dokumen = objek_untuk_pengguna(DokumenPerencanaan, request.user, pk)
    versi = {v.nomor: v for v in dokumen.versi_dokumen.filter(nomor__in=[lama, baru])}
    if lama not in versi or baru not in versi:
        raise Http404("Versi tidak ditemukan.")
    return render(request, "keuangan/perencanaan_beda.html", {
        "objek": dokumen, "lama": versi[lama], "baru": versi[baru], "beda": selectors.beda_versi(versi[lama], versi[baru]),
    })


@login_required
def tren_kinerja(request: HttpRequest) -> HttpResponse:
    """P.2.2.1.4 — the Inspektorat's scores per year, with the trend."""
    _wajib_peran(request, *selectors.PERAN_TREN)
    tahun, baris = selectors.tren_kinerja()
    return render(request, "keuangan/tren_kinerja.html", {"tahun": tahun, "baris": baris})


# -- assignments of a performance report ----------------------------------------------------------
@login_required
@require_POST
def penugasan_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    _wajib_peran(request, "subbag_perencanaan")
    laporan = objek_untuk_pengguna(LaporanKinerja, request.user, pk)
    form = PenugasanForm(request.POST, prefix="tugas")
    if form.is_valid():
        try:
            services.penugasan_tambah(laporan=laporan, pengguna=request.user, **form.cleaned_data)
            messages.success(request, "Penugasan ditambahkan.")
        except AksiDitolak as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, "Penugasan belum lengkap: " + "; ".join(e for errs in form.errors.values() for e in errs))
    return redirect("keuangan:laporankinerja-detail", laporan.pk)


@login_required
@require_POST
def penugasan_selesai(request: HttpRequest, pk: int) -> HttpResponse:
    _wajib_peran(request, "subbag_perencanaan", "bidang_teknis")
    penugasan = get_object_or_404(PenugasanLaporan.objects.select_related("laporan"), pk=pk)
    objek_untuk_pengguna(LaporanKinerja, request.user, penugasan.laporan_id)
    if penugasan.laporan.status not in ("diminta", "dihimpun"):
        messages.error(request, "Laporan sudah dikirim.")
    else:
        services.penugasan_selesaikan(penugasan=penugasan, pengguna=request.user)
        messages.success(request, "Penugasan ditandai selesai.")
    return redirect("keuangan:laporankinerja-detail", penugasan.laporan_id)


