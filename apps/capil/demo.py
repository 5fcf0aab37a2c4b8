"""Demo data of P.5.1 for ``make run``: a few civil-registry reports in different states.

Each report is taken in through the intake service and moved by the actions of the demo account
of each role (the kernel's ``jalankan_dari_form``), so queues, timelines, documents and the
status page all show. People come from the demo register (apps/penduduk/demo.py). Idempotent:
nothing is added once reports exist. The builders are reused by capil's tests.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import ModelForm
from django.utils import timezone

from apps.core.models import Urutan
from apps.core.workflow import aksi_model, jalankan_dari_form, kelas_form
from apps.penduduk.models import Hubungan, JenisKelamin, Penduduk

from . import aturan
from .models import JenisPeristiwa, Kelahiran, Kematian, LahirMati, PencatatanSipil, Perceraian, Perkawinan
from .nomor import nomor_akta_format
from .services import pencatatan_buat
from .syarat import syarat_untuk

_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


# -- stand-ins for SIAK, for demo data and tests only --------------------------------------------
# In production the operator types the numbers SIAK gave (DOMAIN.md "Numbers"); the demo has no SIAK.
def nomor_akta_demo(pencatatan: PencatatanSipil) -> str:
    """A nomor akta in the configured pattern, serial per type code and year (demo only)."""
    hari = timezone.localdate()
    kode = aturan.kode_akta(pencatatan.kode_jenis_akta)
    return nomor_akta_format(kode=kode, tanggal=hari, urut=Urutan.berikutnya(f"demo-akta:{kode}", hari.year))


def nik_demo(*, kode_kecamatan: str, tanggal_lahir: date, jenis_kelamin: str) -> str:
    """A NIK as SIAK would form it (region, birth date +40 for girls, next serial) — demo only."""
    hari = tanggal_lahir.day + (40 if jenis_kelamin == JenisKelamin.PEREMPUAN else 0)
    awalan = f"{kode_kecamatan}{hari:02d}{tanggal_lahir:%m%y}"
    dipakai = set(Penduduk.objects.filter(nik__startswith=awalan).values_list("nik", flat=True))
    dipakai |= set(Kelahiran.objects.filter(nik_anak__startswith=awalan).values_list("nik_anak", flat=True))
    urut = 1
    while f"{awalan}{urut:04d}" in dipakai:
        urut += 1
    return f"{awalan}{urut:04d}"


def nomor_siak_demo(pencatatan: PencatatanSipil) -> dict:
    """What the operator would type from SIAK at ``input_siak``: the numbers of the event."""
    isian = {"nomor_siak": f"SIAK-DEMO-{pencatatan.pk:04d}"}
    if pencatatan.menerbitkan_akta:
        isian["nomor_akta"] = pencatatan.nomor_akta or nomor_akta_demo(pencatatan)
    if pencatatan.jenis_peristiwa == JenisPeristiwa.KELAHIRAN:
        r = pencatatan.rincian
        isian["nik_anak"] = r.nik_anak or nik_demo(kode_kecamatan=r.keluarga.kelurahan.induk.kode_angka,
                                                   tanggal_lahir=r.tanggal_lahir, jenis_kelamin=r.jenis_kelamin)
    return isian


def pindaian(nama: str = "pindaian.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, _PDF, content_type="application/pdf")


def _umum(jenis: str, pelapor: Penduduk | None = None, *, hubungan: str = "Ayah kandung") -> PencatatanSipil:
    return PencatatanSipil(
        jenis_peristiwa=jenis,
        pelapor_nik=pelapor.nik if pelapor else "3575010205900001",
        pelapor_nama=pelapor.nama if pelapor else "BUDI SANTOSO",
        pelapor_hubungan=hubungan, pelapor_telepon="081234567890", email="warga.demo@example.id",
        saksi1_nik="3575010101800001", saksi1_nama="AHMAD FAUZI",
        saksi2_nik="3575010101800002", saksi2_nama="DEWI LESTARI",
    )


def _buat(jenis: str, rincian, *, oleh, lengkap: bool = True, pelapor=None, hubungan="Ayah kandung"):
    daftar = syarat_untuk(jenis, rincian)
    berkas = [(s, pindaian()) for s in (daftar if lengkap else daftar[:2])]
    return pencatatan_buat(pencatatan=_umum(jenis, pelapor, hubungan=hubungan), rincian=rincian, berkas=berkas,
                           oleh=oleh)


def pelaporan_kelahiran(*, oleh, keluarga, ayah, ibu, tanggal_lahir: date | None = None, nama_anak="ANISA PUTRI",
                        jenis_kelamin=JenisKelamin.PEREMPUAN, lengkap=True,
                        perkawinan_orang_tua: str = "") -> PencatatanSipil:
    rincian = Kelahiran(
        nama_anak=nama_anak, jenis_kelamin=jenis_kelamin,
        perkawinan_orang_tua=perkawinan_orang_tua or ("tercatat" if ayah else "tanpa_ayah"),
        tanggal_lahir=tanggal_lahir or timezone.localdate() - timedelta(days=10), waktu_lahir=time(8, 30),
        tempat_dilahirkan="rs", nama_tempat="RSUD dr. R. Soedarsono", tempat_lahir="Pasuruan",
        jenis_kelahiran="tunggal", kelahiran_ke=1, penolong="dokter", berat_gram=3100, panjang_cm=49,
        keluarga=keluarga, ibu=ibu, ibu_nik=ibu.nik, ibu_nama=ibu.nama,
        ayah=ayah, ayah_nik=ayah.nik if ayah else "", ayah_nama=ayah.nama if ayah else "",
    )
    return _buat(JenisPeristiwa.KELAHIRAN, rincian, oleh=oleh, lengkap=lengkap, pelapor=ayah or ibu,
                 hubungan="Ayah kandung" if ayah else "Ibu kandung")


def pelaporan_lahir_mati(*, oleh, keluarga, ayah, ibu) -> PencatatanSipil:
    rincian = LahirMati(
        jenis_kelamin=JenisKelamin.LAKI_LAKI, tanggal_lahir=timezone.localdate() - timedelta(days=4),
        waktu_lahir=time(2, 10), tempat_dilahirkan="rs", nama_tempat="RSUD dr. R. Soedarsono", tempat_lahir="Pasuruan",
        jenis_kelahiran="tunggal", kelahiran_ke=2, penolong="dokter", lama_kandungan_minggu=32, sebab="Gawat janin",
        yang_menerangkan="dokter", keluarga=keluarga, ibu=ibu, ibu_nik=ibu.nik, ibu_nama=ibu.nama,
        ayah=ayah, ayah_nik=ayah.nik if ayah else "", ayah_nama=ayah.nama if ayah else "",
    )
    return _buat(JenisPeristiwa.LAHIR_MATI, rincian, oleh=oleh, pelapor=ayah or ibu,
                 hubungan="Ayah kandung" if ayah else "Ibu kandung")


def pelaporan_kematian(*, oleh, jenazah, tanggal_kematian: date | None = None, pelapor=None) -> PencatatanSipil:
    tanggal = tanggal_kematian or timezone.localdate() - timedelta(days=3)
    rincian = Kematian(
        jenazah=jenazah, jenazah_nik=jenazah.nik, jenazah_nama=jenazah.nama, tanggal_kematian=tanggal,
        waktu_kematian=time(4, 15), tempat_kematian="RSUD dr. R. Soedarsono", sebab_kematian="sakit",
        yang_menerangkan="dokter", nomor_surat_keterangan="445/123/RSUD/2026", tanggal_surat_keterangan=tanggal,
    )
    return _buat(JenisPeristiwa.KEMATIAN, rincian, oleh=oleh, pelapor=pelapor, hubungan="Anak kandung")


def _pasangan() -> dict:
    # Non-residents: their names are typed as on their KTP-el (NIKs of another kab/kota).
    return {"suami_nik": "3514012303950001", "suami_nama": "YOHANES KRISTIANTO",
            "istri_nik": "3514015808970002", "istri_nama": "MARIA KURNIAWATI"}


def pelaporan_perkawinan(*, oleh) -> PencatatanSipil:
    rincian = Perkawinan(
        **_pasangan(), tanggal_perkawinan=timezone.localdate() - timedelta(days=5), tempat_perkawinan="Kota Pasuruan",
        agama="kristen", nama_pemuka_agama="Pdt. Samuel Wibowo", organisasi="GKJW Jemaat Pasuruan",
        nomor_surat_perkawinan="12/GKJW-PSR/XI/2026",
    )
    return _buat(JenisPeristiwa.PERKAWINAN, rincian, oleh=oleh, hubungan="Suami")


def pelaporan_perceraian(*, oleh, badan_peradilan: str = "PN", pasangan: dict | None = None) -> PencatatanSipil:
    """A divorce on a Pengadilan Negeri ruling (an akta perceraian), or with ``badan_peradilan="PA"``
    a Pengadilan Agama's akta cerai taken in as a register update."""
    hari_ini = timezone.localdate()
    pa = badan_peradilan == "PA"
    rincian = Perceraian(
        **(pasangan or _pasangan()), nomor_akta_perkawinan="3575-KW-14022019-0003", badan_peradilan=badan_peradilan,
        nama_pengadilan="Pengadilan Agama Bangil" if pa else "Pengadilan Negeri Pasuruan",
        nomor_putusan=f"{412 if pa else 45}/Pdt.G/{hari_ini:%Y}/{'PA.Bgl' if pa else 'PN Psr'}",
        tanggal_putusan=hari_ini - timedelta(days=40), tanggal_inkracht=hari_ini - timedelta(days=20),
    )
    return _buat(JenisPeristiwa.PERCERAIAN, rincian, oleh=oleh, hubungan="Istri")


# -- moving the demo reports along, as the demo account of each role ------------------------------
def _akun(kode):
    return get_user_model().objects.filter(username=kode, groups__name=kode).first()


def jalankan(objek: PencatatanSipil, nama: str, isian: dict | None = None) -> None:
    """Take action ``nama`` as the demo account of its role, through its form and service."""
    info = aksi_model(PencatatanSipil)[nama]
    kelas = kelas_form(info)
    kw = {"aksi": info, "objek": objek, "pengguna": _akun(info.peran[0])}
    if issubclass(kelas, ModelForm):
        kw["instance"] = objek
    isian = dict(isian or {})
    if nama == "input_siak":
        isian = {**kelas(**kw).isian_awal(), **nomor_siak_demo(objek), **isian}
    form = kelas({"versi": objek.versi, **isian}, **kw)
    if not form.is_valid():
        raise ValueError(f"{nama}: {form.errors.as_text()}")
    jalankan_dari_form(objek=objek, info=info, pengguna=kw["pengguna"], form=form)


SIAK = {"nomor_siak": "SIAK-DEMO-5101"}


def isi_demo(stdout) -> None:
    from .demo_perubahan import isi_demo_perubahan

    isi_demo_perubahan(stdout)  # P.5.2–P.5.8: its own idempotence, also on a database with P.5.1 demo data
    if PencatatanSipil.objects.exists():
        stdout.write("  Pencatatan sipil P.5.1 demo sudah ada; tidak diubah.\n")
        return
    fo = _akun("petugas_fo")
    keluarga = [
        (p.keluarga, p, istri)
        for p in Penduduk.objects.filter(hubungan=Hubungan.KEPALA, jenis_kelamin=JenisKelamin.LAKI_LAKI,
                                         status_hidup=Penduduk.StatusHidup.HIDUP).select_related("keluarga").order_by("nik")[:20]
        for istri in [p.keluarga.anggota.filter(hubungan=Hubungan.ISTRI).first()] if istri is not None
    ]
    if fo is None or len(keluarga) < 3:
        stdout.write("  Akun petugas_fo atau register demo belum ada; pencatatan sipil demo dilewati.\n")
        return
    hasil = []

    (kk, ayah, ibu) = keluarga[0]
    hasil.append(pelaporan_kelahiran(oleh=fo, keluarga=kk, ayah=ayah, ibu=ibu, nama_anak="RAFA ADITYA PRATAMA",
                                     jenis_kelamin=JenisKelamin.LAKI_LAKI))

    (kk, ayah, ibu) = keluarga[1]
    objek = pelaporan_kelahiran(oleh=fo, keluarga=kk, ayah=ayah, ibu=ibu, nama_anak="NAYLA ZAHRA", lengkap=False)
    jalankan(objek, "kembalikan", {"catatan": "Surat keterangan kelahiran dari rumah sakit belum dibawa."})
    hasil.append(objek)

    (kk, ayah, ibu) = keluarga[2]
    objek = pelaporan_kelahiran(oleh=fo, keluarga=kk, ayah=ayah, ibu=ibu, nama_anak="KEISHA AULIA",
                                tanggal_lahir=timezone.localdate() - timedelta(days=95))
    for nama, isian in [("periksa", {}), ("input_siak", SIAK), ("ajukan_cetak", {}), ("verifikasi_kasi", {}),
                        ("verifikasi_kabid", {})]:
        jalankan(objek, nama, isian)
    hasil.append(objek)

    lansia = Penduduk.objects.filter(status_hidup=Penduduk.StatusHidup.HIDUP, tanggal_lahir__lt=date(1950, 1, 1)) \
        .exclude(keluarga=None).order_by("tanggal_lahir").first()
    if lansia is not None:
        objek = pelaporan_kematian(oleh=fo, jenazah=lansia, pelapor=keluarga[0][1])
        for nama in ("periksa", "input_siak", "ajukan_cetak"):
            jalankan(objek, nama, SIAK if nama == "input_siak" else {})
        hasil.append(objek)

    objek = pelaporan_perkawinan(oleh=fo)
    jalankan(objek, "periksa")
    hasil.append(objek)

    objek = pelaporan_perceraian(oleh=fo)
    for nama in ("periksa", "input_siak"):
        jalankan(objek, nama, SIAK if nama == "input_siak" else {})
    hasil.append(objek)

    # A Pengadilan Agama's akta cerai, waiting for the kasi's register update (no deed issued).
    objek = pelaporan_perceraian(oleh=fo, badan_peradilan="PA", pasangan={
        "suami_nik": "3514010506880003", "suami_nama": "MOCH. RIZAL", "istri_nik": "3514014409900004",
        "istri_nama": "NUR HIDAYAH"})
    for nama in ("periksa", "input_siak"):
        jalankan(objek, nama, SIAK if nama == "input_siak" else {})
    hasil.append(objek)

    # A stillbirth: recorded, and a Surat Keterangan Lahir Mati will be signed (no akta).
    (kk, ayah, ibu) = keluarga[1]
    objek = pelaporan_lahir_mati(oleh=fo, keluarga=kk, ayah=ayah, ibu=ibu)
    jalankan(objek, "periksa")
    hasil.append(objek)

    # A report refused at the counter, with the reason the reporter reads on the status page.
    (kk, ayah, ibu) = keluarga[0]
    objek = pelaporan_kelahiran(oleh=fo, keluarga=kk, ayah=ayah, ibu=ibu, nama_anak="BAYI SALAH DATA", lengkap=False)
    jalankan(objek, "tolak", {"catatan": "Surat keterangan kelahiran atas nama anak lain; pelapor diminta melapor ulang."})
    hasil.append(objek)

    for objek in hasil:
        stdout.write(f"  P.5.1 {objek.ringkasan}: {objek.kode_lacak} PIN {objek.pin} — {objek.status_label}\n")
