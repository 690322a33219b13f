"""Analytics collection URLs."""

from django.urls import path

from . import views

app_name = "analytics"
urlpatterns = [path("hit", views.hit, name="hit")]
