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

from apps.core.idempoten import buat_sekali
from apps.core.peran import punya_peran
from apps.core.views import AntrianView, DetailView
from apps.penduduk.selectors import konfirmasi_untuk

from .akta import rincian_tampil
from .forms import FORM_RINCIAN, KonfirmasiForm, PencatatanForm, SyaratForm
from .models import JenisPeristiwa, PencatatanSipil
from .services import pencatatan_buat
from .syarat import syarat_pencatatan


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
        ada = set(objek.berkas_persyaratan)
        ctx["persyaratan"] = [(s.nama, s.kode in ada) for s in syarat_pencatatan(objek)]
        ctx["rincian"] = rincian_tampil(objek.rincian) if objek.rincian else []
        register = getattr(objek, "register", None)
        ctx["register"] = register
        ctx["catatan_pinggir"] = list(register.catatan_pinggir.all()) if register else []
        ctx["konfirmasi"] = konfirmasi_untuk(objek)
        return ctx


def _bagian(umum, rincian, syarat) -> list[tuple[str, str, list]]:
    """The intake form in sections (issue 8 §6): the reporter, the event, the people named in it
    with the witnesses, and the requirements — (title, html id, bound fields)."""
    prefiks = tuple(f"{spek[0]}_" for spek in rincian.ORANG)
    orang_rincian = [n for n in rincian.fields if n.startswith(prefiks) or n in ("no_kk", "agama_suami", "agama_istri")]
    berkas = [n for n in rincian.fields if n in rincian.BERKAS_PEMERIKSAAN]
    peristiwa = [n for n in rincian.fields if n not in orang_rincian and n not in berkas]
    pelapor = [n for n in umum.fields if n.startswith("pelapor_") or n == "email"]
    saksi = [n for n in umum.fields if n.startswith("saksi")]
    return [
        ("Pelapor", "bagian-pelapor", [umum[n] for n in pelapor]),
        ("Peristiwa", "bagian-peristiwa", [rincian[n] for n in peristiwa]),
        ("Orang dalam peristiwa dan saksi", "bagian-orang", [rincian[n] for n in orang_rincian] + [umum[n] for n in saksi]),
        ("Persyaratan", "bagian-persyaratan", [syarat[n] for n in syarat.fields] + [rincian[n] for n in berkas]),
    ]


def _pastikan_fo(user) -> None:
    if not punya_peran(user, ["petugas_fo"]):
        raise PermissionDenied("Halaman ini untuk petugas front office.")


@login_required
def pencatatan_pilih(request):
    """P.5.1 intake, first step: which event is being reported."""
    _pastikan_fo(request.user)
    produk = {JenisPeristiwa.LAHIR_MATI: "Surat keterangan lahir mati",
              JenisPeristiwa.PERCERAIAN: "Akta perceraian (putusan PN) atau pemutakhiran data (akta cerai PA)"}
    jenis = [(kode, label, produk.get(kode, f"Akta {label.lower()}")) for kode, label in JenisPeristiwa.choices]
    return render(request, "capil/pencatatan_pilih.html", {"jenis": jenis})


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
    rincian = FORM_RINCIAN[jenis](data, files, prefix="rincian")
    syarat = SyaratForm(data, files, jenis=jenis)
    konfirmasi = KonfirmasiForm(prefix="konfirmasi")
    status = 200
    if request.method == "POST":
        sah = [umum.is_valid(), rincian.is_valid(), syarat.is_valid()]
        # One confirmation (who, why) for every warning of the intake, kept for the verifiers.
        konfirmasi = KonfirmasiForm(data, prefix="konfirmasi",
                                    peringatan=umum.semua_peringatan() + rincian.semua_peringatan())
        if all(sah) and konfirmasi.is_valid():
            pencatatan = umum.save(commit=False)
            pencatatan.jenis_peristiwa = jenis
            berkas = syarat.berkas() + rincian.berkas_pemeriksaan()
            # A resubmitted form (its one-time key) gets the report it already created.
            objek, baru = buat_sekali(kunci=umum.kunci_idempoten(), pengguna=request.user, buat=lambda: pencatatan_buat(
                pencatatan=pencatatan, rincian=rincian.save(commit=False), berkas=berkas, oleh=request.user,
                konfirmasi=konfirmasi.konfirmasi()))
            if not baru:
                messages.info(request, f"Pelaporan ini sudah tercatat dengan kode lacak {objek.kode_lacak}.")
                return redirect(reverse("capil:pencatatansipil-detail", args=[objek.pk]))
            messages.success(request, f"Pelaporan dicatat dengan kode lacak {objek.kode_lacak}. Periksa kelengkapan berkasnya.")
            return redirect(reverse("capil:pencatatansipil-detail", args=[objek.pk]))
        messages.error(request, "Periksa kembali isian yang ditandai.")
        status = 400
    konteks = {
        "jenis": jenis,
        "judul": f"Pelaporan {JenisPeristiwa(jenis).label.lower()}",
        "umum": umum,
        "rincian": rincian,
        "syarat": syarat,
        "konfirmasi": konfirmasi,
        "bagian": _bagian(umum, rincian, syarat),
    }
    return render(request, "capil/pencatatan_baru.html", konteks, status=status)
