"""P.4.3.1 — perekaman KTP-el, pelayanan reguler.

The operator rekam checks the NIK in the register: not found, the citizen is redirected to an
information/complaint case (P.6.2) and this request closes with that case's tracking code; found,
the biometrics are recorded and the result noted: PRR (print ready record) goes on to the
verifikator and the tail (no TTE: the card is printed from the print record, as a P.4.1 KTP-el);
a duplicate (the biometrics match another NIK) goes to a biodata cross-check by operator_siak
(resolved → PRR; not → closed with the reason and what the citizen should do); a failed recording is
retried. Every print takes a blank card from the blangko register; a reprint counts one as spoiled.
"""

from __future__ import annotations

from django.db import models
from django_fsm import FSMField, transition

from apps.core.asupan import DenganPersyaratan, SyaratBerkas
from apps.core.ekor import Cetak, Penyerahan, PeriksaCetak, Verifikasi, ekor_layanan
from apps.core.models import Proses
from apps.core.peran import peran


class StatusRekam(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan"
    DIALIHKAN = "dialihkan", "NIK tidak ditemukan: dialihkan ke pengaduan"
    SIAP_REKAM = "siap_rekam", "NIK ditemukan: siap direkam"
    GAGAL = "gagal", "Perekaman gagal: rekam ulang"
    DUPLIKAT = "duplikat", "Duplicate: padan biodata"
    PRR = "prr", "Print ready record (PRR)"
    DITUTUP = "ditutup", "Ditutup: duplicate tidak terselesaikan"
    SIAP_CETAK = "siap_cetak", "Siap dicetak"
    DICETAK = "dicetak", "Dicetak"
    SIAP_DIAMBIL = "siap_diambil", "Siap diambil"
    SELESAI = "selesai", "Selesai"
    DITOLAK = "ditolak", "Ditolak"


def nik_terdaftar(objek) -> bool:
    from apps.penduduk.models import Penduduk

    return Penduduk.objects.filter(nik=objek.nik).exists()


def nik_tidak_terdaftar(objek) -> bool:
    return not nik_terdaftar(objek)


S = StatusRekam


class PerekamanKTP(
    ekor_layanan(
        verifikasi=[Verifikasi(dari=S.PRR, kembali_ke=S.SIAP_REKAM, label_kembali="Kembalikan: rekam ulang")],
        cetak=Cetak(layanan="apps.pendaftaran.services_p4.perekaman_cetak", label="Cetak KTP-el (1 blangko)"),
        periksa_cetak=PeriksaCetak(),
        penyerahan=Penyerahan(),
    ),
    DenganPersyaratan,
    Proses,
):
    """A regular KTP-el biometric recording (P.4.3.1)."""

    KODE_PROSES = ("P.4.3.1",)
    DILACAK_PEMOHON = True
    STATUS_AKHIR = frozenset({S.SELESAI, S.DITOLAK, S.DIALIHKAN, S.DITUTUP})
    JENIS_DOKUMEN_CETAK = "ktp_el_cetak"
    SALURAN_ASUPAN = {"loket": ("operator_rekam", "petugas_fo")}
    FORM_ASUPAN = "apps.pendaftaran.forms_p4.PerekamanForm"
    PERSYARATAN = (SyaratBerkas("kk", "Kartu Keluarga (asli)", wajib=False),)
    PERAN_LIHAT = ("operator_rekam", "operator_siak", "verifikator", "operator_pengambilan", "kabid", "kadis")

    status = FSMField(choices=S.choices, default=S.DIAJUKAN, protected=True)
    nik = models.CharField("NIK", max_length=16)
    nama = models.CharField("nama lengkap", max_length=120)
    email = models.EmailField("email (opsional)", blank=True)
    telepon = models.CharField("telepon (opsional)", max_length=20, blank=True)
    jumlah_rekam_gagal = models.PositiveSmallIntegerField("perekaman gagal", default=0, editable=False)
    nik_duplikat = models.CharField("NIK lain yang cocok (duplicate)", max_length=16, blank=True)
    kode_pengaduan = models.CharField("kode lacak pengaduan (P.6.2)", max_length=20, blank=True)

    class Meta:
        verbose_name = "perekaman KTP-el"
        verbose_name_plural = "perekaman KTP-el"

    @property
    def ringkasan(self) -> str:
        return f"Perekaman KTP-el — {self.nama}"

    @property
    def email_pemohon(self) -> str:
        return self.email

    def penerima_awal(self) -> str:
        return self.nama

    def pemilik_dokumen(self) -> tuple[str, str]:
        return (self.nama, self.nik)

    def data_dokumen(self, jenis: str) -> dict:
        return {"nama": self.nama, "nik": self.nik}

    # -- the NIK check ---------------------------------------------------------------------------
    @transition(field=status, source=S.DIAJUKAN, target=S.SIAP_REKAM, permission=peran("operator_rekam"),
                conditions=[nik_terdaftar], custom={"label": "NIK ditemukan: lanjut rekam", "gaya": "success"})
    def nik_ditemukan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIAJUKAN, target=S.DIALIHKAN, permission=peran("operator_rekam"),
                conditions=[nik_tidak_terdaftar],
                custom={"label": "NIK tidak ditemukan: alihkan ke layanan pengaduan", "gaya": "danger",
                        "catatan_publik": True,
                        "layanan": "apps.pendaftaran.services_p4.perekaman_alihkan"})
    def alihkan_pengaduan(self, oleh=None, data=None):
        self.kode_pengaduan = (data or {}).get("kode_pengaduan", self.kode_pengaduan)

    # -- the recording and its result ------------------------------------------------------------
    @transition(field=status, source=S.SIAP_REKAM, target=S.PRR, permission=peran("operator_rekam"),
                custom={"label": "Hasil rekam: PRR", "gaya": "success"})
    def hasil_prr(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.SIAP_REKAM, target=S.DUPLIKAT, permission=peran("operator_rekam"),
                custom={"label": "Hasil rekam: duplicate", "form": "apps.pendaftaran.forms_p4.DuplikatForm"})
    def hasil_duplikat(self, oleh=None, data=None):
        self.nik_duplikat = (data or {}).get("nik_duplikat", "")

    @transition(field=status, source=S.SIAP_REKAM, target=S.GAGAL, permission=peran("operator_rekam"),
                custom={"label": "Hasil rekam: gagal", "wajib_catatan": True, "gaya": "danger"})
    def hasil_gagal(self, oleh=None, data=None):
        self.jumlah_rekam_gagal += 1

    @transition(field=status, source=S.GAGAL, target=S.SIAP_REKAM, permission=peran("operator_rekam"),
                custom={"label": "Rekam ulang"})
    def rekam_ulang(self, oleh=None, data=None):
        pass

    # -- the biodata cross-check of a duplicate (operator SIAK) ----------------------------------
    @transition(field=status, source=S.DUPLIKAT, target=S.PRR, permission=peran("operator_siak"),
                custom={"label": "Padan biodata: terselesaikan (PRR)", "wajib_catatan": True, "gaya": "success"})
    def padan_selesai(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DUPLIKAT, target=S.DITUTUP, permission=peran("operator_siak"),
                custom={"label": "Padan biodata: tidak terselesaikan (tutup)", "wajib_catatan": True,
                        "catatan_publik": True, "gaya": "danger"})
    def padan_gagal(self, oleh=None, data=None):
        pass
