"""penduduk:detail and penduduk:keluarga-detail — the staff pages of a resident and a family with
the audited history of register changes (issue 9 §5)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.akun.roles import KODE_PERAN
from apps.capil.models import Status
from apps.capil.tests.factories import kelahiran_baru, keluarga_baru, kematian_baru
from apps.core.models import AksesBerkas
from apps.core.workflow import aksi_model, jalankan_dari_form, kelas_form
from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, direktori_kunci, kabid, kadis  # noqa: F401 (fixtures)
from apps.pendaftaran.models import PermohonanDenganVerifikasi
from apps.pendaftaran.tests.factories import pdf_uji
from apps.penduduk.halaman import DISAMARKAN, PERAN_DATA_LENGKAP
from apps.penduduk.models import Penduduk
from apps.penduduk.services import penduduk_ubah

pytestmark = pytest.mark.django_db

# Roles whose work needs the register (akun.roles.IZIN gives them penduduk.view_penduduk); written
# out so that a role added to or dropped from IZIN shows here.
PERAN_REGISTER = {"petugas_fo", "petugas_integrasi", "verifikator_wna", "operator_rekam", "operator_siak", "verifikator",
                  "verifikator_pendataan", "kasi", "kabid", "kadis", "adb"}


@pytest.fixture
def keluarga():
    return keluarga_baru()


def _tandatangani_capil(objek, pejabat):
    from apps.capil.services import pencatatan_tandatangani
    from apps.core.workflow import ambil_aksi
    from apps.dokumen.forms import TTEForm

    form = TTEForm({"versi": objek.versi, "passphrase": PASSPHRASE}, aksi=ambil_aksi(objek, "tandatangani"),
                   objek=objek, pengguna=pejabat.user)
    assert form.is_valid(), form.errors
    return pencatatan_tandatangani(objek=objek, pengguna=pejabat.user, form=form)


def _jalankan(obj, aksi, user, data=None, files=None):
    from django.forms import ModelForm

    info = aksi_model(type(obj))[aksi]
    cls = kelas_form(info)
    extra = {"instance": obj} if issubclass(cls, ModelForm) else {}
    form = cls({"versi": obj.versi, **(data or {})}, files or {}, aksi=info, objek=obj, pengguna=user, **extra)
    assert form.is_valid(), form.errors
    return jalankan_dari_form(objek=obj, info=info, pengguna=user, form=form)


def test_it_shows_the_audited_history_of_a_birth_a_kk_change_and_a_death(
    request, client, pengguna, keluarga, django_capture_on_commit_callbacks
):
    """Through the real services: capil signs the birth (the child enters the register), the KK
    "perubahan data" request the birth opened is signed by the kabid with a change of the child's
    data, then capil signs the child's death. The child's page lists all three, newest first, each
    with the before/after, the request as a link, and who."""
    kk, ayah, ibu = keluarga
    kepala_dinas, kepala_bidang = request.getfixturevalue("kadis"), request.getfixturevalue("kabid")  # signing officials
    fo = pengguna("petugas_fo")
    lahir = timezone.localdate() - timedelta(days=20)
    with django_capture_on_commit_callbacks(execute=True):
        kelahiran = kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu, tanggal_lahir=lahir, status=Status.TERVERIFIKASI)
        _tandatangani_capil(kelahiran, kepala_dinas)
    anak = Penduduk.objects.get(nama="ANISA PUTRI")

    permohonan_kk = PermohonanDenganVerifikasi.objects.get(no_kk=kk.no_kk)
    siak = pengguna("operator_siak")
    with django_capture_on_commit_callbacks(execute=True):
        pindaian = {f"berkas_{p.pk}": pdf_uji() for p in permohonan_kk.persyaratan_kurang()}
        _jalankan(permohonan_kk, "berkas_lengkap", fo, files=pindaian)
        _jalankan(permohonan_kk, "input_siak", siak, {"referensi_siak": "SIAK-1", "ubah_nik_1": anak.nik,
                                                      "ubah_kolom_1": "pekerjaan", "ubah_nilai_1": "PELAJAR/MAHASISWA"})
        _jalankan(permohonan_kk, "verifikasi", pengguna("verifikator"))
        _jalankan(permohonan_kk, "tandatangani", kepala_bidang.user, {"passphrase": PASSPHRASE})

    anak.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        kematian = kematian_baru(fo=fo, jenazah=anak, tanggal_kematian=timezone.localdate() - timedelta(days=1),
                                 status=Status.TERVERIFIKASI)
        _tandatangani_capil(kematian, kepala_dinas)

    client.force_login(pengguna("kasi"))
    r = client.get(reverse("penduduk:detail", args=[anak.pk]))
    assert r.status_code == 200
    riwayat = r.context["h"].riwayat
    assert [b.permohonan.baris.kode_lacak for b in riwayat] == [kematian.kode_lacak, permohonan_kk.kode_lacak,
                                                                kelahiran.kode_lacak]
    mati, ubah_kk, lahir_ = riwayat
    assert {(p.kolom, p.sebelum, p.sesudah) for p in mati.perubahan} >= {("status hidup", "Hidup", "Meninggal")}
    assert ("pekerjaan", "Belum/tidak bekerja", "PELAJAR/MAHASISWA") in {(p.kolom, p.sebelum, p.sesudah) for p in ubah_kk.perubahan}
    assert ("nama lengkap", "–", "ANISA PUTRI") in {(p.kolom, p.sebelum, p.sesudah) for p in lahir_.perubahan}
    assert (mati.log.oleh, ubah_kk.log.oleh, lahir_.log.oleh) == (kepala_dinas.user, kepala_bidang.user, kepala_dinas.user)
    html = r.content.decode()
    assert "PELAJAR/MAHASISWA" in html and "Meninggal" in html and "Karangketug" in html
    assert f"<td>Tanggal meninggal</td><td>–</td><td>{kematian.kematian.tanggal_kematian:%d-%m-%Y}</td>" in html

    def tautan(objek) -> str:
        url = reverse(f"{objek._meta.app_label}:{objek._meta.model_name}-detail", args=[objek.pk])
        return f'href="{url}">{objek.kode_lacak}</a>'

    # The cause is a link where the user's roles read that process (the kasi reads P.5.1, not the
    # KK requests: there the tracking code is shown without a link).
    assert tautan(kelahiran) in html and tautan(kematian) in html
    assert tautan(permohonan_kk) not in html and permohonan_kk.kode_lacak in html
    client.force_login(pengguna("verifikator"))
    assert tautan(permohonan_kk) in client.get(reverse("penduduk:detail", args=[anak.pk])).content.decode()
    client.force_login(pengguna("kasi"))
    # The documents the birth and the death issued for the child.
    judul = {d.judul for d in r.context["h"].dokumen}
    assert any("kelahiran" in j.lower() for j in judul) and any("kematian" in j.lower() for j in judul)

    # The family page shows the same changes of its member with the member named.
    r = client.get(reverse("penduduk:keluarga-detail", args=[kk.pk]))
    kode = [b.permohonan.baris.kode_lacak for b in r.context["h"].riwayat if b.permohonan]
    assert {kelahiran.kode_lacak, permohonan_kk.kode_lacak, kematian.kode_lacak} <= set(kode)
    assert [p.nama for p, _ in r.context["anggota"]][:2] == ["BUDI SANTOSO", "SITI AMINAH"]


def test_the_register_roles_are_those_of_izin():
    from apps.penduduk.halaman import PERAN_REGISTER as dari_izin

    assert dari_izin == PERAN_REGISTER


@pytest.mark.parametrize("kode", sorted(PERAN_REGISTER))
def test_register_roles_open_the_resident_and_family_pages(client, pengguna, keluarga, kode):
    kk, ayah, _ibu = keluarga
    client.force_login(pengguna(kode))
    assert client.get(reverse("penduduk:detail", args=[ayah.pk])).status_code == 200
    assert client.get(reverse("penduduk:keluarga-detail", args=[kk.pk])).status_code == 200


@pytest.mark.parametrize("kode", sorted(set(KODE_PERAN) - PERAN_REGISTER))
def test_other_roles_get_403_with_the_reason(client, pengguna, keluarga, kode):
    kk, ayah, _ibu = keluarga
    client.force_login(pengguna(kode))
    for url in (reverse("penduduk:detail", args=[ayah.pk]), reverse("penduduk:keluarga-detail", args=[kk.pk])):
        r = client.get(url)
        assert r.status_code == 403
        assert "hanya untuk petugas yang bekerja dengan register penduduk" in r.content.decode()
    assert not AksesBerkas.objects.exists()


def test_it_requires_login(client, keluarga):
    r = client.get(reverse("penduduk:detail", args=[keluarga[1].pk]))
    assert r.status_code == 302


def test_it_rejects_post(client, pengguna, keluarga):
    client.force_login(pengguna("kasi"))
    assert client.post(reverse("penduduk:detail", args=[keluarga[1].pk])).status_code == 405


def test_an_unknown_resident_is_404(client, pengguna, keluarga):
    client.force_login(pengguna("kasi"))
    assert client.get(reverse("penduduk:detail", args=[Penduduk.objects.order_by("-pk")[0].pk + 1])).status_code == 404


def test_every_opening_is_logged_without_the_nik(client, pengguna, keluarga):
    kk, ayah, _ibu = keluarga
    fo = pengguna("petugas_fo")
    client.force_login(fo)
    client.get(reverse("penduduk:detail", args=[ayah.pk]), REMOTE_ADDR="10.1.2.3")
    client.get(reverse("penduduk:keluarga-detail", args=[kk.pk]))
    log = list(AksesBerkas.objects.filter(oleh=fo).order_by("waktu", "pk"))
    assert [a.berkas for a in log] == [f"register/penduduk/{ayah.pk}", f"register/keluarga/{kk.pk}"]
    assert log[0].alamat_ip == "10.1.2.3"
    assert all(ayah.nik not in a.berkas + a.keterangan for a in log)


def test_front_office_sees_sensitive_fields_masked_in_data_and_history(client, pengguna, keluarga):
    """Least privilege (UU PDP): the front office identifies a person; religion, occupation,
    parents' names and the like are masked for it, in the data and in the history alike."""
    _kk, ayah, _ibu = keluarga
    penduduk_ubah(penduduk=ayah, perubahan={"pekerjaan": "GURU HONORER"}, oleh=pengguna("adb"), alasan="koreksi")
    client.force_login(pengguna("petugas_fo"))
    r = client.get(reverse("penduduk:detail", args=[ayah.pk]))
    html = r.content.decode()
    assert ayah.nik in html and ayah.nama in html
    assert "GURU HONORER" not in html and "Karyawan swasta" not in html and "Islam" not in html
    data = dict(r.context["data"])
    assert data["Agama"] == data["Pekerjaan"] == DISAMARKAN
    assert [(p.sebelum, p.sesudah) for p in r.context["h"].riwayat[0].perubahan] == [(DISAMARKAN, DISAMARKAN)]

    assert "verifikator" in PERAN_DATA_LENGKAP
    client.force_login(pengguna("verifikator"))
    html = client.get(reverse("penduduk:detail", args=[ayah.pk])).content.decode()
    assert "GURU HONORER" in html and "Karyawan swasta" in html and "Islam" in html


def test_the_search_results_link_the_resident_and_family_pages_and_no_nik_goes_in_a_url(client, pengguna, keluarga):
    kk, ayah, _ibu = keluarga
    client.force_login(pengguna("petugas_fo"))
    html = client.post(reverse("penduduk:cari"), {"q": ayah.nik}).content.decode()
    assert f'href="{reverse("penduduk:detail", args=[ayah.pk])}"' in html
    assert f'href="{reverse("penduduk:keluarga-detail", args=[kk.pk])}"' in html
    assert ayah.nik not in reverse("penduduk:detail", args=[ayah.pk])


def test_the_resident_page_runs_a_constant_number_of_queries(client, pengguna, keluarga, django_assert_max_num_queries):
    """Ten or sixty history rows, each caused by a request, cost the same queries."""
    from apps.pendaftaran.tests.factories import buat_permohonan

    kk, ayah, _ibu = keluarga
    adb = pengguna("adb")
    client.force_login(pengguna("verifikator"))
    url = reverse("penduduk:detail", args=[ayah.pk])
    keluarga_url = reverse("penduduk:keluarga-detail", args=[kk.pk])

    def tambah(n, mulai):
        for i in range(mulai, mulai + n):
            sebab = buat_permohonan(PermohonanDenganVerifikasi, status="lengkap", nik=ayah.nik, nama=ayah.nama, no_kk=kk.no_kk)
            penduduk_ubah(penduduk=ayah, perubahan={"pekerjaan": f"PEKERJAAN {i}"}, sebab=sebab, oleh=adb)

    tambah(10, 0)
    client.get(url)  # session, permissions, content types warm
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as sedikit:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as sedikit_kk:
        assert client.get(keluarga_url).status_code == 200
    tambah(50, 10)
    with django_assert_max_num_queries(len(sedikit)):
        r = client.get(url)
    assert len(r.context["h"].riwayat) == 60 and all(b.permohonan and b.permohonan.url for b in r.context["h"].riwayat)
    with django_assert_max_num_queries(len(sedikit_kk)):
        r = client.get(keluarga_url)
    assert len(r.context["h"].riwayat) == 60


def test_a_request_page_links_the_applicant_to_the_resident_page_for_register_roles(client, pengguna, keluarga):
    from apps.pendaftaran.tests.factories import buat_permohonan

    _kk, ayah, _ibu = keluarga
    obj = buat_permohonan(PermohonanDenganVerifikasi, status="siap_diambil", nik=ayah.nik, nama=ayah.nama, no_kk=_kk.no_kk,
                          penduduk=ayah)
    url = reverse("pendaftaran:permohonandenganverifikasi-detail", args=[obj.pk])
    tautan = f'href="{reverse("penduduk:detail", args=[ayah.pk])}"'
    client.force_login(pengguna("verifikator"))
    r = client.get(url)
    assert r.status_code == 200 and tautan in r.content.decode()
    # The pick-up operator reads the request but does not work with the register: no link.
    client.force_login(pengguna("operator_pengambilan"))
    r = client.get(url)
    assert r.status_code == 200 and tautan not in r.content.decode()


def test_a_civil_registry_report_links_its_reporter_to_the_resident_page(client, pengguna, keluarga):
    kk, ayah, ibu = keluarga
    fo = pengguna("petugas_fo")
    objek = kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu)
    pelapor = Penduduk.objects.get(nik=objek.pelapor_nik)
    client.force_login(fo)
    r = client.get(reverse("capil:pencatatansipil-detail", args=[objek.pk]))
    assert r.status_code == 200
    assert f'href="{reverse("penduduk:detail", args=[pelapor.pk])}"' in r.content.decode()
