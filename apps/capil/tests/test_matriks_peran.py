"""Role × action × state for the P.5.1 flow, through the kernel's POST endpoint.

Every role of apps/akun/roles.py tries every action on a record in every state, with the data
the action's form needs (so that a refusal is for the role or the state, not for a bad form).
Only the role declared on the transition, in a source state, succeeds; everything else is refused
(403 for a role that may not take the action, 400 for the right role in the wrong state) and
changes nothing: state, version, timeline rows, register entries, residents, documents.
"""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from apps.akun.roles import KODE_PERAN
from apps.capil.models import PencatatanSipil, RegisterAkta, Status
from apps.core.models import RiwayatStatus
from apps.core.workflow import aksi_model
from apps.dokumen.models import Dokumen
from apps.penduduk.models import Penduduk

from .factories import kelahiran_baru
from .test_alur import data_input

# Actions a person can take (the kernel's beat task takes the automatic ones, tested in test_akhir).
AKSI = {n: a for n, a in aksi_model(PencatatanSipil).items() if not a.custom.get("otomatis")}
SETELAH_TTE = {Status.DITANDATANGANI, Status.DICETAK, Status.SELESAI}


def data_aksi(nama: str, objek: PencatatanSipil, passphrase: str) -> dict:
    if AKSI[nama].wajib_catatan:
        return {"catatan": "Alasan pengujian"}
    return {
        "input_siak": lambda: data_input(objek),
        "tandatangani": lambda: {"passphrase": passphrase},
        "serahkan": lambda: {"diterima_oleh": "BUDI SANTOSO"},
        "kirim_email": lambda: {"email": "budi@contoh.id"},
    }.get(nama, dict)()


def kutipan_siap(objek: PencatatanSipil) -> None:
    """What TTE leaves behind, for records put straight into a later state."""
    from django.contrib.contenttypes.models import ContentType

    Dokumen.objects.create(
        content_type=ContentType.objects.get_for_model(objek), object_id=objek.pk, jenis="akta_kelahiran",
        judul="Kutipan Akta Kelahiran", kunci_nomor="uji", tahun=2026, urut=objek.pk, nomor=f"UJI-{objek.pk}",
        perlu_tte=True, status=Dokumen.Status.SELESAI, berkas="dokumen/uji.pdf",
    )


def jejak(objek: PencatatanSipil) -> tuple:
    objek = PencatatanSipil.objects.get(pk=objek.pk)
    return (
        objek.status, objek.versi,
        RiwayatStatus.objects.filter(object_id=objek.pk, content_type__model="pencatatansipil").count(),
        RegisterAkta.objects.count(), Penduduk.objects.count(), Dokumen.objects.count(),
    )


@pytest.fixture
def dunia(pengguna, kadis, keluarga, passphrase):
    semua = {kode: pengguna(kode) for kode in KODE_PERAN}
    klien = {}
    for kode, user in semua.items():
        klien[kode] = Client()
        klien[kode].force_login(user)
    kk, ayah, ibu = keluarga

    def buat(status: str) -> PencatatanSipil:
        objek = kelahiran_baru(fo=semua["petugas_fo"], keluarga=kk, ayah=ayah, ibu=ibu,
                               tanggal_lahir=date(2026, 11, 1), status=status)
        if status in SETELAH_TTE:
            kutipan_siap(objek)
        return objek

    return klien, buat, passphrase


def kondisi_terpenuhi(objek: PencatatanSipil, nama: str) -> bool:
    """The transition's own conditions (e.g. the PA divorce's register update) on this record."""
    return any(t.name == nama and t.source == objek.status and all(c(objek) for c in t.conditions)
               for t in PencatatanSipil.status_field().get_all_transitions(PencatatanSipil))


@pytest.mark.parametrize("status", Status.values)
def test_only_the_declared_role_in_a_source_state_succeeds(dunia, status):
    klien, buat, passphrase = dunia
    objek = buat(status)
    awal = jejak(objek)  # refusals change nothing, so the baseline holds until a success
    berhasil = []
    for nama, info in AKSI.items():
        for kode, client in klien.items():
            boleh_peran = kode in info.peran
            boleh = boleh_peran and status in info.sumber and kondisi_terpenuhi(objek, nama)
            sasaran = buat(status) if boleh else objek
            sebelum = jejak(sasaran) if boleh else awal
            url = reverse("capil:pencatatansipil-aksi", args=[sasaran.pk, nama])
            r = client.post(url, {"versi": sasaran.versi, **data_aksi(nama, sasaran, passphrase)})
            if boleh:
                assert r.status_code == 302, f"{kode} {nama} pada {status}: {r.status_code}"
                sasaran.refresh_from_db()
                assert sasaran.status == info.target and sasaran.versi == sebelum[1] + 1
                berhasil.append((nama, kode))
                awal = jejak(objek)
            else:
                assert r.status_code == (400 if boleh_peran else 403), f"{kode} {nama} pada {status}: {r.status_code}"
                assert jejak(sasaran) == sebelum, f"{kode} {nama} pada {status} mengubah data"
    # Every state but the final ones has at least one way forward, each for exactly one role.
    harapan = sorted((n, p) for n, a in AKSI.items() if status in a.sumber and kondisi_terpenuhi(objek, n)
                     for p in a.peran)
    assert sorted(berhasil) == harapan
    assert (status in PencatatanSipil.STATUS_AKHIR) == (not harapan)
