"""The cross-process index (IndeksProses) and its first filling from the existing records.

The filling reads the process tables through the historical models of this migration (so it
does not depend on columns added later) and the state machines from the code; ``manage.py
bangun_indeks`` rewrites every row with the full summary afterwards. Idempotent: records already
indexed are skipped.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


def isi_indeks(apps, schema_editor):
    from django.apps import apps as apps_sekarang
    from django.utils import timezone
    from django.utils.text import capfirst

    from apps.core.indeks import peran_baca_penuh, peran_di_status, token_peran
    from apps.core.models import Proses
    from apps.core.peta import teks_kode

    Indeks = apps.get_model("core", "IndeksProses")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in apps_sekarang.get_models():
        if not issubclass(model, Proses):
            continue
        try:
            lama = apps.get_model(model._meta.app_label, model.__name__)
        except LookupError:
            continue
        if not lama.objects.exists():
            continue
        ct, _ = ContentType.objects.get_or_create(app_label=model._meta.app_label, model=model._meta.model_name)
        ada = set(Indeks.objects.filter(content_type=ct).values_list("object_id", flat=True))
        kolom = {f.attname for f in lama._meta.concrete_fields}
        label = {str(k): str(v) for k, v in model.status_field().flatchoices}
        baca = token_peran(peran_baca_penuh(model))
        baru = []
        for r in lama.objects.order_by("pk").iterator(chunk_size=2000):
            if r.pk in ada:
                continue
            nik = next((getattr(r, f) for f in ("nik", "pelapor_nik") if f in kolom), "")
            nama = next((getattr(r, f) for f in ("nama", "pelapor_nama") if f in kolom), "")
            baru.append(Indeks(
                content_type_id=ct.pk, object_id=r.pk, kode_proses=teks_kode(model)[:60],
                layanan=capfirst(str(model._meta.verbose_name))[:200], kode_lacak=r.kode_lacak,
                dilacak_pemohon=bool(model.DILACAK_PEMOHON), nik=(nik or "")[:16], nama=(nama or "")[:200],
                status=r.status, status_label=label.get(r.status, r.status)[:200],
                selesai=r.status in model.STATUS_AKHIR,
                peran_antrian=token_peran(peran_di_status(model, r.status)), peran_baca=baca,
                tenggat=r.tenggat, dibuat_pada=r.dibuat_pada, diperbarui_pada=timezone.now(),
            ))
        Indeks.objects.bulk_create(baru, batch_size=2000)


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0002_kunci_idempoten'),
    ]

    operations = [
        migrations.CreateModel(
            name='IndeksProses',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField()),
                ('kode_proses', models.CharField(db_index=True, max_length=60, verbose_name='kode proses')),
                ('layanan', models.CharField(max_length=200)),
                ('kode_lacak', models.CharField(db_index=True, max_length=14, verbose_name='kode lacak')),
                ('dilacak_pemohon', models.BooleanField(default=False, help_text='Ditemukan di halaman cek status publik.')),
                ('nik', models.CharField(blank=True, db_index=True, max_length=16, verbose_name='NIK pemohon')),
                ('nama', models.CharField(blank=True, max_length=200, verbose_name='nama pemohon')),
                ('ringkasan', models.CharField(blank=True, max_length=300)),
                ('status', models.CharField(max_length=64)),
                ('status_label', models.CharField(max_length=200, verbose_name='label status')),
                ('selesai', models.BooleanField(default=False)),
                ('peran_antrian', models.CharField(blank=True, max_length=500, verbose_name='di antrean peran')),
                ('peran_baca', models.CharField(blank=True, max_length=500, verbose_name='dibaca peran')),
                ('tenggat', models.DateField(blank=True, null=True)),
                ('dibuat_pada', models.DateTimeField(verbose_name='diajukan pada')),
                ('diperbarui_pada', models.DateTimeField(default=django.utils.timezone.now, verbose_name='diperbarui pada')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype')),
            ],
            options={
                'verbose_name': 'indeks permohonan',
                'verbose_name_plural': 'indeks permohonan',
                'ordering': ['-dibuat_pada', 'pk'],
                'indexes': [models.Index(fields=['status'], name='core_indeks_status_2208ae_idx'), models.Index(fields=['selesai', 'tenggat'], name='core_indeks_selesai_8e538d_idx')],
                'constraints': [models.UniqueConstraint(fields=('content_type', 'object_id'), name='indeks_satu_per_objek')],
            },
        ),
        migrations.RunPython(isi_indeks, migrations.RunPython.noop),
    ]
