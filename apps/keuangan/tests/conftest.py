import pytest

from apps.dokumen.tests.conftest import _tte_lokal, direktori_kunci  # noqa: F401

from .factories import Orang


@pytest.fixture
def orang(pengguna):
    return Orang(pengguna)
