"""What the per-role home page shows: the user's queues with their counts.

The counts come from the cross-process index in one query (``core.indeks.hitung_antrian``),
whatever the number of process types; only a process in which the user's roles see just some
records (a partner's own filings, a courier's letters) is counted through its model's own rule.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.text import capfirst

from apps.core.indeks import hitung_antrian, model_terbatas
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
    dari_indeks = hitung_antrian(user)
    terbatas = set(model_terbatas(user))
    jenis = ContentType.objects.get_for_models(*model_proses())
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
        if model in terbatas:
            angka = model.untuk_pengguna(user).filter(status__in=status).aggregate(
                jumlah=Count("pk"), terlambat=Count("pk", filter=Q(tenggat__lt=hari_ini))
            )
        else:
            angka = dari_indeks[jenis[model].pk]
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
