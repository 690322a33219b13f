"""What an uploaded video or audio file really is, read from its content with FFmpeg (PyAV).

The extension is what the uploader claims; the container and streams are what a browser will
get. A text file renamed `.mp4` has neither, and is refused before anything is stored.
"""

import os
from dataclasses import dataclass
from typing import IO

import av

__all__ = ["ALLOWED", "MediaProbe", "NotPlayableError", "probe_media"]


class NotPlayableError(ValueError):
    """The content is not a playable file of the expected kind."""


@dataclass(frozen=True)
class MediaProbe:
    container: str
    mime_type: str
    duration: float
    width: int | None
    height: int | None
    has_video: bool
    has_audio: bool


# extension -> (FFmpeg demuxer names that may hold it, MIME type announced to browsers and podcast apps)
ALLOWED: dict[str, tuple[frozenset[str], str]] = {
    "mp4": (frozenset({"mov", "mp4", "m4a", "3gp", "3g2", "mj2"}), "video/mp4"),
    "webm": (frozenset({"matroska", "webm"}), "video/webm"),
    "mp3": (frozenset({"mp3"}), "audio/mpeg"),
    "m4a": (frozenset({"mov", "mp4", "m4a", "3gp", "3g2", "mj2"}), "audio/mp4"),
    "ogg": (frozenset({"ogg"}), "audio/ogg"),
}


def probe_media(file: IO[bytes], name: str) -> MediaProbe:
    """Open the file's content (not its name) and describe it; NotPlayableError if it is not media."""
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension not in ALLOWED:
        raise NotPlayableError(f"extension {extension!r}")
    demuxers, mime_type = ALLOWED[extension]
    file.seek(0)
    try:
        with av.open(file, mode="r", metadata_errors="ignore") as container:
            names = set(container.format.name.split(","))
            video = next((s for s in container.streams.video if s.codec_context is not None), None)
            audio = next(iter(container.streams.audio), None)
            duration = (container.duration or 0) / av.time_base
            width = video.codec_context.width if video is not None else None
            height = video.codec_context.height if video is not None else None
            # Reading one packet proves the file has data behind its header.
            packet = next((p for p in container.demux() if p.size), None)
    except (av.FFmpegError, StopIteration, UnicodeDecodeError, OSError) as error:
        raise NotPlayableError(str(error)) from None
    finally:
        file.seek(0)
    if not names & demuxers or packet is None:
        raise NotPlayableError(f"container {names}")
    return MediaProbe(
        container=container.format.name,
        mime_type=mime_type,
        duration=max(duration, 0.0),
        width=width or None,
        height=height or None,
        has_video=video is not None and bool(width),
        has_audio=audio is not None,
    )
