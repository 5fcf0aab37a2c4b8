"""Users and roles in Django admin: the administrator sees each person's roles and filters by role."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse


@pytest.fixture
def klien_admin(client, pengguna):
    admin = pengguna("admin")
    admin.is_staff = True
    admin.save(update_fields=["is_staff"])
    client.force_login(admin)
    return client


def test_user_list_shows_and_filters_roles(klien_admin, pengguna):
    pengguna("kabid")
    pengguna("kasi")
    daftar = reverse("admin:auth_user_changelist")
    r = klien_admin.get(daftar)
    assert r.status_code == 200
    assert "Kepala bidang" in r.content.decode()
    r = klien_admin.get(daftar, {"peran": "kabid"})
    assert [u.username for u in r.context["cl"].result_list] == ["kabid"]
    r = klien_admin.get(daftar, {"q": "kasi"})
    assert [u.username for u in r.context["cl"].result_list] == ["kasi"]


def test_user_list_lists_users_without_a_role(klien_admin, django_user_model):
    django_user_model.objects.create_user("baru", password="x-rahasia-123")
    r = klien_admin.get(reverse("admin:auth_user_changelist"), {"peran": "-"})
    assert [u.username for u in r.context["cl"].result_list] == ["baru"]


def test_user_list_takes_constant_queries(klien_admin, pengguna, django_assert_max_num_queries):
    daftar = reverse("admin:auth_user_changelist")
    with django_assert_max_num_queries(20) as sedikit:
        klien_admin.get(daftar)
    for kode in ["kabid", "kasi", "kadis", "verifikator", "caraka", "pptk"]:
        pengguna(kode)
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        klien_admin.get(daftar)


def test_admin_gives_a_role_to_a_user(klien_admin, django_user_model):
    user = django_user_model.objects.create_user("pegawai_baru", password="x-rahasia-123")
    grup = Group.objects.get(name="verifikator")
    r = klien_admin.get(reverse("admin:auth_user_change", args=[user.pk]))
    assert r.status_code == 200
    data = {
        "username": "pegawai_baru", "first_name": "Nur", "last_name": "Aini", "email": "", "is_active": "on",
        "groups": [grup.pk], "last_login_0": "", "last_login_1": "", "date_joined_0": "2026-11-25",
        "date_joined_1": "08:00:00",
    }
    r = klien_admin.post(reverse("admin:auth_user_change", args=[user.pk]), data)
    assert r.status_code == 302, r.context["adminform"].form.errors if r.context else r
    assert list(user.groups.values_list("name", flat=True)) == ["verifikator"]


def test_role_groups_cannot_be_renamed_regranted_or_deleted(klien_admin):
    client = klien_admin
    kabid = Group.objects.get(name="kabid")
    r = client.get(reverse("admin:auth_group_change", args=[kabid.pk]))
    assert r.status_code == 200
    assert r.context["adminform"].form.fields.keys().isdisjoint({"name", "permissions"})
    client.post(reverse("admin:auth_group_change", args=[kabid.pk]), {"name": "kepala", "permissions": [Permission.objects.first().pk]})
    kabid.refresh_from_db()
    assert kabid.name == "kabid"
    assert client.post(reverse("admin:auth_group_delete", args=[kabid.pk]), {"post": "yes"}).status_code == 403


def test_role_list_searches_and_filters(klien_admin):
    client = klien_admin
    Group.objects.create(name="panitia")
    daftar = reverse("admin:auth_group_changelist")
    r = client.get(daftar, {"jenis": "lain"})
    assert [g.name for g in r.context["cl"].result_list] == ["panitia"]
    r = client.get(daftar, {"q": "kabid"})
    assert [g.name for g in r.context["cl"].result_list] == ["kabid"]
