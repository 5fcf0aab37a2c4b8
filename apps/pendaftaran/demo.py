"""Demo data of P.4.1 for ``make run``: partners and a handful of requests in various states.

Every request is made the way the portal makes them (intake service, then each role's action as
the demo account of that role), so queues, timelines, documents and the status page all show.
Idempotent: nothing is added once demo requests exist.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import ModelForm

from apps.core.peta import teks_kode
from apps.core.workflow import aksi_model, jalankan_dari_form, kelas_form
from apps.penduduk.models import Penduduk

from .katalog import LAYANAN, isi_katalog
from .models import (
    InstansiMitra,
    Layanan,
    PermohonanDenganVerifikasi,
    PermohonanIntegrasi,
    PermohonanTanpaVerifikasi,
    Persyaratan,
    PetugasMitra,
)
from .services import permohonan_ajukan

_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

MITRA = [
    ("KUA Bugul Kidul", InstansiMitra.Jenis.KUA),
    ("KUA Gadingrejo", InstansiMitra.Jenis.KUA),
    ("Pengadilan Agama Pasuruan", InstansiMitra.Jenis.PA),
    ("RSUD dr. R. Soedarsono", InstansiMitra.Jenis.RS),
    ("Kecamatan Panggungrejo", InstansiMitra.Jenis.KECAMATAN),
]

# (document, reason, via partner, number of requirements brought, actions after intake)
CONTOH = [
    ("ktp_el", "rusak", False, None, []),
    ("kk", "hilang", False, 1, [("kembalikan", {"catatan": "Bawa KTP-el kepala keluarga."})]),
    ("kia", "baru", False, None, [("berkas_lengkap", {}), ("input_siak", {"referensi_siak": "SIAK-DEMO-0001"})]),
    ("kk", "perubahan_data", False, None, [
        ("berkas_lengkap", {}),
        ("input_siak", {"referensi_siak": "SIAK-DEMO-0002", "ubah_nik_1": "{nik}", "ubah_kolom_1": "pendidikan",
                        "ubah_nilai_1": "Diploma IV/Strata I"}),
        ("verifikasi", {}),
    ]),
    ("ktp_el", "hilang", False, None, [("berkas_lengkap", {}), ("cetak", {}), ("cetakan_bagus", {})]),
    ("ktp_el", "skpwni", False, None, [
        ("berkas_lengkap", {}), ("cetak", {}), ("cetakan_rusak", {"catatan": "Foto buram."}), ("cetak", {}),
        ("cetakan_bagus", {}), ("serahkan", {"penerima": ""}),
    ]),
    ("kk", "perubahan_data", True, None, [
        ("berkas_lengkap", {}), ("minta_perbaikan", {"catatan": "Pindaian buku nikah terpotong; unggah ulang halaman 2."}),
    ]),
]


def _pdf():
    return SimpleUploadedFile("pindaian-demo.pdf", _PDF, content_type="application/pdf")


def _akun(kode):
    return get_user_model().objects.filter(username=kode, groups__name=kode).first()


def _aksi(objek, nama, data):
    info = aksi_model(type(objek))[nama]
    user = _akun(info.peran[0])
    if user is None:
        return False
    data = {k: v.format(nik=objek.nik) if isinstance(v, str) else v for k, v in data.items()}
    if nama == "serahkan" and not data.get("penerima"):
        data = {**data, "penerima": objek.penerima_awal() or objek.nama}
    cls = kelas_form(info)
    extra = {"instance": objek} if issubclass(cls, ModelForm) else {}  # as the action view does
    form = cls({"versi": objek.versi, **data}, aksi=info, objek=objek, pengguna=user, **extra)
    if not form.is_valid():
        raise ValueError(f"{nama}: {form.errors.as_text()}")
    jalankan_dari_form(objek=objek, info=info, pengguna=user, form=form)
    return True


def isi_demo(stdout) -> None:
    if Layanan.objects.count() < len(LAYANAN):
        isi_katalog(Layanan, Persyaratan)
    for nama, jenis in MITRA:
        InstansiMitra.objects.get_or_create(nama=nama, defaults={"jenis": jenis})
    mitra = _akun("petugas_integrasi")
    if mitra is not None and not PetugasMitra.objects.filter(pengguna=mitra).exists():
        PetugasMitra.objects.create(pengguna=mitra, instansi=InstansiMitra.objects.get(nama="KUA Bugul Kidul"))

    if any(m.objects.exists() for m in (PermohonanTanpaVerifikasi, PermohonanDenganVerifikasi, PermohonanIntegrasi)):
        stdout.write("  Permohonan P.4.1 demo sudah ada; tidak diubah.\n")
        return
    fo = _akun("petugas_fo")
    if fo is None:
        stdout.write("  Akun demo petugas_fo tidak ada; permohonan P.4.1 demo dilewati.\n")
        return
    orang = list(Penduduk.objects.select_related("keluarga").order_by("nik")[: len(CONTOH)])
    for i, (dokumen, alasan, integrasi, jumlah, langkah) in enumerate(CONTOH):
        if integrasi and mitra is None:
            continue
        layanan = Layanan.objects.get(dokumen=dokumen, alasan=alasan)
        syarat = [p for p in layanan.persyaratan.all() if p.wajib][:jumlah]
        p = orang[i] if i < len(orang) else None
        if dokumen == "kia":
            # A KIA is for a child (under 17; under 5 needs no photo): take the youngest child.
            p = Penduduk.objects.select_related("keluarga").filter(hubungan="anak", status_hidup="hidup").order_by("-tanggal_lahir").first() or p
        data = {
            "nik": p.nik if p else f"35750141079000{i + 10:02d}",
            "nama": p.nama if p else f"WARGA DEMO {i + 1}",
            "no_kk": p.keluarga.no_kk if p and p.keluarga_id else "",
            "alamat": p.alamat if p else "Jl. Pahlawan 1, Kota Pasuruan",
            "email": "warga.demo@example.id" if dokumen != "ktp_el" else "",
            "telepon": "081234567890",
        }
        objek = permohonan_ajukan(
            layanan=layanan, data=data, berkas=[(s, _pdf()) for s in syarat], oleh=mitra if integrasi else fo,
            integrasi=integrasi,
        )
        for nama, isian in langkah:
            if not _aksi(objek, nama, dict(isian)):
                break
        stdout.write(f"  {teks_kode(objek)} {layanan.nama}: {objek.kode_lacak} PIN {objek.pin} — {objek.status_label}\n")
