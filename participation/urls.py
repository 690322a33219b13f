"""Form endpoints, per language (/participation/... and /en/participation/...)."""

from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    path("question/<int:page_id>/", views.ask, name="ask"),
    path("comment/<int:page_id>/", views.comment, name="comment"),
    path("useful/<int:page_id>/", views.useful, name="useful"),
    path("withdraw/<str:token>/", views.withdraw_view, name="withdraw"),
]
