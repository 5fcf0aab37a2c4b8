"""The passphrase sealed for the signing job: bound to its document, short-lived."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from apps.dokumen.sandi import TokenKedaluwarsa, buka_passphrase, bungkus_passphrase


def test_it_round_trips_and_hides_the_passphrase():
    token = bungkus_passphrase("rahasia-tte-1", dokumen_id=7)
    assert "rahasia" not in token
    assert buka_passphrase(token, dokumen_id=7) == "rahasia-tte-1"


def test_a_token_opens_only_for_its_document():
    token = bungkus_passphrase("rahasia-tte-1", dokumen_id=7)
    with pytest.raises(TokenKedaluwarsa):
        buka_passphrase(token, dokumen_id=8)


def test_an_old_token_is_refused(settings, monkeypatch):
    settings.TTE_PASSPHRASE_TTL = 60
    import time

    token = bungkus_passphrase("rahasia-tte-1", dokumen_id=7)
    sekarang = time.time()
    monkeypatch.setattr(Fernet, "_get_unverified_token_data", Fernet._get_unverified_token_data)
    monkeypatch.setattr(time, "time", lambda: sekarang + 61)
    with pytest.raises(TokenKedaluwarsa):
        buka_passphrase(token, dokumen_id=7)
