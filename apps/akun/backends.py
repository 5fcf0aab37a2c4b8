"""Log-in backend: Django's, reading the user's roles with the user."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Aggregate, CharField


class GabungNama(Aggregate):
    """The names joined by "|" (GROUP_CONCAT on SQLite, STRING_AGG on PostgreSQL)."""

    function = "GROUP_CONCAT"
    template = "%(function)s(%(expressions)s, '|')"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="STRING_AGG", **extra)


class BackendPeran(ModelBackend):
    """Every staff page needs the user and their role codes (apps.core.peran): loading the user for
    the session reads the codes in the same query instead of a second one on the groups."""

    def get_user(self, user_id):
        User = get_user_model()
        user = User._default_manager.annotate(_nama_grup=GabungNama("groups__name")).filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        user._peran_cache = frozenset(filter(None, (user._nama_grup or "").split("|"))) if user.is_active else frozenset()
        return user
