"""Issue 8 §5: every P.4.1 flow can be refused or closed with a reason the citizen reads; a
returned file nobody completes is closed automatically after N working days (with an email);
the signing official can send a file back at the TTE step; service hours count."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from apps.core.models import HariLibur, RiwayatStatus
from apps.core.tasks import tutup_otomatis
from apps.core.tutup_otomatis import tutup_otomatis_jalankan
from apps.core.workflow import AksiDitolak, aksi_tersedia, jalankan_aksi
from apps.pendaftaran.models import PermohonanDenganVerifikasi, PermohonanIntegrasi, PermohonanTanpaVerifikasi

from .factories import buat_permohonan

pytestmark = pytest.mark.django_db
WIB = datetime.timezone(datetime.timedelta(hours=7))


def buka_status(client, obj) -> str:
    return client.post("/status/", {"kode": obj.kode_lacak, "pin": obj.pin}, follow=True).content.decode()


@pytest.mark.parametrize("model", [PermohonanTanpaVerifikasi, PermohonanDenganVerifikasi])
def test_the_front_office_refuses_with_a_reason_the_citizen_reads(client, pengguna, model):
    obj = buat_permohonan(model)
    with pytest.raises(AksiDitolak, match="Alasan"):
        jalankan_aksi(objek=obj, aksi="tolak", pengguna=pengguna("petugas_fo"), catatan="")
    jalankan_aksi(objek=obj, aksi="tolak", pengguna=pengguna("petugas_fo"), catatan="Pemohon bukan penduduk Kota Pasuruan")
    assert obj.status == "ditolak" and obj.selesai
    html = buka_status(client, obj)
    assert "Permohonan ditolak" in html and "bukan penduduk Kota Pasuruan" in html


def test_the_front_office_closes_a_returned_file_with_a_reason(client, pengguna):
    obj = buat_permohonan(PermohonanDenganVerifikasi, status="dikembalikan")
    jalankan_aksi(objek=obj, aksi="batalkan", pengguna=pengguna("petugas_fo"), catatan="Pemohon membatalkan permohonan")
    assert obj.status == "dibatalkan" and obj.selesai
    assert "Pemohon membatalkan permohonan" in buka_status(client, obj)


def test_the_verifier_refuses(pengguna):
    obj = buat_permohonan(PermohonanDenganVerifikasi, status="diinput")
    jalankan_aksi(objek=obj, aksi="tolak_verifikasi", pengguna=pengguna("verifikator"), catatan="Data SIAK tidak ditemukan")
    assert obj.status == "ditolak"
    obj = buat_permohonan(PermohonanIntegrasi, status="lengkap")
    jalankan_aksi(objek=obj, aksi="tolak_verifikasi", pengguna=pengguna("verifikator"), catatan="Bukan layanan mitra")
    assert obj.status == "ditolak"


@pytest.mark.parametrize(("model", "kembali_ke"), [(PermohonanDenganVerifikasi, "diinput"), (PermohonanIntegrasi, "lengkap")])
def test_the_signing_official_sends_the_file_back_with_a_reason(pengguna, kabid, model, kembali_ke):
    obj = buat_permohonan(model, status="terverifikasi")
    assert "kembalikan_tte" in [a.nama for a in aksi_tersedia(obj, kabid)]
    with pytest.raises(AksiDitolak, match="Alasan"):
        jalankan_aksi(objek=obj, aksi="kembalikan_tte", pengguna=kabid, catatan="")
    with pytest.raises(PermissionDenied):
        jalankan_aksi(objek=obj, aksi="kembalikan_tte", pengguna=pengguna("verifikator"), catatan="x")
    jalankan_aksi(objek=obj, aksi="kembalikan_tte", pengguna=kabid, catatan="Nama ibu berbeda dengan akta")
    assert obj.status == kembali_ke
    assert RiwayatStatus.objects.filter(object_id=obj.pk, aksi="kembalikan_tte", catatan__contains="Nama ibu").exists()


def _dikembalikan(email="warga@example.id", **kw):
    obj = buat_permohonan(PermohonanDenganVerifikasi, status="dikembalikan", email=email, **kw)
    return obj


def test_nobody_can_close_automatically_from_a_screen(pengguna):
    obj = _dikembalikan()
    for kode in ("petugas_fo", "verifikator", "kadis", "admin"):
        assert "tutup_otomatis" not in [a.nama for a in aksi_tersedia(obj, pengguna(kode))]
        with pytest.raises(PermissionDenied):
            jalankan_aksi(objek=obj, aksi="tutup_otomatis", pengguna=pengguna(kode))


def test_a_returned_file_is_closed_after_the_working_days_with_an_email(client, settings, django_capture_on_commit_callbacks):
    settings.TUTUP_OTOMATIS_HARI_KERJA = 3
    # Returned on Monday 2 March 2026; Wednesday 4 March is made a holiday for the test.
    HariLibur.objects.update_or_create(tanggal=datetime.date(2026, 3, 4), defaults={"nama": "Libur uji"})
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=WIB), tick=False):
        obj = _dikembalikan()
        tanpa_email = _dikembalikan(email="")
        lain = buat_permohonan(PermohonanDenganVerifikasi, status="diajukan")
    # Working days after Monday: Tue 3, Thu 5, Fri 6 — still open on Friday, closed on Monday 9.
    with time_machine.travel(datetime.datetime(2026, 3, 6, 6, 0, tzinfo=WIB), tick=False):
        assert tutup_otomatis.delay().get() == 0
    obj.refresh_from_db()
    assert obj.status == "dikembalikan"
    with time_machine.travel(datetime.datetime(2026, 3, 9, 6, 0, tzinfo=WIB), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert tutup_otomatis_jalankan() == 2
        assert tutup_otomatis_jalankan() == 0  # idempotent
    obj.refresh_from_db()
    tanpa_email.refresh_from_db()
    lain.refresh_from_db()
    assert (obj.status, tanpa_email.status, lain.status) == ("dibatalkan", "dibatalkan", "diajukan")
    baris = RiwayatStatus.objects.get(object_id=obj.pk, aksi="tutup_otomatis")
    assert baris.oleh is None and baris.peran == "sistem" and "3 hari kerja" in baris.catatan
    assert [m.to for m in mail.outbox] == [["warga@example.id"]]
    assert obj.kode_lacak in mail.outbox[0].subject and "3 hari kerja" in mail.outbox[0].body
    assert "Ditutup otomatis" in buka_status(client, obj)


@pytest.mark.parametrize(
    ("waktu", "mulai"),
    [
        (datetime.datetime(2026, 3, 5, 14, 59, tzinfo=WIB), datetime.date(2026, 3, 5)),  # Thursday before 15:00
        (datetime.datetime(2026, 3, 5, 15, 1, tzinfo=WIB), datetime.date(2026, 3, 6)),  # after closing: Friday
        (datetime.datetime(2026, 3, 6, 13, 30, tzinfo=WIB), datetime.date(2026, 3, 10)),  # Friday after 13:00; Mon 9 holiday
        (datetime.datetime(2026, 3, 7, 9, 0, tzinfo=WIB), datetime.date(2026, 3, 10)),  # Saturday
    ],
)
def test_a_request_filed_after_closing_time_counts_from_the_next_working_day(waktu, mulai):
    from apps.core.hari_kerja import hari_mulai_layanan

    HariLibur.objects.update_or_create(tanggal=datetime.date(2026, 3, 9), defaults={"nama": "Libur uji"})
    assert hari_mulai_layanan(waktu) == mulai
    with time_machine.travel(waktu, tick=False):
        obj = buat_permohonan(PermohonanDenganVerifikasi)
        assert timezone.localdate() == waktu.date()
        # KK hilang: 3 working days from the day it counts from.
        from apps.core.hari_kerja import tambah_hari_kerja

        assert obj.hitung_tenggat() == tambah_hari_kerja(mulai, 3)


def test_berkas_lengkap_takes_the_missing_scan_on_its_form(client, pengguna):
    from django.urls import reverse

    from apps.core.models import Lampiran

    from .factories import pdf_uji

    obj = buat_permohonan(PermohonanDenganVerifikasi, lengkap=False)
    kurang = obj.persyaratan_kurang()
    client.force_login(pengguna("petugas_fo"))
    url = reverse("pendaftaran:permohonandenganverifikasi-aksi", args=[obj.pk, "berkas_lengkap"])
    html = client.get(url).content.decode()
    assert all(f'name="berkas_{p.pk}"' in html for p in kurang)  # one upload per missing requirement
    r = client.post(url, {"versi": obj.versi, **{f"berkas_{p.pk}": pdf_uji() for p in kurang[:-1]}})
    assert r.status_code == 400 and kurang[-1].nama in r.content.decode()
    obj.refresh_from_db()
    assert obj.status == "diajukan"
    r = client.post(url, {"versi": obj.versi, **{f"berkas_{p.pk}": pdf_uji() for p in kurang}})
    assert r.status_code == 302
    obj.refresh_from_db()
    assert obj.status == "lengkap" and obj.persyaratan_kurang() == []
    assert Lampiran.objects.filter(object_id=obj.pk).count() == len(kurang)
