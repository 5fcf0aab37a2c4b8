"""P.4.6: pindah masuk — ownership checked against the register, the surat pengantar drafted as an
outgoing letter (P.1.2.1.1: numbered in its agenda, signed by TTE, emailed to the Dukcapil of
origin), the answer recorded: refused (the citizen told why) or approved (SKPWNI
attached, the family in the register, the follow-up requests opened in the citizen's name)."""

import pytest
from django.core import mail

from apps.core.workflow import AksiDitolak, aksi_model, aksi_tersedia, jalankan_aksi, jalankan_dari_form, kelas_form
from apps.pendaftaran.forms_pindah import PindahMasukForm, baca_anggota
from apps.pendaftaran.models.pindah_masuk import PindahMasuk

from .factories import pdf_uji
from .pabrik_pindah import anggota_contoh, buat_pindah, kantor_asal

pytestmark = pytest.mark.django_db


def _pos(obj, aksi, user, data, files=None):
    info = aksi_model(type(obj))[aksi]
    cls = kelas_form(info)
    kw = {"instance": obj} if getattr(getattr(cls, "_meta", None), "model", None) else {}
    form = cls({"versi": obj.versi, **data}, files or {}, aksi=info, objek=obj, pengguna=user, **kw)
    assert form.is_valid(), form.errors
    jalankan_dari_form(objek=obj, pengguna=user, form=form, info=info)
    obj.refresh_from_db()
    return form


def test_a_resident_already_living_here_fails_the_ownership_check(pengguna):
    from .factories import pastikan_keluarga

    pastikan_keluarga("3575010101200001", "3507011201850001", "BUDI SANTOSO")
    obj = buat_pindah()
    ver = pengguna("verifikator_pendataan")
    with pytest.raises(AksiDitolak, match="sudah terdaftar"):
        _pos(obj, "periksa_kepemilikan", ver, {})
    obj.refresh_from_db()
    assert obj.status == "diajukan"
    jalankan_aksi(objek=obj, aksi="tolak", pengguna=ver, catatan="Pemohon sudah berdomisili di Kota Pasuruan.")
    assert obj.status == "ditolak"


def test_refused_by_the_origin_office_the_citizen_is_told_why(pengguna):
    obj = buat_pindah("menunggu_jawaban")
    jalankan_aksi(objek=obj, aksi="asal_menolak", pengguna=pengguna("verifikator_pendataan"),
                  catatan="Dukcapil asal: ada tunggakan perkara data.")
    from apps.core.models import RiwayatStatus

    log = RiwayatStatus.objects.filter(object_id=obj.pk, aksi="asal_menolak").get()
    assert obj.status == "ditolak" and log.catatan_publik


def test_whole_flow_signed_letter_emailed_to_origin_then_approval_opens_follow_ups(
        pengguna, kunci_tte, django_capture_on_commit_callbacks):
    from apps.capil.models import PencatatanSipil
    from apps.dokumen.models import Dokumen
    from apps.pendaftaran.models import PermohonanDenganVerifikasi, PermohonanTanpaVerifikasi
    from apps.penduduk.models import Keluarga, Penduduk, RiwayatRegister
    from apps.umum.models import KlasifikasiArsip

    from .factories import PASSPHRASE, buat_pejabat

    obj = buat_pindah()
    ver = pengguna("verifikator_pendataan")
    kadis, tu = pengguna("kadis"), pengguna("tata_usaha")
    buat_pejabat(kadis, nip="197003121995031002", direktori=kunci_tte)
    _pos(obj, "periksa_kepemilikan", ver, {})
    assert obj.status == "menunggu_jawaban" and obj.kepemilikan_sesuai
    # The surat pengantar is an outgoing letter in the kepala's hands, addressed to the origin.
    surat = obj.surat_pengantar
    assert surat.status == "diajukan" and surat.asal_proses == f"P.4.6 · {obj.kode_lacak}"
    assert surat.email_tujuan == kantor_asal().email and obj.nik in surat.isi and "ADI SANTOSO" in surat.isi
    # No answer before the letter went out.
    assert "asal_menyetujui" not in {a.nama for a in aksi_tersedia(obj, ver)}
    # P.1.2.1.1: approved, numbered in the outgoing agenda, signed by TTE, emailed with the PDF.
    _pos(surat, "setujui", kadis, {"hal": surat.hal, "kepada": surat.kepada, "isi": surat.isi})
    _pos(surat, "beri_nomor", tu, {"klasifikasi": KlasifikasiArsip.objects.order_by("kode").first().pk})
    assert surat.nomor_surat and surat.nomor_urut
    with django_capture_on_commit_callbacks(execute=True):
        _pos(surat, "tandatangani", kadis, {"passphrase": PASSPHRASE})
    dok = Dokumen.untuk(surat).get()
    assert (dok.jenis, dok.siap, dok.ditandatangani, dok.nomor) == ("surat_keluar", True, True, surat.nomor_surat), dok.galat
    assert mail.outbox == []  # addressed to the origin office, not the citizen
    with django_capture_on_commit_callbacks(execute=True):
        _pos(surat, "kirim_lewat_email", tu, {"email_tujuan": surat.email_tujuan})
    obj.refresh_from_db()
    assert obj.status == "menunggu_jawaban" and obj.surat_dikirim_pada
    assert [m.to for m in mail.outbox] == [[kantor_asal().email]]
    assert mail.outbox[0].attachments

    # The approval needs the SKPWNI scan.
    info = aksi_model(PindahMasuk)["asal_menyetujui"]
    form = kelas_form(info)({"versi": obj.versi, "nomor_skpwni": "X/1", "no_kk_baru": "3575019999100001"}, {},
                            aksi=info, objek=obj, pengguna=ver)
    assert not form.is_valid() and "SKPWNI" in str(form.errors["lampiran"])
    _pos(obj, "asal_menyetujui", ver, {"nomor_skpwni": "SKPWNI/3507/0001/2026", "no_kk_baru": "3575019999100001"},
         {"lampiran": pdf_uji("skpwni.pdf")})
    assert obj.status == "selesai"
    kk = Keluarga.objects.get(no_kk="3575019999100001")
    assert set(kk.anggota.values_list("nik", flat=True)) == {a["nik"] for a in anggota_contoh()}
    assert kk.kepala.nik == "3507011201850001"
    assert RiwayatRegister.objects.filter(sebab_id=obj.pk, penduduk__nik="3507011003150003").exists()
    assert Penduduk.objects.get(nik="3507011003150003").kelurahan == obj.kelurahan
    lanjutan = {(d["dokumen"], d["nama"]) for d in obj.permohonan_lanjutan}
    assert lanjutan == {
        ("Kartu Keluarga (KK)", "BUDI SANTOSO"), ("KTP-el", "BUDI SANTOSO"), ("KTP-el", "SRI WAHYUNI"),
        ("Kartu Identitas Anak (KIA)", "ADI SANTOSO"), ("Akta kelahiran", "ADI SANTOSO"),
    }
    assert PermohonanTanpaVerifikasi.objects.filter(nik="3507014501880002", status="diajukan").exists()
    assert PermohonanDenganVerifikasi.objects.filter(nik="3507011003150003", layanan__dokumen="kia").exists()
    assert PencatatanSipil.objects.filter(pelapor_nik=obj.nik, jenis_peristiwa="kelahiran").count() == 1
    assert all(d["kode_lacak"] for d in obj.permohonan_lanjutan)


def test_approval_with_a_taken_kk_number_is_refused_next_to_the_field(pengguna):
    from .factories import pastikan_keluarga

    pastikan_keluarga("3575019999100001", "3575010000000001", "ORANG LAIN")
    obj = buat_pindah("menunggu_jawaban")
    info = aksi_model(PindahMasuk)["asal_menyetujui"]
    form = kelas_form(info)({"versi": obj.versi, "nomor_skpwni": "X/1", "no_kk_baru": "3575019999100001"},
                            {"lampiran": pdf_uji()}, aksi=info, objek=obj, pengguna=pengguna("verifikator_pendataan"))
    assert not form.is_valid() and "sudah terdaftar" in form.errors["no_kk_baru"][0]


def test_family_list_errors_name_the_line():
    with pytest.raises(Exception) as e:
        baca_anggota("3507011201850001;BUDI;kepala;1985-13-01;MALANG;L;islam;kawin;SWASTA;ya\nsalah")
    teks = str(e.value)
    assert "Baris 1: tanggal lahir" in teks and "Baris 2: harus 10 isian" in teks


def test_intake_form_keeps_the_family_list(rf):
    from apps.penduduk.models import Wilayah

    baris = "3507011201850001;BUDI SANTOSO;kepala;1985-01-12;MALANG;L;islam;kawin;WIRASWASTA;ya"
    data = {"nik": "3507011201850001", "nama": "BUDI SANTOSO", "no_kk_asal": "3507010101200001",
            "alamat_asal": "Jl. A", "kantor_asal": kantor_asal().pk, "alamat_tujuan": "Jl. B", "rt": "001",
            "rw": "002", "kelurahan": Wilayah.objects.filter(tingkat="kelurahan").first().pk,
            "email": "budi@contoh.id", "daftar_anggota": baris}
    form = PindahMasukForm(data, {})
    form.is_valid()
    assert "daftar_anggota" not in form.errors
    assert form.cleaned_data["daftar_anggota"][0]["hubungan"] == "kepala"


def test_detail_page_for_the_verifikator(client, pengguna):
    from apps.core.urls import url_proses

    obj = buat_pindah()
    client.force_login(pengguna("verifikator_pendataan"))
    r = client.get(url_proses(PindahMasuk, "detail", obj.pk))
    assert r.status_code == 200
    assert "Kepemilikan dokumen sesuai" in r.content.decode()

