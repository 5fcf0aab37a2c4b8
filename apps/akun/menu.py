"""The navigation menu of every staff page: the processes the user's roles can start, other entry
points, the register search; the user's queues with their counts come from ``menu_antrean``,
loaded by htmx after the page, so that no page pays for the counts. One place, also used by the
home page's shortcuts (templates/partials/tautan_peran.html)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from django.urls import NoReverseMatch, reverse

from apps.core.peran import peran_pengguna

from .roles import IZIN, KODE_PERAN


@dataclass(frozen=True)
class Tautan:
    label: str
    url: str
    ikon: str
    # The navigation bar's shorter label (the full one is its tooltip and the home page's button).
    singkat: str = ""


@dataclass
class Menu:
    mulai: list[Tautan] = field(default_factory=list)
    lihat: list[Tautan] = field(default_factory=list)
    # The register search (penduduk:cari) when the user's roles may read the register.
    cari_url: str = ""

    @cached_property
    def html(self) -> str:
        """The menu drawn once per set of roles (this object is cached per role set): it is the
        same on every staff page."""
        from django.template.loader import render_to_string
        from django.utils.safestring import mark_safe

        return mark_safe(render_to_string("partials/menu.html", {"m": self}))


# (roles, label, URL name, Bootstrap icon): the intake forms each role starts a process with.
MULAI = [
    ({"petugas_fo"}, "Pendaftaran baru (KTP-el, KK, KIA)", "pendaftaran:baru", "bi-person-plus"),
    ({"petugas_integrasi"}, "Ajukan KK/KTP-el lewat mitra", "pendaftaran:integrasi-baru", "bi-person-plus"),
    ({"verifikator_wna", "petugas_fo"}, "Pendaftaran orang asing (KK/KTP WNA)", "pendaftaran:pendaftaranwna-baru", "bi-globe"),
    ({"operator_rekam", "petugas_fo"}, "Perekaman KTP-el", "pendaftaran:perekamanktp-baru", "bi-fingerprint"),
    ({"petugas_fo", "verifikator"}, "Perekaman KTP-el lansia/disabilitas", "pendaftaran:perekamanlansia-baru", "bi-universal-access"),
    ({"petugas_fo"}, "Pindah ke/dari luar negeri (SKPLN/SKDLN)", "pendaftaran:pindahluarnegeri-baru", "bi-airplane"),
    ({"verifikator_pendataan", "petugas_fo"}, "Biodata penduduk rentan", "pendaftaran:biodatarentan-baru", "bi-person-vcard"),
    ({"petugas_fo"}, "Pencatatan sipil baru (lahir, lahir mati, kematian, kawin, cerai)", "capil:pencatatan-baru", "bi-journal-plus"),
    ({"petugas_fo"}, "Perubahan akta (kewarganegaraan, pembetulan, nama, pembatalan, anak, kutipan kedua)", "capil:perubahanakta-baru", "bi-journal-text", "Perubahan akta"),
    ({"tata_usaha"}, "Catat surat masuk", "umum:suratmasuk-baru", "bi-envelope-plus"),
    ({"pptk"}, "Ajukan permintaan pembayaran", "keuangan:permintaanpembayaran-baru", "bi-cash-coin"),
    ({"subbag_umum"}, "Ajukan nota pencairan dana (NPD)", "keuangan:notapencairandana-baru", "bi-receipt"),
    ({"subbag_perencanaan"}, "Susun dokumen perencanaan (Renstra, Renja, Monev, RKA, DPA)", "keuangan:dokumenperencanaan-baru", "bi-journal-text"),
    ({"subbag_perencanaan"}, "Catat permintaan laporan kinerja", "keuangan:laporankinerja-baru", "bi-clipboard-data"),
    ({"subbag_perencanaan"}, "Catat permintaan laporan keuangan BPKA", "keuangan:laporankeuangan-baru", "bi-file-earmark-spreadsheet"),
    ({"petugas_fo", "operator_medsos", "admin_piak"}, "Catat permintaan informasi / pengaduan", "piak:pengaduan-baru", "bi-chat-left-text"),
    ({"petugas_fo"}, "Pemutakhiran data kependudukan", "piak:pemutakhiran-baru", "bi-person-gear"),
    (frozenset(KODE_PERAN) - {"pemohon", "admin"}, "Laporkan gangguan jaringan / sistem", "piak:insiden-baru", "bi-wifi-off", "Lapor gangguan"),
    ({"kadis"}, "Perintahkan surat keluar", "umum:suratkeluar-baru", "bi-envelope-arrow-up"),
    ({"pengurus_barang"}, "Buka perekapan barang (RKBMD)", "umum:inventarisasi-baru", "bi-box-seam"),
    ({"pegawai"}, "Ajukan kenaikan pangkat, cuti atau pensiun", "umum:usulankepegawaian-baru", "bi-person-badge"),
    ({"admin_piak"}, "Catat permohonan PKS pemanfaatan data", "pemanfaatan:perjanjian-baru", "bi-file-earmark-lock"),
    ({"admin_piak"}, "Bekukan DKB dan susun publikasi agregat", "pemanfaatan:dkb", "bi-bar-chart-line"),
    (frozenset(KODE_PERAN) - {"pemohon", "admin"}, "Usulkan inovasi layanan", "pemanfaatan:inovasi-baru", "bi-lightbulb",
     "Usulkan inovasi"),
]
# Look-ups besides the queues.
LIHAT = [
    (frozenset(KODE_PERAN) - {"pemohon"}, "Cari berkas di semua layanan", "core:cari", "bi-search", "Cari berkas"),
    ({"tata_usaha", "kadis", "sekretaris"}, "Arsip surat", "umum:arsip-cari", "bi-archive"),
    ({"pptk", "bendahara", "verifikator_keuangan", "ppk", "subbag_perencanaan", "kadis", "sekretaris"}, "Realisasi anggaran DPA", "keuangan:realisasi", "bi-graph-up", "Realisasi DPA"),
    ({"subbag_perencanaan", "kadis", "sekretaris", "kabid"}, "Tren nilai SAKIP, RB dan LKjIP", "keuangan:laporankinerja-tren", "bi-graph-up-arrow", "Nilai kinerja"),
    ({"kabid", "kadis", "sekretaris"}, "Dasbor pimpinan", "dasbor:dasbor", "bi-bar-chart", "Dasbor"),
    ({"kabid", "kadis", "operator_siak"}, "Register blangko KTP-el", "pendaftaran:blangko", "bi-credit-card-2-front", "Blangko"),
    ({"operator_rekam", "verifikator", "kabid"}, "Daftar kunjungan perekaman di rumah", "pendaftaran:perekaman-kunjungan",
     "bi-house-heart", "Kunjungan"),
    # P.6.1: the reporter of an incident is told here (and by email) when it is fixed.
    (frozenset(KODE_PERAN) - {"pemohon", "admin"}, "Pemberitahuan", "piak:pemberitahuan", "bi-bell"),
    ({"admin_piak", "kabid", "kadis"}, "Register perjanjian pemanfaatan data", "pemanfaatan:perjanjian-register",
     "bi-journal-check", "Register PKS"),
]
# The roles whose group holds penduduk.view_penduduk (roles.IZIN): decided from the role codes
# already read for the page, so the menu costs no permission queries.
PERAN_CARI_REGISTER = frozenset(k for k, izin in IZIN.items() if isinstance(izin, list) and "penduduk.view_penduduk" in izin)


def _tautan(daftar, peran: frozenset[str]) -> list[Tautan]:
    hasil = []
    for untuk, label, nama_url, ikon, *singkat in daftar:
        if not peran & untuk:
            continue
        try:
            hasil.append(Tautan(label, reverse(nama_url), ikon, *singkat))
        except NoReverseMatch:  # an app left out of INSTALLED_APPS
            continue
    return hasil


def menu_pengguna(user) -> Menu:
    """No query beyond the user's roles, which every page reads anyway."""
    if not user.is_authenticated:
        return Menu()
    from django.urls import get_script_prefix, get_urlconf

    return _menu_peran(frozenset(peran_pengguna(user)), get_urlconf(), get_script_prefix())


@lru_cache(maxsize=256)
def _menu_peran(peran: frozenset[str], urlconf, awalan: str) -> Menu:
    """The menu of a set of roles: the same for every user who holds them, so it is built once
    per process (a few dozen reverse() calls a page otherwise), per URLconf and script prefix."""
    return Menu(
        mulai=_tautan(MULAI, peran),
        lihat=_tautan(LIHAT, peran),
        cari_url=reverse("penduduk:cari") if peran & PERAN_CARI_REGISTER else "",
    )


# The public navigation (templates/base.html for visitors and citizens): label, URL name, icon.
PUBLIK = [
    ("Beranda", "akun:beranda", "bi-house"),
    ("Katalog layanan", "publik:layanan", "bi-journal-text"),
    ("Cek status permohonan", "publik:status", "bi-card-checklist"),
    ("Permohonan saya", "akun:warga-permohonan", "bi-person-lines-fill"),
    ("Verifikasi dokumen", "verifikasi:cari", "bi-patch-check"),
    ("Statistik", "pemanfaatan:statistik", "bi-bar-chart"),
    ("Inovasi layanan", "pemanfaatan:inovasi-publik", "bi-lightbulb"),
]


def menu_publik() -> list[Tautan]:
    from django.urls import get_script_prefix, get_urlconf

    return _menu_publik(get_urlconf(), get_script_prefix())


@lru_cache(maxsize=16)
def _menu_publik(urlconf, awalan: str) -> list[Tautan]:
    """Built once per process like the staff menu: the public pages (the status page above all)
    are the busiest, and seven reverse() calls were a visible part of their cost."""
    return [Tautan(label, reverse(nama, urlconf=urlconf), ikon) for label, nama, ikon in PUBLIK]
