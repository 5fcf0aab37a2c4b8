from django.db import migrations


def isi(apps, schema_editor):
    from apps.pendaftaran.katalog import isi_katalog

    isi_katalog(apps.get_model("pendaftaran", "Layanan"), apps.get_model("pendaftaran", "Persyaratan"))


class Migration(migrations.Migration):
    dependencies = [("pendaftaran", "0001_initial")]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
