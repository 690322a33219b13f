"""Admin and public forms of the multimedia app."""
