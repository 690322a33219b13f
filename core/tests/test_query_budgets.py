"""Speed that does not decay: each public page type costs a fixed number of queries, whatever the corpus.

Every page is measured with 50 articles present, then again after 450 more are added: the count
must be the same and within the budget. The page cache is off here (it would answer with no query
at all); the site structure is read as in production, and each page is asked for once before
it is measured so the structure and the renditions cache are warm.
"""

from django.apps import apps
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core.caching import structure
from documents.models import ArticleDocumentLink
from documents.tests.factories import make_document, make_index, make_lists
from news.demo.articles import bulk_create_articles
from news.demo.showcase import showcase_body
from news.demo.text import NewsWriter
from news.models import ArticleRelatedLink
from testsupport import make_article, make_image, make_section, make_site

BUDGETS = {
    "home": 15,
    "section_first_page": 12,
    "section_last_page": 12,
    "article": 10,
    # Every block type, a hand-picked related link and linked legal documents: the blocks' rows
    # are read per page, not per block, and the article's own links ride with it.
    "article_every_block": 10,
    "search": 10,
    "site_feed": 8,
    "section_feed": 8,
    "media_index": 12,
    # A product, its files and captions, and the five newest others of its index (one query for
    # their rows and one per product type among them).
    "media_product": 15,
}


def media_index_model():
    """The multimedia index page type, once the media app provides it."""
    try:
        return apps.get_model("media_products", "MediaIndexPage")
    except LookupError:
        return None


@override_settings(PORTAL_PAGE_CACHE=False)
class QueryBudgetTests(TestCase):
    counts: dict[str, dict[str, int]]

    @classmethod
    def setUpTestData(cls) -> None:
        structure.invalidate()
        home, _home_en = make_site()
        news = make_section(home, "Tin tức", slug="tin-tuc", show_in_menus=True, show_on_home=False)
        sections = [
            make_section(news, title) for title in ("Hoạt động", "Chuyển đổi số", "Chính sách")
        ]
        images = [make_image(f"anh-{i}", description=f"Ảnh số {i}") for i in range(3)]
        article = make_article(
            sections[1], "Chuyển đổi số ở Đà Nẵng", featured_image=images[0], tags=["chuyển đổi số"]
        )
        rich = make_article(
            sections[0],
            "Trình bày mọi loại nội dung",
            featured_image=images[1],
            body=[*showcase_body(images[2]), *showcase_body(images[0])],
            tags=["chuyển đổi số", "dữ liệu"],
        )
        documents_index, lists = make_index(home), make_lists()
        for n in range(3):
            document = make_document(documents_index, lists, number=f"{n + 1}/2026/NĐ-CP")
            ArticleDocumentLink.objects.create(article=rich, document=document, sort_order=n)
        ArticleRelatedLink.objects.create(article=rich, page=article, sort_order=0)
        index_model = media_index_model()
        media_kit = media_index = None
        if index_model is not None:
            from media_products.demo import DemoKit, bulk_create_products

            media_index = index_model(title="Đa phương tiện", slug="da-phuong-tien")
            home.add_child(instance=media_index)
            media_kit = DemoKit("vi", images)
            bulk_create_products(media_index, media_kit, 10)
        cls.section_pk = sections[1].pk
        cls.urls = {
            "home": "/",
            "section_first_page": sections[1].url,
            "section_last_page": sections[1].url + "?page=9999",
            "article": article.url,
            "article_every_block": rich.url,
            "search": "/search/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91",
            "site_feed": "/rss.xml",
            "section_feed": sections[1].url + "rss/",
        }
        if media_index is not None:
            cls.urls["media_index"] = "/da-phuong-tien/"
            # Not get_children(): the bulk load left this instance's `numchild` at 0.
            for product in Page.objects.child_of(media_index).live().specific()[:10]:
                cls.urls.setdefault(f"media_{product.specific_class.__name__}", product.url)
        writer = NewsWriter(seed=7)
        bulk_create_articles(sections, 50, images, writer)
        cls.counts = {"small": cls.measure()}
        bulk_create_articles(sections, 450, images, writer)
        if media_index is not None:
            bulk_create_products(media_index, media_kit, 90, start_number=10)
        cls.counts["large"] = cls.measure()

    @classmethod
    def measure(cls) -> dict[str, int]:
        client = Client()
        counts = {}
        for name, url in cls.urls.items():
            assert client.get(url).status_code == 200, url  # warm the snapshot and renditions
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, url
            counts[name] = len(queries)
        return counts

    def assert_constant_and_within_budget(self, name: str) -> None:
        small, large = self.counts["small"][name], self.counts["large"][name]
        self.assertEqual(
            small, large, f"{name}: {small} queries with 50 articles, {large} with 500"
        )
        self.assertLessEqual(
            large, BUDGETS[name], f"{name}: {large} queries, budget {BUDGETS[name]}"
        )

    def test_every_multimedia_product_type_queries_the_same_at_two_sizes_within_budget(
        self,
    ) -> None:
        products = [
            name for name in self.urls if name.startswith("media_") and name != "media_index"
        ]
        self.assertGreaterEqual(
            len(products), 5, products
        )  # video, audio, photos, graphic, magazine
        for name in products:
            small, large = self.counts["small"][name], self.counts["large"][name]
            self.assertEqual(
                small, large, f"{name}: {small} queries with 10 products, {large} with 100"
            )
            self.assertLessEqual(large, BUDGETS["media_product"], f"{name}: {large} queries")

    def test_home_page_queries_are_constant_and_within_budget(self) -> None:
        self.assert_constant_and_within_budget("home")

    def test_section_listing_first_page_queries_are_constant_and_within_budget(self) -> None:
        self.assert_constant_and_within_budget("section_first_page")

    def test_section_listing_last_page_queries_are_constant_and_within_budget(self) -> None:
        self.assert_constant_and_within_budget("section_last_page")

    def test_article_page_queries_are_constant_and_within_budget(self) -> None:
        self.assert_constant_and_within_budget("article")

    def test_article_with_every_block_type_and_links_stays_within_the_article_budget(
        self,
    ) -> None:
        self.assert_constant_and_within_budget("article_every_block")

    def test_search_results_queries_are_constant_and_within_budget(self) -> None:
        self.assert_constant_and_within_budget("search")

    def test_site_feed_queries_are_constant_and_within_budget(self) -> None:
        self.assert_constant_and_within_budget("site_feed")

    def test_section_feed_queries_are_constant_and_within_budget(self) -> None:
        self.assert_constant_and_within_budget("section_feed")

    def test_late_listing_pages_read_backwards_list_the_same_articles_in_the_same_order(
        self,
    ) -> None:
        from core.listing import paginate
        from news.models import SectionPage

        articles = SectionPage.objects.get(pk=self.section_pk).articles()
        expected = [a.pk for a in articles]
        last = -(-len(expected) // 20)
        for number in (1, last // 2, last // 2 + 1, last - 1, last):
            page = paginate(articles, number, 20)
            self.assertEqual(
                [a.pk for a in page], expected[(number - 1) * 20 : number * 20], number
            )

    def test_media_index_queries_are_constant_and_within_budget(self) -> None:
        if "media_index" not in self.urls:
            self.skipTest("the multimedia index page type does not exist yet")
        self.assert_constant_and_within_budget("media_index")
