"""SKM and IKM: the hand-worked example of the regulation's method, one answer per request,
anonymity, the invitation on the status page and by email, the public page and the yearly PDF."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from apps.piak.models import JawabanSkm, Pengaturan
from apps.piak.selectors import hitung_ikm, ikm, ikm_per_layanan, mutu_ikm
from apps.piak.services.skm import kunci_permohonan, skm_jawab, skm_undang_selesai, url_survei

from .factories import pemutakhiran_ke, pengaduan_baru, pengaduan_ke

pytestmark = pytest.mark.django_db

# Three respondents, elements U1..U9 (Permenpan RB 14/2017, scale 1-4).
RESPONDEN = [
    (4, 4, 3, 4, 3, 3, 4, 3, 3),
    (3, 3, 3, 4, 3, 3, 3, 3, 2),
    (4, 3, 2, 4, 4, 3, 3, 4, 3),
]


def _isi(nilai, kode="P.6.2", layanan="Pengaduan", tanggal=None, kunci=None):
    return JawabanSkm.objects.create(kunci=kunci or f"k{JawabanSkm.objects.count()}-{nilai}", kode_layanan=kode,
                                     layanan=layanan, tanggal=tanggal or timezone.localdate(),
                                     **{f"u{i + 1}": v for i, v in enumerate(nilai)})


def test_the_ikm_of_the_hand_worked_example():
    # By hand: element totals 11,10,8,12,10,9,10,10,8 over 3 respondents -> averages 3.6667, 3.3333,
    # 2.6667, 4.0000, 3.3333, 3.0000, 3.3333, 3.3333, 2.6667; each weighted 1/9 (0.111) and summed:
    # 88/27 = 3.2593 on the 1-4 scale; x 25 = 2200/27 = 81.48 -> grade B (76.61-88.30), "Baik".
    for r in RESPONDEN:
        _isi(r)
    hari_ini = timezone.localdate()
    hasil = ikm(hari_ini, hari_ini)
    assert hasil.responden == 3
    assert [u[2] for u in hasil.unsur] == [Decimal("3.6667"), Decimal("3.3333"), Decimal("2.6667"), Decimal("4.0000"),
                                          Decimal("3.3333"), Decimal("3.0000"), Decimal("3.3333"), Decimal("3.3333"),
                                          Decimal("2.6667")]
    assert hasil.ikm == Decimal("81.48") and hasil.mutu == "B" and hasil.kinerja == "Baik"
    assert hasil.nilai_interval == Decimal("3.2592")  # 81.48 / 25
    assert ikm(hari_ini, hari_ini, kode_layanan="P.6.2").ikm == Decimal("81.48")
    assert ikm(hari_ini, hari_ini, kode_layanan="P.6.3").responden == 0


def test_the_grade_limits_and_their_setting():
    assert [mutu_ikm(Decimal(x)) for x in ("100", "88.31", "88.30", "76.61", "76.60", "65.00", "64.99", "25")] == \
        ["A", "A", "B", "B", "C", "C", "D", "D"]
    Pengaturan.objects.create(pk=1, ikm_batas_a=Decimal("90.00"))
    assert mutu_ikm(Decimal("89.00")) == "B"
    assert hitung_ikm([Decimal(4)] * 9) == Decimal("100.00") and hitung_ikm([Decimal(1)] * 9) == Decimal("25.00")


def test_the_period_and_per_service():
    hari_ini = timezone.localdate()
    _isi((4,) * 9, tanggal=hari_ini)
    _isi((1,) * 9, tanggal=hari_ini - datetime.timedelta(days=400), kode="P.6.3", layanan="Pemutakhiran")
    assert ikm(hari_ini, hari_ini).ikm == Decimal("100.00")
    baris = ikm_per_layanan(hari_ini - datetime.timedelta(days=500), hari_ini)
    assert [(k, h.ikm) for k, _, h in baris] == [("P.6.2", Decimal("100.00")), ("P.6.3", Decimal("25.00"))]


def test_one_answer_per_request_and_only_when_finished(pengguna):
    from apps.core.workflow import AksiDitolak

    terbuka = pengaduan_baru()
    with pytest.raises(AksiDitolak):
        skm_jawab(objek=terbuka, nilai={f"u{i}": 3 for i in range(1, 10)})
    objek = pengaduan_ke("selesai", pengguna)
    jawaban = skm_jawab(objek=objek, nilai={f"u{i}": 3 for i in range(1, 10)}, saran="Cepat.")
    with pytest.raises(AksiDitolak):
        skm_jawab(objek=objek, nilai={f"u{i}": 4 for i in range(1, 10)})
    # Anonymous: nothing of the request or the person is kept with the answer.
    nilai = " ".join(str(getattr(jawaban, f.attname)) for f in JawabanSkm._meta.fields)
    assert objek.kode_lacak not in nilai and objek.nama not in nilai and objek.nik not in nilai
    assert jawaban.kunci == kunci_permohonan(objek)


def test_the_citizen_answers_from_the_status_page_and_the_ikm_page_shows_it(client, pengguna):
    objek = pemutakhiran_ke("selesai", pengguna)
    client.post(reverse("publik:status"), {"kode": objek.kode_lacak, "pin": objek.pin})
    halaman = client.get(reverse("publik:status-detail", args=[objek.kode_lacak]))
    assert b"undangan-skm" in halaman.content
    url = url_survei(objek, absolut=False)
    r = client.post(url, {"u1": 4, "u2": 4})
    assert r.status_code == 400 and b"Pilih salah satu nilai" in r.content
    r = client.post(url, {**{f"u{i}": 4 for i in range(1, 10)}, "saran": "Mantap"})
    assert r.status_code == 200 and b"skm-selesai" in r.content
    assert JawabanSkm.objects.get().kode_layanan == "P.6.3"
    assert b"undangan-skm" not in client.get(reverse("publik:status-detail", args=[objek.kode_lacak])).content
    assert b"sudah diisi" in client.get(url).content
    ikm_halaman = client.get(reverse("piak:ikm"))
    assert b"100,00" in ikm_halaman.content or b"100.00" in ikm_halaman.content


def test_no_survey_for_an_unfinished_request_or_a_forged_link(client, pengguna):
    objek = pemutakhiran_ke("diajukan", pengguna)
    assert client.get(url_survei(objek, absolut=False)).status_code == 404
    assert client.get(reverse("piak:skm-isi", args=["palsu"])).status_code == 404


def test_the_beat_task_invites_by_email_once(pengguna, django_capture_on_commit_callbacks):
    objek = pemutakhiran_ke("selesai", pengguna, email="ani@contoh.id")
    pemutakhiran_ke("diajukan", pengguna)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert skm_undang_selesai() == 1
        assert skm_undang_selesai() == 0
    undangan = [m for m in mail.outbox if "Survei Kepuasan" in m.subject]
    assert len(undangan) == 1 and undangan[0].to == ["ani@contoh.id"]
    assert "/piak/skm/" in undangan[0].body and objek.kode_lacak not in undangan[0].subject


def test_the_yearly_report_is_a_pdf_for_the_leaders(client, pengguna):
    for r in RESPONDEN:
        _isi(r)
    tahun = timezone.localdate().year
    client.force_login(pengguna("kadis"))
    r = client.get(reverse("piak:skm-laporan", args=[tahun]))
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    client.force_login(pengguna("petugas_fo"))
    assert client.get(reverse("piak:skm-laporan", args=[tahun])).status_code == 403
