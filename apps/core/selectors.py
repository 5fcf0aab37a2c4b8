"""Access to process records: the one place where a view fetches a record (IDOR stops here)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .peran import peran_pengguna


def objek_untuk_pengguna(model, user, pk, *, relasi=()):
    """The record ``pk`` of ``model`` if ``user`` may open it: 403 without a role in the process,
    404 when the record is outside what the user's role may see (or does not exist)."""
    from .workflow import peran_proses

    if not (peran_pengguna(user) & peran_proses(model)):
        raise PermissionDenied("Peran Anda tidak terlibat dalam proses ini.")
    try:
        return model.untuk_pengguna(user).select_related(*relasi).get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404("Berkas tidak ditemukan.") from None
