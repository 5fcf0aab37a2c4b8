"""Writes of P.1.3.1 (kenaikan pangkat, cuti, pensiun)."""

from __future__ import annotations

from django.db import transaction

from apps.core.models import Lampiran
from apps.core.workflow import catat_pembuatan, jalankan_form

from .models import UsulanKepegawaian


def usulan_ajukan(*, pegawai, data: dict, lama_hari: int | None = None, berkas=None) -> UsulanKepegawaian:
    """P.1.3.1.1 — an employee submits a request (the form has checked the leave balance)."""
    with transaction.atomic():
        usulan = UsulanKepegawaian(**data, pegawai=pegawai, lama_hari=lama_hari, dibuat_oleh=pegawai)
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

    return jalankan_form(objek=objek, pengguna=pengguna, form=form, sebelum_simpan=hitung)
