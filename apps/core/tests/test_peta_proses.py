"""``manage.py peta_proses``: the 33 leaf codes of the map, each built one mapped to its models."""

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from apps.core.peta import PETA_PROSES, kode_proses
from apps.core.workflow import model_proses

# The first processes built, with the models that implement them (others join as they are built).
DIBANGUN = {
    "P.1.2.1.2": ["umum.SuratMasuk", "umum.Disposisi"],
    "P.4.1.1": ["pendaftaran.PermohonanTanpaVerifikasi"],
    "P.4.1.2": ["pendaftaran.PermohonanDenganVerifikasi"],
    "P.4.1.3": ["pendaftaran.PermohonanIntegrasi"],
    "P.5.1": ["capil.PencatatanSipil"],
}


def _json() -> dict:
    out = StringIO()
    call_command("peta_proses", "--json", stdout=out)
    return json.loads(out.getvalue())


def _dibangun() -> dict[str, list[str]]:
    """Code → models, from the models found at run time (what the command must print)."""
    hasil: dict[str, list[str]] = {}
    for model in model_proses():
        for kode in kode_proses(model):
            if kode in PETA_PROSES:
                hasil.setdefault(kode, []).append(model._meta.label)
    return hasil


def test_it_lists_all_33_codes_with_the_built_ones_mapped():
    peta = _json()
    assert len(peta) == 33
    assert list(peta) == list(PETA_PROSES)
    dibangun = _dibangun()
    assert {k: sorted(v["model"]) for k, v in peta.items() if v} == {k: sorted(v) for k, v in dibangun.items()}
    for kode, model in DIBANGUN.items():
        assert set(model) <= set(peta[kode]["model"]), kode
    assert all(peta[k] is None for k in PETA_PROSES if k not in dibangun)


def test_it_gives_states_transitions_and_roles_of_a_mapped_code():
    p412 = _json()["P.4.1.2"]
    assert {"diajukan", "terverifikasi", "ditandatangani", "selesai"} <= set(p412["states"])
    nama = {t["nama"] for t in p412["transitions"]}
    assert {"verifikasi", "tandatangani", "cetak"} <= nama
    tte = next(t for t in p412["transitions"] if t["nama"] == "tandatangani")
    assert set(tte["peran"]) == {"kabid", "kadis"} and tte["ke"] == "ditandatangani"
    assert {"petugas_fo", "verifikator", "kabid", "kadis", "operator_siak"} <= set(p412["roles"])


def test_text_output_says_belum_where_nothing_implements_a_code():
    out = StringIO()
    call_command("peta_proses", stdout=out)
    teks = out.getvalue()
    for kode in PETA_PROSES:
        assert re.search(rf"^{re.escape(kode)}\s", teks, re.M), kode
    dibangun = _dibangun()
    assert len(re.findall(r"^\s+belum\s*$", teks, re.M)) == 33 - len(dibangun)
    assert "model : pendaftaran.PermohonanIntegrasi" in teks
    assert f"{len(dibangun)} dari 33 proses" in teks


def test_every_process_model_declares_its_codes_as_a_tuple():
    for model in model_proses():
        assert isinstance(model.KODE_PROSES, tuple) and model.KODE_PROSES, model
        if model._meta.app_label != "kernel_app":
            assert set(kode_proses(model)) <= set(PETA_PROSES), model


def test_the_map_matches_the_leaf_codes_of_the_process_catalogue():
    katalog = Path(settings.BASE_DIR).parent / "shared" / "PROCESSES.md"
    if not katalog.exists():
        pytest.skip("PROCESSES.md is not beside the checkout")
    kode = re.findall(r"^\| (P\.[\d.]+) \|", katalog.read_text(), re.M)
    assert sorted(kode) == sorted(PETA_PROSES)


def test_the_diagram_of_a_flow_draws_only_its_own_states():
    from apps.core.management.commands.graph_transitions import dot_model
    from apps.pendaftaran.models import PermohonanDenganVerifikasi, PermohonanTanpaVerifikasi

    # P.4.1.1 shares its Status enum with P.4.1.2 but has no verification and no TTE.
    tanpa = dot_model(PermohonanTanpaVerifikasi)
    assert '"lengkap" [' in tanpa and '"terverifikasi" [' not in tanpa and '"ditandatangani" [' not in tanpa
    assert '"terverifikasi" [' in dot_model(PermohonanDenganVerifikasi)
