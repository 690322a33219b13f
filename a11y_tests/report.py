"""The run's report: `a11y_tests/report/index.html` and `report.json`.

One row per page, display mode and width.

Written at the end of the session, whatever the outcome, so a red build still shows what axe saw,
what it could not decide ("incomplete": needs a person's review) and how each page looked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from a11y_tests.engine import RULE_TAGS, pinned_axe_version

if TYPE_CHECKING:
    from a11y_tests.snapshots import Snapshot

REPORT_DIR = Path(__file__).resolve().parent / "report"
SHOTS_DIR = REPORT_DIR / "screenshots"


@dataclass
class CheckResult:
    check: str
    page: str
    passed: bool
    details: list[str] = field(default_factory=list)


class Report:
    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.checks: list[CheckResult] = []
        self.started = datetime.now(UTC)

    def add_snapshot(self, snapshot: Snapshot) -> None:
        self.rows.append(
            {
                "page": snapshot.case.key,
                "language": snapshot.case.language,
                "path": snapshot.case.path,
                "mode": snapshot.mode,
                "width": snapshot.width,
                "axe_core_version": snapshot.axe.version,
                "violations": [finding.as_dict() for finding in snapshot.axe.violations],
                "incomplete": [finding.as_dict() for finding in snapshot.axe.incomplete],
                "horizontal_scroll": snapshot.scroll["scrollWidth"]
                > snapshot.scroll["clientWidth"],
                "screenshot": snapshot.screenshot,
                "full_page": snapshot.full_page,
                "layout": snapshot.layout,
            }
        )

    def add_check(self, check: str, page: str, problems: list[str]) -> None:
        """Record a check axe cannot make; `problems` empty means it passed."""
        self.checks.append(CheckResult(check, page, not problems, list(problems)))

    def as_dict(self) -> dict[str, Any]:
        versions = sorted({row["axe_core_version"] for row in self.rows}) or [pinned_axe_version()]
        return {
            "generated": self.started.isoformat(timespec="seconds"),
            "axe_core_version": ", ".join(versions),
            "rule_tags": list(RULE_TAGS),
            "rows": sorted(self.rows, key=lambda r: (r["page"], r["mode"], r["width"])),
            "checks": [check.__dict__ for check in self.checks],
        }

    def write(self) -> None:
        REPORT_DIR.mkdir(parents=True, exist_ok=True)
        data = self.as_dict()
        (REPORT_DIR / "report.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        (REPORT_DIR / "index.html").write_text(render_html(data), encoding="utf-8")


def _findings(items: list[dict[str, Any]]) -> str:
    if not items:
        return "0"
    entries = []
    for item in items:
        targets = "".join(f"<li><code>{escape(t)}</code></li>" for t in item["targets"][:10])
        more = len(item["targets"]) - 10
        if more > 0:
            targets += f"<li>… {more} more</li>"
        entries.append(
            f'<li><a href="{escape(item["help_url"])}">{escape(item["rule"])}</a> '
            f"({escape(str(item['impact']))}): {escape(item['help'])}<ul>{targets}</ul></li>"
        )
    return f"{len(items)}<ul>{''.join(entries)}</ul>"


def _gallery(rows: list[dict[str, Any]]) -> str:
    """One row per page: its full-page screenshots at each width, side by side."""
    shots: dict[str, dict[int, str]] = {}
    for row in rows:
        if row.get("full_page"):
            shots.setdefault(row["page"], {})[row["width"]] = row["full_page"]
    lines = []
    for page, by_width in sorted(shots.items()):
        cells = []
        for width in (320, 1280):
            shot = by_width.get(width)
            cells.append(
                f'<td><a href="{escape(shot)}"><img src="{escape(shot)}" alt="The whole page '
                f'{escape(page)} at {width} px" width="{160 if width == 320 else 320}" '
                'loading="lazy"></a></td>'
                if shot
                else "<td>not taken</td>"
            )
        lines.append(f'<tr><th scope="row">{escape(page)}</th>{"".join(cells)}</tr>')
    return "".join(lines)


def render_html(data: dict[str, Any]) -> str:
    rows = []
    for row in data["rows"]:
        label = f"{row['page']}, {row['mode']}, {row['width']} px"
        rows.append(
            "<tr>"
            f'<th scope="row">{escape(row["page"])}<br><a href="{escape(row["path"])}">'
            f"<code>{escape(row['path'])}</code></a></th>"
            f"<td>{escape(row['mode'])}</td><td>{row['width']}</td>"
            f"<td>{_findings(row['violations'])}</td><td>{_findings(row['incomplete'])}</td>"
            f"<td>{'yes' if row['horizontal_scroll'] else 'no'}</td>"
            f"<td>{escape(row['axe_core_version'])}</td>"
            f'<td><a href="{escape(row["screenshot"])}"><img src="{escape(row["screenshot"])}" '
            f'alt="Screenshot: {escape(label)}" width="160" loading="lazy"></a></td>'
            "</tr>"
        )
    checks = []
    for check in data["checks"]:
        details = "".join(f"<li>{escape(d)}</li>" for d in check["details"])
        checks.append(
            f'<tr><th scope="row">{escape(check["check"])}</th><td>{escape(check["page"])}</td>'
            f"<td>{'passed' if check['passed'] else 'FAILED'}</td><td><ul>{details}</ul></td></tr>"
        )
    failing = sum(1 for row in data["rows"] if row["violations"])
    gallery = _gallery(data["rows"])
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Accessibility report &ndash; Ministry Portal</title>
<style>
body {{ font-family: sans-serif; margin: 1rem; color: #1b1b1b; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #767676; padding: 0.4rem; text-align: left; vertical-align: top; }}
caption {{ text-align: left; font-weight: bold; padding: 0.5rem 0; }}
a {{ color: #0b4f9c; }} code {{ word-break: break-all; }}
</style></head>
<body><main>
<h1>Accessibility report</h1>
<p>Generated {escape(data["generated"])} with axe-core {escape(data["axe_core_version"])}, rule tags
{escape(", ".join(data["rule_tags"]))}. {len(data["rows"])} rows (page &times; mode &times; width),
{failing} with violations. "Incomplete" items are those axe could not decide:
a person reviews them.</p>
<h2>Pages</h2>
<table><caption>axe results by page, display mode and width</caption>
<thead><tr><th scope="col">Page</th><th scope="col">Mode</th><th scope="col">Width (px)</th>
<th scope="col">Violations</th><th scope="col">Incomplete</th><th scope="col">Horizontal scroll</th>
<th scope="col">axe-core</th><th scope="col">Screenshot</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table>
<h2>Whole pages at 320 and 1280 px</h2>
<p>Each page kind in the default mode, the whole page (cut at 9,000 px): is the main column in
line with the header and footer, and does anything look out of place?</p>
<table><caption>Full-page screenshots by page and width</caption>
<thead><tr><th scope="col">Page</th><th scope="col">320 px</th><th scope="col">1280 px</th>
</tr></thead>
<tbody>{gallery}</tbody></table>
<h2>Checks axe cannot make</h2>
<table>
<caption>Valid HTML, keyboard, layout, accessibility tree (label in name included), media,
motion and no-JavaScript checks</caption>
<thead><tr><th scope="col">Check</th><th scope="col">Page</th><th scope="col">Result</th>
<th scope="col">Problems</th></tr></thead>
<tbody>{"".join(checks)}</tbody></table>
</main></body></html>
"""
