"""Fixtures shared by every test: one user per role (PROCESSES.md), a fast password hasher."""

import pytest
from django.contrib.auth.models import Group, User

from apps.akun.roles import KODE_PERAN


@pytest.fixture(autouse=True)
def _cepat(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "berkas"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def buat_pengguna(kode: str, username: str | None = None) -> User:
    user = User.objects.create_user(username=username or kode, password="rahasia-uji-1", first_name=kode.replace("_", " ").title())
    user.groups.add(Group.objects.get(name=kode))
    return user


@pytest.fixture
def pengguna(db):
    """A factory: ``pengguna("kabid")`` is a user holding that one role."""
    dibuat: dict[str, User] = {}

    def _ambil(kode: str) -> User:
        if kode not in dibuat:
            dibuat[kode] = buat_pengguna(kode)
        return dibuat[kode]

    return _ambil


@pytest.fixture
def semua_peran(db) -> dict[str, User]:
    return {kode: buat_pengguna(kode) for kode in KODE_PERAN}
