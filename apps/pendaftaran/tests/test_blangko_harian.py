"""The blangko register as the Kabid reads it: the stock on hand and its use per day, a reprint's
card counted as spoiled — for the elderly/disabled recording (P.4.3.2) as for the regular one."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.core.workflow import aksi_model, jalankan_aksi, jalankan_dari_form, kelas_form
from apps.pendaftaran.models.blangko import MutasiBlangko, StokBlangko
from apps.pendaftaran.services_p4 import blangko_terima

from .pabrik_p4 import buat_lansia

pytestmark = pytest.mark.django_db


def _cetak(obj, user):
    info = aksi_model(type(obj))["cetak"]
    form = kelas_form(info)({"versi": obj.versi}, aksi=info, objek=obj, pengguna=user)
    assert form.is_valid(), form.errors
    jalankan_dari_form(objek=obj, pengguna=user, form=form, info=info)
    obj.refresh_from_db()


def test_a_p432_reprint_takes_a_second_card_counted_as_spoiled(pengguna):
    siak, ambil = pengguna("operator_siak"), pengguna("operator_pengambilan")
    blangko_terima(jumlah=3)
    obj = buat_lansia("siap_cetak")
    _cetak(obj, siak)
    jalankan_aksi(objek=obj, aksi="cetakan_rusak", pengguna=ambil, catatan="Chip tidak terbaca")
    _cetak(obj, siak)
    assert obj.status == "dicetak" and StokBlangko.objects.get().stok == 1
    gerak = sorted(MutasiBlangko.objects.filter(perekaman_lansia=obj).values_list("gerak", flat=True))
    assert gerak == ["pakai", "rusak"]


def test_kabid_sees_the_stock_and_its_use_per_day(client, pengguna):
    siak = pengguna("operator_siak")
    hari_ini = timezone.localdate()
    kemarin = hari_ini - timedelta(days=1)
    blangko_terima(jumlah=5, oleh=siak)
    MutasiBlangko.objects.update(tanggal=kemarin)
    obj = buat_lansia("siap_cetak")
    _cetak(obj, siak)
    jalankan_aksi(objek=obj, aksi="cetakan_rusak", pengguna=pengguna("operator_pengambilan"), catatan="Foto buram")
    _cetak(obj, siak)

    client.force_login(pengguna("kabid"))
    r = client.get(reverse("pendaftaran:blangko"))
    assert r.status_code == 200
    isi = r.content.decode()
    assert 'id="stok-blangko">3<' in isi and "Pemakaian per hari" in isi
    assert r.context["hari"] == [
        {"tanggal": hari_ini, "diterima": 0, "dipakai": 1, "rusak": 1, "stok_akhir": 3},
        {"tanggal": kemarin, "diterima": 5, "dipakai": 0, "rusak": 0, "stok_akhir": 5},
    ]
    # The kabid reads; only operator SIAK records a delivery.
    assert r.context["form"] is None and 'name="jumlah"' not in isi
