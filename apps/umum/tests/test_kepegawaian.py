"""P.1.3.1 — kenaikan pangkat, cuti (with the cuti tahunan balance) and pensiun requests."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from apps.core.models import Lampiran
from apps.core.workflow import AksiDitolak, jalankan_aksi
from apps.umum.models import DataPegawai, UsulanKepegawaian, hari_kerja_antara, saldo_cuti_tahunan
from apps.umum.models.kepegawaian import genap_setahun
from apps.umum.services_pegawai import usulan_ajukan

from .conftest import berkas_pdf

pytestmark = pytest.mark.django_db


def senin_depan(minggu: int = 0) -> date:
    """A Monday of February next year (plus ``minggu`` weeks): a whole leave inside one year,
    whatever today's date."""
    hari = date(timezone.localdate().year + 1, 2, 1)
    hari += timedelta(days=(7 - hari.weekday()) % 7)
    return hari + timedelta(weeks=minggu)


def cuti(pegawai, mulai: date, hari_kalender: int, jenis_cuti: str = "tahunan") -> UsulanKepegawaian:
    selesai = mulai + timedelta(days=hari_kalender - 1)
    return usulan_ajukan(pegawai=pegawai, lama_hari=hari_kerja_antara(mulai, selesai), data={
        "jenis": "cuti", "jenis_cuti": jenis_cuti, "tanggal_mulai": mulai, "tanggal_selesai": selesai,
        "alamat_selama_cuti": "Jl. Pahlawan 1"})


def data_form(mulai: date, selesai: date, **ubah) -> dict:
    return {"jenis": "cuti", "jenis_cuti": "tahunan", "tanggal_mulai": mulai.isoformat(),
            "tanggal_selesai": selesai.isoformat(), "alamat_selama_cuti": "Jl. Pahlawan 1", **ubah}


def senin(tahun: int) -> date:
    """A Monday in early March of ``tahun`` (a leave of a week stays inside the year)."""
    hari = date(tahun, 3, 2)
    return hari - timedelta(days=hari.weekday())


def test_the_balance_is_twelve_days_plus_at_most_six_left_from_last_year(pengguna):
    pegawai = pengguna("pegawai")
    DataPegawai.objects.create(user=pegawai, tmt_cpns=timezone.localdate() - timedelta(days=365 * 10))
    tahun = timezone.localdate().year
    cuti(pegawai, senin(tahun - 2), 5)  # used two years ago: no two-year carry-over
    saldo = saldo_cuti_tahunan(pegawai, tahun)
    assert (saldo.jatah, saldo.sisa_tahun_lalu, saldo.hak, saldo.sisa) == (12, 6, 18, 18)
    cuti(pegawai, senin(tahun - 1), 12)  # 10 working days last year: 2 left
    assert saldo_cuti_tahunan(pegawai, tahun).sisa_tahun_lalu == 2


def test_a_right_unused_two_years_in_a_row_carries_up_to_twenty_four_days(pengguna):
    pegawai = pengguna("pegawai")
    DataPegawai.objects.create(user=pegawai, tmt_cpns=timezone.localdate() - timedelta(days=365 * 10))
    tahun = timezone.localdate().year
    saldo = saldo_cuti_tahunan(pegawai, tahun)
    assert (saldo.jatah, saldo.sisa_tahun_lalu, saldo.hak) == (12, 12, 24)
    # One day taken last year breaks the run: back to at most 6 carried (18 in all).
    cuti(pegawai, senin(tahun - 1), 1)
    assert saldo_cuti_tahunan(pegawai, tahun).hak == 18
    # Three years unused in a row still give at most 24.
    assert saldo_cuti_tahunan(pegawai, tahun + 3).hak == 24


@pytest.mark.parametrize("umur_hari", [30, 364])
def test_no_cuti_tahunan_in_the_first_year_of_service(client, pengguna, umur_hari):
    pegawai = pengguna("pegawai")
    hari_ini = timezone.localdate()
    tmt = hari_ini - timedelta(days=umur_hari)
    DataPegawai.objects.create(user=pegawai, tmt_cpns=tmt)
    berhak = genap_setahun(tmt)
    saldo = saldo_cuti_tahunan(pegawai, hari_ini.year, pada=hari_ini)
    assert saldo.belum_berhak and (saldo.hak, saldo.sisa, saldo.berhak_mulai) == (0, 0, berhak)
    # A leave starting before the first anniversary: refused next to the date, input kept.
    mulai = hari_ini + timedelta(days=1)
    while mulai.weekday() >= 5:
        mulai += timedelta(days=1)
    if mulai < berhak:
        client.force_login(pegawai)
        r = client.post(reverse("umum:usulankepegawaian-baru"), data_form(mulai, mulai))
        assert r.status_code == 400
        assert f"setelah 1 tahun bekerja secara terus-menerus, yaitu mulai {berhak:%d-%m-%Y}" in r.context["form"].errors["tanggal_mulai"][0]
        assert r.context["form"]["alamat_selama_cuti"].value() == "Jl. Pahlawan 1"
        with pytest.raises(AksiDitolak):
            cuti(pegawai, mulai, 1)
        assert not UsulanKepegawaian.objects.exists()


def test_after_the_first_year_the_right_starts_without_carry_over(pengguna):
    pegawai = pengguna("pegawai")
    DataPegawai.objects.create(user=pegawai, tmt_cpns=date(2030, 9, 1))
    with time_machine.travel(date(2031, 6, 10), tick=False):
        assert saldo_cuti_tahunan(pegawai, 2031).belum_berhak  # today, 10 June 2031
        assert saldo_cuti_tahunan(pegawai, 2031, pada=date(2031, 8, 31)).belum_berhak
        saldo = saldo_cuti_tahunan(pegawai, 2031, pada=date(2031, 9, 1))
        # 2030 gave no right (service not yet a year by its end): nothing carried into 2031.
        assert (saldo.belum_berhak, saldo.jatah, saldo.sisa_tahun_lalu, saldo.hak) == (False, 12, 0, 12)
        # 2032: 2031 unused, but 2030 gave no right, so not two unused years: at most 6 carried.
        assert saldo_cuti_tahunan(pegawai, 2032).hak == 18
    # 29 February counts from 1 March.
    assert genap_setahun(date(2028, 2, 29)) == date(2029, 3, 1)


def test_a_leave_beyond_the_balance_is_refused_next_to_the_field(client, pengguna):
    pegawai = pengguna("pegawai")
    client.force_login(pegawai)
    mulai = senin_depan()
    saldo = saldo_cuti_tahunan(pegawai, mulai.year)
    # Six weeks: far more than the 24 working days at most.
    r = client.post(reverse("umum:usulankepegawaian-baru"), data_form(mulai, mulai + timedelta(days=39)))
    assert r.status_code == 400
    assert f"Sisa cuti tahunan {mulai.year} Anda {saldo.sisa} hari kerja" in r.context["form"].errors["tanggal_selesai"][0]
    assert r.context["form"]["alamat_selama_cuti"].value() == "Jl. Pahlawan 1"
    assert not UsulanKepegawaian.objects.exists()
    r = client.post(reverse("umum:usulankepegawaian-baru"), data_form(mulai, mulai + timedelta(days=4)))
    assert r.status_code == 302
    usulan = UsulanKepegawaian.objects.get()
    lama = hari_kerja_antara(mulai, mulai + timedelta(days=4))
    assert usulan.lama_hari == lama and saldo_cuti_tahunan(pegawai, mulai.year).terpakai == lama


def test_the_service_checks_the_balance_again(pengguna):
    pegawai = pengguna("pegawai")
    mulai = senin_depan()
    while saldo_cuti_tahunan(pegawai, mulai.year).sisa >= 5:
        cuti(pegawai, mulai, 5)
        mulai += timedelta(weeks=1)
    with pytest.raises(AksiDitolak):
        cuti(pegawai, mulai, 7)


def test_a_cancelled_request_gives_its_days_back(pengguna):
    pegawai = pengguna("pegawai")
    u = cuti(pegawai, senin_depan(), 5)
    sebelum = saldo_cuti_tahunan(pegawai, u.tanggal_mulai.year).sisa
    jalankan_aksi(objek=u, aksi="batalkan", pengguna=pegawai)
    assert saldo_cuti_tahunan(pegawai, u.tanggal_mulai.year).sisa == sebelum + u.lama_hari


def test_an_employee_sees_only_their_own_requests(client, pengguna):
    from conftest import buat_pengguna

    a, b = pengguna("pegawai"), buat_pengguna("pegawai", "pegawai-lain")
    milik_a, milik_b = cuti(a, senin_depan(), 2), cuti(b, senin_depan(), 2)
    client.force_login(a)
    assert client.get(reverse("umum:usulankepegawaian-detail", args=[milik_a.pk])).status_code == 200
    assert client.get(reverse("umum:usulankepegawaian-detail", args=[milik_b.pk])).status_code == 404
    daftar = client.get(reverse("umum:usulankepegawaian-antrian")).content.decode()
    assert milik_a.kode_lacak in daftar and milik_b.kode_lacak not in daftar
    with pytest.raises(PermissionDenied):
        jalankan_aksi(objek=milik_b, aksi="batalkan", pengguna=a)
    client.force_login(pengguna("tata_usaha"))
    assert client.get(reverse("umum:usulankepegawaian-detail", args=[milik_b.pk])).status_code == 200


def test_bkd_incomplete_goes_back_and_the_sk_is_handed_over(client, pengguna):
    pegawai, tu = pengguna("pegawai"), pengguna("tata_usaha")
    u = usulan_ajukan(pegawai=pegawai, berkas=berkas_pdf("sk-terakhir.pdf"), data={
        "jenis": "kenaikan_pangkat", "pangkat_sekarang": "Penata Muda (III/a)", "pangkat_usulan": "Penata Muda Tk. I (III/b)"})
    jalankan_aksi(objek=u, aksi="ajukan_bkd", pengguna=tu)
    jalankan_aksi(objek=u, aksi="bkd_tidak_lengkap", pengguna=tu, catatan="SKP 2 tahun terakhir belum ada",
                  lampiran=[(berkas_pdf("jawaban-bkd.pdf"), "Surat jawaban BKD")])
    assert u.status == "perlu_dilengkapi"
    jalankan_aksi(objek=u, aksi="lengkapi", pengguna=pegawai, lampiran=[(berkas_pdf("skp.pdf"), "SKP")])
    jalankan_aksi(objek=u, aksi="ajukan_bkd", pengguna=tu)
    client.force_login(tu)
    r = client.post(reverse("umum:usulankepegawaian-aksi", args=[u.pk, "catat_sk"]), {
        "versi": u.versi + 0, "nomor_sk": "800.1.3/123/423.013/2026", "tanggal_sk": timezone.localdate().isoformat(),
        "lampiran": berkas_pdf("sk.pdf")})
    assert r.status_code == 302, r.context["form"].errors if r.context else r
    u.refresh_from_db()
    assert u.status == "selesai" and u.nomor_sk.startswith("800.1.3")
    sk = Lampiran.objects.get(object_id=u.pk, keterangan="Surat Keputusan (SK)")
    client.force_login(pegawai)
    assert client.get(reverse("core:lampiran-unduh", args=[sk.pk])).status_code == 200


def test_promotion_needs_its_documents(client, pengguna):
    client.force_login(pengguna("pegawai"))
    r = client.post(reverse("umum:usulankepegawaian-baru"), {"jenis": "kenaikan_pangkat", "pangkat_sekarang": "III/a",
                                                              "pangkat_usulan": "III/b"})
    assert r.status_code == 400 and "berkas" in r.context["form"].errors


def test_the_requests_list_runs_a_fixed_number_of_queries(client, pengguna, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from conftest import buat_pengguna

    client.force_login(pengguna("tata_usaha"))
    url = reverse("umum:usulankepegawaian-antrian")
    cuti(pengguna("pegawai"), senin_depan(), 1)
    client.get(url)
    with CaptureQueriesContext(connection) as satu:
        client.get(url)
    for i in range(5):
        cuti(buat_pengguna("pegawai", f"pegawai-{i}"), senin_depan(i), 1)
    with django_assert_max_num_queries(len(satu.captured_queries)):
        assert client.get(url).status_code == 200


def test_demo_adds_the_p1_records_once(pengguna):
    import io

    from apps.umum.demo_p1 import isi_demo_p1
    from apps.umum.models import Aset, Inventarisasi, SuratKeluar

    for kode in ("kadis", "tata_usaha", "pengurus_barang", "pegawai"):
        pengguna(kode)
    isi_demo_p1(io.StringIO())
    isi_demo_p1(io.StringIO())
    assert SuratKeluar.objects.count() == 2 and Inventarisasi.objects.count() == 1
    assert UsulanKepegawaian.objects.count() == 1 and Aset.objects.count() == 4
