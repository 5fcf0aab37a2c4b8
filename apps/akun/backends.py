"""Log-in backend: Django's, reading the user's roles with the user and keeping both briefly in
the shared cache."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db import transaction
from django.db.models import Aggregate, CharField

KUNCI_PENGGUNA = "akun:pengguna:{}"
# How long a page may use the user as read before: every change made through the models (the
# account, its roles, a role's group) drops the copy at once; this bounds what bypasses them
# (a bulk UPDATE).
UMUR_DETIK = 30


class GabungNama(Aggregate):
    """The names joined by "|" (GROUP_CONCAT on SQLite, STRING_AGG on PostgreSQL)."""

    function = "GROUP_CONCAT"
    template = "%(function)s(%(expressions)s, '|')"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="STRING_AGG", **extra)


class BackendPeran(ModelBackend):
    """Every staff page needs the user and their role codes (apps.core.peran): loading the user for
    the session reads the codes in the same query, and the pair is kept in the cache for the
    next pages (Redis in production, shared by every web process)."""

    def get_user(self, user_id):
        kunci = KUNCI_PENGGUNA.format(user_id)
        user = cache.get(kunci)
        if user is None:
            user = (get_user_model()._default_manager.annotate(_nama_grup=GabungNama("groups__name"))
                    .filter(pk=user_id).first())
            if user is None:
                return None
            user._peran_cache = frozenset(filter(None, (user._nama_grup or "").split("|")))
            cache.set(kunci, user, UMUR_DETIK)
        if not self.user_can_authenticate(user):
            return None
        if not user.is_active:
            user._peran_cache = frozenset()
        return user


def lupakan_pengguna(*pk) -> None:
    """Drop the cached copies of these users now and again after the commit (a page reading the
    database in between would otherwise cache what is being changed)."""
    kunci = [KUNCI_PENGGUNA.format(p) for p in pk]
    if not kunci:
        return
    cache.delete_many(kunci)
    transaction.on_commit(lambda: cache.delete_many(kunci))


def _pengguna_berubah(sender, instance, **kwargs) -> None:
    lupakan_pengguna(instance.pk)


def _peran_berubah(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """user.groups.add/remove/clear, or group.user_set.* (reverse)."""
    if not reverse:
        lupakan_pengguna(instance.pk)
    elif action == "pre_clear":
        lupakan_pengguna(*instance.user_set.values_list("pk", flat=True))
    elif pk_set:
        lupakan_pengguna(*pk_set)


def _grup_berubah(sender, instance, **kwargs) -> None:
    """A role group renamed or deleted changes the roles of its members."""
    if instance.pk:
        lupakan_pengguna(*instance.user_set.values_list("pk", flat=True))


def _masuk(sender, request, user, **kwargs) -> None:
    """At log-in (after the last-login save, which dropped the copy), the copy is made: every
    page then reads the user the same way, the first one included."""
    cache.delete(KUNCI_PENGGUNA.format(user.pk))
    BackendPeran().get_user(user.pk)


def sambungkan_sinyal() -> None:
    from django.contrib.auth.models import Group
    from django.contrib.auth.signals import user_logged_in
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

    User = get_user_model()
    post_save.connect(_pengguna_berubah, sender=User, dispatch_uid="akun-pengguna-simpan")
    post_delete.connect(_pengguna_berubah, sender=User, dispatch_uid="akun-pengguna-hapus")
    m2m_changed.connect(_peran_berubah, sender=User.groups.through, dispatch_uid="akun-peran-berubah")
    post_save.connect(_grup_berubah, sender=Group, dispatch_uid="akun-grup-simpan")
    pre_delete.connect(_grup_berubah, sender=Group, dispatch_uid="akun-grup-hapus")
    user_logged_in.connect(_masuk, dispatch_uid="akun-masuk-simpan")
