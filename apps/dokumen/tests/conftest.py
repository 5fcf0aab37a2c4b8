"""Fixtures of the document tests: a local CA made once per session, signing officials."""

from __future__ import annotations

import pytest

from apps.dokumen.management.commands.buat_sertifikat_lokal import PASSPHRASE_DEMO
from apps.dokumen.models import Pejabat
from apps.dokumen.tte.sertifikat import buat_p12_pejabat, muat_atau_buat_ca

PASSPHRASE = PASSPHRASE_DEMO


@pytest.fixture(scope="session")
def direktori_kunci(tmp_path_factory):
    direktori = tmp_path_factory.mktemp("tte")
    ca_cert, ca_key, _ = muat_atau_buat_ca(direktori)
    for nip, nama in [("197508172000122001", "Ir. Sri Rahayu, M.M."), ("197003121995031002", "Dr. Bambang Sutrisno, S.H., M.Si.")]:
        buat_p12_pejabat(direktori, nama=nama, nip=nip, passphrase=PASSPHRASE, ca_cert=ca_cert, ca_key=ca_key)
    return direktori


@pytest.fixture(autouse=True)
def _tte_lokal(settings, direktori_kunci):
    settings.TTE_BACKEND = "lokal"
    settings.TTE_KEY_DIR = direktori_kunci
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def kabid(pengguna) -> Pejabat:
    user = pengguna("kabid")
    return Pejabat.objects.create(
        user=user, nama="Ir. Sri Rahayu, M.M.", nip="197508172000122001",
        jabatan="Kepala Bidang Pelayanan Pendaftaran Penduduk",
    )


@pytest.fixture
def kadis(pengguna) -> Pejabat:
    user = pengguna("kadis")
    return Pejabat.objects.create(
        user=user, nama="Dr. Bambang Sutrisno, S.H., M.Si.", nip="197003121995031002",
        jabatan="Kepala Dinas Kependudukan dan Pencatatan Sipil",
    )


@pytest.fixture
def contoh(db):
    from tests.kernel_app.models import ContohDokumen

    return ContohDokumen.objects.create(email="siti@contoh.id")
