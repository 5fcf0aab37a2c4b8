"""Role × endpoint for the dashboard's state-changing POSTs: only the declared roles succeed, a
refusal changes nothing, and an anonymous visitor is sent to the login page."""

import pytest
from django.utils import timezone

from apps.akun.roles import KODE_PERAN
from apps.dasbor.models import LaporanBulanan, RekapHariSegar
from conftest import buat_pengguna

from .conftest import PASSPHRASE

pytestmark = pytest.mark.django_db


def test_only_declared_roles_change_anything(client, kadis, django_capture_on_commit_callbacks):
    akun = {k: buat_pengguna(k, username=f"u-{k}") for k in KODE_PERAN if k != "kadis"}
    akun["kadis"] = kadis.user  # the signing official, with a certificate
    hari_ini = timezone.localdate()
    laporan = LaporanBulanan.objects.create(tahun=hari_ini.year, bulan=hari_ini.month)
    titik = [
        ("/dasbor/segarkan/", {"dari": hari_ini.isoformat(), "sampai": hari_ini.isoformat()},
         lambda: RekapHariSegar.objects.count(), {"kabid", "kadis", "sekretaris"}),
        ("/dasbor/laporan/susun/", {"bulan": hari_ini.month, "tahun": hari_ini.year},
         lambda: LaporanBulanan.objects.values_list("disusun_pada", flat=True).get(), {"kadis", "sekretaris"}),
        (f"/dasbor/laporan/{laporan.pk}/tte/", {"passphrase": PASSPHRASE},
         lambda: LaporanBulanan.objects.values_list("status", flat=True).get(), {"kadis"}),
        (f"/dasbor/laporan/{laporan.pk}/kirim/", {},
         lambda: LaporanBulanan.objects.values_list("status", flat=True).get(), {"sekretaris", "tata_usaha"}),
    ]
    salah = []
    for url, data, keadaan, boleh in titik:
        for kode in [None, *sorted(set(KODE_PERAN) - boleh)]:
            sebelum = keadaan()
            if kode:
                client.force_login(akun[kode])
            else:
                client.logout()
            with django_capture_on_commit_callbacks(execute=True):
                resp = client.post(url, data)
            if keadaan() != sebelum or resp.status_code not in (302, 403):
                salah.append(("berhasil tanpa hak", url, kode, resp.status_code))
            if kode is None and not resp["Location"].startswith("/masuk/"):
                salah.append(("anonim tidak ke halaman masuk", url, resp["Location"]))
        # One declared role takes the step (the next endpoint starts from its result).
        sebelum = keadaan()
        client.force_login(akun[sorted(boleh)[0]])
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url, data)
        if keadaan() == sebelum:
            salah.append(("peran yang berhak ditolak", url, sorted(boleh)[0]))
    assert not salah, salah
