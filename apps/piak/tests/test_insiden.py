"""P.6.1: a report, local and central handling, a replacement from the asset register, the
internal check, the reporter's confirmation; the front office's banner."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from apps.piak.models import Insiden, Pemberitahuan

from .factories import berkas_png, insiden_ke, penyedia

pytestmark = pytest.mark.django_db


def _aksi(pk, aksi):
    return reverse("piak:insiden-aksi", args=[pk, aksi])


def test_any_staff_reports_with_a_screenshot(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    sejak = (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    r = client.post(reverse("piak:insiden-baru"), {"layanan": "siak", "gejala": "SIAK tidak bisa login.", "sejak": sejak,
                                                   "mengganggu_layanan": "on", "tangkapan_layar": berkas_png()})
    assert r.status_code == 302
    objek = Insiden.objects.get()
    assert objek.dibuat_oleh.username == "petugas_fo" and objek.status == "dilaporkan"
    assert client.get(r.url).status_code == 200  # the reporter opens its own report


def test_an_unfinished_report_keeps_the_input(client, pengguna):
    client.force_login(pengguna("operator_rekam"))
    r = client.post(reverse("piak:insiden-baru"), {"layanan": "rekam", "gejala": "Alat sidik jari mati."})
    assert r.status_code == 400 and b"Alat sidik jari mati." in r.content


def test_central_incident_answered_and_confirmed(client, pengguna, django_capture_on_commit_callbacks):
    pelapor = pengguna("operator_siak")
    pelapor.email = "siak@dinas.id"
    pelapor.save()
    objek = insiden_ke("dilaporkan", pengguna, pelapor=pelapor)
    pejabat = client
    pejabat.force_login(pengguna("pejabat_piak"))
    assert pejabat.post(_aksi(objek.pk, "klasifikasi_pusat"), {"versi": objek.versi, "nomor_tiket_pusat": "HD-2026-1188"}).status_code == 302
    objek.refresh_from_db()
    assert pejabat.post(_aksi(objek.pk, "catat_jawaban_pusat"),
                        {"versi": objek.versi, "jawaban_pusat": "Server pusat dipulihkan."}).status_code == 302
    objek.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        assert pejabat.post(_aksi(objek.pk, "pulih"), {"versi": objek.versi}).status_code == 302
    objek.refresh_from_db()
    assert objek.status == "menunggu_konfirmasi" and objek.waktu_penyelesaian is not None
    assert Pemberitahuan.objects.filter(pengguna=pelapor).count() == 1
    assert mail.outbox and mail.outbox[-1].to == ["siak@dinas.id"]

    # Only the reporter confirms.
    lain = type(client)()
    lain.force_login(pengguna("petugas_fo"))
    assert lain.post(_aksi(objek.pk, "konfirmasi"), {"versi": objek.versi}).status_code in (403, 404)
    sendiri = type(client)()
    sendiri.force_login(pelapor)
    assert b"pemberitahuan" in sendiri.get(reverse("piak:pemberitahuan")).content
    assert sendiri.post(_aksi(objek.pk, "konfirmasi"), {"versi": objek.versi}).status_code == 302
    objek.refresh_from_db()
    assert objek.status == "selesai" and objek.dikonfirmasi_pada


def test_local_incident_with_a_replacement_from_the_asset_register(client, pengguna):
    from apps.umum.models import Aset

    aset = Aset.objects.create(kode_barang="1.3.2.10.02.03.001", nomor_register="0007", nama="Printer kartu",
                               lokasi="Gudang", tahun_perolehan=2025)
    objek = insiden_ke("dilaporkan", pengguna)
    client.force_login(pengguna("pejabat_piak"))
    prov = penyedia()
    assert client.post(_aksi(objek.pk, "klasifikasi_lokal"), {"versi": objek.versi, "penyedia": prov.pk}).status_code == 302
    objek.refresh_from_db()
    r = client.post(_aksi(objek.pk, "serahkan_perangkat"),
                    {"versi": objek.versi, "aset_pengganti": aset.pk, "diserahkan_kepada": "Teknisi vendor"})
    assert r.status_code == 302
    objek.refresh_from_db()
    assert objek.status == "ditangani_lokal" and objek.aset_pengganti == aset and objek.diserahkan_pada
    halaman = client.get(reverse("piak:insiden-detail", args=[objek.pk]))
    assert b"Printer kartu" in halaman.content and prov.telepon.encode() in halaman.content
    assert client.post(_aksi(objek.pk, "catat_tindakan"),
                       {"versi": objek.versi, "tindakan_penyedia": "Printer diganti."}).status_code == 302


def test_staff_see_only_their_own_reports(client, pengguna):
    objek = insiden_ke("dilaporkan", pengguna)
    client.force_login(pengguna("kasi"))
    assert client.get(reverse("piak:insiden-detail", args=[objek.pk])).status_code == 404


def test_the_front_office_sees_the_banner_until_fixed(client, pengguna):
    objek = insiden_ke("dilaporkan", pengguna)
    client.force_login(pengguna("petugas_fo"))
    assert b"banner-insiden" in client.get(reverse("piak:pengaduan-baru")).content
    insiden_ke("menunggu_konfirmasi", pengguna, objek=objek)
    assert b"banner-insiden" not in client.get(reverse("piak:pengaduan-baru")).content


def test_time_to_resolve_is_measured(pengguna):
    from apps.piak.models import Insiden
    from apps.piak.selectors import waktu_penyelesaian_insiden

    selesai = insiden_ke("menunggu_konfirmasi", pengguna)
    insiden_ke("dilaporkan", pengguna)
    Insiden.objects.filter(pk=selesai.pk).update(dipulihkan_pada=selesai.dibuat_pada + timedelta(hours=5))
    hari_ini = timezone.localdate()
    hasil = waktu_penyelesaian_insiden(hari_ini - timedelta(days=1), hari_ini + timedelta(days=1))
    assert hasil["jumlah"] == 2 and hasil["pulih"] == 1 and hasil["rata"] == timedelta(hours=5)
