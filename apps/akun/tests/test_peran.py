"""Role groups: created by the migration, given exactly the permissions of roles.py after migrate."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from apps.akun.roles import IZIN, KODE_PERAN, MASTER_DATA
from apps.akun.signals import _APP_PORTAL, sinkron_izin


def _izin(grup: Group) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in grup.permissions.select_related("content_type")}


def _harapan_admin() -> set[str]:
    kondisi = Q(content_type__app_label__in=_APP_PORTAL, codename__startswith="view_")
    for label in MASTER_DATA:
        app_label, model = label.split(".")
        kondisi |= Q(content_type__app_label=app_label, content_type__model=model)
    return {f"{p.content_type.app_label}.{p.codename}" for p in Permission.objects.filter(kondisi).select_related("content_type")}


def test_migrate_creates_every_role_group(db):
    # The test database was built by `migrate`, so this is the state a fresh install has.
    assert set(Group.objects.values_list("name", flat=True)) >= set(KODE_PERAN)


@pytest.mark.parametrize("kode", KODE_PERAN)
def test_each_role_holds_only_its_permissions(db, kode):
    grup = Group.objects.get(name=kode)
    izin = IZIN.get(kode, [])
    harapan = _harapan_admin() if izin == "*master*" else set(izin)
    assert _izin(grup) == harapan


def test_listed_permissions_exist(db):
    # A typo in roles.py would silently give a role nothing.
    for kode, izin in IZIN.items():
        if izin == "*master*":
            continue
        for nama in izin:
            app_label, codename = nama.split(".")
            assert Permission.objects.filter(content_type__app_label=app_label, codename=codename).exists(), (kode, nama)


def test_admin_role_edits_master_data_and_only_reads_the_rest(db):
    izin = _izin(Group.objects.get(name="admin"))
    assert {"core.add_harilibur", "core.change_harilibur", "auth.change_user", "penduduk.change_wilayah"} <= izin
    assert "core.view_riwayatstatus" in izin
    assert "core.change_riwayatstatus" not in izin
    assert "penduduk.change_penduduk" not in izin
    assert not {p for p in izin if p.split(".")[1].startswith(("add_", "change_", "delete_"))} - {
        f"{label.split('.')[0]}.{aksi}_{label.split('.')[1]}" for label in MASTER_DATA for aksi in ("add", "change", "delete")
    }


def test_sync_restores_roles_after_hand_edits(db):
    kabid = Group.objects.get(name="kabid")
    kabid.permissions.add(Permission.objects.get(codename="delete_user"))
    Group.objects.filter(name="caraka").delete()
    sinkron_izin()
    assert Group.objects.filter(name="caraka").exists()
    assert _izin(Group.objects.get(name="kabid")) == set(IZIN["kabid"])


def test_sync_is_idempotent(db):
    sebelum = {g.name: _izin(g) for g in Group.objects.filter(name__in=KODE_PERAN)}
    sinkron_izin()
    sinkron_izin()
    assert {g.name: _izin(g) for g in Group.objects.filter(name__in=KODE_PERAN)} == sebelum


def test_migration_creates_missing_groups(db):
    migrasi = importlib.import_module("apps.akun.migrations.0001_peran")
    Group.objects.filter(name__in=KODE_PERAN).delete()
    migrasi.buat_grup(django_apps, None)
    migrasi.buat_grup(django_apps, None)
    assert sorted(Group.objects.filter(name__in=KODE_PERAN).values_list("name", flat=True)) == sorted(KODE_PERAN)
