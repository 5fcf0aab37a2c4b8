"""Each P.4.1 flow offers exactly the actions of its map (shared steps are declared once on
abstract bases; a model that declared its own ``status`` field would silently lose them)."""

import pytest

from apps.core.workflow import aksi_model
from apps.pendaftaran.models import PermohonanDenganVerifikasi, PermohonanIntegrasi, PermohonanTanpaVerifikasi

# Every flow can be refused or closed with a reason at intake, and a returned file nobody
# completes is closed by the system (tutup_otomatis).
LOKET = {"berkas_lengkap", "kembalikan", "lengkapi", "cetak", "cetakan_bagus", "cetakan_rusak", "serahkan",
         "tolak", "batalkan", "tutup_otomatis",
         # an online applicant re-uploads what was missing from the status page (a system step)
         "lengkapi_daring"}
# The verifier may refuse; the signing official may send the file back instead of signing.
VERIFIKASI = {"minta_perbaikan", "perbaiki", "verifikasi", "tandatangani", "tolak_verifikasi", "kembalikan_tte"}


@pytest.mark.parametrize(
    ("model", "aksi"),
    [
        (PermohonanTanpaVerifikasi, LOKET),  # P.4.1.1: no verifikator, no TTE
        (PermohonanDenganVerifikasi, LOKET | VERIFIKASI | {"input_siak"}),  # P.4.1.2
        (PermohonanIntegrasi, LOKET - {"lengkapi_daring"} | VERIFIKASI),  # P.4.1.3: the partner's filing is the input, never online
    ],
)
def test_each_flow_has_exactly_its_actions(model, aksi):
    assert set(aksi_model(model)) == aksi


def test_shared_steps_keep_their_role_per_flow():
    assert aksi_model(PermohonanTanpaVerifikasi)["berkas_lengkap"].peran == ("petugas_fo",)
    assert aksi_model(PermohonanDenganVerifikasi)["tandatangani"].peran == aksi_model(PermohonanIntegrasi)["tandatangani"].peran
    assert set(aksi_model(PermohonanIntegrasi)["berkas_lengkap"].peran) == {"petugas_integrasi"}
