"""Master data: the regions of Kota Pasuruan with their Kemendagri codes (data/wilayah-kota-pasuruan.csv)."""

import csv
from pathlib import Path

from django.db import migrations

CSV = Path(__file__).resolve().parents[3] / "data" / "wilayah-kota-pasuruan.csv"


def muat(apps, schema_editor):
    Wilayah = apps.get_model("penduduk", "Wilayah")
    with CSV.open(newline="", encoding="utf-8") as f:
        for baris in csv.DictReader(f):
            Wilayah.objects.update_or_create(
                kode=baris["kode"],
                defaults={"tingkat": baris["tingkat"], "nama": baris["nama"], "induk_id": baris["induk"] or None},
            )


class Migration(migrations.Migration):
    dependencies = [("penduduk", "0001_initial")]
    operations = [migrations.RunPython(muat, migrations.RunPython.noop)]
