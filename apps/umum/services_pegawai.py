"""Writes of P.1.3.1 (kenaikan pangkat, cuti, pensiun)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from apps.core.models import Lampiran
from apps.core.workflow import AksiDitolak, catat_pembuatan, jalankan_form

from .models import JenisCuti, JenisUsulan, UsulanKepegawaian, saldo_cuti_tahunan


def _periksa_saldo(usulan: UsulanKepegawaian) -> None:
    """The balance again, under a lock on the employee's row: two requests sent at once cannot
    both spend the same days (the form's check ran without a lock)."""
    if usulan.jenis != JenisUsulan.CUTI or usulan.jenis_cuti != JenisCuti.TAHUNAN or not usulan.tanggal_mulai:
        return
    get_user_model().objects.select_for_update().filter(pk=usulan.pegawai_id).first()
    saldo = saldo_cuti_tahunan(usulan.pegawai, usulan.tanggal_mulai.year, kecuali=usulan, pada=usulan.tanggal_mulai)
    if saldo.belum_berhak:
        raise AksiDitolak(f"Cuti tahunan baru dapat diambil setelah 1 tahun bekerja, mulai {saldo.berhak_mulai:%d-%m-%Y}.")
    if (usulan.lama_hari or 0) > saldo.sisa:
        raise AksiDitolak(f"Sisa cuti tahunan {saldo.tahun} tinggal {saldo.sisa} hari kerja.")


def usulan_ajukan(*, pegawai, data: dict, lama_hari: int | None = None, berkas=None) -> UsulanKepegawaian:
    """P.1.3.1.1 — an employee submits a request (the form has checked the leave balance)."""
    with transaction.atomic():
        usulan = UsulanKepegawaian(**data, pegawai=pegawai, lama_hari=lama_hari, dibuat_oleh=pegawai)
        _periksa_saldo(usulan)
        usulan.save()
        log = catat_pembuatan(objek=usulan, pengguna=pegawai, label="Usulan diajukan")
        if berkas:
            Lampiran.simpan(objek=usulan, berkas=berkas, keterangan="Dokumen pendukung", oleh=pegawai, riwayat=log)
    return usulan


def aksi_lengkapi(*, objek: UsulanKepegawaian, pengguna, form):
    """The employee completes the request; the leave days are counted again for the new dates."""

    def hitung(obj: UsulanKepegawaian) -> None:
        if form.lama_hari is not None:
            obj.lama_hari = form.lama_hari
        _periksa_saldo(obj)

    return jalankan_form(objek=objek, pengguna=pengguna, form=form, sebelum_simpan=hitung)
