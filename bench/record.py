"""Recording benchmark figures in docs/benchmarks.md (or docs/performance.md), one marked section each.

Several benchmarks (pages, analytics, reliability, seeding, query plans) write to the same
documents; each replaces only its own section, so running one never erases another's figures.
"""

import re
from pathlib import Path

from django.conf import settings

DOCS = Path(settings.BASE_DIR) / "docs"
DOCUMENT = DOCS / "benchmarks.md"
HEADER = "# Benchmarks\n\nFigures measured on this project's 2-core machine; each section says the command that produced it.\n"


def write_section(name: str, markdown: str, document: Path | str = DOCUMENT) -> None:
    """Replace (or append) the section called `name` in the document (a name under docs/ or a path)."""
    document = DOCS / document if isinstance(document, str) else document
    begin, end = f"<!-- BEGIN {name} -->", f"<!-- END {name} -->"
    block = f"{begin}\n{markdown.strip()}\n{end}"
    text = document.read_text(encoding="utf-8") if document.exists() else HEADER
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _match: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    document.parent.mkdir(parents=True, exist_ok=True)
    document.write_text(text, encoding="utf-8")
