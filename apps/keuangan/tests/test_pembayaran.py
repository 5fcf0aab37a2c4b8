"""P.3.1 from the PPTK's request to SP2D, with the PPK's return; SPP and SPM numbered PDFs signed by
TTE (the bendahara's SPP, the Pengguna Anggaran's SPM)."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from apps.core.workflow import jalankan_aksi, riwayat
from apps.dokumen.models import Dokumen
from apps.dokumen.tests.conftest import PASSPHRASE

from . import factories as f

pytestmark = pytest.mark.django_db
TTE = {"passphrase": PASSPHRASE}


def test_it_runs_from_request_to_sp2d_with_one_return(orang, django_capture_on_commit_callbacks):
    p = f.permintaan(orang, status="spj_diverifikasi", jumlah=Decimal("2750000.00"))
    with django_capture_on_commit_callbacks(execute=True):
        f.aksi(p, "terbitkan_spp_spm", orang.bendahara, TTE)
        f.aksi(p, "tandatangani", orang.kadis, TTE)
    tahun = timezone.localdate().year
    spp1, spm1 = p.nomor_spp, p.nomor_spm
    assert spp1 == f"900/SPP/0001/423.112/{tahun}" and spm1 == f"900/SPM/0001/423.112/{tahun}"
    dok = {d.jenis: d for d in Dokumen.untuk(p)}
    assert dok["spp"].status == "selesai" and dok["spp"].berkas.read().startswith(b"%PDF")
    assert dok["spp"].ditandatangani_pada and dok["spm"].ditandatangani_oleh.user == orang.kadis
    f.aksi(p, "kembalikan", orang.ppk, catatan="Kuitansi belum bermeterai")
    assert p.status == "dikembalikan_ppk"
    f.aksi(p, "lengkapi", orang.verifikator_keuangan, catatan="Kuitansi diganti")
    with django_capture_on_commit_callbacks(execute=True):
        f.aksi(p, "terbitkan_spp_spm", orang.bendahara, TTE)
        f.aksi(p, "tandatangani", orang.kadis, TTE)
    # The corrected pair gets the next numbers; the first pair is withdrawn, not reused.
    assert p.nomor_spp == f"900/SPP/0002/423.112/{tahun}"
    assert set(Dokumen.untuk(p).filter(aktif=True).values_list("nomor", flat=True)) == {p.nomor_spp, p.nomor_spm}
    f.aksi(p, "periksa_lengkap", orang.ppk)
    f.aksi(p, "catat_sp2d", orang.bendahara,
           {"sp2d_nomor": "0456/SP2D/LS/2026", "sp2d_tanggal": timezone.localdate().isoformat(), "sp2d_jumlah": "2.750.000,00"})
    p.refresh_from_db()
    assert p.status == "dibayar" and p.sp2d_jumlah == Decimal("2750000.00")
    assert [r.aksi for r in riwayat(p)] == ["buat", "pilih_metode", "susun_spj", "verifikasi", "terbitkan_spp_spm",
                                            "tandatangani", "kembalikan", "lengkapi", "terbitkan_spp_spm", "tandatangani",
                                            "periksa_lengkap", "catat_sp2d"]


def test_the_sp2d_cannot_exceed_the_request(orang, client):
    p = f.permintaan(orang, status="dikirim_bpka", jumlah=Decimal("1000000.00"))
    client.force_login(orang.bendahara)
    r = client.post(reverse("keuangan:permintaanpembayaran-aksi", args=[p.pk, "catat_sp2d"]),
                    {"versi": p.versi, "sp2d_nomor": "X", "sp2d_tanggal": timezone.localdate().isoformat(), "sp2d_jumlah": "1.000.000,01"})
    assert r.status_code == 400 and "melebihi jumlah yang diminta" in r.content.decode()
    p.refresh_from_db()
    assert p.status == "dikirim_bpka"


def test_the_ppk_cannot_issue_and_the_pptk_cannot_verify(orang):
    p = f.permintaan(orang, status="spj_disusun")
    with pytest.raises(PermissionDenied):
        jalankan_aksi(objek=p, aksi="verifikasi", pengguna=orang.pptk)
    with pytest.raises(PermissionDenied):
        jalankan_aksi(objek=p, aksi="terbitkan_spp_spm", pengguna=orang.ppk)


def test_the_detail_page_shows_the_line_budget(orang, client):
    p = f.permintaan(orang, jumlah=Decimal("1234567.00"))
    client.force_login(orang.bendahara)
    isi = client.get(reverse("keuangan:permintaanpembayaran-detail", args=[p.pk])).content.decode()
    assert "Rp1.234.567,00" in isi and "Rp8.765.433,00" in isi  # the remainder of the 10.000.000,00 line


def test_only_the_pptk_files_a_request(orang, client):
    client.force_login(orang.bendahara)
    assert client.get(reverse("keuangan:permintaanpembayaran-baru")).status_code == 403
    client.force_login(orang.pegawai)
    assert client.get(reverse("keuangan:realisasi")).status_code == 403


def _jumlah_query(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_realisation_queue_and_detail_pages_keep_their_query_count(orang, client, django_assert_num_queries):
    baris = f.baris(orang)
    p = f.permintaan(orang, jumlah=Decimal("1000.00"), baris_dpa=baris)
    f.permintaan(orang, jumlah=Decimal("1000.00"), baris_dpa=baris)
    client.force_login(orang.bendahara)
    halaman = [reverse("keuangan:realisasi"), reverse("keuangan:permintaanpembayaran-antrian"),
               reverse("keuangan:permintaanpembayaran-detail", args=[p.pk])]
    for url in halaman:
        client.get(url)  # warm the session and content types
    sedikit = {url: _jumlah_query(client, url) for url in halaman}
    f.dpa(orang, tahun=timezone.localdate().year - 1)  # more lines on the realisation page
    for _ in range(10):
        f.permintaan(orang, status="metode_dipilih", jumlah=Decimal("1000.00"), baris_dpa=baris)
    for url in halaman:
        with django_assert_num_queries(sedikit[url]):
            assert client.get(url).status_code == 200
