"""P.6.2 and the SKM in a real browser: a complaint filed on the public form, forwarded to a
technical division, answered and confirmed to the citizen (emails read on a real SMTP server),
reopened once, answered again; the citizen then answers the SKM and the public IKM page shows it.

Screenshots of every step are kept under test-artifacts/.
"""

import re

import pytest

from apps.piak.models import Pengaduan
from tests.conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _aksi(page, aksi: str) -> None:
    page.click(f"[data-aksi={aksi}]")
    page.wait_for_selector("form button[name=kirim]")


def _kirim(page) -> None:
    page.click("button[name=kirim]")
    page.wait_for_selector("#status")


def _buka_status(page, kode: str, pin: str) -> None:
    page.context.clear_cookies()
    page.goto(f"/status/?kode={kode}")
    page.fill("input[name=pin]", pin)
    page.click("button[name=cek]")
    page.wait_for_selector("#linimasa")


def test_complaint_forwarded_answered_reopened_and_the_skm(halaman, pengguna, settings, server_smtp):
    server_smtp.pakai_di(settings)
    settings.SITE_URL = halaman.live_url
    pengguna("admin_piak")
    pengguna("bidang_teknis")

    # 1. The citizen files a complaint on the public form; a wrong NIK comes back with the text kept.
    halaman.goto("/piak/aduan/")
    halaman.fill("input[name=nama]", "Rina Wati")
    halaman.fill("input[name=nik]", "12345")
    halaman.fill("input[name=email]", "rina@contoh.id")
    halaman.fill("textarea[name=isi]", "Akta kelahiran anak saya belum terbit sejak tiga minggu.")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("text=NIK terdiri dari 16 angka")
    assert halaman.input_value("textarea[name=isi]").startswith("Akta kelahiran anak saya")
    halaman.fill("input[name=nik]", "")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#kode-lacak")
    halaman.langkah("tanda-terima")
    kode, pin = halaman.inner_text("#kode-lacak").strip(), halaman.inner_text("#pin").strip()
    objek = Pengaduan.objects.get(kode_lacak=kode)
    assert any(kode in m["Subject"] and "rina@contoh.id" in m.penerima for m in server_smtp.pesan)

    # 2. admin_piak forwards it to a technical division with a due date.
    masuk(halaman, "admin_piak")
    halaman.goto(f"/piak/pengaduan/{objek.pk}/")
    _aksi(halaman, "teruskan")
    halaman.select_option("select[name=bidang]", "capil")
    halaman.fill("input[name=tenggat_bidang]", halaman.evaluate("new Date(Date.now() + 2*86400000).toISOString().slice(0, 10)"))
    _kirim(halaman)
    assert "Diteruskan" in halaman.inner_text("#status")

    # 3. The division answers (it does not see the citizen's contact data).
    masuk(halaman, "bidang_teknis")
    halaman.goto(f"/piak/pengaduan/{objek.pk}/")
    assert "rina@contoh.id" not in halaman.content()
    _aksi(halaman, "jawab_bidang")
    halaman.fill("textarea[name=jawaban_bidang]", "Akta sudah ditandatangani; dapat diunduh di halaman status.")
    _kirim(halaman)

    # 4. admin_piak confirms the answer to the citizen (pre-filled with the division's).
    masuk(halaman, "admin_piak")
    halaman.goto(f"/piak/pengaduan/{objek.pk}/")
    _aksi(halaman, "jawab")
    assert "Akta sudah ditandatangani" in halaman.input_value("textarea[name=jawaban]")
    _kirim(halaman)
    halaman.langkah("dijawab")
    jawaban = [m for m in server_smtp.pesan if m["Subject"].startswith("Jawaban atas") and kode in m["Subject"]]
    assert len(jawaban) == 1 and "Akta sudah ditandatangani" in jawaban[0].get_body(("plain",)).get_content()

    # 5. The citizen reads the answer on the status page and reopens it, once.
    _buka_status(halaman, kode, pin)
    assert "Akta sudah ditandatangani" in halaman.inner_text("#jawaban-pengaduan")
    halaman.fill("#form-buka-ulang textarea[name=alasan]", "Di halaman status belum ada dokumennya.")
    halaman.click("button[name=buka_ulang]")
    halaman.wait_for_selector("text=Dibuka kembali")
    halaman.langkah("dibuka-kembali")
    assert halaman.locator("#form-buka-ulang").count() == 0

    # 6. Answered again; no second reopening, and the citizen answers the SKM.
    masuk(halaman, "admin_piak")
    halaman.goto(f"/piak/pengaduan/{objek.pk}/")
    _aksi(halaman, "jawab")
    halaman.fill("textarea[name=jawaban]", "Dokumen sudah kami unggah ulang; silakan unduh.")
    _kirim(halaman)
    _buka_status(halaman, kode, pin)
    assert halaman.locator("#form-buka-ulang").count() == 0
    halaman.click("#undangan-skm a")
    halaman.wait_for_selector("#form-skm")
    for i in range(1, 10):
        halaman.check(f"input[name=u{i}][value='{4 if i % 2 else 3}']")
    halaman.fill("textarea[name=saran]", "Terima kasih, cepat ditanggapi.")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#skm-selesai")

    # 7. The public IKM page: (4+3+4+3+4+3+4+3+4)/9 = 32/9 = 3.5556 x 25 = 88.89, grade A.
    halaman.goto("/piak/ikm/")
    halaman.langkah("ikm")
    assert re.sub(r"\s", "", halaman.inner_text("#nilai-ikm")) in ("88,89", "88.89")
    assert halaman.inner_text("#mutu-ikm").strip() == "A"
