"""Analytics collection URLs (filled in by the analytics app)."""

app_name = "analytics"
urlpatterns: list = []
