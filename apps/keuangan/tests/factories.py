"""Records of P.1.1, P.2 and P.3.1 brought to any state through the services, as staff would."""

from __future__ import annotations

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.core.workflow import jalankan_aksi
from apps.keuangan import services
from apps.keuangan.models import (
    BarisDPA,
    DokumenPerencanaan,
    LaporanKeuangan,
    LaporanKinerja,
    NotaPencairanDana,
    PermintaanPembayaran,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def berkas_pdf(nama: str = "berkas.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, PDF, content_type="application/pdf")


ISI_DPA = (
    "5.1.02.01.01.0024 | Belanja alat tulis kantor | 10.000.000,00\n"
    "5.1.02.01.01.0026 | Belanja bahan cetak blangko | 25.000.000,00\n"
)


class Orang:
    """One user per role, from the ``pengguna`` fixture (or the matrix's world)."""

    def __init__(self, ambil):
        self.ambil = ambil

    def __getattr__(self, kode):
        return self.ambil(kode)


def perencanaan(orang, *, status: str = "draf", jenis: str = "renja", isi: str = "Program 1\nKegiatan A", tahun=None):
    tahun = tahun or timezone.localdate().year
    dok = services.perencanaan_buat(jenis=jenis, judul=f"{jenis.upper()} Dinas {tahun}", tahun=tahun,
                                    triwulan=1 if jenis == "monev" else None, isi=isi, pengguna=orang.subbag_perencanaan)
    langkah = [("ajukan", "subbag_perencanaan", "direviu"), ("reviu", "sekretaris", "menunggu_persetujuan"),
               ("setujui", "kadis", "disetujui"), ("terbitkan", "subbag_perencanaan", "diterbitkan")]
    for aksi, peran, tujuan in langkah:
        if dok.status == status:
            break
        if aksi == "setujui":
            _setujui(dok, orang.kadis)
        else:
            jalankan_aksi(objek=dok, aksi=aksi, pengguna=getattr(orang, peran))
        assert dok.status == tujuan
    assert dok.status == status, (dok.status, status)
    return dok


def _setujui(dok, kadis):
    from apps.core.forms import AksiForm
    from apps.core.workflow import aksi_model

    info = aksi_model(DokumenPerencanaan)["setujui"]
    form = AksiForm({"versi": dok.versi}, aksi=info, objek=dok, pengguna=kadis)
    assert form.is_valid()
    services.perencanaan_setujui(objek=dok, pengguna=kadis, form=form)


def dpa(orang, *, isi: str = ISI_DPA, tahun=None) -> DokumenPerencanaan:
    return perencanaan(orang, status="disetujui", jenis="dpa", isi=isi, tahun=tahun)


def baris(orang, kode: str = "5.1.02.01.01.0024") -> BarisDPA:
    dok = DokumenPerencanaan.objects.filter(jenis="dpa", status__in=["disetujui", "diterbitkan"]).first() or dpa(orang)
    return BarisDPA.objects.get(dokumen=dok, kode_rekening=kode)


def _form(objek, aksi: str, pengguna, data=None, files=None):
    from apps.core.workflow import aksi_model, kelas_form

    info = aksi_model(type(objek))[aksi]
    cls = kelas_form(info)
    kw = {"instance": objek} if hasattr(cls, "_meta") and getattr(cls._meta, "model", None) else {}
    form = cls({"versi": objek.versi, **(data or {})}, files or {}, aksi=info, objek=objek, pengguna=pengguna, **kw)
    assert form.is_valid(), form.errors
    return form, info


def aksi(objek, nama: str, pengguna, data=None, files=None, catatan: str = ""):
    """Run an action the way the kernel's action view does (its form, then its service)."""
    from apps.core.workflow import jalankan_dari_form

    form, info = _form(objek, nama, pengguna, {"catatan": catatan, **(data or {})}, files)
    return jalankan_dari_form(objek=objek, info=info, pengguna=pengguna, form=form)


NIP_BENDAHARA = "198205102006042003"


def pejabat_keuangan(orang):
    """The signing officials of P.3.1: the bendahara (SPP) and the kadis as Pengguna Anggaran
    (SPM), with local keys (the bendahara's made in the test key directory when missing)."""
    from django.conf import settings

    from apps.dokumen.management.commands.buat_sertifikat_lokal import PASSPHRASE_DEMO
    from apps.dokumen.models import Pejabat
    from apps.dokumen.tte.sertifikat import buat_p12_pejabat, muat_atau_buat_ca

    bendahara, _ = Pejabat.objects.get_or_create(
        user=orang.bendahara, defaults={"nama": "Siti Aminah, S.E.", "nip": NIP_BENDAHARA, "jabatan": "Bendahara Pengeluaran"})
    Pejabat.objects.get_or_create(user=orang.kadis, defaults={
        "nama": "Dr. Bambang Sutrisno, S.H., M.Si.", "nip": "197003121995031002",
        "jabatan": "Kepala Dinas Kependudukan dan Pencatatan Sipil"})
    if not bendahara.berkas_p12.exists():
        ca_cert, ca_key, _ = muat_atau_buat_ca(settings.TTE_KEY_DIR)
        buat_p12_pejabat(settings.TTE_KEY_DIR, nama=bendahara.nama, nip=bendahara.nip, passphrase=PASSPHRASE_DEMO,
                         ca_cert=ca_cert, ca_key=ca_key)


def _tte() -> dict:
    from apps.dokumen.management.commands.buat_sertifikat_lokal import PASSPHRASE_DEMO

    return {"passphrase": PASSPHRASE_DEMO}


ALUR_PEMBAYARAN = [
    ("pilih_metode", "bendahara", lambda: {"metode": "LS"}, None),
    ("susun_spj", "pptk", dict, lambda: {"spj": berkas_pdf("spj.pdf")}),
    ("verifikasi", "verifikator_keuangan", dict, None),
    ("terbitkan_spp_spm", "bendahara", _tte, None),
    ("tandatangani", "kadis", _tte, None),
    ("periksa_lengkap", "ppk", dict, None),
    ("catat_sp2d", "bendahara", None, None),
]


def permintaan(orang, *, status: str = "diajukan", jumlah: Decimal = Decimal("1500000.00"), baris_dpa=None) -> PermintaanPembayaran:
    b = baris_dpa or baris(orang)
    pejabat_keuangan(orang)
    p = services.permintaan_ajukan(baris=b, kegiatan="Pengadaan ATK pelayanan", jumlah=jumlah, penerima="CV Maju Jaya",
                                   pengguna=orang.pptk)
    if status == "dibatalkan":
        aksi(p, "batalkan", orang.pptk, catatan="Kegiatan ditunda")
        return p
    if status == "dikembalikan_ppk":
        for nama, peran, data, files in ALUR_PEMBAYARAN[:5]:
            aksi(p, nama, getattr(orang, peran), data(), files() if files else None)
        aksi(p, "kembalikan", orang.ppk, catatan="Kuitansi belum ditandatangani")
        return p
    for nama, peran, data, files in ALUR_PEMBAYARAN:
        if p.status == status:
            break
        if nama == "catat_sp2d":
            data = {"sp2d_nomor": "SP2D-0001", "sp2d_tanggal": timezone.localdate().isoformat(), "sp2d_jumlah": str(p.jumlah)}
            aksi(p, nama, getattr(orang, peran), data)
        else:
            aksi(p, nama, getattr(orang, peran), data(), files() if files else None)
    assert p.status == status, (p.status, status)
    return p


def npd(orang, *, status: str = "diajukan") -> NotaPencairanDana:
    n = services.npd_ajukan(kegiatan="Servis AC ruang pelayanan", penyedia="CV Sejuk", jumlah=Decimal("3250000.00"),
                            pengguna=orang.subbag_umum)
    berkas = lambda: {k: berkas_pdf(f"{k}.pdf") for k in ("faktur", "kuitansi", "pajak", "foto")}  # noqa: E731
    hari_ini = timezone.localdate().isoformat()
    langkah = [
        ("terima", "bendahara", {}, None),
        ("serahkan_spj", "subbag_umum", {}, berkas),
        ("spj_lengkap", "bendahara", {f"cek_{k}": "on" for k in ("faktur", "kuitansi", "pajak", "foto")}, None),
        ("bayar", "bendahara", {"tanggal_bayar": hari_ini, "jumlah_dibayar": "3.250.000,00"}, None),
        ("catat_penyerahan", "subbag_umum", {"tanggal_diterima": hari_ini, "keterangan_penyerahan": "AC berfungsi"}, None),
    ]
    if status == "spj_revisi":
        for nama, peran, data, files in langkah[:2]:
            aksi(n, nama, getattr(orang, peran), data, files() if files else None)
        aksi(n, "kembalikan_spj", orang.bendahara, catatan="Bukti pajak tidak terbaca")
        return n
    for nama, peran, data, files in langkah:
        if n.status == status:
            break
        aksi(n, nama, getattr(orang, peran), data, files() if files else None)
    assert n.status == status, (n.status, status)
    return n


def laporan_kinerja(orang, *, status: str = "diminta", jenis: str = "sakip", tahun=None, nilai="72.50", predikat="BB") -> LaporanKinerja:
    hari_ini = timezone.localdate()
    lap = services.laporan_kinerja_catat(
        data={"jenis": jenis, "tahun": tahun or hari_ini.year - 1, "nomor_surat_permintaan": "061/123/423.011/2026",
              "tanggal_surat_permintaan": hari_ini},
        surat=berkas_pdf("permintaan.pdf"), pengguna=orang.subbag_perencanaan)
    langkah = [("himpun", {}, None), ("kirim", {}, lambda: {"laporan": berkas_pdf("laporan.pdf")}),
               ("catat_nilai", {"nilai": nilai, "predikat": predikat, "dinilai_pada": hari_ini.isoformat()},
                lambda: {"surat_hasil": berkas_pdf("hasil.pdf")})]
    for nama, data, files in langkah:
        if lap.status == status:
            break
        aksi(lap, nama, orang.subbag_perencanaan, data, files() if files else None)
    assert lap.status == status
    return lap


def laporan_keuangan(orang, *, status: str = "diminta") -> LaporanKeuangan:
    hari_ini = timezone.localdate()
    lap = services.laporan_keuangan_catat(
        data={"periode": f"Semester I {hari_ini.year}", "nomor_surat_permintaan": "900/77/423.031/2026",
              "tanggal_surat_permintaan": hari_ini},
        surat=berkas_pdf("permintaan.pdf"), pengguna=orang.subbag_perencanaan)
    p = orang.subbag_perencanaan
    jawab = lambda: {"surat_jawaban": berkas_pdf("reviu.pdf")}  # noqa: E731
    if status == "diminta":
        return lap
    aksi(lap, "himpun", p)
    if status == "dihimpun":
        return lap
    aksi(lap, "kirim", p, files={"laporan": berkas_pdf("lk.pdf")})
    if status == "dikirim":
        return lap
    if status == "dikembalikan":
        aksi(lap, "revisi", p, files=jawab(), catatan="Catatan atas laporan belum lengkap")
        return lap
    aksi(lap, "terima", p, files=jawab())
    if status == "diterima":
        return lap
    aksi(lap, "tindak_lanjuti", p, catatan="Hasil reviu diteruskan ke kepala dinas")
    assert lap.status == status
    return lap
