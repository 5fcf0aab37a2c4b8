from django.db.models import QuerySet

from .models import Penduduk


def penduduk_cari(*, q: str) -> QuerySet[Penduduk]:
    """By NIK (exact), No. KK (exact) or name prefix; digits-only input is a number."""
    qs = Penduduk.objects.select_related("keluarga", "kelurahan")
    if q.isdigit():
        if len(q) == 16:
            return qs.filter(nik=q) | qs.filter(keluarga__no_kk=q)
        return qs.filter(nik__startswith=q).order_by("nik")
    return qs.filter(nama__startswith=q.upper()).order_by("nama", "nik")


def penduduk_dari_nik(nik: str) -> Penduduk | None:
    return Penduduk.objects.select_related("keluarga", "kelurahan__induk").filter(nik=nik).first()
