"""Pages of P.1.2.1.1, P.1.2.3 and P.1.3.1 beyond the kernel's queue, detail and action views:
starting a record (the kepala's order, a stock-take, an employee's request) and the detail pages'
extra panels."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from apps.core.peran import punya_peran
from apps.core.selectors import objek_untuk_pengguna
from apps.core.views import AntrianView, DetailView
from apps.core.workflow import AksiDitolak

from .forms_bmd import InventarisasiForm
from .forms_keluar import PerintahSuratKeluarForm
from .forms_pegawai import UsulanKepegawaianForm
from .models import Inventarisasi, saldo_cuti_tahunan
from .services_bmd import inventarisasi_buka
from .services_keluar import surat_keluar_perintahkan
from .services_pegawai import usulan_ajukan


class SuratKeluarAntrian(AntrianView):
    cari_nama = ("hal", "kepada", "nomor_surat")
    filter_fields = ("sifat",)
    relasi = ("klasifikasi",)


class SuratKeluarDetail(DetailView):
    relasi = ("klasifikasi", "diantar_oleh")


class UsulanAntrian(AntrianView):
    cari_nama = ("pegawai__first_name", "pegawai__last_name", "pegawai__username")
    filter_fields = ("jenis",)
    relasi = ("pegawai",)


class UsulanDetail(DetailView):
    relasi = ("pegawai",)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        u = ctx["objek"]
        if u.jenis == "cuti" and u.jenis_cuti == "tahunan" and u.tanggal_mulai:
            ctx["saldo"] = saldo_cuti_tahunan(u.pegawai, u.tanggal_mulai.year)
        return ctx


class InventarisasiDetail(DetailView):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["kebutuhan"] = ctx["objek"].kebutuhan.select_related("diajukan_oleh")
        ctx["total_usulan"] = ctx["objek"].total_usulan()
        return ctx


def _halaman_baru(request, *, peran: tuple[str, ...], pesan_tolak: str, form, judul: str, kode: str, simpan, url_batal: str,
                  konteks=None) -> HttpResponse:
    if not punya_peran(request.user, peran):
        raise PermissionDenied(pesan_tolak)
    if request.method == "POST":
        if form.is_valid():
            try:
                objek, pesan = simpan(form)
            except AksiDitolak as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, pesan)
                return redirect(reverse(f"umum:{objek._meta.model_name}-detail", args=[objek.pk]))
        messages.error(request, "Periksa kembali isian yang ditandai.")
    return render(request, "umum/baru.html", {"form": form, "judul": judul, "kode": kode, "url_batal": url_batal,
                                              **(konteks or {})}, status=400 if form.errors else 200)


@login_required
def surat_keluar_baru(request: HttpRequest) -> HttpResponse:
    """P.1.2.1.1.1 — the kepala dinas orders an outgoing letter."""
    form = PerintahSuratKeluarForm(request.POST or None)

    def simpan(f):
        surat = surat_keluar_perintahkan(pengguna=request.user, data=f.cleaned_data)
        return surat, "Perintah pembuatan surat diteruskan ke tata usaha."

    return _halaman_baru(request, peran=("kadis",), pesan_tolak="Surat keluar diperintahkan oleh kepala dinas.",
                         form=form, judul="Perintah pembuatan surat keluar", kode="P.1.2.1.1", simpan=simpan,
                         url_batal=reverse("umum:suratkeluar-antrian"))


@login_required
def inventarisasi_baru(request: HttpRequest) -> HttpResponse:
    """P.1.2.3.1 — the pengurus barang opens the year's stock-take."""
    form = InventarisasiForm(request.POST or None, initial={"tahun_anggaran": timezone.localdate().year + 1})

    def simpan(f):
        inv = inventarisasi_buka(pengguna=request.user, data=f.cleaned_data)
        return inv, f"Perekapan barang tahun anggaran {inv.tahun_anggaran} dibuka; bidang dapat mengisi kebutuhan."

    return _halaman_baru(request, peran=("pengurus_barang",), pesan_tolak="Perekapan barang dibuka oleh pengurus barang.",
                         form=form, judul="Perekapan barang dan RKBMD", kode="P.1.2.3", simpan=simpan,
                         url_batal=reverse("umum:inventarisasi-antrian"))


@login_required
def usulan_baru(request: HttpRequest) -> HttpResponse:
    """P.1.3.1.1 — an employee submits a kenaikan pangkat, cuti or pensiun request; the page shows
    their cuti tahunan balance."""
    form = UsulanKepegawaianForm(request.POST or None, request.FILES or None, pegawai=request.user)

    def simpan(f):
        data = {k: v for k, v in f.cleaned_data.items() if k != "berkas"}
        usulan = usulan_ajukan(pegawai=request.user, data=data, lama_hari=f.lama_hari, berkas=f.cleaned_data.get("berkas"))
        return usulan, "Usulan Anda diajukan ke tata usaha."

    tahun = timezone.localdate().year
    saldo = saldo_cuti_tahunan(request.user, tahun) if request.user.is_authenticated else None
    return _halaman_baru(request, peran=("pegawai",), pesan_tolak="Usulan kepegawaian diajukan oleh pegawai.",
                         form=form, judul="Usulan kenaikan pangkat, cuti atau pensiun", kode="P.1.3.1", simpan=simpan,
                         url_batal=reverse("umum:usulankepegawaian-antrian"), konteks={"saldo": saldo})



@login_required
def rkbmd_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """P.1.2.3.4 — the RKBMD rows as CSV, for entering them into the RKA (subbag perencanaan). The
    amounts are written from the stored Decimals with a dot, as spreadsheets import them."""
    import csv

    inv = objek_untuk_pengguna(Inventarisasi, request.user, pk)
    data = inv.data_dokumen("rkbmd")
    respons = HttpResponse(content_type="text/csv; charset=utf-8")
    respons["Content-Disposition"] = f'attachment; filename="rkbmd-{inv.tahun_anggaran}.csv"'
    tulis = csv.writer(respons)
    tulis.writerow(["bidang", "kode_barang", "nama_barang", "jumlah", "satuan", "harga_satuan", "jumlah_biaya", "alasan"])
    for b in data["baris"]:
        tulis.writerow([b["bidang"], b["kode_barang"], b["nama_barang"], b["jumlah"], b["satuan"], f"{b['harga_satuan']:.2f}",
                        f"{b['total']:.2f}", b["alasan"]])
    tulis.writerow(["", "", "Total", "", "", "", f"{data['total']:.2f}", ""])
    return respons
