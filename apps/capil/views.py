"""Pages of P.5.1 the kernel does not give: the front office's intake. The queue, the detail page
and every action are the kernel's generic views, subclassed only to name search fields, the
event filter and the rows to fetch along."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from apps.core.peran import punya_peran
from apps.core.views import AntrianView, DetailView

from .akta import rincian_tampil
from .forms import FORM_RINCIAN, PencatatanForm, SyaratForm
from .models import JenisPeristiwa, PencatatanSipil
from .services import pencatatan_buat
from .syarat import syarat_untuk


class PencatatanAntrianView(AntrianView):
    """Queue of P.5.1: by tracking code, NIK or nomor akta, or a name; filter by event."""

    cari_teks = ("kode_lacak", "pelapor_nik", "register__nomor_akta", "kematian__jenazah_nik")
    cari_nama = ("pelapor_nama", "kelahiran__nama_anak", "kematian__jenazah_nama")
    filter_fields = ("jenis_peristiwa",)
    relasi = PencatatanSipil.RELASI_RINCIAN


class PencatatanDetailView(DetailView):
    """A request: the event's data, requirements with their scans, register entry, documents."""

    relasi = (*PencatatanSipil.RELASI_RINCIAN, "kelahiran__keluarga", "lahirmati__keluarga", "kelahiran__anak",
              "register", "dibuat_oleh")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        objek = ctx["objek"]
        ctx["lampiran"] = list(ctx["lampiran"])
        ada = {lampiran.keterangan for lampiran in ctx["lampiran"]}
        ctx["persyaratan"] = [(s, s in ada) for s in syarat_untuk(objek.jenis_peristiwa)]
        ctx["rincian"] = rincian_tampil(objek.rincian) if objek.rincian else []
        register = getattr(objek, "register", None)
        ctx["register"] = register
        ctx["catatan_pinggir"] = list(register.catatan_pinggir.all()) if register else []
        return ctx


def _pastikan_fo(user) -> None:
    if not punya_peran(user, ["petugas_fo"]):
        raise PermissionDenied("Halaman ini untuk petugas front office.")


@login_required
def pencatatan_pilih(request):
    """P.5.1 intake, first step: which event is being reported."""
    _pastikan_fo(request.user)
    return render(request, "capil/pencatatan_pilih.html", {"jenis": JenisPeristiwa.choices})


@login_required
@require_http_methods(["GET", "POST"])
def pencatatan_baru(request, jenis: str):
    """P.5.1 intake by the front office: form F-2.01 (the event, the reporter, two witnesses)
    with NIK look-ups in the register, and the scans of the requirements brought."""
    _pastikan_fo(request.user)
    if jenis not in JenisPeristiwa.values:
        raise Http404("Jenis peristiwa tidak dikenal.")
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    umum = PencatatanForm(data)
    rincian = FORM_RINCIAN[jenis](data, prefix="rincian")
    syarat = SyaratForm(data, files, jenis=jenis)
    status = 200
    if request.method == "POST":
        if all([umum.is_valid(), rincian.is_valid(), syarat.is_valid()]):
            pencatatan = umum.save(commit=False)
            pencatatan.jenis_peristiwa = jenis
            objek = pencatatan_buat(pencatatan=pencatatan, rincian=rincian.save(commit=False),
                                    berkas=syarat.berkas(), oleh=request.user)
            messages.success(request, f"Pelaporan dicatat dengan kode lacak {objek.kode_lacak}. Periksa kelengkapan berkasnya.")
            return redirect(reverse("capil:pencatatansipil-detail", args=[objek.pk]))
        messages.error(request, "Periksa kembali isian yang ditandai.")
        status = 400
    konteks = {
        "jenis": jenis,
        "judul": f"Pencatatan {JenisPeristiwa(jenis).label.lower()}",
        "umum": umum,
        "rincian": rincian,
        "syarat": syarat,
    }
    return render(request, "capil/pencatatan_baru.html", konteks, status=status)
