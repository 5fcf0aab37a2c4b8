"""A resubmitted intake form (the same one-time key: a retried POST after a timeout or a 500)
lands on the request its first submission created, never on a duplicate."""

import re

import pytest

from apps.pendaftaran.models import PermohonanDenganVerifikasi

from .factories import layanan
from .test_pendaftaran_baru import URL, isian, penduduk  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def test_the_same_form_submitted_twice_creates_one_request(client, pengguna, penduduk):  # noqa: F811
    client.force_login(pengguna("petugas_fo"))
    lay = layanan("kk", "hilang")
    halaman = client.get(URL, {"layanan": lay.pk}).content.decode()
    kunci = re.search(r'name="kunci_idempoten" value="([0-9a-f]{32})"', halaman).group(1)
    pertama = client.post(URL, isian(lay, kunci_idempoten=kunci))
    kedua = client.post(URL, isian(lay, kunci_idempoten=kunci))
    assert PermohonanDenganVerifikasi.objects.count() == 1
    assert pertama.status_code == kedua.status_code == 302 and kedua["Location"] == pertama["Location"]
    # A new form gets a new key: a second, different request is still possible.
    baru = re.search(r'name="kunci_idempoten" value="([0-9a-f]{32})"', client.get(URL, {"layanan": lay.pk}).content.decode()).group(1)
    assert baru != kunci
    client.post(URL, isian(lay, kunci_idempoten=baru))
    assert PermohonanDenganVerifikasi.objects.count() == 2
