"""Bytes to text: byte-order marks, declared charsets, UTF-8, detection, and findings."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimmap.ingest.encoding import (
    decode_bytes,
    decode_document,
    looks_binary,
    normalize_charset,
)
from claimmap.model import Finding

RUSSIAN = (
    "Российская армия вернула под контроль 64% территории Курской области, занятой "
    "украинскими войсками в ходе наступления, заявил в четверг высокопоставленный "
    "военный. «Освобождено более 800 квадратных километров», — сказал он."
)
# KOI8-R has no guillemets or dashes: its sample is the first sentence alone.
RUSSIAN_KOI8 = RUSSIAN.split(" «")[0]
UKRAINIAN = (
    "Головнокомандувач Збройних сил України Олександр Сирський у понеділок вперше "
    "публічно оцінив масштаби операції в Курській області Росії: близько тисячі "
    "квадратних кілометрів під контролем ЗСУ."
)


def noise(size: int) -> bytes:
    """Return random bytes with no NUL (so not sniffed as binary) and no valid encoding."""
    return random.Random(0).randbytes(size).replace(b"\0", b"\1")


def test_utf8_is_decoded_as_is() -> None:
    assert decode_bytes(UKRAINIAN.encode("utf-8")) == UKRAINIAN


def test_utf8_byte_order_mark_is_removed() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + UKRAINIAN.encode("utf-8")) == UKRAINIAN


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_a_mark_are_text(codec: str) -> None:
    data = RUSSIAN.encode(codec)  # Python writes the byte-order mark
    assert not looks_binary(data)
    assert decode_bytes(data) == RUSSIAN


def test_cp1251_russian_is_detected_without_a_declaration() -> None:
    assert decode_bytes(RUSSIAN.encode("cp1251")) == RUSSIAN


def test_declared_charset_is_honoured_before_detection() -> None:
    # KOI8-R bytes of Russian also decode as cp1251 (to nonsense): the declaration decides.
    data = RUSSIAN_KOI8.encode("koi8-r")
    assert decode_bytes(data, declared="KOI8-R") == RUSSIAN_KOI8


def test_a_declaration_that_does_not_fit_falls_back_to_utf8() -> None:
    assert decode_bytes(UKRAINIAN.encode("utf-8"), declared="ascii") == UKRAINIAN


def test_an_unknown_declaration_is_ignored() -> None:
    assert decode_bytes(UKRAINIAN.encode("utf-8"), declared="x-no-such") == UKRAINIAN


def test_a_truncated_last_character_is_dropped_not_fatal() -> None:
    data = UKRAINIAN.encode("utf-8")
    assert decode_bytes(data[:-1]) == UKRAINIAN[:-1]
    cut = data[:-2]  # inside "ЗСУ.": the last letter is two bytes
    assert decode_bytes(cut) == UKRAINIAN[:-2]


def test_noise_has_no_plausible_encoding() -> None:
    assert decode_bytes(noise(4000)) is None


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        b"GIF89a\x01\x00\x01\x00",
        b"PK\x03\x04\x14\x00",
        b"\x1f\x8b\x08\x00",
        b"plain text\0with a NUL",
    ],
    ids=["png", "pdf", "gif", "zip", "gzip", "nul"],
)
def test_binary_formats_are_recognised(data: bytes) -> None:
    assert looks_binary(data)


def test_text_in_any_single_byte_encoding_is_not_binary() -> None:
    assert not looks_binary(RUSSIAN.encode("cp1251"))
    assert not looks_binary(RUSSIAN_KOI8.encode("koi8-r"))


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("utf-8", "utf-8"),
        ("UTF8", "utf-8"),
        ("windows-1251", "cp1251"),
        ("koi8-r", "koi8-r"),
        ("iso-8859-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("utf-16", "utf-8"),
        ("rot13", None),
        ("zlib", None),
        ("", None),
    ],
)
def test_charset_labels_map_to_codecs(label: str, codec: str | None) -> None:
    assert normalize_charset(label) == codec


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary"),
        (noise(4000), "encoding-unknown"),
    ],
)
def test_content_problems_are_findings_naming_the_file(data: bytes, code: str) -> None:
    finding = decode_document(data, path="in/story.txt")
    assert isinstance(finding, Finding)
    assert finding.code == code
    assert str(finding).startswith("in/story.txt: ")


@given(st.text().filter(lambda text: not text.startswith("\ufeff")))
def test_utf8_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == text
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8")) == text


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЫЭЮЯ .,"))
def test_declared_cp1251_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("cp1251"), declared="windows-1251") == text


def test_declared_cp1251_text_starting_like_a_utf16_mark_is_not_read_as_utf16() -> None:
    """Regression: "юя" is FE FF in windows-1251, the UTF-16 big-endian mark."""
    assert decode_bytes("юя, Курськ".encode("cp1251"), declared="windows-1251") == "юя, Курськ"
