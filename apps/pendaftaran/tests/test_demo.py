import io

import pytest

from apps.akun.demo_akun import akun_demo_siapkan
from apps.pendaftaran.demo import CONTOH, isi_demo
from apps.pendaftaran.models import MODEL_PERMOHONAN, PetugasMitra

pytestmark = pytest.mark.django_db


def test_demo_makes_requests_in_various_states_once():
    from apps.penduduk.sintetis import register_buat

    akun_demo_siapkan()
    register_buat(jumlah=40, seed=7)  # as siapkan_demo does first: a KK is verified against the register
    isi_demo(io.StringIO())
    status = {o.status for m in MODEL_PERMOHONAN for o in m.objects.all()}
    assert sum(m.objects.count() for m in MODEL_PERMOHONAN) == len(CONTOH)
    assert {"diajukan", "dikembalikan", "diinput", "terverifikasi", "siap_diambil", "selesai", "perbaikan"} <= status
    assert PetugasMitra.objects.get(pengguna__username="petugas_integrasi").instansi.nama == "KUA Bugul Kidul"
    isi_demo(io.StringIO())
    assert sum(m.objects.count() for m in MODEL_PERMOHONAN) == len(CONTOH)
