"""Fixtures of capil's tests: the local TTE keys and signing officials of apps/dokumen's tests,
the people of the flow, one family of the register."""

import pytest

from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci, kadis  # noqa: F401

from .factories import keluarga_baru


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def keluarga(db):
    """(keluarga, ayah, ibu) of Karangketug, Gadingrejo."""
    return keluarga_baru()
