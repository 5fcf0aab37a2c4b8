"""Demo data of P.1.2.1.2 and P.1.2.2 for ``make run``: a few incoming letters, one in each
part of the flow (waiting for the kadis, at the secretary, out with the caraka, delivered and
followed up, filed in the archive). Idempotent: nothing is added when the letters exist.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.core.workflow import jalankan_aksi

from .models import KlasifikasiArsip, SuratMasuk
from .services import disposisi_terima, surat_masuk_arsipkan, surat_masuk_catat, surat_masuk_disposisikan

PERAN_DEMO = ("tata_usaha", "kadis", "sekretaris", "caraka", "kabid", "kasi")


def pdf_contoh(*baris: str) -> bytes:
    """A small one-page PDF with the given lines (a stand-in for a scanned letter)."""

    def aman(teks: str) -> str:
        return teks.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    isi = "BT /F1 12 Tf 72 790 Td 18 TL " + " ".join(f"({aman(b)}) '" for b in baris) + " ET"
    objek = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(isi.encode('latin-1', 'replace'))} >>\nstream\n{isi}\nendstream",
    ]
    hasil = b"%PDF-1.4\n"
    posisi = []
    for i, o in enumerate(objek, 1):
        posisi.append(len(hasil))
        hasil += f"{i} 0 obj\n{o}\nendobj\n".encode("latin-1", "replace")
    xref = len(hasil)
    hasil += f"xref\n0 {len(objek) + 1}\n0000000000 65535 f \n".encode()
    hasil += b"".join(f"{p:010d} 00000 n \n".encode() for p in posisi)
    hasil += f"trailer\n<< /Size {len(objek) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return hasil


def _pindaian(surat: dict) -> SimpleUploadedFile:
    baris = [surat["pengirim"], f"Nomor: {surat['nomor_surat'] or '-'}", f"Perihal: {surat['perihal']}",
             "", "Contoh pindaian surat untuk data demo portal."]
    return SimpleUploadedFile("pindaian.pdf", pdf_contoh(*baris), content_type="application/pdf")


def _akun():
    User = get_user_model()
    akun = {}
    for kode in PERAN_DEMO:
        akun[kode] = (
            User.objects.filter(username=kode, groups__name=kode).first()
            or User.objects.filter(groups__name=kode, is_active=True).order_by("pk").first()
        )
    return akun


def isi_demo(stdout) -> None:
    from .demo_p1 import isi_demo_p1

    isi_demo_p1(stdout)  # outgoing letters, assets and staff requests: idempotent on their own
    hari_ini = timezone.localdate()
    surat = [
        dict(asal="opd", pengirim="Dinas Kesehatan Kota Pasuruan", nomor_surat="400.7/1021/423.104/2026",
             tanggal_surat=hari_ini - timedelta(days=2), perihal="Undangan rapat koordinasi pencocokan data kematian",
             sifat="penting"),
        dict(asal="opd", pengirim="Kecamatan Bugul Kidul", nomor_surat="400.12/233/423.501/2026",
             tanggal_surat=hari_ini - timedelta(days=4), perihal="Permohonan jemput bola perekaman KTP-el warga lansia",
             sifat="segera"),
        dict(asal="masyarakat", pengirim="Suyanto, warga Kelurahan Pekuncen", nomor_surat="",
             tanggal_surat=hari_ini - timedelta(days=6), perihal="Permohonan perbaikan data kartu keluarga",
             sifat="biasa"),
        dict(asal="lembaga", pengirim="Ditjen Dukcapil Kemendagri", nomor_surat="400.12.4/5512/Dukcapil",
             tanggal_surat=hari_ini - timedelta(days=12), perihal="Pemutakhiran data konsolidasi semester II",
             sifat="segera"),
        dict(asal="opd", pengirim="BKD Kota Pasuruan", nomor_surat="800.1.11/311/423.302/2026",
             tanggal_surat=hari_ini - timedelta(days=20), perihal="Edaran penggunaan aplikasi presensi pegawai",
             sifat="biasa"),
    ]
    if SuratMasuk.objects.filter(pengirim=surat[0]["pengirim"], nomor_surat=surat[0]["nomor_surat"]).exists():
        stdout.write("  Surat masuk demo sudah ada.")
        return
    akun = _akun()
    kurang = [k for k, u in akun.items() if u is None]
    if kurang:
        stdout.write(f"  Surat masuk demo dilewati: belum ada akun untuk {', '.join(kurang)}.")
        return
    tu, kadis, sekretaris, caraka = akun["tata_usaha"], akun["kadis"], akun["sekretaris"], akun["caraka"]

    dicatat = []
    for i, data in enumerate(surat):
        data = {**data, "tanggal_diterima": min(hari_ini, data["tanggal_surat"] + timedelta(days=1 + i % 2))}
        dicatat.append(surat_masuk_catat(data=data, pindaian=_pindaian(data), pengguna=tu))
    menunggu_kadis, di_sekretaris, diantar, tersampaikan, diarsipkan = dicatat

    def disposisikan(s, jabatan, orang=(), instruksi=("tindak_lanjuti",), hari=5, catatan=""):
        surat_masuk_disposisikan(surat=s, pengguna=kadis, instruksi=list(instruksi), tujuan_jabatan=jabatan,
                                 tujuan_pengguna=list(orang), batas_waktu=hari_ini + timedelta(days=hari),
                                 catatan=catatan)

    def antar(s):
        jalankan_aksi(objek=s, aksi="teruskan", pengguna=sekretaris)
        jalankan_aksi(objek=s, aksi="serahkan_caraka", pengguna=tu)

    disposisikan(di_sekretaris, ["kabid", "bidang_teknis"], instruksi=("koordinasikan", "siapkan_jawaban"))

    disposisikan(diantar, ["kabid"], [akun["kasi"]], instruksi=("pelajari_laporkan",), hari=3)
    antar(diantar)
    pertama = diantar.disposisi.order_by("pk").first()
    disposisi_terima(disposisi=pertama, pengguna=caraka, diterima_oleh="Staf Bidang Pendaftaran")

    disposisikan(tersampaikan, ["kabid", "sekretaris"], instruksi=("tindak_lanjuti", "hadiri"), hari=2,
                 catatan="Segera, tenggat dari pusat.")
    antar(tersampaikan)
    for d in tersampaikan.disposisi.order_by("pk"):
        disposisi_terima(disposisi=d, pengguna=caraka, diterima_oleh=d.tujuan_label)
    tindak = tersampaikan.disposisi.get(jabatan="sekretaris")
    jalankan_aksi(objek=tindak, aksi="tindak_lanjuti", pengguna=sekretaris,
                  catatan="Data dikirim lewat aplikasi konsolidasi.",
                  data={"hasil_tindak_lanjut": "Data dikirim lewat aplikasi konsolidasi."})

    disposisikan(diarsipkan, ["tata_usaha"], instruksi=("untuk_diketahui", "arsipkan"))
    antar(diarsipkan)
    for d in diarsipkan.disposisi.all():
        disposisi_terima(disposisi=d, pengguna=caraka, diterima_oleh=d.tujuan_label)
    diarsipkan.refresh_from_db()
    kode = KlasifikasiArsip.objects.filter(kode="000.1").first()
    if kode:
        surat_masuk_arsipkan(surat=diarsipkan, pengguna=tu, klasifikasi=kode, lemari="A", laci="1",
                             map="Edaran OPD 2026")
    stdout.write(f"  Surat masuk demo: {len(dicatat)} surat (agenda {dicatat[0].agenda} s.d. {dicatat[-1].agenda}).")
