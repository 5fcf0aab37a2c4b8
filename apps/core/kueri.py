"""Reads the ORM builds and compiles once per process; each run only binds its parameters.

For the few queries every public status page view runs: building and compiling them with the ORM
cost several times the query itself (README, "Page figures"). The query is written as a normal
queryset over placeholder values (``penanda``), so it stays readable and follows model changes."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, QuerySet

# Placeholder ids: positive and in range (an out-of-range id, -1 for a positive field, compiles to
# "no rows" instead of a parameter).
PENANDA_ID = (1_999_999_991, 1_999_999_992)


class KueriTetap:
    """``KueriTetap(lambda kode: Model.objects.filter(kode=kode).values_list(...), penanda=("~",))``;
    ``.baris(kode)`` gives the rows as ``values_list`` would (the fields' converters applied).

    Each placeholder must reach the SQL exactly once as a parameter; any other parameter of the
    queryset stays as compiled. The placeholders must be values the fields accept: for ids, the
    ``PENANDA_ID`` below."""

    def __init__(self, buat: Callable[..., QuerySet], penanda: Sequence, using: str = DEFAULT_DB_ALIAS):
        self.buat = buat
        self.penanda = tuple(penanda)
        self.using = using
        self._rencana = None

    def _susun(self):
        qs = self.buat(*self.penanda)
        compiler = qs.query.get_compiler(using=self.using)
        sql, params = compiler.as_sql()
        letak = []
        for p in self.penanda:
            posisi = [i for i, x in enumerate(params) if x == p and type(x) is type(p)]
            if len(posisi) != 1:
                raise ValueError(f"Penanda {p!r} muncul {len(posisi)} kali dalam parameter {params!r}.")
            letak.append(posisi[0])
        kolom = [s[0] for s in compiler.select[: compiler.col_count]]
        pengubah = list(compiler.get_converters(kolom).items())
        return sql, list(params), letak, pengubah

    def baris(self, *nilai) -> list[tuple]:
        if self._rencana is None:
            self._rencana = self._susun()
        sql, params, letak, pengubah = self._rencana
        params = list(params)
        for i, v in zip(letak, nilai, strict=True):
            params[i] = v
        connection = connections[self.using]
        with connection.cursor() as cur:
            cur.execute(sql, params)
            hasil = cur.fetchall()
        if not pengubah:
            return hasil
        keluar = []
        for row in hasil:
            row = list(row)
            for pos, (fungsi, ekspresi) in pengubah:
                nilai_kolom = row[pos]
                for f in fungsi:
                    nilai_kolom = f(nilai_kolom, ekspresi, connection)
                row[pos] = nilai_kolom
            keluar.append(tuple(row))
        return keluar


def kolom_model(model: type[Model]) -> list[str]:
    """The attribute names of ``model``'s concrete fields, in the order ``Model.from_db`` takes."""
    return [f.attname for f in model._meta.concrete_fields]
