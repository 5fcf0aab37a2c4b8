"""P.1.2.2 — archive codes, filing with retention dates, and finding filed letters."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.umum.forms import ArsipkanForm
from apps.umum.models import KlasifikasiArsip
from apps.umum.selectors import arsip_cari
from apps.umum.services import surat_masuk_arsipkan

URL_ARSIP = reverse("umum:arsip-cari")


def test_initial_codes_are_a_subset_in_code_order(db):
    kode = list(KlasifikasiArsip.objects.values_list("kode", flat=True))
    for k in ["000", "000.1", "000.5", "400", "400.12", "400.12.2", "400.12.3", "470", "800", "900"]:
        assert k in kode
    assert kode[0] == "000"
    assert kode.index("400.12.4") < kode.index("400.14")  # 12 before 14, not as text
    lama = KlasifikasiArsip.objects.get(kode="470")
    assert not lama.berlaku and "Permendagri 78/2012" in lama.keterangan


def test_codes_sort_by_number_not_by_text(db):
    KlasifikasiArsip.objects.create(kode="400.3", nama="Pendidikan")
    kode = list(KlasifikasiArsip.objects.filter(kode__startswith="400.").values_list("kode", flat=True))
    assert kode.index("400.3") < kode.index("400.12")


def test_old_codes_are_not_offered_for_filing(db):
    pilihan = ArsipkanForm.base_fields["klasifikasi"].queryset
    assert not pilihan.filter(kode="470").exists() and pilihan.filter(kode="400.12").exists()


def test_filing_records_the_code_the_place_and_the_retention_dates(alur):
    surat = alur.ke("diarsipkan")  # code 400.12.3: 2 years active, 3 inactive
    hari_ini = timezone.localdate()
    assert surat.klasifikasi.kode == "400.12.3"
    assert surat.lokasi_arsip == "Lemari A · Laci 2 · Map Undangan 2026"
    assert surat.diarsipkan_pada == hari_ini
    assert surat.retensi_aktif_sampai == hari_ini.replace(year=hari_ini.year + 2)
    assert surat.retensi_inaktif_sampai == hari_ini.replace(year=hari_ini.year + 5)
    assert surat.selesai


def test_retention_follows_the_code_as_the_administrator_set_it(alur):
    kode = KlasifikasiArsip.objects.get(kode="000.1.5")
    assert kode.retensi_aktif is None
    surat = alur.ke("tersampaikan")
    surat_masuk_arsipkan(surat=surat, pengguna=alur.tu, klasifikasi=kode, lemari="B", laci="1", map="Rapat")
    surat.refresh_from_db()
    assert (surat.retensi_aktif_sampai, surat.retensi_inaktif_sampai) == (None, None)
    kode.retensi_aktif, kode.retensi_inaktif = 1, 2
    kode.save(update_fields=["retensi_aktif", "retensi_inaktif"])
    lain = alur.ke("tersampaikan", nomor_surat="lain")
    surat_masuk_arsipkan(surat=lain, pengguna=alur.tu, klasifikasi=kode, lemari="B", laci="1", map="Rapat")
    lain.refresh_from_db()
    assert lain.retensi_inaktif_sampai.year == timezone.localdate().year + 3


def test_filing_page_requires_code_and_place(client, alur):
    surat = alur.ke("tersampaikan")
    client.force_login(alur.tu)
    url = reverse("umum:suratmasuk-aksi", args=[surat.pk, "arsipkan"])
    r = client.post(url, {"versi": surat.versi})
    assert r.status_code == 400
    assert {"klasifikasi", "lemari", "laci", "map"} <= set(r.context["form"].errors)
    kode = KlasifikasiArsip.objects.get(kode="000.1")
    r = client.post(url, {"versi": surat.versi, "klasifikasi": kode.pk, "lemari": "C", "laci": "3", "map": "Surat OPD"})
    assert r.status_code == 302
    surat.refresh_from_db()
    assert (surat.status, surat.klasifikasi, surat.map) == ("diarsipkan", kode, "Surat OPD")


@pytest.fixture
def arsip(alur):
    """Four filed letters and one not yet filed."""
    kode = {k.kode: k for k in KlasifikasiArsip.objects.filter(kode__in=["000.1", "400.12.2", "400.12.3", "400.1"])}
    if "400.1" not in kode:
        kode["400.1"] = KlasifikasiArsip.objects.create(kode="400.1", nama="Pembangunan Daerah Tertinggal")
    hari = date(2026, 3, 1)
    isi = [
        ("Dinas Kesehatan Kota Pasuruan", "Undangan rapat data kematian", hari, "400.12.3"),
        ("Kecamatan Bugul Kidul", "Permohonan jemput bola KTP-el lansia", hari + timedelta(days=30), "400.12.2"),
        ("BKD Kota Pasuruan", "Edaran jam kerja bulan Ramadan", hari + timedelta(days=60), "000.1"),
        ("Bappeda", "Data desa tertinggal", hari + timedelta(days=90), "400.1"),
    ]
    hasil = {}
    for i, (pengirim, perihal, tanggal, k) in enumerate(isi):
        surat = alur.ke("tersampaikan", nomor_surat=f"A/{i}", pengirim=pengirim, perihal=perihal, tanggal_surat=tanggal)
        surat_masuk_arsipkan(surat=surat, pengguna=alur.tu, klasifikasi=kode[k], lemari="A", laci="1", map=k)
        hasil[k] = surat
    hasil["belum"] = alur.ke("tersampaikan", nomor_surat="B/1", pengirim="Dinas Kesehatan Kota Pasuruan",
                             perihal="Undangan rapat lain", tanggal_surat=hari)
    return hasil


def test_search_by_code_takes_the_code_and_the_codes_below_it(arsip):
    assert set(arsip_cari(kode="400.12")) == {arsip["400.12.2"], arsip["400.12.3"]}
    assert list(arsip_cari(kode="400.12.3")) == [arsip["400.12.3"]]
    assert list(arsip_cari(kode="400.1")) == [arsip["400.1"]]  # not 400.12
    assert set(arsip_cari(kode="400")) == {arsip["400.12.2"], arsip["400.12.3"], arsip["400.1"]}
    assert list(arsip_cari(kode="000.")) == [arsip["000.1"]]


def test_search_by_date_range_of_the_letter(arsip):
    assert list(arsip_cari(dari=date(2026, 3, 15), sampai=date(2026, 5, 15))) == [arsip["000.1"], arsip["400.12.2"]]
    assert list(arsip_cari(sampai=date(2026, 3, 1))) == [arsip["400.12.3"]]


def test_search_by_sender_and_subject_parts_ignoring_case(arsip):
    assert list(arsip_cari(pengirim="kesehatan")) == [arsip["400.12.3"]]  # the unfiled one is not found
    assert list(arsip_cari(perihal="KTP-EL")) == [arsip["400.12.2"]]
    assert list(arsip_cari(pengirim="kota pasuruan", perihal="ramadan")) == [arsip["000.1"]]
    assert list(arsip_cari(kode="400.12", pengirim="BKD")) == []


def test_archive_page_finds_letters(client, arsip, alur):
    client.force_login(alur.tu)
    r = client.get(URL_ARSIP, {"kode": "400.12", "pengirim": "bugul"})
    assert r.status_code == 200
    assert list(r.context["page_obj"]) == [arsip["400.12.2"]]
    isi = r.content.decode()
    assert "Permohonan jemput bola KTP-el lansia" in isi and "Lemari A · Laci 1 · Map 400.12.2" in isi
    r = client.get(URL_ARSIP)
    assert r.context["page_obj"].paginator.count == 4


def test_archive_page_says_what_is_wrong_with_the_dates(client, alur):
    client.force_login(alur.tu)
    r = client.get(URL_ARSIP, {"dari": "2026-05-01", "sampai": "2026-04-01"})
    assert r.status_code == 200 and r.context["page_obj"] is None
    assert "Tanggal akhir harus sama dengan atau setelah tanggal awal." in r.content.decode()


@pytest.mark.parametrize("kode,boleh", [("tata_usaha", True), ("kadis", True), ("sekretaris", True),
                                        ("caraka", False), ("kabid", False), ("admin", False), ("pemohon", False)])
def test_who_may_open_the_archive(client, pengguna, kode, boleh):
    client.force_login(pengguna(kode))
    assert client.get(URL_ARSIP).status_code == (200 if boleh else 403)


def test_archive_page_is_paginated_with_a_constant_number_of_queries(client, alur):
    kode = KlasifikasiArsip.objects.get(kode="000.1")

    def isi(n, awal):
        for i in range(n):
            surat = alur.catat(nomor_surat=f"P/{awal + i}")
            type(surat).objects.filter(pk=surat.pk).update(status="diarsipkan", klasifikasi=kode, lemari="A")

    isi(3, 0)
    client.force_login(alur.tu)
    client.get(URL_ARSIP)
    with CaptureQueriesContext(connection) as sedikit:
        client.get(URL_ARSIP, {"kode": "000"})
    isi(40, 100)
    with CaptureQueriesContext(connection) as banyak:
        r = client.get(URL_ARSIP, {"kode": "000"})
    assert len(sedikit) == len(banyak)
    assert r.context["page_obj"].paginator.count == 43 and len(r.context["page_obj"]) == 25
    r = client.get(URL_ARSIP, {"kode": "000", "page": 2})
    assert len(r.context["page_obj"]) == 18
    assert "?kode=000&page=1" in r.content.decode()  # the search is kept across pages
