"""PIAK records brought to any state through the services, as the staff would."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.core.workflow import jalankan_aksi
from apps.piak.models import Pengaduan, Saluran
from apps.piak.services import buka_pengaduan, pengaduan_buka_ulang


def berkas_png(nama: str = "layar.png", ukuran: int = 4) -> SimpleUploadedFile:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (ukuran, ukuran), "white").save(buf, format="PNG")
    return SimpleUploadedFile(nama, buf.getvalue(), content_type="image/png")


def pengaduan_baru(**ubah) -> Pengaduan:
    data = {"saluran": Saluran.WEB, "nama": "Siti Aminah", "nik": "3575014107900003", "email": "siti@contoh.id",
            "telepon": "081234567890", "isi": "KTP-el saya belum jadi sejak dua bulan lalu, mohon informasinya."}
    data.update(ubah)
    return buka_pengaduan(**data)


def pengaduan_ke(status: str, pengguna, **ubah) -> Pengaduan:
    """A case in ``status``; ``pengguna(kode)`` gives a user holding role ``kode``."""
    objek = pengaduan_baru(**ubah)
    admin = pengguna("admin_piak")
    if status == "diterima":
        return objek
    if status == "ditutup":
        jalankan_aksi(objek=objek, aksi="tolak", pengguna=admin, catatan="Bukan urusan adminduk.")
        return objek
    if status in ("diteruskan", "dijawab_bidang"):
        jalankan_aksi(objek=objek, aksi="teruskan", pengguna=admin,
                      sebelum_simpan=lambda o: _isi(o, bidang="dafduk", tenggat_bidang=timezone.localdate()))
        if status == "dijawab_bidang":
            jalankan_aksi(objek=objek, aksi="jawab_bidang", pengguna=pengguna("bidang_teknis"),
                          sebelum_simpan=lambda o: _isi(o, jawaban_bidang="Sudah dicetak, silakan ambil."))
        return objek
    jalankan_aksi(objek=objek, aksi="jawab", pengguna=admin,
                  sebelum_simpan=lambda o: _isi(o, jawaban="KTP-el Anda sudah dapat diambil di loket 3."))
    if status == "dibuka_ulang":
        pengaduan_buka_ulang(objek=objek, alasan="Petugas loket bilang belum ada.")
        objek.refresh_from_db()
    assert objek.status == status, (objek.status, status)
    return objek


def _isi(objek, **nilai) -> None:
    for k, v in nilai.items():
        setattr(objek, k, v)
