"""Shared pytest fixtures: a fresh demo-free site with both locales, and an image factory."""
