"""P.5.2–P.5.8 — changes to a deed already in the register (register akta).

One process record (``PerubahanAkta``) for the seven map codes: their flow is the same (FO check
with the tanda terima pengambilan, SIAK input, request to print, kasi then kabid, TTE by the kadis
as Pejabat Pencatatan Sipil, cetak, handover); what differs per kind (``jenis``) is the basis
required, the catatan pinggir written at TTE, the consequences in the population register and the
documents issued (``perubahan.py`` services, ``JENIS_DOKUMEN``). P.5.8 adds the keabsahan letter to
the issuing Dukcapil before the input when the deed was issued elsewhere.
"""

from __future__ import annotations

from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import models
from django_fsm import FSMField, transition

from apps.core import ekor
from apps.core.asupan import DenganPersyaratan, SyaratBerkas
from apps.core.models import Proses
from apps.core.peran import peran

from .register import PENERBIT_SENDIRI, RegisterAkta


class JenisPerubahan(models.TextChoices):
    KEWARGANEGARAAN = "kewarganegaraan", "Perubahan status kewarganegaraan"
    PERISTIWA_LAIN = "peristiwa_lain", "Peristiwa penting lainnya"
    PEMBETULAN = "pembetulan", "Pembetulan akta"
    NAMA = "nama", "Perubahan nama"
    PEMBATALAN = "pembatalan", "Pembatalan kawin, cerai, akta"
    ANAK = "anak", "Pengangkatan, pengakuan, pengesahan anak"
    KUTIPAN_KEDUA = "kutipan_kedua", "Kutipan kedua akta"


KODE_JENIS = {
    JenisPerubahan.KEWARGANEGARAAN: "P.5.2", JenisPerubahan.PERISTIWA_LAIN: "P.5.3",
    JenisPerubahan.PEMBETULAN: "P.5.4", JenisPerubahan.NAMA: "P.5.5", JenisPerubahan.PEMBATALAN: "P.5.6",
    JenisPerubahan.ANAK: "P.5.7", JenisPerubahan.KUTIPAN_KEDUA: "P.5.8",
}


class JenisPembatalan(models.TextChoices):
    KAWIN = "kawin", "Batal kawin"
    CERAI = "cerai", "Batal cerai"
    AKTA = "akta", "Batal akta pencatatan sipil"


class JenisAnak(models.TextChoices):
    PENGANGKATAN = "pengangkatan", "Pengangkatan anak"
    PENGAKUAN = "pengakuan", "Pengakuan anak"
    PENGESAHAN = "pengesahan", "Pengesahan anak"


class Status(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan ke pemohon"
    LENGKAP = "lengkap", "Berkas lengkap"
    MENUNGGU_KEABSAHAN = "menunggu_keabsahan", "Menunggu jawaban keabsahan"
    DIINPUT = "diinput", "Diinput di SIAK"
    MENUNGGU_VERIFIKASI = "menunggu_verifikasi", "Menunggu verifikasi"
    DIVERIFIKASI_KASI = "diverifikasi_kasi", "Diverifikasi kasi"
    PERBAIKAN = "perbaikan", "Perbaikan data"
    TERVERIFIKASI = "terverifikasi", "Terverifikasi"
    DITANDATANGANI = "ditandatangani", "Ditandatangani (TTE)"
    DICETAK = "dicetak", "Dicetak"
    SELESAI = "selesai", "Selesai"
    DITOLAK = "ditolak", "Ditolak"


STATUS_PUBLIK = {
    Status.DIAJUKAN: "Permohonan diterima dan sedang diperiksa kelengkapan persyaratannya.",
    Status.DIKEMBALIKAN: "Persyaratan belum lengkap. Mohon lengkapi kekurangan di bawah ini dan bawa ke loket pelayanan.",
    Status.LENGKAP: "Persyaratan lengkap; data sedang dimasukkan ke SIAK.",
    Status.MENUNGGU_KEABSAHAN: "Dinas menunggu konfirmasi keabsahan akta dari Dinas Dukcapil penerbit.",
    Status.DIINPUT: "Data sudah dimasukkan ke SIAK dan sedang disiapkan untuk verifikasi.",
    Status.MENUNGGU_VERIFIKASI: "Data sedang diverifikasi oleh kepala seksi.",
    Status.DIVERIFIKASI_KASI: "Data sedang diverifikasi oleh kepala bidang.",
    Status.PERBAIKAN: "Data sedang diperbaiki oleh petugas.",
    Status.TERVERIFIKASI: "Data sudah diverifikasi dan menunggu tanda tangan elektronik Pejabat Pencatatan Sipil.",
    Status.DITANDATANGANI: "Dokumen sudah ditandatangani secara elektronik dan menunggu dicetak.",
    Status.DICETAK: "Dokumen sudah dicetak dan siap diambil di loket pengambilan. Bawa tanda terima Anda.",
    Status.SELESAI: "Selesai: dokumen sudah diserahkan.",
    Status.DITOLAK: "Permohonan ditolak. Alasannya tertulis di bawah; hubungi loket pelayanan bila ada pertanyaan.",
}

# What each kind requires as its basis (issue 12): a court ruling, the Kemenkumham SK, or for a
# second copy the police loss report / the damaged kutipan (recorded as a scan, no dates checked).
DASAR_PUTUSAN = {JenisPerubahan.NAMA, JenisPerubahan.PEMBATALAN, JenisPerubahan.ANAK}
DASAR_SK = {JenisPerubahan.KEWARGANEGARAAN}

# Fields of the deed a correction (P.5.4) may change, as the register's data keys.
FIELD_PEMBETULAN = {
    "nama": "Nama", "tempat_lahir": "Tempat lahir", "tanggal_lahir": "Tanggal lahir",
    "jenis_kelamin": "Jenis kelamin", "nama_ayah": "Nama ayah", "nama_ibu": "Nama ibu",
}


class PerubahanAkta(
    ekor.ekor_layanan(
        verifikasi=[
            ekor.Verifikasi(dari=Status.MENUNGGU_VERIFIKASI, kembali_ke=Status.PERBAIKAN, peran=("kasi",),
                            nama="verifikasi_kasi", label="Verifikasi (kasi): data sesuai bukti",
                            form="apps.capil.forms_perubahan.VerifikasiPerubahanForm",
                            nama_kembali="perbaikan_kasi", nama_tolak="tolak_kasi", label_tolak="Tolak"),
            ekor.Verifikasi(dari=Status.DIVERIFIKASI_KASI, kembali_ke=Status.PERBAIKAN, peran=("kabid",),
                            nama="verifikasi_kabid", label="Verifikasi (kabid): data sesuai bukti",
                            form="apps.capil.forms_perubahan.VerifikasiPerubahanForm",
                            nama_kembali="perbaikan_kabid", nama_tolak="tolak_kabid", label_tolak="Tolak"),
        ],
        tte=ekor.TTE(peran=("kadis",), kembali_ke=Status.PERBAIKAN, label_kembali="Kembalikan untuk perbaikan",
                     layanan="apps.capil.perubahan.perubahan_tandatangani"),
        cetak=ekor.Cetak(label="Cetak dokumen"),
        penyerahan=ekor.Penyerahan(label="Serahkan", email=True, label_rusak="Hasil cetak rusak, cetak ulang"),
    ),
    DenganPersyaratan,
    Proses,
):
    """P.5.2–P.5.8 — a request to record a change on an existing deed, or for its second copy."""

    KODE_PROSES = ("P.5.2", "P.5.3", "P.5.4", "P.5.5", "P.5.6", "P.5.7", "P.5.8")
    DILACAK_PEMOHON = True
    STATUS_AKHIR = frozenset({Status.SELESAI, Status.DITOLAK})
    STATUS_PUBLIK = STATUS_PUBLIK
    SALURAN_ASUPAN = {"loket": ("petugas_fo",)}
    FORM_ASUPAN = "apps.capil.forms_perubahan.PerubahanAsupanForm"
    PERSYARATAN = (
        SyaratBerkas("formulir", "Formulir permohonan (F-2.01)"),
        SyaratBerkas("ktp_kk", "KTP-el dan KK pemohon"),
        SyaratBerkas("kutipan", "Kutipan akta (asli), atau surat keterangan hilang dari kepolisian"),
        SyaratBerkas("dasar", "Dasar perubahan: salinan putusan pengadilan / SK Kemenkumham / bukti pendukung", wajib=False),
    )

    status = FSMField(choices=Status.choices, default=Status.DIAJUKAN, protected=True, db_index=True)
    jenis = models.CharField("jenis layanan", max_length=16, choices=JenisPerubahan.choices, db_index=True)

    pemohon_nik = models.CharField("NIK pemohon", max_length=16, db_index=True)
    pemohon_nama = models.CharField("nama pemohon", max_length=120)
    email = models.EmailField("email pemohon", blank=True)

    # The deed concerned, as typed at the counter, then linked to the register at the SIAK input.
    nomor_akta = models.CharField("nomor akta", max_length=40, help_text="Seperti tercetak pada kutipan (format lama diterima).")
    register = models.ForeignKey(RegisterAkta, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="perubahan", verbose_name="register akta")
    # The person on the deed the change concerns (P.5.2 SK, P.5.5 name).
    subjek_nik = models.CharField("NIK orang yang bersangkutan", max_length=16, blank=True)

    # The basis: a court ruling (number, court, date, date final) or an SK (number, date).
    dasar_nomor = models.CharField("nomor putusan / SK", max_length=80, blank=True)
    dasar_instansi = models.CharField("pengadilan / instansi penerbit", max_length=120, blank=True)
    dasar_tanggal = models.DateField("tanggal putusan / SK", null=True, blank=True)
    dasar_tanggal_tetap = models.DateField("tanggal berkekuatan hukum tetap", null=True, blank=True)

    uraian = models.TextField("uraian peristiwa / perubahan", blank=True)
    kewarganegaraan_baru = models.CharField("kewarganegaraan baru", max_length=3, blank=True,
                                            choices=[("WNI", "WNI"), ("WNA", "WNA")])
    nama_baru = models.CharField("nama baru", max_length=120, blank=True)
    # P.5.4: {field: new value}; the old value is the register's (``perbandingan``).
    data_baru = models.JSONField("data pembetulan", default=dict, blank=True)
    jenis_pembatalan = models.CharField(max_length=8, choices=JenisPembatalan.choices, blank=True)
    # Batal cerai: the marriage deed whose kutipan II is issued.
    register_perkawinan = models.ForeignKey(RegisterAkta, null=True, blank=True, on_delete=models.PROTECT,
                                            related_name="+", verbose_name="register akta perkawinan")
    jenis_anak = models.CharField(max_length=12, choices=JenisAnak.choices, blank=True)
    ayah_nama = models.CharField("nama ayah (pengakuan/pengesahan)", max_length=120, blank=True)
    # The number SIAK gave the akta pengakuan / pengesahan anak (typed at the SIAK input).
    nomor_akta_baru = models.CharField("nomor akta pengakuan/pengesahan (SIAK)", max_length=40, blank=True)
    alasan_kutipan_kedua = models.CharField(max_length=6, blank=True, choices=[("hilang", "Hilang"), ("rusak", "Rusak")])

    nomor_siak = models.CharField("nomor permohonan SIAK", max_length=40, blank=True)
    # P.5.8: the answer of the issuing Dukcapil ("" none asked, "sah", "tidak_sah").
    keabsahan = models.CharField(max_length=10, blank=True, editable=False)
    surat_keabsahan = models.ForeignKey("umum.SuratKeluar", null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="+", editable=False)
    # P.5.5: the KK and KTP-el change requests opened in the citizen's name at TTE, as the status
    # page lists them ([{"model", "pk", "kode_lacak", "dokumen", "nama"}]).
    permohonan_lanjutan = models.JSONField("permohonan lanjutan", default=list, blank=True, editable=False)

    class Meta:
        verbose_name = "perubahan akta"
        verbose_name_plural = "perubahan akta"

    # -- the catalogue (one model, seven rows: syarat_perubahan) --------------------------------
    @classmethod
    def layanan_katalog(cls):
        """None: the counter's intake asks for the scans every kind shares (``PERSYARATAN``); a
        request's own list comes from its kind's catalogue row when it is filed (``save``)."""
        return None

    @property
    def sebab_katalog(self) -> str:
        """The catalogue reason of this request: the kind of annulment or of child, or why a
        second copy is asked."""
        return self.jenis_pembatalan or self.jenis_anak or self.alasan_kutipan_kedua

    def hitung_tenggat(self):
        from apps.core.hari_kerja import hari_mulai_layanan, tambah_hari_kerja

        from ..syarat_perubahan import target_hari_kerja

        return tambah_hari_kerja(hari_mulai_layanan(), target_hari_kerja(self.jenis))

    def save(self, *args, **kwargs):
        if self._state.adding and self.jenis:
            from ..syarat_perubahan import persyaratan_untuk

            if not self.persyaratan_berlaku:
                self.persyaratan_berlaku = persyaratan_untuk(self.jenis, self.sebab_katalog)
            if self.tenggat is None:
                self.tenggat = self.hitung_tenggat()
        super().save(*args, **kwargs)

    # -- what the request is ------------------------------------------------------------------
    @property
    def kode_proses(self) -> str:
        return KODE_JENIS[self.jenis]

    @property
    def judul_layanan(self) -> str:
        if self.jenis == JenisPerubahan.PEMBATALAN and self.jenis_pembatalan:
            return self.get_jenis_pembatalan_display()
        if self.jenis == JenisPerubahan.ANAK and self.jenis_anak:
            return f"Pencatatan {self.get_jenis_anak_display().lower()}"
        return self.get_jenis_display()

    @property
    def layanan(self):
        return SimpleNamespace(nama=self.judul_layanan)

    @property
    def ringkasan(self) -> str:
        return f"{self.kode_proses} {self.judul_layanan} — akta {self.nomor_akta}"

    @property
    def email_pemohon(self) -> str:
        if self.cara_penyerahan == ekor.CaraPenyerahan.EMAIL or self.status == Status.DITOLAK:
            return self.email
        return ""

    @property
    def dari_penerbit_lain(self) -> bool:
        """A deed of another Dukcapil: its validity is confirmed by letter first (P.5.8)."""
        reg = self.register or RegisterAkta.objects.filter(nomor_akta__iexact=self.nomor_akta.strip()).first()
        return reg is not None and reg.penerbit.strip().lower() != PENERBIT_SENDIRI.lower()

    def perbandingan(self) -> list[tuple[str, str, object, object]]:
        """P.5.4: (key, label, old, new) per corrected field, for the verifiers' field-by-field check."""
        lama = self.register.isian() if self.register else {}
        return [(k, FIELD_PEMBETULAN.get(k, k), lama.get(k), v) for k, v in self.data_baru.items()]

    def clean(self):
        """The refusals of bad input (issue 12), worded for the officer, next to the field."""
        if getattr(self, "_diperiksa_form", False):
            return  # the input form ran these checks itself and placed the errors on its fields
        galat = {}
        if self.dasar_tanggal and self.dasar_tanggal_tetap and self.dasar_tanggal > self.dasar_tanggal_tetap:
            galat["dasar_tanggal_tetap"] = "Tanggal berkekuatan hukum tetap tidak boleh sebelum tanggal putusan."
        if self.jenis in DASAR_PUTUSAN | DASAR_SK and not (self.dasar_nomor and self.dasar_tanggal):
            galat["dasar_nomor"] = ("Nomor dan tanggal SK Kemenkumham wajib diisi." if self.jenis in DASAR_SK
                                    else "Nomor dan tanggal putusan pengadilan wajib diisi.")
        if self.jenis in DASAR_PUTUSAN and not self.dasar_tanggal_tetap:
            galat["dasar_tanggal_tetap"] = "Tanggal putusan berkekuatan hukum tetap wajib diisi."
        if self.jenis == JenisPerubahan.KEWARGANEGARAAN and not self.kewarganegaraan_baru:
            galat["kewarganegaraan_baru"] = "Pilih kewarganegaraan baru sesuai SK."
        if self.jenis == JenisPerubahan.NAMA and not self.nama_baru.strip():
            galat["nama_baru"] = "Nama baru sesuai putusan wajib diisi."
        if self.jenis == JenisPerubahan.PEMBATALAN and not self.jenis_pembatalan:
            galat["jenis_pembatalan"] = "Pilih jenis pembatalan."
        if self.jenis == JenisPerubahan.ANAK and not self.jenis_anak:
            galat["jenis_anak"] = "Pilih pengangkatan, pengakuan atau pengesahan."
        if self.jenis == JenisPerubahan.PERISTIWA_LAIN and not self.uraian.strip():
            galat["uraian"] = "Uraikan peristiwa penting beserta dasarnya."
        reg = self.register
        if reg is not None:
            if self.jenis in (JenisPerubahan.KEWARGANEGARAAN, JenisPerubahan.NAMA) and self.subjek_nik \
                    and self.subjek_nik not in reg.nik_tercantum():
                galat["subjek_nik"] = f"NIK {self.subjek_nik} tidak tercantum pada akta {reg.nomor_akta}."
            if self.jenis == JenisPerubahan.PEMBETULAN and not any(
                    str(reg.isian().get(k) or "") != str(v or "") for k, v in self.data_baru.items()):
                galat["data_baru"] = "Pembetulan tidak mengubah apa pun: semua data baru sama dengan data akta."
            if self.jenis == JenisPerubahan.KUTIPAN_KEDUA and reg.dibatalkan:
                galat["nomor_akta"] = f"Akta {reg.nomor_akta} sudah dibatalkan; kutipan kedua tidak dapat diterbitkan."
        if galat:
            raise ValidationError(galat)

    # -- what apps.dokumen asks of a record ---------------------------------------------------
    def jenis_dokumen_tte(self) -> str:
        from ..perubahan import dokumen_utama

        return dokumen_utama(self)

    def pemilik_dokumen(self) -> tuple[str, str]:
        return (self.pemohon_nama, self.pemohon_nik)

    def data_dokumen(self, jenis: str) -> dict:
        from ..perubahan import data_dokumen

        return data_dokumen(self, jenis)

    def nomor_dokumen(self, jenis: str) -> str | None:
        from ..perubahan import nomor_dokumen

        return nomor_dokumen(self, jenis)

    # -- own steps (the tail is the kernel's) -------------------------------------------------
    @transition(field=status, source=Status.DIAJUKAN, target=Status.LENGKAP, permission=peran("petugas_fo"),
                custom={"label": "Berkas lengkap", "gaya": "success",
                        "form": "apps.capil.forms_perubahan.PeriksaBerkasForm",
                        "layanan": "apps.core.asupan.layanan_lengkapi"})
    def periksa(self, oleh=None, data=None):
        pass

    @transition(field=status, source=Status.DIAJUKAN, target=Status.DIKEMBALIKAN, permission=peran("petugas_fo"),
                custom={"label": "Kembalikan ke pemohon", "wajib_catatan": True, "catatan_publik": True,
                        "gaya": "warning"})
    def kembalikan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=Status.DIKEMBALIKAN, target=Status.DIAJUKAN, permission=peran("petugas_fo"),
                custom={"label": "Lengkapi berkas", "form": "apps.core.asupan.LengkapiBerkasForm",
                        "layanan": "apps.core.asupan.layanan_lengkapi"})
    def lengkapi(self, oleh=None, data=None):
        pass

    @transition(field=status, source=[Status.DIAJUKAN, Status.DIKEMBALIKAN], target=Status.DITOLAK,
                permission=peran("petugas_fo"),
                custom={"label": "Tolak", "wajib_catatan": True, "catatan_publik": True, "gaya": "danger"})
    def tolak(self, oleh=None, data=None):
        pass

    # P.5.8, a deed of another Dukcapil: kasi/kabid ask its issuer, then record the answer.
    def _perlu_keabsahan(self) -> bool:
        return self.jenis == JenisPerubahan.KUTIPAN_KEDUA and self.dari_penerbit_lain and not self.keabsahan

    def _surat_terkirim(self) -> bool:
        """The answer is recorded only after the letter went out (signed and sent by the TU)."""
        surat = self.surat_keabsahan
        return surat is not None and surat.status in ("terkirim", "diarsipkan")

    def _siap_input(self) -> bool:
        return not self._perlu_keabsahan() and self.keabsahan != "tidak_sah"

    def _siap_input_siak(self) -> bool:
        return self.jenis != JenisPerubahan.KUTIPAN_KEDUA and self._siap_input()

    def _siap_input_fo(self) -> bool:
        return self.jenis == JenisPerubahan.KUTIPAN_KEDUA and self._siap_input()

    @transition(field=status, source=Status.LENGKAP, target=Status.MENUNGGU_KEABSAHAN,
                permission=peran("kasi", "kabid"), conditions=[_perlu_keabsahan],
                custom={"label": "Kirim surat permohonan keabsahan", "form": "apps.capil.forms_perubahan.KeabsahanForm",
                        "layanan": "apps.capil.perubahan.perubahan_minta_keabsahan"})
    def minta_keabsahan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=Status.MENUNGGU_KEABSAHAN, target=Status.LENGKAP,
                permission=peran("kasi", "kabid"), conditions=[_surat_terkirim],
                custom={"label": "Jawaban: akta sah", "gaya": "success"})
    def keabsahan_sah(self, oleh=None, data=None):
        self.keabsahan = "sah"

    @transition(field=status, source=Status.MENUNGGU_KEABSAHAN, target=Status.DITOLAK,
                permission=peran("kasi", "kabid"), conditions=[_surat_terkirim],
                custom={"label": "Jawaban: akta tidak sah", "wajib_catatan": True, "catatan_publik": True,
                        "gaya": "danger"})
    def keabsahan_tidak_sah(self, oleh=None, data=None):
        self.keabsahan = "tidak_sah"

    @transition(field=status, source=[Status.LENGKAP, Status.PERBAIKAN], target=Status.DIINPUT,
                permission=peran("operator_siak"), conditions=[_siap_input_siak],
                custom={"label": "Input data SIAK", "form": "apps.capil.forms_perubahan.InputPerubahanForm",
                        "layanan": "apps.capil.perubahan.perubahan_input"})
    def input_siak(self, oleh=None, data=None):
        pass

    # P.5.8: the front office inputs (map), and the file goes straight to the verifiers.
    @transition(field=status, source=[Status.LENGKAP, Status.PERBAIKAN], target=Status.MENUNGGU_VERIFIKASI,
                permission=peran("petugas_fo"), conditions=[_siap_input_fo],
                custom={"label": "Input data SIAK (kutipan kedua)", "form": "apps.capil.forms_perubahan.InputPerubahanForm",
                        "layanan": "apps.capil.perubahan.perubahan_input"})
    def input_fo(self, oleh=None, data=None):
        pass

    @transition(field=status, source=Status.DIINPUT, target=Status.MENUNGGU_VERIFIKASI,
                permission=peran("operator_siak"), custom={"label": "Ajukan cetak"})
    def ajukan_cetak(self, oleh=None, data=None):
        pass
