"""Services of P.4.1 (writes): intake, the applicant's completion, the tanda terima."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from apps.core.asupan import simpan_berkas_persyaratan
from apps.core.models import Lampiran
from apps.core.peran import punya_peran
from apps.core.workflow import AksiDitolak, catat_pembuatan, jalankan_form
from apps.penduduk.selectors import penduduk_dari_nik
from apps.penduduk.services import konfirmasi_catat

from .models import Alur, Layanan, PermohonanDenganVerifikasi, PermohonanIntegrasi, PermohonanTanpaVerifikasi
from .models.layanan import InstansiMitra, instansi_pengguna


def model_untuk_layanan(layanan: Layanan, *, integrasi: bool = False):
    """The process model a request of ``layanan`` follows (P.4.1.1, P.4.1.2 or P.4.1.3)."""
    if integrasi:
        return PermohonanIntegrasi
    return PermohonanTanpaVerifikasi if layanan.alur == Alur.TANPA_VERIFIKASI else PermohonanDenganVerifikasi


def permohonan_ajukan(*, layanan: Layanan, data: dict, berkas: list[tuple], oleh, integrasi: bool = False,
                      konfirmasi: dict | None = None, foto=None, daring: tuple[str, str] | None = None):
    """P.4.1 — “pemohon mengajukan layanan … dengan melengkapi persyaratan”.

    Recorded by the front office for a walk-in citizen, or (P.4.1.3) by an integrated partner's
    officer for the citizen. Creates the request (tracking code, PIN, due date in working days),
    keeps one scan per requirement brought, logs the first timeline row and issues the tanda
    terima (PDF with the tracking code, the PIN and a QR code to the status page).

    ``konfirmasi``: the warnings the officer confirmed at intake, with the reason
    (``KonfirmasiPeringatanMixin.konfirmasi()``), kept on the request for the verifier; ``foto``:
    the child's photo of a KIA (an image already checked by the form). ``daring``: the tracking
    code and PIN a citizen was given when filing online (apps.publik), once the email is confirmed:
    no officer, the request starts in the front office's queue like a walk-in.
    """
    instansi = None
    if daring is not None:
        if not layanan.boleh_daring:
            raise AksiDitolak("Layanan ini tidak dapat diajukan secara daring.")
    elif integrasi:
        if not punya_peran(oleh, ["petugas_integrasi"]):
            raise PermissionDenied("Hanya petugas integrasi yang dapat mengajukan lewat mitra.")
        instansi = InstansiMitra.objects.filter(pk=instansi_pengguna(oleh)).first()
        if instansi is None:
            raise AksiDitolak("Akun Anda belum terdaftar pada instansi mitra. Hubungi administrator.")
        if not layanan.lewat_integrasi:
            raise AksiDitolak("Layanan ini tidak dapat diajukan lewat mitra integrasi.")
    elif not punya_peran(oleh, ["petugas_fo"]):
        raise PermissionDenied("Hanya petugas front office yang dapat mencatat permohonan.")
    if not layanan.aktif:
        raise AksiDitolak("Layanan ini sedang tidak dibuka.")

    model = model_untuk_layanan(layanan, integrasi=integrasi)
    with transaction.atomic():
        objek = model(
            layanan=layanan,
            penduduk=penduduk_dari_nik(data["nik"]),
            dibuat_oleh=oleh,
            sebab=data.get("sebab"),
            tenggat=None,
            **{k: data.get(k, "") for k in ("nik", "nama", "no_kk", "alamat", "email", "telepon")},
        )
        if instansi is not None:
            objek.instansi = instansi
        if daring is not None:
            objek.kode_lacak, objek.pin = daring
        if data.get("perubahan_data") and hasattr(objek, "perubahan_data"):
            objek.perubahan_data = data["perubahan_data"]
        objek.tenggat = objek.hitung_tenggat()
        objek.save()
        log = catat_pembuatan(objek=objek, pengguna=oleh,
                              label="Permohonan diterima (daring)" if daring else "Permohonan diterima")
        simpan_berkas_persyaratan(objek=objek, berkas=berkas, oleh=oleh, riwayat=log)
        if foto is not None:
            objek.foto = Lampiran.simpan(objek=objek, berkas=foto, keterangan="Pas foto anak", oleh=oleh, riwayat=log)
        objek.save(update_fields=["berkas_persyaratan", "foto"])
        konfirmasi_catat(objek=objek, konfirmasi=konfirmasi, oleh=oleh)
        tanda_terima_terbitkan(objek=objek, oleh=oleh)
    return objek


def permohonan_input_siak(*, objek, pengguna, form):
    """P.4.1.2 — “operator SIAK menginput data”: the SIAK reference, the No. KK SIAK issued and a
    KK's recorded changes are saved with the transition; warnings the operator confirmed (e.g. an
    unknown region in the No. KK) are kept for the verifier."""
    with transaction.atomic():
        log = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        konfirmasi_catat(objek=objek, konfirmasi=form.konfirmasi(), oleh=pengguna)
    return log


def permohonan_tandatangani(*, objek, pengguna, form):
    """P.4.1.2/P.4.1.3 — TTE by kabid or kadis. For a KK: the family must be in the register (a
    clear refusal otherwise), and the KK's changes (new family, No. KK from SIAK, changed data) are
    applied to the register through the audited services in the signing transaction, before the
    document is rendered, so the signed KK and the register agree. A wrong passphrase changes
    nothing."""
    from apps.dokumen.services import aksi_tandatangani

    from .kk import kk_periksa, kk_terapkan

    kk_periksa(objek)
    with transaction.atomic():
        kk_terapkan(objek=objek, oleh=pengguna)
        return aksi_tandatangani(objek=objek, pengguna=pengguna, form=form)


def tanda_terima_terbitkan(*, objek, oleh=None):
    """The tanda terima (receipt) of a request, rendered as PDF by apps.dokumen (unsigned)."""
    from apps.dokumen.services import dokumen_terbitkan

    return dokumen_terbitkan(objek=objek, jenis="tanda_terima", oleh=oleh)
