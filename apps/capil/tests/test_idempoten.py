"""A resubmitted P.5.1 intake form (the same one-time key) creates one report, not two."""

import re

import pytest
from django.urls import reverse

from apps.capil.models import PencatatanSipil

from .test_halaman import _data_kelahiran

pytestmark = pytest.mark.django_db


def test_the_same_form_submitted_twice_creates_one_report(client, pengguna, keluarga):
    kk, ayah, ibu = keluarga
    client.force_login(pengguna("petugas_fo"))
    url = reverse("capil:pencatatan-baru-jenis", args=["kelahiran"])
    kunci = re.search(r'name="kunci_idempoten" value="([0-9a-f]{32})"', client.get(url).content.decode()).group(1)
    pertama = client.post(url, _data_kelahiran(kk, ayah, ibu, kunci_idempoten=kunci))
    kedua = client.post(url, _data_kelahiran(kk, ayah, ibu, kunci_idempoten=kunci))
    assert pertama.status_code == kedua.status_code == 302 and kedua["Location"] == pertama["Location"]
    assert PencatatanSipil.objects.count() == 1
