import pytest

from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci, kadis  # noqa: F401


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE
