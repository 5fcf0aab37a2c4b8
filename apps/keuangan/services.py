"""Writes of P.1.1, P.2 and P.3.1 (HackSoftware style: keyword-only ``<entity>_<verb>``).

Each service checks, runs the transition through the kernel (``jalankan_form``/``jalankan_aksi``,
which logs it) and writes its own consequences in the same transaction.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from apps.core.models import Lampiran
from apps.core.workflow import AksiDitolak, catat_pembuatan, jalankan_form

from .models import (
    BarisDPA,
    DokumenPerencanaan,
    JenisPerencanaan,
    LaporanKeuangan,
    LaporanKinerja,
    NotaPencairanDana,
    PenugasanLaporan,
    PermintaanPembayaran,
    StatusPerencanaan,
    VersiPerencanaan,
    baca_baris_dpa,
)
from .uang import format_rupiah

STATUS_DPA_BERLAKU = (StatusPerencanaan.DISETUJUI, StatusPerencanaan.DITERBITKAN)


# -- P.2.1 ----------------------------------------------------------------------------------------
def _tahun_akhir(jenis: str, tahun: int) -> int:
    return tahun + 4 if jenis == JenisPerencanaan.RENSTRA else tahun


def perencanaan_buat(*, jenis: str, judul: str, tahun: int, triwulan: int | None, isi: str, pengguna) -> DokumenPerencanaan:
    """P.2.1 — a new planning document with its first version (draft)."""
    with transaction.atomic():
        dokumen = DokumenPerencanaan(jenis=jenis, judul=judul, tahun=tahun, tahun_akhir=_tahun_akhir(jenis, tahun),
                                     triwulan=triwulan, dibuat_oleh=pengguna)
        dokumen.save()
        VersiPerencanaan.objects.create(dokumen=dokumen, nomor=1, isi=isi, catatan_perubahan="Versi awal", dibuat_oleh=pengguna)
        catat_pembuatan(objek=dokumen, pengguna=pengguna, label="Draf dibuat")
    return dokumen


def perencanaan_revisi(*, objek: DokumenPerencanaan, pengguna, form):
    """P.2.1 — a new version of the draft (the previous ones are kept for the diff)."""
    with transaction.atomic():
        terakhir = objek.versi_dokumen.select_for_update().order_by("-nomor").first()
        isi = form.cleaned_data["isi"]
        if terakhir and terakhir.isi == isi:
            raise AksiDitolak("Isi sama dengan versi terakhir; tidak ada versi baru yang disimpan.")
        log = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        VersiPerencanaan.objects.create(
            dokumen=objek, nomor=(terakhir.nomor if terakhir else 0) + 1, isi=isi,
            catatan_perubahan=form.cleaned_data["catatan_perubahan"], dibuat_oleh=pengguna,
        )
    return log


def perencanaan_setujui(*, objek: DokumenPerencanaan, pengguna, form):
    """P.2.1 — the kadis approves the latest version; it is marked, and a DPA's lines become the
    budget P.3.1 spends against (a line already spent on keeps at least what it holds)."""
    with transaction.atomic():
        versi = objek.versi_dokumen.select_for_update().order_by("-nomor").first()
        if versi is None:
            raise AksiDitolak("Dokumen belum memiliki versi.")
        log = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        objek.versi_dokumen.filter(disetujui=True).update(disetujui=False)
        versi.disetujui = True
        versi.save(update_fields=["disetujui"])
        if objek.jenis == JenisPerencanaan.DPA:
            dpa_terapkan(dokumen=objek, isi=versi.isi)
    return log


def dpa_terapkan(*, dokumen: DokumenPerencanaan, isi: str) -> None:
    """Write the approved DPA's lines (by kode rekening); refuse a pagu below what a line holds."""
    ada = {b.kode_rekening: b for b in BarisDPA.objects.select_for_update().filter(dokumen=dokumen)}
    realisasi = {b.pk: b for b in BarisDPA.objects.filter(dokumen=dokumen).dengan_realisasi()}
    for kode, uraian, pagu in baca_baris_dpa(isi):
        baris = ada.pop(kode, None)
        if baris is None:
            BarisDPA.objects.create(dokumen=dokumen, kode_rekening=kode, uraian=uraian, pagu=pagu)
            continue
        terpakai = realisasi[baris.pk].terikat + realisasi[baris.pk].dibayar
        if pagu < terpakai:
            raise AksiDitolak(f"Pagu {kode} ({format_rupiah(pagu)}) di bawah yang sudah terpakai ({format_rupiah(terpakai)}).")
        baris.uraian, baris.pagu = uraian, pagu
        baris.save(update_fields=["uraian", "pagu"])
    for baris in ada.values():
        if realisasi[baris.pk].terikat + realisasi[baris.pk].dibayar > 0:
            raise AksiDitolak(f"Baris {baris.kode_rekening} sudah dipakai dan tidak dapat dihapus dari DPA.")
        baris.delete()


# -- P.3.1 ----------------------------------------------------------------------------------------
def sisa_anggaran(baris: BarisDPA) -> Decimal:
    return BarisDPA.objects.dengan_realisasi().get(pk=baris.pk).sisa


def permintaan_ajukan(*, baris: BarisDPA, kegiatan: str, jumlah: Decimal, pengguna, penerima: str = "") -> PermintaanPembayaran:
    """P.3.1.1 — the PPTK requests payment against a DPA line; refused above the line's remaining
    budget. The line's row is locked (SELECT ... FOR UPDATE) while the remainder is read and the
    request written, so concurrent requests queue on it and can never overspend the line."""
    if not isinstance(jumlah, Decimal):
        raise TypeError("Jumlah harus Decimal.")
    if jumlah <= 0:
        raise AksiDitolak("Jumlah harus lebih dari nol.")
    with transaction.atomic():
        terkunci = BarisDPA.objects.select_for_update(of=("self",)).select_related("dokumen").get(pk=baris.pk)
        if terkunci.dokumen.status not in STATUS_DPA_BERLAKU:
            raise AksiDitolak("DPA baris ini belum disetujui.")
        sisa = sisa_anggaran(terkunci)
        if jumlah > sisa:
            raise AksiDitolak(
                f"Permintaan {format_rupiah(jumlah)} melebihi sisa anggaran {terkunci.kode_rekening}: {format_rupiah(sisa)}."
            )
        permintaan = PermintaanPembayaran(baris_dpa=terkunci, kegiatan=kegiatan, jumlah=jumlah, penerima=penerima,
                                          dibuat_oleh=pengguna)
        permintaan.save()
        catat_pembuatan(objek=permintaan, pengguna=pengguna, label="Permintaan pembayaran diajukan")
    return permintaan


def pembayaran_terbitkan_spp_spm(*, objek: PermintaanPembayaran, pengguna, form):
    """P.3.1.5 — the bendahara issues the SPP signed by their TTE (numbered gap-free per year, QR
    to /verifikasi/) and puts the SPM to the Pengguna Anggaran's TTE. Issued again after a return
    (PPK or kadis), the earlier pair is withdrawn and the corrected pair gets new numbers. A wrong
    passphrase changes nothing."""
    from apps.dokumen.models import Dokumen
    from apps.dokumen.services import dokumen_tandatangani, passphrase_periksa

    passphrase = form.cleaned_data["passphrase"]
    pejabat = passphrase_periksa(pejabat=pengguna, passphrase=passphrase)
    with transaction.atomic():
        log = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        Dokumen.untuk(objek).filter(jenis__in=["spp", "spm"], aktif=True).update(aktif=False)
        spp = dokumen_tandatangani(objek=objek, jenis="spp", pejabat=pejabat, passphrase=passphrase, kirim_email=False)
        objek.nomor_spp, objek.nomor_spm = spp.nomor, ""
        PermintaanPembayaran.objects.filter(pk=objek.pk).update(nomor_spp=spp.nomor, nomor_spm="")
    return log


def pembayaran_tandatangani_spm(*, objek: PermintaanPembayaran, pengguna, form):
    """P.3.1.5 — the kadis, as Pengguna Anggaran, signs the SPM by TTE (the kernel's TTE step); its
    number is drawn in the same transaction and written on the request."""
    from apps.dokumen.models import Dokumen
    from apps.dokumen.services import aksi_tandatangani

    with transaction.atomic():
        log = aksi_tandatangani(objek=objek, pengguna=pengguna, form=form)
        spm = Dokumen.untuk(objek).filter(jenis="spm", aktif=True).order_by("-pk").first()
        objek.nomor_spm = spm.nomor
        PermintaanPembayaran.objects.filter(pk=objek.pk).update(nomor_spm=spm.nomor)
    return log


# -- P.1.1 ----------------------------------------------------------------------------------------
def npd_ajukan(*, kegiatan: str, penyedia: str, jumlah: Decimal, pengguna) -> NotaPencairanDana:
    """P.1.1.1 — subbag rumah tangga & perlengkapan submits the NPD to the bendahara."""
    with transaction.atomic():
        npd = NotaPencairanDana(kegiatan=kegiatan, penyedia=penyedia, jumlah=jumlah, dibuat_oleh=pengguna)
        npd.save()
        catat_pembuatan(objek=npd, pengguna=pengguna, label="NPD diajukan")
    return npd


def npd_serahkan_spj(*, objek: NotaPencairanDana, pengguna, form):
    """P.1.1.2 — the SPJ with the supplier's documents (each stored as its own attachment)."""
    return jalankan_form(objek=objek, pengguna=pengguna, form=form)


# -- P.2.2 ----------------------------------------------------------------------------------------
def laporan_kinerja_catat(*, data: dict, surat, pengguna) -> LaporanKinerja:
    """P.2.2.1.1 — Bagian Organisasi's request letter is recorded: from the incoming letters'
    agenda (P.1.2.1.2) or with its scan."""
    with transaction.atomic():
        laporan = LaporanKinerja(dibuat_oleh=pengguna, **data)
        laporan.save()
        if surat:
            Lampiran.simpan(objek=laporan, berkas=surat, keterangan="Surat permintaan Bagian Organisasi", oleh=pengguna)
        catat_pembuatan(objek=laporan, pengguna=pengguna, label="Surat permintaan dicatat")
    return laporan


def laporan_keuangan_catat(*, data: dict, surat, pengguna) -> LaporanKeuangan:
    """P.2.2.2.1 — BPKA's request is recorded with its scan."""
    with transaction.atomic():
        laporan = LaporanKeuangan(dibuat_oleh=pengguna, **data)
        laporan.save()
        if surat:
            Lampiran.simpan(objek=laporan, berkas=surat, keterangan="Surat permintaan BPKA", oleh=pengguna)
        catat_pembuatan(objek=laporan, pengguna=pengguna, label="Permintaan BPKA dicatat")
    return laporan


def penugasan_tambah(*, laporan: LaporanKinerja, bidang: str, uraian: str, tenggat, pengguna) -> PenugasanLaporan:
    """P.2.2.1.2 — one part of the report assigned to a division, with its due date."""
    if laporan.status not in ("diminta", "dihimpun"):
        raise AksiDitolak("Penugasan hanya dapat ditambah sebelum laporan dikirim.")
    return PenugasanLaporan.objects.create(laporan=laporan, bidang=bidang, uraian=uraian, tenggat=tenggat)


def penugasan_selesaikan(*, penugasan: PenugasanLaporan, pengguna) -> None:
    if penugasan.selesai_pada is not None:
        return
    penugasan.selesai_pada, penugasan.selesai_oleh = timezone.now(), pengguna
    penugasan.save(update_fields=["selesai_pada", "selesai_oleh"])
