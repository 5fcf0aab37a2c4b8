"""Security findings of issue 8 §7: the client's address behind the proxy, login throttling,
response headers (CSP, Permissions-Policy, Cache-Control) and no inline script in templates."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.urls import reverse

from apps.akun.views import PESAN_TERKUNCI
from dukcapil.middleware import alamat_klien

AKAR = Path(__file__).resolve().parent.parent
SANDI = "rahasia-uji-1"  # conftest.buat_pengguna


# -- the client's address behind nginx (TRUSTED_PROXY_HOPS) -------------------------------------


@pytest.mark.parametrize(
    ("xff", "hop", "hasil"),
    [
        ("203.0.113.9", 1, "203.0.113.9"),
        ("1.2.3.4, 203.0.113.9", 1, "203.0.113.9"),
        ("1.2.3.4, 203.0.113.9, 10.0.0.5", 2, "203.0.113.9"),
        ("203.0.113.9:51234", 1, "203.0.113.9"),
        ("[2001:db8::7]:443", 1, "2001:db8::7"),
        ("2001:db8::7", 1, "2001:db8::7"),
        ("", 1, None),
        ("203.0.113.9", 2, None),  # shorter than the trusted chain: not through our proxies
        ("bukan-alamat", 1, None),
        ("1.2.3.4, ", 1, None),
        (",,,", 1, None),
        ("203.0.113.9", 0, None),  # development: the header is ignored
    ],
)
def test_the_client_is_the_trusted_hop_from_the_right(xff, hop, hasil):
    assert alamat_klien({"HTTP_X_FORWARDED_FOR": xff}, hop) == hasil


def _verifikasi(client, xff=None):
    extra = {"REMOTE_ADDR": "10.0.0.2"}  # nginx
    if xff is not None:
        extra["HTTP_X_FORWARDED_FOR"] = xff
    return client.get(reverse("verifikasi:detail", args=["TIDAKADA00"]), **extra)


@pytest.mark.parametrize("xff", [None, "", "1.1.1.1, 203.0.113.9", "x, y, z", "::::, 203.0.113.9, ,", "a" * 5000])
def test_a_missing_or_malformed_header_never_fails(client, settings, db, xff):
    settings.TRUSTED_PROXY_HOPS = 1
    assert _verifikasi(client, xff).status_code == 404  # the unknown-code page, not a 500


def test_rotating_the_left_most_entry_does_not_bypass_the_limit(client, settings, db):
    settings.TRUSTED_PROXY_HOPS = 1
    kode = [_verifikasi(client, f"198.18.{i // 250}.{i % 250}, 203.0.113.9").status_code for i in range(61)]
    assert kode[:60] == [404] * 60
    assert kode[60] == 429
    # Another citizen behind the same proxy is counted on his own.
    assert _verifikasi(client, "198.18.0.1, 203.0.113.10").status_code == 404


# -- login throttling (django-axes) -------------------------------------------------------------


def test_fifty_wrong_passwords_lock_the_account_even_for_the_right_one(client, pengguna):
    pengguna("kabid")
    url = reverse("akun:masuk")
    for i in range(50):
        client.post(url, {"username": "kabid", "password": f"salah-{i}"}, REMOTE_ADDR=f"10.20.{i}.1")
    r = client.post(url, {"username": "kabid", "password": SANDI}, REMOTE_ADDR="10.99.0.1")
    assert r.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Terlalu banyak percobaan masuk yang gagal" in r.content.decode()
    # Another account is not locked by kabid's failures.
    pengguna("kasi")
    r = client.post(url, {"username": "kasi", "password": SANDI}, REMOTE_ADDR="10.99.0.1")
    assert r.status_code == 302


def test_failures_from_one_address_lock_that_address(client, pengguna, settings):
    pengguna("kasi")
    url = reverse("akun:masuk")
    for i in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": f"tebak{i}", "password": "salah"}, REMOTE_ADDR="198.51.100.7")
    r = client.post(url, {"username": "kasi", "password": SANDI}, REMOTE_ADDR="198.51.100.7")
    assert r.status_code == 429
    r = client.post(url, {"username": "kasi", "password": SANDI}, REMOTE_ADDR="198.51.100.8")
    assert r.status_code == 302


def test_the_admin_login_is_throttled_too(client, django_user_model, settings):
    django_user_model.objects.create_superuser("admin", "admin@example.org", SANDI)
    url = reverse("admin:login")
    for i in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "admin", "password": f"salah-{i}"})
    r = client.post(url, {"username": "admin", "password": SANDI})
    assert r.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Terlalu banyak percobaan masuk yang gagal" in r.content.decode()


def test_the_lockout_message_names_the_wait_in_minutes():
    assert "{menit} menit" in PESAN_TERKUNCI


# -- headers ------------------------------------------------------------------------------------


def _csp(respons) -> dict[str, str]:
    kebijakan = respons["Content-Security-Policy"]
    return {b.split()[0]: b.strip() for b in kebijakan.split(";") if b.strip()}


def test_every_page_has_a_csp_without_inline_script_and_a_permissions_policy(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    for url in (reverse("akun:beranda"), reverse("publik:status"), reverse("akun:masuk")):
        r = client.get(url)
        csp = _csp(r)
        assert csp["script-src"] == "script-src 'self'", url
        assert "unsafe-inline" not in csp["default-src"] and "unsafe-eval" not in r["Content-Security-Policy"]
        assert csp["frame-ancestors"] == "frame-ancestors 'none'"
        assert csp["object-src"] == "object-src 'none'"
        assert "camera=()" in r["Permissions-Policy"] and "geolocation=()" in r["Permissions-Policy"]


def _tidak_disimpan(respons) -> bool:
    nilai = {v.strip() for v in respons.get("Cache-Control", "").split(",")}
    return "no-store" in nilai


def test_staff_pages_and_the_status_page_are_not_stored(client, pengguna):
    assert _tidak_disimpan(client.get(reverse("publik:status")))
    client.force_login(pengguna("petugas_fo"))
    assert _tidak_disimpan(client.get(reverse("akun:beranda")))
    assert _tidak_disimpan(client.get(reverse("penduduk:cari")))


def test_a_downloaded_file_is_not_stored(client, pengguna):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from pypdf import PdfWriter

    from apps.core.models import Lampiran
    from apps.core.workflow import jalankan_aksi
    from tests.kernel_app.models import Contoh

    buf = io.BytesIO()
    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    w.write(buf)
    fo = pengguna("petugas_fo")
    contoh = Contoh.objects.create(nama="Uji")
    jalankan_aksi(objek=contoh, aksi="periksa", pengguna=fo, lampiran=[(SimpleUploadedFile("kk.pdf", buf.getvalue()), "KK")])
    client.force_login(fo)
    r = client.get(reverse("core:lampiran-unduh", args=[Lampiran.objects.get().pk]))
    assert r.status_code == 200
    assert _tidak_disimpan(r)


def test_the_health_endpoint_is_not_stored(client, db):
    assert _tidak_disimpan(client.get("/sehat/"))


# -- no inline script anywhere the browser runs it ----------------------------------------------

_SKRIP_INLINE = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
_PENANGAN = re.compile(r"\son[a-z]+\s*=", re.I)


def _templat_halaman() -> list[Path]:
    return list((AKAR / "templates").rglob("*.html")) + list((AKAR / "apps").glob("*/templates/**/*.html"))


def test_no_template_has_an_inline_script_or_handler():
    temuan = []
    for p in _templat_halaman():
        teks = p.read_text()
        if _SKRIP_INLINE.search(teks) or _PENANGAN.search(teks):
            temuan.append(str(p.relative_to(AKAR)))
    assert not temuan, f"inline script or on*= handler (blocked by the CSP): {temuan}"
