"""Settings shared by every environment.

Storage: SQLite in the data folder by default (WAL, foreign keys, busy timeout), PostgreSQL when
``DATABASE_URL`` is set. The data folder is ``CANBO_DATA_DIR``, else a per-user folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import django_stubs_ext
from django.utils.translation import gettext_lazy as _

# Lets ``admin.ModelAdmin[Model]`` and other typed generics work at run time.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    env = os.environ.get("CANBO_DATA_DIR")
    if env:
        path = Path(env).expanduser()
    else:
        xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        path = Path(xdg) / "canbo"
    path.mkdir(parents=True, exist_ok=True)
    return path


DATA_DIR = data_dir()


def database_config() -> dict[str, object]:
    url = os.environ.get("DATABASE_URL")
    if url:
        import dj_database_url

        cfg: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=60))
        cfg.setdefault("OPTIONS", {})
        return cfg
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "canbo.sqlite3"),
        # Keep connections between requests: opening one per request (PRAGMAs, WAL checkpoint
        # when the last one closes) cost more than a whole ballot cast (bench/bench_voting.py).
        "CONN_MAX_AGE": 600,
        "OPTIONS": {
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;"
                "PRAGMA busy_timeout=30000;"
                "PRAGMA temp_store=MEMORY;"
                "PRAGMA cache_size=-65536;"
                "PRAGMA mmap_size=268435456;"
            ),
        },
    }


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "canbo.audit",
    "canbo.registry",
    "canbo.accounts",
    "canbo.web",
    "canbo.api",
    "canbo.demo",
    "canbo.conferences",
    "canbo.voting",
    "canbo.classification",
    "canbo.congresses",
    "canbo.elections",
    "canbo.planning",
    "canbo.appointments",
    "canbo.stats",
    "canbo.surveys",
    "canbo.programme",
    "canbo.bundles",
    "canbo.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "canbo.web.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "canbo.web.middleware.DomainErrorMiddleware",
]

ROOT_URLCONF = "canbo.urls"
WSGI_APPLICATION = "canbo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["canbo.formats"]  # dates dd/mm/yyyy, numbers 1.234,5
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "files"

LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"

# Login throttling (canbo.accounts): failures per (username, address) within the window.
CANBO_LOGIN_MAX_FAILURES = 5
CANBO_LOGIN_WINDOW_SECONDS = 15 * 60
# Admin accounts must pass TOTP. The demo relaxes it (and says so on the login page).
CANBO_REQUIRE_ADMIN_2FA = True
# Authenticator apps label the account with this issuer.
OTP_TOTP_ISSUER = "canbo"

# Home page (canbo.web.dashboard, docs/home.md): how long its figures are kept before they are
# counted again (0: on every request), and the horizons of its reminders.
CANBO_HOME_CACHE_SECONDS = 300
# The address voters' phones open, for the QR codes of voter pages (``canbo serve --host
# 0.0.0.0`` sets it to the LAN address); empty: the address the page was opened at.
CANBO_PUBLIC_URL = os.environ.get("CANBO_PUBLIC_URL", "").strip().rstrip("/")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Shared by every process and by `canbo home figures`, which counts the figures ahead.
    "home": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache" / "home"),
    },
}
CANBO_HOME_RETIREMENT_MONTHS = 12  # statutory retirement month within this many months
CANBO_HOME_TERM_MONTHS = 12  # terms of office ending within this many months
CANBO_HOME_PROBATION_DAYS = 30  # probation ending within this many days (and overdue)

# Spreadsheet limits (canbo.spreadsheets, docs/import-export.md). IMPORT: `canbo import` and the
# classification calculator; UPLOAD: files sent through the web (a cell's scores). A file over
# any limit is refused with a message naming it, before openpyxl reads a byte of it.
CANBO_IMPORT_MAX_FILE_BYTES = 512 * 1024 * 1024
CANBO_IMPORT_MAX_ROWS = 1_048_576  # Excel's own limit
CANBO_IMPORT_MAX_COLUMNS = 64
CANBO_IMPORT_MAX_EXPANDED_BYTES = 1024 * 1024 * 1024  # XLSX, all parts uncompressed
CANBO_IMPORT_MAX_SHARED_STRINGS = 2_000_000
CANBO_IMPORT_MAX_COMPRESSION_RATIO = 100  # parts of 1 MiB and more
CANBO_IMPORT_MAX_MEMBERS = 1000
CANBO_UPLOAD_MAX_FILE_BYTES = 5 * 1024 * 1024
CANBO_UPLOAD_MAX_ROWS = 10_000
CANBO_UPLOAD_MAX_COLUMNS = 64
CANBO_UPLOAD_MAX_EXPANDED_BYTES = 64 * 1024 * 1024
CANBO_UPLOAD_MAX_SHARED_STRINGS = 200_000
CANBO_UPLOAD_MAX_COMPRESSION_RATIO = 100
CANBO_UPLOAD_MAX_MEMBERS = 1000
# Request bodies other than files are held in memory up to this; uploaded files above
# FILE_UPLOAD_MAX_MEMORY_SIZE go to a temporary file (Django's defaults, stated here).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "canbo.api.auth.ThrottledBasicAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "canbo.api.errors.exception_handler",
    # Strict JSON with a bounded body and depth (canbo/api/parsers.py); forms as DRF's.
    "DEFAULT_PARSER_CLASSES": [
        "canbo.api.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
}

SPECTACULAR_SETTINGS = {
    "TITLE": "canbo API",
    "DESCRIPTION": "Organization registry and personnel records (công tác cán bộ).",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI assets ship with the package: nothing downloads at run time (closed networks).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # <id:...> path parameters (canbo/converters.py) are 64-bit ids.
    "PATH_CONVERTER_OVERRIDES": {
        "id": {"type": "integer", "format": "int64", "minimum": 0, "maximum": 2**63 - 1}
    },
    # Several fields are named "kind" (unit kind, lineage kind, leave kind): name the enums.
    "ENUM_NAME_OVERRIDES": {
        "UnitKindEnum": "canbo.registry.choices.UnitKind",
        "LineageKindEnum": "canbo.registry.choices.LineageKind",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Request logs are off on purpose: an access log with times and paths can link a voter to a
    # ballot (principle 3). Errors are still logged, without request bodies.
    "loggers": {
        "django.server": {"handlers": [], "level": "ERROR", "propagate": False},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
