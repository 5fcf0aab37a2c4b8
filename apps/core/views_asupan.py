"""The kernel's intake page and the register look-up it uses (``apps.core.asupan``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string
from django.views import View
from django.views.decorators.http import require_POST

from .asupan import Saluran, asupan_simpan, saluran_pengguna
from .idempoten import buat_sekali
from .peran import peran_pengguna
from .peta import teks_kode
from .urls import url_proses
from .workflow import AksiDitolak


class AsupanView(LoginRequiredMixin, View):
    """GET: the process's intake form for the user's channel; POST: the request, its scans, its
    first timeline row and the tanda terima. A rejected form keeps what was typed (the browser
    drops chosen files; the page says so); a resubmitted form (its one-time key) returns the
    request it created.

    A process whose intake is more than one form (P.4.1 chooses the service first, and so the
    flow) subclasses it and overrides the hooks: ``setup_asupan``, ``buat_form``, ``simpan``,
    ``konteks`` and ``template_name``."""

    model = None
    template_name = None
    nama_berkas = "Permohonan"

    def setup_asupan(self, request):
        if not getattr(self.model, "FORM_ASUPAN", None):
            raise PermissionDenied("Proses ini tidak menerima permohonan lewat formulir.")
        saluran = saluran_pengguna(self.model, request.user)
        if not saluran:
            raise PermissionDenied("Peran Anda tidak dapat mencatat permohonan ini.")
        self.saluran = request.POST.get("saluran") or request.GET.get("saluran") or saluran[0]
        if self.saluran not in saluran:
            raise PermissionDenied("Saluran ini bukan untuk peran Anda.")
        if self.saluran == Saluran.DARING and not self.model.boleh_daring():
            raise PermissionDenied("Layanan ini belum dapat diajukan secara daring; silakan datang ke loket.")
        self.kelas_form = import_string(self.model.FORM_ASUPAN)

    def buat_form(self, data=None, files=None):
        return self.kelas_form(data, files, saluran=self.saluran, pengguna=self.request.user)

    def simpan(self, form):
        """Create the request from the valid form (inside the one-time key's transaction)."""
        return asupan_simpan(form=form, pengguna=self.request.user, saluran=self.saluran)

    def get(self, request, *args, **kwargs):
        tanggapan = self.setup_asupan(request)
        if tanggapan is not None:
            return tanggapan
        return self.tampil(self.buat_form())

    def post(self, request, *args, **kwargs):
        tanggapan = self.setup_asupan(request)
        if tanggapan is not None:
            return tanggapan
        form = self.buat_form(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, "Periksa kembali isian yang ditandai.")
            return self.tampil(form, status=400)
        try:
            objek, baru = buat_sekali(kunci=form.kunci_idempoten(), pengguna=request.user, buat=lambda: self.simpan(form))
        except AksiDitolak as exc:
            messages.error(request, str(exc))
            return self.tampil(form, status=400)
        if self.saluran == Saluran.DARING:
            # A citizen does not open staff pages: the code and PIN to follow the request online.
            return render(request, "core/asupan_selesai.html", {"objek": objek, "meta": type(objek)._meta, "baru": baru})
        if baru:
            messages.success(request, self.pesan_dicatat(objek))
            for pesan in getattr(form, "semua_peringatan", list)():
                messages.warning(request, pesan)
        else:
            messages.info(request, f"{self.nama_berkas} ini sudah tercatat dengan kode lacak {objek.kode_lacak}.")
        return redirect(url_proses(type(objek), "detail", objek.pk))

    def pesan_dicatat(self, objek) -> str:
        return (f"Permohonan dicatat dengan kode lacak {objek.kode_lacak}. Cetak tanda terima dari panel dokumen "
                "dan serahkan kepada pemohon.")

    def konteks(self, form) -> dict:
        meta = self.model._meta
        return {
            "form": form, "meta": meta, "saluran": self.saluran, "label_saluran": Saluran.LABEL.get(self.saluran),
            "kode_proses": teks_kode(self.model), "boleh_cari_nik": boleh_cari_nik(self.request.user),
            "url_antrian": url_proses(self.model, "antrian") if self.saluran != Saluran.DARING else "",
        }

    def tampil(self, form, status=200):
        meta = self.model._meta
        template = self.template_name or [f"{meta.app_label}/{meta.model_name}_baru.html", "core/asupan.html"]
        return render(self.request, template, self.konteks(form), status=status)


def boleh_cari_nik(user) -> bool:
    """Officers who file for a citizen read the register for the look-up; a citizen does not."""
    return bool(peran_pengguna(user) - {"pemohon"}) and user.has_perm("penduduk.view_penduduk")


@login_required
@require_POST
def cari_nik(request):
    """The identity fields of the resident with this NIK (JSON), for the intake page's look-up.
    A POST, so that the NIK stays out of URLs and access logs."""
    from apps.penduduk.selectors import alamat_lengkap, penduduk_dari_nik
    from apps.penduduk.validators import bersihkan_nomor

    if not boleh_cari_nik(request.user):
        raise PermissionDenied("Peran Anda tidak dapat membaca register penduduk.")
    nik = bersihkan_nomor(request.POST.get("nik", ""))
    penduduk = penduduk_dari_nik(nik) if len(nik) == 16 and nik.isdigit() else None
    if penduduk is None:
        return JsonResponse({"ditemukan": False})
    return JsonResponse({"ditemukan": True, "isian": {
        "nik": penduduk.nik, "nama": penduduk.nama, "alamat": alamat_lengkap(penduduk),
        "no_kk": penduduk.keluarga.no_kk if penduduk.keluarga_id else "",
    }})
