"""/healthz tells a load balancer whether this server can reach its database; never cached."""

from unittest import mock

from django.db import OperationalError


def test_healthz_is_200_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_is_unreachable(client, db):
    with mock.patch("core.health.ping_database", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
    assert response["Retry-After"]
    assert "no-cache" in response["Cache-Control"]


def test_a_page_answers_503_not_500_while_the_database_is_away(client, home):
    refused = OperationalError("connection refused")
    with mock.patch("sitewide.models.HomePage.serve", side_effect=refused):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"]
