"""Generic views of the kernel: a work queue per role, a detail page with the timeline and the
actions the user may take, one POST endpoint per record that runs a named action with its form,
and the logged download of attachments.

A business app gets all of them with ``core.urls.proses_urls(Model)``; it subclasses a view only
to name search fields, filters or related rows to fetch along.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape as escape_html  # Django's escape, without its lazy-string wrapper
from types import SimpleNamespace

from django.apps import apps as django_apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.views.decorators.http import require_GET, require_http_methods
from django.views.generic import ListView, TemplateView

from dukcapil.penyimpanan import respons_berkas

from .forms import AntrianFilterForm
from .models import AksesBerkas, Lampiran
from .peran import peran_pengguna
from .peta import teks_kode
from .selectors import objek_untuk_pengguna
from .urls import url_proses
from .workflow import (
    AksiDitolak,
    Konflik,
    aksi_model,
    aksi_tersedia,
    ambil_aksi,
    jalankan_dari_form,
    kelas_form,
    lampiran_dari,
    peran_proses,
    riwayat,
    status_alur,
    status_antrian,
)


def nama_url(model, aksi: str) -> str:
    return f"{model._meta.app_label}:{model._meta.model_name}-{aksi}"


class ProsesMixin(LoginRequiredMixin):
    model = None

    def template_names(self, jenis: str) -> list[str]:
        meta = self.model._meta
        return [f"{meta.app_label}/{meta.model_name}_{jenis}.html", f"core/{jenis}.html"]

    def get_template_names(self):
        return self.template_names(self.jenis)

    def periksa_peran(self):
        if not (peran_pengguna(self.request.user) & peran_proses(self.model)):
            raise PermissionDenied("Peran Anda tidak terlibat dalam proses ini.")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["meta"] = self.model._meta
        ctx["url_antrian"] = url_proses(self.model, "antrian")
        ctx["kode_proses"] = teks_kode(self.model)
        return ctx


# A number no record reaches: the detail URL is reversed once per page with it and each row's pk
# put in its place (reverse() per row was a visible part of a queue page's time).
_PENANDA_PK = 987654321987654321


def lama_singkat(detik: float) -> str:
    """How long a record has been in its state, in the largest whole unit ("3 hari", "5 jam",
    "12 menit", "baru saja"): the queue's "Di status ini" column."""
    for satuan, nama in ((86400, "hari"), (3600, "jam"), (60, "menit")):
        if detik >= satuan:
            return f"{int(detik // satuan)} {nama}"
    return "baru saja"


@dataclass(frozen=True)
class Kolom:
    """A column of a queue declared as data (``AntrianView.kolom``): its header, the field shown
    (a path such as ``layanan__nama``) and the cell's CSS class."""

    judul: str
    jalur: str
    kelas: str = ""

    def sel(self, objek) -> str:
        nilai = objek
        for bagian in self.jalur.split("__"):
            nilai = getattr(nilai, bagian, None)
            if nilai is None:
                break
        kelas = f' class="{self.kelas}"' if self.kelas else ""
        return f"<td{kelas}>{escape_html('' if nilai is None else str(nilai))}</td>"


def tampilan_baris(model, daftar, kolom: tuple[Kolom, ...] = ()) -> list:
    """The rows of a queue page, each with ``tampil``: its fixed cells (tracking code with the
    detail link; state, time in state, due date) drawn here once per page, and with ``kolom``
    the whole row. Drawn by template tags, filters and a variable per cell, they were most of a
    queue page's time; a process without ``kolom`` draws its own cells in its template (block
    ``kolom_isi``)."""
    daftar = list(daftar)
    if not daftar:
        return daftar
    pola = escape_html(url_proses(model, "detail", _PENANDA_PK))
    penanda = str(_PENANDA_PK)
    label = {k: escape_html(str(v)) for k, v in model.status_field().flatchoices}
    sekarang = timezone.now()
    zona = timezone.get_current_timezone()
    for o in daftar:
        terlambat = o.terlambat  # the model's rule (keuangan's reports have their own)
        tenggat = f"{o.tenggat:%d-%m-%Y}" if o.tenggat else "–"
        if terlambat:
            tenggat += ' <span class="badge text-bg-warning">terlambat</span>'
        # What comes from data (the URL, the tracking code, the state label, the columns) is escaped.
        kode = f'<td><a class="kode-lacak" href="{pola.replace(penanda, str(o.pk))}">{escape_html(o.kode_lacak)}</a></td>'
        akhir = (
            f'<td><span class="badge text-bg-info">{label.get(o.status) or escape_html(o.status)}</span></td>'
            f'<td title="{o.status_sejak.astimezone(zona):%d-%m-%Y %H:%M}">'
            f'{lama_singkat((sekarang - o.status_sejak).total_seconds())}</td><td>{tenggat}</td>'
        )
        o.tampil = SimpleNamespace(terlambat=terlambat, kode=mark_safe(kode), akhir=mark_safe(akhir))
        if kolom:
            kelas = ' class="terlambat"' if terlambat else ""
            o.tampil.baris = mark_safe(f"<tr{kelas}>{kode}{''.join(k.sel(o) for k in kolom)}{akhir}</tr>")
    return daftar


class AntrianView(ProsesMixin, ListView):
    """The queue: records in states where the user's roles have an action; search and filters."""

    jenis = "antrian"
    paginate_by = 25
    cari_teks: tuple[str, ...] = ("kode_lacak",)  # exact-or-prefix matches on these fields
    cari_nama: tuple[str, ...] = ()  # case-insensitive "contains" on these fields
    filter_fields: tuple[str, ...] = ()  # model fields offered as filters (choices or FKs)
    relasi: tuple[str, ...] = ()  # select_related, so the page is a fixed number of queries
    urutan: tuple[str, ...] = ("tenggat", "dibuat_pada")
    # A process's own columns as data: the page then loads only their fields and the kernel's
    # (code, state, dates) and draws each row in one piece. Left empty, the template's blocks
    # kolom_kepala / kolom_isi draw them (the default shows ``ringkasan``, which may read any field).
    kolom: tuple[Kolom, ...] = ()

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.periksa_peran()
        return super().dispatch(request, *args, **kwargs)

    def filter_form(self):
        extra = {}
        for nama in self.filter_fields:
            f = self.model._meta.get_field(nama).formfield(required=False)
            if hasattr(f, "empty_label"):
                f.empty_label = "Semua"
            elif hasattr(f, "choices"):
                f.choices = [("", "Semua"), *[c for c in f.choices if c[0] != ""]]
            extra[nama] = f
        label = dict(self.model.status_field().flatchoices)
        form = AntrianFilterForm(
            self.request.GET or None,
            status_choices=[(s, label[s]) for s in status_alur(self.model)],
            extra_fields=extra,
        )
        form.fields["q"].widget.attrs["placeholder"] = self.petunjuk_cari()
        return form

    def petunjuk_cari(self) -> str:
        """What the search box takes, from the fields this queue searches ("Kode lacak, NIK atau
        nama"); a queue without a NIK field (letters) does not ask for one."""
        bagian = ["kode lacak"]
        for f in (*self.cari_teks, *self.cari_nama):
            akhir = f.split("__")[-1]
            if akhir == "kode_lacak":
                continue
            label = "NIK" if "nik" in akhir else "nama" if "nama" in akhir else self._label_field(f)
            if label not in bagian:
                bagian.append(label)
        teks = bagian[0] if len(bagian) == 1 else f"{', '.join(bagian[:-1])} atau {bagian[-1]}"
        return capfirst(teks)

    def _label_field(self, jalur: str) -> str:
        model = self.model
        for bagian in jalur.split("__"):
            field = model._meta.get_field(bagian)
            model = field.related_model or model
        return str(field.verbose_name)

    def get_queryset(self):
        user = self.request.user
        qs = self.model.untuk_pengguna(user)
        self.mode = "semua" if self.request.GET.get("semua") else "antrian"
        if self.mode == "antrian":
            qs = qs.filter(status__in=status_antrian(self.model, user))
        self.form = self.filter_form()
        if self.form.is_bound and self.form.is_valid():
            data = self.form.cleaned_data
            if data.get("q"):
                qs = qs.filter(self.kondisi_cari(data["q"].strip()))
            if data.get("status"):
                qs = qs.filter(status=data["status"])
            for nama in self.filter_fields:
                if data.get(nama) not in (None, ""):
                    qs = qs.filter(**{nama: data[nama]})
        qs = self.saring_dasbor(qs)
        return qs.select_related(*self.relasi).order_by(*self.urutan, "pk")

    def paginate_queryset(self, queryset, page_size):
        if self.kolom:
            # versi: read by Proses.__init__ (optimistic locking).
            queryset = queryset.only("kode_lacak", "status", "status_sejak", "tenggat", "versi", *(k.jalur for k in self.kolom))
        return super().paginate_queryset(queryset, page_size)

    def saring_dasbor(self, qs):
        """The dashboard's filters a chart's bar carries here (service, filing period, overdue,
        channel, kecamatan/kelurahan): the queue then lists what the bar counted."""
        self.saringan_dasbor = []
        if not django_apps.is_installed("apps.dasbor"):
            return qs
        from apps.dasbor.selectors import PARAM_ANTREAN, saring_antrean

        # A queue's own filter of the same name (a model field) wins over the dashboard's.
        self.param_dasbor = [(k, self.request.GET[k]) for k in PARAM_ANTREAN
                             if self.request.GET.get(k) and k not in self.filter_fields]
        if not self.param_dasbor:
            return qs
        qs, self.saringan_dasbor = saring_antrean(self.model, qs, dict(self.param_dasbor))
        return qs

    def kondisi_cari(self, q: str) -> Q:
        """A tracking code whole or in part (any 3+ characters of it, typed with or without the
        dashes), a number field (NIK, nomor akta) by its start or, from 4 characters, any part of
        it, and a name anywhere in the name fields."""
        from .kode import normalkan_kode_lacak, varian_kode_lacak

        kondisi = Q(pk__in=[])
        kode = normalkan_kode_lacak(q)
        if kode:
            kondisi |= Q(kode_lacak=kode)
        for pola in varian_kode_lacak(q):
            kondisi |= Q(kode_lacak__contains=pola)
        for f in self.cari_teks:
            if f != "kode_lacak":
                kondisi |= Q(**{f"{f}__contains" if len(q) >= 4 else f"{f}__startswith": q})
        for f in self.cari_nama:
            kondisi |= Q(**{f"{f}__icontains": q})
        return kondisi

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["form"] = self.form
        ctx["mode"] = self.mode
        ctx["saringan_dasbor"] = getattr(self, "saringan_dasbor", [])
        ctx["param_dasbor"] = getattr(self, "param_dasbor", [])
        params = self.request.GET.copy()
        params.pop("page", None)
        ctx["query_tanpa_halaman"] = params.urlencode()
        ctx["object_list"] = tampilan_baris(self.model, ctx["object_list"], self.kolom)
        ctx["kolom"] = self.kolom
        if ctx.get("page_obj") is not None:
            ctx["page_obj"].object_list = ctx["object_list"]
        return ctx


class DetailView(ProsesMixin, TemplateView):
    """The record: its data, timeline, attachments and the actions the user may take now."""

    jenis = "detail"
    relasi: tuple[str, ...] = ()

    def get_objek(self):
        return objek_untuk_pengguna(self.model, self.request.user, self.kwargs["pk"], relasi=self.relasi)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        objek = kwargs.get("objek") or self.get_objek()
        ctx["objek"] = objek
        ctx["riwayat"] = riwayat(objek)
        ctx["lampiran"] = lampiran_dari(objek).select_related("diunggah_oleh")
        ctx["aksi_list"] = aksi_tersedia(objek, self.request.user)
        ctx["url_aksi"] = nama_url(self.model, "aksi")
        return ctx


@method_decorator(require_http_methods(["GET", "POST"]), name="dispatch")
class AksiView(ProsesMixin, TemplateView):
    """One URL for every action of a record: GET shows the action's form, POST runs it."""

    jenis = "aksi"

    def setup_aksi(self):
        self.objek = objek_untuk_pengguna(self.model, self.request.user, self.kwargs["pk"])
        try:
            self.info = ambil_aksi(self.objek, self.kwargs["aksi"])
        except AksiDitolak:
            raise Http404("Aksi tidak dikenal.") from None
        if not (peran_pengguna(self.request.user) & set(self.info.peran)):
            raise PermissionDenied("Peran Anda tidak berwenang menjalankan aksi ini.")

    def buat_form(self, data=None, files=None):
        return kelas_form(self.info)(
            data, files, aksi=self.info, objek=self.objek, pengguna=self.request.user,
            initial={"versi": self.objek.versi}, **self.form_kwargs(),
        )

    def form_kwargs(self):
        from django.forms import ModelForm

        cls = kelas_form(self.info)
        return {"instance": self.objek} if issubclass(cls, ModelForm) else {}

    def get(self, request, *args, **kwargs):
        self.setup_aksi()
        return self.render_to_response(self.get_context_data(form=self.buat_form()))

    def post(self, request, *args, **kwargs):
        self.setup_aksi()
        form = self.buat_form(request.POST, request.FILES)
        status = 400
        if form.is_valid():
            try:
                jalankan_dari_form(objek=self.objek, info=self.info, pengguna=request.user, form=form)
            except Konflik as exc:
                messages.error(request, str(exc))
                status = 409
            except AksiDitolak as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, f"{self.info.label}: berhasil. Status sekarang “{self.objek.status_label}”.")
                return redirect(url_proses(self.model, "detail", self.objek.pk))
        else:
            messages.error(request, "Periksa kembali isian yang ditandai.")
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["objek"] = self.objek
        ctx["aksi"] = self.info
        ctx["url_detail"] = url_proses(self.model, "detail", self.objek.pk)
        return ctx


def unduh_lampiran(request, pk: int):
    """Stream an attachment to a user who may open its record, and log the access."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('akun:masuk')}?next={request.path}")
    lampiran = get_object_or_404(Lampiran.objects.select_related("content_type"), pk=pk)
    model = lampiran.content_type.model_class()
    objek_untuk_pengguna(model, request.user, lampiran.object_id)
    AksesBerkas.objects.create(
        oleh=request.user,
        berkas=lampiran.berkas.name,
        keterangan=f"Lampiran {lampiran.pk} pada {model._meta.verbose_name} {lampiran.object_id}",
        alamat_ip=request.META.get("REMOTE_ADDR"),
    )
    return respons_berkas(lampiran.berkas, content_type=lampiran.jenis_mime, filename=lampiran.nama_asli)



@login_required
@require_GET
def cari(request):
    """The staff search across every process: tracking code (or its start), part of a NIK, a name.

    Reads the cross-process index in one query; only processes whose every record the user's
    roles may read are searched here (the others through their own queues, listed on the page)."""
    from .indeks import cari_global, model_terbatas

    if not peran_pengguna(request.user):
        raise PermissionDenied("Pencarian berkas hanya untuk petugas Dinas.")
    q = (request.GET.get("q") or "").strip()[:100]
    hasil = []
    for baris in cari_global(request.user, q):
        model = baris.model
        try:
            url = url_proses(model, "detail", baris.object_id) if model else ""
        except NoReverseMatch:
            url = ""
        hasil.append((baris, url))
    konteks = {
        "q": q,
        "hasil": hasil,
        "terlalu_pendek": bool(q) and len(q) < 3,
        "terbatas": [
            (capfirst(str(m._meta.verbose_name_plural)), _url_antrian(m)) for m in model_terbatas(request.user)
        ],
    }
    return render(request, "core/cari.html", konteks)


def _url_antrian(model) -> str:
    try:
        return url_proses(model, "antrian")
    except NoReverseMatch:
        return ""


__all__ = ["AntrianView", "DetailView", "AksiView", "unduh_lampiran", "aksi_model", "cari"]


# -- the generic routes of a process without URLs of its own (``/proses/<app_label.model>/``) ------
_VIEW_GENERIK = {"antrian": AntrianView, "detail": DetailView, "aksi": AksiView}


def proses_generik(request, label: str, jenis: str, **kwargs):
    """Queue, detail and action pages of any process model that declares no URLs (the kernel's
    views, same rules). A model with URLs of its own is served there only."""
    from django.apps import apps as registri

    from .models import Proses

    try:
        model = registri.get_model(label)
    except (LookupError, ValueError):
        raise Http404("Proses tidak dikenal.") from None
    if not issubclass(model, Proses):
        raise Http404("Proses tidak dikenal.")
    meta = model._meta
    try:
        reverse(f"{meta.app_label}:{meta.model_name}-antrian")
    except NoReverseMatch:
        pass
    else:
        raise Http404("Proses ini dilayani di alamatnya sendiri.")
    from .views_asupan import AsupanView

    kelas = getattr(model, "VIEW_PROSES", {}).get(jenis) or {**_VIEW_GENERIK, "baru": AsupanView}[jenis]
    return kelas.as_view(model=model)(request, **kwargs)
