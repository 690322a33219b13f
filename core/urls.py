"""Core URLs outside the language prefix: the health check the load balancer polls."""

from django.urls import path

from core import health

urlpatterns = [path("healthz", health.healthz, name="healthz")]
