"""Pages of P.5.1 beyond the kernel's: the choice of event, and the front office's intake on the
kernel's intake view (several forms as one). The queue, the detail page
and every action are the kernel's generic views, subclassed only to name search fields, the
event filter and the rows to fetch along."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from apps.core.asupan import Saluran
from apps.core.peran import punya_peran
from apps.core.views import AntrianView, DetailView
from apps.core.views_asupan import AsupanView
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


class FormPelaporan:
    """The P.5.1 intake's forms as one for the kernel's intake view: form F-2.01 (the reporter,
    two witnesses), the event's details with the NIK look-ups, the requirement scans, and one
    confirmation (who, why) for every warning, kept for the verifiers."""

    def __init__(self, jenis: str, data=None, files=None):
        self.jenis, self.data = jenis, data
        self.umum = PencatatanForm(data)
        self.rincian = FORM_RINCIAN[jenis](data, files, prefix="rincian")
        self.syarat = SyaratForm(data, files, jenis=jenis)
        self.konfirmasi = KonfirmasiForm(prefix="konfirmasi")

    def is_valid(self) -> bool:
        sah = [self.umum.is_valid(), self.rincian.is_valid(), self.syarat.is_valid()]
        self.konfirmasi = KonfirmasiForm(self.data, prefix="konfirmasi",
                                         peringatan=self.umum.semua_peringatan() + self.rincian.semua_peringatan())
        return all(sah) and self.konfirmasi.is_valid()

    def kunci_idempoten(self) -> str:
        return self.umum.kunci_idempoten()


class PencatatanBaruView(AsupanView):
    """P.5.1 intake by the front office on the kernel's intake view."""

    model = PencatatanSipil
    template_name = "capil/pencatatan_baru.html"
    nama_berkas = "Pelaporan"

    def setup_asupan(self, request):
        _pastikan_fo(request.user)
        self.jenis = self.kwargs["jenis"]
        if self.jenis not in JenisPeristiwa.values:
            raise Http404("Jenis peristiwa tidak dikenal.")
        self.saluran = Saluran.LOKET

    def buat_form(self, data=None, files=None):
        return FormPelaporan(self.jenis, data, files)

    def simpan(self, form):
        pencatatan = form.umum.save(commit=False)
        pencatatan.jenis_peristiwa = self.jenis
        berkas = form.syarat.berkas() + form.rincian.berkas_pemeriksaan()
        return pencatatan_buat(pencatatan=pencatatan, rincian=form.rincian.save(commit=False), berkas=berkas,
                               oleh=self.request.user, konfirmasi=form.konfirmasi.konfirmasi())

    def pesan_dicatat(self, objek) -> str:
        return f"Pelaporan dicatat dengan kode lacak {objek.kode_lacak}. Periksa kelengkapan berkasnya."

    def konteks(self, form) -> dict:
        return {
            "jenis": self.jenis,
            "judul": f"Pelaporan {JenisPeristiwa(self.jenis).label.lower()}",
            "umum": form.umum,
            "rincian": form.rincian,
            "syarat": form.syarat,
            "konfirmasi": form.konfirmasi,
            "bagian": _bagian(form.umum, form.rincian, form.syarat),
        }
