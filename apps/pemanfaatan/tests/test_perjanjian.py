"""P.7.1 — both branches through the kernel's pages, the register, the public list, expiry."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from apps.core.models import Lampiran
from apps.pemanfaatan.models import PeringatanKedaluwarsa, PerjanjianData
from apps.pemanfaatan.services import peringatan_jalankan

from .factories import berkas_pdf, perjanjian_ke

pytestmark = pytest.mark.django_db


def aksi(client, p, nama, **data):
    p.refresh_from_db()
    r = client.post(reverse("pemanfaatan:perjanjiandata-aksi", args=[p.pk, nama]), {"versi": p.versi, **data})
    assert r.status_code == 302, (nama, r.context["form"].errors if r.context and "form" in r.context else r)
    p.refresh_from_db()
    return p


def catat(client, pengguna, **ubah):
    client.force_login(pengguna("admin_piak"))
    data = {"nama_lembaga": "RSUD dr. R. Soedarsono", "jenis_lembaga": "bawah_walikota",
            "alamat_lembaga": "Jl. Dr. Wahidin 4", "kontak_lembaga": "dr. Rina, 0343-421111",
            "tujuan": "Verifikasi identitas pasien BPJS", "elemen_data": ["nik", "nama", "ttl"],
            "hak_akses": ["verifikasi_nik"], "dasar_hukum": "Permendagri Nomor 102 Tahun 2019",
            "surat_permohonan": berkas_pdf()}
    data.update(ubah)
    r = client.post(reverse("pemanfaatan:perjanjian-baru"), data)
    assert r.status_code == 302, r.context["form"].errors
    return PerjanjianData.objects.latest("pk")


def tanda_tangan_dan_serahkan(client, pengguna, p, kadis, passphrase, jalankan_commit):
    hari_ini = timezone.localdate()
    p = aksi(client, p, "sesuaikan_pks", nomor_pks="470/12/PKS/2026", elemen_data=["nik", "nama"],
             hak_akses=["verifikasi_nik"], tanggal_mulai=hari_ini.isoformat(),
             tanggal_berakhir=(hari_ini + timedelta(days=3 * 365)).isoformat())
    assert p.status == "penandatanganan"
    p = aksi(client, p, "ttd_mitra", penandatangan="Direktur", tanggal=hari_ini.isoformat(),
             lampiran=berkas_pdf("ttd.pdf"))
    client.force_login(kadis.user)
    with jalankan_commit(execute=True):
        p = aksi(client, p, "ttd_dinas_tte", passphrase=passphrase)
    assert p.dinas_dengan_tte is True and p.penandatangan_dinas == kadis.nama
    client.force_login(pengguna("admin_piak"))
    p = aksi(client, p, "serahkan_dokumen", dokumen_diserahkan_pada=hari_ini.isoformat())
    assert p.status == "berlaku"
    return p


def test_institution_under_the_walikota_goes_straight_to_the_pks(client, pengguna, kadis, passphrase,
                                                                  django_capture_on_commit_callbacks):
    from apps.dokumen.models import Dokumen

    p = catat(client, pengguna)
    assert p.status == "diajukan" and Lampiran.objects.filter(object_id=p.pk).count() == 1
    # The other branch's step is not offered to this institution.
    r = client.post(reverse("pemanfaatan:perjanjiandata-aksi", args=[p.pk, "teruskan_bagpem"]), {"versi": p.versi})
    p.refresh_from_db()
    assert r.status_code == 400 and p.status == "diajukan"
    p = aksi(client, p, "proses_pks")
    assert p.status == "penyesuaian"
    p = tanda_tangan_dan_serahkan(client, pengguna, p, kadis, passphrase, django_capture_on_commit_callbacks)
    dok = Dokumen.untuk(p).get()
    assert dok.jenis == "pks_pemanfaatan_data" and dok.status == Dokumen.Status.SELESAI


def test_institution_outside_without_ksb_goes_to_the_walikota(client, pengguna, kadis, passphrase,
                                                              django_capture_on_commit_callbacks):
    p = catat(client, pengguna, nama_lembaga="BPJS Kesehatan Cabang Pasuruan", jenis_lembaga="luar_walikota")
    p = aksi(client, p, "teruskan_bagpem")
    assert p.status == "verifikasi_bagpem"
    # The Bagian Pemerintahan's answer needs its letter.
    r = client.post(reverse("pemanfaatan:perjanjiandata-aksi", args=[p.pk, "ksb_belum_ada"]), {"versi": p.versi})
    assert r.status_code == 400 and "lampiran" in r.context["form"].errors
    p = aksi(client, p, "ksb_belum_ada", lampiran=berkas_pdf())
    assert p.status == "ke_walikota" and p.ada_ksb is False
    p = aksi(client, p, "catat_disposisi_walikota", disposisi_walikota="Setuju, proses KSB.", lampiran=berkas_pdf())
    p = aksi(client, p, "catat_ksb_disahkan", nomor_ksb="119/7/2026", tanggal_ksb=timezone.localdate().isoformat(),
             lampiran=berkas_pdf())
    assert p.status == "ke_ditjen"
    p = aksi(client, p, "catat_persetujuan_ditjen", nomor_surat_ditjen="471/123/Dukcapil",
             persetujuan_ditjen="Disetujui; batasi elemen ke NIK dan nama.", lampiran=berkas_pdf())
    assert p.status == "penyesuaian"
    p = tanda_tangan_dan_serahkan(client, pengguna, p, kadis, passphrase, django_capture_on_commit_callbacks)
    assert p.nomor_ksb == "119/7/2026"


def test_institution_outside_with_ksb_goes_to_ditjen(client, pengguna):
    p = catat(client, pengguna, jenis_lembaga="luar_walikota")
    p = aksi(client, p, "teruskan_bagpem")
    p = aksi(client, p, "ksb_sudah_ada", nomor_ksb="119/2/2024", lampiran=berkas_pdf())
    assert p.status == "ke_ditjen" and p.ada_ksb is True


def test_wet_signature_of_the_dinas_is_recorded(client, pengguna):
    p = perjanjian_ke("penandatanganan")
    client.force_login(pengguna("admin_piak"))
    hari_ini = timezone.localdate().isoformat()
    p = aksi(client, p, "ttd_dinas_basah", penandatangan="Kepala Dinas", tanggal=hari_ini,
             lampiran=berkas_pdf())
    assert p.dinas_dengan_tte is False and p.penandatangan_dinas == "Kepala Dinas"
    # Not offered twice, and no handover before the institution has signed.
    from apps.core.workflow import aksi_tersedia

    assert {a.nama for a in aksi_tersedia(p, pengguna("admin_piak"))} == {"ttd_mitra", "tolak"}


def test_register_and_public_list(client, pengguna):
    aktif = perjanjian_ke("berlaku")
    lama = perjanjian_ke("berlaku", nama_lembaga="Bank Jatim", tanggal_mulai=timezone.localdate() - timedelta(days=800),
                         tanggal_berakhir=timezone.localdate() - timedelta(days=3))
    perjanjian_ke("diajukan", nama_lembaga="Lembaga Baru")
    r = client.get(reverse("pemanfaatan:perjanjian-publik"))
    teks = r.content.decode()
    assert aktif.nama_lembaga in teks and "Bank Jatim" not in teks and "Lembaga Baru" not in teks
    assert "0343-111222" not in teks and "Jl. Contoh" not in teks  # no contact details
    client.force_login(pengguna("kabid"))
    r = client.get(reverse("pemanfaatan:perjanjian-register"))
    assert [p.pk for p in r.context["kedaluwarsa"]] == [lama.pk]
    assert "Permendagri Nomor 102 Tahun 2019" in r.content.decode()
    client.force_login(pengguna("petugas_fo"))
    assert client.get(reverse("pemanfaatan:perjanjian-register")).status_code == 403


def test_home_page_warns_admin_piak(client, pengguna):
    perjanjian_ke("berlaku", berakhir=timezone.localdate() + timedelta(days=20))
    client.force_login(pengguna("admin_piak"))
    teks = client.get(reverse("akun:beranda")).content.decode()
    assert "peringatan-pks" in teks and "20 hari lagi" in teks
    client.force_login(pengguna("petugas_fo"))
    assert "peringatan-pks" not in client.get(reverse("akun:beranda")).content.decode()


def test_each_threshold_warns_once_and_expiry_is_marked(pengguna, settings, server_smtp):
    """110 days of daily runs (twice a day) through a real SMTP server: three messages."""
    server_smtp.pakai_di(settings)
    admin = pengguna("admin_piak")
    admin.email = "piak@contoh.id"
    admin.save()
    kabid = pengguna("kabid")
    kabid.email = "kabid@contoh.id"
    kabid.save()
    p = perjanjian_ke("berlaku", berakhir=timezone.localdate() + timedelta(days=100))
    awal = timezone.localtime()
    for hari in range(0, 110):
        with time_machine.travel(awal + timedelta(days=hari), tick=False):
            peringatan_jalankan()
            peringatan_jalankan()  # a second run the same day sends nothing more
    subjek = [m["Subject"] for m in server_smtp.pesan]
    assert len(subjek) == 3, subjek
    assert ["90" in subjek[0], "30" in subjek[1], "7 hari" in subjek[2]] == [True, True, True]
    assert sorted(PeringatanKedaluwarsa.objects.values_list("ambang_hari", flat=True)) == [7, 30, 90]
    assert set(server_smtp.pesan[0].penerima) == {"piak@contoh.id", "kabid@contoh.id"}
    p.refresh_from_db()
    assert p.kedaluwarsa_sejak == p.tanggal_berakhir + timedelta(days=1)
