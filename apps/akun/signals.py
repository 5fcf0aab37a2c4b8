from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from .roles import IZIN, MASTER_DATA, PERAN

# Apps whose records the administrator may read in admin.
_APP_PORTAL = ["core", "akun", "penduduk", "dokumen", "publik", "umum", "keuangan", "pendaftaran", "capil", "piak", "pemanfaatan"]


def sinkron_izin(sender=None, **kwargs):
    """Create the role groups if missing and give each its permissions (idempotent)."""
    for kode, _ in PERAN:
        grup, _ = Group.objects.get_or_create(name=kode)
        izin = IZIN.get(kode, [])
        if izin == "*master*":
            # Master data in full; every other record of the portal read-only.
            kondisi = Q(content_type__app_label__in=_APP_PORTAL, codename__startswith="view_")
            for label in MASTER_DATA:
                app_label, model = label.split(".")
                kondisi |= Q(content_type__app_label=app_label, content_type__model=model)
            grup.permissions.set(Permission.objects.filter(kondisi))
            continue
        kondisi = Q(pk__in=[])
        for nama in izin:
            app_label, codename = nama.split(".")
            kondisi |= Q(content_type__app_label=app_label, codename=codename)
        grup.permissions.set(Permission.objects.filter(kondisi))
