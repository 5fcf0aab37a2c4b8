"""Settings of the Dukcapil Kota Pasuruan portal.

One module, configured by environment variables. The defaults are the embedded development
mode of `make run` (SQLite, eager Celery tasks, emails written to a folder); production differs
only through the environment (see docker-compose.yml and README.md).
"""

import sys
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env.str(
    "DJANGO_SECRET_KEY",
    default="dev-only-insecure-key-ganti-di-produksi-0123456789abcdefghijklmnopqrstuvwxyz",
)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# Absolute base of links that leave the portal (QR codes, emails).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "apps.core",
    "apps.akun",
    "apps.penduduk",
    "apps.dokumen",
    "apps.publik",
    "apps.umum",
    "apps.keuangan",
    "apps.pendaftaran",
    "apps.capil",
    "apps.piak",
    "apps.pemanfaatan",
    "apps.dasbor",
]

# Under pytest a small process model of the kernel's own tests is installed (tests/kernel_app).
TESTING = env.bool("DUKCAPIL_TESTING", default="pytest" in sys.modules)
if TESTING:
    INSTALLED_APPS.append("tests.kernel_app")

MIDDLEWARE = [
    # /sehat/ first: answered before the host check and the HTTPS redirect (compose healthchecks).
    "dukcapil.middleware.SehatMiddleware",
    # REMOTE_ADDR from the trusted proxy hop, before anything reads it (rate limits, axes, logs).
    "dukcapil.middleware.AlamatKlienMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "dukcapil.middleware.HeaderKeamananMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "dukcapil.urls"
WSGI_APPLICATION = "dukcapil.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.akun.context_processors.peran",
                "apps.akun.context_processors.menu",
            ],
        },
    },
]

# var/ holds everything a running portal writes in development (database, files, emails, keys).
(BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'dukcapil.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DB_CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate-limit counters (publik.services, django-ratelimit) live in this cache: with more than one
# web process it must be shared (CACHE_URL=rediscache://...; compose does so). Sessions live in the
# database and django-axes' failed logins in its tables; locks are database row and advisory locks.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# With a shared cache (Redis) sessions are read from it and written through to the database
# (cached_db): a staff page then makes no session query. A per-process cache (locmem) would let
# one process keep a session another has ended, so without Redis the database alone holds them.
SESSION_ENGINE = env.str(
    "SESSION_ENGINE",
    default="django.contrib.sessions.backends.cached_db" if "redis" in CACHES["default"]["BACKEND"].lower()
    else "django.contrib.sessions.backends.db",
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes checks every login (portal and admin) before the password is compared.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, loading the user's roles with the user (one query per page).
    "apps.akun.backends.BackendPeran",
]
LOGIN_URL = "akun:masuk"
LOGIN_REDIRECT_URL = "akun:beranda"
LOGOUT_REDIRECT_URL = "akun:masuk"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "var" / "staticfiles")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded scans and issued PDFs: the local disk (MEDIA_ROOT) by default; S3-compatible object
# storage (MinIO in docker-compose) when S3_BUCKET is set, so that every web and worker host reads
# the same files. Downloads still go through the portal's permission check and access log, which
# then hands out a presigned URL valid for S3_URL_DETIK seconds (dukcapil/penyimpanan.py).
S3_BUCKET = env.str("S3_BUCKET", default="")
S3_URL_DETIK = env.int("S3_URL_DETIK", default=300)
PENYIMPANAN_BERKAS = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if S3_BUCKET:
    PENYIMPANAN_BERKAS = {
        "BACKEND": "dukcapil.penyimpanan.PenyimpananS3",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
            # The address browsers reach the store at, when it differs from the hosts' (compose:
            # http://minio:9000 inside, the published port outside): presigned URLs are signed for it.
            "url_publik": env.str("S3_ENDPOINT_URL_PUBLIK", default="") or None,
            "access_key": env.str("S3_ACCESS_KEY", default="") or None,
            "secret_key": env.str("S3_SECRET_KEY", default="") or None,
            "region_name": env.str("S3_REGION", default="us-east-1"),
            "addressing_style": "path",
            "signature_version": "s3v4",
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": S3_URL_DETIK,
        },
    }
STORAGES = {
    "default": PENYIMPANAN_BERKAS,
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_BACKEND",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
# Uploaded scans and issued PDFs live outside the static tree and are never served directly:
# every download goes through a view that checks access and logs it (UU PDP).
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "berkas")))
MEDIA_URL = "/berkas-tidak-dilayani/"
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024

# Attachments: what the kernel accepts (checked by content, not by name).
LAMPIRAN_UKURAN_MAKS = env.int("LAMPIRAN_UKURAN_MAKS", default=5 * 1024 * 1024)
LAMPIRAN_JENIS_DIIZINKAN = ["application/pdf", "image/jpeg", "image/png"]

# Celery: without a broker (embedded default and tests without Redis) tasks run eagerly.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
# Tests run tasks eagerly even when CI configures a broker; a test that exercises a real worker
# switches eager mode off for itself (Celery app's conf.task_always_eager).
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL or TESTING)
CELERY_TASK_EAGER_PROPAGATES = env.bool("CELERY_TASK_EAGER_PROPAGATES", default=False)
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
# The queue a message goes to when its task names none ("celery"); a test worker that must receive
# the jobs its own jobs publish is started with its test queue here.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# The database is the queue of record (apps/dokumen/jobs.py): a job row says what must happen, the
# broker message only wakes a worker. Set together:
# - PEKERJAAN_MASA_KLAIM: a worker's lease on a render/sign job. Longer than the tasks' hard time
#   limit (90 s) so a live job never loses it; short, so a job of a killed worker is re-queued by
#   the sweeper within lease + one beat minute (about 3 minutes), well inside the 15-minute life
#   of a sealed TTE passphrase (TTE_PASSPHRASE_TTL).
# - PEKERJAAN_MASA_KLAIM_EMAIL: the same for an email (SMTP timeout EMAIL_TIMEOUT, hard limit 90 s).
# - Redis's visibility_timeout: how long an unacked message waits before Redis hands it out again.
#   Longer than the longest time a worker may legitimately hold a message unacked (a running job,
#   90 s, or a retry waiting for its countdown, up to 120 s), else a live job would be delivered
#   twice; recovery of dead workers does not wait for it (the sweeper does that from the leases).
# - PEKERJAAN_TENGGANG: a job whose message was never published (broker down) is published by the
#   sweeper after this; PEKERJAAN_ANTRE_ULANG: a published job still waiting after this is
#   published again (its message was lost: Redis restarted without persistence).
PEKERJAAN_MASA_KLAIM = env.int("PEKERJAAN_MASA_KLAIM", default=120)
PEKERJAAN_MASA_KLAIM_EMAIL = env.int("PEKERJAAN_MASA_KLAIM_EMAIL", default=120)
PEKERJAAN_TENGGANG = env.int("PEKERJAAN_TENGGANG", default=30)
PEKERJAAN_ANTRE_ULANG = env.int("PEKERJAAN_ANTRE_ULANG", default=300)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=600)}
# Publishing after commit gives up quickly when Redis is down (the sweeper publishes later); the
# user's request never waits long for a broker that is not there.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}
# Beat (docker-compose service "beat"): the job sweeper every minute, nightly housekeeping at
# 01:30 Asia/Jakarta.
CELERY_BEAT_SCHEDULE = {
    "sapu-pekerjaan": {
        "task": "apps.dokumen.tasks.sapu_pekerjaan",
        "schedule": 60.0,
    },
    "bersihkan-pdf-yatim": {
        "task": "apps.dokumen.tasks.bersihkan_pdf_yatim",
        "schedule": crontab(hour=1, minute=45),
    },
    "bersihkan-berkas-yatim": {
        "task": "apps.core.tasks.bersihkan_berkas",
        "schedule": crontab(hour=1, minute=30),
    },
    # Returned files nobody completed are closed (core.tutup_otomatis), every morning before service.
    "tutup-otomatis": {
        "task": "apps.core.tasks.tutup_otomatis",
        "schedule": crontab(hour=6, minute=0),
    },
    # The dashboard's daily aggregates: today and the last three days (apps/dasbor/rekap.py).
    "rekap-dasbor": {
        "task": "apps.dasbor.tasks.rekap_segarkan",
        "schedule": 900.0,
    },
    # P.7.1: data-access agreements ending in 90/30/7 days are warned of once per threshold.
    "peringatan-perjanjian": {
        "task": "apps.pemanfaatan.tasks.peringatan_perjanjian",
        "schedule": crontab(hour=6, minute=15),
    },
    # Online filings whose confirmation link expired are deleted with their scans (apps/publik).
    "bersihkan-pengajuan-daring": {
        "task": "apps.publik.tasks.bersihkan_pengajuan_daring",
        "schedule": crontab(hour=1, minute=15),
    },
    # SKM: the citizens of requests finished lately are invited by email, once each (apps/piak).
    "undang-skm": {
        "task": "apps.piak.tasks.undang_skm",
        "schedule": crontab(minute=20),
    },
}

# Service levels (DOMAIN.md): a returned file waits this many working days for its requirements
# before it is closed automatically; service hours per weekday (Monday = 0) decide from which day a
# request counts (after closing time: the next working day).
TUTUP_OTOMATIS_HARI_KERJA = env.int("TUTUP_OTOMATIS_HARI_KERJA", default=14)
JAM_LAYANAN = {
    0: ("08:00", "15:00"),
    1: ("08:00", "15:00"),
    2: ("08:00", "15:00"),
    3: ("08:00", "15:00"),
    4: ("08:00", "13:00"),
}

# Email: files in var/email in development; SMTP in production.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "email"))
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
# A hung SMTP server must fail the email job (retried) well inside its 90 s limit and lease.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Dispendukcapil Kota Pasuruan <noreply@dispendukcapil.pasuruankota.go.id>"
)

# Signing (TTE): "lokal" signs with pyHanko and the official's PKCS#12 kept in TTE_KEY_DIR
# (outside the database and the repo); "bsre" calls the BSrE e-sign API.
TTE_BACKEND = env.str("TTE_BACKEND", default="lokal")
TTE_KEY_DIR = Path(env.str("TTE_KEY_DIR", default=str(BASE_DIR / "var" / "tte")))
BSRE_URL = env.str("BSRE_URL", default="")
BSRE_USER = env.str("BSRE_USER", default="")
BSRE_PASSWORD = env.str("BSRE_PASSWORD", default="")
BSRE_TIMEOUT = env.int("BSRE_TIMEOUT", default=60)
# Extra trust roots (PEM/DER paths) of the verification page, e.g. BSrE's root and issuing CAs.
TTE_TRUST_ROOTS = env.list("TTE_TRUST_ROOTS", default=[])
# How long the sealed passphrase of a signing job stays valid (apps/dokumen/sandi.py).
TTE_PASSPHRASE_TTL = env.int("TTE_PASSPHRASE_TTL", default=900)
# Kop surat of issued documents; the defaults in apps/dokumen/conf.py are *unverified* placeholders.
DOKUMEN_INSTANSI = {
    k: v for k, v in {
        "alamat": env.str("DINAS_ALAMAT", default=""),
        "telepon": env.str("DINAS_TELEPON", default=""),
        "email": env.str("DINAS_EMAIL", default=""),
        "laman": env.str("DINAS_LAMAN", default=""),
    }.items() if v
}
# Paper size per document type when it differs from the registered one ({"kia": "85.6mm 54mm"}).
DOKUMEN_UKURAN_KERTAS: dict[str, str] = {}
# Command that sends a PDF to the counter's printer at the cetak step (e.g. "lp -d loket1").
DOKUMEN_PERINTAH_CETAK = env.str("DOKUMEN_PERINTAH_CETAK", default="").split()

# How many reverse proxies in front of gunicorn append to X-Forwarded-For (compose: nginx, 1).
# The client's address is the entry that many places from the right (dukcapil.middleware); 0
# ignores the header (development, direct access). Rate limits and django-axes read REMOTE_ADDR.
TRUSTED_PROXY_HOPS = env.int("TRUSTED_PROXY_HOPS", default=0)

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins for one username, or from
# one address, further logins from it are refused for AXES_COOLOFF_MENIT minutes, even with the
# right password (failures expire with the cool-off; a success resets nothing, so one valid account
# cannot clear an address's count).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MENIT", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "apps.akun.views.masuk_terkunci"
AXES_USERNAME_FORM_FIELD = "username"
AXES_ENABLE_ACCESS_FAILURE_LOG = True

# Content-Security-Policy (django-csp): only the portal's own scripts, styles, fonts and images;
# no inline script (style attributes stay allowed for Bootstrap's and the templates' layout).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Browser features the portal never uses, switched off for every page.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Production hardening: on whenever DEBUG is off (manage.py check --deploy is clean then).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"weasyprint": {"level": "ERROR"}, "fontTools": {"level": "ERROR"}},
}
