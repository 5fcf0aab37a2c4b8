"""P.5.1 end to end through the kernel's action endpoint: intake → berkas lengkap (tanda terima) →
input SIAK → ajukan cetak → kasi → kabid → TTE (register, nomor akta, child in the register, KK
request) → cetak → serahkan / kirim email; returns and re-submission on the same request."""

import pytest
from django.core import mail
from django.urls import reverse

from apps.capil.models import PencatatanSipil, RegisterAkta, Status
from apps.core.models import RiwayatStatus
from apps.dokumen.models import Dokumen
from apps.pendaftaran.models import PermohonanDenganVerifikasi
from apps.penduduk.models import Penduduk

from .factories import kelahiran_baru, pindaian


def aksi(client, user, objek, nama, data=None, **kw):
    client.force_login(user)
    objek.refresh_from_db()
    return client.post(reverse("capil:pencatatansipil-aksi", args=[objek.pk, nama]),
                       {"versi": objek.versi, **(data or {})}, **kw)


def data_input(objek) -> dict:
    """What the input form posts when the operator changes nothing but the SIAK number."""
    from apps.capil.forms import InputForm
    from apps.core.workflow import ambil_aksi

    from .factories import nomor_siak_demo

    form = InputForm(aksi=ambil_aksi(objek, "input_siak"), objek=objek, instance=objek)
    return {**form.isian_awal(), **nomor_siak_demo(objek), "nomor_siak": "SIAK-3575-000123"}


@pytest.fixture
def orang(pengguna, kadis):
    return {k: pengguna(k) for k in ("petugas_fo", "operator_siak", "kasi", "kabid", "operator_pengambilan")} | {
        "kadis": kadis.user
    }


def test_birth_goes_from_intake_to_handover(client, orang, keluarga, passphrase, django_capture_on_commit_callbacks):
    kk, ayah, ibu = keluarga
    objek = kelahiran_baru(fo=orang["petugas_fo"], keluarga=kk, ayah=ayah, ibu=ibu)

    with django_capture_on_commit_callbacks(execute=True):
        r = aksi(client, orang["petugas_fo"], objek, "periksa")
    assert r.status_code == 302, r.content.decode()[:3000]
    assert Dokumen.untuk(objek).get(jenis="tanda_terima").siap

    r = aksi(client, orang["operator_siak"], objek, "input_siak", data_input(objek))
    assert r.status_code == 302, r.content.decode()[:3000]
    for peran, nama in [("operator_siak", "ajukan_cetak"), ("kasi", "verifikasi_kasi"), ("kabid", "verifikasi_kabid")]:
        assert aksi(client, orang[peran], objek, nama).status_code == 302, nama

    with django_capture_on_commit_callbacks(execute=True):
        r = aksi(client, orang["kadis"], objek, "tandatangani", {"passphrase": passphrase})
    assert r.status_code == 302, r.content.decode()[:3000]
    objek.refresh_from_db()
    assert objek.status == Status.DITANDATANGANI
    register = RegisterAkta.objects.get(pencatatan=objek)
    assert register.nomor_akta.startswith("3575-LU-")
    kutipan = Dokumen.untuk(objek).get(jenis="akta_kelahiran")
    assert kutipan.siap and kutipan.ditandatangani and kutipan.nomor == register.nomor_akta
    halaman_register = Dokumen.untuk(objek).get(jenis="register_akta")
    assert halaman_register.siap and halaman_register.nomor == register.nomor_akta
    # The register page stays with the Dinas: the applicant's status page offers only the kutipan.
    from apps.publik.selectors import dokumen_publik_permohonan

    assert dokumen_publik_permohonan(objek) == [kutipan]
    anak = Penduduk.objects.get(nama="ANISA PUTRI")
    assert anak.keluarga == kk and anak.nik.startswith("357501")
    kk_baru = PermohonanDenganVerifikasi.objects.get(no_kk=kk.no_kk)
    assert kk_baru.layanan.kode and kk_baru.status == "diajukan" and kk_baru.nik == ayah.nik
    assert not mail.outbox  # P.5.1: nothing is mailed at TTE

    assert aksi(client, orang["operator_siak"], objek, "cetak").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        r = aksi(client, orang["operator_pengambilan"], objek, "kirim_email", {"email": "budi@contoh.id"})
    assert r.status_code == 302, r.content.decode()[:3000]
    objek.refresh_from_db()
    assert objek.status == Status.SELESAI and objek.cara_penyerahan == "email"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["budi@contoh.id"]


def test_returned_file_is_resubmitted_as_the_same_request(client, pengguna, keluarga):
    kk, ayah, ibu = keluarga
    fo = pengguna("petugas_fo")
    objek = kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu, lengkap=False)

    r = aksi(client, fo, objek, "periksa")
    assert r.status_code == 400
    assert "Persyaratan belum lengkap" in r.content.decode()
    assert aksi(client, fo, objek, "kembalikan", {"catatan": "Surat keterangan lahir belum ada"}).status_code == 302

    objek.refresh_from_db()
    kode = objek.kode_lacak
    data = {f"berkas_{kode}": pindaian(f"{kode}.pdf") for kode in ("ktp_ortu", "surat_lahir", "buku_nikah")}
    assert aksi(client, fo, objek, "ajukan_kembali", data).status_code == 302
    assert aksi(client, fo, objek, "periksa").status_code == 302
    objek.refresh_from_db()
    assert (objek.status, objek.kode_lacak) == (Status.LENGKAP, kode)
    assert PencatatanSipil.objects.count() == 1
    assert list(RiwayatStatus.objects.filter(object_id=objek.pk).values_list("aksi", flat=True)) == [
        "buat", "kembalikan", "ajukan_kembali", "periksa"]
