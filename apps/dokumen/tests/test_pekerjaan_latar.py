"""The "Pekerjaan latar" page: who may see it, what they see, retry and abandon."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.dokumen.models import Dokumen
from apps.dokumen.services import dokumen_tandatangani, dokumen_terbitkan

from .conftest import PASSPHRASE

pytestmark = pytest.mark.django_db
URL = reverse("dokumen:pekerjaan-latar")


@pytest.fixture
def tertahan(contoh, kabid, kadis, monkeypatch):
    """Three jobs whose messages never left: one unsigned, one for the kabid, one for the kadis."""
    monkeypatch.setattr("apps.dokumen.services._antrekan_proses", lambda *a, **k: None)
    return {
        "biasa": dokumen_terbitkan(objek=contoh, jenis="tanda_terima"),
        "kabid": dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kabid, passphrase=PASSPHRASE, kirim_email=False),
        "kadis": dokumen_tandatangani(objek=contoh, jenis="tanda_terima", pejabat=kadis, passphrase=PASSPHRASE, kirim_email=False),
    }


def _baris(resp) -> set[int]:
    import re

    return {int(pk) for pk in re.findall(r'class="pekerjaan" data-jenis="dokumen" data-pk="(\d+)"', resp.content.decode())}


@pytest.mark.parametrize("peran", ["admin_piak", "admin"])
def test_admin_piak_and_admin_see_every_job(client, pengguna, tertahan, peran, django_assert_max_num_queries):
    client.force_login(pengguna(peran))
    with django_assert_max_num_queries(12):
        resp = client.get(URL)
    assert resp.status_code == 200
    assert _baris(resp) == {d.pk for d in tertahan.values()}
    assert "menunggu antrean kerja" in resp.content.decode()


def test_the_kabid_sees_only_the_jobs_of_documents_they_sign(client, kabid, tertahan):
    client.force_login(kabid.user)
    resp = client.get(URL)
    assert resp.status_code == 200 and _baris(resp) == {tertahan["kabid"].pk}


@pytest.mark.parametrize("peran", ["operator_siak", "petugas_fo", "verifikator"])
def test_other_roles_are_refused(client, pengguna, tertahan, peran):
    client.force_login(pengguna(peran))
    assert client.get(URL).status_code == 403
    assert client.post(reverse("dokumen:pekerjaan-ulangi", args=["dokumen", tertahan["biasa"].pk])).status_code == 403


def test_it_requires_login(client):
    assert client.get(URL).status_code == 302


def test_it_rejects_get_on_actions(client, pengguna, tertahan):
    client.force_login(pengguna("admin_piak"))
    assert client.get(reverse("dokumen:pekerjaan-ulangi", args=["dokumen", tertahan["biasa"].pk])).status_code == 405


def test_the_kabid_cannot_act_on_another_officials_job(client, kabid, tertahan):
    client.force_login(kabid.user)
    resp = client.post(reverse("dokumen:pekerjaan-tinggalkan", args=["dokumen", tertahan["kadis"].pk]), {"alasan": "x"})
    assert resp.status_code == 404
    assert Dokumen.objects.get(pk=tertahan["kadis"].pk).status == "menunggu"


def test_retry_publishes_the_job_and_a_signing_job_signs_with_its_sealed_passphrase(client, pengguna, tertahan, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.undo()
    client.force_login(pengguna("admin_piak"))
    for d in (tertahan["biasa"], tertahan["kabid"]):
        with django_capture_on_commit_callbacks(execute=True):
            resp = client.post(reverse("dokumen:pekerjaan-ulangi", args=["dokumen", d.pk]))
        assert resp.status_code == 302
        d.refresh_from_db()
        assert d.status == "selesai"
    assert tertahan["kabid"].ditandatangani


def test_retry_after_the_passphrase_expired_returns_the_document_to_its_official(client, pengguna, tertahan, settings, time_machine):
    time_machine.move_to(timezone.now() + timedelta(seconds=settings.TTE_PASSPHRASE_TTL + 1))
    client.force_login(pengguna("admin_piak"))
    client.post(reverse("dokumen:pekerjaan-ulangi", args=["dokumen", tertahan["kabid"].pk]))
    d = Dokumen.objects.get(pk=tertahan["kabid"].pk)
    assert d.status == "perlu_tte_ulang" and not d.token_tte and not d.ditandatangani


def test_abandon_needs_a_reason_and_the_sweeper_then_leaves_the_job_alone(client, pengguna, tertahan, time_machine):
    from apps.dokumen import jobs

    client.force_login(pengguna("admin_piak"))
    url = reverse("dokumen:pekerjaan-tinggalkan", args=["dokumen", tertahan["biasa"].pk])
    client.post(url, {"alasan": " "})
    assert Dokumen.objects.get(pk=tertahan["biasa"].pk).status == "menunggu"
    client.post(url, {"alasan": "Permohonan dibatalkan pemohon"})
    d = Dokumen.objects.get(pk=tertahan["biasa"].pk)
    assert d.status == "ditinggalkan" and "Permohonan dibatalkan pemohon" in d.galat
    time_machine.move_to(timezone.now() + timedelta(minutes=10))
    jobs.sapu_pekerjaan()
    assert Dokumen.objects.get(pk=tertahan["biasa"].pk).status == "ditinggalkan"
