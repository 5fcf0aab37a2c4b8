"""Exports of queues, the staff search and dashboard tables; large ones as a job."""

import csv
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from apps.core.models import AksesBerkas
from apps.dasbor import ekspor
from apps.dasbor.models import BerkasEkspor
from apps.dasbor.rekap import rekap_segarkan

from .pembantu import ajukan

pytestmark = pytest.mark.django_db


def _xlsx(resp):
    isi = b"".join(resp.streaming_content) if resp.streaming else resp.content
    return [list(r) for r in load_workbook(io.BytesIO(isi), read_only=True).active.iter_rows(values_only=True)]


def test_queue_exports_as_xlsx_with_its_filters(client, pengguna):
    fo = pengguna("petugas_fo")
    ajukan(oleh=fo, nama="Ani")
    ajukan(oleh=fo, nama="=HYPERLINK(\"http://x\")")
    client.force_login(fo)
    resp = client.get("/dasbor/ekspor/antrean/xlsx/", {"_jalur": "/uji/contoh/", "semua": "1"})
    assert resp.status_code == 200
    assert resp["Content-Type"].startswith("application/vnd.openxmlformats")
    baris = _xlsx(resp)
    assert baris[0][:3] == ["Kode lacak", "Ringkasan", "Status"]
    assert len(baris) == 3
    # Text a spreadsheet would run as a formula is written as text.
    assert all(not str(b[1]).startswith("=") for b in baris[1:])
    # The queue's own filter narrows the export too.
    resp = client.get("/dasbor/ekspor/antrean/csv/", {"_jalur": "/uji/contoh/", "semua": "1", "status": "lengkap"})
    assert list(csv.reader(io.StringIO(resp.content.decode("utf-8-sig"))))[1:] == []


def test_queue_export_keeps_the_queue_access_rule(client, pengguna):
    ajukan(oleh=pengguna("petugas_fo"))
    client.force_login(pengguna("kabid"))
    assert client.get("/dasbor/ekspor/antrean/csv/", {"_jalur": "/uji/contoh/"}).status_code == 403
    assert client.get("/dasbor/ekspor/antrean/csv/", {"_jalur": "/dasbor/"}).status_code == 404
    client.logout()
    assert client.get("/dasbor/ekspor/antrean/csv/", {"_jalur": "/uji/contoh/"}).status_code == 302


def test_search_exports_every_match(client, pengguna):
    fo = pengguna("petugas_fo")
    for i in range(3):
        ajukan(oleh=fo, nama=f"Budi {i}")
    ajukan(oleh=fo, nama="Citra")
    client.force_login(fo)
    resp = client.get("/dasbor/ekspor/cari/csv/", {"q": "budi"})
    baris = list(csv.reader(io.StringIO(resp.content.decode("utf-8-sig"))))
    assert baris[0][0] == "Kode lacak" and len(baris) == 4
    client.force_login(pengguna("pemohon"))
    assert client.get("/dasbor/ekspor/cari/csv/", {"q": "budi"}).status_code == 403


def test_dashboard_table_exports(client, pengguna):
    ajukan(oleh=pengguna("petugas_fo"))
    hari_ini = timezone.localdate()
    rekap_segarkan(dari=hari_ini, sampai=hari_ini)
    client.force_login(pengguna("kadis"))
    baris = _xlsx(client.get("/dasbor/ekspor/tabel/layanan/xlsx/", {"dari": hari_ini.isoformat()}))
    assert baris[0][:3] == ["Proses", "Layanan", "Masuk"] and baris[1][2] == 1
    assert client.get("/dasbor/ekspor/tabel/tidak-ada/csv/").status_code == 404
    client.force_login(pengguna("petugas_fo"))
    assert client.get("/dasbor/ekspor/tabel/layanan/csv/").status_code == 403


def test_a_large_export_runs_as_a_job_with_progress_and_a_logged_download(
    client, pengguna, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(ekspor, "BATAS_LANGSUNG", 2)
    monkeypatch.setattr(ekspor, "SETIAP", 1)
    fo = pengguna("petugas_fo")
    for i in range(3):
        ajukan(oleh=fo, nama=f"Warga {i}")
    client.force_login(fo)
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.get("/dasbor/ekspor/antrean/xlsx/", {"_jalur": "/uji/contoh/", "semua": "1"})
    berkas = BerkasEkspor.objects.get()
    assert resp.status_code == 302 and resp["Location"] == f"/dasbor/ekspor/{berkas.pk}/"
    assert berkas.status == BerkasEkspor.Status.SELESAI and berkas.ditulis == 3
    halaman = client.get(resp["Location"], headers={"HX-Request": "true"}).content.decode()
    assert "100%" in halaman and "Unduh" in halaman and "hx-trigger" not in halaman
    unduh = client.get(f"/dasbor/ekspor/{berkas.pk}/unduh/")
    assert len(_xlsx(unduh)) == 4
    assert AksesBerkas.objects.filter(oleh=fo, berkas=berkas.berkas.name).exists()
    # Someone else's export is not theirs to see.
    client.force_login(pengguna("verifikator"))
    assert client.get(f"/dasbor/ekspor/{berkas.pk}/").status_code == 404
    assert client.get(f"/dasbor/ekspor/{berkas.pk}/unduh/").status_code == 404


def test_a_job_delivered_twice_writes_once(pengguna):
    from apps.dasbor.services import ekspor_jalankan

    fo = pengguna("petugas_fo")
    ajukan(oleh=fo)
    berkas = BerkasEkspor.objects.create(pengguna=fo, judul="uji", format="csv", total=1,
                                         sumber={"jenis": "antrian", "jalur": "/uji/contoh/", "query": "semua=1"})
    assert ekspor_jalankan(berkas_id=berkas.pk) == "selesai"
    assert ekspor_jalankan(berkas_id=berkas.pk) == "sudah diambil"
    berkas.refresh_from_db()
    assert berkas.berkas.read().decode("utf-8-sig").count("\n") == 2


def test_queue_and_search_pages_link_their_exports(client, pengguna):
    fo = pengguna("petugas_fo")
    ajukan(oleh=fo, nama="Dewi")
    client.force_login(fo)
    assert "/dasbor/ekspor/antrean/xlsx/?_jalur=/uji/contoh/" in client.get("/uji/contoh/").content.decode()
    assert "/dasbor/ekspor/cari/xlsx/?q=Dewi" in client.get("/cari/", {"q": "Dewi"}).content.decode()


def test_beat_publishes_again_a_job_whose_message_was_lost(pengguna):
    from datetime import timedelta

    from apps.dasbor.tasks import ekspor_sapu

    fo = pengguna("petugas_fo")
    ajukan(oleh=fo)
    sumber = {"jenis": "antrian", "jalur": "/uji/contoh/", "query": "semua=1"}
    lama = BerkasEkspor.objects.create(pengguna=fo, judul="lama", format="csv", sumber=sumber,
                                       dibuat_pada=timezone.now() - timedelta(minutes=3))
    baru = BerkasEkspor.objects.create(pengguna=fo, judul="baru", format="csv", sumber=sumber)
    assert ekspor_sapu() == 1
    lama.refresh_from_db()
    baru.refresh_from_db()
    assert lama.status == BerkasEkspor.Status.SELESAI and baru.status == BerkasEkspor.Status.MENUNGGU


def test_a_service_queue_exports_in_a_fixed_number_of_queries(client, pengguna):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from apps.pendaftaran.models import PermohonanDenganVerifikasi
    from apps.pendaftaran.tests.factories import buat_permohonan, pastikan_katalog

    pastikan_katalog()
    client.force_login(pengguna("petugas_fo"))
    jalur = reverse("pendaftaran:permohonandenganverifikasi-antrian")

    def ekspor_baris():
        with CaptureQueriesContext(connection) as q:
            resp = client.get("/dasbor/ekspor/antrean/xlsx/", {"_jalur": jalur, "semua": "1"})
        return len(_xlsx(resp)) - 1, len(q)

    buat_permohonan(PermohonanDenganVerifikasi, nik="3575014107900011", nama="ANI")
    baris_sedikit, query_sedikit = ekspor_baris()
    for i in range(5):
        buat_permohonan(PermohonanDenganVerifikasi, nik=f"35750141079001{i:02d}", nama=f"WARGA {i}")
    baris_banyak, query_banyak = ekspor_baris()
    assert (baris_sedikit, baris_banyak) == (1, 6)
    assert query_banyak == query_sedikit
