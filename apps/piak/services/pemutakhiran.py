"""P.6.3 services: the request, the ADB's change through the register's audited service, and the
resident told once the result matches the request."""

from __future__ import annotations

from django.db import transaction

from apps.core.models import Lampiran, RiwayatStatus
from apps.core.workflow import AksiDitolak, catat_pembuatan, jalankan_form

from ..models import PemutakhiranData
from .pemberitahuan import pemberitahuan_buat
from .pengaduan import url_status


def pemutakhiran_ajukan(*, penduduk, perubahan: dict, pengguna, email: str = "", keterangan: str = "",
                        berkas=None) -> PemutakhiranData:
    """P.6.3 — a request for a biodata update, taken in at the front office."""
    with transaction.atomic():
        objek = PemutakhiranData.objects.create(
            penduduk=penduduk, nik=penduduk.nik, nama=penduduk.nama, email=email, perubahan_diminta=perubahan,
            keterangan=keterangan, dibuat_oleh=pengguna,
        )
        if berkas:
            Lampiran.simpan(objek=objek, berkas=berkas, keterangan="Dokumen pendukung", oleh=pengguna)
        catat_pembuatan(objek=objek, pengguna=pengguna)
    return objek


def aksi_mutakhirkan(*, objek: PemutakhiranData, pengguna, form) -> RiwayatStatus:
    """P.6.3 — the ADB updates the register: each field old → new through ``penduduk_ubah``
    (audited, caused by this request), and the SIAK reference, in one transaction."""
    from django.core.exceptions import ValidationError

    from apps.penduduk.services import penduduk_ubah

    def ubah(o):
        try:
            o.riwayat_register = penduduk_ubah(penduduk=o.penduduk, perubahan=o.nilai_baru(), sebab=o, oleh=pengguna,
                                               alasan=f"P.6.3 {o.kode_lacak}; SIAK {o.referensi_siak}")
        except ValidationError as exc:
            raise AksiDitolak("Data tidak dapat disimpan ke register: " + "; ".join(exc.messages)) from exc

    return jalankan_form(objek=objek, pengguna=pengguna, form=form, sebelum_simpan=ubah)


def aksi_sesuai(*, objek: PemutakhiranData, pengguna, form) -> RiwayatStatus:
    """P.6.3 — the result matches the request: the resident is told (email, status page)."""
    with transaction.atomic():
        log = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        pemberitahuan_buat(template="pemutakhiran_selesai", email=objek.email,
                           konteks={"objek": objek, "url_status": url_status(objek)})
    return log
