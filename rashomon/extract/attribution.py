"""Who said what: reporting cues, their source and content spans, and relay chains.

A cue is a reporting verb ("said", "told", "accused"), "according to", or a
noun such as "in a statement". Its source is the verb's subject (or the agent
of a passive, or the object of "according to"); its content is the clause it
governs, or, when the cue is tacked on ("..., the ministry said"), the clause it
is attached to. "X told Rudaw that ..." names a relay: the claim reached the
outlet via Rudaw. Nested attributions ("state media said the ministry
announced ...") chain the same way: the inner source via the outer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from rashomon.extract import cue_model, source_model
from rashomon.extract.speakers import (
    SUBJECTS,
    cue_lemma,
    interposed,
    inverted_subject,
    is_clause,
    lex,
    noun_phrase,
    speaker_with_clause,
    subject,
    subtree,
    trim,
    verbs,
)
from rashomon.nlp import text_of
from rashomon.records import Attribution, Span, Speaker, content_id

Doc = Any
Token = Any

PRONOUNS = {"it", "he", "she", "they", "we", "i", "you", "who", "which", "that"}
CONTENT_DEPS = ("ccomp", "xcomp")
OBJECT_DEPS = ("dobj", "attr", "oprd")
TOPIC_PREPS = ("about", "of", "to", "on", "against", "at", "for", "with", "over")  # spoke of, railed against


def parse_cues(stance: bool = False) -> list[str]:
    """Where attribution reads the parse: reporting verbs and nouns, "according to", denials; with
    ``stance`` the verbs of stance and decision too (``find_attributions(doc, attitudes=True)``)."""
    keys = ["verbs", "claim_verbs", "relay_verbs", "nouns", "according_to", "denials"]
    return [w for k in keys + (["attitude_verbs", "impressions"] if stance else []) for w in lex()[k]]


@dataclass(frozen=True, slots=True)
class Found:
    """An attribution in token offsets, before it becomes a record."""

    cue: tuple[int, int]  # token start, end (exclusive)
    source: tuple[int, int] | None
    content: tuple[int, int]
    relay: tuple[int, int] | None = None
    via: tuple[str, ...] = ()
    verb: str = ""


QUOTE = re.compile(
    r"“[^”\"\n]{2,}?[”\"]"  # typographic quotes, closed in the same paragraph (some texts close with a straight one)
    r"|(?<![^\s(\[—-])\"(?=\S)[^\"\n]*?(?<=\S)\"(?=[\s.,;:!?)\]—-]|$)"  # a straight quote opens after a space
)
HEADLINE = re.compile(r"^[ \t]*[\"“]?([A-Z][^:\n]{0,50}?):(?:[ \t]+\S|(?=[“\"]))", re.M)


def find_attributions(doc: Doc, attitudes: bool = False, learned: bool = True, checked: bool = True) -> list[Found]:
    """Every attribution in ``doc``, nested ones carrying their relays.

    ``attitudes`` adds the cues of stance and belief ("supports", "thinks", "wants")
    to those of speech; claims use speech only. ``learned`` lets the trained models set each
    source's extent and drop unlikely ones (:mod:`rashomon.extract.source_model`) and, with
    ``checked``, drop cues that are unlikely to be ones (:mod:`rashomon.extract.cue_model`);
    without them, the rules' spans stand (training reads those).
    """
    quotes = quote_spans(doc)
    found: list[Found] = _headline_colons(doc)
    for sent in doc.sents:
        for tok in sent:
            item = _from_verb(doc, tok, attitudes, quotes) if tok.pos_ in ("VERB", "AUX") else None
            item = item or _from_according(doc, tok) or _from_poll(doc, tok)
            item = item or (_from_impression(doc, tok) if attitudes else None)
            if item is not None:
                found.append(item)
    kept = [
        f
        for f in found
        if not _unrealised(doc[f.cue[0]]) and not _stance_within(f, found) and not _part_of_cue(doc, f, found)
    ]
    if learned:
        kept = source_model.choose(doc, kept)
        kept = cue_model.check(doc, kept, quotes) if checked else kept
    return _chain(doc, kept)


def _stance_within(item: Found, found: list[Found]) -> bool:
    """ "She said they would support him": a stance inside what someone said is part of that content,
    not an attribution of its own (speech inside speech is kept: it is a relay)."""
    if item.verb in lex()["verbs"] or item.verb in ("according", ":"):
        return False
    return any(
        o is not item and o.verb != IMPRESSION and o.content[0] <= item.cue[0] and item.cue[1] <= o.content[1]
        for o in found
    )  # "the senator seemed to support it": "support" is the senator's own, not inside an impression


def _unrealised(verb: Token) -> bool:
    """Speech that has not happened, so no attribution: a cue in the bare infinitive that is the complement
    of another verb ("said he would not recommend charges", "made them feel", "let editorials tell them") or
    follows a modal inside another clause."""
    if verb.tag_ != "VB":
        return False
    return verb.dep_ == "ccomp" or (verb.dep_ != "ROOT" and any(c.tag_ == "MD" for c in verb.children))


def _part_of_cue(doc: Doc, item: Found, found: list[Found]) -> bool:
    """ "declined to comment", "refused to say", "distanced himself by saying": a cue that completes another
    cue of the same speaker is one attribution with it, not a second one."""
    verb = doc[item.cue[0]]
    if item.source is None or verb.dep_ not in ("xcomp", "pcomp") or any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    head = verb.head if verb.dep_ == "xcomp" else verb.head.head
    return any(o is not item and o.cue[0] == head.i and o.source == item.source for o in found)


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """The token spans of the text's quotations (a cue inside one belongs to the quoted speaker)."""
    spans = []
    for m in QUOTE.finditer(text_of(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            spans.append((span.start, span.end))
    return spans


def _headline_colons(doc: Doc) -> list[Found]:
    """ "Cruz: Trump would put liberals on the court", "Q: ...", "PENCE: ...": a short name opening a line
    with a colon is a source; the rest of the line is its content."""
    out = []
    for m in HEADLINE.finditer(text_of(doc)):
        source = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if source is None or not _colon_label(source):
            continue
        line_end = text_of(doc).find("\n", m.end())
        end = line_end if line_end != -1 else len(text_of(doc))
        content = doc.char_span(m.end(1) + 1, end, alignment_mode="expand")
        if content is None or len(content) < 2:
            continue
        colon = source.end
        out.append(Found(cue=(colon, colon + 1), source=(source.start, source.end),
                         content=(content.start, content.end), verb=":"))  # fmt: skip
    return out


def _colon_label(source: Any) -> bool:
    """A speaker label: up to six words, no verb, a name or capitalised throughout, not "Update" or "Note"."""
    if len(source) > 6 or any(t.pos_ in ("VERB", "AUX") for t in source):
        return False
    if source.text.lower() in lex()["colon_labels"]:
        return False
    words = [t for t in source if t.is_alpha]
    return bool(words) and (any(t.pos_ == "PROPN" for t in source) or all(t.text[0].isupper() for t in words))


# -- cues --------------------------------------------------------------------------------
def _from_verb(doc: Doc, verb: Token, attitudes: bool, quotes: list[tuple[int, int]]) -> Found | None:
    lemma = cue_lemma(verb)
    if (lemma not in verbs(attitudes) and not (attitudes and speaker_with_clause(verb))) or any(
        start < verb.i < end - 1 for start, end in quotes
    ):
        return None  # a cue inside a quotation belongs to the quoted speaker's own words
    if _connective(verb):
        return None
    split = interposed(verb)
    source = split[0] if split else (inverted_subject(verb) or subject(verb))
    if source is not None and is_clause(doc[source[0] : source[1]].root):
        source = None  # "Raising the fees tells voters that ...": a deed, not a speaker
    if (
        source is not None
        and lemma not in lex()["verbs"]
        and doc[source[0] : source[1]].text.lower() in lex()["first_person"]
        and verb.tag_ != "VBD"
    ):
        return None  # "I think", "you know": asides inside quotations; "I thought", "I knew" tell a story
    content = split[1] if split else _content(doc, verb)
    if content is not None:
        sent = verb.sent
        content = (max(content[0], sent.start), min(content[1], sent.end))
    if content is None or content[1] <= content[0]:
        # "“...?” Trump said": the parser often ends the sentence at the quotation, so the quote is not clipped
        content = _adjacent_quote(verb, source, quotes)
    if content is None and attitudes and source is not None and lemma in lex()["verbs"]:
        content = (verb.i, verb.i + 1)  # "He declined to comment": a source and a cue, the content unsaid
    if content is None:
        return None
    relay = _relay(doc, verb) if lemma in lex()["relay_verbs"] else None
    return Found(cue=(verb.i, verb.i + 1), source=source, content=content, relay=relay, verb=lemma)


def _connective(verb: Token) -> bool:
    """ "That said, ...", "Having said that, ...": a link between the writer's own sentences, not speech."""
    doc, i = verb.doc, verb.i
    words = [t.lower_ for t in doc[max(i - 1, verb.sent.start) : i + 3]]
    return words[:3] == ["that", verb.lower_, ","] or words[:4] == ["having", verb.lower_, "that", ","]


def _from_according(doc: Doc, tok: Token) -> Found | None:
    """ "..., according to X": X is the source, the clause it hangs on is the content."""
    if tok.lower_ not in ("according", "citing", "quoting"):
        return None
    if tok.lower_ == "according":
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    else:
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
    if obj is None:
        return None
    source = noun_phrase(obj)
    content = _rest_of_clause(doc, tok.head, subtree(tok))
    return Found(
        cue=(tok.i, tok.i + (2 if tok.lower_ == "according" else 1)), source=source, content=content, verb="according"
    )


IMPRESSION = "impression"  # the verb of an attribution from lexicon "impressions"


def _from_impression(doc: Doc, tok: Token) -> Found | None:
    """ "The music seemed to match", "Google has reportedly looked at it": a view or report no one in the
    text owns ("is expected to" is the attitude verb's, with no source). The cue is the word, the content
    its clause, subject included (annotators mark the subject and the rest as one content)."""
    if tok.lemma_.lower() not in lex()["impressions"]:
        return None
    if tok.dep_ == "advmod":  # "reportedly"
        verb = tok.head
    elif tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("xcomp", "acomp") for c in tok.children):
        verb = tok
    else:
        return None  # "he appeared on Fox News": a showing, not an impression
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return None
    start, end = subtree(verb)
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    return Found(cue=(tok.i, tok.i + 1), source=None, content=(min(start, subject.left_edge.i), end), verb=IMPRESSION)


def _from_poll(doc: Doc, tok: Token) -> Found | None:
    """ "Clinton led by 8 points in a Fox News poll": the poll is the source of the clause it measures."""
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None) if tok.lower_ == "in" else None
    if obj is None or obj.lemma_.lower() not in lex()["poll_nouns"]:
        return None
    if obj.tag_ == "NNS" and not any(t.pos_ == "PROPN" for t in obj.subtree):
        return None  # "leads in the polls", "in national polls": polling in general, no one poll
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    content = _rest_of_clause(doc, head, subtree(tok))
    return Found(cue=(tok.i, tok.i + 1), source=noun_phrase(obj), content=content, verb="according")


# -- spans -------------------------------------------------------------------------------
def _content(doc: Doc, verb: Token) -> tuple[int, int] | None:
    for child in verb.children:
        if child.dep_ in CONTENT_DEPS and child.i > verb.i - 30:
            start, end = subtree(child)
            marks = [c for c in child.children if c.dep_ == "mark" and c.i == start]
            return (start + 1 if marks else start), end
    if verb.dep_ == "parataxis":  # "..., the ministry said": the cue is tacked onto its content
        return _rest_of_clause(doc, verb.head, subtree(verb))
    if verb.dep_ == "ROOT":
        before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
        if before:
            return subtree(before[0])
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS and child.i > verb.i:
            return subtree(child)
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return _rest_of_clause(doc, verb.head, subtree(verb))  # "as Krugman points out, ...": what follows
    return _topic(verb)


def _topic(verb: Token) -> tuple[int, int] | None:
    """What a cue without a clause or an object is about: "spoke of his brother", "pointed to Indiana"."""
    for prep in verb.rights:
        if prep.dep_ != "prep" or prep.lower_ not in TOPIC_PREPS:
            continue
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):  # "said on Tuesday" is no topic
            return subtree(obj)
    return None


def _adjacent_quote(
    verb: Token, source: tuple[int, int] | None, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """ "“...,” he said" and "he said: “...”": the quotation next to the cue is its content."""
    left = min(verb.i, source[0]) if source else verb.i
    right = max(verb.i + 1, source[1]) if source else verb.i + 1
    for start, end in quotes:
        if 0 <= left - end <= 2 or 0 <= start - right <= 2:
            return start, end
    return None


def _rest_of_clause(doc: Doc, head: Token, cut: tuple[int, int]) -> tuple[int, int]:
    """The head's clause without the cue's own phrase ``cut``: the larger side of it."""
    start, end = subtree(head)
    left, right = (start, cut[0]), (cut[1], end)
    chosen = left if left[1] - left[0] >= right[1] - right[0] else right
    s, e = trim(doc, chosen)
    return s, max(e, s + 1)


def _relay(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """ "told Kurdish news site Rudaw": the addressee, when it is an outlet (not "reporters")."""
    for child in verb.children:
        if child.dep_ not in ("dobj", "dative", "iobj") or child.i < verb.i:
            continue
        span = doc[child.left_edge.i : child.right_edge.i + 1]
        text = span.text.lower()
        if text in lex()["not_sources"] or child.lower_ in lex()["not_sources"]:
            return None
        words = {t.lower_ for t in span}
        if words & set(lex()["media"]) or any(t.ent_type_ == "ORG" for t in span):
            return subtree(child)
    return None


def relay_name(doc: Doc, relay: tuple[int, int]) -> str:
    """The outlet's name in a relay phrase: "Kurdish news site Rudaw" is Rudaw."""
    span = doc[relay[0] : relay[1]]
    proper = [t for t in span if t.pos_ == "PROPN" or (t.ent_type_ and t.ent_type_ not in ("NORP",))]
    appos = [t for t in span if t.dep_ == "appos"]
    if appos:
        return str(doc[appos[-1].left_edge.i : appos[-1].right_edge.i + 1].text)
    return " ".join(t.text for t in proper) if proper else str(span.text)


def _chain(doc: Doc, found: list[Found]) -> list[Found]:
    """Relays: the told-outlet, then every enclosing attribution's source, nearest the speaker first."""
    out = []
    for item in found:
        via: list[str] = [relay_name(doc, item.relay)] if item.relay else []
        outer = [o for o in found if o is not item and o.content[0] <= item.cue[0] < o.content[1] and o.source]
        for o in sorted(outer, key=lambda o: o.content[1] - o.content[0]):
            assert o.source is not None
            name = doc[o.source[0] : o.source[1]].text
            if name.lower() not in PRONOUNS:
                via.append(name)
        out.append(replace(item, via=tuple(via)))
    return out


# -- records -------------------------------------------------------------------------------
def to_char_span(doc: Doc, tokens: tuple[int, int], article_id: str) -> Span:
    span = doc[tokens[0] : tokens[1]]
    return Span(article_id, span.start_char, span.end_char)


def closed(doc: Doc, tokens: tuple[int, int]) -> tuple[int, int]:
    """A source's span as the text delimits it: no white space at either end, a bracket it opens closed
    ("Gov. Pat McCrory (R)"), and, when a comma inside sets something off, the comma that closes it
    ("Nick Merrill, a spokesman for Mrs. Clinton, said": the two commas go together; PolNeAR's sources
    keep it 1,160 times in 1,287)."""
    start, end = tokens
    while end > start + 1 and doc[end - 1].is_space:
        end -= 1
    while start < end - 1 and doc[start].is_space:
        start += 1
    words = doc[start:end].text
    if end < len(doc) and doc[end].text == ")" and words.count("(") > words.count(")"):
        end += 1
    inner = any(t.text == "," for t in doc[start:end])
    return (start, end + 1) if inner and end < len(doc) and doc[end].text == "," else (start, end)


def to_attribution(doc: Doc, item: Found, article_id: str, speaker: Speaker | None) -> Attribution:
    sent = doc[item.cue[0]].sent
    return Attribution(
        id=content_id("attribution", article_id, item.cue, item.content),
        evidence=Span(article_id, sent.start_char, sent.end_char),
        content=to_char_span(doc, item.content, article_id),
        cue=to_char_span(doc, item.cue, article_id),
        source=to_char_span(doc, closed(doc, item.source), article_id) if item.source else None,
        speaker=speaker,
        via=item.via,
    )
