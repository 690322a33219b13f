"""The project's Vietnamese catalogue for what the installed packages leave untranslated.

Wagtail ships Vietnamese for a fifth of its admin; wagtailmedia, django-otp and django-axes ship
none. The project's `locale/vi/` (LOCALE_PATHS, which Django reads before any app's catalogue)
holds the rest, composed by hand in the glossary's terms (docs/glossary.md). This script keeps
that catalogue in step with the installed packages:

    python scripts/vi_admin_catalogue.py extract        # add new msgids, keep every translation
    python scripts/vi_admin_catalogue.py todo [-n 150]  # untranslated entries, numbered
    python scripts/vi_admin_catalogue.py fill FILE      # FILE: "number<TAB>translation" lines
    python scripts/vi_admin_catalogue.py stats

Numbers are positions in the catalogue: run `todo` and `fill` without `extract` in between.
A translation whose placeholders (%(name)s, %s, {name}) differ from the msgid's is refused.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from core.editors.catalogue import PLACEHOLDER, source_catalogues  # noqa: E402

OUT = {
    domain: ROOT / "locale" / "vi" / "LC_MESSAGES" / f"{domain}.po"
    for domain in ("django", "djangojs")
}
HEADER = {
    "Project-Id-Version": "ministry-portal",
    "Language": "vi",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def _translated(entry: polib.POEntry) -> bool:
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural.get(0))
    return bool(entry.msgstr)


def extract(domain: str) -> int:
    """Add to the project's catalogue each msgid no package's vi catalogue translates."""
    shipped: set[tuple[str | None, str]] = set()
    wanted: list[tuple[str, polib.POEntry]] = []
    for label, source, vi in source_catalogues(domain):
        if vi.exists():
            shipped |= {_key(e) for e in polib.pofile(str(vi)) if _translated(e)}
        wanted += [(label, e) for e in polib.pofile(str(source)) if e.msgid and not e.obsolete]
    path = OUT[domain]
    catalogue = polib.pofile(str(path)) if path.exists() else polib.POFile(wrapwidth=100)
    catalogue.metadata = HEADER
    present = {_key(e) for e in catalogue}
    added = 0
    for label, entry in wanted:
        if _key(entry) in shipped or _key(entry) in present:
            continue
        present.add(_key(entry))
        new = polib.POEntry(
            msgctxt=entry.msgctxt,
            msgid=entry.msgid,
            msgid_plural=entry.msgid_plural,
            msgstr="",
            msgstr_plural={0: ""} if entry.msgid_plural else {},
            flags=[f for f in entry.flags if f.endswith("-format")],
            comment=label,
        )
        catalogue.append(new)
        added += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))
    return added


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def _unescape(text: str) -> str:
    return re.sub(r"\\([\\nt])", lambda m: {"n": "\n", "t": "\t", "\\": "\\"}[m.group(1)], text)


def todo(domain: str, limit: int) -> None:
    catalogue = polib.pofile(str(OUT[domain]))
    shown = 0
    for number, entry in enumerate(catalogue):
        if _translated(entry):
            continue
        context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
        text = entry.msgid_plural or entry.msgid
        plural = " (plural)" if entry.msgid_plural else ""
        print(f"{number}\t{context}{_escape(text)}{plural}")
        shown += 1
        if shown >= limit:
            break


def placeholders(text: str) -> list[str]:
    return sorted(set(PLACEHOLDER.findall(text)))


def fill(domain: str, lines_file: Path) -> int:
    catalogue = polib.pofile(str(OUT[domain]))
    entries = list(catalogue)
    filled = 0
    for line in lines_file.read_text(encoding="utf-8").splitlines():
        if not line.strip() or "\t" not in line:
            continue
        number, text = line.split("\t", 1)
        entry = entries[int(number)]
        text = _unescape(text.strip())
        expected = placeholders(entry.msgid_plural or entry.msgid)
        if entry.msgid_plural:
            expected = sorted(set(expected) | set(placeholders(entry.msgid)))
        if placeholders(text) != expected and not (
            entry.msgid_plural and set(placeholders(text)) >= set(placeholders(entry.msgid_plural))
        ):
            print(f"REFUSED {number}: {expected} vs {placeholders(text)}: {text}", file=sys.stderr)
            continue
        if entry.msgid.endswith("\n") != text.endswith("\n"):
            text = text + "\n" if entry.msgid.endswith("\n") else text.rstrip("\n")
        if entry.msgid_plural:
            entry.msgstr_plural = {0: text}
        else:
            entry.msgstr = text
        filled += 1
    catalogue.save(str(OUT[domain]))
    return filled


def stats(domain: str) -> tuple[int, int]:
    catalogue = polib.pofile(str(OUT[domain]))
    return sum(1 for e in catalogue if _translated(e)), len(catalogue)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=["extract", "todo", "fill", "stats"])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--domain", choices=sorted(OUT), default="django")
    parser.add_argument("-n", type=int, default=150)
    args = parser.parse_args()
    if args.action == "extract":
        print(f"{extract(args.domain)} msgids added to {OUT[args.domain].relative_to(ROOT)}")
    elif args.action == "todo":
        todo(args.domain, args.n)
    elif args.action == "fill":
        print(f"{fill(args.domain, args.file)} translations filled")
    else:
        done, total = stats(args.domain)
        print(f"{done}/{total} translated")


if __name__ == "__main__":
    main()
