from __future__ import annotations

import pytest

from rashomon.errors import BinaryInput, EmptyInput
from rashomon.ingest.decode import decode

SAMPLE = (
    "The mayor said “around 40” people died – café owners fled the market. Officials in Velmora "
    "could not confirm the figure, and the régime’s account was disputed by émigrés."
)


def test_utf8_is_read_as_is() -> None:
    assert decode(SAMPLE.encode("utf-8")) == (SAMPLE, "utf-8")


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_other_encodings_are_detected(encoding: str) -> None:
    text, used = decode(SAMPLE.encode(encoding))
    assert text == SAMPLE
    assert used


def test_latin1_text_is_decoded_not_refused() -> None:
    plain = "Les réfugiés sont arrivés à Dorsk après l'attaque, selon le préfet, et la ville était calme."
    text, _ = decode(plain.encode("latin-1"))
    assert text == plain


def test_invalid_utf8_is_kept_with_the_damage_marked() -> None:
    raw = SAMPLE.encode("utf-8")
    text, used = decode(raw[:40] + b"\xff\xfe" + raw[40:])
    assert "invalid byte" in used
    assert text.startswith(SAMPLE[:30]) and text.endswith("émigrés.")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (bytes(range(256)) * 4, "control bytes"),
    ],
)
def test_binary_input_is_refused_with_its_kind(data: bytes, what: str) -> None:
    with pytest.raises(BinaryInput, match=what):
        decode(data)


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyInput):
        decode(data)


def test_a_short_utf8_text_with_a_few_broken_bytes_stays_utf8() -> None:
    data = "Le café du coin".encode() + b" \xff\xfe ok"  # a code page would read "café" as "cafĂ©"
    text, encoding = decode(data)
    assert text.startswith("Le café du coin") and encoding == "utf-8 (2 invalid byte sequence(s) replaced)"
