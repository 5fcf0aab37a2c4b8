"""KueriTetap: a queryset compiled once per process gives the rows the ORM gives, on any date."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from apps.core.kueri import PENANDA_ID, KueriTetap, kolom_model
from apps.core.models import RiwayatStatus
from tests.kernel_app.models import Contoh

pytestmark = pytest.mark.django_db

_RIWAYAT = KueriTetap(
    lambda ct, pk: RiwayatStatus.objects.filter(content_type_id=ct, object_id=pk).values_list("aksi", "ke", "waktu"),
    penanda=PENANDA_ID,
)


def test_it_gives_the_rows_of_the_orm_with_their_converters():
    satu, dua = Contoh.objects.create(nama="Satu"), Contoh.objects.create(nama="Dua")
    ct = ContentType.objects.get_for_model(Contoh).pk
    for i, obj in enumerate((satu, dua, satu)):
        RiwayatStatus.objects.create(content_type_id=ct, object_id=obj.pk, aksi=f"a{i}", ke=f"s{i}",
                                     waktu=timezone.now() + datetime.timedelta(minutes=i))
    for obj in (satu, dua):  # the second run binds other values to the same SQL
        orm = list(RiwayatStatus.objects.filter(content_type_id=ct, object_id=obj.pk).values_list("aksi", "ke", "waktu"))
        assert orm and _RIWAYAT.baris(ct, obj.pk) == orm
    waktu = _RIWAYAT.baris(ct, satu.pk)[0][2]
    assert [b[0] for b in _RIWAYAT.baris(ct, satu.pk)] == ["a0", "a2"]  # the queryset's order
    assert isinstance(waktu, datetime.datetime) and timezone.is_aware(waktu)  # SQLite's text too
    assert _RIWAYAT.baris(ct, dua.pk + 1000) == []


def test_a_placeholder_must_reach_the_sql_once():
    berulang = KueriTetap(lambda n: Contoh.objects.filter(nama=n, kode_lacak=n).values_list("pk"), penanda=("~",))
    with pytest.raises(ValueError, match="2 kali"):
        berulang.baris("x")
    hilang = KueriTetap(lambda n: Contoh.objects.filter(pk=1_999_999_990).values_list("pk"), penanda=(7,))
    with pytest.raises(ValueError, match="0 kali"):
        hilang.baris(7)


def test_kolom_model_is_the_order_from_db_takes():
    obj = Contoh.objects.create(nama="Tiga")
    baris = Contoh.objects.filter(pk=obj.pk).values_list(*kolom_model(Contoh)).get()
    salinan = Contoh.from_db("default", kolom_model(Contoh), baris)
    assert salinan.pk == obj.pk and salinan.nama == "Tiga" and salinan.status == obj.status
    assert not salinan._state.adding
