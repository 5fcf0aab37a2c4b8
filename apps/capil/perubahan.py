"""Services of P.5.2–P.5.8: the existing deed taken into the register, the keabsahan letter
(P.5.8), and the TTE with its consequences — catatan pinggir, register changes (audited), the
documents of each kind, and the earlier kutipan of the deed marked superseded."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from apps.core.models import Lampiran
from apps.core.workflow import AksiDitolak, catat_pembuatan, jalankan_form
from apps.penduduk.models import Penduduk

from .models import CatatanPinggir, JenisPerubahan, PencatatanSipil, PerubahanAkta, RegisterAkta
from .models.register import PENERBIT_SENDIRI

# Document types of these processes (registered in apps.py).
DOKUMEN_PERUBAHAN = [
    ("kutipan_akta_catatan_pinggir", "Kutipan Akta Pencatatan Sipil (dengan catatan pinggir)"),
    ("register_akta_catatan_pinggir", "Register Akta Pencatatan Sipil (dengan catatan pinggir)"),
    ("surat_keterangan_batal_kawin", "Surat Keterangan Pembatalan Perkawinan"),
    ("surat_keterangan_batal_cerai", "Surat Keterangan Pembatalan Perceraian"),
    ("surat_keterangan_batal_pencatatan", "Surat Keterangan Pembatalan Akta Pencatatan Sipil"),
    ("kutipan_ii_akta_perkawinan", "Kutipan II Akta Perkawinan"),
    ("akta_pengakuan_anak", "Kutipan Akta Pengakuan Anak"),
    ("akta_pengesahan_anak", "Kutipan Akta Pengesahan Anak"),
    ("kutipan_kedua", "Kutipan Kedua Akta Pencatatan Sipil"),
]
KUTIPAN = {"kutipan_akta_catatan_pinggir", "kutipan_ii_akta_perkawinan", "kutipan_kedua"}

JENIS_CATATAN = {
    JenisPerubahan.KEWARGANEGARAAN: "Perubahan kewarganegaraan", JenisPerubahan.PERISTIWA_LAIN: "Peristiwa penting lainnya",
    JenisPerubahan.PEMBETULAN: "Pembetulan", JenisPerubahan.NAMA: "Perubahan nama", JenisPerubahan.PEMBATALAN: "Pembatalan",
    JenisPerubahan.ANAK: "Pengangkatan/pengakuan/pengesahan anak",
}


# -- the register of deeds -------------------------------------------------------------------------
def register_akta_baca_orang(teks: str) -> list[dict]:
    """``peran = nama; NIK`` lines as the register keeps them."""
    orang = []
    for i, baris in enumerate((teks or "").splitlines(), 1):
        if not baris.strip():
            continue
        if "=" not in baris:
            raise ValidationError({"akta_orang": f"Baris {i} harus berbentuk peran = nama; NIK."})
        peran, sisa = (x.strip() for x in baris.split("=", 1))
        nama, _, nik = (x.strip() for x in sisa.partition(";"))
        if nik and not (nik.isdigit() and len(nik) == 16):
            raise ValidationError({"akta_orang": f"Baris {i}: NIK harus 16 angka."})
        orang.append({"peran": peran, "nama": nama.upper(), "nik": nik})
    return orang


def register_akta_duplikat(*, nomor: str, jenis: str, orang: list[dict]) -> RegisterAkta | None:
    """A deed already in the register by its number, or of the same type naming the same persons."""
    ada = RegisterAkta.objects.filter(nomor_akta__iexact=nomor.strip()).first()
    if ada is not None:
        return ada
    nik = {o["nik"] for o in orang if o.get("nik")}
    if not nik:
        return None
    for reg in RegisterAkta.objects.filter(jenis_akta=jenis).only("pk", "nomor_akta", "jenis_akta", "orang", "data"):
        if nik <= reg.nik_tercantum():
            return reg
    return None


def register_akta_masukkan(*, nomor: str, jenis_akta: str, tanggal, penerbit: str, email_penerbit: str,
                           orang: list[dict], isian: dict, pindaian, oleh, sebab) -> RegisterAkta:
    """An existing deed taken into the register at a P.5.2–P.5.8 input (duplicate-checked)."""
    if register_akta_duplikat(nomor=nomor, jenis=jenis_akta, orang=orang):
        raise AksiDitolak(f"Akta {nomor} (atau akta dengan orang yang sama) sudah ada di register.")
    reg = RegisterAkta.objects.create(
        nomor_akta=nomor.strip(), jenis_akta=jenis_akta, kode="", tanggal=tanggal, penerbit=penerbit or PENERBIT_SENDIRI,
        email_penerbit=email_penerbit or "", orang=orang, data={"rincian": isian},
    )
    reg.penduduk.set(Penduduk.objects.filter(nik__in=[o["nik"] for o in orang if o.get("nik")]))
    if pindaian:
        reg.pindaian = Lampiran.simpan(objek=sebab, berkas=pindaian, keterangan=f"Pindaian akta {reg.nomor_akta}", oleh=oleh)
        reg.save(update_fields=["pindaian"])
    return reg


# -- steps ---------------------------------------------------------------------------------------
def perubahan_input(*, objek: PerubahanAkta, pengguna, form):
    """Input SIAK: the existing deed enters the register (when new), then the transition."""
    with transaction.atomic():
        baru = getattr(form, "register_baru", None)
        if baru:
            objek.register = register_akta_masukkan(nomor=form.cleaned_data["nomor_akta"], oleh=pengguna, sebab=objek, **baru)
        return jalankan_form(objek=objek, pengguna=pengguna, form=form)


def perubahan_minta_keabsahan(*, objek: PerubahanAkta, pengguna, form):
    """P.5.8: the surat permohonan keabsahan to the issuing Dukcapil, drafted as an outgoing
    letter (kadis signs it by TTE, the tata usaha numbers, sends and files it)."""
    from apps.umum.services_keluar import buat_surat_keluar

    reg = objek.register or RegisterAkta.objects.get(nomor_akta__iexact=objek.nomor_akta.strip())
    email = form.cleaned_data["email_penerbit"]
    with transaction.atomic():
        if reg.email_penerbit != email:
            reg.email_penerbit = email
            reg.save(update_fields=["email_penerbit"])
        objek.register = reg
        surat = buat_surat_keluar(
            hal=f"Permohonan keabsahan akta nomor {reg.nomor_akta}",
            kepada=f"Kepala {reg.penerbit}\n{email}",
            isi=[f"Sehubungan dengan permohonan penerbitan kutipan kedua akta {reg.get_jenis_akta_display().lower()} "
                 f"nomor {reg.nomor_akta} tanggal {reg.tanggal:%d-%m-%Y} yang diterbitkan oleh {reg.penerbit}, "
                 f"atas nama pemohon {objek.pemohon_nama}, kami mohon konfirmasi keabsahan akta tersebut.",
                 "Demikian permohonan ini kami sampaikan; atas kerja samanya kami ucapkan terima kasih."],
            pengguna=pengguna, asal_proses=f"P.5.8 · {objek.kode_lacak}",
        )
        # The office's address on file: the tata usaha's email step offers it (P.1.2.1.1.6).
        surat.email_tujuan = email
        surat.save(update_fields=["email_tujuan"])
        objek.surat_keabsahan = surat
        return jalankan_form(objek=objek, pengguna=pengguna, form=form)


def dokumen_utama(objek: PerubahanAkta) -> str:
    """The document the kadis signs with the transition (the others follow in the same step)."""
    if objek.jenis == JenisPerubahan.KUTIPAN_KEDUA:
        return "kutipan_kedua"
    if objek.jenis == JenisPerubahan.PEMBATALAN:
        return {"kawin": "surat_keterangan_batal_kawin", "cerai": "surat_keterangan_batal_cerai"}.get(
            objek.jenis_pembatalan, "surat_keterangan_batal_pencatatan")
    return "kutipan_akta_catatan_pinggir"


def dokumen_lain(objek: PerubahanAkta) -> list[str]:
    """Further documents signed at the same TTE, as the map lists them per kind."""
    lain = []
    if objek.jenis != JenisPerubahan.KUTIPAN_KEDUA:
        lain.append("register_akta_catatan_pinggir")
    if objek.jenis == JenisPerubahan.PEMBATALAN and objek.jenis_pembatalan == "cerai":
        lain.append("kutipan_ii_akta_perkawinan")
    if objek.jenis == JenisPerubahan.ANAK and objek.jenis_anak == "pengakuan":
        lain.append("akta_pengakuan_anak")
    if objek.jenis == JenisPerubahan.ANAK and objek.jenis_anak == "pengesahan":
        lain.append("akta_pengesahan_anak")
    return lain


def _dasar(objek: PerubahanAkta) -> str:
    if not objek.dasar_nomor:
        return ""
    teks = f"{objek.dasar_instansi} Nomor {objek.dasar_nomor} tanggal {objek.dasar_tanggal:%d-%m-%Y}".strip()
    if objek.dasar_tanggal_tetap:
        teks += f", berkekuatan hukum tetap tanggal {objek.dasar_tanggal_tetap:%d-%m-%Y}"
    return teks


def teks_catatan(objek: PerubahanAkta, koreksi: dict) -> str:
    """The note in the law's wording (Permendagri 108/2019 models), per kind."""
    dasar = _dasar(objek)
    j = objek.jenis
    if j == JenisPerubahan.KEWARGANEGARAAN:
        return (f"Berdasarkan Keputusan Menteri Hukum dan HAM {dasar}, status kewarganegaraan NIK {objek.subjek_nik} "
                f"berubah menjadi {objek.kewarganegaraan_baru}.")
    if j == JenisPerubahan.NAMA:
        return f"Berdasarkan Penetapan {dasar}, nama berubah menjadi {objek.nama_baru.upper()}."
    if j == JenisPerubahan.PEMBETULAN:
        rinci = "; ".join(f"{k} semula {v['sebelum'] or '–'} dibetulkan menjadi {v['sesudah']}" for k, v in koreksi.items())
        return f"Akta ini telah dibetulkan: {rinci}."
    if j == JenisPerubahan.PEMBATALAN:
        return f"Berdasarkan Putusan {dasar}, {objek.judul_layanan.lower()} atas akta ini; akta dinyatakan batal."
    if j == JenisPerubahan.ANAK:
        ayah = f" oleh {objek.ayah_nama.upper()}" if objek.ayah_nama else ""
        return f"Berdasarkan Penetapan {dasar}, telah dicatat {objek.get_jenis_anak_display().lower()}{ayah}."
    return f"Telah dicatat peristiwa penting: {objek.uraian.strip()}" + (f" (dasar: {dasar})." if dasar else ".")


def _ubah_penduduk(objek: PerubahanAkta, perubahan: dict, oleh) -> None:
    from .services import _register_ubah

    penduduk = Penduduk.objects.filter(nik=objek.subjek_nik).first() if objek.subjek_nik else None
    if penduduk is not None:
        _register_ubah(penduduk=penduduk, perubahan=perubahan, sebab=objek, oleh=oleh,
                       alasan=f"{objek.kode_proses} {objek.judul_layanan} ({objek.kode_lacak})")


def _warga_tercantum(*registers: RegisterAkta, nik_lain: str = "") -> list[Penduduk]:
    nik = set().union(*(r.nik_tercantum() for r in registers if r is not None))
    if nik_lain:
        nik.add(nik_lain)
    return list(Penduduk.objects.filter(nik__in=nik).order_by("nik"))


def status_sebelum_kawin(penduduk: Penduduk) -> str:
    """The marital status a resident had before becoming *kawin*, from the register's audit
    trail (the latest change to kawin); unmarried when the trail does not say."""
    from apps.penduduk.models import RiwayatRegister, StatusPerkawinan

    for r in RiwayatRegister.objects.filter(penduduk=penduduk, perubahan__has_key="status_perkawinan").order_by("-waktu", "-pk"):
        ubah = r.perubahan["status_perkawinan"]
        if ubah.get("sesudah") == StatusPerkawinan.KAWIN:
            sebelum = ubah.get("sebelum")
            if sebelum in StatusPerkawinan.values and sebelum != StatusPerkawinan.KAWIN:
                return sebelum
            break
    return StatusPerkawinan.BELUM_KAWIN


def pembatalan_terapkan(*, objek: PerubahanAkta, register: RegisterAkta, oleh) -> None:
    """P.5.6 — the population register changed as the ruling says (audited, per resident the deeds
    name): batal kawin → each spouse's marital status back to what it was before the marriage;
    batal cerai → back to kawin; batal pencatatan sipil → the deed is void (no register field)."""
    from apps.penduduk.models import StatusPerkawinan

    from .services import _register_ubah

    alasan = f"{objek.kode_proses} {objek.judul_layanan} ({objek.kode_lacak}), Putusan {objek.dasar_nomor}"
    if objek.jenis_pembatalan == "kawin":
        for p in _warga_tercantum(register, nik_lain=objek.subjek_nik):
            if p.status_perkawinan == StatusPerkawinan.KAWIN:
                _register_ubah(penduduk=p, perubahan={"status_perkawinan": status_sebelum_kawin(p)}, sebab=objek,
                               oleh=oleh, alasan=alasan)
    elif objek.jenis_pembatalan == "cerai":
        for p in _warga_tercantum(register, objek.register_perkawinan, nik_lain=objek.subjek_nik):
            if p.status_perkawinan == StatusPerkawinan.CERAI_HIDUP:
                _register_ubah(penduduk=p, perubahan={"status_perkawinan": StatusPerkawinan.KAWIN}, sebab=objek,
                               oleh=oleh, alasan=alasan)


UMUR_KTP = 17


def lanjutan_buka(objek: PerubahanAkta, penduduk: Penduduk) -> list[dict]:
    """P.5.5 — the KK and the KTP-el (a KIA under 17 and unmarried) change requests, each its own
    P.4.1 request in the citizen's name, taken in through pendaftaran's intake by the front office
    officer who took this request. A missing catalogue service or officer is logged: the deed is
    still signed and the citizen can file the change at the counter."""
    from apps.pendaftaran.models import AlasanLayanan, JenisDokumen, Layanan
    from apps.pendaftaran.services import permohonan_ajukan
    from apps.penduduk.models import StatusPerkawinan

    from .services import log

    hari = timezone.localdate()
    lahir = penduduk.tanggal_lahir
    umur = hari.year - lahir.year - ((hari.month, hari.day) < (lahir.month, lahir.day)) if lahir else UMUR_KTP
    kartu = JenisDokumen.KTP_EL if umur >= UMUR_KTP or penduduk.status_perkawinan != StatusPerkawinan.BELUM_KAWIN \
        else JenisDokumen.KIA
    keluarga = penduduk.keluarga
    data = {"nik": penduduk.nik, "nama": penduduk.nama, "no_kk": keluarga.no_kk if keluarga else "",
            "alamat": f"{keluarga.alamat} RT {keluarga.rt} RW {keluarga.rw}" if keluarga else "", "email": objek.email}
    alasan = f"Perubahan nama menjadi {penduduk.nama} ({objek.kode_proses} {objek.kode_lacak})."
    dibuka = []
    for dokumen in ([JenisDokumen.KK] if keluarga else []) + [kartu]:
        layanan = Layanan.objects.filter(dokumen=dokumen, alasan=AlasanLayanan.PERUBAHAN_DATA, aktif=True).first()
        if layanan is None or objek.dibuat_oleh is None:
            log.warning("Permohonan %s perubahan data untuk %s tidak dibuka: layanan atau petugas tidak ada.",
                        dokumen, penduduk.nik)
            continue
        try:
            with transaction.atomic():
                baru = permohonan_ajukan(layanan=layanan, data=data, berkas=[], oleh=objek.dibuat_oleh)
                catat_pembuatan(objek=baru, pengguna=objek.dibuat_oleh, catatan=alasan,
                                label=f"Dibuka dari perubahan nama {objek.kode_lacak}")
        except (AksiDitolak, PermissionDenied) as exc:
            log.warning("Permohonan %s perubahan data untuk %s tidak dibuka: %s", dokumen, penduduk.nik, exc)
            continue
        dibuka.append({"model": baru._meta.label_lower, "pk": baru.pk, "kode_lacak": baru.kode_lacak,
                       "dokumen": layanan.get_dokumen_display(), "nama": penduduk.nama})
    return dibuka


def perubahan_terapkan(*, objek: PerubahanAkta, oleh) -> CatatanPinggir | None:
    """What the signed change does to the deed's register and the population register."""
    from .services import catatan_pinggir_tambah

    reg = RegisterAkta.objects.select_for_update().get(pk=objek.register_id)
    if objek.jenis == JenisPerubahan.KUTIPAN_KEDUA:
        if reg.dibatalkan:
            raise AksiDitolak(f"Akta {reg.nomor_akta} sudah dibatalkan; kutipan kedua tidak dapat diterbitkan.")
        return None
    isian = reg.isian()
    koreksi = {}
    if objek.jenis == JenisPerubahan.PEMBETULAN:
        koreksi = {k: {"sebelum": isian.get(k), "sesudah": v} for k, v in objek.data_baru.items()
                   if str(isian.get(k) or "") != str(v or "")}
        if not koreksi:
            raise AksiDitolak("Pembetulan tidak mengubah apa pun.")
        isian.update(objek.data_baru)
        if "nama" in objek.data_baru:
            _ubah_penduduk(objek, {"nama": objek.data_baru["nama"].upper()}, oleh)
    elif objek.jenis == JenisPerubahan.NAMA:
        koreksi = {"nama": {"sebelum": isian.get("nama"), "sesudah": objek.nama_baru.upper()}}
        isian["nama"] = objek.nama_baru.upper()
        _ubah_penduduk(objek, {"nama": objek.nama_baru.upper()}, oleh)
        penduduk = Penduduk.objects.filter(nik=objek.subjek_nik).select_related("keluarga").first()
        if penduduk is not None:
            objek.permohonan_lanjutan = lanjutan_buka(objek, penduduk)
    elif objek.jenis == JenisPerubahan.KEWARGANEGARAAN:
        _ubah_penduduk(objek, {"kewarganegaraan": objek.kewarganegaraan_baru}, oleh)
    elif objek.jenis == JenisPerubahan.PEMBATALAN:
        # Every kind voids the deed the ruling names: a batal cerai voids the divorce deed, and
        # the marriage stands again (kutipan II akta perkawinan).
        reg.dibatalkan = True
        pembatalan_terapkan(objek=objek, register=reg, oleh=oleh)
    reg.data = {**(reg.data or {}), "rincian": isian}
    reg.save(update_fields=["data", "dibatalkan"])
    catatan = catatan_pinggir_tambah(register=reg, isi=teks_catatan(objek, koreksi), oleh=oleh)
    catatan.jenis, catatan.dasar, catatan.perubahan, catatan.koreksi = (
        JENIS_CATATAN[objek.jenis], _dasar(objek), objek, koreksi)
    catatan.save(update_fields=["jenis", "dasar", "perubahan", "koreksi"])
    if objek.jenis == JenisPerubahan.PEMBATALAN and objek.jenis_pembatalan == "cerai" and objek.register_perkawinan_id:
        catatan_pinggir_tambah(register=objek.register_perkawinan, oleh=oleh,
                               isi=f"Perceraian atas akta perkawinan ini dibatalkan berdasarkan Putusan {_dasar(objek)}.")
    if objek.jenis == JenisPerubahan.ANAK and objek.jenis_anak == "pengakuan":
        RegisterAkta.objects.create(
            nomor_akta=objek.nomor_akta_baru.strip(), jenis_akta="akta_pengakuan_anak", kode="", tanggal=timezone.localdate(),
            orang=[*reg.orang, {"peran": "ayah", "nama": objek.ayah_nama.upper(), "nik": ""}],
            data={"rincian": {**isian, "nama_ayah": objek.ayah_nama.upper(), "akta_kelahiran": reg.nomor_akta}},
            pejabat=oleh,
        )
    return catatan


def kutipan_terdahulu(register: RegisterAkta):
    """The active kutipan of the deed issued before (by P.5.1 or an earlier change)."""
    from apps.dokumen.models import Dokumen

    q = Dokumen.objects.none()
    if register.pencatatan_id:
        q = Dokumen.objects.filter(content_type=ContentType.objects.get_for_model(PencatatanSipil),
                                   object_id=register.pencatatan_id, jenis=register.jenis_akta)
    lain = Dokumen.objects.filter(content_type=ContentType.objects.get_for_model(PerubahanAkta),
                                  object_id__in=list(register.perubahan.values_list("pk", flat=True)),
                                  jenis__in=["kutipan_akta_catatan_pinggir", "kutipan_kedua"])
    return (q | lain).filter(aktif=True)


def perubahan_tandatangani(*, objek: PerubahanAkta, pengguna, form):
    """TTE by the kadis: consequences, then the signed documents, and the deed's earlier kutipan
    superseded — all in one transaction (a wrong passphrase undoes everything)."""
    from apps.dokumen.services import aksi_tandatangani, dokumen_tandatangani

    if objek.register_id is None:
        raise AksiDitolak("Akta belum terhubung ke register; kembalikan untuk perbaikan input SIAK.")
    with transaction.atomic():
        lama = list(kutipan_terdahulu(objek.register).values_list("pk", flat=True))
        perubahan_terapkan(objek=objek, oleh=pengguna)
        lanjutan = list(objek.permohonan_lanjutan)
        riwayat = aksi_tandatangani(objek=objek, pengguna=pengguna, form=form)
        if lanjutan:
            objek.permohonan_lanjutan = lanjutan
            objek.save(update_fields=["permohonan_lanjutan"])
        for jenis in dokumen_lain(objek):
            dokumen_tandatangani(objek=objek, jenis=jenis, pejabat=pengguna,
                                 passphrase=form.cleaned_data["passphrase"], kirim_email=False)
        if dokumen_utama(objek) in KUTIPAN:
            from apps.dokumen.models import Dokumen

            Dokumen.objects.filter(pk__in=lama).update(aktif=False)
    return riwayat


# -- documents --------------------------------------------------------------------------------------
def nomor_dokumen(objek: PerubahanAkta, jenis: str) -> str | None:
    if jenis in ("akta_pengakuan_anak", "akta_pengesahan_anak"):
        return objek.nomor_akta_baru or None
    if jenis == "kutipan_ii_akta_perkawinan" and objek.register_perkawinan_id:
        return objek.register_perkawinan.nomor_akta
    if jenis in KUTIPAN or jenis == "register_akta_catatan_pinggir":
        return objek.register.nomor_akta if objek.register_id else None
    return None


def data_dokumen(objek: PerubahanAkta, jenis: str) -> dict:
    if jenis == "tanda_terima":
        return objek.data_tanda_terima()
    reg = objek.register_perkawinan if jenis == "kutipan_ii_akta_perkawinan" else objek.register
    catatan = list(reg.catatan_pinggir.order_by("urutan")) if reg else []
    return {
        "judul_dokumen": dict(DOKUMEN_PERUBAHAN).get(jenis, ""),
        "nomor_akta": nomor_dokumen(objek, jenis) or (reg.nomor_akta if reg else ""),
        "register": reg, "baris": sorted((reg.isian() if reg else {}).items()),
        "orang": reg.orang if reg else [], "catatan_pinggir": catatan,
        "kutipan": jenis not in ("register_akta_catatan_pinggir",) and not jenis.startswith("surat_keterangan"),
        "kutipan_kedua": jenis == "kutipan_kedua", "pemohon": objek.pemohon_nama,
        "alasan": objek.get_alasan_kutipan_kedua_display().lower() if objek.alasan_kutipan_kedua else "",
        "dasar": _dasar(objek), "uraian": teks_catatan(objek, {}) if objek.jenis != JenisPerubahan.PEMBETULAN else "",
        "tanggal_terbit": timezone.localdate(),
    }


def contoh_dokumen(jenis: str) -> dict:
    """Sample data for ``manage.py contoh_dokumen``: a deed with two catatan pinggir."""
    import datetime
    from types import SimpleNamespace

    reg = SimpleNamespace(nomor_akta="3575-LU-01012020-0001", get_jenis_akta_display=lambda: "Akta kelahiran",
                          penerbit=PENERBIT_SENDIRI, tanggal=datetime.date(2020, 1, 1))
    catatan = [SimpleNamespace(tanggal=datetime.date(2024, 3, 1), isi="Akta ini telah dibetulkan: nama semula BUDI SANTOS dibetulkan menjadi BUDI SANTOSO."),
               SimpleNamespace(tanggal=datetime.date(2025, 5, 2), isi="Berdasarkan Penetapan Pengadilan Negeri Pasuruan Nomor 12/Pdt.P/2025/PN Psr tanggal 01-04-2025, nama berubah menjadi BUDI SANTOSO WIJAYA.")]
    return {"judul_dokumen": dict(DOKUMEN_PERUBAHAN)[jenis], "nomor_akta": reg.nomor_akta, "register": reg,
            "baris": [("nama", "BUDI SANTOSO WIJAYA"), ("tanggal_lahir", "2020-01-01"), ("tempat_lahir", "PASURUAN")],
            "orang": [{"peran": "anak", "nama": "BUDI SANTOSO WIJAYA", "nik": "3575010101200001"}],
            "catatan_pinggir": catatan, "kutipan": not jenis.startswith(("surat_keterangan", "register")),
            "kutipan_kedua": jenis == "kutipan_kedua", "pemohon": "SITI AMINAH",
            "dasar": "Pengadilan Negeri Pasuruan Nomor 12/Pdt.P/2025/PN Psr tanggal 01-04-2025",
            "uraian": "Contoh uraian catatan.", "tanggal_terbit": datetime.date(2025, 6, 1)}
