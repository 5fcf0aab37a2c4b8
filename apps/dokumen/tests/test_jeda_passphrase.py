"""§6: after 5 wrong TTE passphrases in a row an official's signing is paused for 15 minutes."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from apps.dokumen.models import Dokumen, Pejabat

from .conftest import PASSPHRASE

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _tanpa_job(monkeypatch):
    monkeypatch.setattr("apps.dokumen.services._antrekan_proses", lambda *a, **k: None)


def _tte(client, contoh, passphrase):
    contoh.refresh_from_db()
    url = reverse("kernel_app:contohdokumen-aksi", args=[contoh.pk, "tandatangani"])
    return client.post(url, {"versi": contoh.versi, "passphrase": passphrase})


def _galat(r) -> str:
    return " ".join(r.context["form"].errors.get("passphrase", []))


def test_five_wrong_passphrases_pause_signing_for_15_minutes(client, kabid, contoh):
    client.force_login(kabid.user)
    for _ in range(4):
        r = _tte(client, contoh, "salah-salah")
        assert r.status_code == 400 and "Passphrase salah" in _galat(r)
    r = _tte(client, contoh, "salah-salah")
    assert r.status_code == 400 and "dijeda selama 15 menit" in _galat(r)
    # Even the right passphrase is refused during the pause, and nothing is signed.
    r = _tte(client, contoh, PASSPHRASE)
    assert r.status_code == 400 and "dijeda selama 15 menit" in _galat(r)
    contoh.refresh_from_db()
    assert contoh.status == "terverifikasi" and not Dokumen.objects.exists()
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert _tte(client, contoh, PASSPHRASE).status_code == 302
    contoh.refresh_from_db()
    assert contoh.status == "ditandatangani"
    assert Pejabat.objects.filter(pk=kabid.pk, passphrase_salah=0, tte_dijeda_sampai=None).exists()


def test_a_right_passphrase_resets_the_count(client, kabid, contoh):
    from apps.core.workflow import AksiDitolak
    from apps.dokumen.services import passphrase_periksa

    for _ in range(4):
        with pytest.raises(AksiDitolak):
            passphrase_periksa(pejabat=kabid, passphrase="salah-salah")
    passphrase_periksa(pejabat=kabid, passphrase=PASSPHRASE)
    for _ in range(4):
        with pytest.raises(AksiDitolak, match="Passphrase salah"):
            passphrase_periksa(pejabat=kabid, passphrase="salah-salah")
    client.force_login(kabid.user)
    assert _tte(client, contoh, PASSPHRASE).status_code == 302


def test_the_count_is_per_official(client, kabid, kadis, contoh):
    from apps.core.workflow import AksiDitolak
    from apps.dokumen.services import passphrase_periksa

    for _ in range(5):
        with pytest.raises(AksiDitolak):
            passphrase_periksa(pejabat=kabid, passphrase="salah-salah")
    client.force_login(kadis.user)
    assert _tte(client, contoh, PASSPHRASE).status_code == 302
