"""Records of the kernel's test process (tests/kernel_app), filed through the kernel."""

from __future__ import annotations

from apps.core.workflow import catat_pembuatan, jalankan_aksi


def ajukan(*, oleh=None, nama="Warga", tenggat=None):
    from tests.kernel_app.models import Contoh

    objek = Contoh.objects.create(nama=nama, dibuat_oleh=oleh, tenggat=tenggat)
    catat_pembuatan(objek=objek, pengguna=oleh)
    return objek


def selesaikan(objek, *, fo, verifikator):
    jalankan_aksi(objek=objek, aksi="periksa", pengguna=fo)
    jalankan_aksi(objek=objek, aksi="verifikasi", pengguna=verifikator)
    return objek
