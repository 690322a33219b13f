"""Every page type has demo pages to check, and media pages carry their text alternatives."""

import pytest

from a11y_tests.checks import audio_problems, video_problems
from a11y_tests.matrix import (
    LANGUAGES,
    case_or_skip,
    concrete_page_models,
    model_key,
    model_live_languages,
)

pytestmark = pytest.mark.browser


def _keys_for(word: str) -> list:
    keys = [
        f"{language}:type:{model_key(model)}"
        for language in LANGUAGES
        for model in concrete_page_models()
        if word in model._meta.model_name and "index" not in model._meta.model_name
    ]
    reason = f"no {word} page type exists yet (media_products): nothing to check"
    return keys or [pytest.param(None, marks=pytest.mark.skip(reason=reason))]


def test_every_page_type_has_a_live_demo_page_in_both_languages():
    """Otherwise a page type would silently escape the matrix (it is built from the demo)."""
    missing = {
        model: sorted(set(LANGUAGES) - languages)
        for model, languages in model_live_languages().items()
        if set(LANGUAGES) - languages
    }
    assert not missing, f"page types without a live demo page, by missing language: {missing}"


@pytest.mark.parametrize("key", _keys_for("video"))
def test_video_page_has_captions_that_load_and_a_transcript(page_browser, report, key):
    case = case_or_skip(key)
    page_browser.open(case.path, width=1280, fresh=True)
    problems = video_problems(page_browser)
    report.add_check("video: captions load, transcript", key, problems)
    assert not problems, f"{case.label}: {problems}"


@pytest.mark.parametrize("key", _keys_for("audio"))
def test_audio_page_has_a_transcript(page_browser, report, key):
    case = case_or_skip(key)
    page_browser.open(case.path, width=1280, fresh=True)
    problems = audio_problems(page_browser)
    report.add_check("audio: player and transcript", key, problems)
    assert not problems, f"{case.label}: {problems}"
