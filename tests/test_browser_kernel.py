"""The kernel in a real browser: a role logs in, sees its queue, opens a record and acts."""

import pytest

from tests.conftest import masuk
from tests.kernel_app.models import Contoh

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_fo_returns_a_record_with_reason(halaman, pengguna):
    pengguna("petugas_fo")
    obj = Contoh.objects.create(nama="Warga uji")
    masuk(halaman, "petugas_fo")
    halaman.langkah("beranda")
    halaman.goto("/uji/contoh/")
    halaman.click(f"text={obj.kode_lacak}")
    halaman.click("[data-aksi=kembalikan]")
    halaman.click("button[name=kirim]")
    assert "Alasan wajib diisi" in halaman.content()
    halaman.langkah("alasan-wajib")
    halaman.fill("textarea[name=catatan]", "Fotokopi KK belum ada")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")
    halaman.langkah("dikembalikan")
    assert "Fotokopi KK belum ada" in halaman.inner_text("#riwayat")
    obj.refresh_from_db()
    assert obj.status == "dikembalikan"
