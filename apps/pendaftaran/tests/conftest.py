import pytest

from .factories import buat_pejabat, instansi_mitra, jadikan_petugas_mitra, pastikan_katalog


@pytest.fixture(autouse=True)
def _katalog(request):
    if "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
        pastikan_katalog()


@pytest.fixture
def instansi(db):
    return instansi_mitra()


@pytest.fixture
def mitra(pengguna, instansi):
    """The partner officer of ``instansi``."""
    user = pengguna("petugas_integrasi")
    jadikan_petugas_mitra(user, instansi)
    return user


@pytest.fixture
def kunci_tte(settings, tmp_path):
    settings.TTE_BACKEND = "lokal"
    settings.TTE_KEY_DIR = tmp_path / "tte"
    settings.TTE_KEY_DIR.mkdir()
    return settings.TTE_KEY_DIR


@pytest.fixture
def kabid(pengguna, kunci_tte):
    user = pengguna("kabid")
    buat_pejabat(user, nip="197001011995031001", direktori=kunci_tte)
    return user
