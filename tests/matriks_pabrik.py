"""Records in any state for the generic role × action × state matrix (tests/test_matriks_generik.py).

Every concrete process model must be registered here with ``@pabrik("<app>.<Model>")``: a function
``(status, dunia) -> record`` returning a saved record in ``status`` that carries what its
transitions' conditions and services need (numbers from SIAK, a signed document, a disposition's
target...). A process model found at run time without one makes the matrix fail, so a new process
cannot skip it. ``isian`` adds the form data the generic builder cannot guess (a target of a
disposition, the SIAK numbers of a P.5.1 record); the builder fills the rest from each action's form.

The builders reuse each app's own test factories.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from apps.core.models import Proses


@dataclass
class Dunia:
    """What every builder may use: one user per role, the TTE passphrase, and a cache for rows made
    once per test (a family of the register)."""

    pengguna: dict[str, User]
    passphrase: str
    simpan: dict = field(default_factory=dict)

    def sekali(self, kunci: str, buat: Callable[[], object]):
        if kunci not in self.simpan:
            self.simpan[kunci] = buat()
        return self.simpan[kunci]


@dataclass(frozen=True)
class Pabrik:
    buat: Callable[[str, Dunia], Proses]
    # (action, record, dunia) -> extra form data that wins over the generic builder's.
    isian: Callable[[str, Proses, Dunia], dict] = lambda aksi, objek, dunia: {}


PABRIK: dict[str, Pabrik] = {}


def pabrik(label: str, *, isian: Callable[[str, Proses, Dunia], dict] | None = None):
    def daftar(buat):
        PABRIK[label] = Pabrik(buat, isian) if isian else Pabrik(buat)
        return buat

    return daftar


# -- P.4.1 (pendaftaran) -----------------------------------------------------------------------
def _permohonan(model_nama: str):
    def buat(status: str, dunia: Dunia):
        from apps.pendaftaran.models import PermohonanDenganVerifikasi, PermohonanIntegrasi, PermohonanTanpaVerifikasi
        from apps.pendaftaran.tests.factories import buat_permohonan, instansi_mitra, jadikan_petugas_mitra

        model = {"PermohonanTanpaVerifikasi": PermohonanTanpaVerifikasi,
                 "PermohonanDenganVerifikasi": PermohonanDenganVerifikasi,
                 "PermohonanIntegrasi": PermohonanIntegrasi}[model_nama]
        if model is PermohonanIntegrasi:
            # The partner officer of the world belongs to the institution the request came from.
            dunia.sekali("mitra", lambda: jadikan_petugas_mitra(dunia.pengguna["petugas_integrasi"], instansi_mitra()))
        return buat_permohonan(model, status=status)

    return buat


def _isian_permohonan(aksi: str, objek, dunia: Dunia) -> dict:
    if aksi in ("input_siak", "perbaiki") and hasattr(objek, "referensi_siak"):
        return {"referensi_siak": "SIAK-UJI-1"}
    return {}


for _nama in ("PermohonanTanpaVerifikasi", "PermohonanDenganVerifikasi", "PermohonanIntegrasi"):
    pabrik(f"pendaftaran.{_nama}", isian=_isian_permohonan)(_permohonan(_nama))


# -- P.5.1 (capil) -----------------------------------------------------------------------------
@pabrik("capil.PencatatanSipil", isian=lambda aksi, objek, dunia: _isian_capil(aksi, objek))
def pencatatan_sipil(status: str, dunia: Dunia):
    from apps.capil.models import Status
    from apps.capil.tests.factories import kelahiran_baru, keluarga_baru

    kk, ayah, ibu = dunia.sekali("keluarga", keluarga_baru)
    objek = kelahiran_baru(fo=dunia.pengguna["petugas_fo"], keluarga=kk, ayah=ayah, ibu=ibu,
                           tanggal_lahir=timezone.localdate() - timedelta(days=20), status=status)
    if status in (Status.DITANDATANGANI, Status.DICETAK, Status.SELESAI):
        _kutipan_siap(objek)
    return objek


def _kutipan_siap(objek) -> None:
    """What TTE leaves behind for a record put straight into a later state: the signed kutipan
    the print and email steps work on (as capil's own matrix test makes it)."""
    from django.contrib.contenttypes.models import ContentType

    from apps.dokumen.models import Dokumen

    Dokumen.objects.create(
        content_type=ContentType.objects.get_for_model(objek), object_id=objek.pk, jenis="akta_kelahiran",
        judul="Kutipan Akta Kelahiran", kunci_nomor="uji", tahun=timezone.localdate().year, urut=objek.pk,
        nomor=f"UJI-{objek.pk}", perlu_tte=True, status=Dokumen.Status.SELESAI, berkas="dokumen/uji.pdf",
    )


def _isian_capil(aksi: str, objek) -> dict:
    if aksi == "input_siak":
        from apps.capil.tests.factories import nomor_siak_demo

        return {**nomor_siak_demo(objek), "nomor_siak": "SIAK-3575-000123"}
    return {}


# -- P.1.2.1.2 (umum): letters and their dispositions -------------------------------------------
def _alur(dunia: Dunia):
    from apps.umum.tests.conftest import Alur

    return dunia.sekali("alur", lambda: Alur(dunia.pengguna.__getitem__))


def _nomor_surat(dunia: Dunia) -> str:
    """A letter number of its own for each letter (the register refuses a letter recorded twice)."""
    dunia.simpan["urut_surat"] = dunia.simpan.get("urut_surat", 0) + 1
    return f"400.7/{dunia.simpan['urut_surat']}/423.104/{timezone.localdate().year}"


@pabrik("umum.SuratMasuk", isian=lambda aksi, objek, dunia: _isian_surat(aksi))
def surat_masuk(status: str, dunia: Dunia):
    """A letter in ``status``; one out for delivery has been received by every target, so that the
    caraka's "tersampaikan" (conditional on it) is tried as well."""
    langkah = "diantar_lengkap" if status == "diantar" else status
    return _alur(dunia).ke(langkah, nomor_surat=_nomor_surat(dunia))


def _isian_surat(aksi: str) -> dict:
    if aksi == "disposisikan":
        besok = timezone.localdate() + timedelta(days=1)
        return {"tujuan_jabatan": ["kabid"], "instruksi": ["tindak_lanjuti"], "batas_waktu": besok.isoformat()}
    return {}


@pabrik("umum.Disposisi")
def disposisi(status: str, dunia: Dunia):
    """The disposition to the position kabid of a letter out for delivery (``menunggu``: none of
    the letter's targets has received it yet), received, or followed up by the kabid."""
    from apps.core.workflow import jalankan_aksi
    from apps.umum.services import disposisi_terima

    alur = _alur(dunia)
    surat = alur.ke("diteruskan", nomor_surat=_nomor_surat(dunia))
    jalankan_aksi(objek=surat, aksi="serahkan_caraka", pengguna=alur.tu)
    d = surat.disposisi.get(jabatan="kabid")
    if status in ("diterima", "ditindaklanjuti"):
        disposisi_terima(disposisi=d, pengguna=alur.caraka, diterima_oleh="Staf bidang")
        d.refresh_from_db()
    if status == "ditindaklanjuti":
        jalankan_aksi(objek=d, aksi="tindak_lanjuti", pengguna=alur.kabid, data={"hasil_tindak_lanjut": "Selesai"})
    assert d.status == status, (d.status, status)
    return d


# -- the kernel's own small processes (tests/kernel_app) ------------------------------------------
def _langsung(model_nama: str):
    def buat(status: str, dunia: Dunia):
        from django.apps import apps

        return apps.get_model("kernel_app", model_nama).objects.create(status=status)

    return buat


for _nama in ("Contoh", "ContohDokumen", "ContohA", "ContohB", "ContohC", "ContohD"):
    pabrik(f"kernel_app.{_nama}")(_langsung(_nama))


@pabrik("kernel_app.SuratKeterangan", isian=lambda aksi, objek, dunia: {"penerima": "SITI", "email": "siti@contoh.id"})
def surat_keterangan(status: str, dunia: Dunia):
    """The kernel-tail example process (tests/kernel_app/surat_keterangan.py)."""
    from django.contrib.contenttypes.models import ContentType

    from apps.dokumen.models import Dokumen
    from tests.kernel_app.surat_keterangan import SuratKeterangan

    objek = SuratKeterangan.objects.create(status=status, nik="3575014107900003", nama="SITI", keperluan="uji",
                                           email="siti@contoh.id")
    if status in ("ditandatangani", "dicetak", "siap_diambil", "selesai"):
        # What TTE leaves behind: the signed PDF that printing and the email step work on.
        Dokumen.objects.create(
            content_type=ContentType.objects.get_for_model(objek), object_id=objek.pk,
            jenis=SuratKeterangan.JENIS_DOKUMEN_TTE, judul="Surat Keterangan", kunci_nomor="uji",
            tahun=timezone.localdate().year, urut=200000 + objek.pk, nomor=f"UJI-SK-{objek.pk}", perlu_tte=True,
            status=Dokumen.Status.SELESAI, berkas="dokumen/uji.pdf")
    return objek


# -- builders kept beside each app's own tests --------------------------------------------------
# An app registers its process models in ``apps/<app>/tests/pabrik_matriks.py`` (same decorator),
# so a new process does not have to edit this file.
def _muat_pabrik_aplikasi() -> None:
    from importlib import import_module
    from importlib.util import find_spec

    from django.apps import apps as registri

    for config in registri.get_app_configs():
        nama = f"{config.name}.tests.pabrik_matriks"
        try:
            ada = find_spec(nama) is not None
        except ModuleNotFoundError:
            ada = False
        if ada:
            import_module(nama)


_muat_pabrik_aplikasi()
