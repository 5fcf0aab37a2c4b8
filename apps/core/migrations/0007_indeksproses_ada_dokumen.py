from django.db import migrations, models

# Rows of records that already have a document (any, active or not: the status page then looks).
ISI = """
UPDATE core_indeksproses SET ada_dokumen = TRUE
WHERE EXISTS (SELECT 1 FROM dokumen_dokumen d
              WHERE d.content_type_id = core_indeksproses.content_type_id
                AND d.object_id = core_indeksproses.object_id)
"""


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_indeksproses_email"),
        ("dokumen", "0004_tte_massal"),
    ]

    operations = [
        migrations.AddField(
            model_name="indeksproses",
            name="ada_dokumen",
            field=models.BooleanField(default=False, verbose_name="ada dokumen"),
        ),
        migrations.RunSQL(ISI, migrations.RunSQL.noop),
    ]
