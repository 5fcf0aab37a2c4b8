"""P.1.1 supplies with NPD and SPJ; P.2.2.1 performance reports with the score trend; P.2.2.2."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.core.workflow import AksiDitolak, lampiran_dari, riwayat

from . import factories as f

pytestmark = pytest.mark.django_db


def test_npd_from_submission_to_delivery_with_one_spj_revision(orang):
    n = f.npd(orang, status="spj_revisi")
    berkas = {k: f.berkas_pdf(f"{k}-2.pdf") for k in ("faktur", "kuitansi", "pajak", "foto")}
    f.aksi(n, "serahkan_spj", orang.subbag_umum, files=berkas)
    hari_ini = timezone.localdate().isoformat()
    f.aksi(n, "spj_lengkap", orang.bendahara, {f"cek_{k}": "on" for k in berkas})
    f.aksi(n, "bayar", orang.bendahara, {"tanggal_bayar": hari_ini, "jumlah_dibayar": "3.250.000,00"})
    f.aksi(n, "catat_penyerahan", orang.subbag_umum, {"tanggal_diterima": hari_ini, "keterangan_penyerahan": "Diterima baik"})
    n.refresh_from_db()
    assert n.status == "selesai" and n.jumlah_dibayar == Decimal("3250000.00")
    assert lampiran_dari(n).count() == 8  # two SPJs of four supplier documents each
    assert "kembalikan_spj" in [r.aksi for r in riwayat(n)]


def test_the_spj_check_needs_every_document_ticked(orang, client):
    n = f.npd(orang, status="spj_diperiksa")
    client.force_login(orang.bendahara)
    r = client.post(reverse("keuangan:notapencairandana-aksi", args=[n.pk, "spj_lengkap"]),
                    {"versi": n.versi, "cek_faktur": "on", "cek_kuitansi": "on", "cek_pajak": "on"})
    assert r.status_code == 400
    n.refresh_from_db()
    assert n.status == "spj_diperiksa"


def test_report_is_sent_only_when_every_assignment_is_done(orang, client):
    lap = f.laporan_kinerja(orang, status="dihimpun")
    client.force_login(orang.subbag_perencanaan)
    besok = (timezone.localdate()).isoformat()
    r = client.post(reverse("keuangan:penugasan-tambah", args=[lap.pk]),
                    {"tugas-bidang": "Bidang Dafduk", "tugas-uraian": "Capaian IKU", "tugas-tenggat": besok})
    assert r.status_code == 302
    with pytest.raises(AksiDitolak):
        f.aksi(lap, "kirim", orang.subbag_perencanaan, files={"laporan": f.berkas_pdf()})
    tugas = lap.penugasan.get()
    client.force_login(orang.bidang_teknis)
    assert client.post(reverse("keuangan:penugasan-selesai", args=[tugas.pk])).status_code == 302
    f.aksi(lap, "kirim", orang.subbag_perencanaan, files={"laporan": f.berkas_pdf()})
    assert lap.status == "dikirim"


def test_scores_per_year_show_a_trend(orang, client):
    tahun = timezone.localdate().year
    f.laporan_kinerja(orang, status="dinilai", jenis="sakip", tahun=tahun - 2, nilai="65.10", predikat="B")
    f.laporan_kinerja(orang, status="dinilai", jenis="sakip", tahun=tahun - 1, nilai="70.25", predikat="BB")
    f.laporan_kinerja(orang, status="dinilai", jenis="rb", tahun=tahun - 1, nilai="61.00", predikat="")
    client.force_login(orang.kadis)
    isi = client.get(reverse("keuangan:laporankinerja-tren")).content.decode()
    assert "70,25" in isi and "BB" in isi and "▲ 5,15" in isi and "61,00" in isi and f">{tahun - 1}<" in isi


def test_sakip_needs_its_grade(orang, client):
    lap = f.laporan_kinerja(orang, status="dikirim", jenis="sakip")
    client.force_login(orang.subbag_perencanaan)
    r = client.post(reverse("keuangan:laporankinerja-aksi", args=[lap.pk, "catat_nilai"]),
                    {"versi": lap.versi, "nilai": "70", "dinilai_pada": timezone.localdate().isoformat(),
                     "surat_hasil": f.berkas_pdf()})
    assert r.status_code == 400 and "Predikat SAKIP wajib diisi" in r.content.decode()


def test_financial_report_goes_back_with_bpka_notes_then_is_accepted(orang):
    lap = f.laporan_keuangan(orang, status="dikembalikan")
    p = orang.subbag_perencanaan
    f.aksi(lap, "kirim", p, files={"laporan": f.berkas_pdf("lk-revisi.pdf")})
    f.aksi(lap, "terima", p, files={"surat_jawaban": f.berkas_pdf("diterima.pdf")})
    f.aksi(lap, "tindak_lanjuti", p, catatan="Disampaikan ke kepala dinas")
    assert lap.status == "selesai"
    log = list(riwayat(lap))
    assert any(r.aksi == "revisi" and r.catatan for r in log)


def _kueri(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_trend_report_and_planning_pages_keep_their_query_count(orang, client, django_assert_num_queries):
    tahun = timezone.localdate().year
    lap = f.laporan_kinerja(orang, status="dinilai", jenis="sakip", tahun=tahun - 1)
    dok = f.perencanaan(orang)
    f.laporan_keuangan(orang)
    client.force_login(orang.subbag_perencanaan)
    halaman = [reverse("keuangan:laporankinerja-tren"), reverse("keuangan:laporankinerja-detail", args=[lap.pk]),
               reverse("keuangan:dokumenperencanaan-detail", args=[dok.pk]), reverse("keuangan:laporankinerja-antrian"),
               reverse("keuangan:laporankeuangan-antrian")]
    for url in halaman:
        client.get(url)
    sedikit = {url: _kueri(client, url) for url in halaman}
    for i in range(2, 7):
        f.laporan_kinerja(orang, status="dinilai", jenis="rb", tahun=tahun - i)
        f.laporan_keuangan(orang)
        f.aksi(dok, "revisi", orang.subbag_perencanaan, {"isi": f"Program {i}", "catatan_perubahan": f"Revisi {i}"})
    for i in range(4):
        lap.penugasan.create(bidang=f"Bidang {i}", uraian="Data", tenggat=timezone.localdate())
    for url in halaman:
        with django_assert_num_queries(sedikit[url]):
            assert client.get(url).status_code == 200


def test_a_report_request_needs_its_letter_from_the_agenda_or_a_scan(orang, client):
    client.force_login(orang.subbag_perencanaan)
    data = {"periode": "Semester I", "nomor_surat_permintaan": "900/1/2026",
            "tanggal_surat_permintaan": timezone.localdate().isoformat()}
    r = client.post(reverse("keuangan:laporankeuangan-baru"), data)
    assert r.status_code == 400 and "Pilih surat dari agenda surat masuk atau unggah pindaiannya" in r.content.decode()
    # Only letters the user may open in the agenda are offered.
    assert list(r.context["form"].fields["surat_masuk"].queryset) == []
    r = client.post(reverse("keuangan:laporankeuangan-baru"), {**data, "surat": f.berkas_pdf()})
    assert r.status_code == 302
