"""``python manage.py buat_register --jumlah 500 --seed 1 --hapus``: a synthetic register.

See ``apps/penduduk/sintetis.py`` for what is generated. Prints residents, families, seconds and
rows per second, so it doubles as the write benchmark of the register.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db.models import ProtectedError

from apps.penduduk.sintetis import register_buat, register_hapus


def angka(n: float, desimal: int = 0) -> str:
    """1234567.8 → "1.234.567" (Indonesian thousands separator)."""
    return f"{n:,.{desimal}f}".replace(",", "_").replace(".", ",").replace("_", ".")


class Command(BaseCommand):
    help = "Membuat register penduduk sintetis (keluarga, NIK, No. KK dan alamat yang konsisten)."

    def add_arguments(self, parser):
        parser.add_argument("--jumlah", type=int, default=500, help="Jumlah penduduk yang dibuat (bawaan 500).")
        parser.add_argument("--seed", type=int, default=None, help="Benih acak: benih yang sama memberi register yang sama.")
        parser.add_argument("--hapus", action="store_true", help="Kosongkan register (penduduk dan keluarga) lebih dulu.")
        parser.add_argument(
            "--tanggal-acuan",
            type=datetime.date.fromisoformat,
            default=None,
            help="Tanggal 'hari ini' untuk umur dan tanggal terbit (YYYY-MM-DD; bawaan hari ini).",
        )
        parser.add_argument("--batch", type=int, default=5000, help="Penduduk per transaksi (bawaan 5000).")

    def handle(self, *args, jumlah, seed, hapus, tanggal_acuan, batch, **opts):
        if jumlah < 0:
            raise CommandError("--jumlah tidak boleh negatif.")
        if hapus:
            try:
                dihapus = register_hapus()
            except ProtectedError as e:
                raise CommandError(f"Register tidak bisa dikosongkan: masih dirujuk data lain ({e.args[0]})") from e
            self.stdout.write(f"Register dikosongkan: {angka(dihapus)} penduduk dihapus.")

        def kemajuan(penduduk: int, keluarga: int) -> None:
            if jumlah >= 100_000 and penduduk // 50_000 != (penduduk - batch) // 50_000:
                self.stdout.write(f"  … {angka(penduduk)} penduduk, {angka(keluarga)} keluarga")

        hasil = register_buat(jumlah=jumlah, seed=seed, tanggal_acuan=tanggal_acuan, ukuran_batch=batch, kemajuan=kemajuan)
        self.stdout.write(
            self.style.SUCCESS(
                f"Register dibuat: {angka(hasil.penduduk)} penduduk, {angka(hasil.keluarga)} keluarga dalam "
                f"{angka(hasil.detik, 1)} detik ({angka(hasil.baris_per_detik)} baris/detik)"
            )
        )
