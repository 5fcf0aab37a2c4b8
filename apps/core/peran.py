"""Roles as the workflow kernel sees them.

A transition declares who may take it with ``permission=peran("kabid", "kadis")``: the role is
named next to the action and nowhere else. ``peran`` returns a callable that django-fsm-2 calls as
``permission(instance, user)``; it carries the role codes so that queues, the role x action
matrix and the state diagrams can read them.

Superusers get no bypass: a system administrator keeps master data in admin but does not sign,
verify or hand over documents (least privilege, UU PDP).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def peran_pengguna(user) -> frozenset[str]:
    """The role codes (group names) of a user, read once per request object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_peran_cache", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._peran_cache = cached
    return cached


class Peran:
    """A transition permission: the user holds one of ``kode`` and, if given, ``syarat`` holds."""

    def __init__(self, *kode: str, syarat: Callable | None = None):
        if not kode:
            raise ValueError("peran() needs at least one role code")
        self.kode = tuple(kode)
        self.syarat = syarat

    def __call__(self, instance, user) -> bool:
        if not (peran_pengguna(user) & set(self.kode)):
            return False
        return self.syarat is None or bool(self.syarat(instance, user))

    def __repr__(self) -> str:
        return f"peran({', '.join(self.kode)})"


def peran(*kode: str, syarat: Callable | None = None) -> Peran:
    return Peran(*kode, syarat=syarat)


def punya_peran(user, kode: Iterable[str]) -> bool:
    return bool(peran_pengguna(user) & set(kode))
