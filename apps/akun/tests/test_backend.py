"""BackendPeran: the user and their roles in one query, kept briefly in the cache, and every
change of the account or its roles taking effect on the next page."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

pytestmark = pytest.mark.django_db

ANTRIAN = reverse("pendaftaran:permohonandenganverifikasi-antrian")


@pytest.fixture
def fo(client, pengguna):
    user = pengguna("petugas_fo")
    client.force_login(user)
    assert client.get(ANTRIAN).status_code == 200  # the user is now in the cache
    return user


def test_a_page_reads_the_user_and_roles_with_one_query_then_none(client, fo, django_assert_num_queries):
    from django.core.cache import cache

    cache.delete(f"akun:pengguna:{fo.pk}")
    r = client.get(reverse("akun:beranda"))
    assert r.status_code == 200 and r.wsgi_request.user.pk == fo.pk
    assert r.wsgi_request.user._peran_cache == frozenset({"petugas_fo"})
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as dengan_cache:
        client.get(reverse("akun:beranda"))
    assert not [q for q in dengan_cache.captured_queries if "auth_user" in q["sql"] or "auth_group" in q["sql"]]


def test_a_role_removed_takes_effect_on_the_next_page(client, fo):
    fo.groups.remove(Group.objects.get(name="petugas_fo"))
    assert client.get(ANTRIAN).status_code == 403


def test_a_role_removed_from_the_group_side_takes_effect(client, fo):
    Group.objects.get(name="petugas_fo").user_set.remove(fo)
    assert client.get(ANTRIAN).status_code == 403


def test_a_cleared_group_takes_effect(client, fo):
    Group.objects.get(name="petugas_fo").user_set.clear()
    assert client.get(ANTRIAN).status_code == 403


def test_a_role_added_takes_effect(client, fo):
    fo.groups.add(Group.objects.get(name="verifikator"))
    r = client.get(ANTRIAN)
    assert r.wsgi_request.user._peran_cache == frozenset({"petugas_fo", "verifikator"})


def test_a_renamed_role_group_takes_effect(client, fo):
    grup = Group.objects.get(name="petugas_fo")
    grup.name = "petugas_fo_lama"
    grup.save()
    assert client.get(ANTRIAN).status_code == 403


def test_a_deactivated_account_is_logged_out_on_the_next_page(client, fo):
    fo.is_active = False
    fo.save()
    r = client.get(ANTRIAN)
    assert r.status_code == 302 and reverse("akun:masuk") in r["Location"]


def test_a_changed_password_ends_the_other_sessions(client, fo):
    fo.set_password("sandi-baru-yang-panjang-1")
    fo.save()
    r = client.get(ANTRIAN)
    assert r.status_code == 302
