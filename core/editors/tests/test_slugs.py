"""Slugs are written the Vietnamese way (đ -> d) in code, in the admin's form and on repair."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect

from core.editors.widgets import VietnameseSlugInput, slug_formatters
from core.slugs import VIETNAMESE_LETTERS, vietnamese_slugify
from news.models import ArticlePage
from testsupport import make_section, make_site


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đà Nẵng đồng hành", "da-nang-dong-hanh"),
        ("Hội đồng thẩm định đã hoàn thành", "hoi-dong-tham-dinh-da-hoan-thanh"),
        ("ĐẠI HỘI ĐẢNG BỘ", "dai-hoi-dang-bo"),
        ("Nghị định 13/2023/NĐ-CP", "nghi-dinh-13-2023-nd-cp"),
        ("Ưu tiên ứng dụng: “Sổ tay” (bản 2)!", "uu-tien-ung-dung-so-tay-ban-2"),
        ("Digital transformation", "digital-transformation"),
        ("…", ""),
    ],
)
def test_vietnamese_titles_make_ascii_slugs_that_keep_every_letter(title, slug):
    assert vietnamese_slugify(title) == slug


def test_long_titles_are_cut_at_a_word_boundary():
    slug = vietnamese_slugify("Hội đồng thẩm định " * 10, max_length=30)
    assert slug == "hoi-dong-tham-dinh-hoi-dong"
    assert len(slug) <= 30


def test_every_vietnamese_letter_reduces_to_its_base():
    for base, letters in VIETNAMESE_LETTERS.items():
        for letter in letters + letters.upper():
            assert vietnamese_slugify(letter) == base


def test_the_admin_slug_widget_carries_the_same_letters_as_the_server():
    attrs = VietnameseSlugInput().attrs
    assert attrs["data-controller"] == "w-slug"
    assert attrs["data-w-slug-allow-unicode-value"] is False
    formatters = attrs["data-w-slug-formatters-value"]
    for letters in VIETNAMESE_LETTERS.values():
        assert letters in formatters.encode().decode("unicode_escape")
    assert len(slug_formatters()) == 2 * len(VIETNAMESE_LETTERS) + 1


@pytest.fixture
def section(db):
    home, _ = make_site()
    return make_section(home, "Tin tức", slug="tin-tuc")


def test_a_page_created_by_code_without_a_slug_gets_the_vietnamese_one(section):
    first = ArticlePage(title="Đà Nẵng đồng hành", lead="Sa pô.")
    section.add_child(instance=first)
    second = ArticlePage(title="Đà Nẵng đồng hành", lead="Sa pô.")
    section.add_child(instance=second)
    assert (first.slug, second.slug) == ("da-nang-dong-hanh", "da-nang-dong-hanh-2")


def test_the_admin_page_form_uses_the_vietnamese_slug_widget(section, client):
    user = User.objects.create_superuser("quantri", "qt@example.gov.vn", "mat-khau-dai-123456")
    client.force_login(user)
    response = client.get(f"/admin/pages/add/news/articlepage/{section.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-controller="w-slug"' in html
    assert "data-w-slug-formatters-value" in html


def test_a_slug_that_lost_d_is_repaired_and_the_old_url_redirects(
    section, client, django_capture_on_commit_callbacks
):
    page = ArticlePage(
        title="Hội đồng thẩm định đã họp", slug="hoi-ong-tham-inh-a-hop-1a2b3c4d", lead="Sa pô."
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    untouched = ArticlePage(title="Kế hoạch năm 2027", slug="ke-hoach-nam-2027", lead="Sa pô.")
    section.add_child(instance=untouched)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("repair_slugs", stdout=io.StringIO())

    page.refresh_from_db()
    assert page.slug == "hoi-dong-tham-dinh-da-hop-1a2b3c4d"
    assert page.latest_revision.content["slug"] == page.slug
    untouched.refresh_from_db()
    assert untouched.slug == "ke-hoach-nam-2027"
    redirect = Redirect.objects.get(old_path="/tin-tuc/hoi-ong-tham-inh-a-hop-1a2b3c4d")
    assert redirect.redirect_page_id == page.pk and redirect.is_permanent
    response = client.get("/tin-tuc/hoi-ong-tham-inh-a-hop-1a2b3c4d/")
    assert response.status_code == 301
    assert response["Location"].endswith("/tin-tuc/hoi-dong-tham-dinh-da-hop-1a2b3c4d/")


def test_changing_a_live_pages_slug_leaves_a_redirect(section, django_capture_on_commit_callbacks):
    page = ArticlePage(title="Đà Nẵng", slug="da-nang", lead="Sa pô.")
    section.add_child(instance=page)
    page.save_revision().publish()
    page.slug = "da-nang-dong-hanh"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert Redirect.objects.filter(old_path="/tin-tuc/da-nang", redirect_page=page).exists()
