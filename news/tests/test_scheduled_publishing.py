"""Scheduled publishing: an approved article goes live at its time (publish_scheduled by cron), not before."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from testsupport import make_article

pytestmark = pytest.mark.django_db


def test_scheduled_article_goes_live_at_its_time_and_not_before(client, news_section):
    start = timezone.now().replace(microsecond=0)
    go_live = start + timedelta(hours=2)
    with time_machine.travel(start, tick=False):
        article = make_article(news_section, "Tin hẹn giờ", publish=False, go_live_at=go_live)
        article.save_revision().publish()
        article.refresh_from_db()
        assert not article.live
        assert article.get_latest_revision().approved_go_live_at == go_live

    with time_machine.travel(go_live - timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
        article.refresh_from_db()
        assert not article.live
        assert client.get(article.url or "/tin-tuc/chuyen-doi-so/tin-hen-gio/").status_code == 404

    with time_machine.travel(go_live + timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
        article.refresh_from_db()
        assert article.live
        assert client.get(article.url).status_code == 200
        assert article.first_published_at >= go_live
