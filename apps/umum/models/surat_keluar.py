"""P.1.2.1.1 Pelayanan surat keluar, and its filing (P.1.2.2 Kearsipan).

The map: the kepala OPD orders a letter; the tata usaha drafts it; the kepala verifies the draft
(revises it himself, or sends it back with a reason); the kepala signs; the tata usaha gives the
agenda number and the stamp; the caraka delivers it.

With an electronic signature the number must be in the letter *before* it is signed (a signed PDF
cannot be stamped afterwards, and the QR seals its content), so the tata usaha numbers the approved
draft and the kepala's TTE (QR to /verifikasi/) takes the place of the wet signature and stamp::

    diperintahkan --susun (tata_usaha)--> diajukan
    diajukan --setujui (kadis; may revise the text)--> disetujui
    diajukan --kembalikan (kadis, with a reason)--> revisi --susun (tata_usaha)--> diajukan
    disetujui --beri_nomor (tata_usaha; classification code + gap-free yearly counter)--> bernomor
    bernomor --tandatangani (kadis, TTE)--> ditandatangani
    ditandatangani --serahkan_caraka (tata_usaha)--> diantar --catat_terima (caraka: receiver, time, photo)--> terkirim
    ditandatangani --kirim_lewat_email (tata_usaha; the signed PDF)--> terkirim
    terkirim --arsipkan (tata_usaha)--> diarsipkan

Letters of other processes (the surat pengantar of P.4.6, the keabsahan letter of P.5.8) enter at
``diajukan`` through ``services.buat_surat_keluar``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_fsm import FSMField, transition

from apps.core.ekor import TTE, ekor_layanan
from apps.core.models import Proses
from apps.core.peran import peran, peran_pengguna

from .klasifikasi import KlasifikasiArsip
from .surat_masuk import PERAN_PIMPINAN_SURAT, SifatSurat

JENIS_DOKUMEN_SURAT_KELUAR = "surat_keluar"


class StatusSuratKeluar(models.TextChoices):
    DIPERINTAHKAN = "diperintahkan", "Diperintahkan, menunggu draf"
    DIAJUKAN = "diajukan", "Draf diajukan ke kepala dinas"
    REVISI = "revisi", "Dikembalikan untuk revisi"
    DISETUJUI = "disetujui", "Disetujui, menunggu nomor"
    BERNOMOR = "bernomor", "Bernomor, menunggu TTE"
    DITANDATANGANI = "ditandatangani", "Ditandatangani, siap dikirim"
    DIANTAR = "diantar", "Diantar caraka"
    TERKIRIM = "terkirim", "Terkirim, menunggu pemberkasan"
    DIARSIPKAN = "diarsipkan", "Diarsipkan"


class CaraKirim(models.TextChoices):
    CARAKA = "caraka", "Diantar caraka"
    EMAIL = "email", "Email (PDF bertanda tangan elektronik)"


def _pdf_siap(surat: SuratKeluar) -> bool:
    return surat.dokumen_ttd() is not None


class SuratKeluar(
    # P.1.2.1.1.4 — signed by the kepala through the kernel's TTE step; the PDF with its QR to
    # /verifikasi/ is made by a job.
    ekor_layanan(tte=TTE(peran=("kadis",), dari=StatusSuratKeluar.BERNOMOR, ke=StatusSuratKeluar.DITANDATANGANI)),
    Proses,
):
    """P.1.2.1.1 — an outgoing letter of the Dinas, from the kepala's order to the archive."""

    KODE_PROSES = ("P.1.2.1.1", "P.1.2.2")
    STATUS_AKHIR = frozenset({StatusSuratKeluar.DIARSIPKAN})
    PERAN_LIHAT = ("sekretaris",)
    JENIS_DOKUMEN_TTE = JENIS_DOKUMEN_SURAT_KELUAR

    status = FSMField(choices=StatusSuratKeluar.choices, default=StatusSuratKeluar.DIPERINTAHKAN, protected=True)

    # -- the order (kepala) ---------------------------------------------------------------------
    perintah = models.TextField("perintah kepala dinas", help_text="Apa yang harus dimuat surat ini.")
    # -- the draft (tata usaha; Permendagri 1/2023: nomor, sifat, lampiran, hal, addressee, body, tembusan)
    klasifikasi = models.ForeignKey(
        KlasifikasiArsip, null=True, blank=True, on_delete=models.PROTECT, related_name="surat_keluar",
        verbose_name="kode klasifikasi arsip", help_text="Menentukan awal nomor surat dan masa retensinya.",
    )
    sifat = models.CharField(max_length=10, choices=SifatSurat.choices, default=SifatSurat.BIASA)
    # Not "lampiran": every action form has a file field of that name (the kernel's attachment).
    isi_lampiran = models.CharField("lampiran", max_length=100, blank=True, help_text="Mis. 1 (satu) berkas; kosongkan bila tidak ada.")
    hal = models.CharField(max_length=300)
    kepada = models.TextField("kepada Yth.", help_text="Nama jabatan dan alamat tujuan, satu baris per baris.")
    isi = models.TextField("isi surat", blank=True, help_text="Pisahkan paragraf dengan baris kosong.")
    tembusan = models.TextField(blank=True, help_text="Satu tujuan tembusan per baris.")
    # -- numbering (tata usaha) ---------------------------------------------------------------
    nomor_urut = models.PositiveIntegerField("nomor urut agenda", null=True, blank=True, editable=False)
    tahun_agenda = models.PositiveSmallIntegerField("tahun agenda", null=True, blank=True, editable=False)
    nomor_surat = models.CharField("nomor surat", max_length=100, blank=True, editable=False)
    tanggal_surat = models.DateField("tanggal surat", null=True, blank=True)
    # -- delivery -----------------------------------------------------------------------------
    cara_kirim = models.CharField("cara kirim", max_length=10, choices=CaraKirim.choices, blank=True)
    email_tujuan = models.EmailField("email tujuan", blank=True)
    diterima_oleh = models.CharField("diterima oleh", max_length=120, blank=True)
    diterima_pada = models.DateTimeField("diterima pada", null=True, blank=True)
    diantar_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # -- where it came from, when another process asked for it (P.4.6, P.5.8) -------------------
    asal_proses = models.CharField("asal proses", max_length=60, blank=True, help_text="Mis. P.4.6 · kode lacak.")
    # -- filing (P.1.2.2) ---------------------------------------------------------------------
    lemari = models.CharField(max_length=40, blank=True)
    laci = models.CharField(max_length=40, blank=True)
    map = models.CharField("map", max_length=80, blank=True)
    diarsipkan_pada = models.DateField("diarsipkan pada", null=True, blank=True)
    retensi_aktif_sampai = models.DateField("retensi aktif sampai", null=True, blank=True)
    retensi_inaktif_sampai = models.DateField("retensi inaktif sampai", null=True, blank=True)

    class Meta:
        verbose_name = "surat keluar"
        verbose_name_plural = "surat keluar"
        constraints = [
            models.UniqueConstraint(fields=["tahun_agenda", "nomor_urut"], name="surat_keluar_agenda_unik"),
        ]
        indexes = [
            models.Index(fields=["status", "tenggat", "dibuat_pada"], name="surat_keluar_antrian"),
            models.Index(fields=["tanggal_surat"], name="arsip_keluar_tanggal", condition=Q(status="diarsipkan")),
        ]

    def __str__(self) -> str:
        return f"Surat keluar {self.nomor_surat or self.kode_lacak}"

    # -- reading --------------------------------------------------------------------------------
    @property
    def rahasia(self) -> bool:
        return self.sifat == SifatSurat.RAHASIA

    @property
    def hal_tampil(self) -> str:
        return "(surat rahasia)" if self.rahasia else self.hal

    @property
    def tujuan_singkat(self) -> str:
        return (self.kepada or "").splitlines()[0] if self.kepada else ""

    @property
    def ringkasan(self) -> str:
        nomor = self.nomor_surat or "belum bernomor"
        return f"{nomor} · {self.tujuan_singkat} · {self.hal_tampil}"

    @property
    def lokasi_arsip(self) -> str:
        bagian = [f"Lemari {self.lemari}" if self.lemari else "", f"Laci {self.laci}" if self.laci else "",
                  f"Map {self.map}" if self.map else ""]
        return " · ".join(b for b in bagian if b)

    def paragraf(self) -> list[str]:
        return [p.strip().replace("\n", " ") for p in (self.isi or "").split("\n\n") if p.strip()]

    def daftar_tembusan(self) -> list[str]:
        return [t.strip() for t in (self.tembusan or "").splitlines() if t.strip()]

    def dokumen_ttd(self):
        """The signed PDF of this letter, once the signing job finished (else None)."""
        from apps.dokumen.models import Dokumen

        return (
            Dokumen.untuk(self).filter(jenis=JENIS_DOKUMEN_SURAT_KELUAR, aktif=True, status=Dokumen.Status.SELESAI)
            .order_by("-pk").first()
        )

    # -- the document contract (docs/kontrak-dokumen.md) ----------------------------------------
    def data_dokumen(self, jenis: str) -> dict:
        if not self.nomor_surat:
            raise ObjectDoesNotExist("Surat belum bernomor.")
        return {
            "perihal": self.hal, "sifat": self.get_sifat_display(), "lampiran": self.isi_lampiran or "-",
            "kepada": self.kepada, "isi": self.paragraf(), "tembusan": self.daftar_tembusan(),
            "tanggal_surat": self.tanggal_surat,
        }

    def nomor_dokumen(self, jenis: str) -> str | None:
        return self.nomor_surat or None

    def pemilik_dokumen(self) -> tuple[str, str]:
        return (self.tujuan_singkat[:150], "")

    @property
    def email_pemohon(self) -> str:
        # Mailed by the tata usaha's "kirim_lewat_email" step, not right after signing.
        return ""

    @classmethod
    def untuk_pengguna(cls, user) -> models.QuerySet:
        """The head of office, secretary and administration read every letter; the caraka the
        letters out for delivery and those they delivered (not the secret ones)."""
        milik = peran_pengguna(user)
        semua = cls._default_manager.all()
        if milik & set(PERAN_PIMPINAN_SURAT):
            return semua
        if "caraka" in milik:
            # The letters out for delivery, and those the caraka delivered (their receipt stays visible).
            return semua.filter(Q(status=StatusSuratKeluar.DIANTAR) | Q(diantar_oleh_id=user.pk)).exclude(
                sifat=SifatSurat.RAHASIA)
        return semua.none()

    # -- transitions ------------------------------------------------------------------------------
    @transition(field=status, source=[StatusSuratKeluar.DIPERINTAHKAN, StatusSuratKeluar.REVISI],
                target=StatusSuratKeluar.DIAJUKAN, permission=peran("tata_usaha"),
                custom={"label": "Susun draf dan ajukan", "form": "apps.umum.forms_keluar.DrafSuratKeluarForm"})
    def susun(self, oleh=None, data=None):
        """P.1.2.1.1.2 — the draft's fields come from the form (a ModelForm)."""

    @transition(field=status, source=StatusSuratKeluar.DIAJUKAN, target=StatusSuratKeluar.DISETUJUI,
                permission=peran("kadis"),
                custom={"label": "Setujui draf", "form": "apps.umum.forms_keluar.SetujuiSuratKeluarForm",
                        "layanan": "apps.umum.services_keluar.aksi_setujui", "gaya": "success"})
    def setujui(self, oleh=None, data=None):
        """P.1.2.1.1.3 — the kepala may correct the text himself before approving it."""

    @transition(field=status, source=StatusSuratKeluar.DIAJUKAN, target=StatusSuratKeluar.REVISI,
                permission=peran("kadis"),
                custom={"label": "Kembalikan untuk revisi", "wajib_catatan": True, "gaya": "danger"})
    def kembalikan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=StatusSuratKeluar.DISETUJUI, target=StatusSuratKeluar.BERNOMOR,
                permission=peran("tata_usaha"),
                custom={"label": "Beri nomor agenda", "form": "apps.umum.forms_keluar.NomorSuratKeluarForm",
                        "layanan": "apps.umum.services_keluar.aksi_beri_nomor"})
    def beri_nomor(self, oleh=None, data=None):
        """P.1.2.1.1.5 — the number is drawn by the service in this transaction."""
        self.tanggal_surat = timezone.localdate()


    @transition(field=status, source=StatusSuratKeluar.DITANDATANGANI, target=StatusSuratKeluar.DIANTAR,
                permission=peran("tata_usaha"), conditions=[_pdf_siap],
                custom={"label": "Serahkan ke caraka"})
    def serahkan_caraka(self, oleh=None, data=None):
        self.cara_kirim = CaraKirim.CARAKA

    @transition(field=status, source=StatusSuratKeluar.DIANTAR, target=StatusSuratKeluar.TERKIRIM,
                permission=peran("caraka"),
                custom={"label": "Catat tanda terima", "form": "apps.umum.forms_keluar.TerimaSuratKeluarForm",
                        "layanan": "apps.umum.services_keluar.aksi_catat_terima", "gaya": "success"})
    def catat_terima(self, oleh=None, data=None):
        """P.1.2.1.1.6 — proof of delivery: who received it, when, and a photo (kept as attachment)."""
        data = data or {}
        self.diterima_oleh = data.get("diterima_oleh", "")
        self.diterima_pada = data.get("diterima_pada") or timezone.now()
        self.diantar_oleh = oleh

    @transition(field=status, source=StatusSuratKeluar.DITANDATANGANI, target=StatusSuratKeluar.TERKIRIM,
                permission=peran("tata_usaha"), conditions=[_pdf_siap],
                custom={"label": "Kirim lewat email", "form": "apps.umum.forms_keluar.EmailSuratKeluarForm",
                        "layanan": "apps.umum.services_keluar.aksi_kirim_email"})
    def kirim_lewat_email(self, oleh=None, data=None):
        self.cara_kirim = CaraKirim.EMAIL
        self.email_tujuan = (data or {}).get("email_tujuan", "")
        self.diterima_pada = timezone.now()

    @transition(field=status, source=StatusSuratKeluar.TERKIRIM, target=StatusSuratKeluar.DIARSIPKAN,
                permission=peran("tata_usaha"),
                custom={"label": "Arsipkan", "form": "apps.umum.forms_keluar.ArsipkanKeluarForm", "gaya": "success"})
    def arsipkan(self, oleh=None, data=None):
        """P.1.2.2 — the retention dates follow the classification code."""
        self.diarsipkan_pada = timezone.localdate()
        self.retensi_aktif_sampai, self.retensi_inaktif_sampai = self.klasifikasi.tanggal_retensi(self.diarsipkan_pada)
