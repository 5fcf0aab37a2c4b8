"""P.5.2–P.5.8 in the service catalogue (one row per map code, requirements by reason, target in
working days), and bad input refused at the SIAK input next to its field with the typed data kept."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.capil.models.perubahan import KODE_JENIS, Status
from apps.capil.syarat_perubahan import kode_layanan
from apps.pendaftaran.models import Layanan

from .test_perubahan import aksi, data_akta_lama, orang, permohonan  # noqa: F401

pytestmark = pytest.mark.django_db


def test_every_p5_kind_has_its_catalogue_row():
    for jenis, kode in KODE_JENIS.items():
        layanan = Layanan.objects.get(kode=kode_layanan(jenis))
        assert layanan.kode_proses == kode and layanan.target_hari_kerja > 0
        assert layanan.persyaratan.filter(kode="formulir").exists()
    assert set(Layanan.objects.get(kode_proses="P.5.6").daftar_sebab.values_list("kode", flat=True)) == {"kawin", "cerai", "akta"}
    assert set(Layanan.objects.get(kode_proses="P.5.7").daftar_sebab.values_list("kode", flat=True)) == {
        "pengangkatan", "pengakuan", "pengesahan"}
    assert set(Layanan.objects.get(kode_proses="P.5.8").daftar_sebab.values_list("kode", flat=True)) == {"hilang", "rusak"}


def test_a_request_keeps_the_list_of_its_kind_and_reason_and_the_target(orang):  # noqa: F811
    fo = orang["petugas_fo"]
    cerai = permohonan(fo, jenis="pembatalan", jenis_pembatalan="cerai")
    kawin = permohonan(fo, jenis="pembatalan", jenis_pembatalan="kawin", nomor_akta="X/2")
    assert "akta_kawin" in {r["kunci"] for r in cerai.persyaratan_berlaku}
    assert "akta_kawin" not in {r["kunci"] for r in kawin.persyaratan_berlaku}
    kedua = permohonan(fo, jenis="kutipan_kedua", alasan_kutipan_kedua="hilang", nomor_akta="X/3")
    assert "kepolisian" in next(r["nama"] for r in kedua.persyaratan_berlaku if r["kunci"] == "kutipan")
    # The target is the catalogue's, as the administrator sets it.
    Layanan.objects.filter(kode_proses="P.5.5").update(target_hari_kerja=10)
    lima = permohonan(fo, jenis="nama", nomor_akta="X/4")
    sepuluh_hari = permohonan(fo, jenis="kewarganegaraan", nomor_akta="X/5")
    assert lima.tenggat > sepuluh_hari.tenggat >= timezone.localdate()


def test_the_completeness_check_asks_for_the_ruling_of_its_kind(client, orang):  # noqa: F811
    objek = permohonan(orang["petugas_fo"], jenis="nama", berkas_persyaratan={"formulir": 1, "ktp_kk": 1, "kutipan": 1})
    r = aksi(client, orang["petugas_fo"], objek, "periksa")
    assert r.status_code in (200, 400) and "Wajib ada sebelum berkas dinyatakan lengkap" in r.content.decode()
    objek.refresh_from_db()
    assert objek.status == Status.DIAJUKAN


def test_ruling_dated_after_its_final_date_is_refused_at_input_next_to_the_field(client, orang):  # noqa: F811
    hari = timezone.localdate()
    objek = permohonan(orang["petugas_fo"], jenis="nama", subjek_nik="3575010101950001", nama_baru="Budi Wijaya")
    assert aksi(client, orang["petugas_fo"], objek, "periksa").status_code == 302
    r = aksi(client, orang["operator_siak"], objek, "input_siak", data_akta_lama(
        subjek_nik="3575010101950001", nama_baru="Budi Wijaya", dasar_nomor="12/Pdt.P/2026/PN Psr",
        dasar_instansi="Pengadilan Negeri Pasuruan", dasar_tanggal=hari.isoformat(),
        dasar_tanggal_tetap=(hari - timedelta(days=3)).isoformat()))
    html = r.content.decode()
    assert r.status_code in (200, 400) and "tidak boleh sebelum tanggal putusan" in html
    assert 'value="12/Pdt.P/2026/PN Psr"' in html and "Budi Wijaya" in html  # what was typed stays
    objek.refresh_from_db()
    assert objek.status == Status.LENGKAP
