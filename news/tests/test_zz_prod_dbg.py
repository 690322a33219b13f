def test_x(home):
    from wagtail.models import Page
    p = Page.objects.get(pk=home.pk)
    print("URL", home.url_path, home.locale.language_code, p.url, p.get_url_parts(), home.get_site())
    assert 0
