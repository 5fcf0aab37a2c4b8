"""The three flows of P.4.1 as state machines (PROCESSES.md, peta-proses-bisnis P.4.1.1–P.4.1.3).

Transition bodies only set fields on the record; documents, signing, printing and email happen in
the services the transitions name (``custom["layanan"]``), called by the kernel's action view.
"""

from __future__ import annotations

from django.db import models
from django_fsm import FSMField, transition

from apps.core.ekor import TTE, CaraPenyerahan, Cetak, Penyerahan, PeriksaCetak, Verifikasi, ekor_layanan
from apps.core.hari_kerja import hari_mulai_layanan, tambah_hari_kerja
from apps.core.models import Proses
from apps.core.peran import peran, peran_pengguna
from apps.core.tutup_otomatis import SISTEM

from ..katalog import persyaratan_tercatat, rekam_persyaratan
from .layanan import InstansiMitra, Layanan, instansi_pengguna


class Status(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan ke pemohon"
    LENGKAP = "lengkap", "Berkas lengkap"
    DIINPUT = "diinput", "Diinput di SIAK"
    PERBAIKAN = "perbaikan", "Perbaikan"
    TERVERIFIKASI = "terverifikasi", "Terverifikasi"
    SIAP_CETAK = "siap_cetak", "Siap dicetak"
    DITANDATANGANI = "ditandatangani", "Ditandatangani (TTE)"
    DICETAK = "dicetak", "Dicetak"
    SIAP_DIAMBIL = "siap_diambil", "Siap diambil"
    SELESAI = "selesai", "Selesai"
    DITOLAK = "ditolak", "Ditolak"
    DIBATALKAN = "dibatalkan", "Dibatalkan"


S = Status

# What the citizen reads on the status page, per state (plain Indonesian, no staff names).
STATUS_PUBLIK = {
    S.DIAJUKAN: "Permohonan diterima dan sedang diperiksa kelengkapan persyaratannya.",
    S.DIKEMBALIKAN: "Persyaratan belum lengkap. Mohon lengkapi kekurangan di bawah ini dan bawa ke loket pelayanan.",
    S.LENGKAP: "Persyaratan lengkap; permohonan sedang diproses.",
    S.DIINPUT: "Data sudah dimasukkan ke SIAK dan sedang diverifikasi.",
    S.PERBAIKAN: "Data sedang diperbaiki oleh petugas.",
    S.TERVERIFIKASI: "Data sudah diverifikasi dan menunggu tanda tangan elektronik pejabat.",
    S.SIAP_CETAK: "Data sudah diverifikasi; dokumen menunggu dicetak.",
    S.DITANDATANGANI: "Dokumen sudah ditandatangani secara elektronik dan menunggu dicetak.",
    S.DICETAK: "Dokumen sudah dicetak dan sedang diperiksa mutunya.",
    S.SIAP_DIAMBIL: "Dokumen siap diambil di loket pengambilan. Bawa tanda terima Anda.",
    S.SELESAI: "Selesai: dokumen sudah diserahkan.",
    S.DITOLAK: "Permohonan ditolak. Alasannya tertulis di bawah; hubungi loket pelayanan bila ada pertanyaan.",
    S.DIBATALKAN: "Permohonan ditutup. Alasannya tertulis di bawah; ajukan permohonan baru bila masih diperlukan.",
}

# Timeline rows the citizen reads by what happened rather than by the state reached.
AKSI_PUBLIK = {
    "lengkapi": "Persyaratan dilengkapi",
    "perbaiki": "Perbaikan dikirim",
    "cetakan_rusak": "Hasil cetak rusak, dicetak ulang",
}

_FO = peran("petugas_fo")
_SIAK = peran("operator_siak")
_PEJABAT_TTE = ("kabid", "kadis")

_TTE = "apps.pendaftaran.services.permohonan_tandatangani"
_F = "apps.pendaftaran.forms"


class Permohonan(Proses):
    """What every P.4.1 request holds: the service, the applicant, the requirements received."""

    STATUS_AKHIR = frozenset({S.SELESAI, S.DITOLAK, S.DIBATALKAN})
    # A returned file nobody completes is closed after settings.TUTUP_OTOMATIS_HARI_KERJA working days.
    TUTUP_OTOMATIS = (S.DIKEMBALIKAN, "tutup_otomatis")
    DILACAK_PEMOHON = True
    STATUS_PUBLIK = STATUS_PUBLIK
    AKSI_PUBLIK = AKSI_PUBLIK

    layanan = models.ForeignKey(Layanan, on_delete=models.PROTECT, related_name="+")
    penduduk = models.ForeignKey(
        "penduduk.Penduduk", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Data penduduk di register, bila NIK ditemukan saat pendaftaran.",
    )
    sebab = models.ForeignKey(
        "pendaftaran.SebabLayanan", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="sebab permohonan", help_text="Mis. KK baru karena perkawinan; menentukan persyaratan yang berlaku.",
    )
    nik = models.CharField("NIK", max_length=16, db_index=True)
    nama = models.CharField("nama lengkap", max_length=120)
    no_kk = models.CharField("No. KK", max_length=16, blank=True)
    alamat = models.CharField(max_length=200, blank=True)
    email = models.EmailField("email", blank=True, help_text="Dokumen bertanda tangan elektronik dikirim ke alamat ini.")
    telepon = models.CharField(max_length=20, blank=True)
    # {str(persyaratan pk): lampiran pk}: the requirements received, each with its scan.
    berkas_persyaratan = models.JSONField(default=dict, blank=True, editable=False)
    # The requirement list in force when the request was filed (katalog.rekam_persyaratan): the
    # request is checked against it even after the catalogue changes. Empty: not recorded (rows
    # filed before versioning and without a list), the live list is read instead.
    persyaratan_berlaku = models.JSONField("persyaratan yang berlaku", default=list, blank=True, editable=False)
    # KIA from age 5: the child's photo taken at intake (printed on the card).
    foto = models.ForeignKey("core.Lampiran", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             editable=False, verbose_name="pas foto")
    # Declared once, here: each flow gets a copy of this column that django-fsm-2 recognises as the
    # same field, so the transitions shared by the flows (field="status", declared once below and
    # in the mixins) are collected for every flow. A column declared on each model instead would
    # give the shared transitions to the first flow only, without any error.
    status = FSMField(choices=Status.choices, default=S.DIAJUKAN, protected=True, db_index=True)

    class Meta:
        abstract = True

    # -- the interface apps.dokumen reads ------------------------------------------------------
    @property
    def email_pemohon(self) -> str:
        return self.email

    def pemilik_dokumen(self) -> tuple[str, str]:
        return (self.nama, self.nik)

    def jenis_dokumen_tte(self) -> str:
        """KK or KIA: the signed document of this request (none for a KTP-el)."""
        return self.layanan.dokumen if self.layanan.perlu_tte else ""

    def data_dokumen(self, jenis: str) -> dict:
        from ..dokumen_data import data_dokumen

        return data_dokumen(self, jenis)

    # -- reading -------------------------------------------------------------------------------
    @property
    def ringkasan(self) -> str:
        return f"{self.layanan.nama} — {self.nama}"

    @property
    def perlu_tte(self) -> bool:
        return self.layanan.perlu_tte

    def persyaratan_diterima(self) -> set[int]:
        return {int(k) for k in self.berkas_persyaratan}

    def daftar_persyaratan(self) -> list:
        """The requirements this request was filed under (its recorded list), else the service's
        live ones that hold for its reason (``sebab``); prefetch
        ``layanan__persyaratan__hanya_untuk_sebab`` to read those without a query per row."""
        if self.persyaratan_berlaku:
            return persyaratan_tercatat(self.persyaratan_berlaku)
        return [p for p in self.layanan.persyaratan.all() if p.berlaku_untuk(self.sebab_id)]

    def persyaratan_kurang(self, daftar=None) -> list:
        """Mandatory requirements of the request not yet received (``daftar``: prefetched live
        list, used only when the request has no recorded list)."""
        if daftar is None or self.persyaratan_berlaku:
            daftar = self.daftar_persyaratan()
        else:
            daftar = [p for p in daftar if p.berlaku_untuk(self.sebab_id)]
        ada = self.persyaratan_diterima()
        return [p for p in daftar if p.wajib and p.pk not in ada]

    def save(self, *args, **kwargs):
        # A new request records the requirement list in force now (versioned lists).
        if self._state.adding and not self.persyaratan_berlaku and self.layanan_id:
            self.persyaratan_berlaku = rekam_persyaratan(self.layanan, self.sebab_id)
        super().save(*args, **kwargs)

    def penerima_awal(self) -> str:
        """Who normally receives the finished document: the applicant."""
        return self.nama

    def hitung_tenggat(self, mulai=None):
        """The due date: the target in working days from ``mulai`` (default: the working day the
        request counts from now, the next one after closing time)."""
        return tambah_hari_kerja(mulai or hari_mulai_layanan(), self.layanan.target_hari_kerja)

    # -- transition bodies shared by the flows (called from each model's own transitions) ------
    def _lengkapi(self):
        # The service level is counted from the complete file: the applicant's completion
        # restarts the clock.
        self.tenggat = self.hitung_tenggat()

    # -- the end every flow shares besides the kernel's tail (apps.core.ekor) -------------------
    @transition(field="status", source=S.DIKEMBALIKAN, target=S.DIBATALKAN, permission=SISTEM,
                custom={"label": "Ditutup otomatis (tidak dilengkapi)", "catatan_publik": True})
    def tutup_otomatis(self, oleh=None, data=None):
        """Run only by core.tutup_otomatis (beat); no user holds the role."""


class PelayananDiLoket(models.Model):
    """The steps of the flows that begin and end at the Dinas' own counter (P.4.1.1, P.4.1.2).

    petugas_fo checks the requirements brought by the applicant (lengkap / dikembalikan, and the
    completion that restarts the service level). Mixed into a ``Permohonan``; P.4.1.3 has its own,
    done by the partner. Verification, TTE, printing, QC and handover are the kernel's tail
    (``apps.core.ekor``), declared on each flow.
    """

    class Meta:
        abstract = True

    @transition(field="status", source=S.DIAJUKAN, target=S.LENGKAP, permission=_FO,
                custom={"label": "Berkas lengkap", "form": f"{_F}.BerkasLengkapForm", "gaya": "success",
                        "layanan": "apps.core.asupan.layanan_lengkapi"})
    def berkas_lengkap(self, oleh=None, data=None):
        pass

    @transition(field="status", source=S.DIAJUKAN, target=S.DIKEMBALIKAN, permission=_FO,
                custom={"label": "Kembalikan ke pemohon", "wajib_catatan": True, "catatan_publik": True, "gaya": "danger"})
    def kembalikan(self, oleh=None, data=None):
        pass

    @transition(field="status", source=S.DIKEMBALIKAN, target=S.DIAJUKAN, permission=_FO,
                custom={"label": "Lengkapi berkas", "form": f"{_F}.LengkapiForm",
                        "layanan": "apps.core.asupan.layanan_lengkapi"})
    def lengkapi(self, oleh=None, data=None):
        self._lengkapi()

    # The applicant re-uploads what was missing from the public status page (code + PIN opened
    # it; no account), run as the system (apps.publik.daring_layanan.lengkapi_daring).
    BOLEH_LENGKAPI_DARING = True

    @transition(field="status", source=S.DIKEMBALIKAN, target=S.DIAJUKAN, permission=SISTEM,
                custom={"label": "Berkas dilengkapi pemohon (daring)"})
    def lengkapi_daring(self, oleh=None, data=None):
        self._lengkapi()

    @transition(field="status", source=[S.DIAJUKAN, S.DIKEMBALIKAN], target=S.DITOLAK, permission=_FO,
                custom={"label": "Tolak permohonan", "wajib_catatan": True, "catatan_publik": True, "gaya": "danger"})
    def tolak(self, oleh=None, data=None):
        """The request cannot be served (e.g. not a resident of the city, a KIA for an adult)."""

    @transition(field="status", source=[S.DIAJUKAN, S.DIKEMBALIKAN], target=S.DIBATALKAN, permission=_FO,
                custom={"label": "Tutup permohonan", "wajib_catatan": True, "catatan_publik": True, "gaya": "secondary"})
    def batalkan(self, oleh=None, data=None):
        """Closed at the applicant's wish or because he or she will not complete it."""


class PermohonanTanpaVerifikasi(
    PelayananDiLoket,
    ekor_layanan(
        cetak=Cetak(dari=S.LENGKAP, label="Cetak KTP-el"),
        periksa_cetak=PeriksaCetak(),
        penyerahan=Penyerahan(),
    ),
    Permohonan,
):
    """P.4.1.1 — KTP-el reguler tanpa verifikasi.

    diajukan → periksa kelengkapan (petugas_fo): lengkap / dikembalikan ke pemohon → cetak
    (operator_siak) → periksa hasil cetak (operator_pengambilan): bagus → siap diambil, rusak →
    cetak ulang → serahkan ke pemohon → selesai. No verifikator, no TTE.
    """

    KODE_PROSES = ("P.4.1.1",)

    class Meta:
        verbose_name = "permohonan KTP-el"
        verbose_name_plural = "permohonan KTP-el (tanpa verifikasi)"
        indexes = [
            models.Index(fields=["status", "tenggat"], name="p411_status_tenggat"),
            # The queue's order (core.views.AntrianView.urutan): read in order, its first page
            # stops after 25 rows of the queue's states instead of sorting all of them.
            models.Index(fields=["tenggat", "dibuat_pada", "id"], name="p411_urut_antrean"),
        ]


class PermohonanDenganVerifikasi(
    PelayananDiLoket,
    ekor_layanan(
        verifikasi=[Verifikasi(dari=S.DIINPUT, kembali_ke=S.PERBAIKAN, form=f"{_F}.VerifikasiForm")],
        tte=TTE(peran=_PEJABAT_TTE, kembali_ke=S.DIINPUT, layanan=_TTE),
        cetak=Cetak(),
        periksa_cetak=PeriksaCetak(),
        penyerahan=Penyerahan(),
    ),
    Permohonan,
):
    """P.4.1.2 — KK dan KIA reguler dengan verifikasi.

    diajukan → periksa kelengkapan (petugas_fo): lengkap / dikembalikan ke pemohon → input SIAK
    (operator_siak, with the SIAK reference) → verifikasi (verifikator): terverifikasi / perbaikan
    back to operator_siak → TTE (kabid or kadis; the signed PDF is emailed when an email was given)
    → cetak (operator_siak) → periksa hasil cetak (operator_pengambilan): bagus / rusak → cetak
    ulang → serahkan → selesai.
    """

    KODE_PROSES = ("P.4.1.2",)

    referensi_siak = models.CharField("nomor referensi SIAK", max_length=40, blank=True)
    # Typed by the SIAK operator: never minted here (issue 8 §2).
    no_kk_siak = models.CharField(
        "No. KK dari SIAK", max_length=16, blank=True,
        help_text="Nomor KK yang diterbitkan SIAK untuk keluarga baru atau KK yang nomornya berubah.",
    )
    # KK perubahan data: [{"nik", "kolom", "nilai"}], shown on the KK and applied when it is signed.
    perubahan_data = models.JSONField("perubahan data", default=list, blank=True)

    class Meta:
        verbose_name = "permohonan KK/KIA"
        verbose_name_plural = "permohonan KK dan KIA (dengan verifikasi)"
        indexes = [
            models.Index(fields=["status", "tenggat"], name="p412_status_tenggat"),
            # The queue's order (core.views.AntrianView.urutan): read in order, its first page
            # stops after 25 rows of the queue's states instead of sorting all of them.
            models.Index(fields=["tenggat", "dibuat_pada", "id"], name="p412_urut_antrean"),
        ]

    @transition(field="status", source=S.LENGKAP, target=S.DIINPUT, permission=_SIAK,
                custom={"label": "Input data SIAK", "form": f"{_F}.InputSiakForm",
                        "layanan": "apps.pendaftaran.services.permohonan_input_siak"})
    def input_siak(self, oleh=None, data=None):
        pass

    @transition(field="status", source=S.PERBAIKAN, target=S.DIINPUT, permission=_SIAK,
                custom={"label": "Perbaiki input SIAK", "form": f"{_F}.InputSiakForm",
                        "layanan": "apps.pendaftaran.services.permohonan_input_siak"})
    def perbaiki(self, oleh=None, data=None):
        pass


def _mitra_sendiri(objek, user) -> bool:
    """A partner officer acts only on the requests of its own institution."""
    return objek.instansi_id is not None and objek.instansi_id == instansi_pengguna(user)


_MITRA = peran("petugas_integrasi", syarat=_mitra_sendiri)


class PermohonanIntegrasi(
    ekor_layanan(
        verifikasi=[Verifikasi(dari=S.LENGKAP, kembali_ke=S.PERBAIKAN, form=f"{_F}.VerifikasiForm",
                               label_kembali="Kembalikan ke petugas integrasi", kembali_publik=True)],
        tte=TTE(peran=_PEJABAT_TTE, kembali_ke=S.LENGKAP, bila="perlu_tte", layanan=_TTE),
        cetak=Cetak(),
        periksa_cetak=PeriksaCetak(),
        penyerahan=Penyerahan(cara=CaraPenyerahan.MITRA, label="Serahkan ke petugas integrasi"),
    ),
    Permohonan,
):
    """P.4.1.3 — inovasi integrasi: KK dan KTP-el perubahan data lewat mitra (KUA, PA, RS,
    kecamatan, kelurahan).

    The partner's officer (petugas_integrasi) files for the citizen and checks completeness:
    lengkap / dikembalikan (completed by the same officer) → verifikasi of the officer's input
    (verifikator): terverifikasi / perbaikan back to the officer, who sees the reason → TTE (kabid
    or kadis; KK and KIA only — a KTP-el goes straight to printing) → cetak (operator_siak) →
    periksa hasil cetak (operator_pengambilan): bagus / rusak → cetak ulang → serahkan to the
    partner's officer → selesai. A partner sees and acts only on its own institution's requests.
    """

    KODE_PROSES = ("P.4.1.3",)

    instansi = models.ForeignKey(InstansiMitra, on_delete=models.PROTECT, related_name="permohonan")
    # KK perubahan data: [{"nik", "kolom", "nilai"}] recorded by the partner at intake, shown on the
    # KK and applied to the register when it is signed.
    perubahan_data = models.JSONField("perubahan data", default=list, blank=True)

    class Meta:
        verbose_name = "permohonan integrasi"
        verbose_name_plural = "permohonan inovasi integrasi"
        indexes = [
            models.Index(fields=["status", "tenggat"], name="p413_status_tenggat"),
            models.Index(fields=["instansi", "status"], name="p413_instansi_status"),
            models.Index(fields=["tenggat", "dibuat_pada", "id"], name="p413_urut_antrean"),
        ]

    @classmethod
    def untuk_pengguna(cls, user):
        """Dinas staff of the process see every request; a partner only its institution's."""
        from apps.core.workflow import peran_proses

        qs = super().untuk_pengguna(user)
        if peran_pengguna(user) & (peran_proses(cls) - {"petugas_integrasi"}):
            return qs
        instansi = instansi_pengguna(user)
        return qs.filter(instansi_id=instansi) if instansi else qs.none()

    def penerima_awal(self) -> str:
        """P.4.1.3: the finished documents go to the partner's officer, not to the citizen."""
        if self.dibuat_oleh_id:
            return self.dibuat_oleh.get_full_name() or self.dibuat_oleh.username
        return ""

    @transition(field="status", source=S.DIAJUKAN, target=S.LENGKAP, permission=_MITRA,
                custom={"label": "Berkas lengkap, kirim ke Dinas", "form": f"{_F}.BerkasLengkapForm", "gaya": "success",
                        "layanan": "apps.core.asupan.layanan_lengkapi"})
    def berkas_lengkap(self, oleh=None, data=None):
        pass

    @transition(field="status", source=S.DIAJUKAN, target=S.DIKEMBALIKAN, permission=_MITRA,
                custom={"label": "Belum lengkap — kembalikan", "wajib_catatan": True, "catatan_publik": True, "gaya": "danger"})
    def kembalikan(self, oleh=None, data=None):
        pass

    @transition(field="status", source=S.DIKEMBALIKAN, target=S.DIAJUKAN, permission=_MITRA,
                custom={"label": "Lengkapi berkas", "form": f"{_F}.LengkapiForm",
                        "layanan": "apps.core.asupan.layanan_lengkapi"})
    def lengkapi(self, oleh=None, data=None):
        self._lengkapi()

    @transition(field="status", source=S.PERBAIKAN, target=S.LENGKAP, permission=_MITRA,
                custom={"label": "Kirim perbaikan", "form": f"{_F}.PerbaikanMitraForm",
                        "layanan": "apps.core.asupan.layanan_lengkapi"})
    def perbaiki(self, oleh=None, data=None):
        pass

    @transition(field="status", source=[S.DIAJUKAN, S.DIKEMBALIKAN], target=S.DITOLAK, permission=_MITRA,
                custom={"label": "Tolak permohonan", "wajib_catatan": True, "catatan_publik": True, "gaya": "danger"})
    def tolak(self, oleh=None, data=None):
        pass

    @transition(field="status", source=[S.DIAJUKAN, S.DIKEMBALIKAN], target=S.DIBATALKAN, permission=_MITRA,
                custom={"label": "Tutup permohonan", "wajib_catatan": True, "catatan_publik": True, "gaya": "secondary"})
    def batalkan(self, oleh=None, data=None):
        pass
