from django.db import migrations


def isi(apps, schema_editor):
    from apps.capil.syarat import isi_katalog

    isi_katalog(
        apps.get_model("pendaftaran", "Layanan"),
        apps.get_model("pendaftaran", "Persyaratan"),
        apps.get_model("pendaftaran", "SebabLayanan"),
    )


class Migration(migrations.Migration):
    """P.5.1's requirement lists and targets move into the admin-editable service catalogue
    (one service per event, requirements by code, a birth's reasons as the catalogue's sebab)."""

    dependencies = [
        ("capil", "0002_nomor_siak_akhir_alur"),
        ("pendaftaran", "0004_koreksi_katalog"),
    ]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
