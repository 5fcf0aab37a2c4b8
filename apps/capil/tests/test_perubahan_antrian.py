"""The P.5.2–P.5.8 queue costs the same number of queries for 1 and 4 requests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.capil.models import PerubahanAkta
from apps.core.urls import url_proses

from .test_perubahan import permohonan


def _jumlah(client) -> int:
    with CaptureQueriesContext(connection) as q:
        r = client.get(url_proses(PerubahanAkta, "antrian"))
    assert r.status_code == 200
    return len(q)


def test_queue_queries_do_not_grow_with_rows(client, pengguna):
    fo = pengguna("petugas_fo")
    client.force_login(fo)
    permohonan(fo)
    _jumlah(client)  # the first page of a session warms its caches
    satu = _jumlah(client)
    for i in range(3):
        permohonan(fo, nomor_akta=f"474.1/{i}/1990")
    assert _jumlah(client) == satu
