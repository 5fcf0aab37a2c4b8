"""The catalogue fields of the standar pelayanan: online filing, documents issued, legal basis."""

import importlib

import pytest

from apps.pendaftaran.katalog import STANDAR_PELAYANAN, isi_standar_pelayanan
from apps.pendaftaran.models import Layanan

pytestmark = pytest.mark.django_db


def test_the_migration_fills_every_service_of_the_catalogue():
    layanan = {lay.kode: lay for lay in Layanan.objects.all()}
    # P.4.1 and P.5.1 from this app's table; P.5.2–P.5.8 from capil's (apps/capil/syarat_perubahan.py).
    assert set(STANDAR_PELAYANAN) == {k for k, lay in layanan.items() if lay.kode_proses in ("P.4.1", "P.5.1")}
    assert {lay.kode_proses for lay in layanan.values()} >= {"P.5.2", "P.5.3", "P.5.4", "P.5.5", "P.5.6", "P.5.7", "P.5.8"}
    for kode, lay in layanan.items():
        assert lay.produk and lay.dasar_hukum, kode
        assert "UU 24/2013" in lay.dasar_hukum, kode
    assert "Permendagri 2/2016" in layanan["kia-baru"].dasar_hukum
    assert "UU 23/2006" in layanan["P.5.1-lahir"].dasar_hukum
    assert "Surat Keterangan Lahir Mati" in layanan["P.5.1-lahir-mati"].produk
    assert not layanan["ktp-el-baru"].boleh_daring  # biometric recording at the counter
    assert layanan["kk-hilang"].boleh_daring


def test_filling_again_keeps_what_the_administrator_set():
    Layanan.objects.filter(kode="kk-hilang").update(boleh_daring=False, produk="KK (diubah)", dasar_hukum="Perda uji")
    Layanan.objects.filter(kode="kk-rusak").update(produk="", dasar_hukum="Perda uji")
    isi_standar_pelayanan(Layanan)
    migrasi = importlib.import_module("apps.pendaftaran.migrations.0011_standar_pelayanan")
    from django.apps import apps

    migrasi.isi(apps, None)
    hilang = Layanan.objects.get(kode="kk-hilang")
    assert (hilang.boleh_daring, hilang.produk, hilang.dasar_hukum) == (False, "KK (diubah)", "Perda uji")
    rusak = Layanan.objects.get(kode="kk-rusak")
    assert rusak.produk.startswith("Kartu Keluarga") and rusak.dasar_hukum == "Perda uji"


def test_the_administrator_edits_them_in_admin(admin_client):
    lay = Layanan.objects.get(kode="kk-hilang")
    html = admin_client.get(f"/admin/pendaftaran/layanan/{lay.pk}/change/").content.decode()
    for nama in ("boleh_daring", "produk", "dasar_hukum", "target_hari_kerja"):
        assert f'name="{nama}"' in html
