"""Numbers per type and year with no gaps or duplicates, also with many issuers at once."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from apps.dokumen import services
from apps.dokumen.models import Dokumen


def test_numbers_follow_the_type_pattern(db, contoh, monkeypatch):
    monkeypatch.setattr(services, "_antrekan_proses", lambda *a, **k: None)
    a = services.dokumen_terbitkan(objek=contoh, jenis="tanda_terima")
    b = services.dokumen_terbitkan(objek=contoh, jenis="tanda_terima")
    c = services.dokumen_terbitkan(objek=contoh, jenis="ktp_el_cetak")
    assert (a.urut, b.urut, c.urut) == (1, 2, 1)
    assert a.nomor == f"TT/000001/{a.tahun}" and c.nomor == f"CTK-KTP/000001/{c.tahun}"


@pytest.mark.layanan
@pytest.mark.django_db(transaction=True)
def test_concurrent_issuers_get_exactly_1_to_n(contoh, monkeypatch):
    if connection.vendor != "postgresql":
        from conftest import layanan_tidak_tersedia

        layanan_tidak_tersedia("uji penomoran serentak perlu PostgreSQL (DATABASE_URL=postgres://...)")
    monkeypatch.setattr(services, "_antrekan_proses", lambda *a, **k: None)
    n_thread, per_thread = 8, 5
    mulai = threading.Barrier(n_thread)
    galat: list[BaseException] = []

    def terbitkan():
        try:
            mulai.wait()
            for _ in range(per_thread):
                services.dokumen_terbitkan(objek=contoh, jenis="surat")
        except BaseException as exc:  # noqa: BLE001
            galat.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=terbitkan) for _ in range(n_thread)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not galat, galat
    urut = sorted(Dokumen.objects.filter(jenis="surat").values_list("urut", flat=True))
    assert urut == list(range(1, n_thread * per_thread + 1))
    assert Dokumen.objects.filter(jenis="surat").values("nomor").distinct().count() == n_thread * per_thread
