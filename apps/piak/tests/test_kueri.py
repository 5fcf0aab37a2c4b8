"""PIAK's list pages run a fixed number of queries whatever the number of rows."""

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.piak.models import JawabanSkm

from .factories import insiden_ke, pemutakhiran_ke

pytestmark = pytest.mark.django_db


def _jumlah_kueri(client, url, django_assert_max_num_queries, batas):
    client.get(url)
    with django_assert_max_num_queries(batas):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("jumlah", [1, 6])
def test_incident_and_update_queues(client, pengguna, django_assert_max_num_queries, jumlah):
    for _ in range(jumlah):
        insiden_ke("dilaporkan", pengguna)
        pemutakhiran_ke("lengkap", pengguna)
    client.force_login(pengguna("pejabat_piak"))
    _jumlah_kueri(client, reverse("piak:insiden-antrian"), django_assert_max_num_queries, 12)
    client.force_login(pengguna("adb"))
    _jumlah_kueri(client, reverse("piak:pemutakhirandata-antrian"), django_assert_max_num_queries, 12)


@pytest.mark.parametrize("jumlah", [1, 30])
def test_the_ikm_page(client, django_assert_max_num_queries, jumlah):
    for i in range(jumlah):
        JawabanSkm.objects.create(kunci=f"k{i}", kode_layanan=f"P.6.{1 + i % 3}", layanan=f"Layanan {i % 3}",
                                  tanggal=timezone.localdate(), **{f"u{j}": 1 + (i + j) % 4 for j in range(1, 10)})
    _jumlah_kueri(client, reverse("piak:ikm"), django_assert_max_num_queries, 4)
