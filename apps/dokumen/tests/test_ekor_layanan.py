"""The kernel's service tail and generic intake, shown on a process that declares only its model,
its intake form and its document template (tests/kernel_app/surat_keterangan.py): no view, no URL,
no queue template of its own."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.core.ekor import spesifikasi_ekor
from apps.core.models import Lampiran, RiwayatStatus
from apps.core.urls import url_proses
from apps.core.workflow import aksi_model, model_proses
from apps.dokumen.models import Dokumen
from tests.kernel_app.surat_keterangan import SuratKeterangan

from .conftest import PASSPHRASE

pytestmark = pytest.mark.django_db

LABEL = "kernel_app.suratketerangan"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pindaian(nama="pindaian.pdf"):
    return SimpleUploadedFile(nama, PDF, content_type="application/pdf")


def isian(**lain):
    return {"nik": "3575014107900003", "nama": "SITI AMINAH", "alamat": "Jl. Hasanudin 5",
            "keperluan": "melamar pekerjaan", "email": "siti@contoh.id", **lain}


def aksi(client, objek, nama, **data):
    objek.refresh_from_db()
    return client.post(url_proses(SuratKeterangan, "aksi", objek.pk, nama), {"versi": objek.versi, "catatan": "", **data})


def test_the_tail_is_declared_once_in_the_kernel():
    """No app declares the tail's transitions itself: every process model that has them got them
    from apps.core.ekor."""
    for model in model_proses():
        for nama in ("tandatangani", "cetak", "cetakan_bagus", "cetakan_rusak", "serahkan", "kirim_email"):
            info = aksi_model(model).get(nama)
            if info is None or model._meta.app_label == "kernel_app" and model is not SuratKeterangan:
                continue
            assert info.custom.get("ekor"), f"{model._meta.label}.{nama} tidak berasal dari apps.core.ekor"
    for label in ("pendaftaran.PermohonanTanpaVerifikasi", "pendaftaran.PermohonanDenganVerifikasi",
                  "pendaftaran.PermohonanIntegrasi", "capil.PencatatanSipil"):
        from django.apps import apps

        assert spesifikasi_ekor(apps.get_model(label)) is not None, label


def test_the_example_process_is_small():
    """Model, intake form and document template of a whole process, in lines."""
    akar = Path(__file__).resolve().parents[3] / "tests" / "kernel_app"
    baris = sum(len(p.read_text().splitlines()) for p in (
        akar / "surat_keterangan.py", akar / "templates" / "kernel_app" / "dokumen" / "surat_keterangan.html"))
    assert baris < 150, baris


def test_intake_to_handover_through_the_kernels_pages(client, pengguna, kadis, tmp_path, django_capture_on_commit_callbacks):
    fo, verifikator, siak, ambil = (pengguna(k) for k in ("petugas_fo", "verifikator", "operator_siak", "operator_pengambilan"))
    client.force_login(fo)
    baru = reverse("core:proses-baru", args=[LABEL])
    halaman = client.get(baru)
    assert halaman.status_code == 200 and "KTP-el pemohon" in halaman.content.decode()

    # A rejected form keeps what was typed, with the message next to the field.
    r = client.post(baru, {**isian(keperluan=""), "kunci_idempoten": "k-1"})
    assert r.status_code == 400
    teks = r.content.decode()
    assert "Keperluan wajib diisi." in teks and 'value="SITI AMINAH"' in teks
    assert not SuratKeterangan.objects.exists()

    # A ticked requirement needs its scan.
    r = client.post(baru, {**isian(), "syarat_pengantar": "on", "kunci_idempoten": "k-2"})
    assert r.status_code == 400 and "Unggah pindaian persyaratan yang dicentang." in r.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(baru, {**isian(), "berkas_ktp": pindaian("ktp.pdf"), "kunci_idempoten": "k-3"})
    objek = SuratKeterangan.objects.get()
    assert r.status_code == 302 and r["Location"] == url_proses(SuratKeterangan, "detail", objek.pk)
    assert objek.saluran == "loket" and list(objek.berkas_persyaratan) == ["ktp"]
    assert [s.kunci for s in objek.persyaratan_kurang()] == ["pengantar"]
    assert Dokumen.untuk(objek).get().jenis == "tanda_terima"
    # The same form posted again (a retry after a timeout) gives the same request back.
    r = client.post(baru, {**isian(), "berkas_ktp": pindaian("ktp.pdf"), "kunci_idempoten": "k-3"})
    assert r.status_code == 302 and SuratKeterangan.objects.count() == 1

    # Queue and detail are the kernel's.
    assert objek.kode_lacak in client.get(url_proses(SuratKeterangan, "antrian")).content.decode()
    assert "Lengkapi berkas" not in client.get(url_proses(SuratKeterangan, "detail", objek.pk)).content.decode()

    # Returned, then completed with only what is missing offered.
    assert aksi(client, objek, "kembalikan", catatan="Surat pengantar RT belum ada").status_code == 302
    form = client.get(url_proses(SuratKeterangan, "aksi", objek.pk, "lengkapi")).content.decode()
    assert "Surat pengantar RT/RW (wajib, belum ada)" in form
    assert aksi(client, objek, "lengkapi").status_code == 400  # nothing uploaded
    assert aksi(client, objek, "lengkapi", berkas_pengantar=pindaian("rt.pdf")).status_code == 302
    objek.refresh_from_db()
    assert objek.status == "diajukan" and objek.persyaratan_kurang() == []
    assert Lampiran.objects.filter(object_id=objek.pk, keterangan="Surat pengantar RT/RW").exists()

    # Verification with a return to the front office, then verified.
    client.force_login(verifikator)
    assert aksi(client, objek, "minta_perbaikan", catatan="Alamat tidak sesuai KK").status_code == 302
    client.force_login(fo)
    assert aksi(client, objek, "lengkapi", berkas_lain=pindaian("kk.pdf")).status_code == 302
    client.force_login(verifikator)
    assert aksi(client, objek, "verifikasi").status_code == 302

    # TTE: returned once with a reason, then signed (and mailed).
    client.force_login(kadis.user)
    assert aksi(client, objek, "kembalikan_tte").status_code == 400  # a reason is required
    assert aksi(client, objek, "kembalikan_tte", catatan="Keperluan kurang jelas").status_code == 302
    client.force_login(verifikator)
    assert aksi(client, objek, "verifikasi").status_code == 302
    client.force_login(kadis.user)
    with django_capture_on_commit_callbacks(execute=True):
        assert aksi(client, objek, "tandatangani", passphrase=PASSPHRASE).status_code == 302
    objek.refresh_from_db()
    assert objek.status == "ditandatangani" and objek.pejabat == kadis.user and objek.ditandatangani_pada
    surat = Dokumen.untuk(objek).get(jenis="surat_keterangan_uji")
    out = tmp_path / "surat.pdf"
    out.write_bytes(surat.berkas.read())
    assert "Signature is Valid" in subprocess.run(["pdfsig", str(out)], capture_output=True, text=True).stdout

    # Print, a spoilt print counted and printed again, QC, handover.
    client.force_login(siak)
    assert aksi(client, objek, "cetak").status_code == 302
    client.force_login(ambil)
    assert aksi(client, objek, "cetakan_rusak", catatan="Tinta luntur").status_code == 302
    client.force_login(siak)
    assert aksi(client, objek, "cetak").status_code == 302
    client.force_login(ambil)
    assert aksi(client, objek, "cetakan_bagus").status_code == 302
    assert aksi(client, objek, "serahkan", penerima="SITI AMINAH").status_code == 302
    objek.refresh_from_db()
    assert (objek.status, objek.jumlah_cetak_ulang, objek.cara_penyerahan, objek.diserahkan_kepada) == (
        "selesai", 1, "fisik", "SITI AMINAH")
    langkah = list(RiwayatStatus.objects.filter(object_id=objek.pk, content_type__model="suratketerangan")
                   .values_list("aksi", flat=True))
    assert langkah == ["buat", "kembalikan", "lengkapi", "minta_perbaikan", "lengkapi", "verifikasi", "kembalikan_tte",
                       "verifikasi", "tandatangani", "cetak", "cetakan_rusak", "cetak", "cetakan_bagus", "serahkan"]


def test_handover_by_email_of_the_signed_pdf(client, pengguna, kadis, django_capture_on_commit_callbacks):
    from django.core import mail

    objek = SuratKeterangan.objects.create(nik="3575014107900003", nama="SITI", keperluan="uji", status="terverifikasi")
    client.force_login(kadis.user)
    with django_capture_on_commit_callbacks(execute=True):
        assert aksi(client, objek, "tandatangani", passphrase=PASSPHRASE).status_code == 302
    assert mail.outbox == []  # no address given at intake: nothing mailed at signing
    client.force_login(pengguna("operator_pengambilan"))
    assert aksi(client, objek, "kirim_email", email="bukan-email").status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        assert aksi(client, objek, "kirim_email", email="siti@contoh.id").status_code == 302
    objek.refresh_from_db()
    assert (objek.status, objek.cara_penyerahan, objek.email) == ("selesai", "email", "siti@contoh.id")
    assert [m.to for m in mail.outbox] == [["siti@contoh.id"]] and mail.outbox[0].attachments


def test_online_intake_by_the_citizen(client, pengguna):
    warga = pengguna("pemohon")
    client.force_login(warga)
    baru = reverse("core:proses-baru", args=[LABEL])
    halaman = client.get(baru).content.decode()
    assert "Cari di register" not in halaman  # a citizen does not read the register
    r = client.post(baru, {**isian(), "berkas_ktp": pindaian(), "kunci_idempoten": "d-1"})
    objek = SuratKeterangan.objects.get()
    assert r.status_code == 200 and objek.kode_lacak in r.content.decode() and objek.pin in r.content.decode()
    assert objek.saluran == "daring" and objek.dibuat_oleh == warga
    # The citizen follows it on the public status page, not on staff pages.
    assert client.get(url_proses(SuratKeterangan, "detail", objek.pk)).status_code == 403
    assert client.post(reverse("core:cari-nik"), {"nik": "3575014107900003"}).status_code == 403


def test_intake_is_refused_to_roles_without_a_channel(client, pengguna):
    client.force_login(pengguna("verifikator"))
    assert client.get(reverse("core:proses-baru", args=[LABEL])).status_code == 403
    assert client.post(reverse("core:proses-baru", args=[LABEL]), isian()).status_code == 403
    assert not SuratKeterangan.objects.exists()


def test_register_lookup_fills_the_identity(client, pengguna):
    from apps.capil.tests.factories import keluarga_baru

    keluarga, p, _ = keluarga_baru()
    client.force_login(pengguna("petugas_fo"))
    data = client.post(reverse("core:cari-nik"), {"nik": p.nik}).json()
    assert data["ditemukan"] and data["isian"]["nama"] == p.nama and data["isian"]["no_kk"] == keluarga.no_kk
    assert client.post(reverse("core:cari-nik"), {"nik": "0000000000000000"}).json() == {"ditemukan": False}
    assert client.get(reverse("core:cari-nik")).status_code == 405


def test_generic_routes_serve_only_processes_without_urls(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    assert client.get(reverse("core:proses-antrian", args=["pendaftaran.permohonantanpaverifikasi"])).status_code == 404
    assert client.get(reverse("core:proses-antrian", args=["penduduk.penduduk"])).status_code == 404
    assert client.get(reverse("core:proses-antrian", args=["tidak.ada"])).status_code == 404
    assert client.get(reverse("core:proses-antrian", args=[LABEL])).status_code == 200
