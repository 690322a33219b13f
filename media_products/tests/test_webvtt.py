"""The WebVTT checker: valid files parse; broken ones are refused with the line that is wrong."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from media_products.webvtt import WebVTTError, decode_caption_bytes, parse_webvtt


def test_valid_captions_give_their_cues():
    cues = parse_webvtt(
        "WEBVTT - tiêu đề\nKind: captions\n\nNOTE ghi chú\nnhiều dòng\n\n1\n00:00:00.000 --> 00:00:01.500 line:90%\n"
        "Xin chào\ncác bạn.\n\n01:00:01.500 --> 01:00:03.000\nTạm biệt.\n"
    )
    assert [(c.start, c.end, c.text) for c in cues] == [
        (0.0, 1.5, "Xin chào\ncác bạn."),
        (3601.5, 3603.0, "Tạm biệt."),
    ]


def test_byte_order_mark_and_windows_line_endings_are_accepted():
    cues = parse_webvtt(
        decode_caption_bytes(b"\xef\xbb\xbfWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nA\r\n")
    )
    assert cues[0].start == 1.0


def test_a_plain_text_file_is_refused_on_line_1():
    with pytest.raises(WebVTTError) as error:
        parse_webvtt("Đây là văn bản thường.\nKhông phải phụ đề.\n")
    assert error.value.problems[0][0] == 1
    assert "Dòng 1" in error.value.messages()[0] and "WEBVTT" in error.value.messages()[0]


def test_a_malformed_timestamp_names_its_line():
    with pytest.raises(WebVTTError) as error:
        parse_webvtt(
            "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nMột\n\n00:00:01,000 --> 00:00:02.000\nHai\n"
        )
    assert error.value.problems == [(6, error.value.problems[0][1])]
    assert error.value.messages()[0].startswith("Dòng 6:")
    assert "00:00:01,000" in error.value.messages()[0]


def test_a_cue_that_ends_before_it_starts_is_refused():
    with pytest.raises(WebVTTError) as error:
        parse_webvtt("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nSai\n")
    assert error.value.problems[0][0] == 3
    assert "kết thúc" in error.value.messages()[0]


def test_cues_out_of_order_are_refused():
    with pytest.raises(WebVTTError) as error:
        parse_webvtt(
            "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nB\n\n00:00:01.000 --> 00:00:02.000\nA\n"
        )
    assert error.value.problems[0][0] == 6


def test_missing_blank_line_between_cues_is_refused():
    with pytest.raises(WebVTTError) as error:
        parse_webvtt(
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n00:00:02.000 --> 00:00:03.000\nB\n"
        )
    assert error.value.problems[0][0] == 4


def test_an_identifier_without_timing_is_refused():
    with pytest.raises(WebVTTError) as error:
        parse_webvtt("WEBVTT\n\ncau-1\nXin chào\n")
    assert error.value.problems[0][0] == 3


def test_a_file_without_cues_is_refused():
    with pytest.raises(WebVTTError):
        parse_webvtt("WEBVTT\n\nNOTE chỉ có ghi chú\n")


def test_binary_content_is_refused():
    with pytest.raises(WebVTTError) as error:
        decode_caption_bytes(b"\x00\x00\x00\x18ftypmp42")
    assert "nhị phân" in error.value.messages()[0]


def test_text_that_is_not_utf8_names_its_line():
    with pytest.raises(WebVTTError) as error:
        decode_caption_bytes(b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nXin ch\xe0o\n")
    assert error.value.problems[0][0] == 4


def _stamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    return f"{millis // 3_600_000:02}:{millis // 60_000 % 60:02}:{millis // 1000 % 60:02}.{millis % 1000:03}"


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=5_000),
            st.integers(min_value=1, max_value=5_000),
            st.text(
                alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
                min_size=1,
                max_size=40,
            )
            .map(str.strip)
            .filter(lambda text: text and "-->" not in text),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_well_formed_caption_file_round_trips(cues):
    lines, start = ["WEBVTT", ""], 0
    expected = []
    for gap, length, text in cues:
        start += gap
        begin, end = start / 1000, (start + length) / 1000
        lines += [f"{_stamp(begin)} --> {_stamp(end)}", text, ""]
        expected.append((begin, end, text))
    parsed = parse_webvtt("\n".join(lines))
    assert [(c.start, c.end, c.text) for c in parsed] == expected
