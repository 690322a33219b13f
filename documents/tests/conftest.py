"""Fixtures for the documents tests: the lists, a Vietnamese index, and media files kept in a temp dir."""

import pytest

from .factories import make_index, make_lists


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def lists(db):
    return make_lists()


@pytest.fixture
def index(home, lists):
    return make_index(home)
