"""The Dinas' business process map (peta proses bisnis) and the models that implement it.

``PETA_PROSES`` lists the 33 leaf processes of the map, in the map's order, with the Dinas' own
names. A process model declares the leaf codes it implements with ``KODE_PROSES = ("P.4.1.2",)``;
``implementasi()`` joins both, for ``manage.py peta_proses`` and for the index of all requests.
"""

from __future__ import annotations

PETA_PROSES: dict[str, str] = {
    "P.1.1": "Perlengkapan dan sarana prasarana",
    "P.1.2.1.1": "Pelayanan surat keluar",
    "P.1.2.1.2": "Pelayanan surat masuk",
    "P.1.2.2": "Kearsipan",
    "P.1.2.3": "Pengelolaan BMD",
    "P.1.3.1": "Kenaikan pangkat, pengajuan cuti, pensiun",
    "P.2.1": "Perencanaan RKA, DPA, Renja dan Renstra",
    "P.2.2.1": "Laporan evaluasi kinerja, LKjIP, SAKIP dan RB",
    "P.2.2.2": "Laporan keuangan",
    "P.3.1": "Penatausahaan keuangan",
    "P.4.1.1": "KK, KTP-el dan KIA: reguler tanpa verifikasi",
    "P.4.1.2": "KK, KTP-el dan KIA: reguler dengan verifikasi",
    "P.4.1.3": "KK, KTP-el dan KIA: inovasi integrasi",
    "P.4.2": "Pendaftaran orang asing tinggal terbatas dan tinggal tetap",
    "P.4.3.1": "Perekaman KTP-el: pelayanan reguler",
    "P.4.3.2": "Perekaman KTP-el: pelayanan lansia atau disabilitas",
    "P.4.4": "Pendaftaran pindah SKDLN dan SKPLN",
    "P.4.5": "Penerbitan biodata penduduk",
    "P.4.6": "Layanan bantuan pindah masuk",
    "P.5.1": "Pencatatan lahir mati, kelahiran, kematian, kawin, cerai",
    "P.5.2": "Pencatatan perubahan status kewarganegaraan",
    "P.5.3": "Pencatatan pelaporan peristiwa penting lainnya",
    "P.5.4": "Pembetulan akta pencatatan sipil",
    "P.5.5": "Pencatatan perubahan nama",
    "P.5.6": "Pencatatan pembatalan kawin, cerai, akta",
    "P.5.7": "Pencatatan pengangkatan, pengakuan, pengesahan anak",
    "P.5.8": "Penerbitan kutipan kedua akta pencatatan sipil",
    "P.6.1": "Pengelolaan jaringan dan sistem",
    "P.6.2": "Pelayanan informasi dan pengaduan masyarakat",
    "P.6.3": "Update data kependudukan",
    "P.7.1": "Fasilitasi akses data",
    "P.7.2": "Publikasi",
    "P.7.3": "Fasilitasi inovasi layanan",
}


def kode_proses(model) -> tuple[str, ...]:
    """The map codes a process model declares (a bare string is read as one code)."""
    kode = getattr(model, "KODE_PROSES", ()) or ()
    return (kode,) if isinstance(kode, str) else tuple(kode)


def teks_kode(model) -> str:
    """The codes as one line for headings: "P.1.2.1.2, P.1.2.2"."""
    return ", ".join(kode_proses(model))


def implementasi(models=None) -> dict[str, list]:
    """Every leaf code of the map → the process models that declare it (empty list: not built).

    Codes declared by a model but absent from the map (the test models' "T.0") are left out."""
    from .workflow import model_proses

    hasil: dict[str, list] = {kode: [] for kode in PETA_PROSES}
    for model in model_proses() if models is None else models:
        for kode in kode_proses(model):
            if kode in hasil:
                hasil[kode].append(model)
    return hasil


def uraian_model(model) -> dict:
    """States, transitions and roles of one process model, as ``peta_proses --json`` prints them."""
    from .workflow import aksi_model, peran_proses, status_alur

    aksi = aksi_model(model)
    return {
        "model": model._meta.label,
        "states": status_alur(model),
        "transitions": [
            {"nama": a.nama, "label": a.label, "dari": list(a.sumber), "ke": a.target, "peran": list(a.peran)}
            for a in aksi.values()
        ],
        "roles": sorted(peran_proses(model)),
    }


def peta_json(models=None) -> dict[str, dict | None]:
    """code → null, or {"model": [...], "states": [...], "transitions": [...], "roles": [...]}."""
    hasil: dict[str, dict | None] = {}
    for kode, daftar in implementasi(models).items():
        if not daftar:
            hasil[kode] = None
            continue
        uraian = [uraian_model(m) for m in daftar]
        hasil[kode] = {
            "model": [u["model"] for u in uraian],
            "states": sorted({s for u in uraian for s in u["states"]}),
            "transitions": [dict(t, model=u["model"]) for u in uraian for t in u["transitions"]],
            "roles": sorted({r for u in uraian for r in u["roles"]}),
        }
    return hasil
