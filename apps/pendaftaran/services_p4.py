"""Services of P.4.2–P.4.5: the blangko register and the steps of P.4.3.1 with consequences."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from apps.core.workflow import AksiDitolak, jalankan_aksi

from .models.blangko import JenisBlangko, MutasiBlangko, StokBlangko

PESAN_STOK_HABIS = (
    "Stok blangko KTP-el habis (0 keping): KTP-el tidak dapat dicetak. Catat penerimaan blangko baru di "
    "register blangko, lalu ulangi cetak."
)


def blangko_terima(*, jumlah: int, oleh=None, keterangan: str = "", jenis: str = JenisBlangko.KTP_EL) -> StokBlangko:
    """Cards received (from Ditjen Dukcapil): the stock goes up, the delivery is logged."""
    if jumlah <= 0:
        raise AksiDitolak("Jumlah blangko yang diterima harus lebih dari 0.")
    with transaction.atomic():
        StokBlangko.objects.get_or_create(jenis=jenis)
        stok = StokBlangko.objects.select_for_update().get(jenis=jenis)
        stok.stok = F("stok") + jumlah
        stok.save(update_fields=["stok"])
        MutasiBlangko.objects.create(jenis=jenis, gerak=MutasiBlangko.Gerak.TERIMA, jumlah=jumlah, oleh=oleh,
                                     keterangan=keterangan[:200])
    stok.refresh_from_db()
    return stok


def blangko_ambil(*, perekaman, oleh=None, jenis: str = JenisBlangko.KTP_EL) -> MutasiBlangko:
    """One card for one print, inside the caller's transaction. The stock row is locked first, so
    concurrent printers queue on it and the last card goes to exactly one of them. A print after a
    spoiled one (a reprint) is logged as spoiled."""
    stok = StokBlangko.objects.select_for_update().filter(jenis=jenis).first()
    if stok is None or stok.stok <= 0:
        raise AksiDitolak(PESAN_STOK_HABIS)
    StokBlangko.objects.filter(pk=stok.pk).update(stok=F("stok") - 1)
    from .models.perekaman_lansia import PerekamanLansia

    kolom = "perekaman_lansia" if isinstance(perekaman, PerekamanLansia) else "perekaman"
    ulang = MutasiBlangko.objects.filter(**{kolom: perekaman}).exists()
    gerak = MutasiBlangko.Gerak.RUSAK if ulang else MutasiBlangko.Gerak.PAKAI
    return MutasiBlangko.objects.create(jenis=jenis, gerak=gerak, jumlah=1, oleh=oleh, **{kolom: perekaman},
                                        keterangan="Cetak ulang (hasil cetak rusak)" if ulang else "Cetak KTP-el")


def perekaman_cetak(*, objek, pengguna, form):
    """P.4.3.1 cetak: a card from the register, then the kernel's print, in one transaction (no
    card is taken when the print is refused, no print happens without a card)."""
    from apps.dokumen.services import aksi_cetak

    with transaction.atomic():
        blangko_ambil(perekaman=objek, oleh=pengguna)
        return aksi_cetak(objek=objek, pengguna=pengguna, form=form)


def perekaman_alihkan(*, objek, pengguna, form):
    """P.4.3.1, NIK not in the register: a P.6.2 case is opened for the citizen and this request
    closes as redirected, its note carrying the case's tracking code (shown on the status page)."""
    from apps.piak.models.pengaduan import JenisPengaduan, Saluran
    from apps.piak.services import buka_pengaduan

    with transaction.atomic():
        kasus = buka_pengaduan(
            saluran=Saluran.REKAM, jenis=JenisPengaduan.INFORMASI, nama=objek.nama, nik=objek.nik, email=objek.email,
            telepon=objek.telepon, pengguna=pengguna, asal=objek,
            isi=(f"Perekaman KTP-el: NIK {objek.nik} tidak ditemukan dalam database kependudukan. Mohon "
                 "penelusuran data dan informasi langkah yang harus ditempuh pemohon."),
        )
        return jalankan_aksi(
            objek=objek, aksi="alihkan_pengaduan", pengguna=pengguna, versi=form.cleaned_data.get("versi"),
            catatan=(f"NIK tidak ditemukan. Dialihkan ke layanan informasi dan pengaduan, kode lacak "
                     f"{kasus.kode_lacak}. {form.cleaned_data.get('catatan', '')}").strip(),
            data={"kode_pengaduan": kasus.kode_lacak},
        )


def luar_negeri_terapkan(*, objek, oleh=None) -> None:
    """P.4.4, at signing: the register follows the SKPLN/SKDLN through the audited services."""
    from django.core.exceptions import ValidationError

    from apps.penduduk.models import Keluarga, Penduduk
    from apps.penduduk.services import keluarga_keluarkan_anggota, keluarga_tambah_anggota, penduduk_ubah

    from .models.luar_negeri import JenisLN

    penduduk = Penduduk.objects.filter(nik=objek.nik).first()
    if objek.jenis == JenisLN.SKPLN:
        if penduduk is None:
            raise AksiDitolak(f"NIK {objek.nik} tidak ada dalam database kependudukan; SKPLN tidak dapat diterbitkan.")
        alasan = f"Pindah ke luar negeri ({objek.negara}), SKPLN {objek.kode_lacak}"
        if penduduk.keluarga_id:
            keluarga_keluarkan_anggota(penduduk=penduduk, sebab=objek, oleh=oleh, alasan=alasan)
            penduduk.refresh_from_db()
        penduduk_ubah(penduduk=penduduk, perubahan={"tanggal_pindah": objek.tanggal_pindah},
                      sebab=objek, oleh=oleh, alasan=alasan)
        return
    # SKDLN: reinstated (moved out earlier) or back on a KK of the city.
    if penduduk is None:
        raise AksiDitolak(
            f"NIK {objek.nik} belum ada dalam database kependudukan. Datang dari luar negeri tanpa data di SIAK "
            "diproses sebagai penerbitan biodata (P.4.5) lebih dulu."
        )
    alasan = f"Datang dari luar negeri ({objek.negara}), SKDLN {objek.kode_lacak}"
    penduduk_ubah(penduduk=penduduk, perubahan={"tanggal_pindah": None}, sebab=objek, oleh=oleh, alasan=alasan)
    if objek.no_kk_tujuan:
        keluarga = Keluarga.objects.filter(no_kk=objek.no_kk_tujuan).first()
        if keluarga is None:
            raise AksiDitolak(f"No. KK tujuan {objek.no_kk_tujuan} tidak ada dalam database kependudukan.")
        if penduduk.keluarga_id != keluarga.pk:
            try:
                keluarga_tambah_anggota(keluarga=keluarga, penduduk=penduduk, hubungan=penduduk.hubungan or "famili",
                                        sebab=objek, oleh=oleh, alasan=alasan)
            except ValidationError as exc:
                raise AksiDitolak("; ".join(exc.messages)) from exc


def luar_negeri_tandatangani(*, objek, pengguna, form):
    """P.4.4 TTE: the register change and the signature in one transaction (a wrong passphrase
    changes nothing)."""
    from apps.dokumen.services import aksi_tandatangani

    with transaction.atomic():
        luar_negeri_terapkan(objek=objek, oleh=pengguna)
        return aksi_tandatangani(objek=objek, pengguna=pengguna, form=form)


def biodata_berita_acara(*, objek, pengguna, form):
    """P.4.5, data unclear: the step, and the berita acara pendataan (PDF) in the same transaction."""
    from apps.core.workflow import jalankan_form
    from apps.dokumen.services import dokumen_terbitkan

    with transaction.atomic():
        log = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        dokumen_terbitkan(objek=objek, jenis="berita_acara_pendataan", oleh=pengguna)
    return log


def biodata_terbitkan(*, objek, pengguna, form):
    """P.4.5, valid: the resident enters the register with the NIK SIAK issued (audited, the
    request as cause), then a P.4.3.1 recording request is opened for the person."""
    from django.core.exceptions import ValidationError

    from apps.core.workflow import catat_pembuatan, jalankan_form
    from apps.penduduk.services import penduduk_buat

    from .models.perekaman import PerekamanKTP

    nik = form.cleaned_data["nik"]
    with transaction.atomic():
        try:
            penduduk = penduduk_buat(sebab=objek, oleh=pengguna, alasan=f"Biodata penduduk rentan {objek.kode_lacak}", data={
                "nik": nik, "nama": objek.nama, "tempat_lahir": objek.tempat_lahir, "tanggal_lahir": objek.tanggal_lahir,
                "jenis_kelamin": objek.jenis_kelamin, "agama": objek.agama, "status_perkawinan": objek.status_perkawinan,
                "pekerjaan": objek.pekerjaan, "alamat": objek.alamat, "rt": objek.rt, "rw": objek.rw,
                "kelurahan": objek.kelurahan,
            })
        except ValidationError as exc:
            raise AksiDitolak("; ".join(exc.messages)) from exc
        objek.penduduk = penduduk
        rekam = PerekamanKTP.objects.create(nik=nik, nama=objek.nama)
        catat_pembuatan(objek=rekam, pengguna=pengguna)
        objek.perekaman = rekam
        return jalankan_form(objek=objek, pengguna=pengguna, form=form)
