"""Browser fixtures: Playwright driving Debian's Chromium against pytest-django's live server.

Screenshots of each step are kept under ``test-artifacts/<test>/`` (CI keeps them as artifacts).
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTEFAK = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="session")
def _browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium tidak ditemukan di {CHROMIUM}; CI wajib menjalankan uji peramban.")
        pytest.skip(f"Chromium not installed at {CHROMIUM} (make test installs it)")
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-quic", "--disable-sync"],
        )
        yield browser
        browser.close()


class Langkah:
    """Numbered screenshots of one browser test."""

    def __init__(self, page, nama_uji: str):
        self.page = page
        self.folder = ARTEFAK / re.sub(r"[^\w.-]+", "_", nama_uji)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.n = 0

    def __call__(self, judul: str) -> Path:
        self.n += 1
        aman = re.sub(r"[^\w-]+", "_", judul)
        path = self.folder / f"{self.n:02d}-{aman}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def halaman(_browser, live_server, request):
    """A fresh browser context and page; ``halaman.langkah("judul")`` saves a screenshot."""
    context = _browser.new_context(base_url=live_server.url, locale="id-ID", timezone_id="Asia/Jakarta", accept_downloads=True)
    context.set_default_timeout(15000)
    page = context.new_page()
    page.langkah = Langkah(page, request.node.name)
    page.live_url = live_server.url
    yield page
    context.close()


def masuk(page, username: str, password: str = "rahasia-uji-1") -> None:
    """Log in through the login form (and out first if someone is logged in)."""
    page.context.clear_cookies()
    page.goto("/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/masuk/" not in url)


def buka_aksi(page, aksi: str) -> None:
    """Open an action's form from the detail page."""
    page.click(f"[data-aksi={aksi}]")
    page.wait_for_selector("form button[name=kirim]")


def kirim_aksi(page) -> None:
    """Send the open action form and wait for the detail page."""
    page.click("button[name=kirim]")
    page.wait_for_selector("#status")


def buka_status(page, kode: str, pin: str, *, linimasa: str = "visible") -> None:
    """Open the public status page as an anonymous citizen with the tracking code and PIN.
    ``linimasa="attached"`` for a request made straight in a later state (its timeline is empty)."""
    page.context.clear_cookies()
    page.goto(f"/status/?kode={kode}")
    page.fill("input[name=pin]", pin)
    page.click("button[name=cek]")
    page.wait_for_selector("#linimasa", state=linimasa)
