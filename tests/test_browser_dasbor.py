"""The leaders' dashboard in a real browser: the counts match the requests filed in the test, the
charts render without console errors, a filter narrows them, a bar opens the queue under the same filters, and
a table's XLSX export opens with openpyxl with the right rows."""

import pytest
from django.contrib.auth.models import Group
from openpyxl import load_workbook

from apps.dasbor.tests.pembantu import ajukan
from tests.conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _baris_pertama(halaman, tabel: str) -> list[str]:
    return halaman.locator(f"#tabel-{tabel} tbody tr").first.locator("td").all_inner_texts()


def test_dashboard_counts_filters_charts_and_exports(halaman, pengguna, tmp_path):
    fo, kadis = pengguna("petugas_fo"), pengguna("kadis")
    # A kadis who also staffs the counter, so that a bar of the test process opens its queue.
    kadis.groups.add(Group.objects.get(name="petugas_fo"))
    for i in range(3):
        ajukan(oleh=fo, nama=f"Loket {i}")
    ajukan(oleh=None, nama="Daring 1")

    galat = []
    # The browser's own favicon request (the portal has none) is not an error of the page.
    halaman.on("console", lambda m: galat.append(m.text)
               if m.type == "error" and not m.location.get("url", "").endswith("/favicon.ico") else None)
    halaman.on("pageerror", lambda e: galat.append(str(e)))
    masuk(halaman, "kadis")
    halaman.goto("/dasbor/")
    # The aggregates of today do not exist yet: the leader asks for them.
    halaman.click("#segarkan")
    halaman.wait_for_selector("#tabel-volume canvas[data-siap='1']")
    assert _baris_pertama(halaman, "volume")[1] == "4"
    assert _baris_pertama(halaman, "backlog")[2] == "4"
    halaman.langkah("dasbor")

    halaman.select_option("#id_kanal", "daring")
    halaman.click("#saring-dasbor button[type=submit]")
    halaman.wait_for_selector("#tabel-volume canvas[data-siap='1']")
    assert "kanal=daring" in halaman.url
    assert _baris_pertama(halaman, "volume")[1] == "1"
    assert _baris_pertama(halaman, "backlog")[2] == "1"
    halaman.langkah("saring-daring")

    with halaman.expect_download() as unduhan:
        halaman.click("#tabel-layanan a.ekspor:has-text('XLSX')")
    path = tmp_path / "layanan.xlsx"
    unduhan.value.save_as(path)
    baris = [list(r) for r in load_workbook(path, read_only=True).active.iter_rows(values_only=True)]
    assert baris[0][:4] == ["Proses", "Layanan", "Masuk", "Selesai"]
    assert [b[2] for b in baris[1:]] == [1]

    # Clicking the bar of the open files opens the queue filtered to that state and to the
    # dashboard's filters (here the online channel): it lists the one file the bar counts.
    x, y = halaman.evaluate(
        """() => { const c = document.querySelector("#tabel-backlog canvas");
                   c.scrollIntoView({block: "center", behavior: "instant"});
                   const el = c._grafik.getDatasetMeta(0).data[0]; const r = c.getBoundingClientRect();
                   return [r.left + el.x, r.top + (el.y + el.base) / 2]; }"""
    )
    halaman.mouse.click(x, y)
    halaman.wait_for_url("**/uji/contoh/**")
    assert "status=diajukan" in halaman.url and "kanal=daring" in halaman.url
    assert halaman.locator("#antrian tbody tr").count() == 1
    assert "Kanal: Daring" in halaman.locator("#saringan-dasbor").inner_text()
    halaman.langkah("antrean-dari-grafik")
    assert not galat, galat
