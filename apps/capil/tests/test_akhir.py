"""Flows that end (issue 8 §5) and what the citizen reads (§6): refused or closed with a public
reason, closed automatically when a returned file is not completed, sent back at the TTE step;
the requirement lists that apply to the event; an emailed kutipan described as emailed."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from apps.capil.models import PencatatanSipil, Status
from apps.capil.syarat import syarat_untuk
from apps.core.models import RiwayatStatus
from apps.core.tutup_otomatis import tutup_otomatis_jalankan
from apps.core.workflow import aksi_model

from .factories import _ke_status, kelahiran_baru, pindaian
from .test_alur import aksi


@pytest.fixture
def fo(pengguna):
    return pengguna("petugas_fo")


@pytest.fixture
def lahir(fo, keluarga):
    kk, ayah, ibu = keluarga

    def buat(status=None, **kw):
        return kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu, status=status, **kw)

    return buat


def status_publik(client, objek) -> str:
    r = client.post(reverse("publik:status"), {"kode": objek.kode_lacak, "pin": objek.pin}, follow=True)
    assert r.status_code == 200
    return r.content.decode()


@pytest.mark.parametrize(("peran", "nama", "status"), [
    ("petugas_fo", "tolak", Status.DIAJUKAN),
    ("kasi", "tolak_kasi", Status.MENUNGGU_VERIFIKASI),
    ("kabid", "tolak_kabid", Status.DIVERIFIKASI_KASI),
])
def test_the_front_office_or_a_verifier_refuses_with_a_public_reason(client, pengguna, lahir, peran, nama, status):
    objek = lahir(status)
    assert aksi(client, pengguna(peran), objek, nama).status_code == 400  # a reason is required
    r = aksi(client, pengguna(peran), objek, nama, {"catatan": "Surat keterangan lahir terbukti palsu."})
    assert r.status_code == 302
    objek.refresh_from_db()
    assert objek.status == Status.DITOLAK and objek.selesai
    client.logout()
    teks = status_publik(client, objek)
    assert "Pelaporan ditolak" in teks and "Surat keterangan lahir terbukti palsu." in teks
    # The page names the service and reads the reason as a reason, not as something to complete.
    assert "Akta kelahiran" in teks and "Alasan:" in teks and "Yang perlu dilengkapi" not in teks


def test_the_front_office_closes_a_report_at_the_reporters_wish(client, pengguna, lahir):
    objek = lahir(Status.LENGKAP)
    r = aksi(client, pengguna("petugas_fo"), objek, "batalkan", {"catatan": "Pelapor menarik pelaporannya."})
    assert r.status_code == 302
    objek.refresh_from_db()
    assert objek.status == Status.DIBATALKAN
    client.logout()
    assert "Pelaporan ditutup (dibatalkan)" in status_publik(client, objek)


def test_a_returned_file_nobody_completes_is_closed_automatically_with_a_notice(client, pengguna, lahir, settings,
                                                                              django_capture_on_commit_callbacks):
    settings.TUTUP_OTOMATIS_HARI_KERJA = 5
    objek = lahir(lengkap=False)
    assert aksi(client, pengguna("petugas_fo"), objek, "kembalikan", {"catatan": "KTP-el orang tua belum ada."}).status_code == 302
    assert tutup_otomatis_jalankan() == 0  # not yet due
    PencatatanSipil.objects.filter(pk=objek.pk).update(status_sejak=timezone.now() - timedelta(days=30))
    with django_capture_on_commit_callbacks(execute=True):
        assert tutup_otomatis_jalankan() == 1
    objek.refresh_from_db()
    assert objek.status == Status.DIBATALKAN
    assert RiwayatStatus.objects.filter(object_id=objek.pk, aksi="tutup_otomatis", oleh=None).exists()
    assert [m.to for m in mail.outbox] == [[objek.email]]
    # Nobody can take the automatic close from a screen.
    assert "sistem" in aksi_model(PencatatanSipil)["tutup_otomatis"].peran


def test_the_kadis_sends_a_file_back_at_the_tte_step(client, pengguna, lahir, kadis):
    objek = lahir(Status.TERVERIFIKASI)
    assert aksi(client, kadis.user, objek, "kembalikan_tte").status_code == 400  # a reason is required
    r = aksi(client, kadis.user, objek, "kembalikan_tte", {"catatan": "Nama ibu berbeda dengan buku nikah."})
    assert r.status_code == 302
    objek.refresh_from_db()
    assert objek.status == Status.PERBAIKAN and objek.pejabat is None
    # The SIAK operator corrects it and the same request goes on.
    assert "input_siak" in {a.nama for a in aksi_model(PencatatanSipil).values() if Status.PERBAIKAN in a.sumber}


def test_a_birth_needs_the_parents_ktp_el_and_the_form_f201(lahir):
    objek = lahir()
    kode = {s.kode for s in syarat_untuk("kelahiran", objek.kelahiran)}
    assert {"f201", "kk", "ktp_ortu", "surat_lahir", "buku_nikah"} == kode


def test_an_sptjm_birth_needs_the_f204_instead_of_the_buku_nikah(lahir):
    objek = lahir(perkawinan_orang_tua="sptjm")
    r = objek.kelahiran
    r.bukti_kelahiran = "sptjm"
    kode = {s.kode for s in syarat_untuk("kelahiran", r)}
    assert {"sptjm_pasutri", "sptjm_lahir"} <= kode and not {"buku_nikah", "surat_lahir"} & kode


def test_completeness_is_matched_by_code_not_by_label(client, pengguna, lahir):
    from apps.pendaftaran.models import Persyaratan

    objek = lahir(lengkap=False)
    # The administrator renames a requirement after intake: what was received still counts.
    Persyaratan.objects.filter(layanan__kode="P.5.1-lahir", kode="kk").update(nama="Kartu Keluarga (KK) terbaru")
    data = {f"berkas_{k}": pindaian(f"{k}.pdf") for k in ("ktp_ortu", "surat_lahir", "buku_nikah")}
    r = aksi(client, pengguna("petugas_fo"), objek, "periksa", data)
    assert r.status_code == 302, r.content.decode()[:2000]
    objek.refresh_from_db()
    assert set(objek.berkas_persyaratan) == {"f201", "kk", "ktp_ortu", "surat_lahir", "buku_nikah"}


def test_the_lists_and_targets_live_in_the_admin_catalogue(client, pengguna, lahir):
    from apps.pendaftaran.models import Layanan, Persyaratan

    layanan = {lay.kode: lay for lay in Layanan.objects.filter(kode_proses="P.5.1")}
    assert set(layanan) == {"P.5.1-lahir", "P.5.1-lahir-mati", "P.5.1-kematian", "P.5.1-perkawinan", "P.5.1-perceraian"}
    lahir_ = layanan["P.5.1-lahir"]
    buku = lahir_.persyaratan.get(kode="buku_nikah")
    assert [s.kode for s in buku.hanya_untuk_sebab.all()] == ["ortu-tercatat"]
    # An administrator adds a requirement and changes the target: the intake follows.
    Persyaratan.objects.create(layanan=lahir_, kode="surat_rt", nama="Surat pengantar khusus", urutan=99)
    Layanan.objects.filter(pk=lahir_.pk).update(target_hari_kerja=10)
    client.force_login(pengguna("petugas_fo"))
    teks = client.get(reverse("capil:pencatatan-baru-jenis", args=["kelahiran"])).content.decode()
    assert 'name="berkas_surat_rt"' in teks and "Surat pengantar khusus" in teks
    objek = lahir()
    assert objek.tenggat > lahir(nama_anak="ADIK").dibuat_pada.date() + timedelta(days=10)


def test_an_emailed_kutipan_is_not_described_as_handed_over(client, lahir):
    objek = lahir(Status.SELESAI)
    PencatatanSipil.objects.filter(pk=objek.pk).update(cara_penyerahan="email")
    objek.refresh_from_db()
    teks = status_publik(client, objek)
    assert "dikirim ke email Anda" in teks and "diserahkan di loket" not in teks
    PencatatanSipil.objects.filter(pk=objek.pk).update(cara_penyerahan="fisik")
    assert "diserahkan di loket pengambilan" in status_publik(client, objek)


def test_a_stillbirth_is_described_as_its_letter_on_the_status_page(client, fo, keluarga):
    from apps.capil.demo import pelaporan_lahir_mati

    kk, ayah, ibu = keluarga
    objek = _ke_status(pelaporan_lahir_mati(oleh=fo, keluarga=kk, ayah=ayah, ibu=ibu), Status.DICETAK)
    teks = status_publik(client, objek)
    assert "Surat keterangan lahir mati sudah dicetak" in teks and "Kutipan akta" not in teks
    assert "Surat keterangan lahir mati" in teks.split('id="langkah"')[0]  # the page's title names it


def test_the_intake_form_is_laid_out_in_sections(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    teks = client.get(reverse("capil:pencatatan-baru-jenis", args=["kelahiran"])).content.decode()
    posisi = [teks.index(f'id="bagian-{b}"') for b in ("pelapor", "peristiwa", "orang", "persyaratan")]
    assert posisi == sorted(posisi)
    assert teks.index('name="rincian-ibu_nik"') > posisi[2] and teks.index('name="saksi1_nik"') > posisi[2]
    assert teks.index('name="berkas_f201"') > posisi[3] and teks.index('name="pelapor_nik"') < posisi[1]
    assert "Pelapor" in teks and "pemohon" not in teks.lower()
