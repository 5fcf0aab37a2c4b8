"""``python manage.py buat_permohonan --jumlah N``: N synthetic requests over every process and state,
for the page benchmarks (``bench_halaman``) and for trying the portal at a city's volume.

One valid record per process model and state is made by the role matrix's record builders
(``tests/matriks_pabrik.py`` and ``apps/<app>/tests/pabrik_matriks.py``: what each transition
needs is already there); it is then copied with ``bulk_create`` — a new tracking code and PIN, a
filing date spread over the last year, a target date around it — together with its row of the
cross-process index. As in a running office about 85 % are finished. A model or state whose
record cannot be built or copied (a unique number, a one-to-one link) is left out and named.

Not for a production database: the copies carry test names and numbers.
"""

from __future__ import annotations

import random
import secrets
import time
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from apps.core.indeks import data_indeks
from apps.core.kode import ALFABET
from apps.core.models import IndeksProses, Proses
from apps.core.workflow import model_proses, status_alur

UKURAN = 5000


class _Batal(Exception):
    pass


def _kode_lacak(rng: random.Random) -> str:
    raw = "".join(rng.choice(ALFABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _dunia():
    """The role matrix's world: one user per role (the demo accounts when they exist)."""
    from apps.akun.roles import KODE_PERAN
    from apps.dokumen.management.commands.buat_sertifikat_lokal import PASSPHRASE_DEMO
    from tests.matriks_pabrik import Dunia

    User = get_user_model()
    pengguna = {}
    for kode in KODE_PERAN:
        user, dibuat = User.objects.get_or_create(username=kode, defaults={"first_name": kode.replace("_", " ").title()})
        if dibuat:
            user.set_password("demo12345")
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=kode))
        pengguna[kode] = user
    return Dunia(pengguna=pengguna, passphrase=PASSPHRASE_DEMO)


def _pabrik():
    import tests.matriks_pabrik as mp

    return mp.PABRIK


def _salin(templat: Proses, rng: random.Random, sekarang, unik: list[models.Field]) -> Proses:
    """A copy of ``templat`` with its own code, PIN, dates and unique values."""
    nilai = {f.attname: getattr(templat, f.attname) for f in templat._meta.concrete_fields if not f.primary_key}
    dibuat = sekarang - timedelta(minutes=rng.randrange(365 * 24 * 60))
    nilai.update(
        kode_lacak=_kode_lacak(rng), pin=f"{rng.randrange(10**6):06d}", versi=0, dibuat_pada=dibuat,
        status_sejak=dibuat + timedelta(hours=rng.randrange(1, 72)),
        tenggat=timezone.localtime(dibuat).date() + timedelta(days=rng.randint(3, 21)),
    )
    for f in unik:
        nilai[f.attname] = None if f.null else secrets.token_hex(8)[: f.max_length]
    # All at once through the constructor: the protected status field may be set only once.
    return type(templat)(**nilai)


def _unik(model) -> list[models.Field] | None:
    """Unique fields a copy must change (None: the model cannot be copied)."""
    hasil = []
    for f in model._meta.concrete_fields:
        if not f.unique or f.primary_key or f.name == "kode_lacak":
            continue
        if f.null or isinstance(f, models.CharField) and not f.choices and f.max_length >= 8:
            hasil.append(f)
        else:
            return None
    return hasil


class Command(BaseCommand):
    help = "Membuat N permohonan sintetis di semua proses dan status (untuk bench_halaman)."

    def add_arguments(self, parser):
        parser.add_argument("--jumlah", type=int, required=True, help="jumlah permohonan yang dibuat")
        parser.add_argument("--selesai", type=float, default=0.85, help="bagian yang sudah selesai (0..1)")
        parser.add_argument("--benih", type=int, default=None,
                            help="benih bilangan acak (tanpa benih: kode lacak baru di setiap jalan)")

    def handle(self, *args, jumlah: int, selesai: float, benih: int | None, **opsi):
        if jumlah <= 0:
            raise CommandError("--jumlah harus lebih dari 0.")
        mulai = time.monotonic()
        rng = random.Random(benih)
        templat = self._templat()
        if not templat:
            raise CommandError("Tidak ada rekaman contoh yang dapat dibuat.")
        # Weights: each model gets the same share; within a model the finished states take
        # ``selesai`` of it, the open ones the rest.
        pilihan, bobot = [], []
        per_model: dict[type, list[Proses]] = {}
        for t in templat:
            per_model.setdefault(type(t), []).append(t)
        for model, daftar in per_model.items():
            akhir = [t for t in daftar if t.status in model.STATUS_AKHIR]
            buka = [t for t in daftar if t.status not in model.STATUS_AKHIR]
            for kelompok, bagian in ((akhir, selesai), (buka, 1 - selesai)):
                if not kelompok:
                    continue
                if not (akhir and buka):
                    bagian = 1.0
                for t in kelompok:
                    pilihan.append(t)
                    bobot.append(bagian / len(kelompok) / len(per_model))
        indeks = {id(t): data_indeks(t) for t in pilihan}
        ct = {m: ContentType.objects.get_for_model(m) for m in per_model}
        unik = {m: _unik(m) for m in per_model}
        sekarang = timezone.now()
        dibuat = 0
        while dibuat < jumlah:
            n = min(UKURAN, jumlah - dibuat)
            salinan: dict[type, list[tuple[Proses, Proses]]] = {}
            for t in rng.choices(pilihan, weights=bobot, k=n):
                salinan.setdefault(type(t), []).append((t, _salin(t, rng, sekarang, unik[type(t)])))
            with transaction.atomic():
                for model, pasangan in salinan.items():
                    baru = model.objects.bulk_create([b for _, b in pasangan])
                    baris = []
                    for (t, _), b in zip(pasangan, baru, strict=True):
                        data = {**indeks[id(t)], "kode_lacak": b.kode_lacak, "dibuat_pada": b.dibuat_pada,
                                "tenggat": b.tenggat, "diperbarui_pada": b.status_sejak}
                        baris.append(IndeksProses(content_type=ct[model], object_id=b.pk, **data))
                    IndeksProses.objects.bulk_create(baris)
            dibuat += n
            if dibuat % 100_000 < UKURAN or dibuat == jumlah:
                self.stdout.write(f"  {dibuat:,} permohonan ({time.monotonic() - mulai:.0f} s)")
        self.stdout.write(self.style.SUCCESS(
            f"{jumlah:,} permohonan dibuat di {len(per_model)} proses / {len(pilihan)} status "
            f"dalam {time.monotonic() - mulai:.1f} s."
        ))

    def _templat(self) -> list[Proses]:
        """One saved record per (model, state) that the builders can make and that can be copied."""
        pabrik = _pabrik()
        dunia = _dunia()
        hasil, dilewati = [], []
        rng = random.Random()
        for model in model_proses():
            label = model._meta.label
            if model._meta.app_label == "kernel_app" or label not in pabrik:
                continue
            if _unik(model) is None:
                dilewati.append(f"{label} (nilai unik)")
                continue
            for status in status_alur(model):
                sebelum = set(dunia.simpan)
                try:
                    with transaction.atomic():
                        objek = pabrik[label].buat(status, dunia)
                except Exception as exc:  # noqa: BLE001 - a builder may need what this database lacks
                    for kunci in set(dunia.simpan) - sebelum:  # made inside the rolled-back savepoint
                        del dunia.simpan[kunci]
                    dilewati.append(f"{label}:{status} ({type(exc).__name__})")
                    continue
                if objek.status != status:
                    dilewati.append(f"{label}:{status}")
                    continue
                # A copy must insert: try one inside a savepoint that is rolled back.
                try:
                    with transaction.atomic():
                        model.objects.bulk_create([_salin(objek, rng, timezone.now(), _unik(model))])
                        raise _Batal
                except _Batal:
                    hasil.append(objek)
                except IntegrityError as exc:
                    dilewati.append(f"{label}:{status} ({type(exc).__name__})")
        if dilewati:
            self.stdout.write(f"Dilewati ({len(dilewati)}): {', '.join(dilewati)}")
        self.stdout.write(f"Rekaman contoh: {len(hasil)} (model, status).")
        return hasil
