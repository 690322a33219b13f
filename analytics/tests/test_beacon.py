"""The beacon on public pages: an external script and a pixel, nothing personal, no queries."""

from django.template.loader import render_to_string
from django.test import RequestFactory

from .base import TreeTestCase


class BeaconIncludeTests(TreeTestCase):
    def test_a_public_page_carries_the_beacon_script_and_the_noscript_pixel(self):
        response = self.client.get("/tin-tuc/chuyen-doi-so/bai-a1/")
        page_id = self.tree["a1"].pk
        self.assertContains(response, f'data-analytics-page="{page_id}"')
        self.assertContains(response, 'data-analytics-endpoint="/analytics/hit"')
        self.assertContains(response, "js/beacon.js")
        pixel = f'<img class="analytics-pixel" src="/analytics/hit?p={page_id}&amp;t=gif" alt=""'
        self.assertContains(response, f"<noscript>{pixel}")

    def test_the_include_renders_nothing_about_the_reader_and_makes_no_queries(self):
        request = RequestFactory().get("/", HTTP_USER_AGENT="Marker-UA", REMOTE_ADDR="192.0.2.55")
        with self.assertNumQueries(0):
            html = render_to_string(
                "components/analytics_beacon.html", {"page": self.tree["a1"], "request": request}
            )
        self.assertNotIn("Marker-UA", html)
        self.assertNotIn("192.0.2.55", html)
        self.assertNotIn("<script>", html)  # only the external script, no inline code

    def test_the_not_found_page_has_no_beacon(self):
        response = self.client.get("/khong-co-trang-nay/")
        self.assertEqual(response.status_code, 404)
        self.assertNotContains(response, "analytics", status_code=404)
