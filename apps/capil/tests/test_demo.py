"""The demo hook: a few reports in different states, made through the real steps; idempotent."""

import io

from apps.akun.demo_akun import akun_demo_siapkan
from apps.capil.demo import isi_demo
from apps.capil.models import PencatatanSipil, Status
from apps.core.models import RiwayatStatus
from apps.penduduk.demo import isi_demo as isi_register


def test_demo_fills_reports_in_several_states_once(db):
    akun_demo_siapkan()
    isi_register(io.StringIO())
    keluaran = io.StringIO()
    isi_demo(keluaran)
    status = set(PencatatanSipil.objects.values_list("status", flat=True))
    assert {Status.DIAJUKAN, Status.DIKEMBALIKAN, Status.TERVERIFIKASI, Status.MENUNGGU_VERIFIKASI,
            Status.LENGKAP, Status.DIINPUT, Status.DITOLAK} <= status
    assert set(PencatatanSipil.objects.values_list("jenis_peristiwa", flat=True)) == {
        "kelahiran", "lahir_mati", "kematian", "perkawinan", "perceraian"}
    assert any(p.putusan_pengadilan_agama for p in PencatatanSipil.objects.filter(jenis_peristiwa="perceraian"))
    terlambat = PencatatanSipil.objects.get(status=Status.TERVERIFIKASI)
    assert terlambat.kode_jenis_akta == "kelahiran_terlambat"
    assert RiwayatStatus.objects.filter(object_id=terlambat.pk, aksi="verifikasi_kabid").exists()
    jumlah = PencatatanSipil.objects.count()
    isi_demo(io.StringIO())
    assert PencatatanSipil.objects.count() == jumlah
    assert "P.5.1" in keluaran.getvalue()


def test_demo_has_change_requests_in_several_states_and_old_deeds(db):
    from apps.capil.models import PerubahanAkta, RegisterAkta
    from apps.capil.models.perubahan import Status as StatusPerubahan

    akun_demo_siapkan()
    isi_register(io.StringIO())
    isi_demo(io.StringIO())
    status = set(PerubahanAkta.objects.values_list("status", flat=True))
    assert {StatusPerubahan.DIAJUKAN, StatusPerubahan.LENGKAP, StatusPerubahan.MENUNGGU_KEABSAHAN,
            StatusPerubahan.DIKEMBALIKAN, StatusPerubahan.MENUNGGU_VERIFIKASI} <= status
    assert RegisterAkta.objects.filter(pencatatan=None).count() >= 4
    assert PerubahanAkta.objects.get(status=StatusPerubahan.MENUNGGU_KEABSAHAN).surat_keabsahan is not None
    jumlah = PerubahanAkta.objects.count()
    isi_demo(io.StringIO())
    assert PerubahanAkta.objects.count() == jumlah
