from django.db import migrations


def isi(apps, schema_editor):
    from apps.core.libur import isi_libur

    isi_libur(apps.get_model("core", "HariLibur"))


class Migration(migrations.Migration):
    """National holidays and cuti bersama of 2026 and 2027 (apps/core/libur.py)."""

    dependencies = [("core", "0003_indeks_proses")]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
