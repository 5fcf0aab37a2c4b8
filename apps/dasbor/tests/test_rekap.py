"""The daily aggregates: what they count, idempotence, scope, and the dashboard page."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.dasbor.models import CiriPermohonan, Kanal, RekapDurasi, RekapHarian, RekapPetugas
from apps.dasbor.rekap import BATAS_JAM, gabung_histogram, persentil, rekap_segarkan
from apps.dasbor.selectors import Saringan, data_dasbor

from .pembantu import ajukan, selesaikan

pytestmark = pytest.mark.django_db


def _tabel(data, kode):
    return next(t for t in data["tabel"] if t.kode == kode)


def _saringan(**kw):
    hari_ini = timezone.localdate()
    return Saringan(dari=hari_ini - timedelta(days=6), sampai=hari_ini, **kw)


def test_it_counts_requests_per_channel(pengguna):
    fo = pengguna("petugas_fo")
    ajukan(oleh=fo)
    ajukan(oleh=fo)
    ajukan(oleh=None)  # a citizen online: nobody from the Dinas recorded it
    ajukan(oleh=pengguna("petugas_integrasi"))
    hari_ini = timezone.localdate()
    rekap_segarkan(dari=hari_ini, sampai=hari_ini)

    per_kanal = {r.kanal: r.masuk for r in RekapHarian.objects.filter(tanggal=hari_ini)}
    assert per_kanal == {Kanal.LOKET: 2, Kanal.DARING: 1, Kanal.MITRA: 1}
    data = data_dasbor(pengguna("kadis"), _saringan())
    volume = _tabel(data, "volume")
    assert volume.baris[0][:2] == [hari_ini.isoformat(), 4]
    assert _tabel(data, "layanan").baris[0][2] == 4


def test_refresh_is_idempotent(pengguna):
    fo, ver = pengguna("petugas_fo"), pengguna("verifikator")
    selesaikan(ajukan(oleh=fo, tenggat=timezone.localdate()), fo=fo, verifikator=ver)
    hari_ini = timezone.localdate()
    rekap_segarkan(dari=hari_ini, sampai=hari_ini)
    pertama = [list(m.objects.order_by("pk").values_list(*kolom)) for m, kolom in (
        (RekapHarian, ("kode_proses", "kanal", "masuk", "selesai", "selesai_tepat")),
        (RekapDurasi, ("status", "jumlah", "histogram")),
        (RekapPetugas, ("oleh_id", "jumlah")),
    )]
    rekap_segarkan(dari=hari_ini, sampai=hari_ini)
    kedua = [list(m.objects.order_by("pk").values_list(*kolom)) for m, kolom in (
        (RekapHarian, ("kode_proses", "kanal", "masuk", "selesai", "selesai_tepat")),
        (RekapDurasi, ("status", "jumlah", "histogram")),
        (RekapPetugas, ("oleh_id", "jumlah")),
    )]
    assert pertama == kedua
    assert CiriPermohonan.objects.count() == 1
    assert RekapPetugas.objects.get(oleh=ver).jumlah == 1
    assert RekapPetugas.objects.get(oleh=fo).jumlah == 2  # intake and the completeness check


def test_time_in_state_and_sla(pengguna):
    fo, ver = pengguna("petugas_fo"), pengguna("verifikator")
    awal = timezone.make_aware(datetime.combine(timezone.localdate() - timedelta(days=2), datetime.min.time())) + timedelta(hours=8)
    with time_machine.travel(awal, tick=False):
        tepat = ajukan(oleh=fo, tenggat=timezone.localdate() + timedelta(days=1))
        lambat = ajukan(oleh=fo, tenggat=timezone.localdate() - timedelta(days=1))
    with time_machine.travel(awal + timedelta(hours=3), tick=False):
        for o in (tepat, lambat):
            o.refresh_from_db()
            selesaikan(o, fo=fo, verifikator=ver)
    rekap_segarkan(dari=awal.date(), sampai=timezone.localdate())

    data = data_dasbor(pengguna("kadis"), _saringan())
    sla = _tabel(data, "sla").baris
    assert [b[3:] for b in sla] == [[2, 2, 1, 50.0]]
    durasi = {b[2]: b for b in _tabel(data, "durasi").baris}
    # Three hours in "Diajukan" for both: the estimate lies in the 2–4 h bucket.
    assert durasi["Diajukan"][3] == 2 and 2 <= durasi["Diajukan"][4] <= 4
    assert durasi["Lengkap"][4] < 0.5


def test_percentiles_of_a_histogram():
    h = gabung_histogram([[0] * (len(BATAS_JAM) + 1)])
    assert persentil(h, 0.5) is None
    h[BATAS_JAM.index(24)] = 10  # ten steps between 16 and 24 hours
    assert persentil(h, 0.5) == pytest.approx(20.0)
    assert persentil(h, 0.9) == pytest.approx(23.2)


def test_kabid_sees_only_processes_its_role_reads(pengguna):
    ajukan(oleh=pengguna("petugas_fo"))
    hari_ini = timezone.localdate()
    rekap_segarkan(dari=hari_ini, sampai=hari_ini)
    # The kernel's test process is read by the front office and the verifier, not by a kabid.
    assert _tabel(data_dasbor(pengguna("kabid"), _saringan()), "layanan").baris == []
    assert _tabel(data_dasbor(pengguna("kadis"), _saringan()), "layanan").baris


def test_filters_narrow_the_tables(pengguna):
    fo = pengguna("petugas_fo")
    ajukan(oleh=fo)
    ajukan(oleh=None)
    hari_ini = timezone.localdate()
    rekap_segarkan(dari=hari_ini, sampai=hari_ini)
    kadis = pengguna("kadis")
    assert _tabel(data_dasbor(kadis, _saringan()), "backlog").baris[0][2] == 2
    daring = data_dasbor(kadis, _saringan(kanal=Kanal.DARING))
    assert _tabel(daring, "volume").baris[0][1] == 1
    assert _tabel(daring, "backlog").baris[0][2] == 1
    assert _tabel(data_dasbor(kadis, _saringan(layanan="tidak ada")), "backlog").baris == []


def test_backlog_bar_opens_the_filtered_queue(pengguna):
    ajukan(oleh=pengguna("petugas_fo"))
    kadis = pengguna("kadis")
    kadis.groups.add(*pengguna("petugas_fo").groups.all())  # a kadis who also staffs the counter
    backlog = _tabel(data_dasbor(kadis, _saringan()), "backlog")
    assert backlog.grafik["url"] == ["/uji/contoh/?semua=1&status=diajukan"]


def test_dashboard_page_runs_a_fixed_number_of_queries(client, pengguna):
    fo, ver, kadis = pengguna("petugas_fo"), pengguna("verifikator"), pengguna("kadis")
    client.force_login(kadis)
    hari_ini = timezone.localdate()

    def jumlah_query():
        rekap_segarkan(dari=hari_ini - timedelta(days=29), sampai=hari_ini)
        client.get("/dasbor/")  # warm: what each process keeps a while (the PIAK settings) is read once
        with CaptureQueriesContext(connection) as q:
            assert client.get("/dasbor/").status_code == 200
        return len(q)

    selesaikan(ajukan(oleh=fo, tenggat=hari_ini), fo=fo, verifikator=ver)
    sedikit = jumlah_query()
    for i in range(12):
        o = ajukan(oleh=fo if i % 2 else None, nama=f"W{i}", tenggat=hari_ini)
        if i % 3 == 0:
            selesaikan(o, fo=fo, verifikator=ver)
    assert jumlah_query() == sedikit


def test_only_leaders_open_the_dashboard(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    assert client.get("/dasbor/").status_code == 403
    for kode in ("kabid", "kadis", "sekretaris"):
        client.force_login(pengguna(kode))
        resp = client.get("/dasbor/")
        assert resp.status_code == 200
        assert "Tindakan per petugas" in resp.content.decode()


def test_a_wrong_period_is_said_next_to_the_field(client, pengguna):
    client.force_login(pengguna("kadis"))
    resp = client.get("/dasbor/?dari=2026-05-10&sampai=2026-05-01")
    assert resp.status_code == 400
    assert "Tanggal awal harus sebelum tanggal akhir." in resp.content.decode()
    assert 'value="2026-05-10"' in resp.content.decode()


def test_refresh_button_rebuilds_the_period(client, pengguna, django_capture_on_commit_callbacks):
    ajukan(oleh=pengguna("petugas_fo"))
    client.force_login(pengguna("kadis"))
    hari_ini = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.post("/dasbor/segarkan/", {"dari": hari_ini.isoformat(), "sampai": hari_ini.isoformat()})
    assert resp.status_code == 302
    assert RekapHarian.objects.get(tanggal=hari_ini).masuk == 1
    client.force_login(pengguna("petugas_fo"))
    assert client.post("/dasbor/segarkan/", {}).status_code == 403


def stok_contoh(*, dari, sampai):
    return [{"jenis": "KTP-el", "stok": 120}, {"jenis": "KIA", "stok": 40}]


def test_blangko_and_ikm_show_once_their_provider_exists(pengguna, monkeypatch):
    monkeypatch.setattr("apps.dasbor.selectors.SUMBER_TAMBAHAN", [
        ("blangko", "Stok blangko", f"{__name__}.stok_contoh"),
        ("lain", "Belum ada", "apps.pendaftaran.selectors_yang_belum_ada.stok"),
    ])
    data = data_dasbor(pengguna("kadis"), _saringan())
    blangko = _tabel(data, "blangko")
    assert blangko.kolom == ["Jenis", "Stok"] and blangko.baris == [["KTP-el", 120], ["KIA", 40]]
    assert not [t for t in data["tabel"] if t.kode == "lain"]
    # The IKM of apps.piak: without answers, only the "all services" row with no index.
    assert _tabel(data, "ikm").baris == [["", "Semua layanan", 0, None, "", ""]]


def test_the_page_says_which_days_are_not_aggregated_yet(client, pengguna):
    client.force_login(pengguna("kadis"))
    hari_ini = timezone.localdate()
    rekap_segarkan(dari=hari_ini - timedelta(days=1), sampai=hari_ini)
    isi = client.get("/dasbor/", {"dari": (hari_ini - timedelta(days=4)).isoformat()}).content.decode()
    assert "3 hari dalam periode ini belum direkap" in isi


def test_bars_carry_the_dashboard_filters_and_the_queue_honours_them(pengguna, client):
    fo = pengguna("petugas_fo")
    kadis = pengguna("kadis")
    kadis.groups.add(*fo.groups.all())  # a kadis who also staffs the counter
    hari_ini = timezone.localdate()
    with time_machine.travel(timezone.now() - timedelta(days=20), tick=False):
        lama = ajukan(oleh=None, nama="Daring lama")  # before the period, still open
    loket = [ajukan(oleh=fo, nama=f"Loket {i}") for i in range(2)]
    daring = ajukan(oleh=None, nama="Daring baru")
    rekap_segarkan(dari=hari_ini - timedelta(days=20), sampai=hari_ini)
    data = data_dasbor(kadis, _saringan(kanal=Kanal.DARING))
    client.force_login(kadis)

    def isi(url):
        r = client.get(url)
        assert r.status_code == 200
        return r, {o.pk for o in r.context["object_list"]}

    # The service bar counts requests filed in the period on that channel: so does its queue.
    url = _tabel(data, "layanan").grafik["url"][0]
    assert "kanal=daring" in url and f"dari={hari_ini - timedelta(days=6):%Y-%m-%d}" in url and "nama_layanan=" in url
    r, pk = isi(url)
    assert pk == {daring.pk}
    assert ("Kanal", "Daring (warga)") in r.context["saringan_dasbor"]
    assert b'id="saringan-dasbor"' in r.content
    assert b'<input type="hidden" name="kanal" value="daring">' in r.content  # kept by the queue's own form

    # The backlog bar counts what is open now on that channel, whenever filed.
    url = _tabel(data, "backlog").grafik["url"][0]
    assert "status=diajukan" in url and "kanal=daring" in url and "dari=" not in url
    assert _tabel(data, "backlog").baris[0][2] == 2
    assert isi(url)[1] == {lama.pk, daring.pk}

    # Region and overdue.
    CiriPermohonan.objects.filter(object_id=loket[0].pk).update(kecamatan="3575010", kelurahan="3575011001")
    assert isi("/uji/contoh/?semua=1&kelurahan=3575011001")[1] == {loket[0].pk}
    assert isi("/uji/contoh/?semua=1&kecamatan=3575010")[1] == {loket[0].pk}
    telat = ajukan(oleh=fo, nama="Telat", tenggat=hari_ini - timedelta(days=3))
    assert isi("/uji/contoh/?semua=1&terlambat=1")[1] == {telat.pk}
    # A date that is not one is ignored rather than an error.
    assert len(isi("/uji/contoh/?semua=1&dari=2026-02-31")[1]) == 5
