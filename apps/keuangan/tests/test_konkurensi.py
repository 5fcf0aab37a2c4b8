"""8 PPTKs requesting against one DPA line at once never exceed its budget (PostgreSQL row lock)."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from apps.core.workflow import AksiDitolak
from apps.keuangan import services
from apps.keuangan.models import PermintaanPembayaran
from apps.keuangan.selectors import realisasi_dpa

from . import factories as f


@pytest.mark.layanan
@pytest.mark.django_db(transaction=True)
def test_eight_threads_never_exceed_the_line_budget(orang):
    if connection.vendor != "postgresql":
        from conftest import layanan_tidak_tersedia

        layanan_tidak_tersedia("uji anggaran serentak perlu PostgreSQL (DATABASE_URL=postgres://...)")
    baris = f.baris(orang)  # pagu 10.000.000,00
    pptk = orang.pptk
    n_thread, per_thread, jumlah = 8, 4, Decimal("700000.00")  # 32 × 700.000 = 22.400.000 asked
    mulai = threading.Barrier(n_thread)
    diterima, ditolak, galat = [], [], []

    def ajukan():
        try:
            mulai.wait()
            for _ in range(per_thread):
                try:
                    services.permintaan_ajukan(baris=baris, kegiatan="Serentak", jumlah=jumlah, pengguna=pptk)
                    diterima.append(1)
                except AksiDitolak:
                    ditolak.append(1)
        except BaseException as exc:  # noqa: BLE001
            galat.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ajukan) for _ in range(n_thread)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not galat, galat
    # 10.000.000 / 700.000 = 14 requests fit (9.800.000); the other 18 are refused.
    assert len(diterima) == 14 and len(ditolak) == 18
    b = realisasi_dpa().get(pk=baris.pk)
    assert b.terikat == Decimal("9800000.00") and b.sisa == Decimal("200000.00") and b.sisa >= 0
    assert PermintaanPembayaran.objects.filter(baris_dpa=baris).count() == 14
