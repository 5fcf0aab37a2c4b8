"""Create one Django group per role of PROCESSES.md.

The groups' plain permissions are attached after every migrate by ``akun.signals.sinkron_izin``,
because the permissions of the other apps are created only after their migrations have run.
"""

from django.db import migrations

from apps.akun.roles import PERAN


def buat_grup(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for kode, _ in PERAN:
        Group.objects.get_or_create(name=kode)


def hapus_grup(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[kode for kode, _ in PERAN]).delete()


class Migration(migrations.Migration):
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(buat_grup, hapus_grup)]
