"""P.5.1 — Pencatatan lahir mati, kelahiran, kematian, perkawinan, perceraian.

One process record (``PencatatanSipil``) whatever the event: the flow of the map is the same for
all five, so it is declared once, here. What differs — the data each deed needs — lives in one
detail model per event (``peristiwa.py``), reached through ``PencatatanSipil.rincian``.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, transition

from apps.core import ekor
from apps.core.models import Proses
from apps.core.peran import peran
from apps.core.tutup_otomatis import SISTEM

from .. import aturan


class JenisPeristiwa(models.TextChoices):
    KELAHIRAN = "kelahiran", "Kelahiran"
    LAHIR_MATI = "lahir_mati", "Lahir mati"
    KEMATIAN = "kematian", "Kematian"
    PERKAWINAN = "perkawinan", "Perkawinan"
    PERCERAIAN = "perceraian", "Perceraian"


# The document type of apps.dokumen that the kadis signs for each event: the kutipan akta, or for a
# stillbirth the Surat Keterangan Lahir Mati (no akta, no nomor akta: UU 23/2006 Pasal 33).
JENIS_DOKUMEN_AKTA = {
    JenisPeristiwa.KELAHIRAN: "akta_kelahiran",
    JenisPeristiwa.LAHIR_MATI: "surat_keterangan_lahir_mati",
    JenisPeristiwa.KEMATIAN: "akta_kematian",
    JenisPeristiwa.PERKAWINAN: "akta_perkawinan",
    JenisPeristiwa.PERCERAIAN: "akta_perceraian",
}


class Status(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan ke pelapor"
    LENGKAP = "lengkap", "Berkas lengkap"
    DIINPUT = "diinput", "Diinput di SIAK"
    MENUNGGU_VERIFIKASI = "menunggu_verifikasi", "Menunggu verifikasi"
    DIVERIFIKASI_KASI = "diverifikasi_kasi", "Diverifikasi kasi"
    PERBAIKAN = "perbaikan", "Perbaikan data"
    TERVERIFIKASI = "terverifikasi", "Terverifikasi"
    DITANDATANGANI = "ditandatangani", "Ditandatangani (TTE)"
    DICETAK = "dicetak", "Dicetak"
    SELESAI = "selesai", "Selesai"
    DITOLAK = "ditolak", "Ditolak"
    DIBATALKAN = "dibatalkan", "Dibatalkan"


# What the citizen reads on the status page, per state (plain Indonesian, no staff names).
STATUS_PUBLIK = {
    Status.DIAJUKAN: "Pelaporan diterima dan sedang diperiksa kelengkapan persyaratannya.",
    Status.DIKEMBALIKAN: "Persyaratan belum lengkap. Mohon lengkapi kekurangan di bawah ini dan bawa ke loket pelayanan.",
    Status.LENGKAP: "Persyaratan lengkap; data sedang dimasukkan ke SIAK.",
    Status.DIINPUT: "Data sudah dimasukkan ke SIAK dan sedang disiapkan untuk verifikasi.",
    Status.MENUNGGU_VERIFIKASI: "Data sedang diverifikasi oleh kepala seksi.",
    Status.DIVERIFIKASI_KASI: "Data sedang diverifikasi oleh kepala bidang.",
    Status.PERBAIKAN: "Data sedang diperbaiki oleh petugas.",
    Status.TERVERIFIKASI: "Data sudah diverifikasi dan menunggu tanda tangan elektronik Pejabat Pencatatan Sipil.",
    Status.DITANDATANGANI: "Akta sudah ditandatangani secara elektronik dan menunggu dicetak.",
    Status.DICETAK: "Kutipan akta sudah dicetak dan siap diambil di loket pengambilan. Bawa tanda terima Anda.",
    Status.SELESAI: "Selesai: kutipan akta sudah diserahkan di loket pengambilan.",
    Status.DITOLAK: "Pelaporan ditolak. Alasannya tertulis di bawah; hubungi loket pelayanan bila ada pertanyaan.",
    Status.DIBATALKAN: "Pelaporan ditutup (dibatalkan). Alasannya tertulis di bawah; Anda dapat melapor kembali.",
}

# The end of the flow as the citizen reads it depends on how it ended (handed over, emailed, or a
# register update without a deed); the status page reads ``objek.STATUS_PUBLIK``.
STATUS_SELESAI = {
    "email": "Selesai: dokumen bertanda tangan elektronik sudah dikirim ke email Anda. Unduh juga di halaman ini.",
    "pemutakhiran": "Selesai: data perkawinan di register kependudukan sudah dimutakhirkan berdasarkan akta cerai "
                    "Pengadilan Agama. Dinas tidak menerbitkan akta perceraian; perubahan KK diproses tersendiri.",
    "lahir_mati": "Selesai: Surat Keterangan Lahir Mati sudah diserahkan.",
}

# Steps the citizen would otherwise read as the state they go back to.
AKSI_PUBLIK = {
    "ajukan_kembali": "Persyaratan dilengkapi",
    "perbaikan_kasi": "Data sedang diperbaiki",
    "perbaikan_kabid": "Data sedang diperbaiki",
    "cetakan_rusak": "Hasil cetak rusak, dicetak ulang",
    "kembalikan_tte": "Data sedang diperbaiki",
    "tutup_otomatis": "Ditutup otomatis karena persyaratan tidak dilengkapi",
}


# A stillbirth's document is a letter, not a kutipan akta (UU 23/2006 Pasal 33).
STATUS_PUBLIK_LAHIR_MATI = {
    Status.DITANDATANGANI: "Surat keterangan lahir mati sudah ditandatangani secara elektronik dan menunggu dicetak.",
    Status.DICETAK: "Surat keterangan lahir mati sudah dicetak dan siap diambil di loket pengambilan. Bawa tanda terima Anda.",
    Status.SELESAI: STATUS_SELESAI["lahir_mati"],
}


class _StatusPublik:
    """``STATUS_PUBLIK`` of the class (the dict) or of a record: the words follow what the record
    issues (a stillbirth's letter) and how it ended (handed over, emailed, a register update)."""

    def __get__(self, objek, kelas=None):
        if objek is None:
            return STATUS_PUBLIK
        teks = dict(STATUS_PUBLIK)
        if objek.jenis_peristiwa == JenisPeristiwa.LAHIR_MATI:
            teks.update(STATUS_PUBLIK_LAHIR_MATI)
        if objek.cara_penyerahan == CaraPenyerahan.EMAIL:
            teks[Status.SELESAI] = STATUS_SELESAI["email"]
        elif objek.cara_penyerahan == CaraPenyerahan.PEMUTAKHIRAN:
            teks[Status.SELESAI] = STATUS_SELESAI["pemutakhiran"]
        return teks


# How the kutipan was handed over: the kernel tail's choices (a PA divorce ends as a register update).
CaraPenyerahan = ekor.CaraPenyerahan


class PencatatanSipil(
    ekor.ekor_layanan(
        verifikasi=[
            ekor.Verifikasi(dari=Status.MENUNGGU_VERIFIKASI, kembali_ke=Status.PERBAIKAN, peran=("kasi",),
                            nama="verifikasi_kasi", label="Verifikasi (kasi)", nama_kembali="perbaikan_kasi",
                            nama_tolak="tolak_kasi", label_tolak="Tolak"),
            ekor.Verifikasi(dari=Status.DIVERIFIKASI_KASI, kembali_ke=Status.PERBAIKAN, peran=("kabid",),
                            nama="verifikasi_kabid", label="Verifikasi (kabid)", nama_kembali="perbaikan_kabid",
                            nama_tolak="tolak_kabid", label_tolak="Tolak"),
        ],
        # The kadis signs as Pejabat Pencatatan Sipil; the service writes the register entry first.
        tte=ekor.TTE(peran=("kadis",), kembali_ke=Status.PERBAIKAN, label_kembali="Kembalikan untuk perbaikan",
                     layanan="apps.capil.services.pencatatan_tandatangani"),
        cetak=ekor.Cetak(label="Cetak akta"),
        # No separate QC state: the pickup officer checks the print at the counter (map P.5.1).
        penyerahan=ekor.Penyerahan(label="Serahkan", form="apps.capil.forms.SerahkanForm", email=True,
                                   form_email="apps.capil.forms.KirimEmailForm",
                                   label_rusak="Hasil cetak rusak, cetak ulang"),
    ),
    Proses,
):
    """P.5.1 — a request to register a birth, stillbirth, death, marriage or divorce.

    The map's flow: the front office checks the file (complete → tanda terima pengambilan;
    incomplete → back to the applicant, who re-submits the same request), the SIAK operator enters
    it and asks for printing, the kasi then the kabid verify (or send it back to the operator), the
    kadis as Pejabat Pencatatan Sipil signs (TTE: the register entry and its nomor akta are made in
    that step, with the consequences in the population register), the operator prints and the
    pickup officer hands the kutipan over in person or sends it by email.
    """

    KODE_PROSES = ("P.5.1",)
    DILACAK_PEMOHON = True
    STATUS_AKHIR = frozenset({Status.SELESAI, Status.DITOLAK, Status.DIBATALKAN})
    STATUS_PUBLIK = _StatusPublik()
    # A returned file nobody completes is closed by the kernel's beat task (apps.core).
    TUTUP_OTOMATIS = (Status.DIKEMBALIKAN, "tutup_otomatis")
    AKSI_PUBLIK = AKSI_PUBLIK

    status = FSMField(choices=Status.choices, default=Status.DIAJUKAN, protected=True, db_index=True)
    jenis_peristiwa = models.CharField("jenis peristiwa", max_length=12, choices=JenisPeristiwa.choices, db_index=True)

    # The reporter (pelapor, UU 23/2006) and the two witnesses of form F-2.01.
    pelapor_nik = models.CharField("NIK pelapor", max_length=16, db_index=True)
    pelapor_nama = models.CharField("nama pelapor", max_length=120)
    pelapor_hubungan = models.CharField("hubungan pelapor", max_length=60, help_text="Mis. ayah kandung, anak, suami.")
    pelapor_telepon = models.CharField("nomor telepon/HP", max_length=20, blank=True)
    email = models.EmailField(
        "email pelapor", blank=True, help_text="Kutipan akta bertanda tangan elektronik dapat dikirim ke alamat ini."
    )
    saksi1_nik = models.CharField("NIK saksi I", max_length=16)
    saksi1_nama = models.CharField("nama saksi I", max_length=120)
    saksi2_nik = models.CharField("NIK saksi II", max_length=16)
    saksi2_nama = models.CharField("nama saksi II", max_length=120)

    # Recorded at the steps that set them (transition bodies only set fields of the record).
    nomor_siak = models.CharField(
        "nomor permohonan SIAK", max_length=40, blank=True, help_text="Nomor/registrasi permohonan di SIAK Terpusat."
    )
    # The nomor akta SIAK gave, typed by the operator at the SIAK step (DOMAIN.md "Numbers": the
    # portal never mints one). Text: older formats are accepted; uniqueness is checked in forms
    # and at TTE against the register.
    nomor_akta = models.CharField("nomor akta (dari SIAK)", max_length=40, blank=True, db_index=True)
    # Warnings about the numbers typed at the SIAK step, shown on the verifiers' screens.
    peringatan_nomor = models.JSONField("peringatan nomor", default=list, blank=True, editable=False)
    # {requirement code (syarat.py): Lampiran pk}: what the front office received, by code not label.
    berkas_persyaratan = models.JSONField(default=dict, blank=True, editable=False)
    # The requirement list in force when the request was filed (syarat.rekam_syarat), read by
    # every later check; empty: filed before lists were recorded, the catalogue is read instead.
    persyaratan_berlaku = models.JSONField("persyaratan yang berlaku", default=list, blank=True, editable=False)
    class Meta:
        verbose_name = "pencatatan sipil"
        verbose_name_plural = "pencatatan sipil"
        indexes = [models.Index(fields=["status", "tenggat"])]

    # -- the event's data --------------------------------------------------------------------
    # Reverse one-to-ones of the detail models (peristiwa.py), one per event.
    RELASI_RINCIAN = ("kelahiran", "lahirmati", "kematian", "perkawinan", "perceraian")
    _RINCIAN = dict(zip(JenisPeristiwa.values, RELASI_RINCIAN, strict=True))

    def save(self, *args, **kwargs):
        # A new request records the requirement list in force now (versioned lists).
        if self._state.adding and not self.persyaratan_berlaku and self.jenis_peristiwa:
            from ..syarat import rekam_syarat

            self.persyaratan_berlaku = rekam_syarat(self.jenis_peristiwa)
        super().save(*args, **kwargs)

    def persyaratan_kurang(self) -> list:
        """Mandatory requirements of the list this request was filed under without a scan yet."""
        from ..syarat import syarat_kurang_pencatatan

        return syarat_kurang_pencatatan(self)

    @property
    def rincian(self):
        """The event's detail record (Kelahiran, LahirMati, ...), or None before it is saved."""
        try:
            return getattr(self, self._RINCIAN[self.jenis_peristiwa])
        except (KeyError, ObjectDoesNotExist):
            return None

    @property
    def tanggal_lapor(self) -> date:
        return timezone.localdate(self.dibuat_pada)

    @property
    def hari_sejak_peristiwa(self) -> int | None:
        r = self.rincian
        return (self.tanggal_lapor - r.tanggal_acuan_lapor).days if r and r.tanggal_acuan_lapor else None

    @property
    def melewati_batas_lapor(self) -> bool:
        """Reported after the legal window (a late birth gets the LT code in its nomor akta)."""
        hari = self.hari_sejak_peristiwa
        return hari is not None and hari > aturan.batas_lapor_hari(self.jenis_peristiwa)

    @property
    def kode_jenis_akta(self) -> str:
        """The key of the type code in the nomor akta (aturan.KODE_AKTA)."""
        if self.jenis_peristiwa == JenisPeristiwa.KELAHIRAN and self.melewati_batas_lapor:
            return "kelahiran_terlambat"
        return self.jenis_peristiwa

    @property
    def putusan_pengadilan_agama(self) -> bool:
        """A divorce ruled by a Pengadilan Agama: its akta cerai is issued by the court; the Dinas
        only updates the register (DOMAIN.md "Requirements")."""
        if self.jenis_peristiwa != JenisPeristiwa.PERCERAIAN:
            return False
        r = self.rincian
        return r is not None and r.badan_peradilan == "PA"

    @property
    def menerbitkan_akta(self) -> bool:
        """Whether the request ends in a deed with a nomor akta: not a stillbirth (a Surat
        Keterangan Lahir Mati, UU 23/2006 Pasal 33) nor a Pengadilan Agama divorce."""
        return self.jenis_peristiwa != JenisPeristiwa.LAHIR_MATI and not self.putusan_pengadilan_agama

    @property
    def judul_layanan(self) -> str:
        """What the request is for, named by its product ("Akta kelahiran")."""
        if self.jenis_peristiwa == JenisPeristiwa.LAHIR_MATI:
            return "Surat keterangan lahir mati"
        if self.putusan_pengadilan_agama:
            return "Pencatatan akta cerai Pengadilan Agama"
        return f"Akta {self.get_jenis_peristiwa_display().lower()}"

    @property
    def layanan(self):
        """The service as the status page and the search index name it (``layanan.nama``)."""
        return SimpleNamespace(nama=self.judul_layanan)

    @property
    def ringkasan(self) -> str:
        r = self.rincian
        return f"{self.judul_layanan} — {r.nama_dicatat if r else self.pelapor_nama}"

    # -- what apps.dokumen asks of a record (kontrak-dokumen.md) -------------------------------
    def jenis_dokumen_tte(self) -> str:
        return JENIS_DOKUMEN_AKTA[self.jenis_peristiwa]

    def pemilik_dokumen(self) -> tuple[str, str]:
        r = self.rincian
        return r.pemilik() if r else (self.pelapor_nama, self.pelapor_nik)

    def data_dokumen(self, jenis: str) -> dict:
        from ..akta import data_dokumen

        return data_dokumen(self, jenis)

    def nomor_dokumen(self, jenis: str) -> str | None:
        """The kutipan and the register page carry the nomor akta SIAK gave (the verification page
        shows it); the Surat Keterangan Lahir Mati takes the document registry's own number."""
        register = getattr(self, "register", None)
        if register is not None and jenis in (self.jenis_dokumen_tte(), "register_akta"):
            return register.nomor_akta
        return None

    @property
    def email_pemohon(self) -> str:
        """Where the portal mails the reporter: the signed kutipan only once the pickup officer has
        chosen delivery by email (in P.5.1 the kutipan is handed over or emailed after printing,
        map P.5.1, not mailed at TTE as in P.4), and the notice of a file that ends or waits
        without a document (returned, closed, refused; core.tutup_otomatis)."""
        if self.cara_penyerahan == CaraPenyerahan.EMAIL:
            return self.email
        if self.status in (Status.DIKEMBALIKAN, Status.DIBATALKAN, Status.DITOLAK):
            return self.email
        return ""

    # -- the flow (PROCESSES.md "capil — P.5"; map P.5.1) ------------------------------------
    @transition(field=status, source=Status.DIAJUKAN, target=Status.LENGKAP, permission=peran("petugas_fo"),
                custom={"label": "Berkas lengkap", "gaya": "success", "form": "apps.capil.forms.PeriksaForm",
                        "layanan": "apps.capil.services.pencatatan_periksa"})
    def periksa(self, oleh=None, data=None):
        pass

    @transition(field=status, source=Status.DIAJUKAN, target=Status.DIKEMBALIKAN, permission=peran("petugas_fo"),
                custom={"label": "Kembalikan ke pelapor", "wajib_catatan": True, "catatan_publik": True,
                        "gaya": "warning"})
    def kembalikan(self, oleh=None, data=None):
        pass

    # -- ends other than a deed (issue 8 §5): refused, or closed at the reporter's wish or by the
    # kernel's beat task when a returned file is not completed. The reason is public.
    @transition(field=status, source=[Status.DIAJUKAN, Status.DIKEMBALIKAN], target=Status.DITOLAK,
                permission=peran("petugas_fo"),
                custom={"label": "Tolak", "wajib_catatan": True, "catatan_publik": True, "gaya": "danger"})
    def tolak(self, oleh=None, data=None):
        pass

    @transition(field=status, source=[Status.DIAJUKAN, Status.DIKEMBALIKAN, Status.LENGKAP], target=Status.DIBATALKAN,
                permission=peran("petugas_fo"),
                custom={"label": "Tutup (dibatalkan)", "wajib_catatan": True, "catatan_publik": True,
                        "gaya": "outline-danger"})
    def batalkan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=Status.DIKEMBALIKAN, target=Status.DIBATALKAN, permission=SISTEM,
                custom={"label": "Ditutup otomatis (tidak dilengkapi)", "catatan_publik": True, "otomatis": True})
    def tutup_otomatis(self, oleh=None, data=None):
        pass

    # The reporter re-uploads what was missing from the public status page (code + PIN opened
    # it; no account), run as the system (apps.publik.daring_layanan.lengkapi_daring).
    BOLEH_LENGKAPI_DARING = True

    @transition(field=status, source=Status.DIKEMBALIKAN, target=Status.DIAJUKAN, permission=SISTEM,
                custom={"label": "Berkas dilengkapi pelapor (daring)"})
    def lengkapi_daring(self, oleh=None, data=None):
        pass

    @transition(field=status, source=Status.DIKEMBALIKAN, target=Status.DIAJUKAN, permission=peran("petugas_fo"),
                custom={"label": "Ajukan kembali", "form": "apps.capil.forms.AjukanKembaliForm",
                        "layanan": "apps.capil.services.pencatatan_ajukan_kembali"})
    def ajukan_kembali(self, oleh=None, data=None):
        pass

    @transition(field=status, source=[Status.LENGKAP, Status.PERBAIKAN], target=Status.DIINPUT,
                permission=peran("operator_siak"),
                custom={"label": "Input data SIAK", "form": "apps.capil.forms.InputForm",
                        "layanan": "apps.capil.services.pencatatan_input"})
    def input_siak(self, oleh=None, data=None):
        pass

    def _bukan_putusan_pa(self) -> bool:
        return not self.putusan_pengadilan_agama

    def _putusan_pa(self) -> bool:
        return self.putusan_pengadilan_agama

    @transition(field=status, source=Status.DIINPUT, target=Status.MENUNGGU_VERIFIKASI,
                permission=peran("operator_siak"), conditions=[_bukan_putusan_pa], custom={"label": "Ajukan cetak"})
    def ajukan_cetak(self, oleh=None, data=None):
        pass

    @transition(field=status, source=Status.DIINPUT, target=Status.SELESAI, permission=peran("kasi"),
                conditions=[_putusan_pa],
                custom={"label": "Mutakhirkan register (akta cerai PA)", "gaya": "success",
                        "layanan": "apps.capil.services.pencatatan_mutakhirkan"})
    def mutakhirkan(self, oleh=None, data=None):
        self.cara_penyerahan = CaraPenyerahan.PEMUTAKHIRAN
