"""One headless Chromium for the whole suite, driven through Selenium and the DevTools protocol.

Starting Chromium costs more than checking a page, so the suite keeps one browser per session and
changes its state (width, display mode, emulated media, scripts) through CDP instead.
"""

from __future__ import annotations

import base64
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from core.display import COOKIE_NAME, DisplaySettings

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--font-render-hinting=none",
)
VIEWPORT_HEIGHT = {320: 640, 1280: 800}


@dataclass(frozen=True)
class Mode:
    """A reader's display mode, as the `display` cookie the server reads carries it."""

    name: str
    settings: DisplaySettings

    @property
    def cookie(self) -> str | None:
        return None if self.settings.is_default else self.settings.to_cookie()


MODES = (
    Mode("default", DisplaySettings()),
    Mode("large-text", DisplaySettings(text_size="large")),
    Mode("high-contrast", DisplaySettings(high_contrast=True)),
)
MODES_BY_NAME = {mode.name: mode for mode in MODES}
WIDTHS = (320, 1280)


class Browser:
    """A Chromium session with the state the checks need, changed only when a check asks."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.profile = tempfile.mkdtemp(prefix="a11y-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self.profile}")
        options.add_argument("--lang=vi-VN")
        self.driver = webdriver.Chrome(
            service=Service(executable_path=CHROMEDRIVER), options=options
        )
        self.driver.set_page_load_timeout(60)
        self.driver.set_script_timeout(60)
        self._state: tuple[Any, ...] | None = None
        self._width: int | None = None
        self._scripts_disabled = False
        self._media_features: tuple[tuple[str, str], ...] = ()
        self._font_scale = 1.0

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    # DevTools protocol helpers -------------------------------------------------------------

    def cdp(self, command: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.driver.execute_cdp_cmd(command, params or {})

    def set_width(self, width: int) -> None:
        """An exact CSS width (and a phone-like height at 320), as a reader's window would have."""
        if self._width == width:
            return
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            {
                "width": width,
                "height": VIEWPORT_HEIGHT.get(width, 800),
                "deviceScaleFactor": 1,
                "mobile": False,
            },
        )
        self._width = width

    def set_mode(self, mode: Mode) -> None:
        """Set or clear the display cookie; the next load renders in that mode on the server."""
        self.cdp("Network.deleteCookies", {"name": COOKIE_NAME, "url": self.base_url})
        if mode.cookie:
            self.cdp(
                "Network.setCookie",
                {"name": COOKIE_NAME, "value": mode.cookie, "url": self.base_url, "path": "/"},
            )

    def set_scripts_disabled(self, disabled: bool) -> None:
        if disabled != self._scripts_disabled:
            self.cdp("Emulation.setScriptExecutionDisabled", {"value": disabled})
            self._scripts_disabled = disabled
            self._state = None

    def set_media_features(self, **features: str) -> None:
        """Emulate CSS media features, e.g. prefers_reduced_motion="reduce"; none clears them."""
        wanted = tuple(sorted((name.replace("_", "-"), value) for name, value in features.items()))
        if wanted != self._media_features:
            self.cdp(
                "Emulation.setEmulatedMedia",
                {"features": [{"name": name, "value": value} for name, value in wanted]},
            )
            self._media_features = wanted
            self._state = None

    def set_font_scale(self, scale: float) -> None:
        """The browser's own text-size setting (text-only zoom): 2.0 is text at 200 %."""
        if scale != self._font_scale:
            self.cdp(
                "Page.setFontSizes",
                {"fontSizes": {"standard": round(16 * scale), "fixed": round(13 * scale)}},
            )
            self._font_scale = scale
            self._state = None

    def reset(self) -> None:
        """Back to the plain state every check assumes unless it sets something itself."""
        self.set_scripts_disabled(False)
        self.set_media_features()
        self.set_font_scale(1.0)

    # Pages -------------------------------------------------------------------------------

    def open(
        self, path: str, mode: Mode = MODES[0], width: int = 1280, fresh: bool = False
    ) -> None:
        """Show `path` in `mode` at `width`; reloads only when the page or mode changed."""
        state = (path, mode.name, self._scripts_disabled, self._media_features, self._font_scale)
        self.set_width(width)
        if not fresh and state == self._state:
            return
        self.set_mode(mode)
        self.driver.get(self.base_url + path)
        self._state = state

    def forget_page(self) -> None:
        """The next `open` must reload (the page was changed by a check, e.g. focus moved)."""
        self._state = None

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def screenshot(self, target: Path) -> None:
        """What a person sees in the window: the viewport, not the whole scrolled page."""
        data = self.cdp("Page.captureScreenshot", {"format": "png"})["data"]
        target.write_bytes(base64.b64decode(data))
