from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .forms import MasukForm
from .selectors import antrian_pengguna

PESAN_TERKUNCI = (
    "Terlalu banyak percobaan masuk yang gagal untuk akun ini atau dari alamat ini. "
    "Demi keamanan, masuk dikunci sementara selama {menit} menit. Silakan coba lagi nanti "
    "atau hubungi administrator."
)


class MasukView(auth_views.LoginView):
    template_name = "akun/masuk.html"
    authentication_form = MasukForm
    redirect_authenticated_user = True


class KeluarView(auth_views.LogoutView):
    pass


def masuk_terkunci(request, original_response=None, credentials=None):
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE) for the portal's and the admin's login:
    the login page with the reason in Bahasa Indonesia, HTTP 429."""
    menit = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    konteks = {"form": MasukForm(request), "pesan_terkunci": PESAN_TERKUNCI.format(menit=menit)}
    return render(request, "akun/masuk.html", konteks, status=429)


def beranda(request):
    """Staff: their queues with counts. Visitors: the public landing page."""
    if not request.user.is_authenticated:
        return render(request, "akun/beranda_publik.html")
    return render(request, "akun/beranda.html", {"antrian": antrian_pengguna(request.user)})


@login_required
@require_GET
def menu_antrean(request):
    """The menu's queues with their counts (one query), loaded by htmx after each staff page."""
    return render(request, "partials/menu_antrean.html", {"antrian": antrian_pengguna(request.user)})
