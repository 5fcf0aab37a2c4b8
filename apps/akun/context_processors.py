from apps.core.peran import peran_pengguna

from .roles import NAMA_PERAN


def peran(request):
    """The user's roles for the navigation bar (one query, cached on the user object)."""
    user = getattr(request, "user", None)
    kode = sorted(peran_pengguna(user)) if user is not None else []
    return {"peran_saya": [(k, NAMA_PERAN.get(k, k)) for k in kode]}
