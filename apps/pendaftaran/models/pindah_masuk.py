"""P.4.6 — layanan bantuan pindah masuk (assisted moving-in), filed online.

The citizen files online; the verifikator pendataan checks the documents' ownership against the
register and drafts the surat pengantar to the Dukcapil of origin as an outgoing letter of P.1.2.1.1
(``umum.SuratKeluar``, as P.5.8's keabsahan letter): the kadis approves and signs it by TTE, the
tata usaha numbers it in the outgoing-letter agenda and emails the signed PDF to that office's
address on file. Once it is sent, the verifikator records the answer: refused (the citizen is told
why) or approved with the SKPWNI, after which the
family is taken into the register and the follow-up requests (KK, KTP-el, KIA, akta kelahiran) are
opened as their own requests.
"""

from __future__ import annotations

from django.db import models
from django_fsm import FSMField, transition

from apps.core.asupan import DenganPersyaratan, SyaratBerkas
from apps.core.models import Proses
from apps.core.peran import peran
from apps.core.tutup_otomatis import SISTEM


class KantorDukcapil(models.Model):
    """Another regency's or city's Dukcapil office: where a surat pengantar is sent."""

    nama = models.CharField("nama kantor", max_length=150, unique=True)
    daerah = models.CharField("kabupaten/kota", max_length=100)
    email = models.EmailField("email resmi")
    aktif = models.BooleanField(default=True)

    class Meta:
        ordering = ["daerah"]
        verbose_name = "kantor Dukcapil lain"
        verbose_name_plural = "kantor Dukcapil lain"

    def __str__(self) -> str:
        return f"{self.nama} ({self.daerah})"


class StatusPindah(models.TextChoices):
    DRAF = "draf", "Menunggu konfirmasi email pemohon"
    DIAJUKAN = "diajukan", "Diajukan"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan ke pemohon"
    MENUNGGU_JAWABAN = "menunggu_jawaban", "Surat pengantar ke Dukcapil asal, menunggu jawaban"
    SELESAI = "selesai", "Disetujui: data diterima, dokumen lanjutan dibuka"
    DITOLAK = "ditolak", "Ditolak"


S = StatusPindah
PERAN_VERIFIKATOR = peran("verifikator_pendataan")


class PindahMasuk(DenganPersyaratan, Proses):
    """One family's request to move into Kota Pasuruan with the Dinas' help (P.4.6)."""

    KODE_PROSES = ("P.4.6",)
    DILACAK_PEMOHON = True
    BOLEH_DARING = True
    BOLEH_LENGKAPI_DARING = True
    STATUS_AKHIR = frozenset({S.SELESAI, S.DITOLAK})
    SALURAN_ASUPAN = {"daring": ("pemohon",), "loket": ("petugas_fo", "verifikator_pendataan")}
    FORM_ASUPAN = "apps.pendaftaran.forms_pindah.PindahMasukForm"
    PERSYARATAN = (
        SyaratBerkas("ktp", "KTP-el pemohon (daerah asal)"),
        SyaratBerkas("kk", "KK daerah asal"),
        SyaratBerkas("lain", "Dokumen pendukung lain", wajib=False),
    )
    PERAN_LIHAT = ("verifikator_pendataan", "kabid", "kadis", "petugas_fo")
    # The citizen's timeline names the applicant's own steps (else both read as "Diajukan").
    AKSI_PUBLIK = {"konfirmasi_email": "Email dikonfirmasi pemohon", "lengkapi_daring": "Berkas dilengkapi pemohon"}

    status = FSMField(choices=S.choices, default=S.DIAJUKAN, protected=True)
    nik = models.CharField("NIK pemohon", max_length=16, db_index=True)
    nama = models.CharField("nama lengkap", max_length=120)
    no_kk_asal = models.CharField("No. KK daerah asal", max_length=16)
    alamat_asal = models.CharField("alamat asal", max_length=200)
    kantor_asal = models.ForeignKey(KantorDukcapil, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="Dukcapil daerah asal")
    alamat_tujuan = models.CharField("alamat tujuan di Kota Pasuruan", max_length=200)
    rt = models.CharField("RT", max_length=3)
    rw = models.CharField("RW", max_length=3)
    kelurahan = models.ForeignKey("penduduk.Wilayah", on_delete=models.PROTECT, related_name="+",
                                  limit_choices_to={"tingkat": "kelurahan"}, verbose_name="kelurahan tujuan")
    # Who moves: one row per person as on the KK of origin (nik, nama, hubungan, tanggal_lahir,
    # tempat_lahir, jenis_kelamin, agama, status_perkawinan, pekerjaan, punya_akta).
    anggota = models.JSONField("anggota keluarga yang pindah", default=list)
    email = models.EmailField("email")
    telepon = models.CharField(max_length=20, blank=True)
    # Written by the steps.
    kepemilikan_sesuai = models.BooleanField("kepemilikan dokumen sesuai register", default=False, editable=False)
    # The surat pengantar: an outgoing letter of P.1.2.1.1 (numbered, signed and sent by that process).
    surat_pengantar = models.ForeignKey("umum.SuratKeluar", null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="+", editable=False, verbose_name="surat pengantar")
    nomor_skpwni = models.CharField("nomor SKPWNI", max_length=40, blank=True)
    no_kk_baru = models.CharField("No. KK baru (SIAK)", max_length=16, blank=True)
    permohonan_lanjutan = models.JSONField("permohonan lanjutan", default=list, blank=True, editable=False)

    class Meta:
        verbose_name = "pindah masuk"
        verbose_name_plural = "pindah masuk"

    @property
    def ringkasan(self) -> str:
        return f"Pindah masuk — {self.nama} ({len(self.anggota)} orang)"

    @property
    def email_pemohon(self) -> str:
        return self.email

    def penerima_awal(self) -> str:
        return self.nama

    def pemilik_dokumen(self) -> tuple[str, str]:
        return (self.nama, self.nik)

    def data_dokumen(self, jenis: str) -> dict:
        return self.data_tanda_terima()

    @property
    def surat_dikirim_pada(self):
        """When the tata usaha sent the surat pengantar (None while it is not sent)."""
        surat = self.surat_pengantar
        return surat.diterima_pada if surat is not None and surat.status in ("terkirim", "diarsipkan") else None

    def _surat_terkirim(self) -> bool:
        """The origin's answer is recorded only after the letter went out (signed, sent by the TU)."""
        surat = self.surat_pengantar
        return surat is not None and surat.status in ("terkirim", "diarsipkan")

    # -- online: held as a draft until the applicant opens the signed link in the email, so no
    # one files in someone else's name unseen; run as the system (no staff holds the role).
    @transition(field=status, source=S.DRAF, target=S.DIAJUKAN, permission=SISTEM,
                custom={"label": "Email dikonfirmasi pemohon"})
    def konfirmasi_email(self, oleh=None, data=None):
        pass

    # The applicant re-uploads what was missing from the public status page (code + PIN opened
    # it; no account), run as the system like the confirmation.
    @transition(field=status, source=S.DIKEMBALIKAN, target=S.DIAJUKAN, permission=SISTEM,
                custom={"label": "Berkas dilengkapi pemohon (daring)"})
    def lengkapi_daring(self, oleh=None, data=None):
        pass

    # -- the verifikator pendataan's steps ---------------------------------------------------
    @transition(field=status, source=S.DIAJUKAN, target=S.MENUNGGU_JAWABAN, permission=PERAN_VERIFIKATOR,
                custom={"label": "Kepemilikan dokumen sesuai: susun surat pengantar",
                        "layanan": "apps.pendaftaran.services_pindah.pindah_periksa", "gaya": "success"})
    def periksa_kepemilikan(self, oleh=None, data=None):
        self.kepemilikan_sesuai = True

    # The front office checks an online filing's completeness in its usual queue, as for every
    # online service, and may return it too.
    @transition(field=status, source=S.DIAJUKAN, target=S.DIKEMBALIKAN, permission=peran("verifikator_pendataan", "petugas_fo"),
                custom={"label": "Kembalikan ke pemohon", "wajib_catatan": True, "catatan_publik": True,
                        "gaya": "danger"})
    def kembalikan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIKEMBALIKAN, target=S.DIAJUKAN,
                permission=peran("verifikator_pendataan", "petugas_fo"),
                custom={"label": "Lengkapi berkas", "form": "apps.core.asupan.LengkapiBerkasForm",
                        "layanan": "apps.core.asupan.layanan_lengkapi"})
    def lengkapi(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIAJUKAN, target=S.DITOLAK, permission=PERAN_VERIFIKATOR,
                custom={"label": "Tolak: dokumen bukan milik pemohon", "wajib_catatan": True, "catatan_publik": True,
                        "gaya": "outline-danger"})
    def tolak(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.MENUNGGU_JAWABAN, target=S.DITOLAK, permission=PERAN_VERIFIKATOR,
                conditions=[_surat_terkirim],
                custom={"label": "Dukcapil asal menolak", "wajib_catatan": True, "catatan_publik": True,
                        "gaya": "danger"})
    def asal_menolak(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.MENUNGGU_JAWABAN, target=S.SELESAI, permission=PERAN_VERIFIKATOR,
                conditions=[_surat_terkirim],
                custom={"label": "Dukcapil asal menyetujui: SKPWNI diterima",
                        "form": "apps.pendaftaran.forms_pindah.SKPWNIForm",
                        "layanan": "apps.pendaftaran.services_pindah.pindah_setujui", "gaya": "success"})
    def asal_menyetujui(self, oleh=None, data=None):
        data = data or {}
        self.nomor_skpwni = data.get("nomor_skpwni", self.nomor_skpwni)
        self.no_kk_baru = data.get("no_kk_baru", self.no_kk_baru)
