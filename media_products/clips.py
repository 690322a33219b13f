"""Short video and audio clips drawn at seed (and test) time with PyAV, so no media is checked in.

The clips are tiny (a couple of seconds, small frames, low bit rate): they exist to be played,
captioned and downloaded, not watched.
"""

import io
import math
from array import array
from fractions import Fraction

import av

__all__ = ["make_audio", "make_video"]

VIDEO_CODECS = {"mp4": ("libx264", "aac"), "webm": ("libvpx", "libopus")}
AUDIO_CODECS = {"mp3": ("mp3", "libmp3lame"), "ogg": ("ogg", "libopus"), "m4a": ("ipod", "aac")}


def _tone(first_sample: int, samples: int, rate: int, pitch: float) -> bytes:
    values = (
        int(6000 * math.sin(2 * math.pi * pitch * (first_sample + i) / rate))
        for i in range(samples)
    )
    return array("h", values).tobytes()


def _encode_audio(container, stream, seconds: float, pitch: float) -> None:
    rate = stream.rate
    samples = 1024
    resampler = av.AudioResampler(format=stream.format.name, layout=stream.layout.name, rate=rate)
    total = int(seconds * rate)
    for first in range(0, total, samples):
        frame = av.AudioFrame(format="s16", layout="mono", samples=samples)
        frame.planes[0].update(_tone(first, samples, rate, pitch))
        frame.sample_rate = rate
        frame.pts = first
        frame.time_base = Fraction(1, rate)
        for converted in resampler.resample(frame):
            container.mux(stream.encode(converted))
    for converted in resampler.resample(None):
        container.mux(stream.encode(converted))
    container.mux(stream.encode(None))


def make_video(
    fmt: str = "mp4", seconds: float = 2.0, size: tuple[int, int] = (320, 180), hue: int = 0
) -> bytes:
    """A moving colour bar with a tone, in MP4 (H.264 + AAC) or WebM (VP8 + Opus)."""
    video_codec, audio_codec = VIDEO_CODECS[fmt]
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=fmt) as container:
        fps = 12
        video = container.add_stream(video_codec, rate=fps)
        video.width, video.height = size
        video.pix_fmt = "yuv420p"
        video.bit_rate = 150_000
        if video_codec == "libx264":
            video.options = {"preset": "ultrafast", "crf": "35"}
        audio = container.add_stream(audio_codec, rate=48000)
        audio.bit_rate = 48_000
        width, height = size
        background = bytes(((40 + hue) % 256, 70, 110))
        bar = bytes((240, 200, 60))
        for index in range(int(seconds * fps)):
            x = int(index / (seconds * fps) * (width - 40))
            row = background * x + bar * 40 + background * (width - 40 - x)
            plain = background * width
            rows = [row if height // 3 <= y < 2 * height // 3 else plain for y in range(height)]
            frame = av.VideoFrame(width, height, "rgb24")
            frame.planes[0].update(b"".join(rows))
            frame = frame.reformat(format="yuv420p")
            frame.pts = index
            container.mux(video.encode(frame))
        container.mux(video.encode(None))
        _encode_audio(container, audio, seconds, 440 + hue)
    return buffer.getvalue()


def make_audio(fmt: str = "mp3", seconds: float = 2.0, pitch: float = 330.0) -> bytes:
    """A soft tone in MP3, Ogg (Opus) or M4A (AAC)."""
    container_format, codec = AUDIO_CODECS[fmt]
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=container_format) as container:
        stream = container.add_stream(codec, rate=48000 if codec == "libopus" else 44100)
        stream.bit_rate = 48_000
        _encode_audio(container, stream, seconds, pitch)
    return buffer.getvalue()
