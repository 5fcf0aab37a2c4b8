"""Test data of P.4.1: requests in any state, scans, partners, signing officials."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.pendaftaran.models import InstansiMitra, Layanan, PermohonanIntegrasi, PetugasMitra

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PASSPHRASE = "rahasia-tte-1"


def pdf_uji(nama: str = "pindaian.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, PDF, content_type="application/pdf")


def pastikan_katalog() -> None:
    """The catalogue of migration 0002 (a transactional test's flush empties it; reload it)."""
    from apps.pendaftaran.katalog import LAYANAN, isi_katalog, koreksi_katalog
    from apps.pendaftaran.models import Persyaratan, SebabLayanan

    if Layanan.objects.count() < len(LAYANAN):
        isi_katalog(Layanan, Persyaratan)
        koreksi_katalog(Layanan, Persyaratan, SebabLayanan)


def layanan(dokumen: str, alasan: str) -> Layanan:
    pastikan_katalog()
    return Layanan.objects.get(dokumen=dokumen, alasan=alasan)


def instansi_mitra(nama: str = "KUA Bugul Kidul") -> InstansiMitra:
    return InstansiMitra.objects.get_or_create(nama=nama, defaults={"jenis": InstansiMitra.Jenis.KUA})[0]


def jadikan_petugas_mitra(user, instansi: InstansiMitra) -> None:
    PetugasMitra.objects.update_or_create(pengguna=user, defaults={"instansi": instansi})
    if hasattr(user, "_instansi_mitra_id"):
        del user._instansi_mitra_id


def pastikan_keluarga(no_kk: str, nik: str, nama: str):
    """The family a KK request is about, in the register (a KK for a family not in the register
    cannot be signed), with the applicant as its head when he or she is not registered yet."""
    import datetime

    from apps.penduduk.models import Keluarga, Penduduk, Wilayah

    kel = Wilayah.objects.filter(tingkat="kelurahan").order_by("kode").first()
    keluarga = Keluarga.objects.filter(no_kk=no_kk).first() or Keluarga.objects.create(
        no_kk=no_kk, alamat="JL. HAYAM WURUK 1", rt="001", rw="002", kelurahan=kel
    )
    if not Penduduk.objects.filter(nik=nik).exists():
        kepala = Penduduk.objects.create(
            nik=nik, nama=nama, tempat_lahir="PASURUAN", tanggal_lahir=datetime.date(1990, 7, 1), jenis_kelamin="P",
            agama="islam", status_perkawinan="kawin", pekerjaan="WIRASWASTA", keluarga=keluarga, hubungan="kepala",
            alamat=keluarga.alamat, rt=keluarga.rt, rw=keluarga.rw, kelurahan=kel,
        )
        if keluarga.kepala_id is None:
            keluarga.kepala = kepala
            keluarga.save(update_fields=["kepala"])
    return keluarga


def buat_permohonan(model, *, status: str | None = None, layanan_=None, lengkap: bool = True, keluarga: bool = True, **kw):
    """A request created directly in ``status`` (the state field is protected once loaded). A KK
    request's family is put in the register unless ``keluarga=False``."""
    if layanan_ is None:
        layanan_ = {
            "permohonantanpaverifikasi": ("ktp_el", "rusak"),
            "permohonandenganverifikasi": ("kk", "hilang"),
            "permohonanintegrasi": ("kk", "perubahan_data"),
        }[model._meta.model_name]
        layanan_ = layanan(*layanan_)
    if model is PermohonanIntegrasi and "instansi" not in kw:
        kw["instansi"] = instansi_mitra()
    data = {"nik": "3575014107900003", "nama": "SITI AMINAH", "no_kk": "3575010101200001", "alamat": "Jl. Hayam Wuruk 1"}
    data.update(kw)
    if status is not None:
        data["status"] = status
    if lengkap:
        data.setdefault("berkas_persyaratan", {str(p.pk): None for p in layanan_.persyaratan.all() if p.wajib})
    if keluarga and layanan_.dokumen == "kk" and layanan_.alasan != "baru" and data.get("no_kk"):
        pastikan_keluarga(data["no_kk"], data["nik"], data["nama"])
    return model.objects.create(layanan=layanan_, **data)


def buat_pejabat(user, *, nip: str, direktori) -> None:
    """A signing official with a local PKCS#12 (passphrase ``PASSPHRASE``) in ``direktori``."""
    from apps.dokumen.models import Pejabat
    from apps.dokumen.tte.sertifikat import buat_p12_pejabat, muat_atau_buat_ca

    p = Pejabat.objects.create(user=user, nama=user.get_full_name() or user.username, nip=nip, jabatan="Kepala Bidang")
    ca_cert, ca_key, _ = muat_atau_buat_ca(direktori)
    buat_p12_pejabat(direktori, nama=p.nama, nip=p.nip, passphrase=PASSPHRASE, ca_cert=ca_cert, ca_key=ca_key)
