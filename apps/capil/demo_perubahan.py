"""Demo data of P.5.2–P.5.8 for ``make run``: a few deeds issued before the portal in the register
akta, and change requests on them in different states, moved by the demo account of each role
through the real forms and services. Idempotent: nothing is added once a change request exists."""

from __future__ import annotations

from datetime import date, timedelta

from django.forms import ModelForm
from django.utils import timezone

from apps.core.models import Lampiran
from apps.core.workflow import aksi_model, catat_pembuatan, jalankan_dari_form, kelas_form

from .models import PerubahanAkta, RegisterAkta
from .models.register import PENERBIT_SENDIRI

MALANG = "Dinas Kependudukan dan Pencatatan Sipil Kota Malang"


def _akun(kode):
    from .demo import _akun as akun

    return akun(kode)


def jalankan(objek: PerubahanAkta, nama: str, isian: dict | None = None) -> None:
    info = aksi_model(PerubahanAkta)[nama]
    kelas = kelas_form(info)
    kw = {"aksi": info, "objek": objek, "pengguna": _akun(info.peran[0])}
    if issubclass(kelas, ModelForm):
        kw["instance"] = objek
    form = kelas({"versi": objek.versi, **(isian or {})}, **kw)
    if not form.is_valid():
        raise ValueError(f"{nama}: {form.errors.as_text()}")
    jalankan_dari_form(objek=objek, info=info, pengguna=kw["pengguna"], form=form)
    objek.refresh_from_db()


def _permohonan(fo, **data) -> PerubahanAkta:
    """A request as the counter takes it in: its scans kept per requirement, the first timeline row."""
    from .demo import pindaian

    objek = PerubahanAkta.objects.create(dibuat_oleh=fo, **data)
    for r in objek.persyaratan_berlaku:
        if r["wajib"]:
            lampiran = Lampiran.simpan(objek=objek, berkas=pindaian(f"{r['kunci']}.pdf"), keterangan=r["nama"], oleh=fo)
            objek.berkas_persyaratan[r["kunci"]] = lampiran.pk
    objek.save(update_fields=["berkas_persyaratan"])
    catat_pembuatan(objek=objek, pengguna=fo, label="Permohonan diterima")
    return objek


def _register_lama() -> list[RegisterAkta]:
    data = [
        ("474.1/1021/1994", "akta_kelahiran", date(1994, 6, 2), PENERBIT_SENDIRI, "",
         [{"peran": "anak", "nama": "DIMAS ARYA SAPUTRA", "nik": ""}],
         {"nama": "DIMAS ARYA SAPUTRA", "tempat_lahir": "PASURUAN", "tanggal_lahir": "1994-06-01", "nama_ibu": "SRI WAHYUNI"}),
        ("AL.474.1/3317/1989", "akta_kelahiran", date(1989, 11, 20), MALANG, "dukcapil@malangkota.go.id",
         [{"peran": "anak", "nama": "RATNA DEWI ANGGRAENI", "nik": ""}],
         {"nama": "RATNA DEWI ANGGRAENI", "tempat_lahir": "MALANG", "tanggal_lahir": "1989-11-15"}),
        ("3575-KW-15022008-0012", "akta_perkawinan", date(2008, 2, 15), PENERBIT_SENDIRI, "",
         [{"peran": "suami", "nama": "HENDRA GUNAWAN", "nik": ""}, {"peran": "istri", "nama": "LINA MARLINA", "nik": ""}],
         {"tempat_perkawinan": "PASURUAN"}),
    ]
    return [RegisterAkta.objects.get_or_create(nomor_akta=nomor, defaults={
        "jenis_akta": jenis, "kode": "", "tanggal": tanggal, "penerbit": penerbit, "email_penerbit": email,
        "orang": orang, "data": {"rincian": isian}})[0] for nomor, jenis, tanggal, penerbit, email, orang, isian in data]


def isi_demo_perubahan(stdout) -> None:
    if PerubahanAkta.objects.exists():
        stdout.write("  Perubahan akta P.5.2–P.5.8 demo sudah ada; tidak diubah.\n")
        return
    fo = _akun("petugas_fo")
    if fo is None or _akun("kasi") is None or _akun("operator_siak") is None:
        stdout.write("  Akun demo belum ada; perubahan akta demo dilewati.\n")
        return
    lahir, lahir_malang, kawin = _register_lama()
    hari = timezone.localdate()
    pemohon = {"pemohon_nik": "3575014506700002", "pemohon_nama": "SRI WAHYUNI"}

    # P.5.4, just taken in at the counter.
    _permohonan(fo, jenis="pembetulan", nomor_akta=lahir.nomor_akta, **pemohon)

    # P.5.5, complete, waiting for the SIAK input.
    objek = _permohonan(fo, jenis="nama", nomor_akta=lahir.nomor_akta, nama_baru="DIMAS ARYA WIBOWO",
                        dasar_nomor="48/Pdt.P/2026/PN Psr", dasar_instansi="Pengadilan Negeri Pasuruan",
                        dasar_tanggal=hari - timedelta(days=45), dasar_tanggal_tetap=hari - timedelta(days=30), **pemohon)
    jalankan(objek, "periksa")

    # P.5.8 of a Kota Malang deed: the keabsahan letter is with the kadis for signing.
    objek = _permohonan(fo, jenis="kutipan_kedua", alasan_kutipan_kedua="hilang", nomor_akta=lahir_malang.nomor_akta,
                        pemohon_nik="3575015511890003", pemohon_nama="RATNA DEWI ANGGRAENI")
    jalankan(objek, "periksa")
    jalankan(objek, "minta_keabsahan", {"email_penerbit": lahir_malang.email_penerbit})

    # P.5.6 a batal akta, returned to the applicant for the ruling's legalised copy.
    objek = _permohonan(fo, jenis="pembatalan", jenis_pembatalan="akta", nomor_akta=kawin.nomor_akta,
                        dasar_nomor="112/Pdt.G/2026/PN Psr", dasar_instansi="Pengadilan Negeri Pasuruan",
                        dasar_tanggal=hari - timedelta(days=60), dasar_tanggal_tetap=hari - timedelta(days=40),
                        pemohon_nik="3575016002850004", pemohon_nama="LINA MARLINA")
    jalankan(objek, "kembalikan", {"catatan": "Salinan putusan belum dilegalisasi pengadilan."})

    # P.5.4 input, waiting for the kasi's field-by-field check.
    objek = _permohonan(fo, jenis="pembetulan", nomor_akta="474.1/2210/1998", pemohon_nik="3575011203980005",
                        pemohon_nama="AHMAD RIFAI")
    jalankan(objek, "periksa")
    jalankan(objek, "input_siak", {
        "nomor_siak": "SIAK-DEMO-5204", "nomor_akta": "474.1/2210/1998", "akta_jenis": "akta_kelahiran",
        "akta_tanggal": "1998-03-14", "akta_penerbit": PENERBIT_SENDIRI, "akta_orang": "anak = ACHMAD RIFAI",
        "akta_isian": "nama = ACHMAD RIFAI\ntempat_lahir = PASURUAN", "pembetulan": "nama = AHMAD RIFAI"})
    jalankan(objek, "ajukan_cetak")
    stdout.write(f"  Perubahan akta P.5.2–P.5.8: {PerubahanAkta.objects.count()} permohonan, "
                 f"{RegisterAkta.objects.filter(pencatatan=None).count()} akta lama di register.\n")
