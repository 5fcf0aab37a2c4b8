"""Pages of P.1.2.1.2 and P.1.2.2 beyond the kernel's queue, detail and action views.

The kernel gives the queues, the detail pages and every action; this module only names search
fields and related rows for them, and adds the two pages the kernel has no notion of: entering a
new letter and searching the archive.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from apps.core.peran import punya_peran
from apps.core.views import AntrianView, DetailView
from apps.core.workflow import aksi_tersedia, lampiran_dari

from .forms import ArsipCariForm, SuratMasukForm
from .models import PERAN_PIMPINAN_SURAT, Disposisi, SuratMasuk
from .selectors import arsip_cari, tujuan_surat
from .services import surat_masuk_catat


class SuratMasukAntrian(AntrianView):
    cari_nama = ("pengirim", "perihal", "nomor_surat")
    filter_fields = ("sifat", "asal")


class SuratMasukDetail(DetailView):
    """The letter with its disposition: every target, its receipt and its follow-up."""

    relasi = ("klasifikasi", "didisposisi_oleh")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        surat, user = ctx["objek"], self.request.user
        tujuan = list(tujuan_surat(surat))
        terbuka = set(Disposisi.untuk_pengguna(user).filter(surat=surat).values_list("pk", flat=True)) if tujuan else set()
        for d in tujuan:
            d.boleh_buka = d.pk in terbuka
            d.aksi_saya = aksi_tersedia(d, user) if d.boleh_buka else []
        ctx["tujuan"] = tujuan
        return ctx


class DisposisiAntrian(AntrianView):
    """The queue "Disposisi untuk saya": a target's dispositions (due date first), the caraka's deliveries."""

    cari_nama = ("surat__perihal", "surat__pengirim")
    relasi = ("surat", "pengguna")


class DisposisiDetail(DetailView):
    relasi = ("surat", "pengguna", "diantar_oleh", "ditindaklanjuti_oleh", "tanda_terima")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        d = ctx["objek"]
        # The caraka carries a secret letter without reading it.
        user = self.request.user
        ctx["boleh_baca_surat"] = SuratMasuk.untuk_pengguna(user).filter(pk=d.surat_id).exists()
        ctx["lampiran_surat"] = lampiran_dari(d.surat) if ctx["boleh_baca_surat"] else []
        if not ctx["boleh_baca_surat"]:
            # The kadis' disposition note (on the "Disposisi diterbitkan" row) and the targets'
            # follow-up notes are the letter's content: masked like its subject; the caraka
            # still sees their own notes.
            baris = list(ctx["riwayat"])
            for r in baris:
                if r.catatan and r.oleh_id != user.pk:
                    r.catatan = "(catatan rahasia)"
            ctx["riwayat"] = baris
        return ctx


@login_required
def surat_masuk_baru(request: HttpRequest) -> HttpResponse:
    """P.1.2.1.2 — the tata usaha enters an incoming letter and its scan."""
    if not punya_peran(request.user, ["tata_usaha"]):
        raise PermissionDenied("Surat masuk dicatat oleh tata usaha.")
    form = SuratMasukForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "pindaian"}
            surat = surat_masuk_catat(data=data, pindaian=form.cleaned_data["pindaian"], pengguna=request.user)
            messages.success(request, f"Surat masuk dicatat dengan nomor agenda {surat.agenda}.")
            return redirect(reverse("umum:suratmasuk-detail", args=[surat.pk]))
        messages.error(request, "Periksa kembali isian yang ditandai.")
    return render(request, "umum/suratmasuk_baru.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def arsip(request: HttpRequest) -> HttpResponse:
    """P.1.2.2 — the archive: filed letters by code, date range, sender and subject."""
    if not punya_peran(request.user, PERAN_PIMPINAN_SURAT):
        raise PermissionDenied("Arsip surat dibuka oleh tata usaha, sekretaris dan kepala dinas.")
    form = ArsipCariForm(request.GET or None)
    kriteria = form.kriteria() if form.is_bound and form.is_valid() else {}
    halaman = Paginator(arsip_cari(**kriteria), 25).get_page(request.GET.get("page")) if not form.errors else None
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "umum/arsip.html", {
        "form": form,
        "page_obj": halaman,
        "is_paginated": bool(halaman and halaman.has_other_pages()),
        "query_tanpa_halaman": params.urlencode(),
        "dicari": bool(kriteria),
        "keluar": kriteria.get("jenis") == "keluar",
    })
