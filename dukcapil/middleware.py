"""Project-wide middleware: the health endpoint, the client's address behind the proxy, and the
response headers every page carries (Permissions-Policy, Cache-Control)."""

from __future__ import annotations

import ipaddress
import json
import logging

from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

log = logging.getLogger(__name__)

JALUR_SEHAT = "/sehat/"


def _periksa_basis_data() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _periksa_broker() -> None:
    """The Celery broker (Redis) answers; nothing to check when tasks run eagerly without one."""
    if not settings.CELERY_BROKER_URL:
        return
    from dukcapil.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=3)


def status_sehat() -> tuple[bool, dict[str, str]]:
    hasil = {}
    for nama, periksa in (("basis_data", _periksa_basis_data), ("broker", _periksa_broker)):
        try:
            periksa()
        except Exception as exc:  # noqa: BLE001 - any failure makes the service unhealthy
            log.warning("Pemeriksaan kesehatan %s gagal: %s", nama, exc)
            hasil[nama] = "gagal"
        else:
            hasil[nama] = "ok"
    return all(v == "ok" for v in hasil.values()), hasil


class SehatMiddleware:
    """``/sehat/``: 200 when the database and the broker answer, 503 otherwise.

    Answered first, before the host check and the HTTPS redirect, so that compose's healthcheck
    (plain HTTP to 127.0.0.1 inside the container) and nginx can call it; it says nothing but
    "ok"/"gagal" per dependency."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != JALUR_SEHAT:
            return self.get_response(request)
        sehat, hasil = status_sehat()
        respons = HttpResponse(json.dumps(hasil), content_type="application/json", status=200 if sehat else 503)
        respons["Cache-Control"] = "no-store"
        return respons


def alamat_klien(meta: dict, hop: int) -> str | None:
    """The client's address seen by the outermost of ``hop`` trusted proxies.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
    the client is the ``hop``-th entry from the right; entries further left are whatever the
    client sent and are never trusted (rotating them changes nothing). A missing, short or
    malformed header gives None: the caller keeps REMOTE_ADDR (the proxy), never an error."""
    if hop <= 0:
        return None
    entri = [e.strip() for e in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(entri) < hop or not entri[-hop]:
        return None
    kandidat = entri[-hop]
    if kandidat.startswith("[") and "]" in kandidat:  # "[2001:db8::1]:443"
        kandidat = kandidat[1:kandidat.index("]")]
    elif kandidat.count(":") == 1:  # "203.0.113.7:51234"
        kandidat = kandidat.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(kandidat))
    except ValueError:
        return None


class AlamatKlienMiddleware:
    """Sets REMOTE_ADDR to the client's address behind ``TRUSTED_PROXY_HOPS`` proxies (nginx in
    compose: 1), so rate limits, login throttling and access logs all see the citizen, not the
    proxy. With 0 hops (development, direct access) the header is ignored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        alamat = alamat_klien(request.META, getattr(settings, "TRUSTED_PROXY_HOPS", 0))
        if alamat:
            request.META["REMOTE_ADDR"] = alamat
        return self.get_response(request)


class HeaderKeamananMiddleware:
    """Permissions-Policy on every response, and ``Cache-Control: no-store`` on every page and file
    the portal generates: staff pages, the status page and downloads carry personal data, and a
    blanket rule cannot forget one. Static files never reach here (WhiteNoise answers them
    earlier, with long caching)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        respons = self.get_response(request)
        respons.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if "no-store" not in respons.get("Cache-Control", ""):
            patch_cache_control(respons, no_store=True, private=True)
        return respons
