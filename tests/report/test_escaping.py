"""Every piece of text on a page goes through one escaping function; it must escape exactly as the
standard library does, whatever the text."""

from __future__ import annotations

from html import escape

from hypothesis import given
from hypothesis import strategies as st

from rashomon.report.escaping import h


@given(st.text())
def test_escaping_matches_the_standard_library_on_any_text(text: str) -> None:
    assert h(text) == escape(text, quote=True)


def test_escaping_reads_none_as_empty_and_numbers_as_text() -> None:
    assert h(None) == "" and h(12) == "12" and h('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
