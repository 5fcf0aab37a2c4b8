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
    KODE_PROSES = ("T.0",)
    DILACAK_PEMOHON = True
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

    # An object-level rule on the role: a "rahasia" record is not for the verifikator to annotate.
    @transition(field=status, source=Status.TERVERIFIKASI, target=Status.TERVERIFIKASI,
                permission=peran("verifikator", syarat=lambda objek, user: objek.nama != "rahasia"),
                custom={"label": "Catat"})
    def catat(self, oleh=None, data=None):
        pass


class StatusDokumen(models.TextChoices):
    TERVERIFIKASI = "terverifikasi", "Terverifikasi"
    DITANDATANGANI = "ditandatangani", "Ditandatangani"
    DICETAK = "dicetak", "Dicetak"


class ContohDokumen(Proses):
    """The tail "TTE → cetak" of a service flow, for the tests of apps/dokumen."""

    KODE_PROSES = ("T.1",)
    STATUS_AKHIR = frozenset({StatusDokumen.DICETAK})

    status = FSMField(choices=StatusDokumen.choices, default=StatusDokumen.TERVERIFIKASI, protected=True)
    nama = models.CharField(max_length=120, default="SITI AMINAH")
    nik = models.CharField(max_length=16, default="3575014107900003")
    email = models.EmailField(blank=True)
    jenis_tte = models.CharField(max_length=40, default="surat")

    @property
    def email_pemohon(self) -> str:
        return self.email

    def pemilik_dokumen(self) -> tuple[str, str]:
        return (self.nama, self.nik)

    def jenis_dokumen_tte(self) -> str:
        return self.jenis_tte

    def data_dokumen(self, jenis: str) -> dict:
        return {
            "perihal": "Surat keterangan uji",
            "kepada": "Sdr. " + self.nama,
            "isi": [f"Menerangkan bahwa {self.nama} (NIK {self.nik}) adalah contoh dalam pengujian."],
            "nama": self.nama,
            "nik": self.nik,
        }

    @transition(field=status, source=StatusDokumen.TERVERIFIKASI, target=StatusDokumen.DITANDATANGANI,
                permission=peran("kabid", "kadis"),
                custom={"label": "Tandatangani (TTE)", "layanan": "apps.dokumen.services.aksi_tandatangani",
                        "form": "apps.dokumen.forms.TTEForm"})
    def tandatangani(self, oleh=None, data=None):
        pass

    @transition(field=status, source=StatusDokumen.DITANDATANGANI, target=StatusDokumen.DICETAK,
                permission=peran("operator_siak"),
                custom={"label": "Cetak", "layanan": "apps.dokumen.services.aksi_cetak"})
    def cetak(self, oleh=None, data=None):
        pass

    @transition(field=status, source=StatusDokumen.DICETAK, target=StatusDokumen.DITANDATANGANI,
                permission=peran("operator_pengambilan"), custom={"label": "Rusak, cetak ulang", "gaya": "danger"})
    def rusak(self, oleh=None, data=None):
        pass


class StatusJenis(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan"
    SELESAI = "selesai", "Selesai"


class ContohJenis(Proses):
    """Four more small process types (each acted on by its own role), so that the cross-process
    index can be shown to read 1 and 6 process types with the same number of queries."""

    DILACAK_PEMOHON = True
    STATUS_AKHIR = frozenset({StatusJenis.SELESAI})

    status = FSMField(choices=StatusJenis.choices, default=StatusJenis.DIAJUKAN, protected=True)
    nik = models.CharField(max_length=16, blank=True)
    nama = models.CharField(max_length=120, default="")

    class Meta:
        abstract = True

    @property
    def ringkasan(self) -> str:
        return f"{self._meta.verbose_name} — {self.nama}"


def _jenis(nama: str, kode: str, peran_kode: str):
    """A concrete ContohJenis whose one transition belongs to ``peran_kode``."""

    @transition(field="status", source=StatusJenis.DIAJUKAN, target=StatusJenis.SELESAI,
                permission=peran(peran_kode), custom={"label": "Selesaikan"})
    def selesaikan(self, oleh=None, data=None):
        pass

    return type(nama, (ContohJenis,), {
        "__module__": __name__, "KODE_PROSES": (kode,), "selesaikan": selesaikan,
        "Meta": type("Meta", (), {"verbose_name": f"contoh {kode}"}),
    })


ContohA = _jenis("ContohA", "T.2", "operator_rekam")
ContohB = _jenis("ContohB", "T.3", "verifikator_wna")
ContohC = _jenis("ContohC", "T.4", "adb")
ContohD = _jenis("ContohD", "T.5", "verifikator_pendataan")
from .surat_keterangan import SuratKeterangan  # noqa: E402,F401  (the kernel-tail example process)
