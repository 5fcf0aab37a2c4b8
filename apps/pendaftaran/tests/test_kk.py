"""Issue 8 §2–§3, the KK of P.4.1.2: the No. KK comes from SIAK (typed at the SIAK step, checked,
never minted), the signed KK lists the right people in the right order with every column, a
"perubahan data" KK shows its changes and applies them to the register (audited) when signed,
and a KK for a family not in the register cannot be signed."""

import datetime
import subprocess

import pytest
from django.utils import timezone

from apps.core.workflow import AksiDitolak, aksi_model, jalankan_dari_form, kelas_form
from apps.dokumen.models import Dokumen
from apps.pendaftaran.models import PermohonanDenganVerifikasi
from apps.penduduk.models import Keluarga, Penduduk, RiwayatRegister, Wilayah

from .factories import PASSPHRASE, buat_permohonan, layanan

pytestmark = pytest.mark.django_db
NO_KK = "3575012006060004"


def teks_pdf(dok) -> str:
    return subprocess.run(["pdftotext", "-layout", dok.berkas.path, "-"], capture_output=True, text=True, check=True).stdout


def form_aksi(obj, aksi, user, data):
    """The action's form as the kernel's action view builds it (a ModelForm edits the record)."""
    from django.forms import ModelForm

    info = aksi_model(type(obj))[aksi]
    cls = kelas_form(info)
    extra = {"instance": obj} if issubclass(cls, ModelForm) else {}
    return info, cls({"versi": obj.versi, **data}, aksi=info, objek=obj, pengguna=user, **extra)


def jalankan(obj, aksi, user, data=None):
    info, form = form_aksi(obj, aksi, user, data or {})
    assert form.is_valid(), form.errors
    return jalankan_dari_form(objek=obj, info=info, pengguna=user, form=form)


def _orang(keluarga, nik, nama, lahir, hubungan, jk="L", **kw):
    return Penduduk.objects.create(
        nik=nik, nama=nama, tempat_lahir="PASURUAN", tanggal_lahir=lahir, jenis_kelamin=jk, agama="islam",
        status_perkawinan=kw.pop("status_perkawinan", "belum_kawin"), pekerjaan=kw.pop("pekerjaan", "PELAJAR/MAHASISWA"),
        keluarga=keluarga, hubungan=hubungan, alamat=keluarga.alamat, rt="003", rw="002", kelurahan=keluarga.kelurahan, **kw,
    )


@pytest.fixture
def keluarga():
    kel = Wilayah.objects.get(kode="35.75.01.1001")
    k = Keluarga.objects.create(no_kk=NO_KK, alamat="JL. HASANUDIN NO. 12", rt="003", rw="002", kelurahan=kel)
    D = datetime.date
    # Created out of order on purpose: the KK must sort them.
    _orang(k, "3575010509120003", "RIZKY PRATAMA", D(2012, 9, 5), "anak", pendidikan="sd", golongan_darah="O",
           nama_ayah="AHMAD SUBAGYO", nama_ibu="SITI AMINAH")
    _orang(k, "3575010101400001", "SUPARMAN", D(1940, 1, 1), "orang_tua", status_perkawinan="cerai_mati",
           pekerjaan="PENSIUNAN", status_hidup="meninggal", tanggal_meninggal=D(2025, 1, 2))
    _orang(k, "3575014107850002", "SITI AMINAH", D(1985, 7, 1), "istri", jk="P", status_perkawinan="kawin",
           tanggal_perkawinan=D(2006, 6, 10), pekerjaan="MENGURUS RUMAH TANGGA", pendidikan="d3", golongan_darah="A",
           nama_ayah="ABDUL ROHIM", nama_ibu="MARYAM")
    _orang(k, "3575014203100004", "NADIA PUTRI", D(2010, 3, 2), "anak", jk="P", nama_ayah="AHMAD SUBAGYO",
           nama_ibu="SITI AMINAH", pendidikan="sltp")
    _orang(k, "3575010202150005", "BAYU PINDAH", D(2015, 2, 2), "anak", tanggal_pindah=D(2025, 5, 5))
    kepala = _orang(k, "3575011203800001", "AHMAD SUBAGYO", D(1980, 3, 12), "kepala", status_perkawinan="kawin",
                    tanggal_perkawinan=D(2006, 6, 10), pekerjaan="WIRASWASTA", pendidikan="slta", golongan_darah="O",
                    nama_ayah="SUPARMAN", nama_ibu="SITI KHOTIJAH")
    k.kepala = kepala
    k.save()
    return k


def _sampai_tte(obj, pengguna, data_siak):
    jalankan(obj, "input_siak", pengguna("operator_siak"), {"referensi_siak": "SIAK-1", **data_siak})
    jalankan(obj, "verifikasi", pengguna("verifikator"))
    assert obj.status == "terverifikasi"


def test_the_signed_kk_lists_the_living_members_head_first_in_shdk_order_with_every_column(
    keluarga, pengguna, kabid, django_capture_on_commit_callbacks
):
    obj = buat_permohonan(PermohonanDenganVerifikasi, status="lengkap", layanan_=layanan("kk", "hilang"),
                          nik="3575011203800001", nama="AHMAD SUBAGYO", no_kk=NO_KK)
    _sampai_tte(obj, pengguna, {})
    with django_capture_on_commit_callbacks(execute=True):
        jalankan(obj, "tandatangani", kabid, {"passphrase": PASSPHRASE})
    teks = teks_pdf(Dokumen.untuk(obj).get())
    assert "3575010101400001" not in teks and "BAYU PINDAH" not in teks  # deceased and moved out left off
    urutan = [teks.index(n) for n in ("AHMAD SUBAGYO", "SITI AMINAH", "NADIA PUTRI", "RIZKY PRATAMA")]
    assert urutan == sorted(urutan)  # head, wife, then the children by birth date
    for kolom in ("Tamat SD/sederajat", "SLTA/sederajat", "WIRASWASTA", "Kawin", "10-06-2006", "ABDUL ROHIM", "MARYAM",
                  "Akademi/Diploma III"):
        assert kolom in teks, kolom
    assert f"Dikeluarkan tanggal: {timezone.localdate():%d-%m-%Y}" in teks
    assert "Kepala Keluarga" in teks


def test_a_kk_for_a_family_not_in_the_register_cannot_be_verified_or_signed(pengguna, kabid):
    obj = buat_permohonan(PermohonanDenganVerifikasi, status="diinput", layanan_=layanan("kk", "hilang"),
                          no_kk="3575019999990001", keluarga=False)
    _, form = form_aksi(obj, "verifikasi", pengguna("verifikator"), {})
    assert not form.is_valid()
    assert "tidak ada di register penduduk" in form.non_field_errors()[0]
    obj = buat_permohonan(PermohonanDenganVerifikasi, status="terverifikasi", layanan_=layanan("kk", "hilang"),
                          no_kk="3575019999990001", keluarga=False)
    info, form = form_aksi(obj, "tandatangani", kabid, {"passphrase": PASSPHRASE})
    assert form.is_valid()
    with pytest.raises(AksiDitolak, match="tidak ada di register"):
        jalankan_dari_form(objek=obj, info=info, pengguna=kabid, form=form)
    obj.refresh_from_db()
    assert obj.status == "terverifikasi" and not Dokumen.untuk(obj).exists()


def test_a_kk_baru_gets_the_number_siak_gave_on_the_signed_kk_and_in_the_register(
    keluarga, pengguna, kabid, django_capture_on_commit_callbacks
):
    lay = layanan("kk", "baru")
    obj = buat_permohonan(PermohonanDenganVerifikasi, status="lengkap", layanan_=lay, nik="3575010509120003",
                          nama="RIZKY PRATAMA", no_kk=NO_KK)
    obj.penduduk = Penduduk.objects.get(nik="3575010509120003")
    obj.save()
    siak = pengguna("operator_siak")
    # Required, 16 digits, not all the same, not held by another family.
    for nomor, pesan in [("", "isi No. KK yang diberikan SIAK"), ("1111111111111111", "semua angkanya sama"),
                         (NO_KK, "sudah dipakai keluarga lain (kepala keluarga AHMAD SUBAGYO)")]:
        _, form = form_aksi(obj, "input_siak", siak, {"referensi_siak": "SIAK-2", "no_kk_siak": nomor})
        assert not form.is_valid() and pesan in form.errors["no_kk_siak"][0], form.errors
    # An unknown region only warns, and needs a confirmation.
    _, form = form_aksi(obj, "input_siak", siak, {"referensi_siak": "SIAK-2", "no_kk_siak": "3576011203260001"})
    assert not form.is_valid() and "konfirmasi_peringatan" in form.errors
    _sampai_tte(obj, pengguna, {"no_kk_siak": "3575011203260009"})
    with django_capture_on_commit_callbacks(execute=True):
        jalankan(obj, "tandatangani", kabid, {"passphrase": PASSPHRASE})
    baru = Keluarga.objects.get(no_kk="3575011203260009")
    rizky = Penduduk.objects.get(nik="3575010509120003")
    assert rizky.keluarga == baru and baru.kepala == rizky and rizky.hubungan == "kepala"
    assert RiwayatRegister.objects.filter(keluarga=baru, sebab_id=obj.pk).exists()
    teks = teks_pdf(Dokumen.untuk(obj).get())
    assert "3575011203260009" in teks and "RIZKY PRATAMA" in teks and "3575014107850002" not in teks  # only the new family


def test_a_perubahan_data_kk_shows_the_change_and_applies_it_to_the_register_when_signed(
    keluarga, pengguna, kabid, django_capture_on_commit_callbacks
):
    obj = buat_permohonan(PermohonanDenganVerifikasi, status="lengkap", layanan_=layanan("kk", "perubahan_data"),
                          nik="3575011203800001", nama="AHMAD SUBAGYO", no_kk=NO_KK)
    siak = pengguna("operator_siak")
    _, form = form_aksi(obj, "input_siak", siak, {"referensi_siak": "SIAK-3"})
    assert not form.is_valid() and "minimal satu perubahan" in str(form.errors)
    _, form = form_aksi(obj, "input_siak", siak, {"referensi_siak": "SIAK-3", "ubah_nik_1": "3575019999990001",
                                                  "ubah_kolom_1": "pekerjaan", "ubah_nilai_1": "GURU"})
    assert not form.is_valid() and "bukan anggota KK" in form.errors["ubah_nik_1"][0]
    _sampai_tte(obj, pengguna, {"ubah_nik_1": "3575014107850002", "ubah_kolom_1": "pekerjaan", "ubah_nilai_1": "GURU",
                                "ubah_nik_2": "3575014107850002", "ubah_kolom_2": "pendidikan", "ubah_nilai_2": "Diploma IV/Strata I"})
    siti = Penduduk.objects.get(nik="3575014107850002")
    assert siti.pekerjaan == "MENGURUS RUMAH TANGGA"  # not before signing
    with django_capture_on_commit_callbacks(execute=True):
        jalankan(obj, "tandatangani", kabid, {"passphrase": PASSPHRASE})
    siti.refresh_from_db()
    assert (siti.pekerjaan, siti.pendidikan) == ("GURU", "s1")
    log = RiwayatRegister.objects.get(penduduk=siti)
    assert log.sebab == obj and log.oleh == kabid
    assert log.perubahan["pekerjaan"] == {"sebelum": "MENGURUS RUMAH TANGGA", "sesudah": "GURU"}
    teks = teks_pdf(Dokumen.untuk(obj).get())
    assert "GURU" in teks and "Diploma IV/Strata I" in teks and "Perubahan data" in teks


def test_a_wrong_passphrase_changes_nothing_in_the_register(keluarga, pengguna, kabid):
    obj = buat_permohonan(PermohonanDenganVerifikasi, status="lengkap", layanan_=layanan("kk", "perubahan_data"),
                          nik="3575011203800001", nama="AHMAD SUBAGYO", no_kk=NO_KK)
    _sampai_tte(obj, pengguna, {"ubah_nik_1": "3575014107850002", "ubah_kolom_1": "pekerjaan", "ubah_nilai_1": "GURU"})
    _, form = form_aksi(obj, "tandatangani", kabid, {"passphrase": "salah-sekali"})
    assert not form.is_valid()
    # The service itself, past the form: the register change and the signature stand or fall together.
    from types import SimpleNamespace

    from apps.pendaftaran.services import permohonan_tandatangani

    with pytest.raises(Exception) as e:  # noqa: B017 (the signing backend's own refusal)
        permohonan_tandatangani(objek=obj, pengguna=kabid, form=SimpleNamespace(cleaned_data={"passphrase": "salah-sekali"}))
    assert "passphrase" in str(e.value).lower() or "Passphrase" in str(e.value)
    assert Penduduk.objects.get(nik="3575014107850002").pekerjaan == "MENGURUS RUMAH TANGGA"
    assert not RiwayatRegister.objects.exists()


def test_no_code_outside_demo_data_mints_a_no_kk():
    import pathlib

    akar = pathlib.Path(__file__).resolve().parents[2]
    for berkas in [*(akar / "pendaftaran").rglob("*.py"), *(akar / "penduduk").rglob("*.py")]:
        if "tests" in berkas.parts or "migrations" in berkas.parts or berkas.name in ("sintetis.py", "demo.py"):
            continue
        assert "buat_kk" not in berkas.read_text(), berkas


def test_a_partner_records_the_kk_change_at_intake_and_it_is_applied_when_signed(
    keluarga, mitra, pengguna, kabid, client, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from apps.pendaftaran.models import PermohonanIntegrasi

    from .factories import pdf_uji

    lay = layanan("kk", "perubahan_data")
    client.force_login(mitra)
    url = reverse("pendaftaran:integrasi-baru")
    data = {"layanan": lay.pk, "nik": "3575011203800001", "nama": "AHMAD SUBAGYO", "no_kk": NO_KK, "alamat": "JL. X",
            **{f"berkas_{p.pk}": pdf_uji() for p in lay.persyaratan.filter(wajib=True)}}
    r = client.post(url, data)
    assert r.status_code == 400 and "minimal satu perubahan" in r.content.decode()
    data.update({f"berkas_{p.pk}": pdf_uji() for p in lay.persyaratan.filter(wajib=True)})
    data.update(ubah_nik_1="3575010509120003", ubah_kolom_1="pendidikan", ubah_nilai_1="SLTP/sederajat")
    assert client.post(url, data).status_code == 302
    obj = PermohonanIntegrasi.objects.get()
    assert obj.perubahan_data == [{"nik": "3575010509120003", "kolom": "pendidikan", "nilai": "SLTP/sederajat"}]
    jalankan(obj, "berkas_lengkap", mitra)
    jalankan(obj, "verifikasi", pengguna("verifikator"))
    with django_capture_on_commit_callbacks(execute=True):
        jalankan(obj, "tandatangani", kabid, {"passphrase": PASSPHRASE})
    assert Penduduk.objects.get(nik="3575010509120003").pendidikan == "sltp"
    assert "SLTP/sederajat" in teks_pdf(Dokumen.untuk(obj).get(jenis="kk"))
