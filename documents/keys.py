"""Search keys: document numbers and text reduced to unaccented lowercase words.

Readers type numbers every way ("15/2020/ND-CP", "15 2020", "nđ-cp 15"); reduced to the words
15, 2020, nd, cp, each of them is found in the stored key of "15/2020/NĐ-CP" whatever the order,
separators or diacritics.
"""

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+")


def unaccent(text: str) -> str:
    """Lowercase without Vietnamese diacritics (đ becomes d, which NFD does not decompose)."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return _WORD.findall(unaccent(text or ""))


def search_key(*texts: str) -> str:
    """Words separated and surrounded by spaces, so that " word " matches whole words only."""
    found = [word for text in texts for word in words(text)]
    return f" {' '.join(found)} " if found else ""
