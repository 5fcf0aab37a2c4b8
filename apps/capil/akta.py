"""What the deeds say: the data snapshot kept in the register and the context of capil's documents
(``PencatatanSipil.data_dokumen``, kontrak-dokumen.md).

The snapshot is plain JSON (values as text, choices by their label) so that a kutipan printed
years later shows what was signed, whatever happened to the request or the population register.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

from apps.core.workflow import lampiran_dari

# Fields of the detail models that are links or bookkeeping, not text of the deed.
_LEWATI = {"id", "pencatatan"}


def _nilai(obj, field: models.Field):
    if field.choices:
        return getattr(obj, f"get_{field.name}_display")()
    nilai = getattr(obj, field.attname)
    return nilai


def _hidupkan(nilai: dict, model) -> dict:
    """Dates, times and decimals of a JSON snapshot back as Python values, so the templates print
    them in Indonesian (``49,0`` not the JSON's ``49.0``)."""
    hasil = dict(nilai)
    for f in model._meta.concrete_fields:
        teks = hasil.get(f.name)
        if isinstance(teks, str) and teks:
            if isinstance(f, models.DateField):
                hasil[f.name] = date.fromisoformat(teks)
            elif isinstance(f, models.TimeField):
                hasil[f.name] = time.fromisoformat(teks)
            elif isinstance(f, models.DecimalField):
                hasil[f.name] = Decimal(teks)
    return hasil


_LABEL_TAMBAHAN = {"no_kk": "No. KK", "alamat": "Alamat keluarga", "anak_nik": "NIK anak"}


def _baris(r: dict, model) -> list[tuple[str, object]]:
    """(label, value) of a snapshot's event data in the model's field order, for the register."""
    label = {f.name: capfirst(f.verbose_name) for f in model._meta.concrete_fields}
    label.update(_LABEL_TAMBAHAN)
    return [(label.get(k, k), v) for k, v in r.items()]


def rincian_tampil(rincian) -> list[tuple[str, object]]:
    """(label, value) of every field of an event's detail record, for screens."""
    baris = []
    for f in rincian._meta.concrete_fields:
        if f.name in _LEWATI or f.is_relation:
            continue
        baris.append((capfirst(f.verbose_name), _nilai(rincian, f)))
    return baris


def data_akta(pencatatan) -> dict:
    """The snapshot of a deed's data at TTE (RegisterAkta.data)."""
    r = pencatatan.rincian
    rincian = {f.name: _nilai(r, f) for f in r._meta.concrete_fields if f.name not in _LEWATI and not f.is_relation}
    keluarga = getattr(r, "keluarga", None)
    if keluarga is not None:
        rincian["no_kk"] = keluarga.no_kk
        rincian["alamat"] = f"{keluarga.alamat} RT {keluarga.rt} RW {keluarga.rw}, {keluarga.kelurahan.nama}"
    anak = getattr(r, "anak", None)
    if anak is not None:
        rincian["anak_nik"] = anak.nik
    return {
        # The parents' marriage as a code, for the kutipan's wording (the rincian hold its label).
        "perkawinan_orang_tua": getattr(r, "perkawinan_orang_tua", ""),
        "jenis_peristiwa": pencatatan.jenis_peristiwa,
        "judul": pencatatan.judul_layanan,
        "peristiwa": pencatatan.get_jenis_peristiwa_display(),
        "kode_lacak": pencatatan.kode_lacak,
        "tanggal_lapor": pencatatan.tanggal_lapor,
        "melewati_batas_lapor": pencatatan.melewati_batas_lapor,
        "pelapor": {"nik": pencatatan.pelapor_nik, "nama": pencatatan.pelapor_nama,
                    "hubungan": pencatatan.pelapor_hubungan},
        "saksi": [
            {"nik": pencatatan.saksi1_nik, "nama": pencatatan.saksi1_nama},
            {"nik": pencatatan.saksi2_nik, "nama": pencatatan.saksi2_nama},
        ],
        "rincian": rincian,
    }


def _konteks_akta(akta: dict, r: dict, model, **lain) -> dict:
    return {
        "akta": akta,
        "r": r,
        "baris_rincian": _baris(r, model),
        "tanpa_ayah": akta.get("perkawinan_orang_tua") == "tanpa_ayah",
        "perkawinan_belum_tercatat": akta.get("perkawinan_orang_tua") == "sptjm",
        **lain,
    }


def data_dokumen(pencatatan, jenis: str) -> dict:
    """Template context of the documents of a P.5.1 request: the tanda terima pengambilan, the
    kutipan akta (signed), the register entry (signed) and, for a stillbirth, the Surat
    Keterangan Lahir Mati (signed; no register entry, no nomor akta)."""
    if jenis == "tanda_terima":
        nama, _nik = pencatatan.pemilik_dokumen()
        return {
            "layanan": f"{pencatatan.judul_layanan} atas nama {nama} (P.5.1)",
            "nama_pemohon": pencatatan.pelapor_nama,
            "berkas_diterima": [lampiran.keterangan for lampiran in lampiran_dari(pencatatan)],
            "url_status": f"{settings.SITE_URL}{reverse('publik:status')}?kode={pencatatan.kode_lacak}",
        }
    model = type(pencatatan.rincian)
    if jenis == "surat_keterangan_lahir_mati":
        akta = data_akta(pencatatan)
        return _konteks_akta(akta, _hidupkan(akta["rincian"], model), model, tanggal_lapor=pencatatan.tanggal_lapor,
                             kutipan=True)
    register = getattr(pencatatan, "register", None)
    if register is None:
        # Before TTE (the verifiers' and the kadis' DRAF preview): the data as it stands, the
        # nomor akta SIAK gave, no marginal notes yet. A signed deed always reads its register.
        akta = data_akta(pencatatan)
        return _konteks_akta(
            akta, _hidupkan(akta["rincian"], model), model,
            register=SimpleNamespace(nomor_akta=pencatatan.nomor_akta,
                                     get_jenis_akta_display=capfirst(jenis.replace("_", " "))),
            nomor_akta=pencatatan.nomor_akta, tanggal_akta=timezone.localdate(), tanggal_lapor=pencatatan.tanggal_lapor,
            catatan_pinggir=[], kutipan=jenis != "register_akta",
        )
    return _konteks_akta(
        register.data, _hidupkan(register.data.get("rincian", {}), model), model,
        register=register, nomor_akta=register.nomor_akta, tanggal_akta=register.tanggal,
        tanggal_lapor=pencatatan.tanggal_lapor, catatan_pinggir=list(register.catatan_pinggir.all()),
        kutipan=jenis != "register_akta",
    )


def contoh_dokumen(jenis: str, varian: str = "") -> dict:
    """Sample context of capil's documents for ``manage.py contoh_dokumen`` (what ``data_dokumen``
    returns for a signed document); names and numbers are made up, dates relative to today.
    ``varian="tanpa_ayah"``: a birth without a recorded father (the kutipan's own wording)."""
    hari_ini = timezone.localdate()
    hari = hari_ini - timedelta(days=12)
    kode_tanggal = f"{hari_ini:%d%m%Y}"
    nomor = {
        "akta_kelahiran": f"3575-LU-{kode_tanggal}-0001", "surat_keterangan_lahir_mati": "",
        "akta_kematian": f"3575-KM-{kode_tanggal}-0001", "akta_perkawinan": f"3575-KW-{kode_tanggal}-0001",
        "akta_perceraian": f"3575-CR-{kode_tanggal}-0001", "register_akta": f"3575-LU-{kode_tanggal}-0001",
    }[jenis]
    ortu = {"ayah_nama": "BUDI SANTOSO", "ibu_nama": "SITI AMINAH", "tempat_lahir": "Pasuruan",
            "tanggal_lahir": hari, "waktu_lahir": time(8, 30), "jenis_kelamin": "Perempuan", "kelahiran_ke": 2}
    nik_anak = f"357501{hari.day + 40:02d}{hari:%m%y}0001"
    lahir = {**ortu, "nama_anak": "ANISA PUTRI SANTOSO", "anak_nik": nik_anak, "no_kk": "3575010101200001",
             "berat_gram": 3100, "panjang_cm": Decimal("49.0")}
    perkawinan_ortu = "tercatat"
    if varian == "tanpa_ayah":
        lahir = {**lahir, "ayah_nama": "", "nama_anak": "NAYLA RAHMA", "kelahiran_ke": 1}
        perkawinan_ortu = "tanpa_ayah"
    r = {
        "akta_kelahiran": lahir,
        "register_akta": lahir,
        "surat_keterangan_lahir_mati": {**ortu, "lama_kandungan_minggu": 30, "sebab": "Gawat janin",
                                        "yang_menerangkan": "Dokter/tenaga kesehatan", "nama_tempat": "RSUD dr. R. Soedarsono"},
        "akta_kematian": {"jenazah_nama": "SUPARMAN", "jenazah_nik": "3575010101500001", "tempat_kematian": "Pasuruan",
                          "tanggal_kematian": hari, "waktu_kematian": time(4, 15), "yang_menerangkan": "Dokter",
                          "nomor_surat_keterangan": f"474.3/123/RSUD/{hari:%Y}", "tanggal_surat_keterangan": hari},
        "akta_perkawinan": {"suami_nama": "AHMAD FAUZI", "suami_nik": "3575010101900001", "istri_nama": "MARIA ULFA",
                            "istri_nik": "3575014101920001", "agama": "Kristen", "organisasi": "GKJW Pasuruan",
                            "nama_pemuka_agama": "Pdt. Yohanes Kristanto", "tempat_perkawinan": "Pasuruan",
                            "tanggal_perkawinan": hari, "nomor_surat_perkawinan": f"12/GKJW/{hari:%Y}"},
        "akta_perceraian": {"suami_nama": "AHMAD FAUZI", "suami_nik": "3575010101900001", "istri_nama": "MARIA ULFA",
                            "istri_nik": "3575014101920001", "nama_pengadilan": "Pengadilan Negeri Pasuruan",
                            "nomor_putusan": f"45/Pdt.G/{hari:%Y}/PN Psr", "tanggal_putusan": hari - timedelta(days=45),
                            "tanggal_inkracht": hari - timedelta(days=30), "nomor_akta_perkawinan": "3575-KW-02022020-0007"},
    }[jenis]
    akta = {
        "peristiwa": "Kelahiran", "kode_lacak": "CONT-OHAK-TA01", "melewati_batas_lapor": False,
        "perkawinan_orang_tua": perkawinan_ortu,
        "pelapor": {"nik": "3575010205900001", "nama": "BUDI SANTOSO", "hubungan": "Ayah kandung"},
        "saksi": [{"nik": "3575010101800001", "nama": "AHMAD FAUZI"}, {"nik": "3575010101800002", "nama": "DEWI LESTARI"}],
        "rincian": r,
    }
    if varian == "tanpa_ayah":
        akta["pelapor"] = {"nik": "3575015007940001", "nama": "SITI AMINAH", "hubungan": "Ibu kandung"}
    return {
        "nomor_akta": nomor,
        "tanggal_akta": hari_ini,
        "tanggal_lapor": hari_ini,
        "akta": akta,
        "r": r,
        "baris_rincian": [(k.replace("_", " ").capitalize(), v) for k, v in r.items()],
        "tanpa_ayah": perkawinan_ortu == "tanpa_ayah",
        "perkawinan_belum_tercatat": perkawinan_ortu == "sptjm",
        "catatan_pinggir": [],
        "kutipan": jenis != "register_akta",
        "register": SimpleNamespace(nomor_akta=nomor, get_jenis_akta_display="Akta Kelahiran"),
    }
