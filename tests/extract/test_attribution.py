from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rashomon.extract.attribution import Found, find_attributions


def parts(nlp: Callable[[str], Any], text: str) -> list[tuple[str | None, str, str, tuple[str, ...]]]:
    doc = nlp(text)

    def words(span: tuple[int, int] | None) -> str | None:
        return doc[span[0] : span[1]].text if span else None

    found: list[Found] = find_attributions(doc)
    return [(words(a.source), str(words(a.cue)), str(words(a.content)), a.via) for a in found]


def test_told_an_outlet_is_a_relay(nlp: Callable[[str], Any]) -> None:
    [(source, cue, content, via)] = parts(
        nlp, "SDF spokesperson Farhad Shami told Kurdish news site Rudaw that around 1,500 members had escaped."
    )
    assert source == "SDF spokesperson Farhad Shami" and cue == "told"
    assert content.startswith("around 1,500") and via == ("Rudaw",)


def test_told_reporters_names_no_relay(nlp: Callable[[str], Any]) -> None:
    [(source, _, _, via)] = parts(nlp, "The governor told reporters that nine hostages were still held.")
    assert source == "The governor" and via == ()


def test_tacked_on_cue_takes_the_clause_before_it(nlp: Callable[[str], Any]) -> None:
    [(source, _, content, _)] = parts(nlp, "Of the 120 who escaped, 81 have been captured, the ministry said Tuesday.")
    assert source == "the ministry" and "81 have been captured" in content


def test_according_to(nlp: Callable[[str], Any]) -> None:
    [(source, cue, content, _)] = parts(nlp, "The escape was chaotic, according to Nanar Hawach, an analyst.")
    assert source is not None and source.startswith("Nanar Hawach") and cue == "according to"
    assert "escape was chaotic" in content


def test_nested_attribution_is_a_relay_chain(nlp: Callable[[str], Any]) -> None:
    found = parts(nlp, "State media said the ministry announced that 40 prisoners were freed.")
    inner = next(f for f in found if f[1] == "announced")
    assert inner[0] == "the ministry" and inner[3] == ("State media",)


def test_quotation_before_the_cue_is_its_content(nlp: Callable[[str], Any]) -> None:
    [(source, _, content, _)] = parts(nlp, "“We will bring every hostage home,” Menk told reporters.")
    assert source == "Menk" and "bring every hostage home" in content


def test_a_sentence_without_a_cue_has_no_attribution(nlp: Callable[[str], Any]) -> None:
    assert parts(nlp, "Gunmen stormed the market town on Monday night.") == []
