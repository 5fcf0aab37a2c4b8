"""IndeksProses.di_antrean: set for the rows some role has an action on (idempotent)."""

from django.db import migrations, models


def isi_di_antrean(apps, schema_editor):
    Indeks = apps.get_model("core", "IndeksProses")
    Indeks.objects.exclude(peran_antrian="").update(di_antrean=True)
    Indeks.objects.filter(peran_antrian="").update(di_antrean=False)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0004_hari_libur_2026_2027'),
    ]

    operations = [
        migrations.AddField(
            model_name='indeksproses',
            name='di_antrean',
            field=models.BooleanField(db_index=True, default=False, verbose_name='di antrean'),
        ),
        migrations.RunPython(isi_di_antrean, migrations.RunPython.noop),
    ]
