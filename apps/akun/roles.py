"""The roles of PROCESSES.md, one Django group each.

Who may take a workflow action is declared on the transition (``peran(...)`` in
``apps/core/peran.py``). What is listed here are the plain Django permissions a role needs besides
that: reading the register for a look-up, and master data in admin for the administrator.
"""

PERAN = [
    ("pemohon", "Pemohon (warga)"),
    ("petugas_fo", "Petugas front office"),
    ("petugas_integrasi", "Petugas integrasi (KUA, PA, RS, kecamatan, kelurahan)"),
    ("verifikator_wna", "Verifikator orang asing"),
    ("operator_rekam", "Operator perekaman biometrik"),
    ("operator_siak", "Operator SIAK"),
    ("verifikator", "Verifikator pendaftaran"),
    ("kasi", "Kepala seksi"),
    ("kabid", "Kepala bidang"),
    ("kadis", "Kepala dinas"),
    ("operator_pengambilan", "Operator pengambilan"),
    ("verifikator_pendataan", "Verifikator pendataan"),
    ("pejabat_piak", "Pejabat PIAK"),
    ("admin_piak", "Admin PIAK"),
    ("operator_medsos", "Operator media sosial"),
    ("adb", "Administrator database"),
    ("bidang_teknis", "Bidang teknis"),
    ("sekretaris", "Sekretaris"),
    ("tata_usaha", "Tata usaha"),
    ("caraka", "Caraka"),
    ("subbag_umum", "Subbag umum (rumah tangga & perlengkapan)"),
    ("pengurus_barang", "Pengurus barang"),
    ("pegawai", "Pegawai"),
    ("subbag_perencanaan", "Subbag perencanaan dan pelaporan"),
    ("pptk", "PPTK"),
    ("bendahara", "Bendahara"),
    ("verifikator_keuangan", "Verifikator keuangan"),
    ("ppk", "PPK"),
    ("admin", "Administrator sistem"),
]
KODE_PERAN = [kode for kode, _ in PERAN]
NAMA_PERAN = dict(PERAN)

_LIHAT_REGISTER = ["penduduk.view_penduduk", "penduduk.view_keluarga"]

# Extra Django permissions per role (least privilege: only what the role's work needs).
IZIN = {
    "petugas_fo": _LIHAT_REGISTER,
    "petugas_integrasi": _LIHAT_REGISTER,
    "verifikator_wna": _LIHAT_REGISTER,
    "operator_rekam": _LIHAT_REGISTER,
    "operator_siak": _LIHAT_REGISTER,
    "verifikator": _LIHAT_REGISTER,
    "verifikator_pendataan": _LIHAT_REGISTER,
    "kasi": _LIHAT_REGISTER,
    "kabid": _LIHAT_REGISTER,
    "kadis": _LIHAT_REGISTER,
    "adb": [*_LIHAT_REGISTER, "penduduk.change_penduduk", "penduduk.change_keluarga", "penduduk.add_penduduk"],
    # The administrator keeps master data and accounts; workflow steps stay with their roles.
    "admin": "*master*",
}

# Models the administrator keeps in Django admin (app_label.model).
MASTER_DATA = [
    "auth.user",
    "auth.group",
    "penduduk.wilayah",
    "core.harilibur",
    "umum.klasifikasiarsip",
    "pendaftaran.layanan",
    "pendaftaran.persyaratan",
    "pendaftaran.sebablayanan",
    "pendaftaran.instansimitra",
    "pendaftaran.petugasmitra",
]
