"""P.1.2.3 — stock-take, the divisions' needs, reconciliation of the register, the signed RKBMD;
and the samples ``contoh_dokumen`` writes for umum (outgoing letter, RKBMD)."""

from __future__ import annotations

import subprocess
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from apps.core.workflow import jalankan_aksi
from apps.dokumen.contoh import buat_contoh, pejabat_contoh
from apps.dokumen.jenis import ambil_jenis
from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci, kadis  # noqa: F401
from apps.umum.models import Aset

pytestmark = pytest.mark.django_db


def teks(pdf: bytes) -> str:
    return " ".join(subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode().split())


def ditandatangani(pdf: bytes, tmp_path) -> bool:
    berkas = tmp_path / "x.pdf"
    berkas.write_bytes(pdf)
    hasil = subprocess.run(["pdfsig", str(berkas)], capture_output=True, text=True)
    return "Signature #1" in hasil.stdout


def post_aksi(client, inv, aksi, data):
    inv.refresh_from_db()
    return client.post(reverse("umum:inventarisasi-aksi", args=[inv.pk, aksi]), {"versi": inv.versi, **data})


def test_the_stocktake_from_order_to_signed_rkbmd(client, pengguna, kadis, django_capture_on_commit_callbacks):  # noqa: F811
    pb, bidang = pengguna("pengurus_barang"), pengguna("bidang_teknis")
    aset = Aset.objects.create(kode_barang="1.3.2.10.02.01.001", nomor_register="0001", nama="PC loket", lokasi="Loket 1",
                               tahun_perolehan=2021, nilai_perolehan=Decimal("11000000.00"))
    client.force_login(pb)
    tahun = timezone.localdate().year + 1
    r = client.post(reverse("umum:inventarisasi-baru"), {"tahun_anggaran": tahun, "instruksi": "Rekap kebutuhan"})
    assert r.status_code == 302
    from apps.umum.models import Inventarisasi

    inv = Inventarisasi.objects.get()
    client.force_login(bidang)
    for nama, harga in (("Printer KTP-el", "45000000.00"), ("PC loket", "12500000.50")):
        r = post_aksi(client, inv, "ajukan_kebutuhan", {"bidang": "Pelayanan Pendaftaran", "nama_barang": nama, "jumlah": 2,
                                                         "satuan": "unit", "harga_satuan": harga, "alasan": "Rusak berat"})
        assert r.status_code == 302
    assert inv.kebutuhan.count() == 2
    inv.refresh_from_db()
    assert inv.total_usulan() == Decimal("115000001.00") and isinstance(inv.total_usulan(), Decimal)
    # A division cannot close the listing or touch the register.
    with pytest.raises(PermissionDenied):
        jalankan_aksi(objek=inv, aksi="tutup_rekap", pengguna=bidang)
    client.force_login(pb)
    assert post_aksi(client, inv, "tutup_rekap", {}).status_code == 302
    r = post_aksi(client, inv, "catat_aset", {"aset": aset.pk, "kondisi": "rusak_berat", "lokasi": "Gudang",
                                              "pemegang": ""})
    assert r.status_code == 302
    aset.refresh_from_db()
    assert (aset.kondisi, aset.lokasi) == ("rusak_berat", "Gudang")
    assert post_aksi(client, inv, "ajukan_rkbmd", {}).status_code == 302
    client.force_login(kadis.user)
    with django_capture_on_commit_callbacks(execute=True):
        assert post_aksi(client, inv, "tandatangani", {"passphrase": PASSPHRASE}).status_code == 302
    inv.refresh_from_db()
    assert inv.status == "diterbitkan"
    from apps.dokumen.models import Dokumen

    dok = Dokumen.untuk(inv).get(jenis="rkbmd")
    isi = teks(dok.berkas.read())
    assert "RKBMD" in isi and "Printer KTP-el" in isi and "Rp115.000.001,00" in isi
    r = client.get(reverse("umum:inventarisasi-detail", args=[inv.pk]))
    assert "Rp115.000.001,00" in r.content.decode()


@pytest.mark.parametrize(("kode", "harus"), [
    ("surat_keluar", ["Nomor", "Sifat", "Lampiran", "Hal", "Kepada Yth.", "Camat se-Kota Pasuruan", "Tembusan"]),
    ("rkbmd", ["RENCANA KEBUTUHAN BARANG MILIK DAERAH", "Tahun Anggaran 2027", "Rp102.500.000,00"]),
])
def test_contoh_dokumen_writes_signed_samples(kode, harus, kadis, tmp_path):  # noqa: F811
    dokumen, pdf = buat_contoh(ambil_jenis(kode), pejabat=pejabat_contoh(), passphrase=PASSPHRASE)
    isi = teks(pdf)
    for bagian in [*harus, dokumen.nomor]:
        assert bagian in isi, bagian
    assert ditandatangani(pdf, tmp_path)


def test_the_rkbmd_csv_for_the_rka_and_a_fixed_number_of_queries(client, pengguna, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from apps.umum.models import KebutuhanBarang
    from apps.umum.services_bmd import inventarisasi_buka

    inv = inventarisasi_buka(pengguna=pengguna("pengurus_barang"), data={"tahun_anggaran": timezone.localdate().year + 1})
    KebutuhanBarang.objects.create(inventarisasi=inv, bidang="Sekretariat", nama_barang="Kursi", jumlah=3, satuan="buah",
                                   harga_satuan=Decimal("0.10"), alasan="Rusak")
    client.force_login(pengguna("subbag_perencanaan"))
    r = client.get(reverse("umum:inventarisasi-rkbmd-csv", args=[inv.pk]))
    assert r.status_code == 200 and "Kursi,3,buah,0.10,0.30,Rusak" in r.content.decode()
    client.force_login(pengguna("pegawai"))
    assert client.get(reverse("umum:inventarisasi-rkbmd-csv", args=[inv.pk])).status_code in (403, 404)
    # The queue of stock-takes: the same queries for one and for five.
    client.force_login(pengguna("pengurus_barang"))
    url = reverse("umum:inventarisasi-antrian")
    client.get(url)
    with CaptureQueriesContext(connection) as satu:
        client.get(url)
    for i in range(2, 6):
        inventarisasi_buka(pengguna=pengguna("pengurus_barang"), data={"tahun_anggaran": timezone.localdate().year + i})
    with django_assert_max_num_queries(len(satu.captured_queries)):
        assert client.get(url).status_code == 200
