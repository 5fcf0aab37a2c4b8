"""The queue, detail and archive pages of P.1.2.1.2: what they show, in a constant number of queries."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import buat_pengguna


def jumlah_query(client, url) -> int:
    with CaptureQueriesContext(connection) as q:
        r = client.get(url)
    assert r.status_code == 200
    return len(q)


def test_letter_queue_shows_each_role_its_work_in_constant_queries(client, alur):
    alur.catat(nomor_surat="1")
    url = reverse("umum:suratmasuk-antrian")
    client.force_login(alur.kadis)
    client.get(url)
    sedikit = jumlah_query(client, url)
    for i in range(30):
        alur.catat(nomor_surat=f"x{i}")
    alur.ke("didisposisi", nomor_surat="untuk-sekretaris")
    assert jumlah_query(client, url) == sedikit
    r = client.get(url)
    assert r.context["paginator"].count == 31  # waiting for the kadis; not the one at the secretary
    client.force_login(alur.sekretaris)
    assert [s.nomor_surat for s in client.get(url).context["object_list"]] == ["untuk-sekretaris"]


def test_letter_detail_lists_targets_in_constant_queries(client, alur, pengguna):
    surat = alur.ke("diantar")
    orang = [buat_pengguna("kasi", f"kasi_{i}") for i in range(5)]
    banyak = alur.ke("diantar", nomor_surat="banyak", jabatan=["kabid", "sekretaris", "bidang_teknis"], orang=orang)
    assert banyak.disposisi.count() == 8
    for kode in ("kadis", "tata_usaha", "caraka"):
        client.force_login(pengguna(kode))
        client.get(reverse("umum:suratmasuk-detail", args=[surat.pk]))
        sedikit = jumlah_query(client, reverse("umum:suratmasuk-detail", args=[surat.pk]))
        assert jumlah_query(client, reverse("umum:suratmasuk-detail", args=[banyak.pk])) == sedikit, kode
        assert sedikit <= 15, kode

    client.force_login(alur.caraka)
    isi = client.get(reverse("umum:suratmasuk-detail", args=[surat.pk])).content.decode()
    assert isi.count('data-aksi-tujuan="terima"') == 1  # one target still waits for the letter
    assert "Kepala bidang" in isi and alur.kasi.get_full_name() in isi


def test_disposition_queue_and_detail_in_constant_queries(client, alur):
    surat = alur.ke("tersampaikan")
    antrian = reverse("umum:disposisi-antrian")
    client.force_login(alur.kabid)
    client.get(antrian)
    sedikit = jumlah_query(client, antrian)
    for i in range(12):
        alur.ke("tersampaikan", nomor_surat=f"n{i}")
    assert jumlah_query(client, antrian) == sedikit
    assert client.get(antrian).context["paginator"].count == 13

    d = surat.disposisi.get(jabatan="kabid")
    detail = reverse("umum:disposisi-detail", args=[d.pk])
    r = client.get(detail)
    assert 'data-aksi="tindak_lanjuti"' in r.content.decode()
    assert jumlah_query(client, detail) <= 14


def test_overdue_dispositions_stand_out_in_the_queue(client, alur):
    surat = alur.ke("tersampaikan")
    surat.disposisi.update(tenggat=timezone.localdate() - timedelta(days=1))
    client.force_login(alur.kasi)
    isi = client.get(reverse("umum:disposisi-antrian")).content.decode()
    assert 'class="terlambat"' in isi and "terlambat</span>" in isi


def test_home_page_shows_the_queues_of_the_flow(client, alur):
    alur.ke("tersampaikan")
    client.force_login(alur.kabid)
    isi = client.get(reverse("akun:beranda")).content.decode()
    assert "Disposisi untuk saya" in isi
    client.force_login(alur.tu)
    isi = client.get(reverse("akun:beranda")).content.decode()
    assert "Surat masuk" in isi and "Catat surat masuk" in isi and "Arsip surat" in isi
    client.force_login(alur.kabid)
    assert "Catat surat masuk" not in client.get(reverse("akun:beranda")).content.decode()
