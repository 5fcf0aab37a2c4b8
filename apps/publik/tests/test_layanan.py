"""The public service catalogue (/layanan/): each service's standar pelayanan, no login."""

import pytest
from django.urls import reverse

from apps.pendaftaran.models import Layanan, PermohonanDenganVerifikasi, Persyaratan, SebabLayanan
from apps.pendaftaran.tests.factories import buat_permohonan

pytestmark = pytest.mark.django_db

URL = "/layanan/"


def test_it_needs_no_login_and_lists_every_open_service(client):
    r = client.get(URL)
    assert r.status_code == 200
    html = r.content.decode()
    for layanan in Layanan.objects.filter(aktif=True):
        assert f'id="layanan-{layanan.kode}"' in html
    assert 'id="layanan-P.5.1-lahir"' in html and 'id="layanan-kk-baru"' in html


def test_a_closed_service_is_not_listed(client):
    Layanan.objects.filter(kode="kia-skpwni").update(aktif=False)
    assert 'id="layanan-kia-skpwni"' not in client.get(URL).content.decode()


def test_it_shows_the_standar_pelayanan_of_a_service(client):
    kk = Layanan.objects.get(kode="kk-baru")
    kk.target_hari_kerja, kk.produk, kk.dasar_hukum = 4, "Kartu Keluarga (uji)", "Peraturan uji 1/2026"
    kk.save()
    html = client.get(URL).content.decode()
    bagian = html.split('id="layanan-kk-baru"')[1].split('class="card shadow-sm')[0]
    assert "4 hari kerja" in bagian
    assert "Gratis (UU 24/2013 Pasal 79A)" in bagian
    assert "Kartu Keluarga (uji)" in bagian and "Peraturan uji 1/2026" in bagian
    assert "Dapat diajukan daring" in bagian
    # The buku nikah holds only for a marriage: the page says so.
    assert "Buku nikah/kutipan akta perkawinan" in bagian and "hanya untuk: Perkawinan" in bagian
    assert "SP4N-LAPOR!" in html and 'id="pengaduan"' in html


def test_a_service_that_needs_the_counter_says_so(client):
    html = client.get(URL).content.decode()
    bagian = html.split('id="layanan-ktp-el-baru"')[1].split('class="card shadow-sm')[0]
    assert "Datang ke loket" in bagian and "Dapat diajukan daring" not in bagian


def test_it_shows_no_personal_data(client):
    obj = buat_permohonan(PermohonanDenganVerifikasi, nama="SITI AMINAH", nik="3575014107900003")
    html = client.get(URL).content.decode()
    assert obj.nik not in html and "SITI AMINAH" not in html and obj.kode_lacak not in html


def test_it_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    client.get(URL)  # warm caches (sessions, site settings)
    with django_assert_max_num_queries(10) as sedikit:
        client.get(URL)
    for i in range(5):
        lay = Layanan.objects.create(kode=f"uji-{i}", kode_proses="P.4.1", nama=f"Layanan uji {i}")
        sebab = SebabLayanan.objects.create(layanan=lay, kode="a", nama="Sebab A")
        p = Persyaratan.objects.create(layanan=lay, nama=f"Syarat uji {i}")
        p.hanya_untuk_sebab.add(sebab)
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        assert "Syarat uji 4" in client.get(URL).content.decode()


def test_the_public_menu_and_landing_page_link_to_it(client):
    html = client.get(reverse("akun:beranda")).content.decode()
    assert html.count(f'href="{URL}"') >= 2
