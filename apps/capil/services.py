"""The steps of P.5.1 that have consequences beyond the request's own state.

Each ``layanan`` named on a transition runs the transition itself (``jalankan_form`` /
``aksi_tandatangani``) and its consequences in ONE database transaction: documents are enqueued
on commit by apps.dokumen, changes to the population register land with the TTE or not at all.
"""

from __future__ import annotations

import logging
from types import SimpleNamespace

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.core.asupan import simpan_berkas_persyaratan
from apps.core.hari_kerja import hari_mulai_layanan, tambah_hari_kerja
from apps.core.workflow import AksiDitolak, catat_pembuatan, jalankan_form
from apps.penduduk.models import Hubungan, Keluarga, Penduduk, StatusPerkawinan
from apps.penduduk.services import konfirmasi_catat, penduduk_buat, penduduk_ubah

from . import aturan
from .akta import data_akta
from .models import JENIS_DOKUMEN_AKTA, CatatanPinggir, JenisPeristiwa, PencatatanSipil, RegisterAkta
from .syarat import target_hari_kerja

log = logging.getLogger(__name__)


# -- intake ------------------------------------------------------------------------------------
def pencatatan_buat(*, pencatatan: PencatatanSipil, rincian, berkas: list[tuple], oleh,
                    konfirmasi: dict | None = None) -> PencatatanSipil:
    """P.5.1 — the front office records a request (form F-2.01 and the scans the reporter
    brought). ``pencatatan`` and ``rincian`` are unsaved (from the intake forms); ``berkas`` is a
    list of (``syarat.Syarat``, file); ``konfirmasi`` what the officer confirmed despite warnings
    (kept for the verifiers). The completeness check is the next step (``periksa``)."""
    with transaction.atomic():
        pencatatan.dibuat_oleh = oleh
        # Counted from the working day the report counts from (the next one after closing time).
        pencatatan.tenggat = tambah_hari_kerja(hari_mulai_layanan(), target_hari_kerja(pencatatan.jenis_peristiwa))
        pencatatan.save()
        rincian.pencatatan = pencatatan
        rincian.save()
        riwayat = catat_pembuatan(objek=pencatatan, pengguna=oleh)
        simpan_berkas_persyaratan(objek=pencatatan, berkas=berkas, oleh=oleh, riwayat=riwayat)
        konfirmasi_catat(objek=pencatatan, konfirmasi=konfirmasi, oleh=oleh)
    return pencatatan


# -- action services (custom["layanan"] on the transitions) -------------------------------------
def pencatatan_periksa(*, objek: PencatatanSipil, pengguna, form):
    """P.5.1 — berkas lengkap (petugas FO): the file is complete (scans of what was missing are
    uploaded here), the tanda terima pengambilan is issued (its QR opens the status page)."""
    from apps.dokumen.services import dokumen_terbitkan

    with transaction.atomic():
        riwayat = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        simpan_berkas_persyaratan(objek=objek, berkas=form.unggahan_syarat(), oleh=pengguna, riwayat=riwayat)
        dokumen_terbitkan(objek=objek, jenis="tanda_terima", oleh=pengguna)
    return riwayat


def pencatatan_ajukan_kembali(*, objek: PencatatanSipil, pengguna, form):
    """P.5.1 — a returned file comes back with (some of) what was missing: same request, same code."""
    with transaction.atomic():
        riwayat = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        simpan_berkas_persyaratan(objek=objek, berkas=form.unggahan_syarat(), oleh=pengguna, riwayat=riwayat)
    return riwayat


def pencatatan_input(*, objek: PencatatanSipil, pengguna, form):
    """P.5.1 — input SIAK (operator SIAK): the data as entered in SIAK Terpusat, corrected where
    needed; the event's detail record is saved with the transition."""
    return jalankan_form(objek=objek, pengguna=pengguna, form=form, sebelum_simpan=lambda _: form.rincian.save())


def pencatatan_tandatangani(*, objek: PencatatanSipil, pengguna, form):
    """P.5.1 — TTE by the kadis as Pejabat Pencatatan Sipil.

    In one transaction: the register entry with the nomor akta SIAK gave (typed at the SIAK step),
    the consequences in the population register, the transition with the signed kutipan
    (``aksi_tandatangani``), and the signed register page. A wrong passphrase, a stale page, a
    number taken meanwhile or a refused transition undoes all of it. A stillbirth has no deed:
    only its Surat Keterangan Lahir Mati is signed.
    """
    from apps.dokumen.services import aksi_tandatangani, dokumen_tandatangani

    if not objek.menerbitkan_akta:
        return aksi_tandatangani(objek=objek, pengguna=pengguna, form=form)
    with transaction.atomic():
        register = register_akta_buat(pencatatan=objek, pejabat=pengguna)
        pencatatan_terapkan(pencatatan=objek, register=register, oleh=pengguna)
        riwayat = aksi_tandatangani(objek=objek, pengguna=pengguna, form=form)
        dokumen_tandatangani(
            objek=objek, jenis="register_akta", pejabat=pengguna,
            passphrase=form.cleaned_data["passphrase"], kirim_email=False,
        )
    return riwayat


def pencatatan_mutakhirkan(*, objek: PencatatanSipil, pengguna, form):
    """P.5.1 — a Pengadilan Agama's akta cerai taken in (kasi, after the SIAK input): no deed is
    issued by the Dinas; the register's marital status of both and the KK change request follow."""
    with transaction.atomic():
        riwayat = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        perceraian_terapkan(perceraian=objek.rincian, register=None, oleh=pengguna)
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
    """P.5.1 — the register entry of the deed, under the nomor akta SIAK gave (recorded at the
    SIAK step). Refused when none was recorded or another deed took it meanwhile."""
    nomor = pencatatan.nomor_akta.strip()
    if not nomor:
        raise AksiDitolak("Nomor akta dari SIAK belum dicatat; kembalikan berkas untuk perbaikan input SIAK.")
    if RegisterAkta.objects.filter(nomor_akta__iexact=nomor).exists():
        raise AksiDitolak(f"Nomor akta {nomor} sudah tercatat untuk akta lain; kembalikan berkas untuk perbaikan.")
    return RegisterAkta.objects.create(
        nomor_akta=nomor,
        jenis_akta=JENIS_DOKUMEN_AKTA[pencatatan.jenis_peristiwa],
        kode=aturan.kode_akta(pencatatan.kode_jenis_akta),
        tanggal=timezone.localdate(),
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
def _register_ubah(*, penduduk: Penduduk, perubahan: dict, sebab, oleh, alasan: str) -> None:
    """A change of a resident's data through the register's audited service (before/after per
    field, the request that caused it, who); a refusal there undoes the TTE."""
    try:
        penduduk_ubah(penduduk=penduduk, perubahan=perubahan, sebab=sebab, oleh=oleh, alasan=alasan)
    except ValidationError as exc:
        raise AksiDitolak(f"Register penduduk {penduduk.nik} tidak dapat diubah: {'; '.join(exc.messages)}") from exc


def pencatatan_terapkan(*, pencatatan: PencatatanSipil, register: RegisterAkta, oleh) -> None:
    """P.5.1 — what a signed deed changes in the population register."""
    r = pencatatan.rincian
    jenis = pencatatan.jenis_peristiwa
    if jenis == JenisPeristiwa.KELAHIRAN:
        penduduk_catat_kelahiran(kelahiran=r, register=register, oleh=oleh)
    elif jenis == JenisPeristiwa.KEMATIAN:
        penduduk_catat_kematian(kematian=r, register=register, oleh=oleh)
    elif jenis == JenisPeristiwa.PERKAWINAN:
        perkawinan_terapkan(perkawinan=r, register=register, oleh=oleh)
    elif jenis == JenisPeristiwa.PERCERAIAN:
        perceraian_terapkan(perceraian=r, register=register, oleh=oleh)


def _pasangan_warga(rincian) -> list[Penduduk]:
    return [p for p in (rincian.suami, rincian.istri) if p is not None]


def _kk_pasangan(*, rincian, alasan: str) -> None:
    """The KK change request of each resident spouse's family, in the spouse's own name."""
    sudah = set()
    for orang in _pasangan_warga(rincian):
        if orang.keluarga_id and orang.keluarga_id not in sudah:
            sudah.add(orang.keluarga_id)
            permohonan_kk_buka_perubahan(keluarga=orang.keluarga, oleh=rincian.pencatatan.dibuat_oleh,
                                         pemohon=orang, alasan=alasan)


def perkawinan_terapkan(*, perkawinan, register: RegisterAkta, oleh) -> None:
    """P.5.1 — a registered marriage: both residents become *kawin*; their families' KK change
    requests are opened (a new family's KK is filed by the couple)."""
    pencatatan = perkawinan.pencatatan
    for orang in _pasangan_warga(perkawinan):
        _register_ubah(penduduk=orang, perubahan={"status_perkawinan": StatusPerkawinan.KAWIN}, sebab=pencatatan,
                       oleh=oleh, alasan=f"Perkawinan, akta perkawinan {register.nomor_akta}")
    _kk_pasangan(rincian=perkawinan, alasan=(
        f"Perubahan status perkawinan: {perkawinan.suami_nama} dan {perkawinan.istri_nama} kawin, "
        f"akta perkawinan {register.nomor_akta}."))


def perceraian_terapkan(*, perceraian, register: RegisterAkta | None, oleh) -> None:
    """P.5.1 — a divorce: both residents become *cerai hidup* and their families' KK change
    requests are opened. On a Pengadilan Negeri ruling (``register`` given) the marriage deed in
    the register gets its marginal note; a Pengadilan Agama's akta cerai has no deed here."""
    pencatatan = perceraian.pencatatan
    dasar = (f"akta perceraian {register.nomor_akta}" if register is not None
             else f"akta cerai {perceraian.nama_pengadilan} putusan Nomor {perceraian.nomor_putusan}")
    for orang in _pasangan_warga(perceraian):
        _register_ubah(penduduk=orang, perubahan={"status_perkawinan": StatusPerkawinan.CERAI_HIDUP},
                       sebab=pencatatan, oleh=oleh, alasan=f"Perceraian, {dasar}")
    if register is not None:
        akta_kawin = RegisterAkta.objects.filter(nomor_akta=perceraian.nomor_akta_perkawinan).first()
        if akta_kawin is not None:
            catatan_pinggir_tambah(
                register=akta_kawin, oleh=oleh,
                isi=(f"Perkawinan ini putus karena perceraian berdasarkan putusan {perceraian.nama_pengadilan} "
                     f"Nomor {perceraian.nomor_putusan} tanggal {perceraian.tanggal_putusan:%d-%m-%Y}, dicatat "
                     f"dalam akta perceraian Nomor {register.nomor_akta}."),
            )
    _kk_pasangan(rincian=perceraian, alasan=(
        f"Perubahan status perkawinan: {perceraian.suami_nama} dan {perceraian.istri_nama} cerai hidup, {dasar}."))


def _hubungan_anak(keluarga: Keluarga, orang_tua: list[Penduduk | None]) -> str:
    """The child's place on the KK: a child of the head or spouse, else a grandchild of the head."""
    hubungan = {p.hubungan for p in orang_tua if p is not None and p.keluarga_id == keluarga.pk}
    if hubungan & {Hubungan.KEPALA, Hubungan.SUAMI, Hubungan.ISTRI}:
        return Hubungan.ANAK
    if Hubungan.ANAK in hubungan:
        return Hubungan.CUCU
    return Hubungan.FAMILI


def penduduk_catat_kelahiran(*, kelahiran, register: RegisterAkta, oleh) -> Penduduk:
    """P.5.1 — a registered birth adds the child to the register, in the parents' family, under
    the NIK SIAK issued (typed at the SIAK step), and opens the KK update the family now needs
    (apps.pendaftaran)."""
    keluarga = Keluarga.objects.select_related("kelurahan__induk").get(pk=kelahiran.keluarga_id)
    ibu, ayah = kelahiran.ibu, kelahiran.ayah
    sumber_agama = next((p for p in (ibu, ayah) if p is not None), None)
    nik = kelahiran.nik_anak
    if not nik:
        raise AksiDitolak("NIK anak dari SIAK belum dicatat; kembalikan berkas untuk perbaikan input SIAK.")
    if Penduduk.objects.filter(nik=nik).exists():
        raise AksiDitolak(f"NIK {nik} sudah dimiliki penduduk lain; kembalikan berkas untuk perbaikan input SIAK.")
    data = {
        "nik": nik,
        "nama": kelahiran.nama_anak.upper(),
        "tempat_lahir": kelahiran.tempat_lahir.upper(),
        "tanggal_lahir": kelahiran.tanggal_lahir,
        "jenis_kelamin": kelahiran.jenis_kelamin,
        "agama": sumber_agama.agama if sumber_agama else "",
        "status_perkawinan": StatusPerkawinan.BELUM_KAWIN,
        "pekerjaan": "Belum/tidak bekerja",
        "keluarga": keluarga,
        "hubungan": _hubungan_anak(keluarga, [ibu, ayah]),
        "nama_ayah": kelahiran.ayah_nama,
        "nama_ibu": kelahiran.ibu_nama,
        "alamat": keluarga.alamat,
        "rt": keluarga.rt,
        "rw": keluarga.rw,
        "kelurahan": keluarga.kelurahan,
    }
    try:
        with transaction.atomic():
            anak = penduduk_buat(data=data, sebab=kelahiran.pencatatan, oleh=oleh,
                                 alasan=f"Kelahiran, akta kelahiran {register.nomor_akta}")
    except (IntegrityError, ValidationError) as exc:
        raise AksiDitolak(f"Anak tidak dapat dicatat di register dengan NIK {nik}; kembalikan berkas untuk "
                          "perbaikan input SIAK.") from exc
    kelahiran.anak = anak
    kelahiran.save(update_fields=["anak"])
    register.data["rincian"]["anak_nik"] = anak.nik
    register.save(update_fields=["data"])
    permohonan_kk_buka_perubahan(
        keluarga=keluarga, oleh=kelahiran.pencatatan.dibuat_oleh,
        alasan=f"Penambahan anggota keluarga: kelahiran {anak.nama} (NIK {anak.nik}), akta kelahiran {register.nomor_akta}.",
    )
    return anak


def _pasangan_dari(jenazah: Penduduk) -> Penduduk | None:
    """The living married spouse of ``jenazah`` on the same KK (head ↔ husband/wife)."""
    if not jenazah.keluarga_id:
        return None
    anggota = Penduduk.objects.filter(keluarga_id=jenazah.keluarga_id, status_hidup=Penduduk.StatusHidup.HIDUP,
                                      status_perkawinan=StatusPerkawinan.KAWIN).exclude(pk=jenazah.pk)
    if jenazah.hubungan == Hubungan.KEPALA:
        return anggota.filter(hubungan__in=[Hubungan.SUAMI, Hubungan.ISTRI]).order_by("tanggal_lahir").first()
    if jenazah.hubungan in (Hubungan.SUAMI, Hubungan.ISTRI):
        return anggota.filter(hubungan=Hubungan.KEPALA).first()
    return None


def _usulan_kepala(jenazah: Penduduk, pasangan: Penduduk | None) -> Penduduk | None:
    """Who could head the family after the head's death: the surviving spouse, else the oldest
    living member (the family decides; the KK request only proposes)."""
    if jenazah.hubungan != Hubungan.KEPALA:
        return None
    if pasangan is not None:
        return pasangan
    return (Penduduk.objects.filter(keluarga_id=jenazah.keluarga_id, status_hidup=Penduduk.StatusHidup.HIDUP)
            .exclude(pk=jenazah.pk).order_by("tanggal_lahir").first())


def penduduk_catat_kematian(*, kematian, register: RegisterAkta, oleh) -> Penduduk:
    """P.5.1 — a registered death marks the resident as deceased, makes the surviving spouse
    *cerai mati*, and opens the KK update that removes the deceased from the family card: in the
    name of the reporting person (pelapor), proposing a new head when the head died."""
    pencatatan = kematian.pencatatan
    jenazah = Penduduk.objects.select_for_update().get(pk=kematian.jenazah_id)
    pasangan = _pasangan_dari(jenazah)
    _register_ubah(penduduk=jenazah, perubahan={"status_hidup": Penduduk.StatusHidup.MENINGGAL,
                                                "tanggal_meninggal": kematian.tanggal_kematian},
                   sebab=pencatatan, oleh=oleh, alasan=f"Kematian, akta kematian {register.nomor_akta}")
    if pasangan is not None:
        _register_ubah(penduduk=pasangan, perubahan={"status_perkawinan": StatusPerkawinan.CERAI_MATI},
                       sebab=pencatatan, oleh=oleh,
                       alasan=f"Pasangan meninggal dunia, akta kematian {register.nomor_akta}")
    if jenazah.keluarga_id:
        alasan = (f"Pengurangan anggota keluarga: {jenazah.nama} (NIK {jenazah.nik}) meninggal dunia, "
                  f"akta kematian {register.nomor_akta}.")
        kepala = _usulan_kepala(jenazah, pasangan)
        if kepala is not None:
            alasan += f" Usulan kepala keluarga baru: {kepala.nama} (NIK {kepala.nik})."
        permohonan_kk_buka_perubahan(
            keluarga=jenazah.keluarga, oleh=pencatatan.dibuat_oleh, alasan=alasan,
            pemohon=SimpleNamespace(nik=pencatatan.pelapor_nik, nama=pencatatan.pelapor_nama),
        )
    return jenazah


def permohonan_kk_buka_perubahan(*, keluarga: Keluarga, alasan: str, oleh, pemohon=None):
    """Open the KK "perubahan data" request (P.4.1.2, apps.pendaftaran) a family needs after a
    civil-registry event: the one place capil reaches into pendaftaran.

    The request is taken in through pendaftaran's own intake service, in the name of the front
    office officer who took the civil-registry report (``oleh``; intake is theirs). The applicant
    is ``pemohon`` (anything with ``nik`` and ``nama``: the reporting person after a death, a
    spouse after a marriage), else the living family head; the reason is the first note of its
    timeline. If the catalogue has no active "KK perubahan data" service, the deed is still
    signed and the gap is logged: the family can file the KK change at the counter.
    """
    from apps.pendaftaran.models import AlasanLayanan, JenisDokumen, Layanan
    from apps.pendaftaran.services import permohonan_ajukan

    layanan = Layanan.objects.filter(dokumen=JenisDokumen.KK, alasan=AlasanLayanan.PERUBAHAN_DATA).first()
    if pemohon is None:
        kepala = keluarga.kepala
        hidup = keluarga.anggota.filter(status_hidup=Penduduk.StatusHidup.HIDUP)
        pemohon = kepala if kepala is not None and kepala.status_hidup == Penduduk.StatusHidup.HIDUP \
            else hidup.order_by("tanggal_lahir").first()
    if layanan is None or pemohon is None:
        log.warning("Permohonan KK perubahan data untuk KK %s tidak dibuka: layanan atau pemohon tidak ada.", keluarga.no_kk)
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
