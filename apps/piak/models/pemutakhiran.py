"""P.6.3 Update data kependudukan.

The map: a resident applies for a service that needs a biodata update; the requirements are
checked (incomplete: back to the resident to complete); the ADB updates the data in the application
connected to Ditjen Dukcapil's server; when the check in SIAK matches the request, the resident is
told.

``PemutakhiranData``::

    diajukan --lengkap (petugas_fo)--> lengkap
    diajukan --kembalikan (petugas_fo, what is missing)--> dikembalikan --lengkapi (petugas_fo)--> diajukan
    lengkap --mutakhirkan (adb: register changed field by field, SIAK reference)--> dimutakhirkan
    dimutakhirkan --sesuai (pejabat_piak: result checked against the request)--> selesai  (resident told)
    dimutakhirkan --tidak_sesuai (pejabat_piak, reason)--> lengkap  (back to adb)

The check is by the PIAK official rather than the ADB who made the change: four eyes on the register.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django_fsm import FSMField, transition

from apps.core.models import Proses
from apps.core.peran import peran

# The biodata fields a P.6.3 request may change (the register's own audited service applies them).
KOLOM_BOLEH = ("nama", "tempat_lahir", "tanggal_lahir", "agama", "status_perkawinan", "pekerjaan", "pendidikan",
               "golongan_darah", "nama_ayah", "nama_ibu", "alamat", "rt", "rw")


class StatusPemutakhiran(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan ke pemohon"
    LENGKAP = "lengkap", "Persyaratan lengkap"
    DIMUTAKHIRKAN = "dimutakhirkan", "Data dimutakhirkan, menunggu pemeriksaan"
    SELESAI = "selesai", "Selesai"


S = StatusPemutakhiran


class PemutakhiranData(Proses):
    """P.6.3 — a resident's request for a biodata update in the population register."""

    KODE_PROSES = ("P.6.3",)
    DILACAK_PEMOHON = True
    STATUS_AKHIR = frozenset({S.SELESAI})
    STATUS_PUBLIK = {
        S.DIAJUKAN: "Persyaratan sedang diperiksa",
        S.DIKEMBALIKAN: "Persyaratan perlu dilengkapi",
        S.LENGKAP: "Menunggu pemutakhiran data",
        S.DIMUTAKHIRKAN: "Data sedang diperiksa",
        S.SELESAI: "Data sudah dimutakhirkan",
    }

    status = FSMField(choices=S.choices, default=S.DIAJUKAN, protected=True)
    penduduk = models.ForeignKey("penduduk.Penduduk", on_delete=models.PROTECT, related_name="+")
    nik = models.CharField("NIK", max_length=16)
    nama = models.CharField("nama pemohon", max_length=120)
    email = models.EmailField(blank=True)
    # {field: new value as text}: what the resident asked for, applied by the ADB.
    perubahan_diminta = models.JSONField("perubahan yang diminta", default=dict)
    keterangan = models.TextField("keterangan / dasar perubahan", blank=True)
    referensi_siak = models.CharField("referensi SIAK", max_length=60, blank=True)
    riwayat_register = models.ForeignKey("penduduk.RiwayatRegister", null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="+", verbose_name="perubahan tercatat")
    dimutakhirkan_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "pemutakhiran data kependudukan"
        verbose_name_plural = "pemutakhiran data kependudukan"
        ordering = ["-dibuat_pada"]

    @property
    def ringkasan(self) -> str:
        kolom = ", ".join(self.label_kolom(k) for k in self.perubahan_diminta)
        return f"Pemutakhiran {kolom} — {self.nama}"

    @property
    def email_pemohon(self) -> str:
        return self.email

    def pemohon_indeks(self) -> tuple[str, str]:
        return self.nik, self.nama

    def pemilik_dokumen(self) -> tuple[str, str]:
        return self.nama, self.nik

    @staticmethod
    def label_kolom(nama: str) -> str:
        from apps.penduduk.models import Penduduk

        return str(Penduduk._meta.get_field(nama).verbose_name)

    def nilai_baru(self) -> dict:
        """The requested values as the register's fields take them (dates parsed)."""
        from apps.penduduk.models import Penduduk

        hasil = {}
        for nama, teks in self.perubahan_diminta.items():
            field = Penduduk._meta.get_field(nama)
            hasil[nama] = datetime.date.fromisoformat(teks) if isinstance(field, models.DateField) else teks
        return hasil

    def rincian(self) -> list[dict]:
        """Requested change per field: label, value now, value asked."""
        return [{"kolom": self.label_kolom(k), "sekarang": getattr(self.penduduk, k), "diminta": v}
                for k, v in self.perubahan_diminta.items()]

    # -- transitions -----------------------------------------------------------------------
    @transition(field=status, source=S.DIAJUKAN, target=S.LENGKAP, permission=peran("petugas_fo"),
                custom={"label": "Persyaratan lengkap"})
    def lengkap(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIAJUKAN, target=S.DIKEMBALIKAN, permission=peran("petugas_fo"),
                custom={"label": "Kembalikan ke pemohon", "wajib_catatan": True, "catatan_publik": True, "gaya": "danger"})
    def kembalikan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIKEMBALIKAN, target=S.DIAJUKAN, permission=peran("petugas_fo"),
                custom={"label": "Pemohon melengkapi"})
    def lengkapi(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.LENGKAP, target=S.DIMUTAKHIRKAN, permission=peran("adb"),
                custom={"label": "Mutakhirkan data register", "form": "apps.piak.forms_pemutakhiran.MutakhirkanForm",
                        "layanan": "apps.piak.services.pemutakhiran.aksi_mutakhirkan"})
    def mutakhirkan(self, oleh=None, data=None):
        self.dimutakhirkan_pada = timezone.now()

    @transition(field=status, source=S.DIMUTAKHIRKAN, target=S.SELESAI, permission=peran("pejabat_piak"),
                custom={"label": "Sesuai permohonan", "layanan": "apps.piak.services.pemutakhiran.aksi_sesuai",
                        "gaya": "success"})
    def sesuai(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIMUTAKHIRKAN, target=S.LENGKAP, permission=peran("pejabat_piak"),
                custom={"label": "Tidak sesuai, kembali ke ADB", "wajib_catatan": True, "gaya": "danger"})
    def tidak_sesuai(self, oleh=None, data=None):
        pass
