"""Who is speaking: the source span of a reporting verb.

The speaker is the verb's subject, or the agent of a passive, or one set off after the verb ("..., said
Jim Doyle"), or one borrowed from the clause the verb hangs on ("said X, adding that ..."), trimmed of
what the source did or said rather than who it is. Reads the parse only; the attribution module decides
which verbs are cues.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rashomon.lexicons import lexicon

Doc = Any
Token = Any

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
LEFT_STOPS = ("—", "–", ":", "”", '"', "“")
ASIDE_MARKS = (",", "—", "–", "-")  # what sets off a participle from the name it follows
CLAUSE_DEPS = frozenset("nsubj nsubjpass dobj aux auxpass ccomp xcomp attr acomp neg mark advmod".split())
LIGHT_VERBS = ("be", "have", "do", "get", "go", "make", "help", "let", "win", "come")
NOT_SUBJECTS = ("PART", "AUX", "PUNCT", "ADP", "CCONJ", "SCONJ")  # "don’t" is "do" and "n’t", never a speaker


@cache
def lex() -> dict[str, Any]:
    return lexicon("attribution")


@cache
def verbs(attitudes: bool) -> frozenset[str]:
    return frozenset(lex()["verbs"] + (lex()["attitude_verbs"] if attitudes else []))


def is_clause(tok: Token) -> bool:
    """Whether ``tok`` heads a clause (a verb with a subject, an object, a complement or a marker of its own)
    rather than a noun phrase."""
    return tok.pos_ in ("VERB", "AUX") and (tok.dep_ == "csubj" or any(c.dep_ in CLAUSE_DEPS for c in tok.children))


def subtree(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def noun_phrase(tok: Token) -> tuple[int, int]:
    """The source with its title, appositive and relative clause ("Nick Merrill, a spokesman for Mrs.
    Clinton, who ..."; cutting every such clause lost more than it gained on PolNeAR), but nothing across
    a line break, a dateline dash or a quotation before it, and no aside set off by a comma: a participle
    ("Bernie Sanders, celebrating a victory in Vermont, said") or a relative clause of speech or stance
    ("Glenn Beck, who supported Cruz, said"): what the source did or said, not who it is."""
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    for j in range(tok.i + 1, right):
        if doc[j].is_space and "\n" in doc[j].text:
            right = j
            break
    for j in range(tok.i - 1, left - 1, -1):
        if doc[j].text in LEFT_STOPS or (doc[j].is_space and "\n" in doc[j].text) or _dash(doc[j]):
            left = j + 1
            break
    while left < tok.i and doc[left].lower_ in ("even", "only") and doc[left].dep_ == "advmod":
        left += 1  # "even his admirers say": the focus word is the writer's, not part of who spoke
    asides = (c.left_edge.i for c in tok.rights if _aside(c) and left < c.left_edge.i < right)
    right = next((i for i in asides if doc[i - 1].text in ASIDE_MARKS), right)
    while right > left + 1 and doc[right - 1].is_punct:
        right -= 1
    return left, right


def _dash(tok: Token) -> bool:
    """A hyphen standing alone between spaces: a dateline's dash ("JACKSON, Miss. - U.S. District Judge")."""
    return tok.text == "-" and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def _aside(clause: Token) -> bool:
    return clause.dep_ == "acl" or (clause.dep_ == "relcl" and cue_lemma(clause) in verbs(True))


def speaker_with_clause(verb: Token) -> bool:
    """ "Officials realised the road was cut": a named or personal subject with a clause complement, on a
    verb of content ("is", "has", "made" and their like take clauses that nobody is saying)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in LIGHT_VERBS or not any(c.dep_ == "ccomp" for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and (
        subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subj.lower_ in ("he", "she", "they", "who")
    )


def cue_lemma(verb: Token) -> str:
    """spaCy's lemma, or the word's own stem when the small model lemmatises it oddly ("hoping" -> "hop")."""
    lemma = str(verb.lemma_.lower())
    if lemma in verbs(True):
        return lemma
    word = str(verb.lower_)
    for ending, stem in (("s", word[:-1]), ("ing", word[:-3] + "e"), ("ed", word[:-1])):  # hopes, hoping, hoped
        if word.endswith(ending):
            return stem if stem in verbs(True) else lemma
    return lemma


def inverted_subject(verb: Token) -> tuple[int, int] | None:
    """ "..., said Jim Doyle", "“...,” said the ministry": the subject after the verb."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in (",", "”", '"', "’"):
        return None
    after = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i > verb.i), None)
    if after is None and _finite_speech(verb) and not any(c.dep_ in SUBJECTS for c in verb.children):
        # "“...,” added a New Hampshire Democrat": the small model reads the speaker as an object
        after = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1), None)
    return noun_phrase(after) if after is not None else None


def interposed(verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "Any reading of his acts, said Michael Kofman, an expert on Russia, would ...": a speaker set off
    between two halves of what they said, which the small model reads as the subject of the second half.
    Returns the speaker and the larger half."""
    doc = verb.doc
    if not _finite_speech(verb) or verb.i == 0 or doc[verb.i - 1].text not in (",", "”", '"', "’"):
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if any(c.i > verb.i or _named(c) or any(_named(a) for a in c.children if a.dep_ == "appos") for c in subjects):
        return None  # "..., said Jim Doyle" has its own subject; "Trump, however, said Clinton ..." is no aside
    after = doc[verb.i + 1 : verb.sent.end]
    noun = next((t for t in after if t.dep_ in SUBJECTS and t.left_edge.i == verb.i + 1 and t.head.i > t.i), None)
    if (
        noun is None
        or not any(_named(t) for t in noun.subtree)
        or "," not in (doc[noun.right_edge.i].text, _next(noun))
    ):
        return None  # "..., said Clinton would lose": a subject of what was said, not an aside
    front = (verb.sent.start, verb.i)
    rest = (noun.right_edge.i + 1, verb.sent.end)
    return noun_phrase(noun), trim(doc, max(front, rest, key=lambda s: s[1] - s[0]))


def _named(tok: Token) -> bool:
    return tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def _next(tok: Token) -> str:
    i = tok.right_edge.i + 1
    return str(tok.doc[i].text) if i < len(tok.doc) else ""


def trim(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without punctuation at either end (at least one token of a span that has one)."""
    s, e = span
    while e > s + 1 and doc[e - 1].is_punct:
        e -= 1
    while s < e - 1 and doc[s].is_punct:
        s += 1
    return s, e


def _finite_speech(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP") and verb.dep_ in ("ROOT", "parataxis") and cue_lemma(verb) in verbs(False)


def subject(verb: Token, own: bool = True) -> tuple[int, int] | None:
    """The speaker of ``verb``: the agent of a passive ("was criticised by X"), else its subject, else one
    borrowed from the phrase it hangs on. The subject of the passive cue itself is what was said or
    done, not who said it ("Clinton was criticised", "the deal was announced"): no speaker, unless
    ``own`` is False and the verb lends its subject to another ("was asked and said", "was quoted as saying")."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if obj is not None:
        return noun_phrase(obj)
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.pos_ not in NOT_SUBJECTS]
    if own and any(c.dep_ == "nsubjpass" for c in subjects) and not _has_said(verb):
        return None
    if subjects:  # "Washington (AFP) - Hillary Clinton said": of two subjects, the speaker is nearer the verb
        child = min(subjects, key=lambda c: abs(verb.i - c.i))
        return _before(noun_phrase(child), verb)
    return _borrowed_subject(verb)


def _has_said(verb: Token) -> bool:
    """ "He's said he would ...": the small model reads that "'s" as a passive auxiliary; followed by a
    clause, it is "has"."""
    return any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children) and any(
        c.dep_ == "ccomp" and c.i > verb.i for c in verb.children
    )


def _before(span: tuple[int, int], verb: Token) -> tuple[int, int]:
    """A subject before its verb ends before it (a misparse can hang the verb's own words on the subject)."""
    left, right = span
    if not left < verb.i < right:
        return span
    right = verb.i
    while right > left + 1 and verb.doc[right - 1].is_punct:
        right -= 1
    return left, right


def _borrowed_subject(verb: Token) -> tuple[int, int] | None:
    """The speaker of a verb without a subject of its own, from the phrase it hangs on."""
    head = verb.head
    controller = _object_controller(verb)
    if controller is not None:
        return controller
    if _passive_participle(verb):
        return None  # "Asked about the deal, Sanders said ...": Sanders was asked; he did not ask
    if verb.dep_ in ("conj", "advcl", "xcomp"):
        return _inherited_subject(verb)  # "said X and added Y", "..., adding that ..."
    if verb.dep_ == "acl" and head.i < verb.i and (head.ent_type_ in ("PERSON", "ORG", "NORP") or head.pos_ == "PROPN"):
        return _modified(head, verb)  # "Amnesty International, urging the release of ...": its speaker
    if verb.dep_ == "pcomp" and head.head.pos_ in ("VERB", "AUX") and head.head.i != head.i:
        return subject(head.head, own=False)  # "distanced himself by saying ...", "was suspended after slamming ..."
    return None


def _object_controller(verb: Token) -> tuple[int, int] | None:
    """ "The defeat forced the governor to admit ...", "urged voters to reject ...": the verb that makes
    someone speak or act lends its object, not its subject."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "oprd") or head.lemma_.lower() not in lex()["object_control"]:
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    return noun_phrase(obj) if obj is not None else None


def _passive_participle(verb: Token) -> bool:
    """ "Asked about ...", "when asked", "criticised by many and ...": a bare past participle hanging on
    another clause is passive, so that clause's subject is not its speaker."""
    if verb.dep_ not in ("advcl", "acl", "conj") or verb.tag_ != "VBN":
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return verb.dep_ != "conj" or str(verb.head.tag_) == "VBN"  # "has said and repeated" shares its "has"


def _modified(noun: Token, clause: Token) -> tuple[int, int]:
    """The noun phrase of ``noun`` without the clause that modifies it."""
    left, right = noun_phrase(noun)
    right = min(right, clause.left_edge.i)
    while right > left + 1 and noun.doc[right - 1].is_punct:
        right -= 1
    return left, right


def _inherited_subject(verb: Token) -> tuple[int, int] | None:
    """The subject of the verb this one hangs on ("said X and added Y", "..., adding that ..."), unless
    that verb is itself reported speech ("told Rudaw that 1,500 had escaped, accusing ...", also from a later
    verb of that speech: "saying the bill had X but Y blocked it, arguing ..."): then the reporting verb's,
    if it comes first (a later verb read as the head of that speech is a misparse: "saying X, you see")."""
    head = top = verb.head
    if verb.dep_ == "advcl":
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
    if top.dep_ == "ccomp" and top.head.i < top.i and top.head.lemma_.lower() in verbs(True):
        head = top.head
    return subject(head, own=False)
