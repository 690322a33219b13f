"""axe-core, the current 4.x from npm, run through axe-selenium-python in the real browser.

axe-selenium-python bundles axe-core 3.1.1 (2018), which knows no WCAG 2.1 or 2.2 rule; the
suite gives it the copy pinned in package-lock.json instead, and records which one ran.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from axe_selenium_python import Axe

from a11y_tests.browser import Browser

REPO = Path(__file__).resolve().parent.parent
AXE_PACKAGE = REPO / "node_modules" / "axe-core"
AXE_SCRIPT = AXE_PACKAGE / "axe.min.js"
RULE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": list(RULE_TAGS)},
    # Passes and inapplicable rules are not reported: they are most of the work of serialising.
    "resultTypes": ["violations", "incomplete"],
    "iframes": True,
    "frameWaitTime": 5000,
}


class AxeMissing(RuntimeError):
    pass


@cache
def axe_source() -> str:
    if not AXE_SCRIPT.exists():
        raise AxeMissing(
            f"{AXE_SCRIPT} is missing: run `npm ci` (or `make browser`) in {REPO} to install the "
            "axe-core version pinned in package-lock.json."
        )
    return AXE_SCRIPT.read_text(encoding="utf-8")


@cache
def pinned_axe_version() -> str:
    return json.loads((AXE_PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]


def install_axe(browser: Browser) -> None:
    """Make axe-core part of every document and frame the browser opens from now on.

    Injecting before the page's own scripts also puts axe into iframes, which axe needs to
    check embedded content rather than wait for frames that never answer.
    """
    browser.cdp("Page.addScriptToEvaluateOnNewDocument", {"source": axe_source()})


@dataclass
class Finding:
    """One axe rule that failed (or needs review) on a page, with every element it concerns."""

    rule: str
    impact: str | None
    help: str
    help_url: str
    targets: list[str] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)

    @classmethod
    def from_axe(cls, result: dict[str, Any]) -> Finding:
        nodes = result.get("nodes", [])
        return cls(
            rule=result["id"],
            impact=result.get("impact"),
            help=result.get("help", ""),
            help_url=result.get("helpUrl", ""),
            targets=[" ".join(_flatten_target(node["target"])) for node in nodes],
            summaries=[(node.get("failureSummary") or "").strip() for node in nodes],
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "impact": self.impact,
            "help": self.help,
            "help_url": self.help_url,
            "targets": self.targets,
            "summaries": self.summaries,
        }


def _flatten_target(target: list[Any]) -> list[str]:
    # Targets inside iframes or shadow roots are lists of selectors, outermost first.
    parts: list[str] = []
    for item in target:
        parts.extend(_flatten_target(item) if isinstance(item, list) else [str(item)])
    return parts


@dataclass
class AxeResult:
    url: str
    version: str
    violations: list[Finding]
    incomplete: list[Finding]


def run_axe(browser: Browser) -> AxeResult:
    """axe on the page as it is now, with the suite's rule tags."""
    driver = browser.driver
    if not driver.execute_script("return typeof window.axe === 'object'"):
        # A page opened before install_axe, or one whose scripts replaced it.
        driver.execute_script(axe_source())
    response = Axe(driver, script_url=str(AXE_SCRIPT)).run(options=json.dumps(AXE_OPTIONS))
    return AxeResult(
        url=response.get("url", driver.current_url),
        version=response.get("testEngine", {}).get("version", "unknown"),
        violations=[Finding.from_axe(item) for item in response.get("violations", [])],
        incomplete=[Finding.from_axe(item) for item in response.get("incomplete", [])],
    )


def describe_violations(where: str, findings: list[Finding]) -> str:
    """A failure message a developer can act on: page, mode, rule, impact and each selector."""
    lines = [f"{len(findings)} axe violation(s) on {where}:"]
    for finding in findings:
        lines.append(
            f"  - rule {finding.rule} ({finding.impact}): {finding.help} <{finding.help_url}>"
        )
        for target, summary in zip(finding.targets, finding.summaries, strict=False):
            first_line = summary.splitlines()[1].strip() if summary.count("\n") else summary
            lines.append(f"      at {target}" + (f" — {first_line}" if first_line else ""))
    return "\n".join(lines)
