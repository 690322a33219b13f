"""Settings shared by every environment; each value a deployment may change comes from the environment."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no switch from the environment (1/true/yes/on count as yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated list from the environment, ignoring blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")

INSTALLED_APPS = [
    "core",
    "core.security",
    "core.caching",
    "core.editors",
    "news",
    "media_products",
    "documents",
    "analytics",
    "seo",
    "participation",
    "sitewide",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.frontend_cache",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "core.security.observability.AccessLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.health.DatabaseUnavailableMiddleware",
    "core.dbguard.StatementGuardMiddleware",
    # Early, so a cached page skips everything below; after the database guard so its 503 stands.
    "core.caching.pages.PageCacheMiddleware",
    "core.caching.middleware.SiteStructureMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.security.sessions.AdminIdleTimeoutMiddleware",
    "core.security.twofactor.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.security.headers.PortalCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns a lockout into the lock page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "core.security.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
# WSGI callables wrapping the portal in portal/wsgi.py, innermost first: every page view calls the
# beacon, which skips the page middleware on its fast path (analytics/wsgi.py).
PORTAL_WSGI_WRAPPERS = ["analytics.wsgi.BeaconFastPath"]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.display_settings",
            ],
        },
    },
]

# SQLite is the embedded default so that `make run` needs nothing installed;
# production and CI point DATABASE_URL at PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
# Guard rails (core/dbguard.py, PostgreSQL): statements of web requests are cancelled after
# 2 s, the admin's after 30 s, management commands' (manage.py sets PORTAL_PROCESS) after an hour.
DB_STATEMENT_TIMEOUT_MS = int(os.environ.get("DB_STATEMENT_TIMEOUT_MS", "2000"))
DB_ADMIN_STATEMENT_TIMEOUT_MS = int(os.environ.get("DB_ADMIN_STATEMENT_TIMEOUT_MS", "30000"))
DB_COMMAND_STATEMENT_TIMEOUT_MS = int(os.environ.get("DB_COMMAND_STATEMENT_TIMEOUT_MS", "3600000"))
DB_SLOW_QUERY_MS = int(os.environ.get("DB_SLOW_QUERY_MS", "500"))
if IS_POSTGRES:
    from portal.settings.database import session_options

    _default_options = DATABASES["default"].setdefault("OPTIONS", {})
    _default_options["options"] = " ".join(
        filter(
            None,
            [
                _default_options.get("options", ""),
                session_options(DB_COMMAND_STATEMENT_TIMEOUT_MS, command=True)
                if os.environ.get("PORTAL_PROCESS") == "command"
                else session_options(DB_STATEMENT_TIMEOUT_MS),
            ],
        )
    )
if IS_POSTGRES:
    # The analytics beacon's writes (analytics/store.py): the same database through a connection
    # of their own, kept for the worker's life without a per-request health check, committing
    # without waiting for the WAL flush, its one INSERT a prepared statement. One hit is one
    # round trip; editors' writes stay on "default", synchronous. Behind PgBouncer in
    # transaction mode, prepared statements need PgBouncer >= 1.21 with max_prepared_statements.
    # Tests share the default test database (MIRROR).
    _options = DATABASES["default"].get("OPTIONS", {})
    DATABASES["analytics"] = {
        **DATABASES["default"],
        "OPTIONS": {
            **_options,
            "options": f"{_options.get('options', '')} -c synchronous_commit=off".strip(),
            "server_side_binding": True,
            "prepare_threshold": 5,
        },
        "CONN_MAX_AGE": None,
        "CONN_HEALTH_CHECKS": False,
        "TEST": {"MIRROR": "default"},
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            # Version 2 since the code moved from portal/ to core/ and sitewide/ (December 2026):
            # entries pickled before name modules and models that are gone, so they stay unread.
            "VERSION": 2,
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "renditions",
            "TIMEOUT": 60 * 60 * 24 * 7,
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
            "TIMEOUT": 60 * 60 * 24 * 7,
        },
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first: the portal, its admin and its URLs without a prefix; English under /en/.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Cổng thông tin Bộ"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "portal.PortalImage"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_BYTES", 15 * 1024 * 1024))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", 60_000_000))
WAGTAILIMAGES_RENDITION_STORAGE = "default"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_BYTES", 30 * 1024 * 1024))
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
# Every rich-text field (transcripts, descriptions...) offers only what the templates style
# accessibly: no h1 (the page title is the only one) and no underline (it reads as a link).
# Headings come from HeadingBlock (with an explicit level). The body blocks read the same list
# (core/rich_text.py); a test keeps them equal.
PORTAL_BODY_RICH_TEXT_FEATURES = [
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "superscript",
    "subscript",
]
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": PORTAL_BODY_RICH_TEXT_FEATURES},
    }
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# Slugs in ASCII as Vietnamese sites write them (đ -> d, tones dropped: core/slugs.py), not
# percent-encoded Unicode; a slug changed on a live page leaves a redirect from the old URL.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILREDIRECTS_AUTO_CREATE = True
# Wagtail's sign-in form with its password label in Vietnamese (core/editors/forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "core.editors.forms.PortalLoginForm"
# Dates in the admin (and wherever a template asks for SHORT_DATE_FORMAT) as dd/mm/yyyy.
FORMAT_MODULE_PATH = ["core.formats"]

# Media (video, audio) through wagtailmedia; its size limit is ours.
# Our media model records each file's real type and size (podcast enclosures need both); the
# upload form checks content, not names, and refuses files over MEDIA_MAX_UPLOAD_BYTES.
WAGTAILMEDIA = {
    "MEDIA_MODEL": "media_products.PortalMedia",
    "MEDIA_FORM_BASE": "media_products.forms.media.CheckedMediaForm",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg"],
    "VIDEO_EXTENSIONS": ["mp4", "webm"],
}
MEDIA_MAX_UPLOAD_BYTES = int(os.environ.get("MEDIA_MAX_UPLOAD_BYTES", 500 * 1024 * 1024))

# Vietnamese full-text search that ignores diacritics on PostgreSQL (created by a migration).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        **({"SEARCH_CONFIG": "portal_vietnamese"} if IS_POSTGRES else {}),
    }
}

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Speed (core/caching/): page cache for anonymous readers, site structure, CDN purge ---
PORTAL_PAGE_CACHE = env_bool("PAGE_CACHE", True)
PORTAL_PAGE_CACHE_ALIAS = "default"
# Purges are exact; the timeout only bounds what no purge covers (a related-articles box elsewhere).
PORTAL_PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_SECONDS", 600))
# Each process's own copy of the cached pages it served last, kept exact by Redis pub/sub
# (core/caching/local.py): a cached page then needs no round trip. Bytes per process; 0 = off.
PORTAL_PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_MB", 64)) * 1024 * 1024
PORTAL_BROWSER_MAX_AGE = int(os.environ.get("BROWSER_MAX_AGE", 0))
PORTAL_CDN_MAX_AGE = int(os.environ.get("CDN_MAX_AGE", 600))
# A CDN or Varnish purged on publication: FRONTEND_CACHE_PURGE_URL (HTTP PURGE, e.g. Varnish) or
# Cloudflare (CLOUDFLARE_ZONE_ID + CLOUDFLARE_BEARER_TOKEN). Unset: nothing to purge.
WAGTAILFRONTENDCACHE = {}
# Our URLs are already per language (/... and /en/...): purge each as it is, not once per language.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID") and os.environ.get("CLOUDFLARE_BEARER_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
    }

# Visit analytics (analytics/): raw hits are purged after RETENTION_DAYS, rollups are kept.
# The reader's address comes from core.security.clients (TRUSTED_PROXY_COUNT).
ANALYTICS = {
    "RETENTION_DAYS": int(os.environ.get("ANALYTICS_RETENTION_DAYS", "90")),
    "SECTION_DEPTHS": (1, 2),  # below each home: its children and grandchildren
    "MIN_DISPLAY_CELL": 10,  # accessibility statistics hide counts under this
    "DATABASE": "analytics" if IS_POSTGRES else "default",  # the beacon's connection (above)
}

PORTAL_LISTING_PAGE_SIZE = 20
SEARCH_MAX_QUERY_LENGTH = 200

# The admin path may be moved, or the admin switched off on a public-only deployment.
PORTAL_ADMIN_PATH = os.environ.get("ADMIN_PATH", "admin/").strip("/") + "/"
PORTAL_ADMIN_ENABLED = env_bool("ADMIN_ENABLED", True)
PORTAL_SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# --- Security (core/security/): headers, admin protection, uploads, rate limits, logs ---
from portal.settings.policy import admin_csp, permissions_policy, public_csp  # noqa: E402

CSP_FRAME_ORIGINS = env_list("CSP_FRAME_ORIGINS")  # e.g. a video host allowed in embeds
CSP_MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS")  # e.g. the S3 or CDN host of uploads
CONTENT_SECURITY_POLICY = {"DIRECTIVES": public_csp(CSP_FRAME_ORIGINS, CSP_MEDIA_ORIGINS)}
PORTAL_ADMIN_CSP = admin_csp(CSP_FRAME_ORIGINS, CSP_MEDIA_ORIGINS)
PORTAL_PERMISSIONS_POLICY = permissions_policy()
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# Seconds of inactivity after which an admin user is signed out.
PORTAL_ADMIN_IDLE_TIMEOUT = int(os.environ.get("ADMIN_IDLE_TIMEOUT", 30 * 60))
# Number of reverse proxies in front of the app whose X-Forwarded-For we trust (0: none).
PORTAL_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Two-factor authentication: enforced in production (see production.py), optional elsewhere.
PORTAL_2FA_ENFORCED = env_bool("TWO_FACTOR_ENFORCED", False)
PORTAL_2FA_REQUIRED_FOR_EDITORS = env_bool("TWO_FACTOR_EDITORS", False)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Admin login lockout (django-axes) counted in the shared cache per (account, client hash).
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("LOGIN_LOCK_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CLIENT_IP_CALLABLE = "core.security.clients.client_pseudo_address"
AXES_LOCKOUT_CALLABLE = "core.security.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
# A single development or test process shares its memory cache with itself; production has Redis.
SILENCED_SYSTEM_CHECKS = [] if REDIS_URL else ["axes.W001"]

# Uploads: Wagtail's limits above, plus content checks and refusal of SVG (core/security/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.security.uploads.PortalImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.security.uploads.PortalDocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []  # every document downloads as an attachment
# No avatars fetched from a third party: it would leak editors' e-mail hashes and break the CSP.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Per-client limits on costly public endpoints ("count/period", period s, m, h or d), counted by
# core/security/ratelimit.py. "forms": every public form's submissions, together.
PORTAL_RATELIMIT_ENABLED = env_bool("RATELIMIT_ENABLED", True)
PORTAL_RATELIMITS = {
    "search": os.environ.get("RATELIMIT_SEARCH", "60/m"),
    "analytics": os.environ.get("RATELIMIT_ANALYTICS", "300/m"),
    "forms": os.environ.get("RATELIMIT_FORMS", "30/m"),
    # Questions, comments on drafts and withdrawals; "was this page useful?" votes.
    "participation": os.environ.get("RATELIMIT_PARTICIPATION", "20/h"),
    "useful": os.environ.get("RATELIMIT_USEFUL", "30/m"),
}

# Public participation (participation/): days personal data is kept once a question is answered
# or a consultation closed, then erased by `manage.py participation_purge` (run it daily).
PARTICIPATION = {"RETENTION_DAYS": int(os.environ.get("PARTICIPATION_RETENTION_DAYS", "365"))}

# One JSON object a line on stderr, scrubbed of IPs, passwords and tokens.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "core.security.observability.RedactingFilter"}},
    "formatters": {"json": {"()": "core.security.observability.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["redact"]},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "portal.access": {
            "handlers": ["console"],
            "level": os.environ.get("ACCESS_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
    },
}
