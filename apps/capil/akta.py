"""What the deeds say: the data snapshot kept in the register and the context of capil's documents
(``PencatatanSipil.data_dokumen``, kontrak-dokumen.md).

The snapshot is plain JSON (values as text, choices by their label) so that a kutipan printed
years later shows what was signed, whatever happened to the request or the population register.
"""

from __future__ import annotations

from datetime import date, time

from django.conf import settings
from django.db import models
from django.urls import reverse
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
    """Dates and times of a JSON snapshot back as date/time objects, for the templates' filters."""
    hasil = dict(nilai)
    for f in model._meta.concrete_fields:
        teks = hasil.get(f.name)
        if isinstance(teks, str) and teks:
            if isinstance(f, models.DateField):
                hasil[f.name] = date.fromisoformat(teks)
            elif isinstance(f, models.TimeField):
                hasil[f.name] = time.fromisoformat(teks)
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
        "jenis_peristiwa": pencatatan.jenis_peristiwa,
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


def data_dokumen(pencatatan, jenis: str) -> dict:
    """Template context of the documents of a P.5.1 request: the tanda terima pengambilan, the
    kutipan akta (signed) and the register entry (signed)."""
    if jenis == "tanda_terima":
        nama, _nik = pencatatan.pemilik_dokumen()
        return {
            "layanan": f"Pencatatan {pencatatan.get_jenis_peristiwa_display().lower()} atas nama {nama} (P.5.1)",
            "nama_pemohon": pencatatan.pelapor_nama,
            "berkas_diterima": [lampiran.keterangan for lampiran in lampiran_dari(pencatatan)],
            "url_status": f"{settings.SITE_URL}{reverse('publik:status')}?kode={pencatatan.kode_lacak}",
        }
    register = pencatatan.register
    r = _hidupkan(register.data.get("rincian", {}), type(pencatatan.rincian))
    return {
        "register": register,
        "nomor_akta": register.nomor_akta,
        "tanggal_akta": register.tanggal,
        "tanggal_lapor": pencatatan.tanggal_lapor,
        "akta": register.data,
        "r": r,
        "baris_rincian": _baris(r, type(pencatatan.rincian)),
        "catatan_pinggir": list(register.catatan_pinggir.all()),
        "kutipan": jenis != "register_akta",
    }
