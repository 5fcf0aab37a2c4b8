"""The service tail (ekor layanan): verifikasi → TTE → cetak → periksa hasil cetak → penyerahan.

Every citizen-facing process of the map ends the same way once its own steps are done: the data
is verified (with a return to the operator), signed by the official the process names (who may
send it back with a reason), printed by operator_siak, checked (a spoilt print is counted and
printed again) and handed over in person, to a partner's officer, or by email. The tail is declared
here once; a process model takes it in one declaration::

    class PermohonanKK(ekor_layanan(
        verifikasi=[Verifikasi(dari=S.DIINPUT, kembali_ke=S.PERBAIKAN)],
        tte=TTE(peran=("kabid", "kadis"), kembali_ke=S.DIINPUT),
        cetak=Cetak(),
        periksa_cetak=PeriksaCetak(),
        penyerahan=Penyerahan(),
    ), Proses):
        status = FSMField(choices=Status.choices, ...)

Each step is optional where the map skips it (P.4.1.1 has no verification and no TTE: its print
starts from ``Cetak(dari=...)``). The states the tail moves through are the values of
``StatusEkor``; the process's own ``Status`` enum includes those it uses (a system check says so).

``ekor_layanan`` builds a fresh abstract model per call, so each process gets its own transition
functions: django-fsm-2 collects a transition shared between models only when the models share
the same status column, and would otherwise drop it without an error (STYLE.md).

What a step does besides moving the state (sign the document, print it, mail it) is the service
the transition names (``custom["layanan"]``): the kernel's by default, or the process's own, which
must call the default (e.g. P.5.1 writes the register entry and then signs).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import GET_STATE, transition

from .peran import Peran, peran


class StatusEkor(models.TextChoices):
    """The states of the tail; a process's ``Status`` repeats the ones it uses, same values."""

    TERVERIFIKASI = "terverifikasi", "Terverifikasi"
    SIAP_CETAK = "siap_cetak", "Siap dicetak"
    DITANDATANGANI = "ditandatangani", "Ditandatangani (TTE)"
    DICETAK = "dicetak", "Dicetak"
    SIAP_DIAMBIL = "siap_diambil", "Siap diambil"
    SELESAI = "selesai", "Selesai"
    DITOLAK = "ditolak", "Ditolak"


class CaraPenyerahan(models.TextChoices):
    FISIK = "fisik", "Diserahkan langsung (cetak)"
    MITRA = "mitra", "Diserahkan ke petugas mitra"
    EMAIL = "email", "Dikirim lewat email"
    PEMUTAKHIRAN = "register", "Tanpa dokumen: register dimutakhirkan"


def _peran(nilai) -> Peran:
    return nilai if isinstance(nilai, Peran) else peran(*nilai)


@dataclass(frozen=True)
class Verifikasi:
    """One level of verification (P.5 has two: kasi, then kabid). ``ke`` defaults to the next
    level's ``dari``, and for the last level to the TTE (or straight to printing without one)."""

    dari: str
    kembali_ke: str
    peran: tuple[str, ...] | Peran = ("verifikator",)
    ke: str | None = None
    nama: str = "verifikasi"
    label: str = "Verifikasi: data sesuai"
    form: str | None = None
    nama_kembali: str = "minta_perbaikan"
    label_kembali: str = "Kembalikan untuk perbaikan"
    # Whether the return's reason is shown to the citizen (a partner who filed it reads it too).
    kembali_publik: bool = False
    # A verifier may also refuse the request outright (reason public); None: no such action.
    nama_tolak: str | None = "tolak_verifikasi"
    label_tolak: str = "Tolak permohonan"


@dataclass(frozen=True)
class TTE:
    """The electronic signature by the roles the process names, with a return with a reason.

    ``bila``: the name of a record attribute; when it is false the record skips the TTE (a KTP-el
    filed with a KK goes straight to printing). The signed PDF is emailed at signing when the
    record's ``email_pemohon`` gives an address (apps.dokumen)."""

    peran: tuple[str, ...] | Peran
    # Where the official's return (with a reason) sends the file; None: the process has no return.
    kembali_ke: str | None = None
    dari: str = StatusEkor.TERVERIFIKASI
    # The signed state; a back-office document may name its own (a letter "ditandatangani", an
    # RKBMD "disahkan"). Printing starts from it.
    ke: str = StatusEkor.DITANDATANGANI
    bila: str | None = None
    layanan: str = "apps.dokumen.services.aksi_tandatangani"
    label: str = "Tandatangani (TTE)"
    label_kembali: str = "Kembalikan ke verifikator"


@dataclass(frozen=True)
class Cetak:
    """Printing by operator_siak. ``dari``: where printing starts when the process has no TTE or
    no verification (P.4.1.1 prints a complete file); by default the signed state, and the
    ready-to-print state for records that skip the TTE."""

    dari: str | None = None
    peran: tuple[str, ...] | Peran = ("operator_siak",)
    label: str = "Cetak dokumen"
    layanan: str = "apps.dokumen.services.aksi_cetak"


@dataclass(frozen=True)
class PeriksaCetak:
    """Quality control of the print: good → ready for pickup; spoilt → printed again, counted."""

    peran: tuple[str, ...] | Peran = ("operator_pengambilan",)
    label_bagus: str = "Hasil cetak bagus"


@dataclass(frozen=True)
class Penyerahan:
    """Handover of the finished document: in person (or to a partner's officer, ``cara=MITRA``),
    and, with ``email``, by email of the signed PDF instead."""

    peran: tuple[str, ...] | Peran = ("operator_pengambilan",)
    cara: str = CaraPenyerahan.FISIK
    label: str = "Serahkan ke pemohon"
    form: str = "apps.core.forms.SerahkanForm"
    email: bool = False
    label_email: str = "Kirim lewat email"
    form_email: str = "apps.core.forms.KirimEmailForm"
    layanan_email: str = "apps.core.ekor.layanan_kirim_email"
    label_rusak: str = "Rusak — cetak ulang"


@dataclass(frozen=True)
class SpesifikasiEkor:
    verifikasi: tuple[Verifikasi, ...] = ()
    tte: TTE | None = None
    cetak: Cetak | None = None
    periksa_cetak: PeriksaCetak | None = None
    penyerahan: Penyerahan | None = None
    selesai: str = StatusEkor.SELESAI
    ditolak: str = StatusEkor.DITOLAK
    nama_transisi: tuple[str, ...] = ()
    # Every state the tail's transitions name (a system check finds them in the process's choices).
    status: tuple[str, ...] = ()


def _buat(nama: str, sumber, target, izin: Peran, custom: dict, badan=None):
    """One transition function, fresh for the model being built."""

    def aksi(self, oleh=None, data=None):
        if badan is not None:
            badan(self, oleh, data or {})

    aksi.__name__ = aksi.__qualname__ = nama
    aksi.alters_data = True
    return transition(field="status", source=sumber, target=target, permission=izin, custom=custom)(aksi)


def _tandatangani(objek, oleh, data):
    objek.ditandatangani_pada = timezone.now()
    objek.pejabat = oleh


def _rusak(objek, oleh, data):
    objek.jumlah_cetak_ulang += 1


def _serahkan_dengan(cara: str):
    def badan(objek, oleh, data):
        objek.cara_penyerahan = cara
        objek.diserahkan_kepada = data.get("penerima", "") or objek.diserahkan_kepada
        objek.diserahkan_pada = timezone.now()

    return badan


def _kirim_email(objek, oleh, data):
    if data.get("email") and hasattr(objek, "email"):
        objek.email = data["email"]
    objek.cara_penyerahan = CaraPenyerahan.EMAIL
    objek.diserahkan_kepada = objek.email_pemohon or objek.diserahkan_kepada
    objek.diserahkan_pada = timezone.now()


def ekor_layanan(
    *,
    verifikasi=(),
    tte: TTE | None = None,
    cetak: Cetak | None = None,
    periksa_cetak: PeriksaCetak | None = None,
    penyerahan: Penyerahan | None = None,
    selesai: str = StatusEkor.SELESAI,
    ditolak: str = StatusEkor.DITOLAK,
) -> type[models.Model]:
    """An abstract model with the tail's transitions and the fields they set, for one process."""
    S = StatusEkor
    verifikasi = tuple(verifikasi)
    t: dict[str, object] = {}
    dipakai: set[str] = set()

    def tambah(nama, sumber, target, izin, custom, badan=None):
        if nama in t:
            raise ValueError(f"ekor_layanan: transisi {nama!r} dideklarasikan dua kali")
        t[nama] = _buat(nama, sumber, target, izin, custom, badan)
        dipakai.update([sumber] if isinstance(sumber, str) else sumber)
        if isinstance(target, str):
            dipakai.add(target)

    # Where verification leads, and where printing starts, depend on the TTE.
    if tte is not None and tte.bila:
        syarat_tte = tte.bila

        def _setelah_verifikasi(objek, *a, **k):
            return tte.dari if getattr(objek, syarat_tte) else S.SIAP_CETAK

        def _sebelum_cetak(objek, *a, **k):
            return tte.ke if getattr(objek, syarat_tte) else S.SIAP_CETAK

        setelah_verifikasi = GET_STATE(_setelah_verifikasi, states=[tte.dari, S.SIAP_CETAK])
        awal_cetak = [tte.ke, S.SIAP_CETAK]
        ulang_cetak = GET_STATE(_sebelum_cetak, states=[tte.ke, S.SIAP_CETAK])
        dipakai.update(awal_cetak)
    elif tte is not None:
        setelah_verifikasi = tte.dari
        awal_cetak = [tte.ke]
        ulang_cetak = tte.ke
    else:
        setelah_verifikasi = S.SIAP_CETAK
        awal_cetak = [cetak.dari] if cetak and cetak.dari else [S.SIAP_CETAK]
        ulang_cetak = awal_cetak[0]
    if cetak is not None and cetak.dari and tte is not None:
        awal_cetak = [cetak.dari]
        ulang_cetak = cetak.dari

    # -- verification, one transition per level, each with its return ------------------------
    for i, v in enumerate(verifikasi):
        ke = v.ke or (verifikasi[i + 1].dari if i + 1 < len(verifikasi) else setelah_verifikasi)
        izin = _peran(v.peran)
        custom = {"label": v.label, "gaya": "success", "ekor": "verifikasi"}
        if v.form:
            custom["form"] = v.form
        tambah(v.nama, v.dari, ke, izin, custom)
        tambah(v.nama_kembali, v.dari, v.kembali_ke, izin,
               {"label": v.label_kembali, "wajib_catatan": True, "catatan_publik": v.kembali_publik,
                "gaya": "danger", "ekor": "kembali"})
        if v.nama_tolak:
            tambah(v.nama_tolak, v.dari, ditolak, izin,
                   {"label": v.label_tolak, "wajib_catatan": True, "catatan_publik": True,
                    "gaya": "outline-danger", "ekor": "tolak"})

    # -- TTE, and its return with a reason ----------------------------------------------------
    if tte is not None:
        izin = _peran(tte.peran)
        tambah("tandatangani", tte.dari, tte.ke, izin,
               {"label": tte.label, "gaya": "success", "form": "apps.dokumen.forms.TTEForm",
                "layanan": tte.layanan, "ekor": "tte"}, _tandatangani)
        if tte.kembali_ke:
            tambah("kembalikan_tte", tte.dari, tte.kembali_ke, izin,
                   {"label": tte.label_kembali, "wajib_catatan": True, "gaya": "danger", "ekor": "kembali"})

    # -- printing, QC with counted reprints -------------------------------------------------
    siap_serah = S.DICETAK
    if cetak is not None:
        tambah("cetak", awal_cetak if len(awal_cetak) > 1 else awal_cetak[0], S.DICETAK, _peran(cetak.peran),
               {"label": cetak.label, "layanan": cetak.layanan, "ekor": "cetak"})
        pemeriksa = _peran(periksa_cetak.peran if periksa_cetak else (penyerahan.peran if penyerahan else ("operator_pengambilan",)))
        label_rusak = penyerahan.label_rusak if penyerahan else "Rusak — cetak ulang"
        tambah("cetakan_rusak", S.DICETAK, ulang_cetak, pemeriksa,
               {"label": label_rusak, "wajib_catatan": True, "gaya": "danger", "ekor": "cetak_ulang"}, _rusak)
        if periksa_cetak is not None:
            tambah("cetakan_bagus", S.DICETAK, S.SIAP_DIAMBIL, pemeriksa,
                   {"label": periksa_cetak.label_bagus, "gaya": "success", "ekor": "periksa_cetak"})
            siap_serah = S.SIAP_DIAMBIL

    # -- handover: in person / to a partner's officer, or by email --------------------------
    if penyerahan is not None:
        izin = _peran(penyerahan.peran)
        tambah("serahkan", siap_serah, selesai, izin,
               {"label": penyerahan.label, "form": penyerahan.form, "gaya": "success", "ekor": "serahkan"},
               _serahkan_dengan(penyerahan.cara))
        if penyerahan.email:
            sumber = [tte.ke, siap_serah] if tte is not None else [siap_serah]
            tambah("kirim_email", sumber, selesai, izin,
                   {"label": penyerahan.label_email, "form": penyerahan.form_email,
                    "layanan": penyerahan.layanan_email, "ekor": "email"}, _kirim_email)

    spesifikasi = SpesifikasiEkor(
        verifikasi=verifikasi, tte=tte, cetak=cetak, periksa_cetak=periksa_cetak, penyerahan=penyerahan,
        selesai=selesai, ditolak=ditolak, nama_transisi=tuple(t), status=tuple(sorted(dipakai)),
    )
    attrs: dict[str, object] = {
        "__module__": __name__,
        "__qualname__": "EkorLayanan",
        "Meta": type("Meta", (), {"abstract": True}),
        "EKOR": spesifikasi,
        **t,
    }
    # The fields the tail's steps set, declared with the steps.
    if tte is not None:
        attrs["ditandatangani_pada"] = models.DateTimeField("ditandatangani pada", null=True, blank=True, editable=False)
        attrs["pejabat"] = models.ForeignKey(
            settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
            editable=False, verbose_name="pejabat penandatangan",
        )
    if cetak is not None:
        attrs["jumlah_cetak_ulang"] = models.PositiveSmallIntegerField("cetak ulang", default=0, editable=False)
    if penyerahan is not None:
        attrs["cara_penyerahan"] = models.CharField(
            "cara penyerahan", max_length=8, choices=CaraPenyerahan.choices, blank=True, editable=False
        )
        attrs["diserahkan_kepada"] = models.CharField("diterima oleh", max_length=120, blank=True, editable=False)
        attrs["diserahkan_pada"] = models.DateTimeField("diserahkan pada", null=True, blank=True, editable=False)
    return type("EkorLayanan", (models.Model,), attrs)


def spesifikasi_ekor(model) -> SpesifikasiEkor | None:
    return getattr(model, "EKOR", None)


def layanan_kirim_email(*, objek, pengguna, form):
    """The handover by email: the transition, then the record's signed document mailed to the
    applicant's address (``email_pemohon``, read after the step recorded the choice). The email job
    of apps.dokumen sends it exactly once, whatever retries happen."""
    from django.db import transaction

    from apps.dokumen.services import dokumen_kirim_email, dokumen_untuk_cetak

    from .workflow import AksiDitolak, jalankan_form

    dokumen = dokumen_untuk_cetak(objek)
    if dokumen is None or not dokumen.perlu_tte or not dokumen.siap:
        raise AksiDitolak(
            "Dokumen bertanda tangan elektronik belum selesai dibuat. Tunggu sebentar, atau ulangi "
            "pembuatannya dari panel dokumen bila gagal."
        )
    with transaction.atomic():
        riwayat = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        dokumen_kirim_email(dokumen=dokumen, email=objek.email_pemohon)
    return riwayat
