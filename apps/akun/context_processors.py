from django.utils.functional import SimpleLazyObject

from apps.core.peran import peran_pengguna

from .menu import menu_pengguna, menu_publik
from .roles import NAMA_PERAN


def peran(request):
    """The user's roles for the navigation bar (one query, cached on the user object)."""
    user = getattr(request, "user", None)
    kode = sorted(peran_pengguna(user)) if user is not None else []
    return {"peran_saya": [(k, NAMA_PERAN.get(k, k)) for k in kode]}


def menu(request):
    """The staff menu of templates/base.html, built only when a page renders it."""
    return {
        "menu_saya": SimpleLazyObject(lambda: menu_pengguna(request.user)),
        "menu_publik": SimpleLazyObject(menu_publik),
    }
