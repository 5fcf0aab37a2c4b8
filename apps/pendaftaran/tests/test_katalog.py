"""The service catalogue of P.4.1 as master data."""

import pytest
from django.contrib.auth.models import Group

from apps.pendaftaran.models import Alur, JenisDokumen, Layanan

pytestmark = pytest.mark.django_db


def test_it_loads_the_fifteen_services_of_p41():
    assert Layanan.objects.filter(kode_proses="P.4.1").count() == 15
    for dokumen in JenisDokumen.values:
        assert Layanan.objects.filter(dokumen=dokumen).count() == 5


def test_ktp_el_follows_p411_and_kk_kia_follow_p412():
    assert set(Layanan.objects.filter(dokumen="ktp_el").values_list("alur", flat=True)) == {Alur.TANPA_VERIFIKASI}
    p41 = Layanan.objects.filter(kode_proses="P.4.1")
    assert set(p41.exclude(dokumen="ktp_el").values_list("alur", flat=True)) == {Alur.DENGAN_VERIFIKASI}


def test_partners_file_kk_and_ktp_el_perubahan_data():
    assert set(Layanan.objects.filter(lewat_integrasi=True).values_list("dokumen", "alasan")) == {
        ("kk", "perubahan_data"), ("ktp_el", "perubahan_data"),
    }


def test_every_service_has_requirements_and_a_target_but_no_rt_rw_letter():
    for layanan in Layanan.objects.prefetch_related("persyaratan"):
        syarat = [p.nama.lower() for p in layanan.persyaratan.all()]
        assert syarat, layanan
        assert any(p.wajib for p in layanan.persyaratan.all()), layanan
        assert layanan.target_hari_kerja > 0
        assert not any("rt/rw" in s or "pengantar rt" in s for s in syarat), layanan


def test_lost_kk_asks_for_the_police_report_and_the_ktp_el():
    syarat = " | ".join(Layanan.objects.get(dokumen="kk", alasan="hilang").persyaratan.values_list("nama", flat=True))
    assert "kepolisian" in syarat and "KTP-el" in syarat


def test_admin_role_may_edit_the_catalogue():
    izin = set(Group.objects.get(name="admin").permissions.values_list("content_type__app_label", "codename"))
    for model in ("layanan", "persyaratan", "instansimitra", "petugasmitra"):
        assert ("pendaftaran", f"change_{model}") in izin
    assert ("pendaftaran", "change_permohonandenganverifikasi") not in izin


def test_tenggat_counts_working_days_against_holidays(pengguna):
    import datetime

    from apps.core.models import HariLibur
    from apps.pendaftaran.models import PermohonanDenganVerifikasi
    from apps.pendaftaran.tests.factories import buat_permohonan

    HariLibur.objects.create(tanggal=datetime.date(2026, 11, 27), nama="Cuti bersama (uji)")
    obj = buat_permohonan(PermohonanDenganVerifikasi)
    # Wednesday 25 Nov + 3 working days, skipping Friday 27 (holiday) and the weekend: Tuesday 1 Dec.
    assert obj.hitung_tenggat(datetime.date(2026, 11, 25)) == datetime.date(2026, 12, 1)


def _kk_baru_kurang(sebab_kode: str) -> list[str]:
    from apps.pendaftaran.models import PermohonanDenganVerifikasi, SebabLayanan
    from apps.pendaftaran.tests.factories import buat_permohonan, layanan

    lay = layanan("kk", "baru")
    sebab = SebabLayanan.objects.get(layanan=lay, kode=sebab_kode)
    obj = buat_permohonan(PermohonanDenganVerifikasi, layanan_=lay, lengkap=False, sebab=sebab)
    return [p.kode or p.nama for p in obj.persyaratan_kurang()]


def test_kk_baru_asks_the_buku_nikah_only_for_a_marriage():
    assert "buku-nikah" in _kk_baru_kurang("perkawinan")
    assert "buku-nikah" not in _kk_baru_kurang("pisah-kk")
    assert "buku-nikah" not in _kk_baru_kurang("ganti-kepala")


def test_every_p41_service_asks_form_f102_and_the_correction_is_idempotent():
    from apps.pendaftaran.katalog import koreksi_katalog
    from apps.pendaftaran.models import Persyaratan, SebabLayanan

    koreksi_katalog(Layanan, Persyaratan, SebabLayanan)  # a second run changes nothing
    for layanan in Layanan.objects.filter(kode_proses="P.4.1"):
        assert layanan.persyaratan.filter(kode="f-1-02", wajib=True).count() == 1, layanan
    assert SebabLayanan.objects.filter(layanan__kode="kk-baru").count() == 3


def test_other_processes_keep_their_lists_in_the_catalogue_by_code():
    from apps.pendaftaran.katalog import layanan_dari_kode, persyaratan_berlaku
    from apps.pendaftaran.selectors import layanan_loket

    # capil's data migration put P.5.1's lists here (apps/capil/syarat.py).
    lahir = layanan_dari_kode("P.5.1-lahir")
    assert lahir.kode_proses == "P.5.1" and "f201" in [p.kode for p in persyaratan_berlaku(lahir)]
    assert lahir not in layanan_loket()  # not offered at the P.4.1 desk
