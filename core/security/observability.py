"""Request ids and structured logs: one JSON object a line, with nothing a reader would not share.

Every line carries the request id (also sent back as `X-Request-ID`), so an operator can follow
one request through the app's lines and the proxy's. A filter scrubs IP addresses, passwords and
tokens from every message, whoever logged it.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse

__all__ = ["AccessLogMiddleware", "JsonFormatter", "RedactingFilter", "current_request_id"]

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

access_logger = logging.getLogger("portal.access")


def current_request_id() -> str:
    """The id of the request being served by this thread, or "-" outside a request."""
    return _request_id.get()


_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
_H = r"[0-9A-Fa-f]{1,4}"
_IPV6 = re.compile(
    rf"(?<![0-9A-Fa-f:])(?:(?:{_H}:){{7}}{_H}|(?:{_H}(?::{_H})*)?::(?:{_H}(?::{_H})*)?)(?![0-9A-Fa-f:])"
)
_SECRET_PAIR = re.compile(
    r"(?i)\b(password\d?|passwd|pwd|token|otp_token|secret|csrfmiddlewaretoken|sessionid|api[_-]?key"
    r"|authorization|cookie)(\s*[=:]\s*|['\"]\s*:\s*['\"])([^\s&,;'\"]+)"
)
# Password-reset and similar links carry their token in the path.
_PATH_TOKEN = re.compile(r"(/(?:confirm|reset)/)[^\s?#\"']+")


def redact(text: str) -> str:
    """The text with IP addresses, secrets in key=value pairs and tokens in paths masked.

    Every request logs a line, and most lines ("GET /tin-tuc/... 200") hold nothing to mask: each
    pattern runs only when the text has a character that pattern cannot match without (`=` or `:`
    for a pair, `:` for IPv6, `.` for IPv4, the path words for a token).
    """
    if "=" in text or ":" in text:
        text = _SECRET_PAIR.sub(lambda m: f"{m.group(1)}{m.group(2)}[redacted]", text)
    if "/confirm/" in text or "/reset/" in text:
        text = _PATH_TOKEN.sub(r"\1[redacted]/", text)
    if "." in text:
        text = _IPV4.sub("[ip]", text)
    if ":" in text:
        text = _IPV6.sub("[ip]", text)
    return text


class RedactingFilter(logging.Filter):
    """Masks IPs and secrets in the rendered message; drops the raw request object."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            message = str(record.msg)
        record.msg, record.args = redact(message), ()
        # django.request attaches the request (its META holds the address): keep its id only.
        request = getattr(record, "request", None)
        if request is not None:
            record.request_id = getattr(request, "request_id", None)
            record.request = None
        return True


# Fields a caller may pass with `extra=`; anything else is left out of the line on purpose.
_EXTRA_FIELDS = ("method", "path", "status", "duration_ms", "user_id", "group", "event", "bytes")


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, request id and known extras."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
            "request_id": getattr(record, "request_id", None) or current_request_id(),
        }
        for field in _EXTRA_FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                line[field] = redact(value) if isinstance(value, str) else value
        if record.exc_info:
            line["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False, default=str)


class AccessLogMiddleware:
    """Gives each request an id and logs one line when it is answered (no IP, no query string)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _INCOMING_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = _request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            # Only a user the view already loaded: a lookup here could fail with the database.
            user = getattr(request, "_cached_user", None)
            access_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_id": user.pk if user is not None and user.is_authenticated else None,
                },
            )
            return response
        finally:
            _request_id.reset(token)
