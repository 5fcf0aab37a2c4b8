"""The list pages of P.7 run a fixed number of queries whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .factories import inovasi_ke, perjanjian_ke

pytestmark = pytest.mark.django_db


def _jumlah_query(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return len(q)


@pytest.mark.parametrize("nama, peran", [
    ("pemanfaatan:perjanjian-publik", None),
    ("pemanfaatan:perjanjian-register", "kabid"),
    ("pemanfaatan:inovasi-publik", None),
    ("pemanfaatan:perjanjiandata-antrian", "admin_piak"),
])
def test_fixed_queries_with_2_and_20_rows(client, pengguna, nama, peran):
    if peran:
        client.force_login(pengguna(peran))
    url = reverse(nama)
    for _ in range(2):
        perjanjian_ke("berlaku")
        perjanjian_ke("diajukan")
        inovasi_ke("disosialisasikan")
    sedikit = _jumlah_query(client, url)
    for _ in range(18):
        perjanjian_ke("berlaku")
        perjanjian_ke("diajukan")
        inovasi_ke("disosialisasikan")
    assert _jumlah_query(client, url) == sedikit
