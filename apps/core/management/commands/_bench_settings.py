"""Settings of the gunicorn that ``bench_halaman`` starts: the portal's, plus one bare page."""

from dukcapil.settings import *  # noqa: F403

ROOT_URLCONF = "apps.core.management.commands._bench_urls"
