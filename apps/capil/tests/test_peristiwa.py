"""What each event yields (issue 8 §3): a stillbirth a Surat Keterangan Lahir Mati and no akta; a
Pengadilan Agama divorce a register update and no deed; a birth without a recorded father or with
an SPTJM F-2.04 the law's own wording; numbers in Indonesian format."""

import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.capil.demo import pelaporan_lahir_mati, pelaporan_perceraian
from apps.capil.models import RegisterAkta, Status
from apps.dokumen.models import Dokumen
from apps.pendaftaran.models import PermohonanDenganVerifikasi
from apps.penduduk.models import StatusPerkawinan

from .factories import _ke_status, kelahiran_baru, keluarga_baru
from .test_alur import aksi, data_input


def teks_pdf(dokumen) -> str:
    return subprocess.run(["pdftotext", dokumen.berkas.path, "-"], capture_output=True, text=True, check=True).stdout


def tandatangani(client, kadis, objek, passphrase, capture):
    with capture(execute=True):
        r = aksi(client, kadis.user, objek, "tandatangani", {"passphrase": passphrase})
    assert r.status_code == 302, r.content.decode()[:3000]
    objek.refresh_from_db()
    return objek


@pytest.fixture
def fo(pengguna):
    return pengguna("petugas_fo")


def test_a_stillbirth_yields_a_surat_keterangan_not_an_akta(client, fo, pengguna, keluarga, kadis, passphrase,
                                                           django_capture_on_commit_callbacks):
    kk, ayah, ibu = keluarga
    objek = _ke_status(pelaporan_lahir_mati(oleh=fo, keluarga=kk, ayah=ayah, ibu=ibu), Status.LENGKAP)
    assert not objek.menerbitkan_akta
    # The SIAK step takes no nomor akta for it.
    r = aksi(client, pengguna("operator_siak"), objek, "input_siak", {**data_input(objek), "nomor_akta": "3575-LM-01012026-0001"})
    assert r.status_code == 400 and "tidak diterbitkan akta" in r.content.decode()
    assert aksi(client, pengguna("operator_siak"), objek, "input_siak", data_input(objek)).status_code == 302
    objek = _ke_status(objek, Status.TERVERIFIKASI)
    objek = tandatangani(client, kadis, objek, passphrase, django_capture_on_commit_callbacks)

    assert objek.status == Status.DITANDATANGANI and objek.nomor_akta == ""
    assert not RegisterAkta.objects.exists()
    surat = Dokumen.untuk(objek).get()
    assert surat.jenis == "surat_keterangan_lahir_mati" and surat.siap and surat.ditandatangani
    assert "SKLM" in surat.nomor
    teks = teks_pdf(surat)
    assert "SURAT KETERANGAN LAHIR MATI" in teks and "bukan merupakan akta" in teks and surat.nomor in teks
    assert "Akta Lahir Mati" not in teks and "3575-L" not in teks


def test_a_pengadilan_agama_divorce_updates_the_register_without_a_deed(client, fo, pengguna, kadis):
    _kk, ayah, ibu = keluarga_baru()
    pasangan = {"suami_nik": ayah.nik, "suami_nama": ayah.nama, "suami": ayah,
                "istri_nik": ibu.nik, "istri_nama": ibu.nama, "istri": ibu}
    objek = _ke_status(pelaporan_perceraian(oleh=fo, badan_peradilan="PA", pasangan=pasangan), Status.DIINPUT)
    assert objek.ringkasan.startswith("Pencatatan akta cerai Pengadilan Agama — ")
    # No print request, no verification chain, no TTE: the kasi updates the register.
    assert aksi(client, pengguna("operator_siak"), objek, "ajukan_cetak").status_code == 400
    r = aksi(client, pengguna("kasi"), objek, "mutakhirkan")
    assert r.status_code == 302, r.content.decode()[:2000]
    objek.refresh_from_db()
    assert objek.status == Status.SELESAI and objek.cara_penyerahan == "register"
    ayah.refresh_from_db()
    ibu.refresh_from_db()
    assert ayah.status_perkawinan == ibu.status_perkawinan == StatusPerkawinan.CERAI_HIDUP
    assert not RegisterAkta.objects.exists() and not Dokumen.untuk(objek).exists()
    assert PermohonanDenganVerifikasi.objects.filter(nik=ayah.nik).exists()
    r = client.post(reverse("publik:status"), {"kode": objek.kode_lacak, "pin": objek.pin}, follow=True)
    assert "Dinas tidak menerbitkan akta perceraian" in r.content.decode()


def test_a_pengadilan_negeri_divorce_still_gets_its_akta(fo):
    objek = pelaporan_perceraian(oleh=fo)
    assert objek.menerbitkan_akta and objek.ringkasan.startswith("Akta perceraian — ")


def _kutipan_kelahiran(client, fo, keluarga, kadis, passphrase, capture, **kw):
    kk, ayah, ibu = keluarga
    objek = _ke_status(kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu, **kw), Status.TERVERIFIKASI)
    objek = tandatangani(client, kadis, objek, passphrase, capture)
    return " ".join(teks_pdf(Dokumen.untuk(objek).get(jenis="akta_kelahiran")).split())


def test_a_birth_without_a_recorded_father_names_the_mother_alone(client, fo, keluarga, kadis, passphrase,
                                                                 django_capture_on_commit_callbacks):
    teks = _kutipan_kelahiran(client, fo, (keluarga[0], None, keluarga[2]), kadis, passphrase,
                              django_capture_on_commit_callbacks)
    assert "dari seorang ibu bernama SITI AMINAH" in teks
    assert "dari ayah" not in teks and "–" not in teks


def test_an_sptjm_birth_says_the_marriage_is_not_yet_recorded(client, fo, keluarga, kadis, passphrase,
                                                             django_capture_on_commit_callbacks):
    teks = _kutipan_kelahiran(client, fo, keluarga, kadis, passphrase, django_capture_on_commit_callbacks,
                              perkawinan_orang_tua="sptjm")
    # (pdftotext may join the hyphenated "perundang-undangan" across a line break)
    assert ("dari ayah BUDI SANTOSO dan ibu SITI AMINAH, yang perkawinannya belum tercatat sesuai dengan "
            "ketentuan peraturan perundang") in teks


def test_a_birth_of_a_recorded_marriage_names_both_parents(client, fo, keluarga, kadis, passphrase,
                                                          django_capture_on_commit_callbacks):
    teks = _kutipan_kelahiran(client, fo, keluarga, kadis, passphrase, django_capture_on_commit_callbacks)
    assert "dari ayah BUDI SANTOSO dan ibu SITI AMINAH." in teks and "belum tercatat" not in teks


def test_the_intake_refuses_a_father_for_a_birth_recorded_without_one(keluarga):
    from apps.capil.forms import KelahiranForm

    _kk, ayah, _ibu = keluarga
    form = KelahiranForm({"rincian-perkawinan_orang_tua": "tanpa_ayah", "rincian-ayah_nik": ayah.nik},
                         prefix="rincian")
    assert not form.is_valid()
    assert form.errors["ayah_nik"] == ["Kosongkan data ayah bila anak dicatat tanpa data ayah."]


def test_numbers_print_in_indonesian_format(client, fo, pengguna, keluarga, kadis, passphrase,
                                           django_capture_on_commit_callbacks):
    kk, ayah, ibu = keluarga
    objek = _ke_status(kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu), Status.TERVERIFIKASI)
    objek.kelahiran.panjang_cm = "49.5"
    objek.kelahiran.save(update_fields=["panjang_cm"])
    client.force_login(pengguna("kasi"))
    halaman = client.get(reverse("capil:pencatatansipil-detail", args=[objek.pk])).content.decode()
    assert "49,5" in halaman and "49.5" not in halaman and "3.100" in halaman
    # The SIAK operator's form shows and takes the decimal in Indonesian too.
    _ke_status(objek, Status.LENGKAP)
    client.force_login(pengguna("operator_siak"))
    formulir = client.get(reverse("capil:pencatatansipil-aksi", args=[objek.pk, "input_siak"])).content.decode()
    assert 'value="49,5"' in formulir
    _ke_status(objek, Status.TERVERIFIKASI)
    objek = tandatangani(client, kadis, objek, passphrase, django_capture_on_commit_callbacks)
    teks = teks_pdf(Dokumen.untuk(objek).get(jenis="register_akta"))
    assert "49,5" in teks and "49.5" not in teks
    assert timezone.localdate().strftime("%Y") in teks


def test_the_verifier_previews_the_kutipan_as_a_draft_before_signing(client, fo, pengguna, keluarga):
    from django.contrib.contenttypes.models import ContentType

    kk, ayah, ibu = keluarga
    objek = _ke_status(kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu), Status.MENUNGGU_VERIFIKASI)
    client.force_login(pengguna("kasi"))
    r = client.get(reverse("dokumen:dokumen-pratinjau", args=[ContentType.objects.get_for_model(objek).pk, objek.pk]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    teks = subprocess.run(["pdftotext", "-", "-"], input=r.content, capture_output=True, check=True).stdout.decode()
    assert "DRAF" in teks and "KUTIPAN AKTA KELAHIRAN" in teks and "ANISA PUTRI" in teks
    assert objek.nomor_akta not in teks  # no number on a draft
    assert not RegisterAkta.objects.exists()
