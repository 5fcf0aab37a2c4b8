"""P.1.2.1.2 Pelayanan surat masuk, and its filing (P.1.2.2 Kearsipan).

The map: a letter from an OPD, the public or another institution is entered by the tata usaha;
the kepala OPD (``kadis``) writes a disposition, which goes to the sekretaris; the tata usaha
takes the file back from the sekretaris and the caraka delivers it to each target of the
disposition. The tata usaha then classifies the letter by its archive code and files it.

``SuratMasuk``::

    diagendakan --disposisikan (kadis)--> didisposisi --teruskan (sekretaris)--> diteruskan
    diagendakan --kembalikan (kadis, with a reason)--> perbaikan --perbaiki (tata_usaha)--> diagendakan
    diteruskan --serahkan_caraka (tata_usaha)--> diantar --selesai_antar (caraka; every target received)--> tersampaikan
    tersampaikan --arsipkan (tata_usaha)--> diarsipkan

``Disposisi`` (one per target, created by the disposition)::

    menunggu --terima (caraka; the letter is out for delivery)--> diterima
    diterima --tindak_lanjuti (the target itself)--> ditindaklanjuti

The caraka's last receipt moves the letter to ``tersampaikan`` in the same transaction
(``services.disposisi_terima``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django_fsm import FSMField, transition

from apps.akun.roles import NAMA_PERAN
from apps.core.models import Proses
from apps.core.peran import peran, peran_pengguna

from .klasifikasi import KlasifikasiArsip

# Who reads every incoming letter: the head of office, the secretary and the administration.
PERAN_PIMPINAN_SURAT = ("kadis", "sekretaris", "tata_usaha")

# Positions a disposition may go to (by role, or to a person holding one of these roles).
PERAN_TUJUAN = (
    "sekretaris",
    "kabid",
    "kasi",
    "bidang_teknis",
    "tata_usaha",
    "subbag_umum",
    "subbag_perencanaan",
    "pejabat_piak",
    "admin_piak",
    "pegawai",
)


class AsalSurat(models.TextChoices):
    OPD = "opd", "OPD / perangkat daerah"
    MASYARAKAT = "masyarakat", "Masyarakat"
    LEMBAGA = "lembaga", "Instansi / lembaga lain"


class SifatSurat(models.TextChoices):
    BIASA = "biasa", "Biasa"
    PENTING = "penting", "Penting"
    SEGERA = "segera", "Segera"
    RAHASIA = "rahasia", "Rahasia"


class Instruksi(models.TextChoices):
    """The standard instructions printed on the lembar disposisi."""

    TINDAK_LANJUTI = "tindak_lanjuti", "Tindak lanjuti"
    PELAJARI_LAPORKAN = "pelajari_laporkan", "Pelajari dan laporkan"
    HADIRI = "hadiri", "Hadiri/wakili"
    KOORDINASIKAN = "koordinasikan", "Koordinasikan"
    SIAPKAN_JAWABAN = "siapkan_jawaban", "Siapkan bahan/jawaban"
    UNTUK_DIKETAHUI = "untuk_diketahui", "Untuk diketahui"
    ARSIPKAN = "arsipkan", "Arsipkan"


class StatusSuratMasuk(models.TextChoices):
    DIAGENDAKAN = "diagendakan", "Diagendakan, menunggu disposisi"
    PERBAIKAN = "perbaikan", "Dikembalikan ke tata usaha"
    DIDISPOSISI = "didisposisi", "Didisposisi, di sekretaris"
    DITERUSKAN = "diteruskan", "Diteruskan ke tata usaha"
    DIANTAR = "diantar", "Diantar caraka"
    TERSAMPAIKAN = "tersampaikan", "Tersampaikan, menunggu pemberkasan"
    DIARSIPKAN = "diarsipkan", "Diarsipkan"


class StatusDisposisi(models.TextChoices):
    MENUNGGU = "menunggu", "Menunggu diantar"
    DITERIMA = "diterima", "Diterima, menunggu tindak lanjut"
    DITINDAKLANJUTI = "ditindaklanjuti", "Ditindaklanjuti"


def _semua_tujuan_menerima(surat: SuratMasuk) -> bool:
    return surat.semua_tujuan_menerima()


class SuratMasuk(Proses):
    """P.1.2.1.2 — an incoming letter, from the agenda book to its place in the filing cabinet."""

    KODE_PROSES = ("P.1.2.1.2", "P.1.2.2")
    STATUS_AKHIR = frozenset({StatusSuratMasuk.DIARSIPKAN})
    # The targets of a disposition read the letter they were sent (``untuk_pengguna`` narrows it).
    PERAN_LIHAT = PERAN_TUJUAN

    status = FSMField(choices=StatusSuratMasuk.choices, default=StatusSuratMasuk.DIAGENDAKAN, protected=True)

    # -- agenda (tata usaha) ----------------------------------------------------------------
    nomor_agenda = models.PositiveIntegerField("nomor agenda", editable=False)
    tahun_agenda = models.PositiveSmallIntegerField("tahun agenda", editable=False)
    asal = models.CharField("asal surat", max_length=12, choices=AsalSurat.choices)
    pengirim = models.CharField(max_length=200, help_text="Nama instansi atau orang yang mengirim surat.")
    nomor_surat = models.CharField(
        "nomor surat", max_length=100, blank=True, help_text="Nomor pada surat itu sendiri; kosongkan bila tidak ada."
    )
    tanggal_surat = models.DateField("tanggal surat")
    tanggal_diterima = models.DateField("tanggal diterima", default=timezone.localdate)
    perihal = models.CharField(max_length=300)
    sifat = models.CharField(max_length=10, choices=SifatSurat.choices, default=SifatSurat.BIASA)

    # -- lembar disposisi (kadis) -----------------------------------------------------------
    instruksi = models.JSONField(default=list, blank=True)
    instruksi_lain = models.TextField("instruksi lain", blank=True)
    batas_waktu = models.DateField("batas waktu tindak lanjut", null=True, blank=True)
    didisposisi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    didisposisi_pada = models.DateTimeField(null=True, blank=True)

    # -- kearsipan (tata usaha, P.1.2.2) ----------------------------------------------------
    klasifikasi = models.ForeignKey(
        KlasifikasiArsip, null=True, blank=True, on_delete=models.PROTECT, related_name="surat_masuk",
        verbose_name="kode klasifikasi arsip",
    )
    lemari = models.CharField("lemari", max_length=40, blank=True)
    laci = models.CharField(max_length=40, blank=True)
    map = models.CharField("map", max_length=80, blank=True)
    diarsipkan_pada = models.DateField("diarsipkan pada", null=True, blank=True)
    retensi_aktif_sampai = models.DateField("retensi aktif sampai", null=True, blank=True)
    retensi_inaktif_sampai = models.DateField("retensi inaktif sampai", null=True, blank=True)

    class Meta:
        verbose_name = "surat masuk"
        verbose_name_plural = "surat masuk"
        constraints = [
            models.UniqueConstraint(fields=["tahun_agenda", "nomor_agenda"], name="surat_masuk_agenda_unik"),
        ]
        indexes = [
            models.Index(fields=["status", "tenggat", "dibuat_pada"], name="surat_masuk_antrian"),
            models.Index(fields=["nomor_surat"], name="surat_masuk_nomor"),
            # The archive search (selectors.arsip_cari) always filters on the filed letters.
            models.Index(
                fields=["tanggal_surat"], name="arsip_tanggal", condition=Q(status="diarsipkan")
            ),
            models.Index(
                fields=["klasifikasi", "tanggal_surat"], name="arsip_klasifikasi", condition=Q(status="diarsipkan")
            ),
        ]

    def __str__(self) -> str:
        return f"Surat masuk {self.agenda}"

    # -- reading --------------------------------------------------------------------------
    @property
    def agenda(self) -> str:
        """The agenda number as the book writes it: 0042/2026."""
        return f"{self.nomor_agenda:04d}/{self.tahun_agenda}"

    @property
    def rahasia(self) -> bool:
        return self.sifat == SifatSurat.RAHASIA

    @property
    def perihal_tampil(self) -> str:
        """What lists may show: a secret letter's subject stays on its own page."""
        return "(surat rahasia)" if self.rahasia else self.perihal

    @property
    def ringkasan(self) -> str:
        return f"Agenda {self.agenda} · {self.pengirim} · {self.perihal_tampil}"

    @property
    def instruksi_label(self) -> list[str]:
        label = dict(Instruksi.choices)
        hasil = [label.get(k, k) for k in self.instruksi or []]
        if self.instruksi_lain:
            hasil.append(self.instruksi_lain)
        return hasil

    @property
    def instruksi_label_tampil(self) -> list[str]:
        """What lists and the caraka may show: a secret letter's free-text instruction is masked
        like its subject (the standard instructions of the lembar disposisi stay)."""
        if not self.rahasia or not self.instruksi_lain:
            return self.instruksi_label
        label = dict(Instruksi.choices)
        return [*(label.get(k, k) for k in self.instruksi or []), "(instruksi rahasia)"]

    @property
    def lokasi_arsip(self) -> str:
        bagian = [f"Lemari {self.lemari}" if self.lemari else "", f"Laci {self.laci}" if self.laci else "",
                  f"Map {self.map}" if self.map else ""]
        return " · ".join(b for b in bagian if b)

    def semua_tujuan_menerima(self) -> bool:
        """Every target of the disposition has received the letter (there is at least one)."""
        angka = self.disposisi.aggregate(
            semua=Count("pk"), menunggu=Count("pk", filter=Q(status=StatusDisposisi.MENUNGGU))
        )
        return angka["semua"] > 0 and angka["menunggu"] == 0

    @classmethod
    def untuk_pengguna(cls, user) -> models.QuerySet:
        """The head of office, secretary and administration see every letter; the caraka the
        letters out for delivery (not secret ones); a target the letters disposed to it."""
        milik = peran_pengguna(user)
        semua = cls._default_manager.all()
        if milik & set(PERAN_PIMPINAN_SURAT):
            return semua
        kondisi = Q(pk__in=[])
        if "caraka" in milik:
            kondisi |= Q(status__in=Disposisi.STATUS_SURAT_DIANTAR) & ~Q(sifat=SifatSurat.RAHASIA)
        if milik & set(PERAN_TUJUAN):
            kondisi |= Q(pk__in=Disposisi.objects.filter(Disposisi.kondisi_tujuan(user)).values("surat_id"))
        return semua.filter(kondisi)

    # -- transitions ------------------------------------------------------------------------
    @transition(field=status, source=StatusSuratMasuk.DIAGENDAKAN, target=StatusSuratMasuk.DIDISPOSISI,
                permission=peran("kadis"),
                custom={"label": "Disposisikan", "form": "apps.umum.forms.DisposisiForm",
                        "layanan": "apps.umum.services.aksi_disposisikan", "gaya": "success"})
    def disposisikan(self, oleh=None, data=None):
        """The targets are created by ``services.surat_masuk_disposisikan`` in the same transaction."""
        data = data or {}
        self.instruksi = list(data.get("instruksi") or [])
        self.instruksi_lain = data.get("instruksi_lain", "")
        self.batas_waktu = data.get("batas_waktu")
        self.didisposisi_oleh = oleh
        self.didisposisi_pada = timezone.now()

    @transition(field=status, source=StatusSuratMasuk.DIAGENDAKAN, target=StatusSuratMasuk.PERBAIKAN,
                permission=peran("kadis"),
                custom={"label": "Kembalikan ke tata usaha", "wajib_catatan": True, "gaya": "danger"})
    def kembalikan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=StatusSuratMasuk.PERBAIKAN, target=StatusSuratMasuk.DIAGENDAKAN,
                permission=peran("tata_usaha"),
                custom={"label": "Perbaiki data surat", "form": "apps.umum.forms.PerbaikanSuratForm"})
    def perbaiki(self, oleh=None, data=None):
        pass

    @transition(field=status, source=StatusSuratMasuk.DIDISPOSISI, target=StatusSuratMasuk.DITERUSKAN,
                permission=peran("sekretaris"), custom={"label": "Teruskan ke tata usaha"})
    def teruskan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=StatusSuratMasuk.DITERUSKAN, target=StatusSuratMasuk.DIANTAR,
                permission=peran("tata_usaha"), custom={"label": "Serahkan ke caraka"})
    def serahkan_caraka(self, oleh=None, data=None):
        pass

    @transition(field=status, source=StatusSuratMasuk.DIANTAR, target=StatusSuratMasuk.TERSAMPAIKAN,
                permission=peran("caraka"), conditions=[_semua_tujuan_menerima],
                custom={"label": "Tandai tersampaikan", "gaya": "success"})
    def selesai_antar(self, oleh=None, data=None):
        pass

    @transition(field=status, source=StatusSuratMasuk.TERSAMPAIKAN, target=StatusSuratMasuk.DIARSIPKAN,
                permission=peran("tata_usaha"),
                custom={"label": "Arsipkan", "form": "apps.umum.forms.ArsipkanForm", "gaya": "success"})
    def arsipkan(self, oleh=None, data=None):
        """P.1.2.2 — the code and the place come from the form; the retention dates follow the code."""
        self.diarsipkan_pada = timezone.localdate()
        self.retensi_aktif_sampai, self.retensi_inaktif_sampai = self.klasifikasi.tanggal_retensi(self.diarsipkan_pada)


def _surat_sedang_diantar(disposisi: Disposisi) -> bool:
    return disposisi.surat.status == StatusSuratMasuk.DIANTAR


def _ditujukan_kepada(disposisi: Disposisi, user) -> bool:
    return disposisi.ditujukan_kepada(user)


class Disposisi(Proses):
    """P.1.2.1.2 — one target of the kadis' disposition: delivered by the caraka, followed up by
    the target (a position, i.e. anyone holding the role, or a named person)."""

    KODE_PROSES = ("P.1.2.1.2",)
    STATUS_AKHIR = frozenset({StatusDisposisi.DITINDAKLANJUTI})
    STATUS_SURAT_DIANTAR = (StatusSuratMasuk.DIANTAR, StatusSuratMasuk.TERSAMPAIKAN, StatusSuratMasuk.DIARSIPKAN)

    status = FSMField(choices=StatusDisposisi.choices, default=StatusDisposisi.MENUNGGU, protected=True)
    surat = models.ForeignKey(SuratMasuk, on_delete=models.PROTECT, related_name="disposisi")
    jabatan = models.CharField(
        "jabatan tujuan", max_length=40, blank=True, choices=[(k, NAMA_PERAN.get(k, k)) for k in PERAN_TUJUAN]
    )
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="disposisi_umum",
        verbose_name="pegawai tujuan",
    )
    # Receipt (caraka)
    diterima_oleh = models.CharField("diterima oleh", max_length=120, blank=True)
    diterima_pada = models.DateTimeField("diterima pada", null=True, blank=True)
    diantar_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    tanda_terima = models.ForeignKey(
        "core.Lampiran", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Follow-up (the target)
    hasil_tindak_lanjut = models.TextField("catatan tindak lanjut", blank=True)
    ditindaklanjuti_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ditindaklanjuti_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "disposisi"
        verbose_name_plural = "disposisi untuk saya"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(jabatan="") & Q(pengguna__isnull=False)) | (~Q(jabatan="") & Q(pengguna__isnull=True)),
                name="disposisi_satu_tujuan",
            ),
        ]
        indexes = [
            models.Index(fields=["pengguna", "status", "tenggat"], name="disposisi_pengguna"),
            models.Index(fields=["jabatan", "status", "tenggat"], name="disposisi_jabatan"),
        ]

    def __str__(self) -> str:
        return f"Disposisi kepada {self.tujuan_label}"

    @property
    def tujuan_label(self) -> str:
        if self.pengguna_id:
            return self.pengguna.get_full_name() or self.pengguna.username
        return NAMA_PERAN.get(self.jabatan, self.jabatan)

    @property
    def ringkasan(self) -> str:
        surat = self.surat
        instruksi = ", ".join(surat.instruksi_label_tampil)
        return f"Agenda {surat.agenda} · {surat.pengirim} · {surat.perihal_tampil} — {instruksi} ({self.tujuan_label})"

    @staticmethod
    def kondisi_tujuan(user) -> Q:
        """Dispositions addressed to ``user``: by name, or to a position the user holds."""
        return Q(pengguna_id=user.pk) | Q(pengguna__isnull=True, jabatan__in=peran_pengguna(user))

    def ditujukan_kepada(self, user) -> bool:
        if self.pengguna_id:
            return self.pengguna_id == user.pk
        return self.jabatan in peran_pengguna(user)

    @classmethod
    def untuk_pengguna(cls, user) -> models.QuerySet:
        """A target sees its own dispositions (its queue "Disposisi untuk saya"); the caraka those
        of letters out for delivery. The head of office and the administration follow them all on
        the letter's page."""
        milik = peran_pengguna(user)
        kondisi = Q(pk__in=[])
        if "caraka" in milik:
            kondisi |= Q(surat__status__in=cls.STATUS_SURAT_DIANTAR)
        if milik & set(PERAN_TUJUAN):
            kondisi |= cls.kondisi_tujuan(user)
        return cls._default_manager.filter(kondisi)

    # -- transitions ------------------------------------------------------------------------
    @transition(field=status, source=StatusDisposisi.MENUNGGU, target=StatusDisposisi.DITERIMA,
                permission=peran("caraka"), conditions=[_surat_sedang_diantar],
                custom={"label": "Catat penerimaan", "form": "apps.umum.forms.PenerimaanForm",
                        "layanan": "apps.umum.services.aksi_terima", "gaya": "success"})
    def terima(self, oleh=None, data=None):
        data = data or {}
        self.diterima_oleh = data.get("diterima_oleh", "")
        self.diterima_pada = data.get("diterima_pada") or timezone.now()
        self.diantar_oleh = oleh

    @transition(field=status, source=StatusDisposisi.DITERIMA, target=StatusDisposisi.DITINDAKLANJUTI,
                permission=peran(*PERAN_TUJUAN, syarat=_ditujukan_kepada),
                custom={"label": "Tandai ditindaklanjuti", "form": "apps.umum.forms.TindakLanjutForm",
                        "gaya": "success"})
    def tindak_lanjuti(self, oleh=None, data=None):
        self.hasil_tindak_lanjut = (data or {}).get("hasil_tindak_lanjut", "")
        self.ditindaklanjuti_oleh = oleh
        self.ditindaklanjuti_pada = timezone.now()
