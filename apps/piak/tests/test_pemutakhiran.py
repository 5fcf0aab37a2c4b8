"""P.6.3: requirements checked, the ADB's audited change with the SIAK reference, the check, the
resident told; the change shows on the resident's page."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from apps.penduduk.models import RiwayatRegister
from apps.piak.models import PemutakhiranData

from .factories import pemutakhiran_ke, penduduk_contoh

pytestmark = pytest.mark.django_db


def _aksi(pk, aksi):
    return reverse("piak:pemutakhirandata-aksi", args=[pk, aksi])


def test_front_office_takes_in_a_request(client, pengguna):
    p = penduduk_contoh()
    client.force_login(pengguna("petugas_fo"))
    r = client.post(reverse("piak:pemutakhiran-baru"), {"nik": p.nik, "baru_pekerjaan": "GURU", "baru_golongan_darah": ""})
    assert r.status_code == 302
    objek = PemutakhiranData.objects.get()
    assert objek.perubahan_diminta == {"pekerjaan": "GURU"} and objek.nik == p.nik


def test_the_blank_form_asks_no_change(client, pengguna):
    """A register default (golongan darah "tidak tahu") is not pre-selected as a new value."""
    from apps.piak.forms_pemutakhiran import PemutakhiranForm

    form = PemutakhiranForm()
    assert all(not form[n].value() for n in form.fields if n.startswith("baru_"))
    client.force_login(pengguna("petugas_fo"))
    html = client.get(reverse("piak:pemutakhiran-baru")).content.decode()
    assert 'value="tidak_tahu" selected' not in html


def test_an_unknown_nik_or_no_change_is_refused_and_input_kept(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    r = client.post(reverse("piak:pemutakhiran-baru"), {"nik": "3575019999999999", "baru_pekerjaan": "PETANI TAMBAK"})
    assert r.status_code == 400 and b"NIK tidak ditemukan" in r.content and b"PETANI TAMBAK" in r.content
    r = client.post(reverse("piak:pemutakhiran-baru"), {"nik": penduduk_contoh().nik})
    assert r.status_code == 400 and b"sedikitnya satu data" in r.content


def test_adb_changes_the_register_with_audit_and_the_resident_is_told(client, pengguna, django_capture_on_commit_callbacks):
    objek = pemutakhiran_ke("lengkap", pengguna)
    p = objek.penduduk
    lama = p.pekerjaan
    client.force_login(pengguna("adb"))
    r = client.post(_aksi(objek.pk, "mutakhirkan"), {"versi": objek.versi, "referensi_siak": "SIAK-2026-77"})
    assert r.status_code == 302
    objek.refresh_from_db()
    p.refresh_from_db()
    assert p.pekerjaan == f"PERAWAT {p.pk}" and objek.referensi_siak == "SIAK-2026-77"
    log = RiwayatRegister.objects.get(penduduk=p)
    assert log.perubahan["pekerjaan"] == {"sebelum": lama, "sesudah": p.pekerjaan} and log.sebab == objek
    halaman = client.get(reverse("penduduk:detail", args=[p.pk]))
    assert objek.kode_lacak.encode() in halaman.content and b"SIAK-2026-77" in halaman.content

    pejabat = type(client)()
    pejabat.force_login(pengguna("pejabat_piak"))
    with django_capture_on_commit_callbacks(execute=True):
        assert pejabat.post(_aksi(objek.pk, "sesuai"), {"versi": objek.versi}).status_code == 302
    objek.refresh_from_db()
    assert objek.status == "selesai"
    assert mail.outbox[-1].to == ["warga@contoh.id"] and objek.kode_lacak in mail.outbox[-1].subject


def test_a_mismatch_goes_back_to_adb(client, pengguna):
    objek = pemutakhiran_ke("dimutakhirkan", pengguna)
    client.force_login(pengguna("pejabat_piak"))
    r = client.post(_aksi(objek.pk, "tidak_sesuai"), {"versi": objek.versi, "catatan": "Ejaan pekerjaan salah."})
    assert r.status_code == 302
    objek.refresh_from_db()
    assert objek.status == "lengkap"


def test_incomplete_requirements_go_back_to_the_resident(client, pengguna):
    objek = pemutakhiran_ke("diajukan", pengguna)
    client.force_login(pengguna("petugas_fo"))
    assert client.post(_aksi(objek.pk, "kembalikan"), {"versi": objek.versi}).status_code == 400  # reason required
    assert client.post(_aksi(objek.pk, "kembalikan"), {"versi": objek.versi, "catatan": "Bawa KK asli."}).status_code == 302
    objek.refresh_from_db()
    assert objek.status == "dikembalikan"
    warga = type(client)()
    warga.post(reverse("publik:status"), {"kode": objek.kode_lacak, "pin": objek.pin})
    assert b"Bawa KK asli." in warga.get(reverse("publik:status-detail", args=[objek.kode_lacak])).content
