"""P.3.1: the budget per DPA line — committed, paid, remaining; refusal above the remainder."""

from decimal import Decimal

import pytest

from apps.core.workflow import AksiDitolak
from apps.keuangan import services
from apps.keuangan.selectors import realisasi_dpa

from . import factories as f

pytestmark = pytest.mark.django_db


def test_it_refuses_a_request_above_the_remaining_budget(orang):
    baris = f.baris(orang)  # pagu 10.000.000,00
    services.permintaan_ajukan(baris=baris, kegiatan="A", jumlah=Decimal("6000000.00"), pengguna=orang.pptk)
    with pytest.raises(AksiDitolak, match="melebihi sisa anggaran"):
        services.permintaan_ajukan(baris=baris, kegiatan="B", jumlah=Decimal("4000000.01"), pengguna=orang.pptk)
    services.permintaan_ajukan(baris=baris, kegiatan="C", jumlah=Decimal("4000000.00"), pengguna=orang.pptk)
    assert realisasi_dpa().get(pk=baris.pk).sisa == Decimal("0.00")


def test_cancelled_releases_and_sp2d_counts_as_paid(orang):
    baris = f.baris(orang)
    f.permintaan(orang, status="dibatalkan", jumlah=Decimal("2000000.00"), baris_dpa=baris)
    f.permintaan(orang, status="dibayar", jumlah=Decimal("3000000.00"), baris_dpa=baris)
    f.permintaan(orang, status="spj_disusun", jumlah=Decimal("1000000.00"), baris_dpa=baris)
    b = realisasi_dpa().get(pk=baris.pk)
    assert (b.pagu, b.terikat, b.dibayar, b.sisa) == (
        Decimal("10000000.00"), Decimal("1000000.00"), Decimal("3000000.00"), Decimal("6000000.00"))


def test_a_draft_dpa_is_not_a_budget(orang):
    dok = f.perencanaan(orang, status="draf", jenis="dpa", isi=f.ISI_DPA)
    assert not dok.baris_dpa.exists()  # lines appear only on approval


def test_a_line_already_spent_on_keeps_at_least_what_it_holds(orang):
    dok = f.dpa(orang)
    baris = dok.baris_dpa.get(kode_rekening="5.1.02.01.01.0024")
    services.permintaan_ajukan(baris=baris, kegiatan="A", jumlah=Decimal("8000000.00"), pengguna=orang.pptk)
    with pytest.raises(AksiDitolak, match="di bawah yang sudah terpakai"):
        services.dpa_terapkan(dokumen=dok, isi="5.1.02.01.01.0024 | ATK | 7.000.000,00\n")
