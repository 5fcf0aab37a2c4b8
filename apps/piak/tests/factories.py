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


def penyedia(**ubah):
    from apps.piak.models import Penyedia

    data = {"nama": "PT Jaringan Nusantara", "jenis": "provider", "kontak": "Andi", "telepon": "0343-421999",
            "email": "noc@jaringan.id"}
    data.update(ubah)
    return Penyedia.objects.create(**data)


def insiden_ke(status: str, pengguna, *, pelapor=None, objek=None):
    """An incident in ``status`` (central, unless it is handed hardware), built through the steps."""
    from datetime import timedelta

    from apps.piak.services.insiden import aksi_pulih, insiden_lapor

    pejabat = pengguna("pejabat_piak")
    if objek is None:
        pelapor = pelapor or pengguna("operator_siak")
        objek = insiden_lapor(pengguna=pelapor, layanan="siak", gejala="SIAK lambat sekali.",
                              sejak=timezone.now() - timedelta(hours=2))
    langkah = {
        "ditangani_lokal": [("klasifikasi_lokal", {"penyedia": penyedia()})],
        "ditangani_pusat": [("klasifikasi_pusat", {"nomor_tiket_pusat": "HD-1"})],
        "diperiksa": [("klasifikasi_pusat", {"nomor_tiket_pusat": "HD-1"}), ("catat_jawaban_pusat", {"jawaban_pusat": "OK"})],
    }
    langkah["menunggu_konfirmasi"] = [*langkah["diperiksa"], ("pulih", {})]
    langkah["selesai"] = [*langkah["menunggu_konfirmasi"], ("konfirmasi", {})]
    for aksi, nilai in langkah.get(status, []):
        if objek.status == status:
            break
        if aksi == "konfirmasi":
            jalankan_aksi(objek=objek, aksi=aksi, pengguna=objek.dibuat_oleh)
            continue
        if aksi == "pulih":
            from apps.core.forms import AksiForm
            from apps.core.workflow import ambil_aksi

            form = AksiForm({"versi": objek.versi}, aksi=ambil_aksi(objek, "pulih"), objek=objek)
            assert form.is_valid()
            aksi_pulih(objek=objek, pengguna=pejabat, form=form)
            continue
        jalankan_aksi(objek=objek, aksi=aksi, pengguna=pejabat, sebelum_simpan=lambda o, n=nilai: _isi(o, **n))
    assert objek.status == status, (objek.status, status)
    return objek


def penduduk_contoh():
    from apps.penduduk.models import Penduduk
    from apps.penduduk.sintetis import register_buat

    if not Penduduk.objects.exists():
        register_buat(jumlah=3, seed=613)
    return Penduduk.objects.order_by("pk").first()


def pemutakhiran_ke(status: str, pengguna, *, penduduk=None, email="warga@contoh.id"):
    """A P.6.3 request in ``status``, asking for a new occupation."""
    from apps.piak.services.pemutakhiran import aksi_mutakhirkan, pemutakhiran_ajukan

    penduduk = penduduk or penduduk_contoh()
    fo = pengguna("petugas_fo")
    objek = pemutakhiran_ajukan(penduduk=penduduk, perubahan={"pekerjaan": f"PERAWAT {penduduk.pk}"}, pengguna=fo,
                                email=email)
    if status == "diajukan":
        return objek
    if status == "dikembalikan":
        jalankan_aksi(objek=objek, aksi="kembalikan", pengguna=fo, catatan="Bawa surat keterangan kerja.")
        return objek
    jalankan_aksi(objek=objek, aksi="lengkap", pengguna=fo)
    if status in ("dimutakhirkan", "selesai"):
        from apps.core.forms import AksiModelForm  # noqa: F401
        from apps.core.workflow import ambil_aksi
        from apps.piak.forms_pemutakhiran import MutakhirkanForm

        form = MutakhirkanForm({"versi": objek.versi, "referensi_siak": "SIAK-613"}, instance=objek,
                               aksi=ambil_aksi(objek, "mutakhirkan"), objek=objek)
        assert form.is_valid(), form.errors
        aksi_mutakhirkan(objek=objek, pengguna=pengguna("adb"), form=form)
    if status == "selesai":
        jalankan_aksi(objek=objek, aksi="sesuai", pengguna=pengguna("pejabat_piak"))
    assert objek.status == status, (objek.status, status)
    return objek
