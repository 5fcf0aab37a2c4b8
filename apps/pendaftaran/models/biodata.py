"""P.4.5 — penerbitan biodata penduduk rentan (a NIK for a resident not yet in the register:
homeless, in care homes, without documents).

The verifikator pendataan checks the supporting data. When it is unclear, a berita acara
pendataan (PDF) is issued and a field survey recorded (date, officer, findings, photo), then the
data is checked again. When valid, operator SIAK enters the biodata in SIAK and types the NIK SIAK
issued here twice (never minted by the portal); the resident enters the register through the audited
register service, and a P.4.3.1 recording request is opened for the person.
"""

from __future__ import annotations

from django.db import models
from django_fsm import FSMField, transition

from apps.core.asupan import DenganPersyaratan, SyaratBerkas
from apps.core.models import Proses
from apps.core.peran import peran
from apps.penduduk.models import Agama, JenisKelamin, StatusPerkawinan


class StatusBiodata(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan"
    PENDATAAN = "pendataan", "Data meragukan: berita acara dan survei lapangan"
    DISURVEI = "disurvei", "Survei lapangan dicatat: periksa ulang"
    VALID = "valid", "Data valid: input biodata"
    SELESAI = "selesai", "Biodata terbit (NIK SIAK)"
    DITOLAK = "ditolak", "Ditolak"


S = StatusBiodata


class BiodataRentan(DenganPersyaratan, Proses):
    """A vulnerable resident's biodata and NIK (P.4.5)."""

    KODE_PROSES = ("P.4.5",)
    STATUS_AKHIR = frozenset({S.SELESAI, S.DITOLAK})
    PERAN_LIHAT = ("verifikator_pendataan", "operator_siak", "kabid", "kadis")
    SALURAN_ASUPAN = {"loket": ("verifikator_pendataan", "petugas_fo")}
    FORM_ASUPAN = "apps.pendaftaran.forms_p4.BiodataRentanForm"
    PERSYARATAN = (SyaratBerkas("pengantar", "Surat pengantar lembaga / panti / Dinas Sosial"),
                   SyaratBerkas("pendukung", "Data pendukung (surat keterangan, foto)", wajib=False))

    status = FSMField(choices=S.choices, default=S.DIAJUKAN, protected=True)
    nama = models.CharField("nama lengkap", max_length=120)
    kelompok = models.CharField("kelompok rentan", max_length=120,
                                help_text="Mis. penghuni panti sosial, tunawisma, ODGJ, korban bencana.")
    pengusul = models.CharField("lembaga / pengusul", max_length=120)
    tempat_lahir = models.CharField(max_length=80)
    tanggal_lahir = models.DateField()
    jenis_kelamin = models.CharField(max_length=1, choices=JenisKelamin.choices)
    agama = models.CharField(max_length=12, choices=Agama.choices)
    status_perkawinan = models.CharField(max_length=12, choices=StatusPerkawinan.choices)
    pekerjaan = models.CharField(max_length=80, default="Belum/tidak bekerja")
    alamat = models.CharField("alamat (panti / domisili)", max_length=200)
    rt = models.CharField("RT", max_length=3)
    rw = models.CharField("RW", max_length=3)
    kelurahan = models.ForeignKey("penduduk.Wilayah", on_delete=models.PROTECT, related_name="+",
                                  limit_choices_to={"tingkat": "kelurahan"})
    # The field survey.
    tanggal_survei = models.DateField("tanggal survei", null=True, blank=True)
    petugas_survei = models.CharField("petugas survei", max_length=120, blank=True)
    temuan_survei = models.TextField("temuan survei", blank=True)
    # What SIAK issued.
    nik = models.CharField("NIK (dari SIAK)", max_length=16, blank=True)
    penduduk = models.ForeignKey("penduduk.Penduduk", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", editable=False)
    perekaman = models.ForeignKey("pendaftaran.PerekamanKTP", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+", editable=False)

    class Meta:
        verbose_name = "biodata penduduk rentan"
        verbose_name_plural = "biodata penduduk rentan"

    @property
    def ringkasan(self) -> str:
        return f"Biodata penduduk rentan — {self.nama}"

    def pemilik_dokumen(self) -> tuple[str, str]:
        return (self.nama, self.nik)

    def data_dokumen(self, jenis: str) -> dict:
        return {"nama": self.nama, "kelompok": self.kelompok, "pengusul": self.pengusul,
                "tempat_lahir": self.tempat_lahir, "tanggal_lahir": self.tanggal_lahir, "alamat": self.alamat,
                "kode_lacak": self.kode_lacak}

    @transition(field=status, source=[S.DIAJUKAN, S.DISURVEI], target=S.VALID, permission=peran("verifikator_pendataan"),
                custom={"label": "Data valid", "gaya": "success"})
    def data_valid(self, oleh=None, data=None):
        pass

    @transition(field=status, source=[S.DIAJUKAN, S.DISURVEI], target=S.PENDATAAN,
                permission=peran("verifikator_pendataan"),
                custom={"label": "Data meragukan: buat berita acara pendataan", "wajib_catatan": True,
                        "layanan": "apps.pendaftaran.services_p4.biodata_berita_acara"})
    def data_meragukan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.PENDATAAN, target=S.DISURVEI, permission=peran("verifikator_pendataan"),
                custom={"label": "Catat survei lapangan", "form": "apps.pendaftaran.forms_p4.SurveiForm"})
    def catat_survei(self, oleh=None, data=None):
        data = data or {}
        self.tanggal_survei = data.get("tanggal_survei")
        self.petugas_survei = data.get("petugas_survei", "")
        self.temuan_survei = data.get("temuan_survei", "")

    @transition(field=status, source=[S.DIAJUKAN, S.DISURVEI], target=S.DITOLAK,
                permission=peran("verifikator_pendataan"),
                custom={"label": "Tolak", "wajib_catatan": True, "gaya": "outline-danger"})
    def tolak(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.VALID, target=S.SELESAI, permission=peran("operator_siak"),
                custom={"label": "Input biodata: NIK dari SIAK", "form": "apps.pendaftaran.forms_p4.NIKSiakForm",
                        "layanan": "apps.pendaftaran.services_p4.biodata_terbitkan", "gaya": "success"})
    def input_biodata(self, oleh=None, data=None):
        self.nik = (data or {}).get("nik", self.nik)
