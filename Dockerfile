# Production image of the portal: gunicorn (web), Celery worker and beat all run from it
# (docker-compose.yml). Configuration comes only from the environment (.env.example).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=dukcapil.settings \
    STATIC_ROOT=/srv/static \
    MEDIA_ROOT=/srv/berkas \
    TTE_KEY_DIR=/srv/tte \
    WEB_CONCURRENCY=3 \
    FORWARDED_ALLOW_IPS=127.0.0.1

# WeasyPrint renders with Pango/HarfBuzz; DejaVu covers Indonesian text; poppler-utils gives
# pdfsig for checking signatures by hand inside the container.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
      libjpeg62-turbo libopenjp2-7 libffi8 shared-mime-info \
      fonts-dejavu-core poppler-utils \
 && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 1000 portal \
 && useradd --system --uid 1000 --gid portal --home-dir /app --shell /usr/sbin/nologin portal

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=portal:portal . .
# Static files are collected into the image, so every container (web, worker rendering PDFs with
# {% static %}) has the same manifest; the web service collects again at start for mounted builds.
RUN mkdir -p /app/var /srv/static /srv/berkas /srv/tte \
 && DJANGO_DEBUG=0 python manage.py collectstatic --noinput -v0 \
 && chown -R portal:portal /app/var /srv/static /srv/berkas /srv/tte \
 && chmod 700 /srv/tte

USER portal
EXPOSE 8000

# gunicorn takes its worker count from WEB_CONCURRENCY and the one proxy address it trusts for
# X-Forwarded-* from FORWARDED_ALLOW_IPS (compose sets nginx's); never '*'.
CMD ["gunicorn", "dukcapil.wsgi:application", "--bind", "0.0.0.0:8000", "--timeout", "60", \
     "--access-logfile", "-"]
