"""``manage.py siapkan_demo``: one account per role, each app's demo hook in order, safe to repeat."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from apps.akun.demo_akun import SANDI_DEMO
from apps.akun.management.commands import siapkan_demo
from apps.akun.roles import KODE_PERAN


def _jalankan(*args) -> str:
    out = StringIO()
    call_command("siapkan_demo", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_it_creates_one_account_per_role(db):
    out = _jalankan("--tanpa-data")
    assert sorted(User.objects.values_list("username", flat=True)) == sorted(KODE_PERAN)
    for kode in KODE_PERAN:
        # django-axes' backend needs the request (it throttles per username and address).
        user = authenticate(RequestFactory().post("/masuk/"), username=kode, password=SANDI_DEMO)
        assert user is not None, kode
        assert list(user.groups.values_list("name", flat=True)) == [kode]
        assert user.get_full_name().strip(), kode
        assert kode in out
    assert SANDI_DEMO in out
    kadis = User.objects.get(username="kadis")
    assert kadis.get_full_name().startswith("Kadis — ")


def test_only_the_admin_account_is_staff(db):
    _jalankan("--tanpa-data")
    assert list(User.objects.filter(is_staff=True).values_list("username", flat=True)) == ["admin"]
    assert list(User.objects.filter(is_superuser=True).values_list("username", flat=True)) == ["admin"]


def test_it_keeps_existing_accounts(db):
    _jalankan("--tanpa-data")
    kabid = User.objects.get(username="kabid")
    kabid.set_password("sandi-baru-kabid")
    kabid.groups.clear()
    kabid.save()
    _jalankan("--tanpa-data")
    kabid.refresh_from_db()
    assert kabid.check_password("sandi-baru-kabid")
    assert list(kabid.groups.values_list("name", flat=True)) == ["kabid"]
    assert User.objects.count() == len(KODE_PERAN)


def test_hooks_run_register_first_then_documents(db):
    urutan = [nama for nama, _ in siapkan_demo.hook_demo()]
    assert urutan == sorted(urutan, key=lambda n: (n != "apps.penduduk", n != "apps.dokumen"))
    for nama in urutan:
        assert nama.startswith("apps.")


def test_a_failing_hook_is_reported_after_the_others_ran(db, monkeypatch):
    jalan = []

    def rusak(stdout):
        User.objects.create(username="setengah-jadi")
        raise RuntimeError("data demo rusak")

    def baik(stdout):
        jalan.append("baik")

    monkeypatch.setattr(siapkan_demo, "hook_demo", lambda: [("apps.rusak", rusak), ("apps.baik", baik)])
    err = StringIO()
    with pytest.raises(CommandError, match="apps.rusak"):
        call_command("siapkan_demo", stdout=StringIO(), stderr=err)
    assert jalan == ["baik"]
    assert "data demo rusak" in err.getvalue()
    assert not User.objects.filter(username="setengah-jadi").exists()


@pytest.mark.django_db(transaction=True)
def test_whole_demo_is_idempotent(settings, tmp_path):
    """Every app's real demo hook, twice: the second run adds nothing."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _jalankan()
    from django.apps import apps

    def hitung():
        return {
            m._meta.label: m._default_manager.count()
            for m in apps.get_models()
            if m._meta.managed and not m._meta.proxy and m._meta.app_label != "sessions"
        }

    sebelum = hitung()
    _jalankan()
    sesudah = hitung()
    berubah = {k: (sebelum[k], sesudah[k]) for k in sebelum if sebelum[k] != sesudah[k]}
    # Reading demo data may log file access; nothing else may grow.
    berubah.pop("core.AksesBerkas", None)
    assert not berubah, f"siapkan_demo is not idempotent: {berubah}"


def test_it_runs_unattended_with_debug_off(db, settings, tmp_path, monkeypatch):
    """compose runs siapkan_demo with DJANGO_DEBUG=0: nothing may wait on a passphrase prompt."""
    import getpass

    def ditanya(*args, **kwargs):
        raise AssertionError("siapkan_demo asked for a passphrase on standard input")

    monkeypatch.setattr(getpass, "getpass", ditanya)
    settings.DEBUG = False
    settings.TESTING = False
    settings.TTE_KEY_DIR = tmp_path / "tte"
    _jalankan()
    from apps.dokumen.models import Pejabat

    assert Pejabat.objects.exists()
    assert all(p.berkas_p12.exists() for p in Pejabat.objects.all())


def test_the_certificate_command_never_waits_on_a_prompt_nobody_sees(db, settings, tmp_path, monkeypatch):
    import io
    import sys

    settings.DEBUG = False
    settings.TESTING = False
    settings.TTE_KEY_DIR = tmp_path / "tte"
    monkeypatch.delenv("TTE_PASSPHRASE_LOKAL", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal (compose, CI)
    with pytest.raises(CommandError, match="TTE_PASSPHRASE_LOKAL"):
        call_command("buat_sertifikat_lokal", stdout=StringIO())
    monkeypatch.setenv("TTE_PASSPHRASE_LOKAL", "passphrase-dari-env")
    call_command("buat_sertifikat_lokal", stdout=StringIO())


def test_buat_register_hapus_after_the_demo_says_what_blocks_it(db, settings, tmp_path):
    settings.TTE_KEY_DIR = tmp_path / "tte"
    _jalankan()
    from apps.penduduk.models import Penduduk

    sebelum = Penduduk.objects.count()
    with pytest.raises(CommandError) as e:
        call_command("buat_register", jumlah=0, hapus=True, stdout=StringIO())
    pesan = str(e.value)
    assert "Register tidak bisa dikosongkan" in pesan and "masih dirujuk oleh" in pesan
    assert "Cannot delete" not in pesan
    assert Penduduk.objects.count() == sebelum  # nothing half-removed
