"""Citizens' accounts (akun warga): sign-up with email and password, a signed verification link,
log-in and log-out, and "Permohonan saya" — every request filed with the verified email address.

Filing needs no account; the account only gathers a citizen's requests. It is not a Django user
(``AkunWarga``): the session holds its id under its own key, so a citizen never gets a staff role,
the staff menu or any staff page, and a staff log-in in the same browser is left alone.

Abuse limits without a captcha: a honeypot field, per-address limits on sign-up and log-in, and a
per-email limit on failed log-ins (django-ratelimit counters in the shared cache; django-axes guards
``auth.authenticate``, which citizens never pass through). An unknown email, a wrong password and an
unverified account give no hint of which accounts exist.

"Lupa kata sandi" and "Kirim ulang tautan verifikasi" answer the same page whether or not the
address has an account. The reset link is signed, expires after an hour and is single-use: it
carries a fingerprint of the current password hash, so once the password changes it stops working.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from apps.core.indeks import cari_kode_lacak
from apps.core.models import IndeksProses

from .models import AkunWarga

_SESI = "akun_warga"
_GARAM = "akun.warga.verifikasi"
MASA_TAUTAN = 2 * 24 * 3600
BATAS_DAFTAR = "5/h"          # sign-ups per address
BATAS_MASUK = "20/15m"        # log-in attempts per address
BATAS_GAGAL_EMAIL = "5/15m"   # failed log-ins per email address
BATAS_LUPA = "10/h"            # reset or resend requests per address
BATAS_LUPA_EMAIL = "3/h"       # reset or resend emails per email address
_GARAM_RESET = "akun.warga.reset"
MASA_RESET = 3600
PESAN_BATAS = "Terlalu banyak percobaan dari alamat ini. Silakan coba lagi nanti."
PESAN_GAGAL = "Email atau kata sandi salah, atau email belum dikonfirmasi."


def _normal(email: str) -> str:
    return (email or "").strip().lower()


# -- forms ----------------------------------------------------------------------------------------
class _Honeypot(forms.Form):
    situs = forms.CharField(required=False, label="Kosongkan isian ini",
                            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))

    @property
    def terisi_bot(self) -> bool:
        return bool(self.data.get("situs"))


class _SandiBaru:
    """The new password typed twice: the same, and passing Django's validators for the account."""

    def akun_uji(self, data) -> AkunWarga:
        raise NotImplementedError

    def clean(self):
        data = super().clean()
        sandi, ulang = data.get("kata_sandi"), data.get("kata_sandi2")
        if sandi and ulang and sandi != ulang:
            self.add_error("kata_sandi2", "Kedua kata sandi tidak sama.")
        elif sandi:
            try:
                validate_password(sandi, user=self.akun_uji(data))
            except ValidationError as e:
                self.add_error("kata_sandi", e)
        return data


class DaftarWargaForm(_SandiBaru, _Honeypot):
    nama = forms.CharField(label="Nama lengkap", max_length=120,
                           error_messages={"required": "Nama lengkap wajib diisi."})
    email = forms.EmailField(label="Email", help_text="Tautan konfirmasi dikirim ke alamat ini.",
                             error_messages={"required": "Email wajib diisi.", "invalid": "Format email tidak valid, mis. nama@contoh.id."})
    kata_sandi = forms.CharField(label="Kata sandi", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                                 error_messages={"required": "Kata sandi wajib diisi."},
                                 help_text="Minimal 8 karakter, tidak hanya angka, tidak mudah ditebak.")
    kata_sandi2 = forms.CharField(label="Ulangi kata sandi", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                                  error_messages={"required": "Ulangi kata sandi."})

    field_order = ["nama", "email", "kata_sandi", "kata_sandi2", "situs"]

    def clean_email(self):
        return _normal(self.cleaned_data["email"])

    def akun_uji(self, data) -> AkunWarga:
        return AkunWarga(email=data.get("email", ""), nama=data.get("nama", ""))


class EmailWargaForm(_Honeypot):
    email = forms.EmailField(label="Email", help_text="Email yang dipakai untuk akun warga.",
                             error_messages={"required": "Email wajib diisi.", "invalid": "Format email tidak valid, mis. nama@contoh.id."})

    def clean_email(self):
        return _normal(self.cleaned_data["email"])


class SandiBaruForm(_SandiBaru, forms.Form):
    kata_sandi = forms.CharField(label="Kata sandi baru", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                                 error_messages={"required": "Kata sandi baru wajib diisi."},
                                 help_text="Minimal 8 karakter, tidak hanya angka, tidak mudah ditebak.")
    kata_sandi2 = forms.CharField(label="Ulangi kata sandi baru", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                                  error_messages={"required": "Ulangi kata sandi baru."})

    def __init__(self, *args, akun: AkunWarga, **kw):
        super().__init__(*args, **kw)
        self.akun = akun

    def akun_uji(self, data) -> AkunWarga:
        return self.akun


class MasukWargaForm(_Honeypot):
    email = forms.EmailField(label="Email", error_messages={"required": "Email wajib diisi.", "invalid": "Format email tidak valid."})
    kata_sandi = forms.CharField(label="Kata sandi", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
                                 error_messages={"required": "Kata sandi wajib diisi."})

    def clean_email(self):
        return _normal(self.cleaned_data["email"])


# -- rules ----------------------------------------------------------------------------------------
def token_verifikasi(akun: AkunWarga) -> str:
    return signing.dumps({"pk": akun.pk, "email": akun.email}, salt=_GARAM)


def akun_dari_token(token: str) -> AkunWarga | None:
    """The account a verification link names; None when forged, altered or expired."""
    try:
        isi = signing.loads(token, salt=_GARAM, max_age=MASA_TAUTAN)
    except signing.BadSignature:
        return None
    return AkunWarga.objects.filter(pk=isi.get("pk"), email=isi.get("email"), aktif=True).first()


def kirim_verifikasi(akun: AkunWarga, request) -> None:
    tautan = request.build_absolute_uri(reverse("akun:warga-verifikasi", args=[token_verifikasi(akun)]))
    isi = (f"Yth. {akun.nama},\n\nUntuk mengaktifkan akun warga di portal Dinas, buka tautan berikut "
           f"(berlaku 2 hari):\n{tautan}\n\nBila Anda tidak mendaftar, abaikan email ini.\n"
           f"Dinas Kependudukan dan Pencatatan Sipil Kota Pasuruan")
    transaction.on_commit(lambda: send_mail("Konfirmasi akun warga", isi, settings.DEFAULT_FROM_EMAIL,
                                            [akun.email], fail_silently=True))


def daftar_akun(*, nama: str, email: str, kata_sandi: str, request) -> None:
    """A new unverified account and its link. An address already registered gets nothing new
    (the page says the same either way); an unverified one gets its link again."""
    with transaction.atomic():
        akun = AkunWarga.objects.select_for_update().filter(email=email).first()
        if akun is None:
            akun = AkunWarga(email=email, nama=nama)
            akun.atur_kata_sandi(kata_sandi)
            akun.save()
        if not akun.terverifikasi:
            kirim_verifikasi(akun, request)


def _sidik_sandi(akun: AkunWarga) -> str:
    """A fingerprint of the current password hash: a reset link dies once the password changes."""
    return salted_hmac(_GARAM_RESET, akun.kata_sandi).hexdigest()[:20]


def token_reset(akun: AkunWarga) -> str:
    return signing.dumps({"pk": akun.pk, "h": _sidik_sandi(akun)}, salt=_GARAM_RESET)


def akun_dari_token_reset(token: str) -> AkunWarga | None:
    """The account a reset link names; None when forged, expired or already used."""
    try:
        isi = signing.loads(token, salt=_GARAM_RESET, max_age=MASA_RESET)
    except signing.BadSignature:
        return None
    akun = AkunWarga.objects.filter(pk=isi.get("pk"), aktif=True).first()
    if akun is None or not constant_time_compare(str(isi.get("h", "")), _sidik_sandi(akun)):
        return None
    return akun


def kirim_reset(email: str, request) -> None:
    """The reset link to an active account with that email; nothing (and no hint) otherwise."""
    akun = AkunWarga.objects.filter(email=email, aktif=True).first()
    if akun is None:
        return
    tautan = request.build_absolute_uri(reverse("akun:warga-reset", args=[token_reset(akun)]))
    isi = (f"Yth. {akun.nama},\n\nUntuk membuat kata sandi baru akun warga Anda, buka tautan berikut "
           f"(berlaku 1 jam, hanya sekali pakai):\n{tautan}\n\nBila Anda tidak memintanya, abaikan email ini; "
           f"kata sandi Anda tidak berubah.\nDinas Kependudukan dan Pencatatan Sipil Kota Pasuruan")
    transaction.on_commit(lambda: send_mail("Atur ulang kata sandi akun warga", isi, settings.DEFAULT_FROM_EMAIL,
                                            [akun.email], fail_silently=True))


def kirim_ulang_verifikasi(email: str, request) -> None:
    """A new verification link to an unverified active account; nothing otherwise."""
    akun = AkunWarga.objects.filter(email=email, aktif=True, terverifikasi_pada__isnull=True).first()
    if akun is not None:
        kirim_verifikasi(akun, request)


def atur_sandi_baru(akun: AkunWarga, kata_sandi: str) -> None:
    """The new password; the link proved the email is the citizen's, so it counts as verified."""
    with transaction.atomic():
        akun = AkunWarga.objects.select_for_update().get(pk=akun.pk)
        akun.atur_kata_sandi(kata_sandi)
        akun.terverifikasi_pada = akun.terverifikasi_pada or timezone.now()
        akun.save(update_fields=["kata_sandi", "terverifikasi_pada"])


def akun_masuk(request) -> AkunWarga | None:
    """The verified, active account logged in in this session, else None."""
    pk = request.session.get(_SESI)
    if not pk:
        return None
    if not hasattr(request, "_akun_warga"):
        request._akun_warga = AkunWarga.objects.filter(pk=pk, aktif=True, terverifikasi_pada__isnull=False).first()
    return request._akun_warga


def permohonan_akun(akun: AkunWarga):
    """Index rows of every citizen's request filed with the account's email, any process, newest first."""
    return IndeksProses.objects.filter(dilacak_pemohon=True, email=_normal(akun.email)).order_by("-dibuat_pada", "pk")


def milik_akun(request, kode: str) -> bool:
    """Whether the request with tracking code ``kode`` was filed with the logged-in account's email
    (the status page then opens without the PIN)."""
    akun = akun_masuk(request)
    if akun is None:
        return False
    baris = cari_kode_lacak(kode)
    return baris is not None and baris.email == _normal(akun.email)


def _terbatas(request, grup: str, rate: str, *, key="ip", tambah=True) -> bool:
    return is_ratelimited(request, group=f"warga:{grup}", key=key, rate=rate, increment=tambah)


# -- views ----------------------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
def daftar(request: HttpRequest) -> HttpResponse:
    tpl = "akun/warga/daftar.html"
    if request.method == "GET":
        return render(request, tpl, {"form": DaftarWargaForm()})
    form = DaftarWargaForm(request.POST)
    if _terbatas(request, "daftar", BATAS_DAFTAR):
        return render(request, tpl, {"form": form, "pesan": PESAN_BATAS}, status=429)
    if form.terisi_bot:  # answered like a success, nothing stored
        return redirect("akun:warga-terkirim")
    if not form.is_valid():
        return render(request, tpl, {"form": form}, status=400)
    d = form.cleaned_data
    daftar_akun(nama=d["nama"], email=d["email"], kata_sandi=d["kata_sandi"], request=request)
    return redirect("akun:warga-terkirim")


def terkirim(request: HttpRequest) -> HttpResponse:
    return render(request, "akun/warga/terkirim.html")


def verifikasi(request: HttpRequest, token: str) -> HttpResponse:
    """The signed link from the email; a second click changes nothing."""
    akun = akun_dari_token(token)
    if akun is None:
        return render(request, "akun/warga/verifikasi.html", {"akun": None}, status=400)
    AkunWarga.objects.filter(pk=akun.pk, terverifikasi_pada__isnull=True).update(terverifikasi_pada=timezone.now())
    return render(request, "akun/warga/verifikasi.html", {"akun": akun})


@require_http_methods(["GET", "POST"])
def masuk(request: HttpRequest) -> HttpResponse:
    tpl = "akun/warga/masuk.html"
    if request.method == "GET":
        if akun_masuk(request):
            return redirect("akun:warga-permohonan")
        return render(request, tpl, {"form": MasukWargaForm()})
    form = MasukWargaForm(request.POST)
    email = _normal(request.POST.get("email", ""))
    kunci_email = lambda grup, req: "email:" + email  # noqa: E731
    if _terbatas(request, "masuk", BATAS_MASUK) or (email and _terbatas(request, "gagal", BATAS_GAGAL_EMAIL, key=kunci_email, tambah=False)):
        return render(request, tpl, {"form": form, "pesan": PESAN_BATAS}, status=429)
    if form.terisi_bot or not form.is_valid():
        return render(request, tpl, {"form": form}, status=400)
    akun = AkunWarga.objects.filter(email=form.cleaned_data["email"], aktif=True).first()
    if akun is None or not akun.cek_kata_sandi(form.cleaned_data["kata_sandi"]) or not akun.terverifikasi:
        _terbatas(request, "gagal", BATAS_GAGAL_EMAIL, key=kunci_email)
        return render(request, tpl, {"form": form, "pesan": PESAN_GAGAL}, status=400)
    request.session.cycle_key()  # no session fixation
    request.session[_SESI] = akun.pk
    AkunWarga.objects.filter(pk=akun.pk).update(masuk_terakhir=timezone.now())
    return redirect("akun:warga-permohonan")


@require_POST
def keluar(request: HttpRequest) -> HttpResponse:
    """Only the citizen's key leaves the session (a staff log-in in the same browser stays)."""
    request.session.pop(_SESI, None)
    request.session.cycle_key()
    return redirect("akun:warga-masuk")


def permohonan(request: HttpRequest) -> HttpResponse:
    akun = akun_masuk(request)
    if akun is None:
        return redirect("akun:warga-masuk")
    return render(request, "akun/warga/permohonan.html", {"akun": akun, "daftar": permohonan_akun(akun)})


def _minta_tautan(request: HttpRequest, *, grup: str, judul: str, kirim) -> HttpResponse:
    """The shared form of "Lupa kata sandi" and "Kirim ulang tautan verifikasi": the same answer
    whether or not the address has an account; limits per address and per email."""
    tpl = "akun/warga/minta_tautan.html"
    konteks = {"judul": judul, "grup": grup}
    if request.method == "GET":
        return render(request, tpl, {**konteks, "form": EmailWargaForm()})
    form = EmailWargaForm(request.POST)
    email = _normal(request.POST.get("email", ""))
    kunci_email = lambda grup_, req: "email:" + email  # noqa: E731
    if _terbatas(request, grup, BATAS_LUPA) or (email and _terbatas(request, grup + "-email", BATAS_LUPA_EMAIL, key=kunci_email)):
        return render(request, tpl, {**konteks, "form": form, "pesan": PESAN_BATAS}, status=429)
    if form.terisi_bot:
        return redirect("akun:warga-tautan-terkirim")
    if not form.is_valid():
        return render(request, tpl, {**konteks, "form": form}, status=400)
    kirim(form.cleaned_data["email"], request)
    return redirect("akun:warga-tautan-terkirim")


@require_http_methods(["GET", "POST"])
def lupa(request: HttpRequest) -> HttpResponse:
    return _minta_tautan(request, grup="lupa", judul="Lupa kata sandi", kirim=kirim_reset)


@require_http_methods(["GET", "POST"])
def kirim_ulang(request: HttpRequest) -> HttpResponse:
    return _minta_tautan(request, grup="ulang", judul="Kirim ulang tautan verifikasi", kirim=kirim_ulang_verifikasi)


def tautan_terkirim(request: HttpRequest) -> HttpResponse:
    return render(request, "akun/warga/tautan_terkirim.html")


@require_http_methods(["GET", "POST"])
def reset(request: HttpRequest, token: str) -> HttpResponse:
    tpl = "akun/warga/reset.html"
    akun = akun_dari_token_reset(token)
    if akun is None:
        return render(request, tpl, {"akun": None}, status=400)
    if request.method == "GET":
        return render(request, tpl, {"akun": akun, "form": SandiBaruForm(akun=akun)})
    form = SandiBaruForm(request.POST, akun=akun)
    if not form.is_valid():
        return render(request, tpl, {"akun": akun, "form": form}, status=400)
    atur_sandi_baru(akun, form.cleaned_data["kata_sandi"])
    request.session.pop(_SESI, None)  # log in afresh with the new password
    return render(request, tpl, {"akun": akun, "selesai": True})
