"""The citizen's status page: code + PIN, masking, reasons, rate limit, documents."""

import pytest
from django.urls import reverse

from apps.core.models import AksesBerkas
from apps.core.workflow import jalankan_aksi
from apps.pendaftaran.models import PermohonanDenganVerifikasi
from apps.pendaftaran.tests.factories import buat_permohonan
from apps.publik.views import PESAN_GAGAL

pytestmark = pytest.mark.django_db

URL = "/status/"


@pytest.fixture
def permohonan(db):
    import datetime

    return buat_permohonan(PermohonanDenganVerifikasi, nama="SITI AMINAH", nik="3575014107900003", tenggat=datetime.date(2026, 11, 30))


def buka(client, obj, pin=None):
    return client.post(URL, {"kode": obj.kode_lacak, "pin": pin or obj.pin}, follow=True)


def test_it_needs_no_login_and_shows_the_step_masked(client, permohonan):
    r = buka(client, permohonan)
    assert r.status_code == 200
    html = r.content.decode()
    assert "sedang diperiksa kelengkapan" in html
    assert "S*** A*****" in html and "357501********03" in html
    assert "SITI AMINAH" not in html and "3575014107900003" not in html
    assert "30 November 2026" in html


def test_the_url_name_and_the_qr_link_prefill_the_code(client, permohonan):
    assert reverse("publik:status") == URL
    r = client.get(f"{URL}?kode={permohonan.kode_lacak.lower()}")
    assert permohonan.kode_lacak in r.content.decode()


def test_wrong_code_and_wrong_pin_get_the_same_message(client, permohonan):
    salah_pin = client.post(URL, {"kode": permohonan.kode_lacak, "pin": "000000" if permohonan.pin != "000000" else "111111"})
    salah_kode = client.post(URL, {"kode": "ZZZZ-ZZZZ-ZZZZ", "pin": permohonan.pin})
    sampah = client.post(URL, {"kode": "bukan kode", "pin": "123456"})
    for r in (salah_pin, salah_kode, sampah):
        assert r.status_code == 400
        assert PESAN_GAGAL in r.content.decode()
    assert salah_pin.content.decode().count(PESAN_GAGAL) == salah_kode.content.decode().count(PESAN_GAGAL)


def test_it_rate_limits_guesses_per_tracking_code(client, permohonan, settings):
    settings.STATUS_BATAS_GAGAL = 3
    salah = "000000" if permohonan.pin != "000000" else "111111"
    for i in range(3):
        r = client.post(URL, {"kode": permohonan.kode_lacak, "pin": salah}, REMOTE_ADDR=f"10.0.0.{i}")
        assert r.status_code == 400
    # Locked for this code even from a new address, and even with the right PIN.
    r = client.post(URL, {"kode": permohonan.kode_lacak, "pin": permohonan.pin}, REMOTE_ADDR="10.0.0.99")
    assert r.status_code == 429
    assert "Terlalu banyak percobaan" in r.content.decode()


def test_it_rate_limits_guesses_per_address(client, permohonan, settings):
    settings.STATUS_BATAS_GAGAL_ALAMAT = 3
    for i in range(3):
        client.post(URL, {"kode": f"ZZZZ-ZZZZ-ZZZ{i}", "pin": "123456"}, REMOTE_ADDR="10.1.1.1")
    r = client.post(URL, {"kode": permohonan.kode_lacak, "pin": permohonan.pin}, REMOTE_ADDR="10.1.1.1")
    assert r.status_code == 429
    r = client.post(URL, {"kode": permohonan.kode_lacak, "pin": permohonan.pin}, REMOTE_ADDR="10.1.1.2")
    assert r.status_code == 302


def test_one_citizens_failures_do_not_lock_out_others_on_the_same_address(client, permohonan):
    """Carrier NAT: several citizens behind one address; one locks only his own code."""
    lain = buat_permohonan(PermohonanDenganVerifikasi)
    salah = "000000" if lain.pin != "000000" else "111111"
    for _ in range(5):
        client.post(URL, {"kode": lain.kode_lacak, "pin": salah}, REMOTE_ADDR="36.80.1.1")
    assert client.post(URL, {"kode": lain.kode_lacak, "pin": lain.pin}, REMOTE_ADDR="36.80.1.1").status_code == 429
    for i in range(10):  # other neighbours mistyping their own codes
        client.post(URL, {"kode": f"ZZZZ-ZZZZ-ZZ{i:02d}", "pin": "123456"}, REMOTE_ADDR="36.80.1.1")
    r = client.post(URL, {"kode": permohonan.kode_lacak, "pin": permohonan.pin}, REMOTE_ADDR="36.80.1.1")
    assert r.status_code == 302


def test_the_address_limit_is_much_higher_than_the_code_limit():
    from apps.publik.services import batas_gagal, batas_gagal_alamat

    assert batas_gagal() <= 5
    assert batas_gagal_alamat() >= 10 * batas_gagal()


def test_it_shows_the_public_return_reason_and_timeline_without_staff_names(client, permohonan, pengguna):
    fo = pengguna("petugas_fo")
    fo.first_name = "Rina Wulandari"
    fo.save()
    jalankan_aksi(objek=permohonan, aksi="kembalikan", pengguna=fo, catatan="Surat kehilangan dari kepolisian belum ada")
    html = buka(client, permohonan).content.decode()
    assert "Surat kehilangan dari kepolisian belum ada" in html
    assert "Dikembalikan ke pemohon" in html
    assert "Rina" not in html and "petugas_fo" not in html


def test_internal_notes_stay_internal(client, pengguna):
    obj = buat_permohonan(PermohonanDenganVerifikasi, status="diinput")
    jalankan_aksi(objek=obj, aksi="minta_perbaikan", pengguna=pengguna("verifikator"), catatan="Operator salah ketik NIK ibu")
    html = buka(client, obj).content.decode()
    assert "salah ketik" not in html
    assert "sedang diperbaiki" in html


def test_the_detail_page_needs_the_pin_in_this_session(client, permohonan):
    r = client.get(reverse("publik:status-detail", args=[permohonan.kode_lacak]))
    assert r.status_code == 302 and r["Location"].startswith(URL)


def _dokumen_tte(obj):
    """A signed, finished document of ``obj`` (as the TTE job leaves it)."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from apps.dokumen.models import Dokumen

    d = Dokumen(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, jenis="kk", judul="Kartu Keluarga",
        kunci_nomor="uji", tahun=2026, urut=Dokumen.objects.count() + 1, nomor=f"KK/{obj.pk}", status="selesai",
        perlu_tte=True, ditandatangani_pada=timezone.now(),
    )
    d.berkas.save("kk.pdf", ContentFile(b"%PDF-1.4 uji"), save=False)
    d.save()
    return d


def test_the_signed_document_is_downloaded_and_logged(client, permohonan):
    dok = _dokumen_tte(permohonan)
    html = buka(client, permohonan).content.decode()
    url = reverse("publik:status-unduh", args=[permohonan.kode_lacak, dok.pk])
    assert url in html
    r = client.get(url)
    assert r.status_code == 200 and b"".join(r.streaming_content).startswith(b"%PDF")
    akses = AksesBerkas.objects.get()
    assert akses.oleh is None and permohonan.kode_lacak in akses.keterangan


def test_another_requests_document_is_not_reachable(client, permohonan):
    lain = buat_permohonan(PermohonanDenganVerifikasi)
    dok_lain = _dokumen_tte(lain)
    buka(client, permohonan)
    assert client.get(reverse("publik:status-unduh", args=[permohonan.kode_lacak, dok_lain.pk])).status_code == 404
    assert client.get(reverse("publik:status-unduh", args=[lain.kode_lacak, dok_lain.pk])).status_code == 404
    assert not AksesBerkas.objects.exists()


def test_it_finds_requests_of_any_process_model(client, db):
    from tests.kernel_app.models import Contoh

    obj = Contoh.objects.create(nama="Uji")
    r = buka(client, obj)
    assert r.status_code == 200 and obj.kode_lacak in r.content.decode()
    assert "Diajukan" in r.content.decode()


def test_behind_the_proxy_the_forwarded_address_is_counted(client, permohonan, settings):
    settings.STATUS_BATAS_GAGAL_ALAMAT = 2
    settings.TRUSTED_PROXY_HOPS = 1
    for _ in range(2):
        client.post(URL, {"kode": "ZZZZ-ZZZZ-ZZZ1", "pin": "123456"}, HTTP_X_FORWARDED_FOR="1.1.1.1, 10.9.9.9")
    benar = {"kode": permohonan.kode_lacak, "pin": permohonan.pin}
    assert client.post(URL, benar, HTTP_X_FORWARDED_FOR="1.1.1.1, 10.9.9.9").status_code == 429
    assert client.post(URL, benar, HTTP_X_FORWARDED_FOR="1.1.1.1, 10.9.9.8").status_code == 302


def test_internal_processes_are_not_found_on_the_status_page(db):
    """A letter carries a tracking code and a PIN too, but it is not a citizen's request."""
    from apps.publik.selectors import proses_dari_kode
    from apps.umum.models import SuratMasuk

    assert SuratMasuk.DILACAK_PEMOHON is False
    from tests.kernel_app.models import Contoh, ContohDokumen

    contoh = Contoh.objects.create(nama="Uji")
    internal = ContohDokumen.objects.create()
    assert proses_dari_kode(contoh.kode_lacak) == contoh
    assert proses_dari_kode(internal.kode_lacak) is None


def test_the_first_document_flags_the_index_row_and_only_a_flagged_row_looks_for_documents(
        client, permohonan, django_assert_num_queries):
    """IndeksProses.ada_dokumen: the status page skips the documents query for a request that
    has none yet, and finds the document once one is issued."""
    from apps.core.models import IndeksProses
    from apps.publik.selectors import dokumen_publik_permohonan, proses_dari_kode

    baris = IndeksProses.objects.get(kode_lacak=permohonan.kode_lacak)
    assert not baris.ada_dokumen
    objek = proses_dari_kode(permohonan.kode_lacak)
    with django_assert_num_queries(0):
        assert dokumen_publik_permohonan(objek) == []
    dok = _dokumen_tte(permohonan)
    baris.refresh_from_db()
    assert baris.ada_dokumen
    objek = proses_dari_kode(permohonan.kode_lacak)
    with django_assert_num_queries(1):
        assert dokumen_publik_permohonan(objek) == [dok]
    assert reverse("publik:status-unduh", args=[permohonan.kode_lacak, dok.pk]) in buka(client, permohonan).content.decode()


def test_the_rebuilt_index_and_the_migration_flag_rows_with_documents(permohonan):
    import importlib

    from django.db import connection

    from apps.core.indeks import indeks_bangun
    from apps.core.models import IndeksProses

    _dokumen_tte(permohonan)
    IndeksProses.objects.all().delete()
    indeks_bangun(models=[PermohonanDenganVerifikasi])
    assert IndeksProses.objects.get(kode_lacak=permohonan.kode_lacak).ada_dokumen
    IndeksProses.objects.update(ada_dokumen=False)
    with connection.cursor() as cur:
        cur.execute(importlib.import_module("apps.core.migrations.0007_indeksproses_ada_dokumen").ISI)
    assert IndeksProses.objects.get(kode_lacak=permohonan.kode_lacak).ada_dokumen


def test_the_record_is_read_as_the_orm_reads_it_with_its_service(permohonan, django_assert_num_queries):
    """proses_dari_kode reads the record and its service through SQL compiled once: the same
    instance the ORM gives, the service already loaded, and None once the record is gone."""
    from apps.publik.selectors import proses_dari_kode
    from tests.kernel_app.models import Contoh

    objek = proses_dari_kode(permohonan.kode_lacak)
    orm = PermohonanDenganVerifikasi.objects.select_related("layanan").get(pk=permohonan.pk)
    assert type(objek) is PermohonanDenganVerifikasi and not objek._state.adding
    for f in PermohonanDenganVerifikasi._meta.concrete_fields:
        assert getattr(objek, f.attname) == getattr(orm, f.attname), f.name
    with django_assert_num_queries(0):
        assert objek.layanan == orm.layanan and objek.layanan.nama == orm.layanan.nama
    contoh = Contoh.objects.create(nama="Tanpa layanan")  # a process without a service
    assert proses_dari_kode(contoh.kode_lacak) == contoh
    Contoh.objects.filter(pk=contoh.pk).delete()
    assert proses_dari_kode(contoh.kode_lacak) is None


def test_a_finished_request_and_a_complaint_read_no_more_than_four_queries(client, pengguna, django_assert_max_num_queries):
    """Status page of a finished request (with the survey check) and of an answered complaint
    (whose settings are read from the process copy, not once per use)."""
    from apps.piak.tests.factories import pengaduan_ke

    aduan = pengaduan_ke("selesai", pengguna)
    buka(client, aduan)
    url = reverse("publik:status-detail", args=[aduan.kode_lacak])
    client.get(url)
    with django_assert_max_num_queries(4):
        r = client.get(url)
    html = r.content.decode()
    assert r.status_code == 200 and "form-buka-ulang" in html and "undangan-skm" in html
