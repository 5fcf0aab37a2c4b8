import io

from apps.keuangan.demo import PERAN_DEMO, isi_demo
from apps.keuangan.models import LaporanKinerja, PermintaanPembayaran


def test_demo_data_covers_the_flows_and_is_added_once(pengguna):
    for kode in PERAN_DEMO:
        pengguna(kode)
    keluaran = io.StringIO()
    isi_demo(keluaran)
    assert set(PermintaanPembayaran.objects.values_list("status", flat=True)) == {"dibayar", "spp_spm_terbit", "spj_disusun", "diajukan"}
    assert LaporanKinerja.objects.filter(status="dinilai").count() == 6
    isi_demo(keluaran)
    assert PermintaanPembayaran.objects.count() == 4 and "sudah ada" in keluaran.getvalue()
