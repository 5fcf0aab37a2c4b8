"""P.4.3.1: NIK check (unknown → P.6.2 case), recording results (PRR, duplicate → biodata
cross-check, failed → retry) and the blangko register (stock, use per print, spoiled per reprint,
printing refused at 0, never below 0 with printers at once)."""

import threading

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from apps.core.workflow import AksiDitolak, aksi_model, jalankan_aksi, jalankan_dari_form, kelas_form
from apps.pendaftaran.models.blangko import MutasiBlangko, StokBlangko
from apps.pendaftaran.models.perekaman import PerekamanKTP
from apps.pendaftaran.selectors_p4 import stok_blangko
from apps.pendaftaran.services_p4 import PESAN_STOK_HABIS, blangko_ambil, blangko_terima

from .pabrik_p4 import buat_perekaman, penduduk_terdaftar


def _pos(obj, aksi, user, data=None):
    info = aksi_model(type(obj))[aksi]
    form = kelas_form(info)({"versi": obj.versi, **(data or {})}, aksi=info, objek=obj, pengguna=user)
    assert form.is_valid(), form.errors
    jalankan_dari_form(objek=obj, pengguna=user, form=form, info=info)
    obj.refresh_from_db()


@pytest.mark.django_db
def test_unknown_nik_opens_a_p62_case_and_closes_as_redirected(pengguna):
    from apps.core.models import RiwayatStatus
    from apps.piak.models import Pengaduan

    obj = buat_perekaman("diajukan", nik="3575019999999999")
    rekam = pengguna("operator_rekam")
    with pytest.raises(AksiDitolak):
        jalankan_aksi(objek=obj, aksi="nik_ditemukan", pengguna=rekam)
    _pos(obj, "alihkan_pengaduan", rekam)
    kasus = Pengaduan.objects.get(kode_lacak=obj.kode_pengaduan)
    assert (obj.status, kasus.saluran, kasus.nik, kasus.asal_id) == ("dialihkan", "rekam", "3575019999999999", obj.pk)
    log = RiwayatStatus.objects.get(object_id=obj.pk, aksi="alihkan_pengaduan")
    assert kasus.kode_lacak in log.catatan and log.catatan_publik


@pytest.mark.django_db
def test_failed_then_duplicate_then_prr_print_reprint_and_empty_stock(pengguna):
    penduduk_terdaftar()
    obj = buat_perekaman("diajukan")
    rekam, siak, ver, ambil = (pengguna(k) for k in ("operator_rekam", "operator_siak", "verifikator", "operator_pengambilan"))
    jalankan_aksi(objek=obj, aksi="nik_ditemukan", pengguna=rekam)
    jalankan_aksi(objek=obj, aksi="hasil_gagal", pengguna=rekam, catatan="Sidik jari tidak terbaca")
    jalankan_aksi(objek=obj, aksi="rekam_ulang", pengguna=rekam)
    _pos(obj, "hasil_duplikat", rekam, {"nik_duplikat": "3575010000000009"})
    assert (obj.status, obj.nik_duplikat, obj.jumlah_rekam_gagal) == ("duplikat", "3575010000000009", 1)
    jalankan_aksi(objek=obj, aksi="padan_selesai", pengguna=siak, catatan="NIK lain ganda, dinonaktifkan ADB")
    jalankan_aksi(objek=obj, aksi="verifikasi", pengguna=ver)
    assert obj.status == "siap_cetak"
    # No card in stock: refused with a clear message, nothing changes.
    with pytest.raises(AksiDitolak, match="Stok blangko KTP-el habis"):
        _pos(obj, "cetak", siak)
    assert obj.status == "siap_cetak" and not MutasiBlangko.objects.filter(perekaman=obj).exists()
    blangko_terima(jumlah=1, oleh=siak, keterangan="Kiriman Ditjen")
    _pos(obj, "cetak", siak)
    assert StokBlangko.objects.get().stok == 0
    jalankan_aksi(objek=obj, aksi="cetakan_rusak", pengguna=ambil, catatan="Foto buram")
    with pytest.raises(AksiDitolak, match="habis"):
        _pos(obj, "cetak", siak)
    blangko_terima(jumlah=3, oleh=siak)
    _pos(obj, "cetak", siak)
    jalankan_aksi(objek=obj, aksi="cetakan_bagus", pengguna=ambil)
    jalankan_aksi(objek=obj, aksi="serahkan", pengguna=ambil, data={"penerima": "SITI AMINAH"})
    assert obj.status == "selesai"
    gerak = sorted(MutasiBlangko.objects.filter(perekaman=obj).values_list("gerak", flat=True))
    assert gerak == ["pakai", "rusak"] and StokBlangko.objects.get().stok == 2
    hari_ini = timezone.localdate()
    baris = stok_blangko(dari=hari_ini, sampai=hari_ini)
    assert baris[0]["stok akhir hari"] == 2
    assert (baris[1]["diterima"], baris[1]["dipakai"], baris[1]["rusak (cetak ulang)"], baris[1]["stok akhir hari"]) == (4, 1, 1, 2)


@pytest.mark.django_db
def test_unresolved_duplicate_closes_with_a_public_reason(pengguna):
    from apps.core.models import RiwayatStatus

    obj = buat_perekaman("duplikat")
    siak = pengguna("operator_siak")
    with pytest.raises(AksiDitolak):
        jalankan_aksi(objek=obj, aksi="padan_gagal", pengguna=siak, catatan="")
    alasan = "Biodata cocok dengan NIK lain; bawa KK asli dan akta kelahiran ke loket PIAK."
    jalankan_aksi(objek=obj, aksi="padan_gagal", pengguna=siak, catatan=alasan)
    assert obj.status == "ditutup" and obj.status in PerekamanKTP.STATUS_AKHIR
    log = RiwayatStatus.objects.get(object_id=obj.pk, aksi="padan_gagal")
    assert log.catatan == alasan and log.catatan_publik


@pytest.mark.layanan
@pytest.mark.django_db(transaction=True)
def test_eight_printers_at_once_never_take_the_stock_below_zero():
    if connection.vendor != "postgresql":
        from conftest import layanan_tidak_tersedia

        layanan_tidak_tersedia("uji cetak serentak perlu PostgreSQL (DATABASE_URL=postgres://...)")
    blangko_terima(jumlah=5)
    rekaman = [buat_perekaman("siap_cetak") for _ in range(8)]
    mulai = threading.Barrier(8)
    hasil: list[str] = []

    def cetak(obj):
        try:
            mulai.wait()
            with transaction.atomic():
                blangko_ambil(perekaman=obj)
            hasil.append("dapat")
        except AksiDitolak as exc:
            hasil.append("habis" if str(exc) == PESAN_STOK_HABIS else str(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cetak, args=(o,)) for o in rekaman]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(hasil) == ["dapat"] * 5 + ["habis"] * 3
    assert StokBlangko.objects.get().stok == 0
    assert MutasiBlangko.objects.filter(gerak="pakai").count() == 5


@pytest.mark.django_db
def test_blangko_page_kabid_reads_operator_records_receipt(client, pengguna):
    from django.urls import reverse

    url = reverse("pendaftaran:blangko")
    client.force_login(pengguna("operator_siak"))
    r = client.post(url, {"jumlah": "0"})
    assert r.status_code == 400 and "lebih dari 0" in r.content.decode()
    assert client.post(url, {"jumlah": "25", "keterangan": "BA kiriman 1"}).status_code == 302
    client.force_login(pengguna("kabid"))
    r = client.get(url)
    assert r.status_code == 200 and 'id="stok-blangko">25<' in r.content.decode()
    assert client.post(url, {"jumlah": "5"}).status_code == 403
    client.force_login(pengguna("petugas_fo"))
    assert client.get(url).status_code == 403
