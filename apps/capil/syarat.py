"""Requirements of each registration (Perpres 96/2018, Permendagri 108/2019, Permendagri 9/2016;
DOMAIN.md "Requirements").

They live in the admin-editable service catalogue of apps.pendaftaran, one service per event
(``Layanan.kode`` "P.5.1-<event>", ``kode_proses`` "P.5.1"), loaded by capil's data migration from
the lists below (``SYARAT``, ``isi_katalog``); afterwards the administrator edits labels, adds
requirements and sets each service's target there. Each requirement has a stable code: a
request keeps ``{code: scan}`` (``berkas_persyaratan``), so renaming a label never loses what the
front office received. Some apply only for a reason recorded with the event (the catalogue's
"sebab"): the parents' buku nikah where their marriage is recorded, the SPTJM F-2.04 where it is
not, the SPTJM F-2.03 where there is no birth letter.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Syarat:
    kode: str
    nama: str
    # The reasons (catalogue "sebab" codes) it holds for; empty: always.
    hanya_untuk: tuple[str, ...] = ()
    keterangan: str = ""
    wajib: bool = True

    @property
    def kunci(self) -> str:
        """The key its scan is kept under (``berkas_persyaratan``, apps.core.asupan)."""
        return self.kode

    def berlaku_untuk(self, rincian) -> bool:
        return not self.hanya_untuk or rincian is None or bool(set(self.hanya_untuk) & sebab_rincian(rincian))


F201 = Syarat("f201", "Formulir pelaporan F-2.01")
KK = Syarat("kk", "Kartu Keluarga")

# The reasons of a birth that decide its requirements: (catalogue code, label).
SEBAB = {
    "kelahiran": (
        ("ortu-tercatat", "Perkawinan orang tua tercatat"),
        ("ortu-sptjm", "Perkawinan orang tua belum tercatat (SPTJM F-2.04)"),
        ("ortu-tanpa-ayah", "Tanpa data ayah"),
        ("bukti-surat", "Ada surat keterangan kelahiran"),
        ("bukti-sptjm", "Tanpa surat keterangan kelahiran (SPTJM F-2.03)"),
    ),
}


def sebab_rincian(rincian) -> set[str]:
    """The catalogue reason codes an event record carries (a birth: its parents' marriage and its
    birth evidence)."""
    sebab = set()
    if getattr(rincian, "perkawinan_orang_tua", ""):
        sebab.add("ortu-" + rincian.perkawinan_orang_tua.replace("_", "-"))
    if getattr(rincian, "bukti_kelahiran", ""):
        sebab.add("bukti-" + rincian.bukti_kelahiran)
    return sebab


def _ortu(kode):
    return ("ortu-" + kode,)


def _bukti(kode):
    return ("bukti-" + kode,)


SYARAT: dict[str, tuple[Syarat, ...]] = {
    "kelahiran": (
        F201,
        KK,
        Syarat("ktp_ortu", "KTP-el orang tua (ayah dan ibu, atau ibu bila tanpa data ayah)"),
        Syarat("surat_lahir", "Surat keterangan kelahiran dari fasilitas kesehatan", _bukti("surat"),
               "bila ada surat kelahiran"),
        Syarat("sptjm_lahir", "SPTJM kebenaran data kelahiran (F-2.03) dengan dua saksi", _bukti("sptjm"),
               "bila tidak ada surat kelahiran"),
        Syarat("buku_nikah", "Buku nikah/kutipan akta perkawinan orang tua", _ortu("tercatat"),
               "bila perkawinan orang tua tercatat"),
        Syarat("sptjm_pasutri", "SPTJM kebenaran sebagai pasangan suami istri (F-2.04)", _ortu("sptjm"),
               "bila perkawinan orang tua belum tercatat"),
    ),
    "lahir_mati": (
        F201,
        KK,
        Syarat("surat_lahir_mati", "Surat keterangan lahir mati dari dokter/bidan"),
    ),
    "kematian": (
        F201,
        KK,
        Syarat("surat_kematian", "Surat keterangan kematian dari dokter atau lurah"),
        Syarat("ktp_jenazah", "KTP-el yang meninggal"),
    ),
    "perkawinan": (
        F201,
        Syarat("surat_perkawinan", "Surat perkawinan dari pemuka agama/penghayat kepercayaan"),
        Syarat("ktp_kk_mempelai", "KTP-el dan KK kedua mempelai"),
        Syarat("pas_foto", "Pas foto berdampingan"),
    ),
    "perceraian": (
        F201,
        Syarat("putusan", "Salinan putusan pengadilan yang berkekuatan hukum tetap"),
        Syarat("akta_kawin", "Kutipan akta perkawinan"),
        Syarat("ktp_kk_pihak", "KTP-el dan KK kedua pihak"),
    ),
}


KODE_LAYANAN = {
    "kelahiran": "P.5.1-lahir",
    "lahir_mati": "P.5.1-lahir-mati",
    "kematian": "P.5.1-kematian",
    "perkawinan": "P.5.1-perkawinan",
    "perceraian": "P.5.1-perceraian",
}
NAMA_LAYANAN = {
    "kelahiran": "Akta kelahiran",
    "lahir_mati": "Surat keterangan lahir mati",
    "kematian": "Akta kematian",
    "perkawinan": "Akta perkawinan",
    "perceraian": "Akta perceraian / pemutakhiran akta cerai PA",
}
DASAR_HUKUM = "UU 23/2006 jo. UU 24/2013; Perpres 96/2018; Permendagri 108/2019; Permendagri 9/2016"


def layanan_untuk(jenis: str):
    """The catalogue service of an event (apps.pendaftaran.Layanan), or None."""
    from apps.pendaftaran.katalog import layanan_dari_kode

    return layanan_dari_kode(KODE_LAYANAN[jenis])


def syarat_untuk(jenis: str, rincian=None) -> tuple[Syarat, ...]:
    """The requirements of ``jenis`` as the catalogue holds them; with the event's record, only
    those that apply to it. A requirement added in admin without a code is keyed by its id."""
    layanan = layanan_untuk(jenis)
    if layanan is None:  # before the data migration ran (never in a migrated database)
        daftar = SYARAT[jenis]
    else:
        daftar = tuple(
            Syarat(p.kode or f"id-{p.pk}", p.nama, tuple(x.kode for x in p.hanya_untuk_sebab.all()), p.keterangan,
                   p.wajib)
            for p in layanan.persyaratan.prefetch_related("hanya_untuk_sebab")
        )
    return tuple(s for s in daftar if s.berlaku_untuk(rincian))


def target_hari_kerja(jenis: str) -> int:
    """The service level of an event in working days: the catalogue's, else the setting's."""
    from . import aturan

    layanan = layanan_untuk(jenis)
    return layanan.target_hari_kerja if layanan is not None else aturan.target_hari_kerja(jenis)


def isi_katalog(Layanan, Persyaratan, SebabLayanan) -> None:
    """Put P.5.1's lists into the catalogue (data migration; idempotent: what the administrator
    changed afterwards stays, rows are found by code)."""
    from . import aturan

    for urutan, (jenis, daftar) in enumerate(SYARAT.items(), start=1):
        layanan, _ = Layanan.objects.get_or_create(
            kode=KODE_LAYANAN[jenis],
            defaults={"kode_proses": "P.5.1", "nama": NAMA_LAYANAN[jenis], "dasar_hukum": DASAR_HUKUM,
                      "target_hari_kerja": aturan.TARGET_HARI_KERJA[jenis], "urutan": 100 + urutan},
        )
        sebab = {}
        for i, (kode, nama) in enumerate(SEBAB.get(jenis, ()), start=1):
            sebab[kode] = SebabLayanan.objects.get_or_create(layanan=layanan, kode=kode,
                                                             defaults={"nama": nama, "urutan": i})[0]
        for i, s in enumerate(daftar, start=1):
            p, dibuat = Persyaratan.objects.get_or_create(
                layanan=layanan, kode=s.kode, defaults={"nama": s.nama, "keterangan": s.keterangan, "urutan": i})
            if dibuat:
                p.hanya_untuk_sebab.set([sebab[k] for k in s.hanya_untuk])


def syarat_kurang(jenis: str, ada: set[str], rincian=None) -> list[Syarat]:
    """Required requirements that apply without a scan among the codes in ``ada``."""
    return [s for s in syarat_untuk(jenis, rincian) if s.wajib and s.kode not in ada]


def rekam_syarat(jenis: str) -> list[dict]:
    """The whole list of ``jenis`` in force now, with its reason conditions, as the JSON a request
    keeps (``PencatatanSipil.persyaratan_berlaku``): a list changed in admin later applies only to
    new requests. The conditions stay, since the event's details may still be corrected."""
    return [{"kode": s.kode, "nama": s.nama, "hanya_untuk": list(s.hanya_untuk), "keterangan": s.keterangan,
             "wajib": s.wajib} for s in syarat_untuk(jenis)]


def syarat_pencatatan(objek) -> tuple[Syarat, ...]:
    """The requirements that apply to a request: from the list it was filed under, else (no list
    recorded) from the catalogue as it is now."""
    if not objek.persyaratan_berlaku:
        return syarat_untuk(objek.jenis_peristiwa, objek.rincian)
    daftar = (Syarat(r["kode"], r["nama"], tuple(r.get("hanya_untuk", ())), r.get("keterangan", ""), r.get("wajib", True))
              for r in objek.persyaratan_berlaku)
    rincian = objek.rincian
    return tuple(s for s in daftar if s.berlaku_untuk(rincian))


def syarat_kurang_pencatatan(objek) -> list[Syarat]:
    """Required requirements of a request, from its own list, without a scan yet."""
    ada = set(objek.berkas_persyaratan)
    return [s for s in syarat_pencatatan(objek) if s.wajib and s.kode not in ada]
