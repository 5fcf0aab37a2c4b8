"""The portal's URLs plus ``/_bench/polos/``: a bare Django template page of 20 items, the yardstick
``bench_halaman`` measures every page against (same gunicorn, same middleware)."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from dukcapil.urls import handler403, handler404  # noqa: F401
from dukcapil.urls import urlpatterns as _portal

_TEMPLAT = engines["django"].from_string(
    "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>{{ judul }}</title></head>"
    "<body><h1>{{ judul }}</h1><ul>{% for i in baris %}<li>Baris {{ i }}: {{ judul|lower }}</li>{% endfor %}</ul>"
    "</body></html>"
)


def polos(request):
    return HttpResponse(_TEMPLAT.render({"judul": "Halaman polos", "baris": range(1, 21)}))


urlpatterns = [path("_bench/polos/", polos, name="bench-polos"), *_portal]
