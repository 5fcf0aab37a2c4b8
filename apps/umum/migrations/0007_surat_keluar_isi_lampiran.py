from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("umum", "0006_surat_keluar_bmd_kepegawaian")]

    operations = [
        # "lampiran" is the name of every action form's attachment field.
        migrations.RenameField(model_name="suratkeluar", old_name="lampiran", new_name="isi_lampiran"),
    ]
