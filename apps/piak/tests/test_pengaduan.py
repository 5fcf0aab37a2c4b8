"""P.6.2: a case from every channel, triage, forwarding, the answer confirmed, the one reopening."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from apps.core.models import IndeksProses
from apps.piak.models import Pengaduan, Saluran
from apps.piak.services import buka_pengaduan

from .factories import pengaduan_baru, pengaduan_ke

pytestmark = pytest.mark.django_db


def _aksi(pk, aksi):
    return reverse("piak:pengaduan-aksi", args=[pk, aksi])


def _buka_status(client, objek):
    r = client.post(reverse("publik:status"), {"kode": objek.kode_lacak, "pin": objek.pin})
    assert r.status_code == 302, r.content[:500]
    return client.get(reverse("publik:status-detail", args=[objek.kode_lacak]))


def test_it_opens_a_case_with_code_pin_due_date_and_receipt(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        objek = buka_pengaduan(saluran="web", nama="Siti", email="siti@contoh.id", isi="Bagaimana cara mengurus KIA?")
    assert objek.kode_lacak and len(objek.pin) == 6
    assert objek.tenggat > timezone.localdate()
    assert IndeksProses.objects.get(kode_lacak=objek.kode_lacak).dilacak_pemohon
    assert len(mail.outbox) == 1 and objek.kode_lacak in mail.outbox[0].subject and objek.pin in mail.outbox[0].body


def test_a_redirected_request_keeps_its_origin(pengguna):
    asal = pengaduan_baru()  # any process record will do as the origin
    objek = buka_pengaduan(saluran="web", nama="Budi", nik="3575010101010001", isi="NIK tidak ditemukan saat rekam.",
                           asal=asal)
    assert objek.saluran == Saluran.REKAM and objek.asal == asal


def test_forward_answer_confirm_and_reopen_once(client, pengguna, django_capture_on_commit_callbacks):
    admin, bidang = pengguna("admin_piak"), pengguna("bidang_teknis")
    objek = pengaduan_baru()
    mail.outbox.clear()
    c = client
    c.force_login(admin)
    besok = (timezone.localdate() + timedelta(days=1)).isoformat()
    r = c.post(_aksi(objek.pk, "teruskan"), {"versi": objek.versi, "bidang": "dafduk", "tenggat_bidang": besok})
    assert r.status_code == 302
    objek.refresh_from_db()
    assert objek.status == "diteruskan" and objek.bidang == "dafduk"

    c.force_login(bidang)
    detail = c.get(reverse("piak:pengaduan-detail", args=[objek.pk]))
    assert detail.status_code == 200 and objek.nik.encode() not in detail.content  # no personal data for the division
    r = c.post(_aksi(objek.pk, "jawab_bidang"), {"versi": objek.versi, "jawaban_bidang": "Blanko tersedia, sudah dicetak."})
    assert r.status_code == 302

    c.force_login(admin)
    form = c.get(_aksi(objek.pk, "jawab"))
    assert b"Blanko tersedia" in form.content  # the division's answer pre-fills PIAK's
    objek.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        r = c.post(_aksi(objek.pk, "jawab"), {"versi": objek.versi, "jawaban": "KTP-el Anda sudah dicetak; ambil di loket 3."})
    assert r.status_code == 302
    objek.refresh_from_db()
    assert objek.status == "selesai"
    assert len(mail.outbox) == 1 and "loket 3" in mail.outbox[0].body and mail.outbox[0].to == ["siti@contoh.id"]

    warga = type(client)()
    halaman = _buka_status(warga, objek)
    assert b"loket 3" in halaman.content and b"form-buka-ulang" in halaman.content
    r = warga.post(reverse("piak:aduan-buka-ulang", args=[objek.kode_lacak]), {"alasan": "Di loket belum ada."})
    assert r.status_code == 302
    objek.refresh_from_db()
    assert objek.status == "dibuka_ulang" and objek.alasan_buka_ulang == "Di loket belum ada."

    # Answered again: no second reopening.
    c.post(_aksi(objek.pk, "jawab"), {"versi": objek.versi, "jawaban": "Sudah kami cek: ada di loket 2."})
    objek.refresh_from_db()
    assert objek.status == "selesai"
    halaman = warga.get(reverse("publik:status-detail", args=[objek.kode_lacak]))
    assert b"form-buka-ulang" not in halaman.content
    warga.post(reverse("piak:aduan-buka-ulang", args=[objek.kode_lacak]), {"alasan": "Lagi."})
    objek.refresh_from_db()
    assert objek.status == "selesai"


def test_reopening_closes_after_the_configured_days(client, pengguna):
    objek = pengaduan_ke("selesai", pengguna)
    assert objek.boleh_buka_ulang()
    with time_machine.travel(timezone.now() + timedelta(days=14, hours=1)):
        assert not objek.boleh_buka_ulang()


def test_a_stranger_cannot_reopen_without_the_pin(client, pengguna):
    objek = pengaduan_ke("selesai", pengguna)
    r = client.post(reverse("piak:aduan-buka-ulang", args=[objek.kode_lacak]), {"alasan": "x"})
    assert r.status_code == 302
    objek.refresh_from_db()
    assert objek.status == "selesai"


def test_the_division_sees_only_forwarded_cases(client, pengguna):
    baru = pengaduan_baru()
    client.force_login(pengguna("bidang_teknis"))
    assert client.get(reverse("piak:pengaduan-detail", args=[baru.pk])).status_code == 404
    admin = type(client)()
    admin.force_login(pengguna("admin_piak"))
    halaman = admin.get(reverse("piak:pengaduan-detail", args=[baru.pk]))
    assert baru.nik.encode() in halaman.content


def test_overdue_cases_stand_out_in_the_queue(client, pengguna):
    objek = pengaduan_baru()
    Pengaduan.objects.filter(pk=objek.pk).update(tenggat=timezone.localdate() - timedelta(days=1))
    client.force_login(pengguna("admin_piak"))
    r = client.get(reverse("piak:pengaduan-antrian"))
    assert r.status_code == 200 and b"terlambat" in r.content


@pytest.mark.parametrize("jumlah", [2, 12])
def test_the_queue_runs_a_fixed_number_of_queries(client, pengguna, django_assert_max_num_queries, jumlah):
    for _ in range(jumlah):
        pengaduan_baru()
    client.force_login(pengguna("admin_piak"))
    client.get(reverse("piak:pengaduan-antrian"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("piak:pengaduan-antrian")).status_code == 200


# -- staff intake ----------------------------------------------------------------------------------
def _data(**ubah):
    d = {"jenis": "pengaduan", "nama": "Budi", "nik": "", "email": "", "telepon": "", "isi": "Antrean loket terlalu lama."}
    d.update(ubah)
    return d


def test_front_office_records_a_walk_in_and_gets_the_receipt(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    r = client.post(reverse("piak:pengaduan-baru"), _data(saluran="loket"))
    assert r.status_code == 302
    objek = Pengaduan.objects.get()
    assert objek.saluran == "loket"
    assert objek.pin.encode() in client.get(r.url).content


def test_front_office_cannot_record_a_lapor_ticket(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    r = client.post(reverse("piak:pengaduan-baru"), _data(saluran="lapor", nomor_tiket_lapor="123"))
    assert r.status_code == 400 and not Pengaduan.objects.exists()


def test_social_media_needs_platform_and_handle(client, pengguna):
    client.force_login(pengguna("operator_medsos"))
    r = client.post(reverse("piak:pengaduan-baru"), _data(saluran="medsos"))
    assert r.status_code == 400 and b"Wajib diisi untuk pesan media sosial" in r.content
    r = client.post(reverse("piak:pengaduan-baru"), _data(saluran="medsos", medsos_platform="Instagram",
                                                          medsos_akun="@budi", medsos_tautan="https://instagram.com/p/x"))
    assert r.status_code == 302 and Pengaduan.objects.get().medsos_akun == "@budi"


def test_lapor_ticket_is_required(client, pengguna):
    client.force_login(pengguna("admin_piak"))
    r = client.post(reverse("piak:pengaduan-baru"), _data(saluran="lapor"))
    assert r.status_code == 400
    r = client.post(reverse("piak:pengaduan-baru"), _data(saluran="lapor", nomor_tiket_lapor="LAPOR-8812"))
    assert r.status_code == 302 and Pengaduan.objects.get().nomor_tiket_lapor == "LAPOR-8812"


def test_other_roles_cannot_record(client, pengguna):
    client.force_login(pengguna("kasi"))
    assert client.get(reverse("piak:pengaduan-baru")).status_code == 403


def test_saved_settings_take_effect_at_once_in_this_process(client, pengguna):
    """Pengaturan.aktif() is a per-process copy; saving the settings drops it here."""
    from apps.piak.models import Pengaturan

    objek = pengaduan_ke("selesai", pengguna)
    assert Pengaturan.aktif().buka_ulang_hari == 14 and objek.boleh_buka_ulang()
    Pengaturan.objects.create(pk=1, buka_ulang_hari=0)
    assert Pengaturan.aktif().buka_ulang_hari == 0 and not objek.boleh_buka_ulang()
    assert b"form-buka-ulang" not in _buka_status(client, objek).content
    Pengaturan.objects.get(pk=1).delete()
    assert Pengaturan.aktif().buka_ulang_hari == 14 and objek.boleh_buka_ulang()
