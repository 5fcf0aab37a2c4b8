"""Role × action × state: every role of apps/akun/roles.py tries every action of P.1.2.1.2 on a
letter (and on each of its dispositions) in every state, through the kernel's POST endpoint.

Only the declared role in the right state succeeds; every other attempt is refused and changes
nothing (state, version, log rows, attachments). Each success is rolled back, so that every role
meets the same record. The expectations are written out here, not read from the models, and the
test fails if a transition is added without being listed.
"""

from datetime import date, timedelta

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.akun.roles import KODE_PERAN
from apps.core.models import Lampiran, RiwayatStatus
from apps.core.workflow import aksi_model, peran_proses
from apps.umum.models import Disposisi, KlasifikasiArsip, SuratMasuk

from .conftest import URUTAN_STATUS, berkas_pdf, data_surat

# (action, state of the letter) -> the roles that may take it
BOLEH_SURAT = {
    ("disposisikan", "diagendakan"): {"kadis"},
    ("kembalikan", "diagendakan"): {"kadis"},
    ("perbaiki", "perbaikan"): {"tata_usaha"},
    ("teruskan", "didisposisi"): {"sekretaris"},
    ("serahkan_caraka", "diteruskan"): {"tata_usaha"},
    ("selesai_antar", "diantar_lengkap"): {"caraka"},
    ("arsipkan", "tersampaikan"): {"tata_usaha"},
}


def boleh_disposisi(aksi: str, d: Disposisi, status_surat: str, kode: str) -> bool:
    """The caraka records receipt of a waiting target once the letter is out; the target itself
    (the position kabid, or the kasi named) follows a received disposition up."""
    if aksi == "terima":
        return kode == "caraka" and d.status == "menunggu" and status_surat == "diantar"
    if aksi == "tindak_lanjuti":
        tujuan = d.jabatan or d.pengguna.username  # the named target is the user "kasi"
        return kode == tujuan and d.status == "diterima"
    raise AssertionError(aksi)


def isian(aksi: str, objek) -> dict:
    """A valid form for the action, so that a refusal is about role or state, never about data."""
    besok = (timezone.localdate() + timedelta(days=1)).isoformat()
    if aksi == "disposisikan":
        return {"tujuan_jabatan": ["kabid"], "instruksi": ["tindak_lanjuti"], "batas_waktu": besok}
    if aksi == "kembalikan":
        return {"catatan": "Pindaian tidak terbaca"}
    if aksi == "perbaiki":
        data = data_surat(perihal="Perihal diperbaiki", nomor_surat=objek.nomor_surat)
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in data.items()} | {"lampiran": berkas_pdf()}
    if aksi == "arsipkan":
        return {"klasifikasi": KlasifikasiArsip.objects.get(kode="000.1").pk, "lemari": "A", "laci": "1", "map": "M"}
    if aksi == "terima":
        return {"diterima_oleh": "Penerima", "diterima_pada": timezone.localtime().strftime("%Y-%m-%dT%H:%M")}
    if aksi == "tindak_lanjuti":
        return {"catatan": "Sudah ditindaklanjuti"}
    return {}


def keadaan(surat: SuratMasuk) -> tuple:
    surat = SuratMasuk.objects.get(pk=surat.pk)
    return (
        surat.status, surat.versi, surat.perihal, surat.klasifikasi_id,
        tuple(Disposisi.objects.filter(surat=surat).order_by("pk").values_list("pk", "status", "versi")),
        RiwayatStatus.objects.count(), Lampiran.objects.count(), Disposisi.objects.count(),
    )


class _Batalkan(Exception):
    pass


@pytest.fixture
def klien(alur, pengguna) -> dict[str, Client]:
    hasil = {}
    for kode in KODE_PERAN:
        c = Client()
        c.force_login(pengguna(kode))
        hasil[kode] = c
    return hasil


def test_the_matrix_lists_every_action():
    assert {a for a, _ in BOLEH_SURAT} == set(aksi_model(SuratMasuk))
    assert set(aksi_model(Disposisi)) == {"terima", "tindak_lanjuti"}


@pytest.mark.parametrize("status", URUTAN_STATUS)
def test_only_the_declared_role_in_the_right_state_succeeds(status, alur, klien):
    surat = alur.ke(status)
    status_surat = surat.status if status != "diantar_lengkap" else "diantar"
    sasaran = [surat, *Disposisi.objects.filter(surat=surat).select_related("pengguna").order_by("pk")]
    berhasil = []
    for objek in sasaran:
        model = type(objek)
        for aksi in aksi_model(model):
            url = reverse(f"umum:{model._meta.model_name}-aksi", args=[objek.pk, aksi])
            for kode, c in klien.items():
                if model is SuratMasuk:
                    boleh = kode in BOLEH_SURAT.get((aksi, status), set())
                else:
                    boleh = boleh_disposisi(aksi, objek, status_surat, kode)
                sebelum = keadaan(surat)
                versi = model.objects.get(pk=objek.pk).versi
                try:
                    with transaction.atomic():
                        r = c.post(url, {"versi": versi, **isian(aksi, objek)})
                        if boleh:
                            assert r.status_code == 302, (aksi, status, kode, r.status_code)
                            assert model.objects.get(pk=objek.pk).versi == versi + 1
                            assert keadaan(surat) != sebelum
                            berhasil.append((model.__name__, aksi, kode))
                            raise _Batalkan
                except _Batalkan:
                    pass
                if not boleh:
                    assert r.status_code in (400, 403, 404), (aksi, status, kode, r.status_code)
                    if kode not in peran_proses(model):
                        assert r.status_code == 403, (aksi, status, kode)
                    assert keadaan(surat) == sebelum, (aksi, status, kode)
    harapan = {("SuratMasuk", a, k) for (a, s), ks in BOLEH_SURAT.items() if s == status for k in ks}
    assert {b for b in berhasil if b[0] == "SuratMasuk"} == harapan
