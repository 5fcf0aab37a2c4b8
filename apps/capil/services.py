"""The steps of P.5.1 that have consequences beyond the request's own state.

Each ``layanan`` named on a transition runs the transition itself (``jalankan_form`` /
``aksi_tandatangani``) and its consequences in ONE database transaction: documents are enqueued
on commit by apps.dokumen, changes to the population register land with the TTE or not at all.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.core.hari_kerja import tambah_hari_kerja
from apps.core.models import Lampiran
from apps.core.workflow import AksiDitolak, catat_pembuatan, jalankan_form
from apps.penduduk.models import Hubungan, Keluarga, Penduduk, StatusPerkawinan

from . import aturan
from .akta import data_akta
from .models import JENIS_DOKUMEN_AKTA, CatatanPinggir, JenisPeristiwa, PencatatanSipil, RegisterAkta
from .nomor import nik_berikutnya, nomor_akta_berikutnya

log = logging.getLogger(__name__)


# -- intake ------------------------------------------------------------------------------------
def pencatatan_buat(*, pencatatan: PencatatanSipil, rincian, berkas: list[tuple], oleh) -> PencatatanSipil:
    """P.5.1 — the front office records a request (form F-2.01 and the scans the applicant
    brought). ``pencatatan`` and ``rincian`` are unsaved (from the intake forms); ``berkas`` is a
    list of (file, requirement label). The completeness check is the next step (``periksa``)."""
    with transaction.atomic():
        pencatatan.dibuat_oleh = oleh
        pencatatan.tenggat = tambah_hari_kerja(
            timezone.localdate(), aturan.target_hari_kerja(pencatatan.jenis_peristiwa)
        )
        pencatatan.save()
        rincian.pencatatan = pencatatan
        rincian.save()
        riwayat = catat_pembuatan(objek=pencatatan, pengguna=oleh)
        for isi, keterangan in berkas:
            Lampiran.simpan(objek=pencatatan, berkas=isi, keterangan=keterangan, oleh=oleh, riwayat=riwayat)
    return pencatatan


# -- action services (custom["layanan"] on the transitions) -------------------------------------
def pencatatan_periksa(*, objek: PencatatanSipil, pengguna, form):
    """P.5.1 — berkas lengkap (petugas FO): the file is complete, the tanda terima pengambilan is
    issued (its QR opens the status page)."""
    from apps.dokumen.services import dokumen_terbitkan

    with transaction.atomic():
        riwayat = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        dokumen_terbitkan(objek=objek, jenis="tanda_terima", oleh=pengguna)
    return riwayat


def pencatatan_input(*, objek: PencatatanSipil, pengguna, form):
    """P.5.1 — input SIAK (operator SIAK): the data as entered in SIAK Terpusat, corrected where
    needed; the event's detail record is saved with the transition."""
    return jalankan_form(objek=objek, pengguna=pengguna, form=form, sebelum_simpan=lambda _: form.rincian.save())


def pencatatan_tandatangani(*, objek: PencatatanSipil, pengguna, form):
    """P.5.1 — TTE by the kadis as Pejabat Pencatatan Sipil.

    In one transaction: the register entry with its nomor akta (assigned here, at signing, so a
    file sent back for correction never holds a number), the consequences in the population
    register, the transition with the signed kutipan (``aksi_tandatangani``), and the signed
    register page. A wrong passphrase, a stale page or a refused transition undoes all of it,
    numbers included.
    """
    from apps.dokumen.services import aksi_tandatangani, dokumen_tandatangani

    with transaction.atomic():
        register = register_akta_buat(pencatatan=objek, pejabat=pengguna)
        pencatatan_terapkan(pencatatan=objek, register=register, oleh=pengguna)
        riwayat = aksi_tandatangani(objek=objek, pengguna=pengguna, form=form)
        dokumen_tandatangani(
            objek=objek, jenis="register_akta", pejabat=pengguna,
            passphrase=form.cleaned_data["passphrase"], kirim_email=False,
        )
    return riwayat


def pencatatan_kirim_email(*, objek: PencatatanSipil, pengguna, form):
    """P.5.1 — the pickup officer delivers the signed kutipan to the applicant's email instead
    of (or besides) the printed one. The email job of apps.dokumen sends it exactly once."""
    from apps.dokumen.services import dokumen_kirim_email

    kutipan = kutipan_akta(objek)
    if kutipan is None or not kutipan.siap:
        raise AksiDitolak(
            "Kutipan akta bertanda tangan elektronik belum selesai dibuat. Tunggu sebentar, atau ulangi "
            "pembuatannya dari panel dokumen bila gagal."
        )
    with transaction.atomic():
        riwayat = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        dokumen_kirim_email(dokumen=kutipan, email=objek.email_pemohon)
    return riwayat


def kutipan_akta(pencatatan: PencatatanSipil):
    """The latest active signed kutipan of the request (apps.dokumen.Dokumen) or None."""
    from apps.dokumen.models import Dokumen

    return (
        Dokumen.untuk(pencatatan)
        .filter(jenis=pencatatan.jenis_dokumen_tte(), aktif=True)
        .order_by("-dibuat_pada", "-pk")
        .first()
    )


# -- the register ------------------------------------------------------------------------------
def register_akta_buat(*, pencatatan: PencatatanSipil, pejabat) -> RegisterAkta:
    """P.5.1 — the register entry of the deed, with the next nomor akta of its type and year."""
    tanggal = timezone.localdate()
    kode, nomor = nomor_akta_berikutnya(jenis=pencatatan.kode_jenis_akta, tanggal=tanggal)
    return RegisterAkta.objects.create(
        nomor_akta=nomor,
        jenis_akta=JENIS_DOKUMEN_AKTA[pencatatan.jenis_peristiwa],
        kode=kode,
        tanggal=tanggal,
        pencatatan=pencatatan,
        data=data_akta(pencatatan),
        pejabat=pejabat,
    )


def catatan_pinggir_tambah(*, register: RegisterAkta, isi: str, oleh) -> CatatanPinggir:
    """A marginal note on a register entry (P.5.3–P.5.7 add them; a divorce annotates the
    marriage deed). Numbered per register entry under a row lock."""
    with transaction.atomic():
        RegisterAkta.objects.select_for_update().filter(pk=register.pk).first()
        terakhir = register.catatan_pinggir.order_by("-urutan").values_list("urutan", flat=True).first() or 0
        return CatatanPinggir.objects.create(register=register, urutan=terakhir + 1, isi=isi, dibuat_oleh=oleh)


# -- consequences in the population register (after TTE) ------------------------------------------
def pencatatan_terapkan(*, pencatatan: PencatatanSipil, register: RegisterAkta, oleh) -> None:
    """P.5.1 — what a signed deed changes in the population register."""
    r = pencatatan.rincian
    jenis = pencatatan.jenis_peristiwa
    if jenis == JenisPeristiwa.KELAHIRAN:
        penduduk_catat_kelahiran(kelahiran=r, register=register, oleh=oleh)
    elif jenis == JenisPeristiwa.KEMATIAN:
        penduduk_catat_kematian(kematian=r, register=register, oleh=oleh)
    elif jenis == JenisPeristiwa.PERKAWINAN:
        _status_perkawinan_ubah([r.suami, r.istri], StatusPerkawinan.KAWIN)
    elif jenis == JenisPeristiwa.PERCERAIAN:
        _status_perkawinan_ubah([r.suami, r.istri], StatusPerkawinan.CERAI_HIDUP)
        akta_kawin = RegisterAkta.objects.filter(nomor_akta=r.nomor_akta_perkawinan).first()
        if akta_kawin is not None:
            catatan_pinggir_tambah(
                register=akta_kawin, oleh=oleh,
                isi=(f"Perkawinan ini putus karena perceraian berdasarkan putusan {r.nama_pengadilan} "
                     f"Nomor {r.nomor_putusan} tanggal {r.tanggal_putusan:%d-%m-%Y}, dicatat dalam akta "
                     f"perceraian Nomor {register.nomor_akta}."),
            )


def _hubungan_anak(keluarga: Keluarga, orang_tua: list[Penduduk | None]) -> str:
    """The child's place on the KK: a child of the head or spouse, else a grandchild of the head."""
    hubungan = {p.hubungan for p in orang_tua if p is not None and p.keluarga_id == keluarga.pk}
    if hubungan & {Hubungan.KEPALA, Hubungan.SUAMI, Hubungan.ISTRI}:
        return Hubungan.ANAK
    if Hubungan.ANAK in hubungan:
        return Hubungan.CUCU
    return Hubungan.FAMILI


def penduduk_catat_kelahiran(*, kelahiran, register: RegisterAkta, oleh) -> Penduduk:
    """P.5.1 — a registered birth adds the child to the register, in the parents' family, with a
    new NIK (3575 + kecamatan of the family, birth date, next free serial), and opens the KK
    update the family now needs (apps.pendaftaran)."""
    keluarga = Keluarga.objects.select_related("kelurahan__induk").get(pk=kelahiran.keluarga_id)
    ibu, ayah = kelahiran.ibu, kelahiran.ayah
    sumber_agama = next((p for p in (ibu, ayah) if p is not None), None)
    for _ in range(5):
        nik = nik_berikutnya(
            kode_kecamatan=keluarga.kelurahan.induk.kode_angka,
            tanggal_lahir=kelahiran.tanggal_lahir,
            jenis_kelamin=kelahiran.jenis_kelamin,
        )
        try:
            with transaction.atomic():
                anak = Penduduk.objects.create(
                    nik=nik,
                    nama=kelahiran.nama_anak.upper(),
                    tempat_lahir=kelahiran.tempat_lahir.upper(),
                    tanggal_lahir=kelahiran.tanggal_lahir,
                    jenis_kelamin=kelahiran.jenis_kelamin,
                    agama=sumber_agama.agama if sumber_agama else "",
                    status_perkawinan=StatusPerkawinan.BELUM_KAWIN,
                    pekerjaan="Belum/tidak bekerja",
                    keluarga=keluarga,
                    hubungan=_hubungan_anak(keluarga, [ibu, ayah]),
                    nama_ayah=kelahiran.ayah_nama,
                    nama_ibu=kelahiran.ibu_nama,
                    alamat=keluarga.alamat,
                    rt=keluarga.rt,
                    rw=keluarga.rw,
                    kelurahan=keluarga.kelurahan,
                )
            break
        except IntegrityError:
            # Another birth with the same date and kecamatan took this serial a moment ago.
            continue
    else:
        raise AksiDitolak("NIK anak tidak dapat dibuat saat ini; coba lagi sebentar lagi.")
    kelahiran.anak = anak
    kelahiran.save(update_fields=["anak"])
    register.data["rincian"]["anak_nik"] = anak.nik
    register.save(update_fields=["data"])
    permohonan_kk_buka_perubahan(
        keluarga=keluarga, oleh=kelahiran.pencatatan.dibuat_oleh,
        alasan=f"Penambahan anggota keluarga: kelahiran {anak.nama} (NIK {anak.nik}), akta kelahiran {register.nomor_akta}.",
    )
    return anak


def penduduk_catat_kematian(*, kematian, register: RegisterAkta, oleh) -> Penduduk:
    """P.5.1 — a registered death marks the resident as deceased and opens the KK update that
    removes them from the family card."""
    jenazah = Penduduk.objects.select_for_update().get(pk=kematian.jenazah_id)
    jenazah.status_hidup = Penduduk.StatusHidup.MENINGGAL
    jenazah.tanggal_meninggal = kematian.tanggal_kematian
    jenazah.save(update_fields=["status_hidup", "tanggal_meninggal", "diperbarui_pada"])
    if jenazah.keluarga_id:
        permohonan_kk_buka_perubahan(
            keluarga=jenazah.keluarga, oleh=kematian.pencatatan.dibuat_oleh,
            alasan=f"Pengurangan anggota keluarga: {jenazah.nama} (NIK {jenazah.nik}) meninggal dunia, "
                   f"akta kematian {register.nomor_akta}.",
        )
    return jenazah


def _status_perkawinan_ubah(orang: list[Penduduk | None], status: str) -> None:
    for p in orang:
        if p is not None:
            p.status_perkawinan = status
            p.save(update_fields=["status_perkawinan", "diperbarui_pada"])


def permohonan_kk_buka_perubahan(*, keluarga: Keluarga, alasan: str, oleh):
    """Open the KK "perubahan data" request (P.4.1.2, apps.pendaftaran) a family needs after a
    civil-registry event: the one place capil reaches into pendaftaran.

    The request is taken in through pendaftaran's own intake service, in the name of the front
    office officer who took the civil-registry report (``oleh``; intake is theirs), with the
    family head as applicant; the reason is the first note of its timeline. If the catalogue has
    no active "KK perubahan data" service, the deed is still signed and the gap is logged: the
    family can file the KK change at the counter.
    """
    from apps.pendaftaran.models import AlasanLayanan, JenisDokumen, Layanan
    from apps.pendaftaran.services import permohonan_ajukan

    layanan = Layanan.objects.filter(dokumen=JenisDokumen.KK, alasan=AlasanLayanan.PERUBAHAN_DATA).first()
    pemohon = keluarga.kepala or keluarga.anggota.filter(status_hidup=Penduduk.StatusHidup.HIDUP).order_by("tanggal_lahir").first()
    if layanan is None or pemohon is None:
        log.warning("Permohonan KK perubahan data untuk KK %s tidak dibuka: layanan atau kepala keluarga tidak ada.", keluarga.no_kk)
        return None
    data = {"nik": pemohon.nik, "nama": pemohon.nama, "no_kk": keluarga.no_kk,
            "alamat": f"{keluarga.alamat} RT {keluarga.rt} RW {keluarga.rw}"}
    try:
        with transaction.atomic():
            permohonan = permohonan_ajukan(layanan=layanan, data=data, berkas=[], oleh=oleh)
            catat_pembuatan(objek=permohonan, pengguna=oleh, catatan=alasan, label="Dibuka dari pencatatan sipil (P.5.1)")
    except (AksiDitolak, PermissionDenied) as exc:
        log.warning("Permohonan KK perubahan data untuk KK %s tidak dibuka: %s", keluarga.no_kk, exc)
        return None
    return permohonan
