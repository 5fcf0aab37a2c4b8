"""The kernel's queue page (issue 8 §6): search by part of a tracking code, part of a NIK or a name;
a status filter with only the states of the queue's own flow; letter queues do not ask for a NIK."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from apps.core.kode import varian_kode_lacak
from apps.core.workflow import status_alur
from tests.kernel_app.models import ContohA

URL = "kernel_app:contoha-antrian"


@pytest.fixture
def rekam(client, django_user_model):
    u = django_user_model.objects.create_user("rekam", password="x")
    u.groups.add(Group.objects.get_or_create(name="operator_rekam")[0])
    client.force_login(u)
    return u


@pytest.fixture
def dua(db):
    return (
        ContohA.objects.create(nama="Siti Aminah", nik="3575014107900003"),
        ContohA.objects.create(nama="Budi Santoso", nik="3575020101800001"),
    )


def cari(client, q: str) -> list:
    r = client.get(reverse(URL), {"q": q})
    assert r.status_code == 200
    return [o.nama for o in r.context["object_list"]]


def test_it_finds_a_tracking_code_by_any_part_typed_without_dashes(client, rekam, dua):
    kode = dua[0].kode_lacak  # XXXX-XXXX-XXXX
    tengah = kode.replace("-", "")[3:9].lower()  # crosses a dash
    assert cari(client, tengah) == ["Siti Aminah"]
    assert cari(client, kode[:6]) == ["Siti Aminah"]
    assert cari(client, kode) == ["Siti Aminah"]


def test_it_finds_part_of_a_nik(client, rekam, dua):
    assert cari(client, "41079000") == ["Siti Aminah"]  # the middle of the NIK
    assert cari(client, "3575") == ["Siti Aminah", "Budi Santoso"]


def test_it_finds_a_name_in_any_case(client, rekam, dua):
    assert cari(client, "santoso") == ["Budi Santoso"]


def test_code_fragments_cover_every_position_of_the_dashes():
    assert varian_kode_lacak("m9tz3h") == ["M9TZ-3H", "M9T-Z3H", "M9-TZ3H", "M-9TZ3-H"]
    assert varian_kode_lacak("ab") == []
    assert varian_kode_lacak("x#") == []


def test_the_status_filter_offers_only_the_states_of_the_flow(client, pengguna):
    from apps.pendaftaran.models import PermohonanDenganVerifikasi, PermohonanTanpaVerifikasi

    client.force_login(pengguna("petugas_fo"))
    r = client.get(reverse("pendaftaran:permohonantanpaverifikasi-antrian"))
    pilihan = [k for k, _ in r.context["form"].fields["status"].choices if k]
    assert pilihan == status_alur(PermohonanTanpaVerifikasi)
    # P.4.1.1 has no verification and no TTE, though it shares its Status enum with P.4.1.2.
    assert "lengkap" in pilihan and "terverifikasi" not in pilihan and "ditandatangani" not in pilihan
    assert {"terverifikasi", "ditandatangani"} <= set(status_alur(PermohonanDenganVerifikasi))


def test_letter_queues_do_not_ask_for_a_nik(client, pengguna):
    client.force_login(pengguna("tata_usaha"))
    r = client.get(reverse("umum:suratmasuk-antrian"))
    petunjuk = r.context["form"].fields["q"].widget.attrs["placeholder"]
    assert "NIK" not in petunjuk and "NIK" not in r.content.decode().split('id="saring"')[1].split("</form>")[0]
    assert petunjuk == "Kode lacak, pengirim, perihal atau nomor surat"


def test_service_queues_ask_for_a_nik_or_a_name(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    r = client.get(reverse("pendaftaran:permohonantanpaverifikasi-antrian"))
    assert r.context["form"].fields["q"].widget.attrs["placeholder"] == "Kode lacak, NIK atau nama"
