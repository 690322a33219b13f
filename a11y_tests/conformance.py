"""HTML conformance: the Nu Html Checker (vnu.jar, pinned in package-lock.json) over served markup.

WCAG 2.0 SC 4.1.1 (Parsing), which TCVN 9249:2012 follows, asks for valid markup, and invalid
markup is where browsers and assistive technology start to disagree about a page. The checker
runs on what the server sends (not the DOM after scripts), the way a validator sees the page.

Starting the Java checker costs seconds, so pages are collected first and validated together in
one run of the JVM; each document's messages come back under its own name.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
VNU_PACKAGE = REPO / "node_modules" / "vnu-jar"
VNU_JAR = VNU_PACKAGE / "build" / "dist" / "vnu.jar"
# Message types that fail a page: errors, and documents the checker could not read at all.
FAILING_TYPES = {"error", "non-document-error"}
TIMEOUT_SECONDS = 900


class CheckerMissing(RuntimeError):
    """vnu.jar or Java is not installed (the message says what to run)."""


@dataclass(frozen=True)
class Message:
    """One finding of the checker, located in the served document."""

    type: str  # "error", "info" (a warning when subtype is "warning") or "non-document-error"
    message: str
    line: int | None = None
    column: int | None = None
    extract: str = ""
    subtype: str = ""

    @property
    def fails(self) -> bool:
        return self.type in FAILING_TYPES

    def describe(self) -> str:
        where = f"line {self.line}, column {self.column}: " if self.line else ""
        extract = " ".join(self.extract.split())
        return f"{where}{self.message}" + (f" [{extract[:160]}]" if extract else "")

    @classmethod
    def from_vnu(cls, item: dict[str, Any]) -> Message:
        return cls(
            type=item.get("type", "error"),
            subtype=item.get("subType", ""),
            message=item.get("message", ""),
            line=item.get("lastLine"),
            column=item.get("firstColumn"),
            extract=item.get("extract", ""),
        )


@cache
def pinned_vnu_version() -> str:
    return json.loads((VNU_PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]


def checker_command() -> list[str]:
    """`java -jar vnu.jar`, or CheckerMissing saying what is missing and how to install it."""
    if not VNU_JAR.exists():
        raise CheckerMissing(
            f"{VNU_JAR} is missing: run `npm ci --ignore-scripts` (or `make browser`) in {REPO} "
            "to install the vnu-jar version pinned in package-lock.json."
        )
    java = shutil.which("java")
    if java is None:
        raise CheckerMissing(
            "Java is missing (the Nu Html Checker needs Java 11 or later): run `make browser`, or "
            "`sudo apt-get install -y default-jre-headless`."
        )
    return [java, "-Xss1024k", "-jar", str(VNU_JAR)]


def validate(documents: dict[str, str]) -> dict[str, list[Message]]:
    """Check every document in one run of the checker; messages by document name.

    A document the checker reports nothing about gets an empty list; if the checker itself fails
    (no output at all), every document gets a non-document error saying so, so nothing passes
    unchecked.
    """
    if not documents:
        return {}
    command = checker_command()
    results: dict[str, list[Message]] = {name: [] for name in documents}
    with tempfile.TemporaryDirectory(prefix="a11y-vnu-") as folder:
        files: dict[str, str] = {}
        for number, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"document-{number:04d}.html"
            path.write_text(html, encoding="utf-8")
            files[path.name] = name
        completed = subprocess.run(
            [*command, "--format", "json", "--stdout", "--exit-zero-always", *sorted(files)],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    try:
        output = json.loads(completed.stdout)
    except json.JSONDecodeError:
        failure = Message(
            "non-document-error",
            f"the Nu Html Checker did not run (exit {completed.returncode}): "
            f"{(completed.stderr or completed.stdout).strip()[:500]}",
        )
        return {name: [failure] for name in documents}
    for item in output.get("messages", []):
        file_name = Path(item.get("url", "").removeprefix("file:")).name
        name = files.get(file_name)
        if name is None:
            continue  # a message about no particular document (none is expected)
        results[name].append(Message.from_vnu(item))
    return results


def fetch(base_url: str, path: str, cookie: str | None = None) -> str:
    """The markup the server sends for `path` (error pages included), with an optional cookie."""
    request = urllib.request.Request(base_url.rstrip("/") + path)
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:  # 404 and 500 pages are pages too
        return error.read().decode("utf-8")


def describe_errors(where: str, messages: list[Message]) -> str:
    failing = [m for m in messages if m.fails]
    lines = [f"{len(failing)} HTML conformance error(s) on {where} (Nu Html Checker):"]
    lines += [f"  - {message.describe()}" for message in failing]
    return "\n".join(lines)
