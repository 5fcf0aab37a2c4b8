from django.contrib.auth import views as auth_views
from django.shortcuts import render

from .forms import MasukForm
from .selectors import antrian_pengguna


class MasukView(auth_views.LoginView):
    template_name = "akun/masuk.html"
    authentication_form = MasukForm
    redirect_authenticated_user = True


class KeluarView(auth_views.LogoutView):
    pass


def beranda(request):
    """Staff: their queues with counts. Visitors: the public landing page."""
    if not request.user.is_authenticated:
        return render(request, "akun/beranda_publik.html")
    return render(request, "akun/beranda.html", {"antrian": antrian_pengguna(request.user)})
