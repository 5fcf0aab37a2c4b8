"""P.1.2.2 — indexes for finding filed letters by a part of the sender or the subject.

On PostgreSQL a trigram GIN index serves ``icontains`` (Django writes ``UPPER(col::text) LIKE
UPPER('%…%')``, so the index is on that expression). It needs the pg_trgm extension; where the
database user may not create it, the migration goes on without the indexes (the search still
works, by scanning). SQLite (the embedded mode) has no such index.
"""

from django.db import migrations, transaction

INDEKS = [
    ("arsip_pengirim_trgm", "pengirim"),
    ("arsip_perihal_trgm", "perihal"),
]


def buat(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as c:
        try:
            with transaction.atomic(using=schema_editor.connection.alias):
                c.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception:
            return
        for nama, kolom in INDEKS:
            c.execute(
                f'CREATE INDEX IF NOT EXISTS {nama} ON umum_suratmasuk USING gin ((UPPER("{kolom}"::text)) gin_trgm_ops)'
            )


def hapus(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as c:
        for nama, _ in INDEKS:
            c.execute(f"DROP INDEX IF EXISTS {nama}")


class Migration(migrations.Migration):
    dependencies = [("umum", "0002_klasifikasi_awal")]
    operations = [migrations.RunPython(buat, hapus)]
