"""P.2.1: versions with a diff, the approved version marked, the DPA as P.3.1's budget."""

from decimal import Decimal

import pytest
from django.urls import reverse

from apps.core.workflow import AksiDitolak, jalankan_aksi
from apps.keuangan.models import BarisDPA

from . import factories as f

pytestmark = pytest.mark.django_db


def test_revisions_are_versions_with_a_diff_and_the_approved_one_marked(orang, client):
    dok = f.perencanaan(orang, jenis="dpa", isi=f.ISI_DPA)
    baru = f.ISI_DPA.replace("10.000.000,00", "12.000.000,00") + "5.1.02.01.01.0052 | Belanja makan minum rapat | 3.000.000,00\n"
    f.aksi(dok, "revisi", orang.subbag_perencanaan, {"isi": baru, "catatan_perubahan": "Pagu ATK naik, tambah mamin"})
    assert dok.status == "draf" and list(dok.versi_dokumen.values_list("nomor", flat=True)) == [1, 2]
    jalankan_aksi(objek=dok, aksi="ajukan", pengguna=orang.subbag_perencanaan)
    jalankan_aksi(objek=dok, aksi="reviu", pengguna=orang.sekretaris)
    jalankan_aksi(objek=dok, aksi="kembalikan", pengguna=orang.kadis, catatan="Mamin dipindah ke baris rapat koordinasi")
    assert dok.status == "draf"
    f.aksi(dok, "revisi", orang.subbag_perencanaan, {"isi": baru.replace("rapat", "rapat koordinasi"), "catatan_perubahan": "Sesuai arahan"})
    for aksi, peran in (("ajukan", "subbag_perencanaan"), ("reviu", "sekretaris")):
        jalankan_aksi(objek=dok, aksi=aksi, pengguna=getattr(orang, peran))
    f._setujui(dok, orang.kadis)
    assert list(dok.versi_dokumen.filter(disetujui=True).values_list("nomor", flat=True)) == [3]
    assert {b.kode_rekening: b.pagu for b in BarisDPA.objects.filter(dokumen=dok)} == {
        "5.1.02.01.01.0024": Decimal("12000000.00"), "5.1.02.01.01.0026": Decimal("25000000.00"),
        "5.1.02.01.01.0052": Decimal("3000000.00")}

    client.force_login(orang.pptk)  # published internally: the finance officers read it
    detail = client.get(reverse("keuangan:dokumenperencanaan-detail", args=[dok.pk])).content.decode()
    assert "versi disetujui" in detail and "Rp12.000.000,00" in detail
    beda = client.get(reverse("keuangan:dokumenperencanaan-beda", args=[dok.pk, 1, 2])).content.decode()
    assert 'beda-hapus">− 5.1.02.01.01.0024 | Belanja alat tulis kantor | 10.000.000,00' in beda
    assert 'beda-tambah">+ 5.1.02.01.01.0024 | Belanja alat tulis kantor | 12.000.000,00' in beda
    assert "beda-tambah\">+ 5.1.02.01.01.0052" in beda


def test_a_revision_identical_to_the_last_is_refused(orang):
    dok = f.perencanaan(orang)
    with pytest.raises(AksiDitolak):
        f.aksi(dok, "revisi", orang.subbag_perencanaan, {"isi": "Program 1\nKegiatan A", "catatan_perubahan": "x"})


def test_a_dpa_line_that_cannot_be_read_is_shown_next_to_the_field(orang, client):
    client.force_login(orang.subbag_perencanaan)
    r = client.post(reverse("keuangan:dokumenperencanaan-baru"),
                    {"jenis": "dpa", "judul": "DPA 2027", "tahun": 2027, "isi": "5.1 | ATK | sepuluh juta"})
    assert r.status_code == 400 and "Baris 1: pagu" in r.content.decode() and "sepuluh juta" in r.content.decode()


def test_renstra_spans_five_years_and_monev_needs_a_quarter(orang, client):
    client.force_login(orang.subbag_perencanaan)
    r = client.post(reverse("keuangan:dokumenperencanaan-baru"), {"jenis": "monev", "judul": "Monev", "tahun": 2026, "isi": "x"})
    assert r.status_code == 400 and "pilih triwulannya" in r.content.decode()
    r = client.post(reverse("keuangan:dokumenperencanaan-baru"), {"jenis": "renstra", "judul": "Renstra", "tahun": 2025, "isi": "x"})
    assert r.status_code == 302
    from apps.keuangan.models import DokumenPerencanaan

    assert DokumenPerencanaan.objects.get(jenis="renstra").periode == "2025–2029"


def test_a_page_of_another_role_is_closed(orang, client):
    dok = f.perencanaan(orang)
    client.force_login(orang.pegawai)
    assert client.get(reverse("keuangan:dokumenperencanaan-detail", args=[dok.pk])).status_code == 403
    assert client.get(reverse("keuangan:dokumenperencanaan-beda", args=[dok.pk, 1, 1])).status_code == 403


def test_finance_officers_read_only_approved_documents(orang, client):
    draf = f.perencanaan(orang)
    disetujui = f.dpa(orang)
    client.force_login(orang.bendahara)
    assert client.get(reverse("keuangan:dokumenperencanaan-detail", args=[draf.pk])).status_code == 404
    assert client.get(reverse("keuangan:dokumenperencanaan-detail", args=[disetujui.pk])).status_code == 200
