"""Citizens' accounts: sign-up, email verification, log-in, "Permohonan saya" (own requests only,
masked), and the abuse limits (honeypot, per-address and per-email limits)."""

import re

import pytest
from django.core import signing
from django.core.cache import cache
from django.urls import reverse

from apps.akun.models import AkunWarga
from apps.akun.warga import MASA_TAUTAN, PESAN_BATAS, PESAN_GAGAL, token_verifikasi
from apps.pendaftaran.models import PermohonanDenganVerifikasi, PermohonanTanpaVerifikasi
from apps.pendaftaran.tests.factories import buat_permohonan
from apps.pendaftaran.tests.pabrik_pindah import buat_pindah

pytestmark = pytest.mark.django_db

SANDI = "Kopi-Tubruk-2026"


@pytest.fixture(autouse=True)
def _cache_bersih():
    cache.clear()
    yield
    cache.clear()


def daftar(client, email="siti@contoh.id", **kw):
    data = {"nama": "Siti Aminah", "email": email, "kata_sandi": SANDI, "kata_sandi2": SANDI, "situs": ""}
    data.update(kw)
    return client.post(reverse("akun:warga-daftar"), data)


def tautan(mailoutbox) -> str:
    return re.search(r"http://testserver(/warga/verifikasi/\S+/)", mailoutbox[-1].body).group(1)


def masuk(client, email="siti@contoh.id", sandi=SANDI):
    return client.post(reverse("akun:warga-masuk"), {"email": email, "kata_sandi": sandi})


@pytest.fixture
def akun_aktif(client, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        daftar(client)
    client.get(tautan(mailoutbox))
    return AkunWarga.objects.get(email="siti@contoh.id")


def test_sign_up_stores_an_unverified_account_and_emails_a_signed_link(client, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        r = daftar(client, email="  Siti@Contoh.ID ")
    assert r.status_code == 302 and r["Location"] == reverse("akun:warga-terkirim")
    akun = AkunWarga.objects.get()
    assert akun.email == "siti@contoh.id" and not akun.terverifikasi
    assert akun.kata_sandi != SANDI and akun.cek_kata_sandi(SANDI)
    assert mailoutbox[0].to == ["siti@contoh.id"]
    assert "/warga/verifikasi/" in mailoutbox[0].body


def test_weak_or_mismatched_passwords_are_refused_in_indonesian_and_the_input_kept(client):
    r = daftar(client, kata_sandi="12345678", kata_sandi2="12345678")
    html = r.content.decode()
    assert r.status_code == 400 and not AkunWarga.objects.exists()
    assert "seluruhnya angka" in html or "terlalu umum" in html
    assert 'value="siti@contoh.id"' in html
    r = daftar(client, kata_sandi2="lain-sekali-99")
    assert r.status_code == 400 and "Kedua kata sandi tidak sama." in r.content.decode()
    r = daftar(client, email="bukan-email")
    assert "Format email tidak valid" in r.content.decode()


def test_unverified_account_cannot_log_in_and_sees_nothing(client, mailoutbox):
    daftar(client)
    r = masuk(client)
    assert r.status_code == 400 and PESAN_GAGAL in r.content.decode()
    r = client.get(reverse("akun:warga-permohonan"))
    assert r.status_code == 302 and r["Location"] == reverse("akun:warga-masuk")


def test_verification_activates_once_and_a_forged_or_expired_link_does_nothing(client, mailoutbox, time_machine,
                                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        daftar(client)
    akun = AkunWarga.objects.get()
    palsu = token_verifikasi(akun)[:-2] + "xx"
    assert client.get(reverse("akun:warga-verifikasi", args=[palsu])).status_code == 400
    lain = signing.dumps({"pk": akun.pk, "email": akun.email}, salt="lain")
    assert client.get(reverse("akun:warga-verifikasi", args=[lain])).status_code == 400
    akun.refresh_from_db()
    assert not akun.terverifikasi
    time_machine.move_to(akun.dibuat_pada, tick=False)
    token = token_verifikasi(akun)
    time_machine.shift(MASA_TAUTAN + 60)
    assert client.get(reverse("akun:warga-verifikasi", args=[token])).status_code == 400
    time_machine.shift(-(MASA_TAUTAN + 60))
    r = client.get(tautan(mailoutbox))
    assert r.status_code == 200 and "sudah aktif" in r.content.decode()
    akun.refresh_from_db()
    pertama = akun.terverifikasi_pada
    assert pertama is not None
    client.get(tautan(mailoutbox))
    akun.refresh_from_db()
    assert akun.terverifikasi_pada == pertama


def test_signing_up_again_with_a_known_address_changes_nothing(client, akun_aktif, mailoutbox):
    sandi_lama = akun_aktif.kata_sandi
    r = daftar(client, kata_sandi="Sandi-Baru-Penyusup-7", kata_sandi2="Sandi-Baru-Penyusup-7")
    assert r.status_code == 302
    akun_aktif.refresh_from_db()
    assert akun_aktif.kata_sandi == sandi_lama and AkunWarga.objects.count() == 1


def test_list_shows_only_own_requests_masked_and_opens_their_status_without_pin(client, akun_aktif):
    sendiri = buat_permohonan(PermohonanDenganVerifikasi, nama="SITI AMINAH", nik="3575014107900003", email="SITI@contoh.id")
    kedua = buat_permohonan(PermohonanTanpaVerifikasi, nama="SITI AMINAH", nik="3575014107900003", email="siti@contoh.id")
    orang_lain = buat_permohonan(PermohonanDenganVerifikasi, nama="BUDI SANTOSO", nik="3575010202800001", email="budi@contoh.id")
    pindah = buat_pindah(email="siti@contoh.id", nama="SITI AMINAH", nik="3575014107900003")  # another process model
    r = masuk(client)
    assert r.status_code == 302 and r["Location"] == reverse("akun:warga-permohonan")
    html = client.get(reverse("akun:warga-permohonan")).content.decode()
    assert sendiri.kode_lacak in html and kedua.kode_lacak in html and pindah.kode_lacak in html
    assert orang_lain.kode_lacak not in html and "B*** S******" not in html
    assert "S*** A*****" in html and "357501********03" in html
    assert "SITI AMINAH" not in html and "3575014107900003" not in html
    r = client.get(reverse("publik:status-detail", args=[sendiri.kode_lacak]))
    assert r.status_code == 200 and "sedang diperiksa" in r.content.decode()
    r = client.get(reverse("publik:status-detail", args=[orang_lain.kode_lacak]))
    assert r.status_code == 302 and r["Location"].startswith(reverse("publik:status"))


def test_a_citizen_gets_no_staff_user_role_or_menu(client, akun_aktif, django_user_model):
    masuk(client)
    r = client.get(reverse("akun:warga-permohonan"))
    assert not r.wsgi_request.user.is_authenticated
    assert not django_user_model.objects.exists()
    html = r.content.decode()
    assert "menu-antrean" not in html and "Masuk petugas" in html
    r = client.get(reverse("akun:beranda"))
    assert "Antrean" not in r.content.decode()
    assert client.get(reverse("core:cari")).status_code == 302


def test_log_out_ends_the_citizen_session_only(client, akun_aktif, pengguna):
    staf = pengguna("petugas_fo")
    client.force_login(staf)
    masuk(client)
    r = client.post(reverse("akun:warga-keluar"))
    assert r.status_code == 302
    assert client.get(reverse("akun:warga-permohonan"))["Location"] == reverse("akun:warga-masuk")
    assert client.get(reverse("akun:beranda")).wsgi_request.user == staf


def test_honeypot_is_answered_as_accepted_with_nothing_stored(client, mailoutbox):
    r = daftar(client, situs="http://spam.example")
    assert r.status_code == 302 and not AkunWarga.objects.exists() and not mailoutbox


def test_sign_up_is_limited_per_address(client):
    for i in range(5):
        assert daftar(client, email=f"w{i}@contoh.id").status_code == 302
    r = daftar(client, email="w9@contoh.id")
    assert r.status_code == 429 and PESAN_BATAS in r.content.decode()
    assert not AkunWarga.objects.filter(email="w9@contoh.id").exists()


def test_failed_log_ins_are_limited_per_email(client, akun_aktif):
    for _ in range(6):
        assert masuk(client, sandi="salah-salah-1").status_code == 400
    r = masuk(client)
    assert r.status_code == 429 and PESAN_BATAS in r.content.decode()
    assert client.get(reverse("akun:warga-permohonan")).status_code == 302
