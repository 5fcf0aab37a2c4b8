"""penduduk_ubah / keluarga_ubah and the member helpers: every change audited, taken numbers refused."""

import pytest
from django.core.exceptions import ValidationError

from apps.penduduk.models import Keluarga, Penduduk, RiwayatRegister, Wilayah
from apps.penduduk.services import (
    keluarga_buat,
    keluarga_keluarkan_anggota,
    keluarga_tambah_anggota,
    keluarga_ubah,
    penduduk_ubah,
)
from apps.penduduk.sintetis import register_buat
from tests.kernel_app.models import Contoh

pytestmark = pytest.mark.django_db


@pytest.fixture
def keluarga():
    register_buat(jumlah=30, seed=11)
    return Keluarga.objects.filter(anggota__hubungan="anak").select_related("kepala").order_by("no_kk").first()


def test_it_changes_a_resident_and_keeps_before_and_after(keluarga, pengguna):
    anak = keluarga.anggota.filter(hubungan="anak").first()
    sebab = Contoh.objects.create(nama="uji")
    oleh = pengguna("operator_siak")
    log = penduduk_ubah(penduduk=anak, perubahan={"pekerjaan": "GURU", "pendidikan": "s1"}, sebab=sebab, oleh=oleh,
                        alasan="KK perubahan data")
    anak.refresh_from_db()
    assert (anak.pekerjaan, anak.pendidikan) == ("GURU", "s1")
    assert log.perubahan["pekerjaan"]["sesudah"] == "GURU"
    assert log.perubahan["pekerjaan"]["sebelum"] != "GURU"
    assert log.perubahan["pendidikan"]["sesudah"] == "s1"
    assert log.sebab == sebab and log.oleh == oleh and log.alasan == "KK perubahan data"


def test_it_writes_nothing_when_nothing_changes(keluarga):
    anak = keluarga.anggota.filter(hubungan="anak").first()
    assert penduduk_ubah(penduduk=anak, perubahan={"nama": anak.nama}) is None
    assert not RiwayatRegister.objects.exists()


def test_it_refuses_a_no_kk_another_family_holds(keluarga):
    lain = Keluarga.objects.exclude(pk=keluarga.pk).first()
    with pytest.raises(ValidationError) as e:
        keluarga_ubah(keluarga=keluarga, perubahan={"no_kk": lain.no_kk})
    assert "no_kk" in e.value.message_dict
    keluarga.refresh_from_db()
    assert keluarga.no_kk != lain.no_kk
    assert not RiwayatRegister.objects.exists()


def test_it_creates_a_family_with_the_siak_number_and_moves_a_member(keluarga, pengguna):
    anak = keluarga.anggota.filter(hubungan="anak").first()
    baru = keluarga_buat(
        no_kk="3575011203260007",
        data={"alamat": "JL. BARU 1", "rt": "001", "rw": "002", "kelurahan": Wilayah.objects.get(kode="35.75.01.1001")},
        oleh=pengguna("operator_siak"),
    )
    keluarga_keluarkan_anggota(penduduk=anak)
    keluarga_tambah_anggota(keluarga=baru, penduduk=anak, hubungan="kepala")
    anak.refresh_from_db()
    baru.refresh_from_db()
    assert anak.keluarga == baru and anak.hubungan == "kepala" and baru.kepala == anak
    assert RiwayatRegister.objects.filter(keluarga=baru).count() == 2  # created, head named
    assert RiwayatRegister.objects.filter(penduduk=anak).count() == 2  # left old card, joined new one
    with pytest.raises(ValidationError):
        keluarga_buat(no_kk=keluarga.no_kk, data={"alamat": "X", "rt": "1", "rw": "1", "kelurahan": baru.kelurahan})


def test_a_head_taken_off_leaves_the_family_without_head(keluarga):
    kepala = keluarga.kepala
    keluarga_keluarkan_anggota(penduduk=kepala)
    keluarga.refresh_from_db()
    assert keluarga.kepala is None
    assert Penduduk.objects.get(pk=kepala.pk).keluarga is None
