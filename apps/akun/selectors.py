"""What the per-role home page shows: the user's queues with their counts."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.text import capfirst

from apps.core.peran import peran_pengguna
from apps.core.peta import teks_kode
from apps.core.views import nama_url
from apps.core.workflow import model_proses, peran_proses, status_antrian


@dataclass
class Antrian:
    judul: str
    kode_proses: str
    url: str
    jumlah: int
    terlambat: int


def antrian_pengguna(user) -> list[Antrian]:
    milik = peran_pengguna(user)
    hasil = []
    hari_ini = timezone.localdate()
    for model in model_proses():
        if not milik & peran_proses(model):
            continue
        status = status_antrian(model, user)
        if not status:
            continue
        try:
            url = reverse(nama_url(model, "antrian"))
        except NoReverseMatch:
            continue
        angka = model.untuk_pengguna(user).filter(status__in=status).aggregate(
            jumlah=Count("pk"), terlambat=Count("pk", filter=Q(tenggat__lt=hari_ini))
        )
        hasil.append(
            Antrian(
                judul=capfirst(str(model._meta.verbose_name_plural)),
                kode_proses=teks_kode(model),
                url=url,
                jumlah=angka["jumlah"],
                terlambat=angka["terlambat"],
            )
        )
    return sorted(hasil, key=lambda a: (a.kode_proses, a.judul))
