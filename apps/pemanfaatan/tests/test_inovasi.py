"""P.7.3 — an idea from any staff member through both methods to the public page."""

import pytest
from django.urls import reverse

from apps.pemanfaatan.models import Inovasi

from .factories import inovasi_ke

pytestmark = pytest.mark.django_db


def aksi(client, objek, nama, status=302, **data):
    objek.refresh_from_db()
    r = client.post(reverse("pemanfaatan:inovasi-aksi", args=[objek.pk, nama]), {"versi": objek.versi, **data})
    assert r.status_code == status, (nama, r.context["form"].errors if r.context and "form" in r.context else r)
    objek.refresh_from_db()
    return objek


def test_swakelola_with_a_returned_team_and_a_signed_sk(client, pengguna, kadis, passphrase,
                                                         django_capture_on_commit_callbacks):
    from apps.dokumen.models import Dokumen

    client.force_login(pengguna("petugas_fo"))
    r = client.post(reverse("pemanfaatan:inovasi-baru"), {"judul": "Antrean daring", "gagasan": "Ambil nomor dari rumah."})
    assert r.status_code == 302
    ide = Inovasi.objects.get()
    client.force_login(kadis.user)
    ide = aksi(client, ide, "disposisikan")
    admin = pengguna("admin_piak")
    client.force_login(admin)
    ide = aksi(client, ide, "kaji_swakelola", dasar_aturan="Permendagri 7/2019 sesuai", jenis_inovasi="Digital",
               cakupan="Semua loket")
    assert ide.status == "usulan_tim" and ide.metode == "swakelola"
    ide = aksi(client, ide, "ajukan_tim", anggota_tim="Budi — ketua")
    client.force_login(kadis.user)
    ide = aksi(client, ide, "kembalikan_tim", catatan="Libatkan operator SIAK.")
    client.force_login(admin)
    ide = aksi(client, ide, "ajukan_tim", anggota_tim="Budi — ketua\nRina — operator SIAK")
    client.force_login(kadis.user)
    with django_capture_on_commit_callbacks(execute=True):
        ide = aksi(client, ide, "tetapkan_tim", passphrase=passphrase)
    sk = Dokumen.untuk(ide).get()
    assert sk.jenis == "sk_tim_inovasi" and sk.status == Dokumen.Status.SELESAI
    client.force_login(admin)
    ide = aksi(client, ide, "ajukan_rancangan", rancangan="Kuota per jam; notifikasi WhatsApp.")
    client.force_login(kadis.user)
    ide = aksi(client, ide, "setujui_rancangan")
    client.force_login(admin)
    ide = aksi(client, ide, "sosialisasikan", deskripsi_publik="Ambil nomor antrean dari rumah.",
               cara_penggunaan="Buka laman antrean, pilih layanan dan jam.")
    assert ide.status == "disosialisasikan"
    client.logout()
    teks = client.get(reverse("pemanfaatan:inovasi-publik")).content.decode()
    assert "Antrean daring" in teks and "pilih layanan dan jam" in teks


def test_rekanan_checked_against_the_checklist(client, pengguna):
    ide = inovasi_ke("kajian")
    client.force_login(pengguna("admin_piak"))
    ide = aksi(client, ide, "kaji_rekanan", dasar_aturan="Sesuai", jenis_inovasi="Aplikasi", cakupan="Kota")
    assert ide.status == "pengadaan"
    ide = aksi(client, ide, "catat_pengadaan", kode_paket_spse="88001234", penyedia="CV Maju", nomor_kontrak="027/9/2026")
    ide = aksi(client, ide, "terima_tools")
    # An unchecked item keeps the tool from passing.
    ide = aksi(client, ide, "lulus_uji", status=400, uji_fungsi="on", uji_keamanan="on")
    assert ide.status == "uji_internal"
    ide = aksi(client, ide, "lulus_uji", uji_fungsi="on", uji_keamanan="on", uji_aksesibilitas="on",
               uji_dokumentasi="on")
    assert ide.status == "siap_sosialisasi" and all(ide.hasil_uji.values())
    teks = client.get(reverse("pemanfaatan:inovasi-publik")).content.decode()
    assert "Antrean daring" not in teks  # not public before sosialisasi


def test_only_staff_propose(client, pengguna):
    client.force_login(pengguna("pemohon"))
    assert client.get(reverse("pemanfaatan:inovasi-baru")).status_code == 403
