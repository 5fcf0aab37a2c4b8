"""Intake (asupan): how a citizen's request enters any process, and how a returned file is completed.

A process declares its intake form on the model (``FORM_ASUPAN``, a ``ModelForm`` of the model
with ``AsupanMixin``) and who may file it through which channel (``SALURAN_ASUPAN``). The kernel
gives the rest:

- the intake page ``/proses/<label>/baru/`` (or the app's ``<model>-baru`` URL from
  ``proses_urls``): NIK look-up that fills the identity fields from the register, one tick and one
  scan per requirement of the list in force, the one-time key that makes a resubmitted form return
  the request it already created, and the tanda terima with the tracking code, PIN and QR;
- the same page for a partner's officer and for a citizen online, by channel;
- "lengkapi berkas" after a return: ``LengkapiBerkasForm`` and ``layanan_lengkapi`` on a
  transition, listing only what is missing.

Requirements are whatever the process lists (``daftar_persyaratan()`` on the record, or
``persyaratan_asupan()`` on the model before the record exists): items with ``kunci`` (a stable
key), ``nama``, ``wajib`` and optionally ``keterangan``. The scans are kept as ``core.Lampiran``
rows and noted per key in the record's ``berkas_persyaratan``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction

from .forms import AksiForm
from .idempoten import FormIdempotenMixin
from .lampiran import LampiranField
from .models import Lampiran


@dataclass(frozen=True)
class SyaratBerkas:
    """A requirement as a process without a catalogue entry lists it."""

    kunci: str
    nama: str
    wajib: bool = True
    keterangan: str = ""


class Saluran:
    """The channels a request comes in through (the dashboard counts them)."""

    LOKET = "loket"
    MITRA = "mitra"
    DARING = "daring"
    LABEL = {LOKET: "Loket Dinas", MITRA: "Mitra terintegrasi", DARING: "Daring (pemohon)"}


class DenganPersyaratan(models.Model):
    """Mixed into a process model that takes requirements at intake: the scans received per
    requirement, and the requirement list in force when the request was filed (versioned lists:
    a list changed in the catalogue later applies only to new requests)."""

    berkas_persyaratan = models.JSONField(default=dict, blank=True, editable=False)
    persyaratan_berlaku = models.JSONField("persyaratan yang berlaku", default=list, blank=True, editable=False)
    saluran = models.CharField("saluran", max_length=8, default="loket", editable=False,
                               choices=list(Saluran.LABEL.items()))

    # Requirements of a process the catalogue does not list (SyaratBerkas items).
    PERSYARATAN: tuple = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding and not self.persyaratan_berlaku:
            self.persyaratan_berlaku = [
                {"kunci": s.kunci, "nama": s.nama, "wajib": s.wajib, "keterangan": s.keterangan}
                for s in self.persyaratan_asupan()
            ]
        super().save(*args, **kwargs)

    @classmethod
    def layanan_katalog(cls):
        """The catalogue's service for this process (``Layanan.kode_proses``), or None."""
        from django.apps import apps

        if not cls.KODE_PROSES or not apps.is_installed("apps.pendaftaran"):
            return None
        Layanan = apps.get_model("pendaftaran", "Layanan")
        return Layanan.objects.filter(kode_proses=cls.KODE_PROSES[0], aktif=True).order_by("urutan", "pk").first()

    @classmethod
    def persyaratan_asupan(cls) -> list:
        """The list a new request is filed under: the catalogue's, else ``PERSYARATAN``."""
        layanan = cls.layanan_katalog()
        if layanan is not None:
            return [SyaratBerkas(str(p.pk), p.nama, p.wajib, p.keterangan)
                    for p in layanan.persyaratan.all() if not p.hanya_untuk_sebab.exists()]
        return list(cls.PERSYARATAN)

    @classmethod
    def boleh_daring(cls) -> bool:
        layanan = cls.layanan_katalog()
        return bool(layanan and layanan.boleh_daring) or getattr(cls, "BOLEH_DARING", False)

    def daftar_persyaratan(self) -> list[SyaratBerkas]:
        return [SyaratBerkas(**r) for r in self.persyaratan_berlaku]

    def persyaratan_kurang(self) -> list[SyaratBerkas]:
        return [s for s in self.daftar_persyaratan() if s.wajib and s.kunci not in self.berkas_persyaratan]

    def data_tanda_terima(self) -> dict:
        """What the tanda terima lists: the service and the requirements received."""
        return {
            "layanan": str(self._meta.verbose_name).capitalize(),
            "berkas_diterima": [s.nama for s in self.daftar_persyaratan() if s.kunci in self.berkas_persyaratan],
        }


def nama_berkas(syarat) -> str:
    return f"berkas_{syarat.kunci}"


def nama_centang(syarat) -> str:
    return f"syarat_{syarat.kunci}"


def simpan_berkas_persyaratan(*, objek, berkas: list[tuple], oleh, riwayat=None) -> None:
    """Keep each uploaded scan under its requirement (``[(syarat, file)]``) on ``objek``."""
    if not berkas:
        return
    for syarat, isi in berkas:
        lampiran = Lampiran.simpan(objek=objek, berkas=isi, keterangan=syarat.nama, oleh=oleh, riwayat=riwayat)
        objek.berkas_persyaratan[syarat.kunci] = lampiran.pk
    objek.save(update_fields=["berkas_persyaratan"])


class PersyaratanMixin:
    """One scan field per requirement (and, at intake, a tick: a ticked requirement needs its scan
    and a scan counts as ticked). Subclasses call ``tambah_field_persyaratan``."""

    def tambah_field_persyaratan(self, daftar, *, centang: bool = False, diterima=frozenset(), label_status=False):
        self.persyaratan = list(daftar)
        self._centang = centang
        self._status_label = label_status
        for s in self.persyaratan:
            label = self.label_persyaratan(s)
            if label_status:
                label += " (sudah ada — unggah lagi untuk mengganti)" if s.kunci in diterima else (
                    " (wajib, belum ada)" if s.wajib else " (belum ada)")
            if centang:
                self.fields[nama_centang(s)] = forms.BooleanField(
                    label=label, required=False, widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))
            self.fields[nama_berkas(s)] = LampiranField(
                label=f"Pindaian: {s.nama}" if centang else label, required=False,
                help_text=getattr(s, "keterangan", "") or "")

    def label_persyaratan(self, s) -> str:
        return s.nama if s.wajib or getattr(self, "_status_label", False) else f"{s.nama} (bila ada)"

    def baris_persyaratan(self):
        """(requirement, tick or None, file field) rows for the template."""
        return [(s, self[nama_centang(s)] if self._centang else None, self[nama_berkas(s)]) for s in self.persyaratan]

    def bersihkan_persyaratan(self, data: dict) -> dict:
        for s in self.persyaratan:
            if data.get(nama_berkas(s)):
                if self._centang:
                    data[nama_centang(s)] = True
            elif self._centang and data.get(nama_centang(s)) and nama_berkas(s) not in self.errors:
                self.add_error(nama_berkas(s), "Unggah pindaian persyaratan yang dicentang.")
        return data

    def berkas_persyaratan(self) -> list[tuple]:
        """[(requirement, uploaded file)] of what was brought."""
        return [(s, self.cleaned_data[nama_berkas(s)]) for s in self.persyaratan if self.cleaned_data.get(nama_berkas(s))]

    def data_aksi(self) -> dict:
        """On an action form: the scans are stored by the step's service, not handed to the transition."""
        return {k: v for k, v in super().data_aksi().items() if not k.startswith("berkas_")}


class AsupanMixin(FormIdempotenMixin, PersyaratanMixin):
    """Mixed into a process's intake ``ModelForm``: the requirement ticks and scans of the list in
    force, and the one-time key. ``saluran`` and the user are given by the kernel's view."""

    def __init__(self, *args, saluran: str = Saluran.LOKET, pengguna=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.saluran = saluran
        self.pengguna = pengguna
        self.tambah_field_persyaratan(self._meta.model.persyaratan_asupan(), centang=True)

    def clean(self):
        return self.bersihkan_persyaratan(super().clean())


class LengkapiBerkasForm(PersyaratanMixin, AksiForm):
    """“Lengkapi berkas” after a return: one scan per requirement still missing (others may be
    replaced), at least one new scan."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        daftar = self.objek.daftar_persyaratan() if self.objek is not None else []
        diterima = set(self.objek.berkas_persyaratan) if self.objek is not None else set()
        self.tambah_field_persyaratan(daftar, diterima=diterima, label_status=True)
        # Every scan here has its requirement; the kernel's loose attachment is not needed.
        self.fields.pop("lampiran", None)

    def clean(self):
        data = super().clean()
        if not self.errors and not any(data.get(nama_berkas(s)) for s in self.persyaratan):
            raise ValidationError("Unggah pindaian minimal satu persyaratan yang dilengkapi.")
        return data



def layanan_lengkapi(*, objek, pengguna, form):
    """The transition of a completion form and the scans it carries, kept per requirement, in one
    transaction (the same request goes on: same tracking code, the timeline continues)."""
    from .workflow import jalankan_form

    with transaction.atomic():
        log = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        simpan_berkas_persyaratan(objek=objek, berkas=form.berkas_persyaratan(), oleh=pengguna, riwayat=log)
    return log


def saluran_pengguna(model, user) -> list[str]:
    """The channels through which ``user`` may file a request of ``model``."""
    from .peran import peran_pengguna

    milik = peran_pengguna(user)
    return [s for s, peran in getattr(model, "SALURAN_ASUPAN", {}).items() if milik & set(peran)]


def asupan_simpan(*, form, pengguna, saluran: str):
    """Create the request from a valid intake form: the record, its scans, the first timeline row
    and the tanda terima, all or nothing."""
    from .workflow import catat_pembuatan

    with transaction.atomic():
        objek = form.save(commit=False)
        objek.dibuat_oleh = pengguna if getattr(pengguna, "is_authenticated", False) else None
        if hasattr(objek, "saluran"):
            objek.saluran = saluran
        if getattr(objek, "tenggat", None) is None and hasattr(objek, "hitung_tenggat"):
            objek.tenggat = objek.hitung_tenggat()
        objek.save()
        form.save_m2m()
        simpan_berkas_persyaratan(objek=objek, berkas=form.berkas_persyaratan(), oleh=objek.dibuat_oleh)
        catat_pembuatan(objek=objek, pengguna=objek.dibuat_oleh,
                        label=f"Permohonan dicatat ({Saluran.LABEL.get(saluran, saluran)})")
        if objek.DILACAK_PEMOHON:
            from apps.dokumen.services import dokumen_terbitkan

            dokumen_terbitkan(objek=objek, jenis="tanda_terima", oleh=objek.dibuat_oleh)
    return objek
