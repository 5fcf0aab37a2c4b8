"""Writes of P.1.2.1.2 (surat masuk) and P.1.2.2 (kearsipan).

Every state change goes through ``apps.core.workflow.jalankan_aksi``; the services here add what
the bare transition cannot do on its own record: the agenda number and the scan at entry, the
targets of a disposition, the receipt photo and the letter's completion after the last receipt.
The ``aksi_*`` functions are the kernel's ``layanan`` hooks: they unpack the action form and call
the service.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from apps.core.models import Lampiran, RiwayatStatus, Urutan
from apps.core.workflow import AksiDitolak, catat_pembuatan, jalankan_aksi

from .models import Disposisi, KlasifikasiArsip, SuratMasuk

KUNCI_AGENDA = "umum.surat_masuk"


def surat_masuk_catat(*, data: dict, pindaian, pengguna) -> SuratMasuk:
    """P.1.2.1.2 — the tata usaha enters a letter: it gets the next agenda number of the year
    (gap-free: a failed entry gives its number back) and its scan is kept as an attachment."""
    with transaction.atomic():
        tahun = timezone.localdate().year
        surat = SuratMasuk(**data, tahun_agenda=tahun, nomor_agenda=Urutan.berikutnya(KUNCI_AGENDA, tahun),
                           dibuat_oleh=pengguna)
        surat.save()
        log = catat_pembuatan(objek=surat, pengguna=pengguna, label="Surat masuk diagendakan",
                              catatan=f"Nomor agenda {surat.agenda}")
        Lampiran.simpan(objek=surat, berkas=pindaian, keterangan="Pindaian surat", oleh=pengguna, riwayat=log)
    return surat


def surat_masuk_disposisikan(
    *,
    surat: SuratMasuk,
    pengguna,
    instruksi: Iterable[str] = (),
    instruksi_lain: str = "",
    batas_waktu: date,
    tujuan_jabatan: Iterable[str] = (),
    tujuan_pengguna: Iterable = (),
    catatan: str = "",
    versi: int | None = None,
    lampiran=(),
) -> RiwayatStatus:
    """P.1.2.1.2 — the kepala OPD disposes the letter: instruction, due date and one ``Disposisi``
    per target (a position or a person), all in the transaction of the state change."""
    tujuan_jabatan = list(dict.fromkeys(tujuan_jabatan))
    tujuan_pengguna = list(dict.fromkeys(tujuan_pengguna))
    if not tujuan_jabatan and not tujuan_pengguna:
        raise AksiDitolak("Pilih sekurang-kurangnya satu tujuan disposisi.")
    if not list(instruksi) and not instruksi_lain.strip():
        raise AksiDitolak("Pilih atau tuliskan instruksi disposisi.")
    with transaction.atomic():
        log = jalankan_aksi(
            objek=surat, aksi="disposisikan", pengguna=pengguna, catatan=catatan, versi=versi, lampiran=lampiran,
            data={"instruksi": list(instruksi), "instruksi_lain": instruksi_lain.strip(), "batas_waktu": batas_waktu},
        )
        baru = [Disposisi(surat=surat, jabatan=kode, tenggat=batas_waktu, dibuat_oleh=pengguna) for kode in tujuan_jabatan]
        baru += [Disposisi(surat=surat, pengguna=u, tenggat=batas_waktu, dibuat_oleh=pengguna) for u in tujuan_pengguna]
        for d in baru:
            d.save()
            catat_pembuatan(objek=d, pengguna=pengguna, label="Disposisi diterbitkan", catatan=catatan)
    return log


def disposisi_terima(
    *,
    disposisi: Disposisi,
    pengguna,
    diterima_oleh: str,
    diterima_pada: datetime | None = None,
    tanda_terima=None,
    catatan: str = "",
    versi: int | None = None,
) -> RiwayatStatus:
    """P.1.2.1.2 — the caraka records that one target received the letter (who, when, and a photo
    of the signed receipt if taken). After the last target the letter is delivered."""
    with transaction.atomic():
        # The letter row is locked so that two receipts recorded at once cannot both miss
        # being the last one.
        surat = SuratMasuk.objects.select_for_update().get(pk=disposisi.surat_id)
        disposisi.surat = surat
        lampiran_baru: list[Lampiran] = []

        def simpan_tanda_terima(objek: Disposisi) -> None:
            if tanda_terima:
                # Kept on the letter, so that whoever reads the letter sees every receipt.
                lampiran = Lampiran.simpan(objek=surat, berkas=tanda_terima, oleh=pengguna,
                                           keterangan=f"Tanda terima — {objek.tujuan_label}")
                objek.tanda_terima = lampiran
                lampiran_baru.append(lampiran)

        log = jalankan_aksi(
            objek=disposisi, aksi="terima", pengguna=pengguna, catatan=catatan, versi=versi,
            data={"diterima_oleh": diterima_oleh, "diterima_pada": diterima_pada or timezone.now()},
            sebelum_simpan=simpan_tanda_terima,
        )
        Lampiran.objects.filter(pk__in=[x.pk for x in lampiran_baru]).update(riwayat=log)
        if surat.semua_tujuan_menerima():
            jalankan_aksi(objek=surat, aksi="selesai_antar", pengguna=pengguna,
                          catatan="Semua tujuan disposisi telah menerima surat.")
    return log


def surat_masuk_arsipkan(
    *, surat: SuratMasuk, pengguna, klasifikasi: KlasifikasiArsip, lemari: str, laci: str, map: str,
    catatan: str = "", versi: int | None = None,
) -> RiwayatStatus:
    """P.1.2.2 — the tata usaha classifies the letter and records where it is filed; the
    retention dates follow from the code (outside a form, e.g. imports and demo data)."""

    def isi(objek: SuratMasuk) -> None:
        objek.klasifikasi, objek.lemari, objek.laci, objek.map = klasifikasi, lemari, laci, map

    return jalankan_aksi(objek=surat, aksi="arsipkan", pengguna=pengguna, catatan=catatan, versi=versi,
                         sebelum_simpan=isi)


# -- the kernel's layanan hooks (custom={"layanan": ...} on the transitions) ----------------------

def aksi_disposisikan(*, objek: SuratMasuk, pengguna, form) -> RiwayatStatus:
    d = form.cleaned_data
    return surat_masuk_disposisikan(
        surat=objek, pengguna=pengguna, instruksi=d["instruksi"], instruksi_lain=d["instruksi_lain"],
        batas_waktu=d["batas_waktu"], tujuan_jabatan=d["tujuan_jabatan"], tujuan_pengguna=d["tujuan_pengguna"],
        catatan=d.get("catatan", ""), versi=d.get("versi"), lampiran=form.daftar_lampiran(),
    )


def aksi_terima(*, objek: Disposisi, pengguna, form) -> RiwayatStatus:
    d = form.cleaned_data
    return disposisi_terima(
        disposisi=objek, pengguna=pengguna, diterima_oleh=d["diterima_oleh"], diterima_pada=d["diterima_pada"],
        tanda_terima=d.get("lampiran"), catatan=d.get("catatan", ""), versi=d.get("versi"),
    )

