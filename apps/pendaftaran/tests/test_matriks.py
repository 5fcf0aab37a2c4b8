"""Role × action × state matrix of P.4.1, through the kernel's POST endpoint.

Every role of apps/akun/roles.py tries every action of each flow on a request in every state of
that flow. Only the declared role in the right state succeeds; a role without the action gets 403,
the declared role in a wrong state gets an error message; a refusal changes nothing (state,
version, timeline rows, documents).
"""

import pytest
from django.test import Client
from django.urls import reverse
from django_fsm import State

from apps.akun.roles import KODE_PERAN
from apps.core.models import RiwayatStatus
from apps.core.workflow import aksi_model
from apps.pendaftaran.models import PermohonanDenganVerifikasi, PermohonanIntegrasi, PermohonanTanpaVerifikasi

from .factories import PASSPHRASE, buat_pejabat, buat_permohonan, instansi_mitra, jadikan_petugas_mitra, pdf_uji

pytestmark = pytest.mark.django_db

MODEL = [PermohonanTanpaVerifikasi, PermohonanDenganVerifikasi, PermohonanIntegrasi]
MITRA_LAIN = "mitra_lain"


def status_graf(model) -> list[str]:
    """Every state the flow's transitions start from or lead to (its state graph)."""
    hasil = {model._meta.get_field("status").default}
    for t in model.status_field().get_all_transitions(model):
        hasil.add(t.source)
        hasil.update(t.target.allowed_states if isinstance(t.target, State) else [t.target])
    return sorted(hasil)


def target(model, aksi, obj) -> set[str]:
    hasil = set()
    for t in model.status_field().get_all_transitions(model):
        if t.name == aksi and t.source == obj.status:
            hasil.update(t.target.allowed_states if isinstance(t.target, State) else [t.target])
    return hasil


def isian(obj, aksi) -> dict:
    """Valid form data for each action, so that a refusal is about role or state, not input."""
    data = {"versi": obj.versi}
    info = aksi_model(type(obj))[aksi]
    if info.wajib_catatan:
        data["catatan"] = "Alasan uji"
    syarat = obj.layanan.persyaratan.first()
    if aksi == "lengkapi":
        data[f"berkas_{syarat.pk}"] = pdf_uji()
    elif aksi == "perbaiki" and isinstance(obj, PermohonanIntegrasi):
        data.update(nama=obj.nama, no_kk=obj.no_kk, alamat=obj.alamat, email="", telepon="")
    elif aksi in ("input_siak", "perbaiki"):
        data["referensi_siak"] = "SIAK-UJI-1"
    elif aksi == "tandatangani":
        data["passphrase"] = PASSPHRASE
    elif aksi == "serahkan":
        data["penerima"] = "Penerima uji"
    return data


def jejak(obj):
    from apps.dokumen.models import Dokumen

    segar = type(obj).objects.get(pk=obj.pk)
    return (segar.status, segar.versi, RiwayatStatus.objects.filter(object_id=obj.pk).count(), Dokumen.untuk(obj).count())


@pytest.fixture
def klien(semua_peran, kunci_tte):
    """One logged-in client per role; the partner belongs to the requests' institution."""
    instansi = instansi_mitra()
    jadikan_petugas_mitra(semua_peran["petugas_integrasi"], instansi)
    buat_pejabat(semua_peran["kabid"], nip="197001011995031001", direktori=kunci_tte)
    buat_pejabat(semua_peran["kadis"], nip="196801011990031001", direktori=kunci_tte)
    from conftest import buat_pengguna

    lain = buat_pengguna("petugas_integrasi", MITRA_LAIN)
    jadikan_petugas_mitra(lain, instansi_mitra("Kelurahan Bugul Lor"))
    hasil = {}
    for kode, user in [*semua_peran.items(), (MITRA_LAIN, lain)]:
        c = Client()
        c.force_login(user)
        hasil[kode] = c
    return hasil


@pytest.mark.parametrize("model", MODEL, ids=lambda m: m.KODE_PROSES)
def test_role_action_state_matrix(model, klien):
    semua_aksi = aksi_model(model)
    berhasil = []
    for status in status_graf(model):
        obj = buat_permohonan(model, status=status)
        for nama, info in semua_aksi.items():
            for kode in [*KODE_PERAN, MITRA_LAIN]:
                sebelum = jejak(obj)
                url = reverse(f"pendaftaran:{model._meta.model_name}-aksi", args=[obj.pk, nama])
                r = klien[kode].post(url, isian(obj, nama))
                peran_ok = kode in info.peran
                if peran_ok and status in info.sumber:
                    assert r.status_code == 302, (model.KODE_PROSES, status, nama, kode, r.status_code)
                    sesudah = jejak(obj)
                    assert sesudah[0] in target(model, nama, obj) and sesudah[1] == sebelum[1] + 1
                    assert sesudah[2] == sebelum[2] + 1
                    berhasil.append((status, nama, kode))
                    obj = buat_permohonan(model, status=status)
                    continue
                if kode == MITRA_LAIN and model is PermohonanIntegrasi:
                    assert r.status_code == 404, (status, nama, r.status_code)  # another institution's request
                elif peran_ok:
                    assert r.status_code == 400, (model.KODE_PROSES, status, nama, kode, r.status_code)
                    assert "tidak dapat dijalankan pada status" in r.content.decode(), (status, nama, kode)
                else:
                    assert r.status_code == 403, (model.KODE_PROSES, status, nama, kode, r.status_code)
                assert jejak(obj) == sebelum, (model.KODE_PROSES, status, nama, kode)
    # Every action succeeded somewhere, for each of its roles (the system's auto-close is no user's).
    assert {(n, k) for _, n, k in berhasil} == {(n, k) for n, i in semua_aksi.items() for k in i.peran if k != "sistem"}
