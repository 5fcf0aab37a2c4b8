"""P.4.6 — services of the assisted moving-in: the ownership check with the surat pengantar to the
Dukcapil of origin drafted as an outgoing letter of P.1.2.1.1 (the kadis signs it by TTE, the tata
usaha numbers it and emails it), and the approval's consequences (register and follow-up requests),
each landing with its transition in one transaction."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from apps.core.workflow import AksiDitolak, catat_pembuatan, jalankan_form

UMUR_KTP = 17


def _umur(anggota: dict, pada: datetime.date) -> int:
    lahir = datetime.date.fromisoformat(anggota["tanggal_lahir"])
    return pada.year - lahir.year - ((pada.month, pada.day) < (lahir.month, lahir.day))


def masalah_kepemilikan(objek) -> list[str]:
    """What does not match between the filed documents and the register: the applicant must be on
    the family list, and nobody on it may already live in Kota Pasuruan (a second KK)."""
    from apps.penduduk.models import Penduduk

    masalah = []
    nik_anggota = [a.get("nik", "") for a in objek.anggota]
    if objek.nik not in nik_anggota:
        masalah.append("NIK pemohon tidak ada pada daftar anggota keluarga yang pindah.")
    if len(set(nik_anggota)) != len(nik_anggota):
        masalah.append("Ada NIK yang tercantum dua kali pada daftar anggota.")
    terdaftar = Penduduk.objects.filter(nik__in=nik_anggota, tanggal_pindah__isnull=True, status_hidup="hidup")
    for p in terdaftar.only("nik", "nama"):
        masalah.append(f"NIK {p.nik[:6]}…{p.nik[-4:]} sudah terdaftar sebagai penduduk Kota Pasuruan.")
    return masalah


def pindah_periksa(*, objek, pengguna, form):
    """The verifikator's check of ownership against the register; refused with the reasons when
    it does not hold (the verifikator then returns or refuses the request). When it holds, the
    surat pengantar is drafted as an outgoing letter (P.1.2.1.1, as the keabsahan letter of P.5.8)
    addressed to the Dukcapil of origin, with that office's address on file for the TU's email."""
    masalah = masalah_kepemilikan(objek)
    if masalah:
        raise AksiDitolak(" ".join(masalah))
    if not objek.kantor_asal.email:
        raise AksiDitolak("Alamat email Dukcapil asal belum tercatat.")
    with transaction.atomic():
        surat = surat_pengantar_buat(objek=objek, pengguna=pengguna)
        objek.surat_pengantar = surat
        return jalankan_form(objek=objek, pengguna=pengguna, form=form)


def isi_surat_pengantar(objek) -> list[str]:
    """The body of the surat pengantar: the applicant, the addresses and who moves."""
    anggota = "; ".join(f"{i}. {a.get('nama', '')} (NIK {a.get('nik', '')}, {a.get('hubungan', '')})"
                        for i, a in enumerate(objek.anggota, 1))
    return [
        "Bersama ini kami sampaikan permohonan pindah penduduk daerah Saudara yang akan berdomisili di Kota "
        f"Pasuruan atas nama {objek.nama}, NIK {objek.nik}, No. KK asal {objek.no_kk_asal}, alamat asal "
        f"{objek.alamat_asal}, alamat tujuan {objek.alamat_tujuan} RT {objek.rt}/RW {objek.rw}, "
        f"Kelurahan {objek.kelurahan.nama}, Kota Pasuruan.",
        f"Anggota keluarga yang pindah: {anggota}.",
        "Kepemilikan dokumen pemohon telah kami verifikasi. Mohon kiranya dapat diterbitkan Surat Keterangan "
        "Pindah WNI (SKPWNI) dan dikirimkan kepada kami. Atas kerja samanya kami sampaikan terima kasih.",
    ]


def surat_pengantar_buat(*, objek, pengguna):
    from apps.umum.services_keluar import buat_surat_keluar

    kantor = objek.kantor_asal
    surat = buat_surat_keluar(
        hal=f"Permohonan surat keterangan pindah a.n. {objek.nama}",
        kepada=f"Kepala {kantor.nama}\n{kantor.daerah}\n{kantor.email}",
        isi=isi_surat_pengantar(objek), pengguna=pengguna, asal_proses=f"P.4.6 · {objek.kode_lacak}",
    )
    # The office's address on file: the tata usaha's email step offers it (P.1.2.1.1.6).
    surat.email_tujuan = kantor.email
    surat.save(update_fields=["email_tujuan"])
    return surat


def _ambil_ke_register(objek, pengguna):
    """The family into the register (audited): a new KK with the No. KK SIAK issued, each person
    created or, when known from an earlier stay, brought back and moved onto it."""
    from apps.penduduk import services as register
    from apps.penduduk.models import Penduduk

    alasan = f"Pindah masuk {objek.kode_lacak} (SKPWNI {objek.nomor_skpwni})"
    alamat = {"alamat": objek.alamat_tujuan, "rt": objek.rt, "rw": objek.rw, "kelurahan": objek.kelurahan}
    keluarga = register.keluarga_buat(no_kk=objek.no_kk_baru, data={**alamat, "tanggal_terbit": timezone.localdate()},
                                      sebab=objek, oleh=pengguna, alasan=alasan)
    orang = []
    for a in objek.anggota:
        data = {
            "nama": a["nama"], "tempat_lahir": a.get("tempat_lahir", ""), "jenis_kelamin": a.get("jenis_kelamin", ""),
            "tanggal_lahir": datetime.date.fromisoformat(a["tanggal_lahir"]), "agama": a.get("agama", ""),
            "status_perkawinan": a.get("status_perkawinan", ""), "pekerjaan": a.get("pekerjaan", ""), **alamat,
        }
        p = Penduduk.objects.filter(nik=a["nik"]).first()
        if p is None:
            p = register.penduduk_buat(data={"nik": a["nik"], **data}, sebab=objek, oleh=pengguna, alasan=alasan)
        else:
            register.penduduk_ubah(penduduk=p, perubahan={**alamat, "tanggal_pindah": None}, sebab=objek,
                                   oleh=pengguna, alasan=alasan)
        register.keluarga_tambah_anggota(keluarga=keluarga, penduduk=p, hubungan=a["hubungan"], sebab=objek,
                                         oleh=pengguna, alasan=alasan)
        orang.append((a, p))
    return keluarga, orang


def _buka_lanjutan(objek, pengguna, orang) -> list[dict]:
    """The follow-up requests in the citizen's name, each its own P.4.1 request with the SKPWNI
    service of the catalogue: one KK, a KTP-el per person of 17 or over, a KIA per child."""
    from .models import Layanan
    from .services import model_untuk_layanan

    hari_ini = timezone.localdate()
    rencana = [("kk", objek.nik, objek.nama, None)]
    for a, p in orang:
        rencana.append(("ktp_el" if _umur(a, hari_ini) >= UMUR_KTP else "kia", p.nik, p.nama, p))
    dibuka = []
    for dokumen, nik, nama, penduduk in rencana:
        layanan = Layanan.objects.get(dokumen=dokumen, alasan="skpwni")
        model = model_untuk_layanan(layanan)
        baru = model(layanan=layanan, penduduk=penduduk, nik=nik, nama=nama, no_kk=objek.no_kk_baru,
                     alamat=f"{objek.alamat_tujuan} RT {objek.rt}/RW {objek.rw}", email=objek.email,
                     telepon=objek.telepon, dibuat_oleh=pengguna)
        baru.tenggat = baru.hitung_tenggat()
        baru.save()
        catat_pembuatan(objek=baru, pengguna=pengguna, label=f"Dibuka dari pindah masuk {objek.kode_lacak}")
        dibuka.append({"model": baru._meta.label_lower, "pk": baru.pk, "kode_lacak": baru.kode_lacak,
                       "dokumen": layanan.get_dokumen_display(), "nama": nama})
    for a, p in orang:
        if not a.get("punya_akta", True):
            dibuka.append(_buka_akta_kelahiran(objek, pengguna, p))
    return [d for d in dibuka if d]


def _buka_akta_kelahiran(objek, pengguna, penduduk) -> dict | None:
    """An akta kelahiran request (P.5.1) for a person who has none, reported by the applicant."""
    from apps.capil.models import PencatatanSipil

    baru = PencatatanSipil(jenis_peristiwa="kelahiran", pelapor_nik=objek.nik, pelapor_nama=objek.nama,
                           pelapor_hubungan="anggota keluarga", email=objek.email, pelapor_telepon=objek.telepon,
                           dibuat_oleh=pengguna)
    if hasattr(baru, "hitung_tenggat"):
        baru.tenggat = baru.hitung_tenggat()
    baru.save()
    catat_pembuatan(objek=baru, pengguna=pengguna,
                    label=f"Akta kelahiran {penduduk.nama} dibuka dari pindah masuk {objek.kode_lacak}")
    return {"model": baru._meta.label_lower, "pk": baru.pk, "kode_lacak": baru.kode_lacak,
            "dokumen": "Akta kelahiran", "nama": penduduk.nama}


def pindah_setujui(*, objek, pengguna, form):
    """The origin office approved: the SKPWNI is attached (the form's scan), the family taken into
    the register, and the follow-up requests opened, all or nothing."""
    with transaction.atomic():
        log = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        _, orang = _ambil_ke_register(objek, pengguna)
        objek.permohonan_lanjutan = _buka_lanjutan(objek, pengguna, orang)
        objek.save(update_fields=["permohonan_lanjutan"])
    return log


def pindah_konfirmasi_email(*, objek):
    """The applicant opened the signed link: the draft becomes a request in the verifikator's
    queue, logged as the system (as the kernel's automatic closing). Idempotent: a second click
    changes nothing."""
    from apps.core.tutup_otomatis import jalankan_sebagai_sistem

    from .models.pindah_masuk import PindahMasuk, StatusPindah

    with transaction.atomic():
        objek = PindahMasuk.objects.select_for_update().get(pk=objek.pk)
        if objek.status != StatusPindah.DRAF:
            return objek
        jalankan_sebagai_sistem(objek, "konfirmasi_email")
    return objek
