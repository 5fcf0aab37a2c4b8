"""Accounts and roles in Django admin: the administrator gives people their roles here.

A role is a Django group named by its code (roles.py); the user list shows each person's roles
and filters by role. The groups' permissions are kept by ``akun.signals.sinkron_izin`` after
every migrate, so they are shown, not edited, on the role list.
"""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db.models import Count

from .models import AkunWarga
from .roles import NAMA_PERAN, PERAN


class PeranFilter(admin.SimpleListFilter):
    title = "peran"
    parameter_name = "peran"

    def lookups(self, request, model_admin):
        return [*PERAN, ("-", "Tanpa peran")]

    def queryset(self, request, queryset):
        if self.value() == "-":
            return queryset.filter(groups__isnull=True)
        if self.value() in NAMA_PERAN:
            return queryset.filter(groups__name=self.value())
        return queryset


admin.site.unregister(User)


@admin.register(User)
class PenggunaAdmin(UserAdmin):
    list_display = ["username", "nama_lengkap", "peran", "email", "is_active", "is_staff", "last_login"]
    list_filter = [PeranFilter, "is_active", "is_staff", "is_superuser"]
    search_fields = ["username", "first_name", "last_name", "email", "groups__name"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="nama", ordering="first_name")
    def nama_lengkap(self, obj):
        return obj.get_full_name()

    @admin.display(description="peran")
    def peran(self, obj):
        return ", ".join(NAMA_PERAN.get(g.name, g.name) for g in obj.groups.all()) or "—"


class JenisGrupFilter(admin.SimpleListFilter):
    title = "jenis"
    parameter_name = "jenis"

    def lookups(self, request, model_admin):
        return [("peran", "Peran portal"), ("lain", "Grup lain")]

    def queryset(self, request, queryset):
        if self.value() == "peran":
            return queryset.filter(name__in=NAMA_PERAN)
        if self.value() == "lain":
            return queryset.exclude(name__in=NAMA_PERAN)
        return queryset


admin.site.unregister(Group)


@admin.register(Group)
class PeranAdmin(GroupAdmin):
    list_display = ["name", "nama_peran", "anggota"]
    list_filter = [JenisGrupFilter]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_anggota=Count("user", distinct=True))

    def get_readonly_fields(self, request, obj=None):
        # A role's code is what the transitions name, and its permissions come from roles.py:
        # renaming or editing it here would be undone (or break) at the next migrate.
        if obj is not None and obj.name in NAMA_PERAN:
            return ["name", "permissions"]
        return []

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.name in NAMA_PERAN:
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description="peran")
    def nama_peran(self, obj):
        return NAMA_PERAN.get(obj.name, "")

    @admin.display(description="anggota", ordering="_anggota")
    def anggota(self, obj):
        return obj._anggota


@admin.register(AkunWarga)
class AkunWargaAdmin(admin.ModelAdmin):
    """Citizens' accounts: the administrator may deactivate one; the password hash is never shown."""

    list_display = ["email", "nama", "terverifikasi_pada", "aktif", "dibuat_pada", "masuk_terakhir"]
    list_filter = ["aktif", ("terverifikasi_pada", admin.EmptyFieldListFilter), "dibuat_pada"]
    search_fields = ["email", "nama"]
    exclude = ["kata_sandi"]
    readonly_fields = ["email", "terverifikasi_pada", "dibuat_pada", "masuk_terakhir"]
