"""§6 with BSrE: its API finds a wrong passphrase only when signing, so the signing job counts it
towards the pause, and a signed document resets the count."""

from __future__ import annotations

import pytest

from apps.core.workflow import AksiDitolak
from apps.dokumen.models import Pejabat
from apps.dokumen.services import dokumen_tandatangani

from .conftest import PASSPHRASE
from .test_bsre import bsre  # noqa: F401

pytestmark = pytest.mark.django_db


def _tte(contoh, kadis, passphrase, capture):
    with capture(execute=True):
        dok = dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kadis, passphrase=passphrase, kirim_email=False)
    dok.refresh_from_db()
    return dok


def test_wrong_passphrases_found_by_bsre_pause_signing(bsre, kadis, contoh, django_capture_on_commit_callbacks):  # noqa: F811
    for _ in range(4):
        assert _tte(contoh, kadis, "salah-salah", django_capture_on_commit_callbacks).status == "gagal"
    assert Pejabat.objects.get(pk=kadis.pk).passphrase_salah == 4
    _tte(contoh, kadis, "salah-salah", django_capture_on_commit_callbacks)
    with pytest.raises(AksiDitolak, match="dijeda selama 15 menit"):
        dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kadis, passphrase=PASSPHRASE, kirim_email=False)


def test_a_document_bsre_signed_resets_the_count(bsre, kadis, contoh, django_capture_on_commit_callbacks):  # noqa: F811
    for _ in range(3):
        _tte(contoh, kadis, "salah-salah", django_capture_on_commit_callbacks)
    # The certificate check at the request does not vouch for the passphrase: no reset there.
    dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kadis, passphrase=PASSPHRASE, kirim_email=False)
    assert Pejabat.objects.get(pk=kadis.pk).passphrase_salah == 3
    assert _tte(contoh, kadis, PASSPHRASE, django_capture_on_commit_callbacks).status == "selesai"
    assert Pejabat.objects.get(pk=kadis.pk).passphrase_salah == 0
