"""The verify → TTE → cetak → QC → ambil tail moves to apps.core.ekor: the handover's receiver is
kept under the tail's name, and how a finished request was handed over is recorded."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def cara_penyerahan_isi(apps, schema_editor):
    for nama, cara in (("PermohonanTanpaVerifikasi", "fisik"), ("PermohonanDenganVerifikasi", "fisik"),
                       ("PermohonanIntegrasi", "mitra")):
        apps.get_model("pendaftaran", nama).objects.filter(diserahkan_pada__isnull=False).update(cara_penyerahan=cara)


class Migration(migrations.Migration):

    dependencies = [
        ('pendaftaran', '0011_standar_pelayanan'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name='permohonandenganverifikasi', old_name='penerima', new_name='diserahkan_kepada'),
        migrations.RenameField(model_name='permohonanintegrasi', old_name='penerima', new_name='diserahkan_kepada'),
        migrations.RenameField(model_name='permohonantanpaverifikasi', old_name='penerima', new_name='diserahkan_kepada'),
        migrations.AddField(
            model_name='permohonandenganverifikasi',
            name='cara_penyerahan',
            field=models.CharField(blank=True, choices=[('fisik', 'Diserahkan langsung (cetak)'), ('mitra', 'Diserahkan ke petugas mitra'), ('email', 'Dikirim lewat email'), ('register', 'Tanpa dokumen: register dimutakhirkan')], editable=False, max_length=8, verbose_name='cara penyerahan'),
        ),
        migrations.AlterField(
            model_name='permohonandenganverifikasi',
            name='diserahkan_kepada',
            field=models.CharField(blank=True, editable=False, max_length=120, verbose_name='diterima oleh'),
        ),
        migrations.AddField(
            model_name='permohonandenganverifikasi',
            name='ditandatangani_pada',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='ditandatangani pada'),
        ),
        migrations.AddField(
            model_name='permohonandenganverifikasi',
            name='pejabat',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='pejabat penandatangan'),
        ),
        migrations.AddField(
            model_name='permohonanintegrasi',
            name='cara_penyerahan',
            field=models.CharField(blank=True, choices=[('fisik', 'Diserahkan langsung (cetak)'), ('mitra', 'Diserahkan ke petugas mitra'), ('email', 'Dikirim lewat email'), ('register', 'Tanpa dokumen: register dimutakhirkan')], editable=False, max_length=8, verbose_name='cara penyerahan'),
        ),
        migrations.AlterField(
            model_name='permohonanintegrasi',
            name='diserahkan_kepada',
            field=models.CharField(blank=True, editable=False, max_length=120, verbose_name='diterima oleh'),
        ),
        migrations.AddField(
            model_name='permohonanintegrasi',
            name='ditandatangani_pada',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='ditandatangani pada'),
        ),
        migrations.AddField(
            model_name='permohonanintegrasi',
            name='pejabat',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='pejabat penandatangan'),
        ),
        migrations.AddField(
            model_name='permohonantanpaverifikasi',
            name='cara_penyerahan',
            field=models.CharField(blank=True, choices=[('fisik', 'Diserahkan langsung (cetak)'), ('mitra', 'Diserahkan ke petugas mitra'), ('email', 'Dikirim lewat email'), ('register', 'Tanpa dokumen: register dimutakhirkan')], editable=False, max_length=8, verbose_name='cara penyerahan'),
        ),
        migrations.AlterField(
            model_name='permohonantanpaverifikasi',
            name='diserahkan_kepada',
            field=models.CharField(blank=True, editable=False, max_length=120, verbose_name='diterima oleh'),
        ),
        migrations.AlterField(
            model_name='permohonandenganverifikasi',
            name='diserahkan_pada',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='diserahkan pada'),
        ),
        migrations.AlterField(
            model_name='permohonanintegrasi',
            name='diserahkan_pada',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='diserahkan pada'),
        ),
        migrations.AlterField(
            model_name='permohonantanpaverifikasi',
            name='diserahkan_pada',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='diserahkan pada'),
        ),
        migrations.RunPython(cara_penyerahan_isi, migrations.RunPython.noop),
    ]
