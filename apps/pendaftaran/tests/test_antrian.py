"""Queues and detail pages: who sees what, search and filters, overdue marks, query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.core.models import Lampiran
from apps.core.workflow import catat_pembuatan
from apps.pendaftaran.models import PermohonanDenganVerifikasi, PermohonanIntegrasi, PermohonanTanpaVerifikasi

from .factories import buat_permohonan, layanan, pdf_uji

pytestmark = pytest.mark.django_db

ANTRIAN = {m: reverse(f"pendaftaran:{m._meta.model_name}-antrian") for m in (PermohonanTanpaVerifikasi, PermohonanDenganVerifikasi, PermohonanIntegrasi)}


def kodes(r):
    return {o.kode_lacak for o in r.context["object_list"]}


def test_each_role_sees_the_requests_it_acts_on(client, pengguna):
    diajukan = buat_permohonan(PermohonanDenganVerifikasi)
    diinput = buat_permohonan(PermohonanDenganVerifikasi, status="diinput")
    url = ANTRIAN[PermohonanDenganVerifikasi]
    client.force_login(pengguna("petugas_fo"))
    assert kodes(client.get(url)) == {diajukan.kode_lacak}
    client.force_login(pengguna("verifikator"))
    assert kodes(client.get(url)) == {diinput.kode_lacak}
    assert kodes(client.get(url, {"semua": 1})) == {diajukan.kode_lacak, diinput.kode_lacak}
    client.force_login(pengguna("caraka"))
    assert client.get(url).status_code == 403


def test_it_searches_by_code_nik_and_name_and_filters_by_service(client, pengguna):
    a = buat_permohonan(PermohonanDenganVerifikasi, nama="SITI AMINAH", nik="3575014107900003")
    b = buat_permohonan(PermohonanDenganVerifikasi, nama="BUDI SANTOSO", nik="3575020101850001", layanan_=layanan("kia", "baru"))
    client.force_login(pengguna("petugas_fo"))
    url = ANTRIAN[PermohonanDenganVerifikasi]
    assert kodes(client.get(url, {"q": a.kode_lacak.lower().replace("-", " ")})) == {a.kode_lacak}
    assert kodes(client.get(url, {"q": "357502"})) == {b.kode_lacak}
    assert kodes(client.get(url, {"q": "aminah"})) == {a.kode_lacak}
    assert kodes(client.get(url, {"layanan": b.layanan_id})) == {b.kode_lacak}
    assert kodes(client.get(url, {"status": "diajukan", "layanan": a.layanan_id})) == {a.kode_lacak}


def test_overdue_requests_stand_out(client, pengguna):
    lewat = buat_permohonan(PermohonanTanpaVerifikasi, tenggat=datetime.date(2020, 1, 2))
    client.force_login(pengguna("petugas_fo"))
    html = client.get(ANTRIAN[PermohonanTanpaVerifikasi]).content.decode()
    assert 'class="terlambat"' in html and "terlambat" in html
    beranda = client.get("/").content.decode()
    assert "1 melewati tenggat" in beranda
    assert lewat.terlambat


def _isi(model, n, **kw):
    for _ in range(n):
        obj = buat_permohonan(model, **kw)
        catat_pembuatan(objek=obj, pengguna=None)


@pytest.mark.parametrize("model,peran", [
    (PermohonanTanpaVerifikasi, "petugas_fo"),
    (PermohonanDenganVerifikasi, "petugas_fo"),
    (PermohonanIntegrasi, "verifikator"),
])
def test_queue_runs_a_fixed_number_of_queries(client, pengguna, model, peran, django_assert_max_num_queries):
    status = "lengkap" if peran == "verifikator" else "diajukan"
    client.force_login(pengguna(peran))
    url = ANTRIAN[model]
    _isi(model, 2, status=status)
    client.get(url)  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as sedikit:
        assert len(client.get(url).context["object_list"]) == 2
    _isi(model, 20, status=status)
    with CaptureQueriesContext(connection) as banyak:
        assert len(client.get(url).context["object_list"]) == 22
    assert len(sedikit) == len(banyak)
    with django_assert_max_num_queries(12):
        client.get(url, {"q": "SITI", "layanan": model.objects.first().layanan_id})


def _detail(obj):
    return reverse(f"pendaftaran:{obj._meta.model_name}-detail", args=[obj.pk])


def _lampiri(obj, n):
    for _ in range(n):
        lamp = Lampiran.simpan(objek=obj, berkas=pdf_uji(), keterangan="Pindaian")
        obj.berkas_persyaratan[str(obj.layanan.persyaratan.first().pk)] = lamp.pk
    obj.save(update_fields=["berkas_persyaratan"])


@pytest.mark.parametrize("model", [PermohonanTanpaVerifikasi, PermohonanDenganVerifikasi, PermohonanIntegrasi])
def test_detail_runs_a_fixed_number_of_queries(client, pengguna, model, django_assert_max_num_queries):
    peran = "verifikator" if model is PermohonanIntegrasi else "petugas_fo"
    client.force_login(pengguna(peran))
    kecil = buat_permohonan(model)
    catat_pembuatan(objek=kecil, pengguna=pengguna("petugas_fo"))
    _lampiri(kecil, 1)
    besar = buat_permohonan(model)
    for _ in range(8):
        catat_pembuatan(objek=besar, pengguna=pengguna("petugas_fo"))
    _lampiri(besar, 8)
    client.get(_detail(kecil))
    with CaptureQueriesContext(connection) as a:
        assert client.get(_detail(kecil)).status_code == 200
    with CaptureQueriesContext(connection) as b:
        assert client.get(_detail(besar)).status_code == 200
    assert len(a) == len(b)
    with django_assert_max_num_queries(16):
        client.get(_detail(besar))


def test_detail_shows_checklist_attachments_timeline_documents_and_actions(client, pengguna):
    obj = buat_permohonan(PermohonanDenganVerifikasi, lengkap=False)
    catat_pembuatan(objek=obj, pengguna=pengguna("petugas_fo"))
    _lampiri(obj, 1)
    client.force_login(pengguna("petugas_fo"))
    html = client.get(_detail(obj)).content.decode()
    for bagian in ('id="persyaratan"', 'id="lampiran"', 'id="riwayat"', 'data-aksi="kembalikan"', "Persyaratan wajib belum lengkap"):
        assert bagian in html
    assert "Dokumen" in html


def test_the_rows_drawn_in_the_view_escape_the_data_and_show_the_columns(client, pengguna):
    """PermohonanAntrianView.kolom: the row is written in Python, so escaping is checked here."""
    p = buat_permohonan(PermohonanTanpaVerifikasi, nama='SITI <b>"AMINAH"</b>', nik="3575014107900003")
    client.force_login(pengguna("petugas_fo"))
    html = client.get(ANTRIAN[PermohonanTanpaVerifikasi]).content.decode()
    assert "<b>" not in html and "SITI &lt;b&gt;&quot;AMINAH&quot;&lt;/b&gt;" in html
    detail = reverse("pendaftaran:permohonantanpaverifikasi-detail", args=[p.pk])
    assert f'<a class="kode-lacak" href="{detail}">{p.kode_lacak}</a>' in html
    assert f'<td>{p.layanan.nama}</td>' in html and '<td class="font-monospace small">3575014107900003</td>' in html
    assert "<th>Layanan</th><th>Pemohon</th><th>NIK</th>" in html


def test_a_renamed_service_shows_in_the_filter_at_once(client, pengguna):
    p = buat_permohonan(PermohonanDenganVerifikasi)
    client.force_login(pengguna("petugas_fo"))
    url = ANTRIAN[PermohonanDenganVerifikasi]
    assert f'<option value="{p.layanan_id}">{p.layanan.nama}</option>' in client.get(url).content.decode()
    # The options are now kept in this process; saving the service drops them.
    p.layanan.nama = "KK baru (nama diperbarui)"
    p.layanan.save()
    assert f'<option value="{p.layanan_id}">KK baru (nama diperbarui)</option>' in client.get(url).content.decode()
