"""Fixtures for the multimedia tests: an index under the Vietnamese home and the files products use."""

import pytest
from django.contrib.auth.models import Group

from core.groups import EDITORS, MODERATORS
from testsupport import make_image

from .factories import make_captions, make_index, make_media, make_series


@pytest.fixture
def media_index(home):
    return make_index(home)


@pytest.fixture
def image(db):
    return make_image("anh-thu", description="Một cây cầu lúc hoàng hôn")


@pytest.fixture
def files(db):
    """The files every complete product needs: video, audio, Vietnamese captions, a series."""
    return {
        "video": make_media("video", "mp4", "video-thu"),
        "audio": make_media("audio", "mp3", "audio-thu"),
        "captions": make_captions("vi"),
        "series": make_series(),
    }


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "quantri", "qt@example.gov.vn", "mat-khau-du-dai-9"
    )
    client.force_login(user)
    return client


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("bientap-dpt", password="mat-khau-du-dai-1")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("kiemduyet-dpt", password="mat-khau-du-dai-2")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user
