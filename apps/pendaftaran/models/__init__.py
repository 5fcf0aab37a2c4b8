"""P.4.1 — penerbitan KK, KTP-el dan KIA (warga baru, rusak, hilang, perubahan data, SKPWNI).

Master data (``layanan``): the service catalogue with its requirements, and the integrated
partners of P.4.1.3. Process records (``permohonan``): one model per flow of the map, so that each
state graph is exactly the map's and each role's queue holds only what that role acts on.
"""

from .biodata import BiodataRentan
from .blangko import MutasiBlangko, StokBlangko
from .layanan import AlasanLayanan, Alur, InstansiMitra, JenisDokumen, Layanan, Persyaratan, PetugasMitra, SebabLayanan
from .luar_negeri import PindahLuarNegeri
from .perekaman import PerekamanKTP
from .perekaman_lansia import PerekamanLansia
from .permohonan import PermohonanDenganVerifikasi, PermohonanIntegrasi, PermohonanTanpaVerifikasi, Status
from .pindah_masuk import KantorDukcapil, PindahMasuk
from .wna import PendaftaranWNA

MODEL_PERMOHONAN = (PermohonanTanpaVerifikasi, PermohonanDenganVerifikasi, PermohonanIntegrasi)

__all__ = [
    "AlasanLayanan",
    "BiodataRentan",
    "Alur",
    "InstansiMitra",
    "JenisDokumen",
    "KantorDukcapil",
    "Layanan",
    "MODEL_PERMOHONAN",
    "MutasiBlangko",
    "PendaftaranWNA",
    "PerekamanKTP",
    "PerekamanLansia",
    "PindahLuarNegeri",
    "PindahMasuk",
    "PermohonanDenganVerifikasi",
    "PermohonanIntegrasi",
    "PermohonanTanpaVerifikasi",
    "Persyaratan",
    "PetugasMitra",
    "SebabLayanan",
    "Status",
    "StokBlangko",
]
