"""A small WebVTT checker: refuses caption files a browser would silently ignore, naming the line.

Browsers drop a bad cue (or the whole file) without telling anyone, so a deaf reader gets no
captions and nobody notices. Checking at upload, with the line number, lets an editor fix it.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

__all__ = ["Cue", "WebVTTError", "parse_webvtt"]

# hh:mm:ss.ttt or mm:ss.ttt (hours optional, at least two digits when present).
_TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_TIMING_LINE = re.compile(rf"^{_TIMESTAMP}[ \t]+-->[ \t]+{_TIMESTAMP}(?:[ \t]+(.*))?$")
_HEADER = re.compile(r"^WEBVTT(?:[ \t].*)?$")
MAX_ERRORS = 5


@dataclass(frozen=True)
class Cue:
    line: int
    start: float
    end: float
    text: str


class WebVTTError(ValueError):
    """The file is not valid WebVTT; `problems` lists (line number, message) pairs."""

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(self.messages()))

    def messages(self) -> list[str]:
        return [
            _("Dòng %(line)s: %(problem)s") % {"line": line, "problem": problem}
            for line, problem in self.problems
        ]


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str) -> float:
    # Whole milliseconds first, one division last: 1.386 stays 1.386, not 1.3860000000000001.
    return (
        int(hours or 0) * 3_600_000 + int(minutes) * 60_000 + int(seconds) * 1000 + int(millis)
    ) / 1000


def decode_caption_bytes(data: bytes) -> str:
    """UTF-8 text of the file (WebVTT allows nothing else); a binary file is refused on line 1."""
    if b"\x00" in data:
        raise WebVTTError(
            [(1, _("tệp không phải văn bản (có ký tự nhị phân); phụ đề phải là tệp WebVTT."))]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise WebVTTError(
            [(line, _("tệp không phải văn bản UTF-8; hãy lưu lại phụ đề với bảng mã UTF-8."))]
        ) from None


def _header_problems(lines: list[str]) -> tuple[int, list[tuple[int, str]]]:
    """The index of the line after the header (which runs to the first blank line), and its problems."""
    problems: list[tuple[int, str]] = []
    index = 1
    while index < len(lines) and lines[index].strip():
        if "-->" in lines[index]:
            problems.append(
                (index + 1, _("cần một dòng trống giữa dòng “WEBVTT” và phụ đề đầu tiên."))
            )
        index += 1
    return index, problems


def _blocks(lines: list[str], index: int) -> Iterator[tuple[int, list[str]]]:
    """(index of its first line, its lines) for each run of non-blank lines from `index` on."""
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block_start = index
        block: list[str] = []
        while index < len(lines) and lines[index].strip():
            block.append(lines[index])
            index += 1
        yield block_start, block


def _timing_problem(block_start: int, block: list[str]) -> tuple[int, str] | None:
    """Why the block has no timing line where a cue needs one, or None."""
    timing_offset = 0 if "-->" in block[0] else 1
    if timing_offset == 1 and (len(block) < 2 or "-->" not in block[1]):
        return (
            block_start + 1,
            _(
                "“%(text)s” không phải dòng thời gian của phụ đề "
                "(dạng “00:00:01.000 --> 00:00:04.000”)."
            )
            % {"text": block[0][:60]},
        )
    if _TIMING_LINE.match(block[timing_offset].strip()) is None:
        return (
            block_start + timing_offset + 1,
            _("mốc thời gian “%(text)s” sai dạng; cần dạng “00:00:01.000 --> 00:00:04.000”.")
            % {"text": block[timing_offset].strip()[:60]},
        )
    return None


def _cue(block_start: int, block: list[str], previous_start: float) -> Cue | tuple[int, str]:
    """The block's cue, or the (line number, message) of what is wrong with it."""
    problem = _timing_problem(block_start, block)
    if problem is not None:
        return problem
    timing_offset = 0 if "-->" in block[0] else 1
    line = block_start + timing_offset + 1
    match = _TIMING_LINE.match(block[timing_offset].strip())
    assert match is not None  # checked by _timing_problem
    start = _seconds(*match.group(1, 2, 3, 4))
    end = _seconds(*match.group(5, 6, 7, 8))
    payload = "\n".join(block[timing_offset + 1 :]).strip()
    if end <= start:
        return (line, _("thời điểm kết thúc phải sau thời điểm bắt đầu."))
    if start < previous_start:
        return (
            line,
            _("phụ đề này bắt đầu trước phụ đề liền trước; các phụ đề phải theo thứ tự thời gian."),
        )
    if any("-->" in text for text in block[timing_offset + 1 :]):
        return (line + 1, _("thiếu dòng trống giữa hai phụ đề."))
    if not payload:
        return (line, _("phụ đề không có chữ nào."))
    return Cue(line=line, start=start, end=end, text=payload)


def parse_webvtt(text: str) -> list[Cue]:
    """The cues of a WebVTT document, or WebVTTError naming the first few bad lines."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not _HEADER.match(lines[0]):
        raise WebVTTError([(1, _("tệp WebVTT phải bắt đầu bằng dòng “WEBVTT”."))])
    index, problems = _header_problems(lines)
    cues: list[Cue] = []
    previous_start = 0.0
    for block_start, block in _blocks(lines, index):
        if len(problems) >= MAX_ERRORS:
            break
        if block[0].startswith(("NOTE", "STYLE", "REGION")) and "-->" not in block[0]:
            continue
        found = _cue(block_start, block, previous_start)
        if isinstance(found, Cue):
            cues.append(found)
            previous_start = found.start
        else:
            problems.append(found)

    if problems:
        raise WebVTTError(problems[:MAX_ERRORS])
    if not cues:
        raise WebVTTError([(len(lines), _("tệp không có phụ đề nào."))])
    return cues
