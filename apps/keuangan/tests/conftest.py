import pytest

from .factories import Orang


@pytest.fixture
def orang(pengguna):
    return Orang(pengguna)
