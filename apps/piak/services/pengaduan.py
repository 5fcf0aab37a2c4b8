"""P.6.2 services: opening a case from any channel, the answer confirmed to the resident, and
the resident's one reopening."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from apps.core.hari_kerja import hari_mulai_layanan, tambah_hari_kerja
from apps.core.models import RiwayatStatus
from apps.core.tutup_otomatis import KODE_SISTEM
from apps.core.workflow import AksiDitolak, ambil_aksi, catat_pembuatan, jalankan_form

from ..models import JenisPengaduan, Pengaduan, Pengaturan, Saluran
from .pemberitahuan import pemberitahuan_buat


def target_hari_kerja(jenis: str) -> int:
    p = Pengaturan.aktif()
    return p.target_informasi_hari_kerja if jenis == JenisPengaduan.INFORMASI else p.target_pengaduan_hari_kerja


def url_status(objek) -> str:
    from django.conf import settings

    return f"{settings.SITE_URL}{reverse('publik:status')}?kode={objek.kode_lacak}"


def buka_pengaduan(*, saluran, nama, nik="", email="", telepon="", isi, pengguna=None, asal=None,
                   jenis=JenisPengaduan.PENGADUAN, medsos_platform="", medsos_akun="", medsos_tautan="",
                   nomor_tiket_lapor="", lampiran=()) -> Pengaduan:
    """P.6.2 — open an information request or complaint from any channel and return it (its
    ``kode_lacak`` and ``pin`` are what the resident follows it with).

    ``asal`` is the request it was redirected from (P.4.3.1, NIK not in the register); the target
    date counts the Dinas' working days from the first service day. A receipt goes to ``email``."""
    if saluran not in Saluran.values:
        raise ValueError(f"Saluran tidak dikenal: {saluran}")
    if asal is not None and saluran == Saluran.WEB:
        saluran = Saluran.REKAM
    with transaction.atomic():
        objek = Pengaduan(
            saluran=saluran, jenis=jenis, nama=nama.strip()[:120], nik=(nik or "").strip()[:16],
            email=(email or "").strip(), telepon=(telepon or "").strip()[:20], isi=isi.strip(),
            medsos_platform=medsos_platform[:40], medsos_akun=medsos_akun[:100], medsos_tautan=medsos_tautan,
            nomor_tiket_lapor=nomor_tiket_lapor[:40],
            dibuat_oleh=pengguna if getattr(pengguna, "is_authenticated", False) else None,
        )
        if asal is not None:
            objek.asal_ct = ContentType.objects.get_for_model(asal)
            objek.asal_id = asal.pk
        objek.tenggat = tambah_hari_kerja(hari_mulai_layanan(), target_hari_kerja(jenis))
        objek.save()
        for berkas, keterangan in lampiran:
            from apps.core.models import Lampiran

            Lampiran.simpan(objek=objek, berkas=berkas, keterangan=keterangan, oleh=objek.dibuat_oleh)
        catat_pembuatan(objek=objek, pengguna=objek.dibuat_oleh,
                        label=f"{objek.get_jenis_display()} diterima ({objek.get_saluran_display()})")
        pemberitahuan_buat(template="pengaduan_diterima", email=objek.email,
                           konteks={"objek": objek, "url_status": url_status(objek)})
    return objek


def aksi_jawab(*, objek: Pengaduan, pengguna, form) -> RiwayatStatus:
    """P.6.2 — PIAK's answer, confirmed to the resident on the status page and by email, in the
    transaction of the step; the email invites the resident to the satisfaction survey."""
    with transaction.atomic():
        log = jalankan_form(objek=objek, pengguna=pengguna, form=form)
        pemberitahuan_buat(template="pengaduan_dijawab", email=objek.email,
                           konteks={"objek": objek, "url_status": url_status(objek)})
    return log


def pengaduan_buka_ulang(*, objek: Pengaduan, alasan: str) -> RiwayatStatus:
    """The resident reopens the answered case from the status page (no account: the code and PIN
    opened it), once and within the configured days. Run as the system, as the kernel's automatic
    closing: the transition's role is one no staff holds."""
    alasan = (alasan or "").strip()
    if not alasan:
        raise AksiDitolak("Tuliskan mengapa jawaban belum menyelesaikan masalah Anda.")
    info = ambil_aksi(objek, "buka_ulang")
    with transaction.atomic():
        objek = Pengaduan.objects.select_for_update().get(pk=objek.pk)
        if not objek.boleh_buka_ulang():
            raise AksiDitolak("Pengaduan ini tidak dapat dibuka kembali (hanya sekali, dalam batas waktu setelah dijawab).")
        dari = objek.status
        objek.buka_ulang(oleh=None, data={"alasan": alasan[:2000]})
        objek.versi += 1
        objek.status_sejak = timezone.now()
        objek.tenggat = tambah_hari_kerja(hari_mulai_layanan(), target_hari_kerja(objek.jenis))
        objek.save()
        return RiwayatStatus.objects.create(
            content_type=ContentType.objects.get_for_model(objek), object_id=objek.pk, aksi="buka_ulang",
            aksi_label=info.label, dari=dari, ke=objek.status, oleh=None, peran=KODE_SISTEM,
            catatan=alasan[:2000], catatan_publik=True,
        )
