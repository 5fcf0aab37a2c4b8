"""Online filing of every service the catalogue marks online (``Layanan.boleh_daring``), once.

A service is filed with its own intake form (P.4.1: ``PendaftaranForm``; P.5.1: the F-2.01 forms)
wrapped in a ``FormDaring`` that knows which fields are the applicant's data and which are scans,
and how the service's normal intake service creates the request. The public pages walk the
citizen through four steps (data → scans → review → sent); what was filed is held as a
``PengajuanDaring`` until the email is confirmed, and only then becomes a request in the front
office's queue, with the tracking code and PIN shown at filing.

Adding a process: a ``FormDaring`` subclass and one line in ``_ADAPTOR`` (by ``Layanan.kode_proses``).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from apps.core.models import Lampiran

from .models import PengajuanDaring

# Warnings an officer would confirm at the counter (a NIK's region, a resident moved out) are
# passed to the front office, who checks the file anyway.
ALASAN_DARING = "Diajukan daring oleh pemohon; periksa saat pemeriksaan kelengkapan berkas."
_TANPA = {"kunci_idempoten", "konfirmasi_peringatan", "alasan_konfirmasi"}


class FormDaring:
    """A service's intake form(s) as the public pages use them."""

    def __init__(self, layanan, data=None, files=None):
        self.layanan = layanan
        self.data = data
        if data is not None:
            data = data.copy()
            for prefiks in ("", "konfirmasi-"):
                data[f"{prefiks}konfirmasi_peringatan"] = "on"
                data[f"{prefiks}alasan_konfirmasi"] = ALASAN_DARING
        self.bangun(data, files)
        for f in self.semua_form():
            if "nik" in f.fields:  # the public page has no register look-up (a citizen does not read it)
                f.fields["nik"].help_text = f.fields["nik"].help_text.replace(
                    " Tekan “Cari di register” untuk mengisi data otomatis.", "")
            if "email" in f.fields:
                f.fields["email"].required = True
                f.fields["email"].label = "Email"
                f.fields["email"].help_text = "Tautan konfirmasi, kode lacak dan PIN dikirim ke alamat ini."
                f.fields["email"].error_messages["required"] = "Email wajib diisi: permohonan daring dikonfirmasi lewat email."

    # -- per service ---------------------------------------------------------------------------
    def bangun(self, data, files) -> None:
        raise NotImplementedError

    def semua_form(self) -> list:
        raise NotImplementedError

    def valid(self) -> bool:
        return all([f.is_valid() for f in self.semua_form()])

    def simpan(self, *, kode: tuple[str, str]):
        """Create the request through the service's intake service (no officer)."""
        raise NotImplementedError

    # -- shared --------------------------------------------------------------------------------
    def _field(self):
        for f in self.semua_form():
            for bf in f:
                if bf.name in _TANPA or bf.name.startswith("syarat_"):
                    continue
                yield bf

    def field_data(self) -> list:
        return [bf for bf in self._field() if not isinstance(bf.field, forms.FileField)]

    def field_berkas(self) -> list:
        return [bf for bf in self._field() if isinstance(bf.field, forms.FileField)]

    def galat_umum(self) -> list[str]:
        galat = []
        for f in self.semua_form():
            galat += list(f.non_field_errors())
            for nama in _TANPA & set(f.errors):
                galat += [e for e in f.errors[nama] if "konfirmasi" not in e.lower()]
        return galat

    def galat_data(self) -> bool:
        return bool(self.galat_umum()) or any(bf.errors for bf in self.field_data())

    def email(self) -> str:
        for f in self.semua_form():
            if "email" in f.fields:
                return (f.data.get(f.add_prefix("email")) or "").strip()
        return ""

    def berkas_bersih(self) -> list[tuple[str, object]]:
        """(html name, checked file) of the scans uploaded, for holding."""
        return [(bf.html_name, bf.form.cleaned_data.get(bf.name)) for bf in self.field_berkas()
                if getattr(bf.form, "cleaned_data", {}).get(bf.name)]


class FormDaringPendaftaran(FormDaring):
    """P.4.1 — KTP-el, KK and KIA (the flow follows from the service)."""

    def bangun(self, data, files):
        from apps.pendaftaran.forms import PendaftaranForm

        self.form = PendaftaranForm(data, files, layanan=self.layanan)

    def semua_form(self):
        return [self.form]

    def simpan(self, *, kode):
        from apps.pendaftaran.services import permohonan_ajukan

        f = self.form
        return permohonan_ajukan(layanan=self.layanan, data=f.data_pemohon(), berkas=f.berkas_persyaratan(), oleh=None,
                                 konfirmasi=f.konfirmasi(), foto=f.foto(), daring=kode)


class FormDaringPencatatan(FormDaring):
    """P.5.1 — akta kelahiran, kematian, ... (form F-2.01, the event's data, the scans)."""

    def bangun(self, data, files):
        from apps.capil.syarat import KODE_LAYANAN
        from apps.capil.views import FormPelaporan

        self.jenis = {v: k for k, v in KODE_LAYANAN.items()}[self.layanan.kode]
        self.form = FormPelaporan(self.jenis, data, files)

    def semua_form(self):
        return [self.form.umum, self.form.rincian, self.form.syarat]

    def valid(self) -> bool:
        return self.form.is_valid()

    def galat_umum(self) -> list[str]:
        galat = super().galat_umum()
        if self.data is not None and self.form.konfirmasi.is_bound:
            galat += list(self.form.konfirmasi.non_field_errors())
        return galat

    def simpan(self, *, kode):
        from apps.capil.services import pencatatan_buat

        f = self.form
        pencatatan = f.umum.save(commit=False)
        pencatatan.jenis_peristiwa = self.jenis
        pencatatan.kode_lacak, pencatatan.pin = kode
        berkas = f.syarat.berkas() + f.rincian.berkas_pemeriksaan()
        return pencatatan_buat(pencatatan=pencatatan, rincian=f.rincian.save(commit=False), berkas=berkas, oleh=None,
                               konfirmasi=f.konfirmasi.konfirmasi())


_ADAPTOR = {"P.4.1": FormDaringPendaftaran, "P.5.1": FormDaringPencatatan}


def layanan_daring(kode: str):
    """The open, online service with catalogue code ``kode`` that this portal can file, or None."""
    from apps.pendaftaran.models import Layanan

    layanan = Layanan.objects.filter(kode=kode, aktif=True, boleh_daring=True).first()
    if layanan is None or layanan.kode_proses not in _ADAPTOR:
        return None
    if layanan.kode_proses == "P.5.1":
        from apps.capil.syarat import KODE_LAYANAN

        if layanan.kode not in KODE_LAYANAN.values():
            return None
    return layanan


def bisa_daring(layanan) -> bool:
    """For the catalogue page: whether the service has an online filing page here."""
    return bool(layanan.boleh_daring and layanan.aktif and layanan.kode_proses in _ADAPTOR)


def form_daring(layanan, data=None, files=None) -> FormDaring:
    return _ADAPTOR[layanan.kode_proses](layanan, data, files)


# -- holding, sending, confirming -------------------------------------------------------------
def pengajuan_simpan(*, layanan, form: FormDaring, data: dict, ip: str) -> PengajuanDaring:
    """Hold a valid filing: the data as posted and the checked scans, all or nothing."""
    with transaction.atomic():
        p = PengajuanDaring.objects.create(kode_layanan=layanan.kode, email=form.email(), data=data,
                                           alamat_ip=ip or None)
        for nama, berkas in form.berkas_bersih():
            Lampiran.simpan(objek=p, berkas=berkas, keterangan=nama)
    return p


def berkas_tersimpan(p: PengajuanDaring) -> MultiValueDict:
    """The held scans as uploads again, by the field they were posted in."""
    hasil = MultiValueDict()
    for lampiran in Lampiran.objects.filter(content_type=ContentType.objects.get_for_model(p), object_id=p.pk):
        with lampiran.berkas.open("rb") as f:
            isi = f.read()
        hasil[lampiran.keterangan] = SimpleUploadedFile(lampiran.nama_asli, isi, content_type=lampiran.jenis_mime)
    return hasil


def lampiran_pengajuan(p: PengajuanDaring):
    return Lampiran.objects.filter(content_type=ContentType.objects.get_for_model(p), object_id=p.pk)


def pengajuan_hapus_berkas(p: PengajuanDaring) -> None:
    """Drop the held scans (rows now, files after commit): the request keeps its own copies."""
    daftar = list(lampiran_pengajuan(p))
    nama = [lampiran.berkas.name for lampiran in daftar]
    Lampiran.objects.filter(pk__in=[lampiran.pk for lampiran in daftar]).delete()
    if nama:
        storage = Lampiran._meta.get_field("berkas").storage
        transaction.on_commit(lambda: [storage.delete(n) for n in nama])


_GARAM = "publik.daring.pengajuan"
MASA_TAUTAN = 7 * 24 * 3600


def token_pengajuan(p: PengajuanDaring) -> str:
    return signing.dumps({"pk": p.pk, "email": p.email}, salt=_GARAM)


def pengajuan_dari_token(token: str) -> PengajuanDaring | None:
    try:
        isi = signing.loads(token, salt=_GARAM, max_age=MASA_TAUTAN)
    except signing.BadSignature:
        return None
    return PengajuanDaring.objects.filter(pk=isi.get("pk"), email=isi.get("email"), dikirim_pada__isnull=False).first()


def pengajuan_kirim(*, p: PengajuanDaring, layanan, request) -> None:
    """The applicant sent it from the review step: the confirmation link, code and PIN by email."""
    p.dikirim_pada = timezone.now()
    p.save(update_fields=["dikirim_pada"])
    status = request.build_absolute_uri(reverse("publik:status"))
    tautan = request.build_absolute_uri(reverse("publik:daring-pengajuan-konfirmasi", args=[token_pengajuan(p)]))
    isi = (f"Permohonan {layanan.nama} telah dikirim dari situs Dinas atas alamat email ini.\n\n"
           f"Permohonan baru diproses setelah Anda mengonfirmasi email ini: buka tautan berikut lalu tekan "
           f"tombol konfirmasi (berlaku 7 hari):\n{tautan}\n\nKode lacak: {p.kode_lacak}\nPIN: {p.pin}\n\n"
           f"Cek status permohonan di {status}\n\nBila Anda tidak merasa mengajukan, abaikan email ini: "
           f"tanpa konfirmasi, permohonan tidak diproses.\n"
           f"Dinas Kependudukan dan Pencatatan Sipil Kota Pasuruan")
    email = p.email
    transaction.on_commit(lambda: send_mail(f"Konfirmasi permohonan {layanan.nama}", isi, settings.DEFAULT_FROM_EMAIL,
                                            [email], fail_silently=True))


class PengajuanDitolak(Exception):
    """The held filing no longer passes the service's intake checks (messages for the page)."""

    def __init__(self, pesan: list[str]):
        super().__init__("; ".join(pesan))
        self.pesan = pesan


def pengajuan_konfirmasi(p: PengajuanDaring):
    """The applicant opened the signed link: the service's intake form is bound again to what was
    filed and the request created by its normal intake service, with the code and PIN already
    given; the held scans are dropped. Idempotent: a second click returns the same request."""
    with transaction.atomic():
        p = PengajuanDaring.objects.select_for_update().get(pk=p.pk)
        if p.object_id:
            return p.permohonan
        layanan = layanan_daring(p.kode_layanan)
        if layanan is None:
            raise PengajuanDitolak(["Layanan ini sudah tidak dapat diajukan secara daring."])
        data = MultiValueDict({k: list(v) for k, v in p.data.items()})
        form = form_daring(layanan, data, berkas_tersimpan(p))
        if not form.valid():
            pesan = form.galat_umum() + [f"{bf.label}: {e}" for bf in form.field_data() + form.field_berkas()
                                         for e in bf.errors]
            raise PengajuanDitolak(pesan or ["Isian permohonan tidak lagi dapat diterima."])
        objek = form.simpan(kode=(p.kode_lacak, p.pin))
        p.content_type = ContentType.objects.get_for_model(objek)
        p.object_id = objek.pk
        p.dikonfirmasi_pada = timezone.now()
        p.save(update_fields=["content_type", "object_id", "dikonfirmasi_pada"])
        pengajuan_hapus_berkas(p)
    return objek


def diajukan_daring(objek) -> bool:
    """Whether a request was filed online (held here, or a process that records its channel)."""
    if getattr(objek, "saluran", "") == "daring":
        return True
    return PengajuanDaring.objects.filter(content_type=ContentType.objects.get_for_model(objek),
                                          object_id=objek.pk).exists()


# -- the citizen's re-upload after a return (status page) --------------------------------------
def daftar_persyaratan(objek) -> list:
    """The requirement list a request was filed under, whatever its process."""
    if hasattr(objek, "daftar_persyaratan"):
        return list(objek.daftar_persyaratan())
    from apps.capil.syarat import syarat_pencatatan

    return list(syarat_pencatatan(objek))


def lengkapi_daring(*, objek, berkas: list[tuple]):
    """The applicant's re-upload after a return: the scans kept under their requirements and the
    request back in the front office's (or verifikator's) queue, run as the system through the
    process's ``lengkapi_daring`` transition, all or nothing."""
    from apps.core.asupan import simpan_berkas_persyaratan
    from apps.core.tutup_otomatis import jalankan_sebagai_sistem
    from apps.core.workflow import AksiDitolak

    with transaction.atomic():
        objek = type(objek).objects.select_for_update().get(pk=objek.pk)
        if objek.status != "dikembalikan":
            raise AksiDitolak("Permohonan ini tidak sedang menunggu kelengkapan berkas.")
        log = jalankan_sebagai_sistem(objek, "lengkapi_daring")
        simpan_berkas_persyaratan(objek=objek, berkas=berkas, oleh=None, riwayat=log)
    return objek


def kabari_dikembalikan(*, objek, alasan: str) -> None:
    """Email the applicant of an online request that was returned: the reason and where to
    re-upload (the status page with the code and PIN)."""
    email = getattr(objek, "email", "") or ""
    if not email or not diajukan_daring(objek):
        return
    nama = getattr(getattr(objek, "layanan", None), "nama", "") or str(objek._meta.verbose_name)
    isi = (f"Permohonan {nama} dengan kode lacak {objek.kode_lacak} dikembalikan kepada Anda.\n\n"
           f"Yang perlu dilengkapi: {alasan}\n\n"
           f"Buka halaman Cek status permohonan di situs Dinas ({reverse('publik:status')}) dengan kode lacak "
           f"dan PIN Anda, lalu pilih “Lengkapi berkas” untuk "
           f"mengunggah berkas yang kurang.\n\nDinas Kependudukan dan Pencatatan Sipil Kota Pasuruan")
    transaction.on_commit(lambda: send_mail(f"Permohonan {objek.kode_lacak} perlu dilengkapi", isi,
                                            settings.DEFAULT_FROM_EMAIL, [email], fail_silently=True))
