from .insiden import Insiden, JenisPenyedia, LayananTerdampak, Lingkup, Penyedia, StatusInsiden  # noqa: F401
from .pemberitahuan import Pemberitahuan  # noqa: F401
from .pemutakhiran import KOLOM_BOLEH, PemutakhiranData, StatusPemutakhiran  # noqa: F401
from .pengaduan import BidangTeknis, JenisPengaduan, Pengaduan, Saluran, StatusPengaduan  # noqa: F401
from .pengaturan import Pengaturan  # noqa: F401
from .skm import SKALA, UNSUR_SKM, JawabanSkm, UndanganSkm  # noqa: F401
