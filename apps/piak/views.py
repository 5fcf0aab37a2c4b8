"""PIAK pages beyond the kernel's queues, details and actions: the intake of information requests
and complaints (public web form and staff), the resident's reopening from the status page."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from apps.core.peran import peran_pengguna
from apps.core.views import AntrianView, DetailView
from apps.core.workflow import AksiDitolak

from .forms import BukaUlangForm, PengaduanPetugasForm, PengaduanPublikForm
from .models import Pengaduan, Saluran
from .services import buka_pengaduan, pengaduan_buka_ulang

# Which channels each intake role records.
SALURAN_PERAN = {
    "petugas_fo": (Saluran.LOKET,),
    "operator_medsos": (Saluran.MEDSOS,),
    "admin_piak": (Saluran.LOKET, Saluran.MEDSOS, Saluran.LAPOR),
}
PERAN_INTAKE = frozenset(SALURAN_PERAN)
_SESI_TERKIRIM = "piak_aduan_terkirim"


class PengaduanAntrian(AntrianView):
    cari_teks = ("kode_lacak", "nik", "nomor_tiket_lapor")
    cari_nama = ("nama",)
    filter_fields = ("jenis", "saluran", "bidang")


class _TanpaAkun:
    """Who took a step without an account (the resident on the web form or the status page)."""

    username = "warga / sistem"

    def get_full_name(self) -> str:
        return ""


class _BarisRiwayat:
    """A timeline row whose actor may be nobody: core/_riwayat.html reads ``r.oleh.username`` as
    a filter argument, which fails on a row without a user."""

    def __init__(self, baris):
        self._baris = baris

    def __getattr__(self, nama):
        return getattr(self._baris, nama)

    @property
    def oleh(self):
        return self._baris.oleh or _TanpaAkun()


class RiwayatTanpaAkunMixin:
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["riwayat"] = [_BarisRiwayat(r) for r in ctx["riwayat"]]
        return ctx


class PengaduanDetail(RiwayatTanpaAkunMixin, DetailView):
    relasi = ("asal_ct",)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["data_pribadi"] = ctx["objek"].boleh_lihat_data_pribadi(self.request.user)
        return ctx


def _ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "?"


def batas_aduan_per_jam() -> int:
    return getattr(settings, "PIAK_BATAS_ADUAN_PER_JAM", 5)


def _kunci_batas(ip: str) -> str:
    return f"piak:aduan:ip:{ip}"


def aduan_terbatas(ip: str) -> bool:
    return (cache.get(_kunci_batas(ip)) or 0) >= batas_aduan_per_jam()


def aduan_catat(ip: str) -> None:
    kunci = _kunci_batas(ip)
    if not cache.add(kunci, 1, timeout=3600):
        try:
            cache.incr(kunci)
        except ValueError:
            cache.set(kunci, 1, timeout=3600)


@require_http_methods(["GET", "POST"])
def aduan_publik(request: HttpRequest) -> HttpResponse:
    """The public web form (no account): rate-limited per address, with a honeypot and size
    limits; a rejected form comes back with what was typed."""
    if request.method == "GET":
        return render(request, "piak/aduan_publik.html", {"form": PengaduanPublikForm()})
    ip = _ip(request)
    if aduan_terbatas(ip):
        form = PengaduanPublikForm(request.POST)
        pesan = "Terlalu banyak kiriman dari alamat Anda. Silakan coba lagi satu jam lagi atau hubungi loket."
        return render(request, "piak/aduan_publik.html", {"form": form, "pesan": pesan}, status=429)
    form = PengaduanPublikForm(request.POST, request.FILES)
    if form.terisi_bot:
        # Answer as if accepted: a bot learns nothing; nothing is stored.
        aduan_catat(ip)
        return render(request, "piak/aduan_terkirim.html", {"objek": None})
    if not form.is_valid():
        return render(request, "piak/aduan_publik.html", {"form": form}, status=400)
    aduan_catat(ip)
    d = form.cleaned_data
    lampiran = [(d["lampiran"], "Lampiran pelapor")] if d.get("lampiran") else []
    objek = buka_pengaduan(saluran=Saluran.WEB, jenis=d["jenis"], nama=d["nama"], nik=d["nik"], email=d["email"],
                           telepon=d["telepon"], isi=d["isi"], lampiran=lampiran)
    request.session[_SESI_TERKIRIM] = objek.pk
    return redirect("piak:aduan-terkirim")


def aduan_terkirim(request: HttpRequest) -> HttpResponse:
    """The receipt once: tracking code and PIN of the case just sent from this browser."""
    pk = request.session.pop(_SESI_TERKIRIM, None)
    objek = Pengaduan.objects.filter(pk=pk).first() if pk else None
    if objek is None:
        return redirect("piak:aduan-publik")
    return render(request, "piak/aduan_terkirim.html", {"objek": objek})


@login_required
@require_http_methods(["GET", "POST"])
def pengaduan_baru(request: HttpRequest) -> HttpResponse:
    """Staff intake: a walk-in at the front office, a social media message, an SP4N-LAPOR! ticket."""
    milik = peran_pengguna(request.user) & PERAN_INTAKE
    if not milik:
        raise PermissionDenied("Peran Anda tidak mencatat pengaduan.")
    boleh = tuple(dict.fromkeys(s for p in sorted(milik) for s in SALURAN_PERAN[p]))
    form = PengaduanPetugasForm(request.POST or None, request.FILES or None, saluran_boleh=boleh)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        lampiran = [(d["lampiran"], "Tangkapan layar / dokumen")] if d.get("lampiran") else []
        objek = buka_pengaduan(
            saluran=d["saluran"], jenis=d["jenis"], nama=d["nama"], nik=d["nik"], email=d["email"], telepon=d["telepon"],
            isi=d["isi"], pengguna=request.user, medsos_platform=d["medsos_platform"], medsos_akun=d["medsos_akun"],
            medsos_tautan=d["medsos_tautan"], nomor_tiket_lapor=d["nomor_tiket_lapor"], lampiran=lampiran,
        )
        messages.success(request, f"Dicatat dengan kode lacak {objek.kode_lacak}.")
        return redirect("piak:pengaduan-tanda-terima", pk=objek.pk)
    if request.method == "POST":
        messages.error(request, "Periksa kembali isian yang ditandai.")
    return render(request, "piak/pengaduan_baru.html", {"form": form}, status=400 if request.method == "POST" else 200)


@login_required
def pengaduan_tanda_terima(request: HttpRequest, pk: int) -> HttpResponse:
    """The receipt for the resident (code and PIN), for the officer who recorded it."""
    objek = Pengaduan.objects.filter(pk=pk, dibuat_oleh=request.user).first()
    if objek is None:
        raise Http404("Tanda terima tidak ditemukan.")
    return render(request, "piak/aduan_terkirim.html", {"objek": objek, "petugas": True})


@require_POST
def aduan_buka_ulang(request: HttpRequest, kode: str) -> HttpResponse:
    """The resident reopens the answer, from the status page opened with its code and PIN."""
    from apps.publik.views import _objek_terbuka

    objek = _objek_terbuka(request, kode)
    if not isinstance(objek, Pengaduan):
        return redirect(f"{reverse('publik:status')}?kode={kode}")
    form = BukaUlangForm(request.POST)
    if form.is_valid():
        try:
            pengaduan_buka_ulang(objek=objek, alasan=form.cleaned_data["alasan"])
        except AksiDitolak as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Pengaduan dibuka kembali; petugas PIAK akan menindaklanjutinya.")
    else:
        messages.error(request, "Tuliskan alasan membuka kembali (maksimal 2000 karakter).")
    return redirect("publik:status-detail", kode=objek.kode_lacak)


# -- P.6.1 -----------------------------------------------------------------------------------------
class InsidenAntrian(AntrianView):
    cari_nama = ("gejala",)
    filter_fields = ("layanan", "lingkup")


class InsidenDetail(RiwayatTanpaAkunMixin, DetailView):
    relasi = ("penyedia", "aset_pengganti", "dibuat_oleh")


@login_required
@require_http_methods(["GET", "POST"])
def insiden_baru(request: HttpRequest) -> HttpResponse:
    """Any SIAK user (staff role) reports a problem in the daily service."""
    from .forms_insiden import LaporInsidenForm
    from .models.insiden import PERAN_PELAPOR
    from .services.insiden import insiden_lapor

    if not peran_pengguna(request.user) & set(PERAN_PELAPOR):
        raise PermissionDenied("Hanya petugas Dinas yang melaporkan gangguan.")
    form = LaporInsidenForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            objek = insiden_lapor(pengguna=request.user, layanan=d["layanan"], gejala=d["gejala"], sejak=d["sejak"],
                                  mengganggu_layanan=d["mengganggu_layanan"], tangkapan_layar=d.get("tangkapan_layar"))
            messages.success(request, f"Gangguan dilaporkan dengan kode {objek.kode_lacak}.")
            return redirect("piak:insiden-detail", pk=objek.pk)
        messages.error(request, "Periksa kembali isian yang ditandai.")
    return render(request, "piak/insiden_baru.html", {"form": form}, status=400 if request.method == "POST" else 200)


@login_required
def pemberitahuan(request: HttpRequest) -> HttpResponse:
    """The user's PIAK notices in the portal (an incident fixed, waiting for the reporter)."""
    from django.utils import timezone

    from .models import Pemberitahuan

    daftar = list(Pemberitahuan.objects.filter(pengguna=request.user)[:50])
    Pemberitahuan.objects.filter(pengguna=request.user, dibaca_pada__isnull=True).update(dibaca_pada=timezone.now())
    return render(request, "piak/pemberitahuan.html", {"daftar": daftar})


# -- P.6.3 -----------------------------------------------------------------------------------------
class PemutakhiranAntrian(AntrianView):
    cari_teks = ("kode_lacak", "nik")
    cari_nama = ("nama",)


class PemutakhiranDetail(RiwayatTanpaAkunMixin, DetailView):
    relasi = ("penduduk", "riwayat_register")


@login_required
@require_http_methods(["GET", "POST"])
def pemutakhiran_baru(request: HttpRequest) -> HttpResponse:
    """The front office takes in a biodata update request for a resident in the register."""
    from .forms_pemutakhiran import PemutakhiranForm
    from .services.pemutakhiran import pemutakhiran_ajukan

    if "petugas_fo" not in peran_pengguna(request.user):
        raise PermissionDenied("Hanya petugas front office yang menerima permohonan ini.")
    form = PemutakhiranForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            objek = pemutakhiran_ajukan(penduduk=form.penduduk, perubahan=form.perubahan, pengguna=request.user,
                                        email=form.cleaned_data["email"], keterangan=form.cleaned_data["keterangan"],
                                        berkas=form.cleaned_data.get("berkas"))
            messages.success(request, f"Permohonan dicatat: kode lacak {objek.kode_lacak}, PIN {objek.pin}.")
            return redirect("piak:pemutakhirandata-detail", pk=objek.pk)
        messages.error(request, "Periksa kembali isian yang ditandai.")
    return render(request, "piak/pemutakhiran_baru.html", {"form": form}, status=400 if request.method == "POST" else 200)


# -- SKM and IKM -----------------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
def skm_isi(request: HttpRequest, token: str) -> HttpResponse:
    """The survey of a finished request, opened from the status page or the emailed link."""
    from .forms import SkmForm
    from .models import JawabanSkm
    from .services.skm import boleh_survei, kunci_permohonan, objek_dari_token, skm_jawab

    objek = objek_dari_token(token)
    if objek is None or not boleh_survei(objek):
        raise Http404("Tautan survei tidak berlaku.")
    if JawabanSkm.objects.filter(kunci=kunci_permohonan(objek)).exists():
        return render(request, "piak/skm_terima_kasih.html", {"sudah": True})
    form = SkmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            skm_jawab(objek=objek, nilai=form.nilai(), saran=form.cleaned_data["saran"])
        except AksiDitolak:
            return render(request, "piak/skm_terima_kasih.html", {"sudah": True})
        return render(request, "piak/skm_terima_kasih.html", {})
    from apps.core.indeks import nama_layanan

    return render(request, "piak/skm_isi.html", {"form": form, "layanan": nama_layanan(objek)},
                  status=400 if request.method == "POST" else 200)


def _periode(request) -> tuple[int, datetime.date, datetime.date]:
    from django.utils import timezone

    tahun_ini = timezone.localdate().year
    try:
        tahun = int(request.GET.get("tahun", tahun_ini))
    except ValueError:
        tahun = tahun_ini
    tahun = min(max(tahun, 2000), tahun_ini)
    return tahun, datetime.date(tahun, 1, 1), datetime.date(tahun, 12, 31)


def ikm_publik(request: HttpRequest) -> HttpResponse:
    """The public IKM page: the year's index and grade, the element averages as a chart, per service."""
    from .selectors import ikm, ikm_per_layanan

    tahun, awal, akhir = _periode(request)
    return render(request, "piak/ikm.html", {"tahun": tahun, "hasil": ikm(awal, akhir),
                                             "per_layanan": ikm_per_layanan(awal, akhir)})


PERAN_LAPORAN_SKM = frozenset({"kadis", "sekretaris", "pejabat_piak", "admin_piak", "subbag_perencanaan"})


@login_required
def laporan_skm(request: HttpRequest, tahun: int) -> HttpResponse:
    """The yearly SKM report as a PDF (the leaders and PIAK)."""
    from django.template.loader import render_to_string

    from apps.dokumen.render import render_pdf

    from .models import JawabanSkm
    from .selectors import ikm, ikm_per_layanan

    if not peran_pengguna(request.user) & PERAN_LAPORAN_SKM:
        raise PermissionDenied("Laporan SKM untuk pimpinan dan bidang PIAK.")
    awal, akhir = datetime.date(tahun, 1, 1), datetime.date(tahun, 12, 31)
    saran = list(JawabanSkm.objects.filter(tanggal__range=(awal, akhir)).exclude(saran="")
                 .order_by("tanggal", "pk").values_list("saran", flat=True)[:200])
    html = render_to_string("piak/laporan_skm.html", {"tahun": tahun, "hasil": ikm(awal, akhir),
                                                      "per_layanan": ikm_per_layanan(awal, akhir), "saran": saran})
    pdf = render_pdf(html).pdf
    respons = HttpResponse(pdf, content_type="application/pdf")
    respons["Content-Disposition"] = f'attachment; filename="laporan-skm-{tahun}.pdf"'
    return respons
