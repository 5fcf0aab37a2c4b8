from django.db import migrations


def koreksi(apps, schema_editor):
    from apps.pendaftaran.katalog import koreksi_katalog

    koreksi_katalog(
        apps.get_model("pendaftaran", "Layanan"),
        apps.get_model("pendaftaran", "Persyaratan"),
        apps.get_model("pendaftaran", "SebabLayanan"),
    )


class Migration(migrations.Migration):
    """F-1.02 for every P.4.1 service; the KK baru's buku nikah only where the reason is a marriage."""

    dependencies = [("pendaftaran", "0003_katalog_umum")]

    operations = [migrations.RunPython(koreksi, migrations.RunPython.noop)]
