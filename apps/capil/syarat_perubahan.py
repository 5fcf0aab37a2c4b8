"""The service catalogue rows of P.5.2–P.5.8 (apps.pendaftaran's admin-editable ``Layanan``):
one per map code, with its requirements by reason (the catalogue's "sebab": the kind of annulment,
of child, or why a second copy is asked) and its target in working days.

A request of ``PerubahanAkta`` keeps the list in force for its kind and reason when it is filed
(``persyaratan_berlaku``, keyed by the requirement's code as the intake's scans are); the counter's
intake asks for the scans common to every kind, and the completeness check asks for the rest.
"""

from __future__ import annotations

from .syarat import Syarat

DASAR_HUKUM = "UU 23/2006 jo. UU 24/2013; Perpres 96/2018; Permendagri 108/2019"

FORMULIR = Syarat("formulir", "Formulir permohonan (F-2.01)")
KTP_KK = Syarat("ktp_kk", "KTP-el dan KK pemohon")
KUTIPAN = Syarat("kutipan", "Kutipan akta (asli) yang akan diberi catatan pinggir")

# kind: (map code, service name, target working days, reasons [(code, label)], requirements)
KATALOG: dict[str, tuple[str, str, int, tuple, tuple[Syarat, ...]]] = {
    "kewarganegaraan": ("P.5.2", "Perubahan status kewarganegaraan", 5, (), (
        FORMULIR, KTP_KK, KUTIPAN,
        Syarat("dasar", "Salinan Keputusan Menteri Hukum dan HAM tentang kewarganegaraan"),
    )),
    "peristiwa_lain": ("P.5.3", "Pencatatan peristiwa penting lainnya", 5, (), (
        FORMULIR, KTP_KK, KUTIPAN,
        Syarat("dasar", "Salinan penetapan pengadilan atau bukti peristiwa", wajib=False),
    )),
    "pembetulan": ("P.5.4", "Pembetulan akta pencatatan sipil", 5, (), (
        FORMULIR, KTP_KK, KUTIPAN,
        Syarat("dasar", "Dokumen otentik yang menjadi dasar pembetulan", wajib=False,
               keterangan="mis. ijazah, KK, akta orang tua"),
    )),
    "nama": ("P.5.5", "Perubahan nama", 5, (), (
        FORMULIR, KTP_KK, KUTIPAN,
        Syarat("dasar", "Salinan penetapan Pengadilan Negeri tentang perubahan nama"),
    )),
    "pembatalan": ("P.5.6", "Pembatalan perkawinan, perceraian, akta", 5,
                   (("kawin", "Batal kawin"), ("cerai", "Batal cerai"), ("akta", "Batal akta pencatatan sipil")), (
        FORMULIR, KTP_KK, KUTIPAN,
        Syarat("dasar", "Salinan putusan pengadilan yang berkekuatan hukum tetap"),
        Syarat("akta_kawin", "Kutipan akta perkawinan", ("cerai",), "untuk batal cerai (kutipan II diterbitkan)"),
    )),
    "anak": ("P.5.7", "Pengangkatan, pengakuan, pengesahan anak", 5,
             (("pengangkatan", "Pengangkatan anak"), ("pengakuan", "Pengakuan anak"), ("pengesahan", "Pengesahan anak")), (
        FORMULIR, KTP_KK, KUTIPAN,
        Syarat("dasar", "Salinan penetapan PN/PA yang berkekuatan hukum tetap"),
        Syarat("persetujuan_ibu", "Surat persetujuan ibu kandung", ("pengakuan",), "untuk pengakuan anak"),
        Syarat("akta_kawin_ortu", "Kutipan akta perkawinan orang tua", ("pengesahan",), "untuk pengesahan anak"),
    )),
    "kutipan_kedua": ("P.5.8", "Kutipan kedua akta (rusak/hilang)", 3,
                      (("hilang", "Kutipan hilang"), ("rusak", "Kutipan rusak")), (
        FORMULIR, KTP_KK,
        Syarat("kutipan", "Surat keterangan hilang dari kepolisian, atau kutipan yang rusak"),
    )),
}


# The documents each kind hands over (the catalogue's "produk"), as the map lists them.
PRODUK = {
    "kewarganegaraan": "Kutipan akta dengan catatan pinggir perubahan kewarganegaraan",
    "peristiwa_lain": "Kutipan akta dengan catatan pinggir peristiwa penting lainnya",
    "pembetulan": "Kutipan akta yang dibetulkan, dengan catatan pinggir pembetulan",
    "nama": "Kutipan akta dengan catatan pinggir perubahan nama; permohonan perubahan KK dan KTP-el",
    "pembatalan": "Surat keterangan batal kawin / batal cerai / batal pencatatan sipil; kutipan akta dengan "
                  "catatan pinggir; kutipan II akta perkawinan (batal cerai)",
    "anak": "Kutipan akta kelahiran dengan catatan pinggir; akta pengakuan anak (pengakuan); kutipan akta "
            "pengesahan anak (pengesahan)",
    "kutipan_kedua": "Kutipan kedua akta pencatatan sipil",
}


def kode_layanan(jenis: str) -> str:
    return f"{KATALOG[jenis][0]}-{jenis.replace('_', '-')}"


def isi_katalog(Layanan, Persyaratan, SebabLayanan) -> None:
    """Put P.5.2–P.5.8 into the catalogue (data migration; idempotent: rows are found by code,
    what the administrator changed afterwards stays)."""
    for urutan, (jenis, (kode_proses, nama, target, daftar_sebab, daftar)) in enumerate(KATALOG.items(), start=1):
        layanan, _ = Layanan.objects.get_or_create(
            kode=kode_layanan(jenis),
            defaults={"kode_proses": kode_proses, "nama": nama, "dasar_hukum": DASAR_HUKUM,
                      "produk": PRODUK[jenis], "target_hari_kerja": target, "urutan": 200 + urutan},
        )
        if not layanan.produk:  # a row made before the catalogue listed the documents
            layanan.produk = PRODUK[jenis]
            layanan.save(update_fields=["produk"])
        sebab = {}
        for i, (kode, label) in enumerate(daftar_sebab, start=1):
            sebab[kode] = SebabLayanan.objects.get_or_create(layanan=layanan, kode=kode,
                                                             defaults={"nama": label, "urutan": i})[0]
        for i, s in enumerate(daftar, start=1):
            p, dibuat = Persyaratan.objects.get_or_create(
                layanan=layanan, kode=s.kode,
                defaults={"nama": s.nama, "keterangan": s.keterangan, "wajib": s.wajib, "urutan": i})
            if dibuat:
                p.hanya_untuk_sebab.set([sebab[k] for k in s.hanya_untuk])


def layanan_untuk(jenis: str):
    from apps.pendaftaran.katalog import layanan_dari_kode

    return layanan_dari_kode(kode_layanan(jenis)) if jenis in KATALOG else None


def persyaratan_untuk(jenis: str, sebab: str = "") -> list[dict]:
    """The list a request of ``jenis`` (and reason ``sebab``) is filed under, as
    ``persyaratan_berlaku`` keeps it: the catalogue's, else this module's."""
    layanan = layanan_untuk(jenis)
    if layanan is not None:
        daftar = [Syarat(p.kode or f"id-{p.pk}", p.nama, tuple(x.kode for x in p.hanya_untuk_sebab.all()),
                         p.keterangan, p.wajib) for p in layanan.persyaratan.prefetch_related("hanya_untuk_sebab")]
    else:
        daftar = list(KATALOG[jenis][4]) if jenis in KATALOG else []
    return [{"kunci": s.kode, "nama": s.nama, "wajib": s.wajib, "keterangan": s.keterangan}
            for s in daftar if not s.hanya_untuk or sebab in s.hanya_untuk]


def target_hari_kerja(jenis: str) -> int:
    layanan = layanan_untuk(jenis)
    if layanan is not None:
        return layanan.target_hari_kerja
    return KATALOG[jenis][2] if jenis in KATALOG else 5
