"""What the per-role home page shows: the user's queues with their counts."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, Q, Value
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.text import capfirst

from apps.core.indeks import hitung_antrian, model_terbatas
from apps.core.peran import peran_pengguna
from apps.core.peta import teks_kode
from apps.core.urls import url_proses
from apps.core.workflow import model_proses, peran_proses, status_antrian


@dataclass
class Antrian:
    judul: str
    kode_proses: str
    url: str
    jumlah: int
    terlambat: int


def antrian_pengguna(user) -> list[Antrian]:
    """The user's queues with their counts, in one query whatever the number of process models:
    the menu shows them on every page. The counts come from the cross-process index; a process in
    which the user's roles see only some records (``model_terbatas``) is counted through its
    model's own rule (a UNION ALL of one aggregate per such model)."""
    milik = peran_pengguna(user)
    hari_ini = timezone.localdate()
    dari_indeks = hitung_antrian(user)
    terbatas = set(model_terbatas(user))
    jenis = ContentType.objects.get_for_models(*model_proses())
    antrian: list[Antrian] = []
    hitung = []
    for model in model_proses():
        if not milik & peran_proses(model):
            continue
        status = status_antrian(model, user)
        if not status:
            continue
        try:
            url = url_proses(model, "antrian")
        except NoReverseMatch:
            continue
        if model not in terbatas:
            angka = dari_indeks[jenis[model].pk]
            antrian.append(
                Antrian(judul=capfirst(str(model._meta.verbose_name_plural)), kode_proses=teks_kode(model), url=url,
                        jumlah=angka["jumlah"], terlambat=angka["terlambat"])
            )
            continue
        hitung.append(
            model.untuk_pengguna(user).filter(status__in=status).order_by()
            .annotate(_urutan=Value(len(antrian), output_field=IntegerField())).values("_urutan")
            .annotate(jumlah=Count("pk"), terlambat=Count("pk", filter=Q(tenggat__lt=hari_ini)))
            .values_list("_urutan", "jumlah", "terlambat")
        )
        antrian.append(
            Antrian(judul=capfirst(str(model._meta.verbose_name_plural)), kode_proses=teks_kode(model), url=url, jumlah=0, terlambat=0)
        )
    if hitung:
        for urutan, jumlah, terlambat in hitung[0].union(*hitung[1:], all=True):
            antrian[urutan].jumlah, antrian[urutan].terlambat = jumlah, terlambat
    return sorted(antrian, key=lambda a: (a.kode_proses, a.judul))
