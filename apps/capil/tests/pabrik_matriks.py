"""Records of P.5.2–P.5.8 (capil.PerubahanAkta) in any state for the generic role matrix
(tests/test_matriks_generik.py). P.5.1's builder stays in tests/matriks_pabrik.py."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from tests.matriks_pabrik import Dunia, pabrik

NOMOR = "474.1/77/1990"


def _register(dunia: Dunia, luar: bool):
    from apps.capil.models import RegisterAkta

    def buat():
        return RegisterAkta.objects.create(
            nomor_akta=NOMOR + ("/L" if luar else ""), jenis_akta="akta_kelahiran", kode="", tanggal=timezone.localdate(),
            penerbit="Dispendukcapil Kota Malang" if luar else "Dinas Kependudukan dan Pencatatan Sipil Kota Pasuruan",
            email_penerbit="dukcapil@malangkota.go.id" if luar else "",
            orang=[{"peran": "anak", "nama": "BUDI", "nik": "3575010101900001"}], data={"rincian": {"nama": "BUDI"}})

    return dunia.sekali(f"register-{luar}", buat)


def _isian(aksi: str, objek, dunia: Dunia) -> dict:
    return {"input_siak": {"nomor_siak": "SIAK-1", "nomor_akta": objek.nomor_akta, "pembetulan": "nama = BUDI S"},
            "input_fo": {"nomor_siak": "SIAK-1", "nomor_akta": objek.nomor_akta},
            "minta_keabsahan": {"email_penerbit": "dukcapil@malangkota.go.id"},
            "verifikasi_kasi": {"sesuai_nama": "on"}, "verifikasi_kabid": {"sesuai_nama": "on"},
            "serahkan": {"penerima": "SITI"}, "kirim_email": {"email": "siti@contoh.id"}}.get(aksi, {})


@pabrik("capil.PerubahanAkta", isian=_isian)
def perubahan_akta(status: str, dunia: Dunia):
    from apps.capil.models import PerubahanAkta
    from apps.capil.models.perubahan import Status
    from apps.dokumen.models import Dokumen

    luar = status == Status.MENUNGGU_KEABSAHAN
    reg = _register(dunia, luar)
    objek = PerubahanAkta.objects.create(
        status=status, jenis="kutipan_kedua" if luar else "pembetulan", pemohon_nik="3575010101900001",
        pemohon_nama="SITI", email="siti@contoh.id", nomor_akta=reg.nomor_akta, nomor_siak="SIAK-1",
        register=reg if status not in (Status.DIAJUKAN, Status.DIKEMBALIKAN, Status.LENGKAP) else None,
        data_baru={"nama": "BUDI S"}, berkas_persyaratan={"formulir": 1, "ktp_kk": 1, "kutipan": 1})
    if luar:
        # The keabsahan letter went out (signed and emailed), so the answer can be recorded.
        from apps.umum.models import SuratKeluar

        objek.surat_keabsahan = SuratKeluar.objects.create(
            status="terkirim", hal=f"Permohonan keabsahan akta nomor {reg.nomor_akta}", kepada="Dispendukcapil Kota Malang",
            isi="Mohon konfirmasi keabsahan akta.", perintah="Surat dari proses P.5.8", asal_proses="P.5.8",
            email_tujuan="dukcapil@malangkota.go.id", cara_kirim="email")
        objek.save(update_fields=["surat_keabsahan"])
    if status in (Status.DITANDATANGANI, Status.DICETAK, Status.SELESAI):
        Dokumen.objects.create(
            content_type=ContentType.objects.get_for_model(objek), object_id=objek.pk,
            jenis="kutipan_akta_catatan_pinggir", judul="Kutipan", kunci_nomor="uji", tahun=timezone.localdate().year,
            urut=100000 + objek.pk, nomor=reg.nomor_akta, perlu_tte=True, status=Dokumen.Status.SELESAI,
            berkas="dokumen/uji.pdf")
    return objek
