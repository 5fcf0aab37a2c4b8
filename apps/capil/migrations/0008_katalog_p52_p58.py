from django.db import migrations


def isi(apps, schema_editor):
    from apps.capil.syarat_perubahan import isi_katalog

    isi_katalog(
        apps.get_model("pendaftaran", "Layanan"),
        apps.get_model("pendaftaran", "Persyaratan"),
        apps.get_model("pendaftaran", "SebabLayanan"),
    )


class Migration(migrations.Migration):
    """P.5.2–P.5.8 in the admin-editable service catalogue: one service per map code, its
    requirements by reason and its target in working days."""

    dependencies = [
        ("capil", "0007_perubahanakta_permohonan_lanjutan"),
        ("pendaftaran", "0011_standar_pelayanan"),  # the catalogue's "produk" column
    ]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
