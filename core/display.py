"""The reader's display settings (text size, contrast, line spacing), kept in one small cookie.

Applied on the server so the first paint is right, and usable without JavaScript. The cookie
holds only these three choices: nothing that identifies the reader.
"""

from dataclasses import dataclass

from django.http import HttpRequest

COOKIE_NAME = "display"
COOKIE_MAX_AGE = 60 * 60 * 24 * 365
TEXT_SIZES = ("small", "normal", "large")


@dataclass(frozen=True)
class DisplaySettings:
    text_size: str = "normal"
    high_contrast: bool = False
    wide_spacing: bool = False

    @classmethod
    def from_cookie(cls, value: str | None) -> "DisplaySettings":
        """Parse the cookie; anything unexpected falls back to the defaults rather than failing."""
        if not value or len(value) > 64:
            return cls()
        parts = dict(part.partition("-")[::2] for part in value.split("."))
        size = parts.get("size", "normal")
        return cls(
            text_size=size if size in TEXT_SIZES else "normal",
            high_contrast=parts.get("contrast") == "high",
            wide_spacing=parts.get("spacing") == "wide",
        )

    @classmethod
    def from_request(cls, request: HttpRequest) -> "DisplaySettings":
        return cls.from_cookie(request.COOKIES.get(COOKIE_NAME))

    def to_cookie(self) -> str:
        return ".".join(
            [
                f"size-{self.text_size}",
                f"contrast-{'high' if self.high_contrast else 'normal'}",
                f"spacing-{'wide' if self.wide_spacing else 'normal'}",
            ]
        )

    @property
    def is_default(self) -> bool:
        return self == DisplaySettings()

    @property
    def css_classes(self) -> str:
        """Classes on <html> that the stylesheet keys its modes on."""
        classes = [f"text-{self.text_size}"]
        if self.high_contrast:
            classes.append("contrast-high")
        if self.wide_spacing:
            classes.append("spacing-wide")
        return " ".join(classes)

    @property
    def cache_key(self) -> str:
        """A short, stable part for page-cache keys: each combination is its own cached page."""
        return self.to_cookie()
