"""``jalankan_form``: the bare transition of an action form, for services that add consequences."""

import pytest
from django.core.exceptions import PermissionDenied

from apps.core.forms import AksiForm
from apps.core.models import RiwayatStatus
from apps.core.workflow import ambil_aksi, jalankan_form
from tests.kernel_app.models import Contoh


def _form(objek, aksi, pengguna, **data):
    form = AksiForm({"versi": objek.versi, **data}, aksi=ambil_aksi(objek, aksi), objek=objek, pengguna=pengguna)
    assert form.is_valid(), form.errors
    return form


def test_it_runs_the_forms_action_with_its_note_and_version(db, pengguna):
    contoh = Contoh.objects.create(nama="Uji")
    fo = pengguna("petugas_fo")
    terlihat = []
    log = jalankan_form(objek=contoh, pengguna=fo, form=_form(contoh, "kembalikan", fo, catatan="KK belum ada"),
                        sebelum_simpan=lambda o: terlihat.append(o.status))
    contoh.refresh_from_db()
    assert (contoh.status, contoh.versi) == ("dikembalikan", 1)
    assert (log.aksi, log.catatan) == ("kembalikan", "KK belum ada")
    assert terlihat == ["diajukan"]  # called before the transition, inside its transaction


def test_it_enforces_the_role_like_jalankan_aksi(db, pengguna):
    contoh = Contoh.objects.create(nama="Uji")
    verifikator = pengguna("verifikator")
    with pytest.raises(PermissionDenied):
        jalankan_form(objek=contoh, pengguna=verifikator, form=_form(contoh, "periksa", verifikator))
    assert not RiwayatStatus.objects.exists()
