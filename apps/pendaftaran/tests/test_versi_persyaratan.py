"""Versioned requirement lists: a request keeps the list it was filed under; a list changed in the
catalogue afterwards applies only to new requests (P.4.1 and P.5.1)."""

import pytest
from django.urls import reverse

from apps.core.workflow import jalankan_aksi
from apps.pendaftaran.models import Persyaratan
from apps.pendaftaran.services import permohonan_ajukan

from .factories import layanan, pdf_uji

pytestmark = pytest.mark.django_db

DATA = {"nik": "3575014107900003", "nama": "SITI AMINAH", "no_kk": "3575010101200001", "alamat": "Jl. Soekarno Hatta 5"}


def _ajukan(fo, lay):
    berkas = [(p, pdf_uji()) for p in lay.persyaratan.all() if p.wajib]
    return permohonan_ajukan(layanan=lay, data=DATA, berkas=berkas, oleh=fo)


def _ubah_katalog(lay) -> Persyaratan:
    """What an administrator does in admin: rename a requirement and add a mandatory one."""
    lama = lay.persyaratan.get(kode="f-1-02")
    lama.nama = "Formulir F-1.02 versi baru"
    lama.save(update_fields=["nama"])
    return Persyaratan.objects.create(layanan=lay, kode="surat-baru", nama="Surat pernyataan baru", wajib=True, urutan=9)


def test_a_request_keeps_the_list_it_was_filed_under(pengguna, client):
    fo = pengguna("petugas_fo")
    lay = layanan("kk", "hilang")
    lama = _ajukan(fo, lay)
    baru_syarat = _ubah_katalog(lay)

    lama.refresh_from_db()
    assert lama.persyaratan_kurang() == []
    nama = [p.nama for p in lama.daftar_persyaratan()]
    assert "Surat pernyataan baru" not in nama and "Formulir F-1.02 versi baru" not in nama
    client.force_login(fo)
    html = client.get(reverse("pendaftaran:permohonandenganverifikasi-detail", args=[lama.pk])).content.decode()
    assert "Surat pernyataan baru" not in html and "Persyaratan wajib belum lengkap" not in html
    jalankan_aksi(objek=lama, aksi="berkas_lengkap", pengguna=fo)  # checked against its own list
    assert lama.status == "lengkap"

    baru = permohonan_ajukan(layanan=lay, data=DATA, berkas=[], oleh=fo)
    assert baru_syarat.pk in {p.pk for p in baru.persyaratan_kurang()}
    assert "Formulir F-1.02 versi baru" in [p.nama for p in baru.daftar_persyaratan()]


def test_the_completion_form_asks_what_the_old_list_lacks(pengguna, client):
    fo = pengguna("petugas_fo")
    lay = layanan("kk", "hilang")
    wajib = [p for p in lay.persyaratan.all() if p.wajib]
    obj = permohonan_ajukan(layanan=lay, data=DATA, berkas=[(p, pdf_uji()) for p in wajib[:-1]], oleh=fo)
    jalankan_aksi(objek=obj, aksi="kembalikan", pengguna=fo, catatan="Belum lengkap")
    _ubah_katalog(lay)

    client.force_login(fo)
    url = reverse("pendaftaran:permohonandenganverifikasi-aksi", args=[obj.pk, "lengkapi"])
    html = client.get(url).content.decode()
    assert f"berkas_{wajib[-1].pk}" in html and "Surat pernyataan baru" not in html
    r = client.post(url, {"versi": obj.versi, f"berkas_{wajib[-1].pk}": pdf_uji(), "catatan": "Dibawa"})
    assert r.status_code == 302, r.content.decode()[:1000]
    obj.refresh_from_db()
    assert obj.persyaratan_kurang() == []


def test_the_reason_conditions_are_resolved_when_filed(pengguna):
    from apps.pendaftaran.models import SebabLayanan

    lay = layanan("kk", "baru")
    sebab = SebabLayanan.objects.get(layanan=lay, kode="pisah-kk")
    obj = permohonan_ajukan(layanan=lay, data={**DATA, "sebab": sebab}, berkas=[], oleh=pengguna("petugas_fo"))
    assert "buku-nikah" not in [r["kode"] for r in obj.persyaratan_berlaku]
    # Later making the buku nikah hold for every reason does not change this request's list.
    lay.persyaratan.get(kode="buku-nikah").hanya_untuk_sebab.clear()
    obj.refresh_from_db()
    assert "buku-nikah" not in [p.kode for p in obj.persyaratan_kurang()]


def test_a_request_without_a_recorded_list_reads_the_live_one(pengguna):
    lay = layanan("kk", "hilang")
    obj = _ajukan(pengguna("petugas_fo"), lay)
    type(obj).objects.filter(pk=obj.pk).update(persyaratan_berlaku=[])
    baru = _ubah_katalog(lay)
    obj.refresh_from_db()
    assert [p.pk for p in obj.persyaratan_kurang()] == [baru.pk]


def test_the_data_migration_records_the_list_of_existing_requests(pengguna):
    import importlib

    from django.apps import apps as global_apps

    lay = layanan("kk", "hilang")
    obj = _ajukan(pengguna("petugas_fo"), lay)
    rekaman = obj.persyaratan_berlaku
    type(obj).objects.filter(pk=obj.pk).update(persyaratan_berlaku=[])
    migrasi = importlib.import_module("apps.pendaftaran.migrations.0010_persyaratan_berlaku")
    migrasi.rekam_yang_lama(global_apps, None)
    migrasi.rekam_yang_lama(global_apps, None)  # idempotent
    obj.refresh_from_db()
    assert obj.persyaratan_berlaku == rekaman


def test_a_capil_request_keeps_the_list_it_was_filed_under(pengguna, client):
    from apps.capil.tests.factories import kelahiran_baru, keluarga_baru, pindaian

    kk, ayah, ibu = keluarga_baru()
    fo = pengguna("petugas_fo")
    objek = kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu)
    katalog = Persyaratan.objects.get(layanan__kode="P.5.1-lahir", kode="kk").layanan
    Persyaratan.objects.create(layanan=katalog, kode="surat-rt", nama="Surat keterangan tambahan", wajib=True)

    client.force_login(fo)
    detail = client.get(reverse("capil:pencatatansipil-detail", args=[objek.pk])).content.decode()
    assert "Surat keterangan tambahan" not in detail
    objek.refresh_from_db()
    r = client.post(reverse("capil:pencatatansipil-aksi", args=[objek.pk, "periksa"]), {"versi": objek.versi})
    assert r.status_code == 302, r.content.decode()[:1000]

    baru = kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu, nama_anak="BAYU")
    assert "surat-rt" in [r["kode"] for r in baru.persyaratan_berlaku]
    assert "surat-rt" not in [r["kode"] for r in objek.persyaratan_berlaku]
    # The new request was filed without the new requirement's scan.
    berkas = {k: v for k, v in baru.berkas_persyaratan.items() if k != "surat-rt"}
    type(baru).objects.filter(pk=baru.pk).update(berkas_persyaratan=berkas)
    baru.refresh_from_db()
    r = client.post(reverse("capil:pencatatansipil-aksi", args=[baru.pk, "periksa"]), {"versi": baru.versi})
    assert r.status_code == 400 and "Surat keterangan tambahan" in r.content.decode()
    r = client.post(reverse("capil:pencatatansipil-aksi", args=[baru.pk, "periksa"]),
                    {"versi": baru.versi, "berkas_surat-rt": pindaian("rt.pdf")})
    assert r.status_code == 302, r.content.decode()[:1000]


def test_the_status_page_lists_what_the_old_list_still_lacks(pengguna, client):
    fo = pengguna("petugas_fo")
    lay = layanan("kk", "hilang")
    wajib = [p for p in lay.persyaratan.all() if p.wajib]
    obj = permohonan_ajukan(layanan=lay, data=DATA, berkas=[(p, pdf_uji()) for p in wajib[:-1]], oleh=fo)
    pin = obj.pin
    jalankan_aksi(objek=obj, aksi="kembalikan", pengguna=fo, catatan="Belum lengkap")
    _ubah_katalog(lay)

    html = client.post("/status/", {"kode": obj.kode_lacak, "pin": pin}, follow=True).content.decode()
    bagian = html.split('id="persyaratan-kurang"')[1].split("</ul>")[0]
    assert wajib[-1].nama in bagian
    assert "Surat pernyataan baru" not in bagian


def test_the_capil_data_migration_records_the_list_of_existing_requests(pengguna):
    import importlib

    from django.apps import apps as global_apps

    from apps.capil.tests.factories import kelahiran_baru, keluarga_baru

    kk, ayah, ibu = keluarga_baru()
    objek = kelahiran_baru(fo=pengguna("petugas_fo"), keluarga=kk, ayah=ayah, ibu=ibu)
    rekaman = objek.persyaratan_berlaku
    assert {"kode": "buku_nikah", "hanya_untuk": ["ortu-tercatat"]}.items() <= next(
        r for r in rekaman if r["kode"] == "buku_nikah").items()
    type(objek).objects.filter(pk=objek.pk).update(persyaratan_berlaku=[])
    migrasi = importlib.import_module("apps.capil.migrations.0004_persyaratan_berlaku")
    migrasi.rekam_yang_lama(global_apps, None)
    migrasi.rekam_yang_lama(global_apps, None)  # idempotent
    objek.refresh_from_db()
    assert objek.persyaratan_berlaku == rekaman
