"""A minimal process used by the kernel's own tests (installed only under pytest)."""

from django.db import models
from django_fsm import FSMField, transition

from apps.core.models import Proses
from apps.core.peran import peran


class Status(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan"
    LENGKAP = "lengkap", "Lengkap"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan"
    TERVERIFIKASI = "terverifikasi", "Terverifikasi"


class Contoh(Proses):
    KODE_PROSES = "T.0"
    STATUS_AKHIR = frozenset({Status.TERVERIFIKASI})

    status = FSMField(choices=Status.choices, default=Status.DIAJUKAN, protected=True)
    nama = models.CharField(max_length=50, default="")
    diperiksa_oleh = models.CharField(max_length=50, blank=True)

    @transition(field=status, source=Status.DIAJUKAN, target=Status.LENGKAP, permission=peran("petugas_fo"),
                custom={"label": "Berkas lengkap"})
    def periksa(self, oleh=None, data=None):
        self.diperiksa_oleh = oleh.username if oleh else ""

    @transition(field=status, source=Status.DIAJUKAN, target=Status.DIKEMBALIKAN, permission=peran("petugas_fo"),
                custom={"label": "Kembalikan", "wajib_catatan": True, "catatan_publik": True, "gaya": "danger"})
    def kembalikan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=Status.LENGKAP, target=Status.TERVERIFIKASI, permission=peran("verifikator"),
                custom={"label": "Verifikasi"})
    def verifikasi(self, oleh=None, data=None):
        pass
