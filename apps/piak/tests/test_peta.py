"""``peta_proses --json`` maps P.6.1, P.6.2 and P.6.3 to PIAK's models, with their steps and roles."""

import json
from io import StringIO

from django.core.management import call_command


def test_the_map_has_the_three_piak_processes():
    out = StringIO()
    call_command("peta_proses", "--json", stdout=out)
    peta = json.loads(out.getvalue())
    assert peta["P.6.1"]["model"] == ["piak.Insiden"]
    assert peta["P.6.2"]["model"] == ["piak.Pengaduan"]
    assert peta["P.6.3"]["model"] == ["piak.PemutakhiranData"]

    def langkah(kode):
        return {t["nama"]: t for t in peta[kode]["transitions"]}

    insiden = langkah("P.6.1")
    assert {"klasifikasi_lokal", "klasifikasi_pusat", "catat_jawaban_pusat", "pulih", "konfirmasi"} <= set(insiden)
    assert insiden["klasifikasi_pusat"]["peran"] == ["pejabat_piak"]
    assert insiden["konfirmasi"]["ke"] == "selesai"
    aduan = langkah("P.6.2")
    assert {"teruskan", "jawab", "buka_ulang"} <= set(aduan)
    assert "bidang_teknis" in peta["P.6.2"]["roles"] and "admin_piak" in peta["P.6.2"]["roles"]
    pemutakhiran = langkah("P.6.3")
    assert pemutakhiran["mutakhirkan"]["peran"] == ["adb"]
    assert pemutakhiran["tidak_sesuai"]["ke"] == "lengkap"
