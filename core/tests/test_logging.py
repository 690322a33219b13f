"""Logs are one JSON object a line, carry the request id, and never an IP, password or token."""

import io
import json
import logging

import pytest
from django.contrib.auth.models import User

from core.security.observability import JsonFormatter, RedactingFilter

READER_IP = "203.0.113.77"
READER_IPV6 = "2001:db8:85a3::8a2e:370:7334"
PASSWORD = "mat-khau-bi-mat-Kh0ng-Duoc-Ghi"


@pytest.fixture
def log_lines():
    """Everything logged during the test, rendered exactly as production writes it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RedactingFilter())
    loggers = [logging.getLogger(), logging.getLogger("portal.access")]
    for logger in loggers:
        logger.addHandler(handler)
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.INFO)
    yield lambda: [line for line in stream.getvalue().splitlines() if line]
    for logger, level in zip(loggers, previous, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_each_request_logs_one_json_line_with_its_request_id_and_no_ip(client, home, log_lines):
    response = client.get(
        "/",
        {"page": "2"},
        REMOTE_ADDR=READER_IP,
        HTTP_X_FORWARDED_FOR=f"{READER_IPV6}, {READER_IP}",
    )
    client.get("/khong-co-trang-nay/", REMOTE_ADDR=READER_IP)
    lines = log_lines()
    records = [json.loads(line) for line in lines]
    access = [r for r in records if r["logger"] == "portal.access"]
    assert access[0]["path"] == "/" and access[0]["status"] == 200
    assert access[0]["request_id"] == response["X-Request-ID"]
    not_found = [r for r in records if r["logger"] == "django.request"]
    assert not_found and not_found[0]["request_id"] != "-"
    text = "\n".join(lines)
    assert READER_IP not in text and READER_IPV6 not in text and "8a2e:370:7334" not in text


def test_a_login_logs_neither_the_password_nor_the_address(client, db, log_lines):
    User.objects.create_user("bientap", "b@example.gov.vn", PASSWORD)
    client.post("/admin/login/", {"username": "bientap", "password": "sai"}, REMOTE_ADDR=READER_IP)
    client.post(
        "/admin/login/", {"username": "bientap", "password": PASSWORD}, REMOTE_ADDR=READER_IP
    )
    text = "\n".join(log_lines())
    assert "/admin/login/" in text
    assert PASSWORD not in text and READER_IP not in text


def test_an_incoming_request_id_from_the_proxy_is_kept(client, db):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="proxy-id-1234abcd")
    assert response["X-Request-ID"] == "proxy-id-1234abcd"
    forged = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")
    assert forged["X-Request-ID"] != "<script>"


def test_secrets_and_addresses_in_any_message_are_masked():
    logger = logging.getLogger("portal.tests.logging")
    record = logger.makeRecord(
        logger.name,
        logging.ERROR,
        __file__,
        1,
        "login from %s with password=%s token: %s at /admin/password_reset/confirm/MQ/%s/",
        (READER_IP, PASSWORD, "abc123", "c4t-0k3n"),
        None,
    )
    RedactingFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    for secret in (READER_IP, PASSWORD, "abc123", "c4t-0k3n"):
        assert secret not in line["message"]
    assert line["level"] == "ERROR" and "time" in line


@pytest.mark.parametrize(
    "text",
    [
        "GET /tin-tuc/hoat-dong-cua-bo/bai-viet-moi/ 200",
        f"from {READER_IP} and {READER_IPV6}",
        f"client {READER_IPV6}",
        "::1 asked",
        "10.0.0.1",
        'payload {"password": "x1", "token":"abc"}',
        "sessionid=abc123; csrfmiddlewaretoken=def",
        "Authorization: Bearer xyz",
        "/admin/password_reset/confirm/MQ/c4t-0k3n/ and /accounts/reset/Mg/t0k/",
        "version 1.2.3.4.5 and 1.2.3 and 999.1.1.1",
        "nothing to mask here",
    ],
)
def test_masking_skips_a_pattern_only_when_it_could_not_match(text):
    """The fast path of `redact` gives what running every pattern gives."""
    from core.security import observability as o

    everything = o._SECRET_PAIR.sub(lambda m: f"{m.group(1)}{m.group(2)}[redacted]", text)
    everything = o._IPV6.sub(
        "[ip]", o._IPV4.sub("[ip]", o._PATH_TOKEN.sub(r"\1[redacted]/", everything))
    )
    assert o.redact(text) == everything
