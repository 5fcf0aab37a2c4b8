"""Online filing without an account (P.4.6 pindah masuk): the kernel's intake form on the
"daring" channel behind a honeypot and per-address and per-email limits; the tracking code and
PIN are shown once and emailed."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from apps.core.asupan import PersyaratanMixin, Saluran, asupan_simpan, nama_berkas
from apps.core.idempoten import buat_sekali
from apps.pendaftaran.forms_pindah import PindahMasukForm
from apps.pendaftaran.models.pindah_masuk import PindahMasuk, StatusPindah

BATAS_PER_JAM = 5
PESAN_BATAS = "Terlalu banyak permohonan dari alamat atau email ini. Silakan coba lagi satu jam lagi atau datang ke loket."
_SESI = "daring_terkirim"


class PindahMasukDaringForm(PindahMasukForm):
    """The intake form on the public page; ``situs`` is a honeypot hidden from people."""

    situs = forms.CharField(required=False, label="Kosongkan isian ini",
                            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))

    def __init__(self, *args, **kwargs):
        kwargs["saluran"] = Saluran.DARING
        # Held as a draft until the email is confirmed (the state is set at creation only).
        kwargs.setdefault("instance", PindahMasuk(status=StatusPindah.DRAF))
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        for nama, field in self.fields.items():
            if nama != "situs" and not field.widget.is_hidden:
                _gaya(field.widget)

    @property
    def terisi_bot(self) -> bool:
        return bool(self.data.get("situs"))


def _gaya(widget) -> None:
    """Bootstrap's classes, so every field keeps to the screen's width (a textarea at 360 px)."""
    if isinstance(widget, forms.CheckboxInput):
        kelas = "form-check-input"
    elif isinstance(widget, forms.Select):
        kelas = "form-select"
    else:
        kelas = "form-control"
    ada = widget.attrs.get("class", "").split()
    if kelas not in ada:
        widget.attrs["class"] = " ".join([*ada, kelas])


def _kunci(jenis: str, nilai: str) -> str:
    return f"publik:daring:{jenis}:{nilai.strip().lower()}"


def terbatas(ip: str, email: str) -> bool:
    return any((cache.get(_kunci(j, v)) or 0) >= BATAS_PER_JAM for j, v in (("ip", ip), ("email", email)) if v)


def catat(ip: str, email: str) -> None:
    for j, v in (("ip", ip), ("email", email)):
        if not v:
            continue
        k = _kunci(j, v)
        if not cache.add(k, 1, timeout=3600):
            try:
                cache.incr(k)
            except ValueError:
                cache.set(k, 1, timeout=3600)


_GARAM = "publik.daring.konfirmasi"
MASA_TAUTAN = 7 * 24 * 3600


def token_konfirmasi(objek) -> str:
    return signing.dumps({"pk": objek.pk, "email": objek.email}, salt=_GARAM)


def objek_dari_token(token: str):
    """The draft a confirmation link names, or None when the link is forged, altered or expired."""
    try:
        isi = signing.loads(token, salt=_GARAM, max_age=MASA_TAUTAN)
    except signing.BadSignature:
        return None
    return PindahMasuk.objects.filter(pk=isi.get("pk"), email=isi.get("email")).first()


def kirim_kode(objek, request) -> None:
    """The confirmation link, tracking code and PIN to the applicant's address, after commit."""
    tautan = request.build_absolute_uri(reverse("publik:status"))
    konfirmasi = request.build_absolute_uri(reverse("publik:daring-konfirmasi", args=[token_konfirmasi(objek)]))
    isi = (f"Permohonan pindah masuk atas nama {objek.nama} telah dikirim dari situs Dinas.\n\n"
           f"Permohonan baru diproses setelah Anda mengonfirmasi email ini: buka tautan berikut lalu tekan "
           f"tombol konfirmasi (berlaku 7 hari):\n{konfirmasi}\n\nKode lacak: {objek.kode_lacak}\nPIN: {objek.pin}\n\n"
           f"Cek status permohonan di {tautan}\n\nBila Anda tidak merasa mengajukan, abaikan email ini.\n"
           f"Dinas Kependudukan dan Pencatatan Sipil Kota Pasuruan")
    transaction.on_commit(lambda: send_mail("Kode lacak permohonan pindah masuk", isi, settings.DEFAULT_FROM_EMAIL,
                                            [objek.email], fail_silently=True))


LANGKAH = ("Data dan persyaratan", "Terkirim", "Konfirmasi email")


def _langkah(nomor: int, **kw) -> dict:
    return {"nomor_langkah": nomor, "jumlah_langkah": len(LANGKAH), "judul_langkah": LANGKAH[nomor - 1],
            "langkah": list(enumerate(LANGKAH, start=1)), **kw}


@require_http_methods(["GET", "POST"])
def pindah_masuk(request: HttpRequest) -> HttpResponse:
    tpl = "publik/daring_pindah.html"
    if request.method == "GET":
        return render(request, tpl, _langkah(1, form=PindahMasukDaringForm()))
    ip = request.META.get("REMOTE_ADDR", "")
    email = request.POST.get("email", "")
    form = PindahMasukDaringForm(request.POST, request.FILES)
    if terbatas(ip, email):
        return render(request, tpl, _langkah(1, form=form, pesan=PESAN_BATAS), status=429)
    if form.terisi_bot:
        catat(ip, "")
        return render(request, "publik/daring_terkirim.html", _langkah(2, objek=None))
    if not form.is_valid():
        return render(request, tpl, _langkah(1, form=form), status=400)
    catat(ip, email)
    with transaction.atomic():
        objek, baru = buat_sekali(kunci=form.kunci_idempoten(), pengguna=None,
                                  buat=lambda: asupan_simpan(form=form, pengguna=None, saluran=Saluran.DARING))
        if baru:
            kirim_kode(objek, request)
    request.session[_SESI] = objek.pk
    return redirect("publik:daring-terkirim")


def terkirim(request: HttpRequest) -> HttpResponse:
    """The receipt once: tracking code and PIN of the request just filed from this browser."""
    pk = request.session.pop(_SESI, None)
    objek = PindahMasuk.objects.filter(pk=pk).first() if pk else None
    if objek is None:
        return redirect("publik:daring-pindah-masuk")
    return render(request, "publik/daring_terkirim.html", _langkah(2, objek=objek))


@require_http_methods(["GET", "POST"])
def konfirmasi(request: HttpRequest, token: str) -> HttpResponse:
    """The signed link from the email: GET asks (a mail scanner that opens links confirms
    nothing), POST moves the draft to the verifikator's queue."""
    from apps.pendaftaran.services_pindah import pindah_konfirmasi_email

    objek = objek_dari_token(token)
    if objek is None:
        return render(request, "publik/daring_konfirmasi.html", {"objek": None}, status=400)
    if request.method == "GET" and objek.status == StatusPindah.DRAF:
        return render(request, "publik/daring_konfirmasi.html", _langkah(3, objek=None, tanya=objek))
    objek = pindah_konfirmasi_email(objek=objek)
    return render(request, "publik/daring_konfirmasi.html", _langkah(3, objek=objek))


class LengkapiDaringForm(PersyaratanMixin, forms.Form):
    """One scan per requirement of the request; at least one, every missing mandatory one."""

    def __init__(self, *args, objek, **kwargs):
        from .daring_layanan import daftar_persyaratan

        super().__init__(*args, **kwargs)
        self.objek = objek
        self.tambah_field_persyaratan(daftar_persyaratan(objek), diterima=set(objek.berkas_persyaratan),
                                      label_status=True)

    def clean(self):
        data = self.bersihkan_persyaratan(super().clean())
        if not self.errors:
            ada = {s.kunci for s, _ in self.berkas_persyaratan()}
            for s in self.objek.persyaratan_kurang():
                if s.kunci not in ada:
                    self.add_error(nama_berkas(s), "Persyaratan wajib ini belum ada: unggah pindaiannya.")
            if not ada:
                raise forms.ValidationError("Unggah minimal satu berkas.")
        return data


@require_http_methods(["GET", "POST"])
def lengkapi(request: HttpRequest, kode: str) -> HttpResponse:
    """Re-upload after a return, from the status page opened with the code and PIN: any request
    whose process lets the applicant complete it online (``BOLEH_LENGKAPI_DARING``)."""
    from .daring_layanan import lengkapi_daring
    from .views import _objek_terbuka

    objek = _objek_terbuka(request, kode)
    if not getattr(objek, "BOLEH_LENGKAPI_DARING", False) or objek.status != "dikembalikan":
        return redirect(f"{reverse('publik:status')}?kode={kode}")
    if request.method != "POST":
        return render(request, "publik/daring_lengkapi.html", {"form": LengkapiDaringForm(objek=objek), "objek": objek})
    form = LengkapiDaringForm(request.POST, request.FILES, objek=objek)
    if form.is_valid():
        lengkapi_daring(objek=objek, berkas=form.berkas_persyaratan())
        return redirect("publik:status-detail", kode=kode)
    return render(request, "publik/daring_lengkapi.html", {"form": form, "objek": objek}, status=400)
