"""P.1.2.1.2 — entering incoming letters: gap-free agenda numbers, the scan, who may enter."""

import threading
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from apps.core.models import Lampiran, RiwayatStatus
from apps.umum.models import SuratMasuk
from apps.umum.services import surat_masuk_catat

from .conftest import berkas_pdf, data_surat

URL_BARU = reverse("umum:suratmasuk-baru")


def test_it_numbers_letters_in_order_without_gaps(alur):
    nomor = [alur.catat(nomor_surat=f"005/{i}/2026").nomor_agenda for i in range(3)]
    assert nomor == [1, 2, 3]
    assert SuratMasuk.objects.get(nomor_agenda=2).agenda == f"0002/{timezone.localdate().year}"


def test_a_failed_entry_gives_its_number_back(alur):
    alur.catat(nomor_surat="1")
    palsu = SimpleUploadedFile("surat.pdf", b"bukan pdf", content_type="application/pdf")
    with pytest.raises(ValidationError):
        surat_masuk_catat(data=data_surat(nomor_surat="2"), pindaian=palsu, pengguna=alur.tu)
    assert SuratMasuk.objects.count() == 1
    assert alur.catat(nomor_surat="3").nomor_agenda == 2


def test_numbers_start_again_each_year(alur):
    tahun = timezone.localdate().year
    with time_machine.travel(datetime(tahun, 12, 30, 10, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False):
        alur.catat(nomor_surat="1", tanggal_surat=date(tahun, 12, 29), tanggal_diterima=date(tahun, 12, 30))
        alur.catat(nomor_surat="2", tanggal_surat=date(tahun, 12, 29), tanggal_diterima=date(tahun, 12, 30))
    with time_machine.travel(datetime(tahun + 1, 1, 2, 10, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False):
        surat = alur.catat(nomor_surat="3", tanggal_surat=date(tahun, 12, 30), tanggal_diterima=date(tahun + 1, 1, 2))
    assert (surat.tahun_agenda, surat.nomor_agenda, surat.agenda) == (tahun + 1, 1, f"0001/{tahun + 1}")


@pytest.mark.django_db(transaction=True)
def test_two_clerks_at_once_get_consecutive_numbers(pengguna):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the row lock is proven on PostgreSQL (CI)")
    tu = pengguna("tata_usaha")
    penghalang = threading.Barrier(2)
    hasil, galat = [], []

    def catat(i):
        from django.db import connections

        try:
            penghalang.wait()
            hasil.append(surat_masuk_catat(data=data_surat(nomor_surat=f"{i}"), pindaian=berkas_pdf(), pengguna=tu).nomor_agenda)
        except Exception as exc:  # pragma: no cover - reported below
            galat.append(exc)
        finally:
            connections.close_all()

    t = [threading.Thread(target=catat, args=(i,)) for i in range(2)]
    for x in t:
        x.start()
    for x in t:
        x.join()
    assert not galat
    assert sorted(hasil) == [1, 2]


def test_entry_keeps_the_scan_and_starts_the_timeline(alur):
    surat = alur.catat()
    log = RiwayatStatus.objects.get(object_id=surat.pk, aksi="buat")
    assert (log.ke, log.oleh) == ("diagendakan", alur.tu)
    scan = Lampiran.objects.get(object_id=surat.pk)
    assert (scan.keterangan, scan.riwayat, scan.jenis_mime) == ("Pindaian surat", log, "application/pdf")
    assert surat.dibuat_oleh == alur.tu


def _isian(**ubah):
    data = data_surat(**ubah)
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in data.items()}


def test_tata_usaha_enters_a_letter_through_the_page(client, alur):
    client.force_login(alur.tu)
    assert client.get(URL_BARU).status_code == 200
    r = client.post(URL_BARU, {**_isian(), "pindaian": berkas_pdf()})
    surat = SuratMasuk.objects.get()
    assert r.status_code == 302 and r.url == reverse("umum:suratmasuk-detail", args=[surat.pk])
    assert surat.perihal == "Undangan rapat koordinasi data kematian"


@pytest.mark.parametrize("kode", ["kadis", "sekretaris", "caraka", "kabid", "petugas_fo", "admin", "pemohon"])
def test_only_tata_usaha_may_enter_letters(client, pengguna, kode):
    client.force_login(pengguna(kode))
    assert client.get(URL_BARU).status_code == 403
    assert client.post(URL_BARU, {**_isian(), "pindaian": berkas_pdf()}).status_code == 403
    assert not SuratMasuk.objects.exists()


def test_it_requires_login(client):
    r = client.get(URL_BARU)
    assert r.status_code == 302 and "/masuk/" in r.url


def test_rejected_entry_says_why_and_keeps_what_was_typed(client, alur):
    client.force_login(alur.tu)
    besok = timezone.localdate() + timedelta(days=1)
    r = client.post(URL_BARU, {**_isian(tanggal_diterima=besok, perihal="Permohonan data agregat"), "pindaian": berkas_pdf()})
    assert r.status_code == 400
    assert "Tanggal diterima tidak boleh setelah hari ini." in r.content.decode()
    assert 'value="Permohonan data agregat"' in r.content.decode()
    assert not SuratMasuk.objects.exists()


def test_scan_is_required_and_checked(client, alur):
    client.force_login(alur.tu)
    r = client.post(URL_BARU, _isian())
    assert r.status_code == 400 and "pindaian" in r.context["form"].errors
    palsu = SimpleUploadedFile("surat.pdf", b"MZ\x90\x00 bukan pdf", content_type="application/pdf")
    r = client.post(URL_BARU, {**_isian(), "pindaian": palsu})
    assert r.status_code == 400 and "pindaian" in r.context["form"].errors
    assert not SuratMasuk.objects.exists()


def test_the_same_letter_is_not_entered_twice(client, alur):
    pertama = alur.catat()
    client.force_login(alur.tu)
    r = client.post(URL_BARU, {**_isian(pengirim="dinas kesehatan kota pasuruan"), "pindaian": berkas_pdf()})
    assert r.status_code == 400
    assert f"sudah dicatat dengan nomor agenda {pertama.agenda}" in r.content.decode()
    assert SuratMasuk.objects.count() == 1
