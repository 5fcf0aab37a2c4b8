"""What the register hands to other parts of the portal."""

from .models import Penduduk
from .validators import periksa_nik


def penduduk_info(*, penduduk: Penduduk) -> dict:
    """The fields an intake form prefills (P.4, P.5 intake), with the NIK's warnings. Expects
    ``keluarga`` and ``kelurahan__induk`` already selected (``penduduk_dari_nik``)."""
    kelurahan = penduduk.kelurahan
    kecamatan = kelurahan.induk
    return {
        "nik": penduduk.nik,
        "nama": penduduk.nama,
        "tempat_lahir": penduduk.tempat_lahir,
        "tanggal_lahir": penduduk.tanggal_lahir.isoformat(),
        "jenis_kelamin": penduduk.jenis_kelamin,
        "jenis_kelamin_label": penduduk.get_jenis_kelamin_display(),
        "no_kk": penduduk.keluarga.no_kk if penduduk.keluarga_id else "",
        "hubungan": penduduk.hubungan,
        "alamat": penduduk.alamat,
        "rt": penduduk.rt,
        "rw": penduduk.rw,
        "kelurahan": kelurahan.nama,
        "kode_kelurahan": kelurahan.kode,
        "kecamatan": kecamatan.nama if kecamatan else "",
        "kode_kecamatan": kecamatan.kode if kecamatan else "",
        "status_hidup": penduduk.status_hidup,
        "status_hidup_label": penduduk.get_status_hidup_display(),
        "peringatan": periksa_nik(penduduk.nik, tanggal_lahir=penduduk.tanggal_lahir, jenis_kelamin=penduduk.jenis_kelamin),
    }
