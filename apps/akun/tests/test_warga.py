"""Citizens' accounts: sign-up, email verification, log-in, "Permohonan saya" (own requests only,
masked), and the abuse limits (honeypot, per-address and per-email limits)."""

import re
from datetime import timedelta

import pytest
from django.core import signing
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

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


# -- lupa kata sandi, kirim ulang tautan ----------------------------------------------------------
def tautan_reset(mailoutbox) -> str:
    return re.search(r"http://testserver(/warga/atur-sandi/\S+/)", mailoutbox[-1].body).group(1)


def test_reset_link_sets_a_new_password_once_and_the_old_one_fails(client, akun_aktif, mailoutbox,
                                                                 django_capture_on_commit_callbacks):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("akun:warga-lupa"), {"email": "Siti@Contoh.id ", "situs": ""})
    assert r.status_code == 302 and r["Location"] == reverse("akun:warga-tautan-terkirim")
    assert len(mailoutbox) == 1 and "1 jam" in mailoutbox[0].body
    url = tautan_reset(mailoutbox)
    assert client.get(url).status_code == 200
    r = client.post(url, {"kata_sandi": "12345678", "kata_sandi2": "12345678"})
    assert r.status_code == 400 and "angka" in r.content.decode().lower()
    r = client.post(url, {"kata_sandi": "Teh-Poci-2027", "kata_sandi2": "Teh-Poci-2028"})
    assert r.status_code == 400 and "Kedua kata sandi tidak sama." in r.content.decode()
    r = client.post(url, {"kata_sandi": "Teh-Poci-2027", "kata_sandi2": "Teh-Poci-2027"})
    assert r.status_code == 200 and 'id="sandi-diganti"' in r.content.decode()
    # single use: the password hash changed, so the link is dead
    r = client.post(url, {"kata_sandi": "Kopi-Lain-2029", "kata_sandi2": "Kopi-Lain-2029"})
    assert r.status_code == 400 and 'id="tautan-salah"' in r.content.decode()
    assert masuk(client, sandi=SANDI).status_code == 400
    assert masuk(client, sandi="Teh-Poci-2027")["Location"] == reverse("akun:warga-permohonan")


def test_reset_link_expires_after_an_hour_and_forged_links_fail(client, akun_aktif, time_machine):
    from apps.akun.warga import MASA_RESET, token_reset

    url = reverse("akun:warga-reset", args=[token_reset(akun_aktif)])
    assert client.get(url).status_code == 200
    assert client.get(url[:-3] + "x/").status_code == 400
    palsu = signing.dumps({"pk": akun_aktif.pk, "h": "0" * 20}, salt="akun.warga.reset")
    assert client.get(reverse("akun:warga-reset", args=[palsu])).status_code == 400
    time_machine.move_to(timezone.now() + timedelta(seconds=MASA_RESET + 60))
    r = client.post(url, {"kata_sandi": "Teh-Poci-2027", "kata_sandi2": "Teh-Poci-2027"})
    assert r.status_code == 400
    akun_aktif.refresh_from_db()
    assert akun_aktif.cek_kata_sandi(SANDI)


def test_reset_and_resend_answer_the_same_for_unknown_addresses(client, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        daftar(client)  # unverified
    mailoutbox.clear()
    jawaban = []
    for nama_url in ("akun:warga-lupa", "akun:warga-kirim-ulang"):
        for email in ("siti@contoh.id", "tidak-ada@contoh.id"):
            with django_capture_on_commit_callbacks(execute=True):
                r = client.post(reverse(nama_url), {"email": email, "situs": ""})
            jawaban.append((r.status_code, r["Location"]))
    assert set(jawaban) == {(302, reverse("akun:warga-tautan-terkirim"))}
    # one reset and one new verification link, both to the registered address only
    assert [m.to for m in mailoutbox] == [["siti@contoh.id"], ["siti@contoh.id"]]
    assert client.get(tautan(mailoutbox)).status_code == 200
    assert AkunWarga.objects.get().terverifikasi


def test_resend_gives_nothing_to_a_verified_account_and_bad_input_is_explained(client, akun_aktif, mailoutbox,
                                                                               django_capture_on_commit_callbacks):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("akun:warga-kirim-ulang"), {"email": "siti@contoh.id", "situs": ""})
    assert r.status_code == 302 and not mailoutbox
    r = client.post(reverse("akun:warga-lupa"), {"email": "bukan-email", "situs": ""})
    assert r.status_code == 400 and "Format email tidak valid" in r.content.decode() and "bukan-email" in r.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("akun:warga-lupa"), {"email": "siti@contoh.id", "situs": "http://spam"})
    assert r.status_code == 302 and not mailoutbox  # honeypot: same answer, nothing sent


def test_reset_requests_are_limited_per_email_and_per_address(client, akun_aktif, mailoutbox,
                                                              django_capture_on_commit_callbacks):
    from apps.akun.warga import BATAS_LUPA, BATAS_LUPA_EMAIL

    mailoutbox.clear()
    per_email = int(BATAS_LUPA_EMAIL.split("/")[0])
    kode = []
    for _ in range(per_email + 1):
        with django_capture_on_commit_callbacks(execute=True):
            kode.append(client.post(reverse("akun:warga-lupa"), {"email": "siti@contoh.id", "situs": ""}).status_code)
    assert kode == [302] * per_email + [429] and len(mailoutbox) == per_email
    r = client.post(reverse("akun:warga-lupa"), {"email": "siti@contoh.id", "situs": ""})
    assert PESAN_BATAS in r.content.decode()
    cache.clear()
    per_ip = int(BATAS_LUPA.split("/")[0])
    kode = [client.post(reverse("akun:warga-kirim-ulang"), {"email": f"w{i}@contoh.id", "situs": ""}).status_code
            for i in range(per_ip + 1)]
    assert kode == [302] * per_ip + [429]
