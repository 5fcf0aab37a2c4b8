"""Writes of P.1.2.1.1 (surat keluar).

Every state change goes through ``apps.core.workflow.jalankan_aksi``; these services add what the
bare transition cannot do on its own: the agenda number (drawn in the transaction of the step, so a
refused step gives it back and the yearly sequence has no gap), the photo of the receipt, and the
signed PDF mailed once. ``buat_surat_keluar`` is how other processes (P.4.6 surat pengantar, P.5.8
keabsahan) put a letter in the tata usaha's and the kepala's hands.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from apps.core.models import Lampiran, RiwayatStatus, Urutan
from apps.core.workflow import AksiDitolak, catat_pembuatan, jalankan_aksi, jalankan_form

from .models import KlasifikasiArsip, SifatSurat, StatusSuratKeluar, SuratKeluar

KUNCI_AGENDA_KELUAR = "umum.surat_keluar"
# The Dinas' unit code in its letter numbers (as the portal's other letters: 470/…/423.112/2026).
KODE_UNIT = "423.112"


def surat_keluar_perintahkan(*, pengguna, data: dict) -> SuratKeluar:
    """P.1.2.1.1.1 — the kepala OPD orders a letter (to whom, about what, what it must say)."""
    with transaction.atomic():
        surat = SuratKeluar(**data, dibuat_oleh=pengguna)
        surat.save()
        catat_pembuatan(objek=surat, pengguna=pengguna, label="Surat keluar diperintahkan", catatan=surat.perintah)
    return surat


def buat_surat_keluar(
    *,
    hal: str,
    kepada: str,
    isi: str | Iterable[str],
    pengguna,
    klasifikasi: KlasifikasiArsip | str | None = None,
    sifat: str = SifatSurat.BIASA,
    lampiran: str = "",
    tembusan: Iterable[str] = (),
    asal_proses: str = "",
    perintah: str = "",
) -> SuratKeluar:
    """Create an outgoing letter drafted by another process, ready for the kepala's verification.

    For the surat pengantar of P.4.6 and the keabsahan letter of P.5.8: the calling process
    writes the draft (``isi``: the body, paragraphs separated by a blank line, or a list of
    paragraphs; ``kepada``: the addressee, one line per line; ``klasifikasi``: a
    ``KlasifikasiArsip`` or its code, e.g. ``"400.12.3"``), names itself in ``asal_proses`` (e.g.
    ``"P.5.8 · K7F3QX2MAB"``), and gets back a ``SuratKeluar`` in state ``diajukan``. From there
    it follows this process: the kadis approves (or returns it to the tata usaha) and signs it by
    TTE, the tata usaha numbers and sends it, and it is filed with its retention dates. Call it
    inside the caller's transaction if the letter must land with the caller's own step.
    """
    if isinstance(klasifikasi, str):
        klasifikasi = KlasifikasiArsip.objects.get(kode=klasifikasi)
    if not isinstance(isi, str):
        isi = "\n\n".join(p.strip() for p in isi if p and p.strip())
    if not (hal.strip() and kepada.strip() and isi.strip()):
        raise AksiDitolak("Surat keluar memerlukan hal, tujuan dan isi.")
    with transaction.atomic():
        surat = SuratKeluar(
            status=StatusSuratKeluar.DIAJUKAN, hal=hal.strip(), kepada=kepada.strip(), isi=isi.strip(),
            klasifikasi=klasifikasi, sifat=sifat, isi_lampiran=lampiran, tembusan="\n".join(tembusan),
            asal_proses=asal_proses[:60], perintah=perintah or f"Surat dari proses {asal_proses}".strip(),
            dibuat_oleh=pengguna,
        )
        surat.save()
        catat_pembuatan(objek=surat, pengguna=pengguna, label="Draf surat keluar diajukan",
                        catatan=f"Dibuat dari {asal_proses}" if asal_proses else "")
    return surat


def nomor_surat_keluar(*, klasifikasi: KlasifikasiArsip, urut: int, tahun: int) -> str:
    """The number as it is written: classification code / agenda serial / unit / year."""
    return f"{klasifikasi.kode}/{urut}/{KODE_UNIT}/{tahun}"


def _isi_nomor(objek: SuratKeluar) -> None:
    if objek.klasifikasi_id is None:
        raise AksiDitolak("Pilih kode klasifikasi arsip sebelum memberi nomor.")
    if objek.nomor_urut:
        return  # a letter keeps the number it was given
    tahun = timezone.localdate().year
    objek.tahun_agenda = tahun
    objek.nomor_urut = Urutan.berikutnya(KUNCI_AGENDA_KELUAR, tahun)
    objek.nomor_surat = nomor_surat_keluar(klasifikasi=objek.klasifikasi, urut=objek.nomor_urut, tahun=tahun)


def surat_keluar_beri_nomor(
    *, surat: SuratKeluar, pengguna, klasifikasi: KlasifikasiArsip | None = None, catatan: str = "",
    versi: int | None = None,
) -> RiwayatStatus:
    """P.1.2.1.1.5 — the tata usaha gives the agenda number: the next of the year's outgoing
    counter (``core.Urutan``), drawn in the transaction of the step so that nothing is skipped."""

    def isi(objek: SuratKeluar) -> None:
        if klasifikasi is not None:
            objek.klasifikasi = klasifikasi
        _isi_nomor(objek)

    return jalankan_aksi(objek=surat, aksi="beri_nomor", pengguna=pengguna, catatan=catatan, versi=versi,
                         sebelum_simpan=isi)


def surat_keluar_catat_terima(
    *, surat: SuratKeluar, pengguna, diterima_oleh: str, foto, diterima_pada: datetime | None = None,
    catatan: str = "", versi: int | None = None,
) -> RiwayatStatus:
    """P.1.2.1.1.6 — the caraka's proof of delivery; the photo is kept on the letter."""
    if not foto:
        raise AksiDitolak("Foto tanda terima wajib diunggah sebagai bukti.")
    with transaction.atomic():
        log = jalankan_aksi(
            objek=surat, aksi="catat_terima", pengguna=pengguna, catatan=catatan, versi=versi,
            data={"diterima_oleh": diterima_oleh.strip(), "diterima_pada": diterima_pada or timezone.now()},
        )
        Lampiran.simpan(objek=surat, berkas=foto, keterangan=f"Tanda terima — {diterima_oleh.strip()}",
                        oleh=pengguna, riwayat=log)
    return log


def surat_keluar_kirim_email(
    *, surat: SuratKeluar, pengguna, email_tujuan: str, catatan: str = "", versi: int | None = None
) -> RiwayatStatus:
    """P.1.2.1.1.6 — the signed PDF is mailed to the addressee (once, by the document job)."""
    from apps.dokumen.services import dokumen_kirim_email

    with transaction.atomic():
        log = jalankan_aksi(objek=surat, aksi="kirim_lewat_email", pengguna=pengguna, catatan=catatan, versi=versi,
                            data={"email_tujuan": email_tujuan})
        dokumen_kirim_email(dokumen=surat.dokumen_ttd(), email=email_tujuan)
    return log


# -- the kernel's layanan hooks -------------------------------------------------------------------
def aksi_beri_nomor(*, objek: SuratKeluar, pengguna, form) -> RiwayatStatus:
    # The ModelForm has already put the chosen code on the record.
    return jalankan_form(objek=objek, pengguna=pengguna, form=form, sebelum_simpan=_isi_nomor)


def aksi_setujui(*, objek: SuratKeluar, pengguna, form) -> RiwayatStatus:
    """P.1.2.1.1.3 — the kepala's own corrections are named on the timeline row of his approval."""
    diubah = [str(form.fields[f].label).lower() for f in form.changed_data if f in form._meta.fields]
    if diubah:
        catatan = form.cleaned_data.get("catatan", "")
        form.cleaned_data["catatan"] = f"Diperbaiki kepala dinas: {', '.join(diubah)}. {catatan}".strip()
    return jalankan_form(objek=objek, pengguna=pengguna, form=form)


def aksi_catat_terima(*, objek: SuratKeluar, pengguna, form) -> RiwayatStatus:
    d = form.cleaned_data
    return surat_keluar_catat_terima(
        surat=objek, pengguna=pengguna, diterima_oleh=d["diterima_oleh"], diterima_pada=d["diterima_pada"],
        foto=d.get("lampiran"), catatan=d.get("catatan", ""), versi=d.get("versi"),
    )


def aksi_kirim_email(*, objek: SuratKeluar, pengguna, form) -> RiwayatStatus:
    d = form.cleaned_data
    return surat_keluar_kirim_email(surat=objek, pengguna=pengguna, email_tujuan=d["email_tujuan"],
                                    catatan=d.get("catatan", ""), versi=d.get("versi"))
