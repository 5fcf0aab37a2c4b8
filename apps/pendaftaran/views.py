"""Pages of P.4.1 beyond the kernel's: the intake (the kernel's intake page with the service chosen
first) and the register look-up by NIK that fills the identity block. Queues, detail pages and actions are the kernel's, subclassed here only
to name the search fields, the service filter and the related rows to fetch along."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import prefetch_related_objects
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from apps.core.asupan import Saluran
from apps.core.peran import peran_pengguna, punya_peran
from apps.core.views import AntrianView, DetailView, Kolom
from apps.core.views_asupan import AsupanView
from apps.penduduk.selectors import alamat_lengkap, konfirmasi_untuk, penduduk_dari_nik
from apps.penduduk.validators import bersihkan_nomor

from .forms import IdentitasForm, PendaftaranForm, PilihLayananForm
from .models import Layanan, PermohonanIntegrasi, PermohonanTanpaVerifikasi
from .models.layanan import instansi_pengguna
from .selectors import alasan_kembali, daftar_periksa, layanan_loket, layanan_untuk_model, pilihan_layanan
from .services import model_untuk_layanan, permohonan_ajukan


class PermohonanAntrianView(AntrianView):
    """Queue of a P.4.1 flow: search by tracking code, NIK or name; filter by service and state."""

    cari_teks = ("kode_lacak", "nik")
    cari_nama = ("nama",)
    filter_fields = ("layanan",)
    relasi = ("layanan",)
    kolom = (Kolom("Layanan", "layanan__nama"), Kolom("Pemohon", "nama"), Kolom("NIK", "nik", "font-monospace small"))

    def get_template_names(self):
        return ["pendaftaran/antrian.html"]

    def filter_form(self):
        form = super().filter_form()
        f = form.fields["layanan"]
        f.queryset = layanan_untuk_model(self.model)
        # Read when the select is drawn (an export builds this form but draws nothing), instead of
        # Django's iterator over the queryset (a server-side cursor on PostgreSQL per page).
        f.widget.choices = lambda: [("", f.empty_label), *pilihan_layanan(self.model)]
        return form

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["peran_kode"] = peran_pengguna(self.request.user)
        return ctx


class PermohonanDetailView(DetailView):
    """A request: data, requirement checklist with scans, documents, timeline and actions."""

    def get_template_names(self):
        return ["pendaftaran/detail.html"]

    @property
    def relasi(self):
        extra = ("instansi",) if self.model is PermohonanIntegrasi else ()
        return ("layanan", "dibuat_oleh", "sebab", *extra)

    def get_objek(self):
        objek = super().get_objek()
        prefetch_related_objects([objek], "layanan__persyaratan__hanya_untuk_sebab")
        return objek

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        objek = ctx["objek"]
        ctx["lampiran"] = list(ctx["lampiran"])
        ctx["riwayat"] = list(ctx["riwayat"])
        ctx["alasan_kembali"] = alasan_kembali(objek, ctx["riwayat"])
        ctx["daftar_periksa"] = daftar_periksa(objek, ctx["lampiran"])
        ctx["persyaratan_kurang"] = objek.persyaratan_kurang()
        # What the intake officer confirmed despite warnings, for the verifier (issue 8 §4).
        ctx["konfirmasi"] = konfirmasi_untuk(objek)
        return ctx


class PendaftaranBaruView(AsupanView):
    """P.4.1 intake on the kernel's intake page: the service is chosen first (it decides the
    flow, P.4.1.1–P.4.1.3, and the requirements), then the applicant is identified and the
    requirements ticked and scanned. Front office at the counter, or a partner's officer."""

    integrasi = False
    template_name = "pendaftaran/pendaftaran_baru.html"

    def setup_asupan(self, request):
        peran = "petugas_integrasi" if self.integrasi else "petugas_fo"
        if not punya_peran(request.user, [peran]):
            raise PermissionDenied("Halaman ini untuk petugas loket pendaftaran.")
        if self.integrasi and not instansi_pengguna(request.user):
            messages.error(request, "Akun Anda belum terdaftar pada instansi mitra. Hubungi administrator.")
            return redirect("akun:beranda")
        self.saluran = Saluran.MITRA if self.integrasi else Saluran.LOKET
        pilihan = layanan_loket(integrasi=self.integrasi)
        self.pilih = PilihLayananForm(request.GET or None, layanan_qs=pilihan)
        self.layanan = self.pilih.cleaned_data["layanan"] if self.pilih.is_bound and self.pilih.is_valid() else None
        if request.method == "POST":
            pk = request.POST.get("layanan", "")
            self.layanan = (Layanan.objects.filter(pk=pk, pk__in=pilihan.values("pk")).first()
                            if pk.isdigit() else None)
            if self.layanan is None:
                messages.error(request, "Pilih layanan yang dimohon.")
                return redirect(request.path)
        self.model = model_untuk_layanan(self.layanan, integrasi=self.integrasi) if self.layanan else PermohonanTanpaVerifikasi
        return None

    def buat_form(self, data=None, files=None):
        if self.layanan is None:
            return None
        return PendaftaranForm(data, files, layanan=self.layanan, integrasi=self.integrasi)

    def simpan(self, form):
        return permohonan_ajukan(
            layanan=self.layanan, data=form.data_pemohon(), berkas=form.berkas_persyaratan(), oleh=self.request.user,
            integrasi=self.integrasi, konfirmasi=form.konfirmasi(), foto=form.foto(),
        )

    def konteks(self, form) -> dict:
        return {**super().konteks(form), "pilih": self.pilih, "layanan": self.layanan, "integrasi": self.integrasi}


@login_required
@require_POST
def cari_nik(request):
    """htmx: the applicant's identity fields, filled from the register when the NIK is found there.

    What the officer already typed is kept when the NIK is not found."""
    if not (punya_peran(request.user, ["petugas_fo", "petugas_integrasi"]) and request.user.has_perm("penduduk.view_penduduk")):
        raise PermissionDenied("Peran Anda tidak dapat membaca register penduduk.")
    # A POST (hx-post): the NIK stays out of the URL and so out of access logs.
    nik = bersihkan_nomor(request.POST.get("nik", ""))
    penduduk = penduduk_dari_nik(nik) if len(nik) == 16 and nik.isdigit() else None
    awal = {k: request.POST.get(k, "") for k in ("nik", "nama", "no_kk", "alamat")}
    if penduduk is not None:
        awal.update(
            nik=penduduk.nik,
            nama=penduduk.nama,
            no_kk=penduduk.keluarga.no_kk if penduduk.keluarga_id else awal["no_kk"],
            alamat=alamat_lengkap(penduduk),
        )
    return render(
        request,
        "pendaftaran/_identitas.html",
        {"form": IdentitasForm(initial=awal), "penduduk": penduduk, "dicari": bool(nik)},
    )

