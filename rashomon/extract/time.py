"""Time expressions, resolved against the publication date (the document creation time, DCT).

Each expression gets a TimeML-style value (``2026-01-19``, ``2026-W03``, ``2026-01``,
``2025-Q4``, ``P3D``, ``PRESENT_REF`` ...) for evaluation, and, when it names a
stretch of the calendar, the first and last day of that stretch with its
precision, for events and claims. Rules follow news usage: a bare weekday is the
most recent such day (the report's own day when it is that weekday), unless the
sentence speaks of the future; "on January 19" takes its year from the DCT.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from rashomon.dates import MONTHS
from rashomon.extract.spans import without_overlaps
from rashomon.nlp.literals import fold, may_match, needed

WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100, "a hundred": 100, "twenty-four": 24, "twenty four": 24,
}  # fmt: skip
UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M", "decade": "DE", "quarter": "Q",
         "century": "CE", "second": "S"}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "overnight": "TNI"}
FUTURE = re.compile(r"\b(?:will|shall|'ll|going to|plans? to|planned|expected to|scheduled|due to|upcoming)\b", re.I)

MONTH_NAME = (  # "march" in lower case is a walk ("joined the march"), not the month
    r"(?:january|february|(?-i:March|MARCH)|april|june|july|august|september|october|november|december|"
    r"jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.|(?<=\bin\s)may|(?<=\blast\s)may|(?<=\bnext\s)may|(?<=\bearly\s)may|(?<=\blate\s)may)"
)
MON = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAYNAME = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
NUM = r"(?:\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
UNIT = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|quarters?|centuries|century|seconds?)"
PART = r"(?:morning|afternoon|evening|night)"
YEAR = r"(?:1[89]\d\d|20\d\d)"


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression: characters ``[start, end)``, TimeML type and value, resolved days."""

    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str
    first: date | None = None
    last: date | None = None
    precision: str | None = None  # day | week | month | quarter | season | year | decade


@dataclass(frozen=True, slots=True)
class Context:
    dct: date
    future: bool
    since: bool = False  # "since June 14": a starting point, never after the report


Resolved = tuple[str, str, date | None, date | None, str | None]
Resolver = Callable[["M", Context], Resolved | None]


# -- calendar helpers -------------------------------------------------------------------
def _month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _week_range(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + delta
    return index // 12, index % 12 + 1


def _num(text: str) -> int | None:
    text = text.lower().strip()
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)


def weekday_date(day: int, ctx: Context, direction: str = "") -> date:
    """The date of a weekday named in a report published on ``ctx.dct``."""
    delta = (ctx.dct.weekday() - day) % 7
    if direction == "last":
        return ctx.dct - timedelta(days=delta or 7)
    if direction == "next" or (ctx.future and not direction and delta):
        return ctx.dct + timedelta(days=(day - ctx.dct.weekday()) % 7 or 7)
    return ctx.dct - timedelta(days=delta)


def _day_result(d: date, part: str | None = None) -> tuple[str, str, date, date, str]:
    value = d.isoformat() + (PARTS_OF_DAY[part] if part else "")
    return "DATE", value if not part else d.isoformat() + "T" + PARTS_OF_DAY[part][1:], d, d, "day"


def _month_day(month: int, day: int, year: int | None, ctx: Context) -> date | None:
    y = year if year is not None else ctx.dct.year
    try:
        d = date(y, month, day)
    except ValueError:
        return None
    if year is None and ctx.since and d > ctx.dct:
        d = d.replace(year=y - 1)  # "since June 14" in a March report: last June
    elif year is None and not ctx.future and (d - ctx.dct).days > 183:
        d = d.replace(year=y - 1)
    elif year is None and (ctx.dct - d).days > 183:
        d = d.replace(year=y + 1)
    return d


# -- resolvers, one per pattern ---------------------------------------------------------
def r_full_date(m: M, ctx: Context) -> Resolved | None:
    month = MONTHS[m["mon"].lower().rstrip(".")]
    year = int(m["year"]) if m["year"] else None
    d = _month_day(month, int(m["day"]), year, ctx)
    return ("DATE", d.isoformat(), d, d, "day") if d else None


def r_iso(m: M, ctx: Context) -> Resolved | None:
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return "DATE", d.isoformat(), d, d, "day"


def r_month_year(m: M, ctx: Context) -> Resolved:
    month, year = MONTHS[m["mon"].lower().rstrip(".")], int(m["year"])
    first, last = _month_range(year, month)
    return "DATE", f"{year}-{month:02d}", first, last, "month"


def r_month(m: M, ctx: Context) -> Resolved:
    month = MONTHS[m["mon"].lower().rstrip(".")]
    mod = (m["mod"] or "").lower()
    year = ctx.dct.year
    if mod == "last":
        year -= 1 if month >= ctx.dct.month else 0
    elif mod == "next":
        year += 1 if month <= ctx.dct.month else 0
    elif not mod or mod in ("early", "late", "mid"):
        if not ctx.future and month > ctx.dct.month:
            year -= 1
        elif ctx.future and month < ctx.dct.month:
            year += 1
    first, last = _month_range(year, month)
    return "DATE", f"{year}-{month:02d}", first, last, "month"


def r_month_rel_year(m: M, ctx: Context) -> Resolved:
    month = MONTHS[m["mon"].lower().rstrip(".")]
    year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[(m["rel"] or "this").lower()]
    first, last = _month_range(year, month)
    return "DATE", f"{year}-{month:02d}", first, last, "month"


def r_weekday(m: M, ctx: Context) -> Resolved:
    day = WEEKDAYS[m["day"].lower()]
    direction = m["dir"].lower()
    d = weekday_date(day, ctx, direction if direction in ("last", "next") else "")
    part = (m["part"] or "").lower() or None
    return _day_result(d, part)


def r_relative_day(m: M, ctx: Context) -> Resolved:
    word = m["word"].lower()
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "last night": -1, "this morning": 0,
              "this afternoon": 0, "this evening": 0, "overnight": 0}[re.sub(r"\s+", " ", word)]  # fmt: skip
    d = ctx.dct + timedelta(days=offset)
    part = next((p for p in PARTS_OF_DAY if word.endswith(p)), "night" if word == "tonight" else None)
    return _day_result(d, part)


def r_relative_unit(m: M, ctx: Context) -> Resolved | None:
    rel, unit = m["rel"].lower().split()[-1], m["unit"].lower()
    delta = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[rel]
    if unit == "week":
        d = ctx.dct + timedelta(weeks=delta)
        first, last = _week_range(d)
        return "DATE", _week_value(d), first, last, "week"
    if unit == "month":
        y, mo = _shift_month(ctx.dct.year, ctx.dct.month, delta)
        first, last = _month_range(y, mo)
        return "DATE", f"{y}-{mo:02d}", first, last, "month"
    if unit == "year":
        y = ctx.dct.year + delta
        return "DATE", str(y), date(y, 1, 1), date(y, 12, 31), "year"
    if unit == "weekend":
        d = ctx.dct + timedelta(weeks=delta)
        first, _ = _week_range(d)
        return "DATE", _week_value(d) + "-WE", first + timedelta(days=5), first + timedelta(days=6), "week"
    if unit == "quarter":
        q = (ctx.dct.month - 1) // 3 + 1 + delta
        y = ctx.dct.year + (q - 1) // 4
        q = (q - 1) % 4 + 1
        return "DATE", f"{y}-Q{q}", date(y, 3 * q - 2, 1), _month_range(y, 3 * q)[1], "quarter"
    return None


def r_season(m: M, ctx: Context) -> Resolved:
    rel = (m["rel"] or "this").lower()
    y = ctx.dct.year + {"this": 0, "last": -1, "next": 1}.get(rel, 0)
    if m["year"]:
        y = int(m["year"])
    return "DATE", f"{y}-{SEASONS[m['season'].lower()]}", None, None, "season"


QUARTERS = {"fir": 1, "sec": 2, "thi": 3, "fou": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "jan": 1, "apr": 2, "jul": 3, "oct": 4}  # fmt: skip
QUARTER_ENDS = {"mar": 1, "jun": 2, "sep": 3, "dec": 4}


def r_quarter(m: M, ctx: Context) -> Resolved | None:
    q = QUARTERS[m["q"].lower()[:3]]  # "the third quarter", "the July-September quarter"
    if (end := m["q_end"]) and QUARTER_ENDS[end.lower()[:3]] != q:
        return None  # "the January-June half" is no quarter
    current = (ctx.dct.month - 1) // 3 + 1
    y = int(m["year"]) if m["year"] else ctx.dct.year - (1 if q > current and not ctx.future else 0)
    return "DATE", f"{y}-Q{q}", date(y, 3 * q - 2, 1), _month_range(y, 3 * q)[1], "quarter"


def r_latest_quarter(m: M, ctx: Context) -> Resolved:
    """ "the quarter", "the latest period": the last quarter completed before the report."""
    q = (ctx.dct.month - 1) // 3  # the current quarter's number minus one
    y = ctx.dct.year if q else ctx.dct.year - 1
    q = q or 4
    if m["ago"]:
        y -= 1
    return "DATE", f"{y}-Q{q}", date(y, 3 * q - 2, 1), _month_range(y, 3 * q)[1], "quarter"


def r_weekend(m: M, ctx: Context) -> Resolved:
    rel = (m["rel"] or "the").lower()
    delta = {"last": -1, "next": 1, "this": 0}.get(rel, 0 if ctx.future or ctx.dct.weekday() >= 5 else -1)
    first, _ = _week_range(ctx.dct + timedelta(weeks=delta))
    return "DATE", _week_value(first) + "-WE", first + timedelta(days=5), first + timedelta(days=6), "week"


def r_ago(m: M, ctx: Context) -> Resolved | None:
    n = _num(m["n"])
    unit = m["unit"].lower().rstrip("s")
    if n is None:
        return None
    if unit == "year":
        y = ctx.dct.year - n
        return "DATE", str(y), date(y, 1, 1), date(y, 12, 31), "year"
    if unit == "month":
        y, mo = _shift_month(ctx.dct.year, ctx.dct.month, -n)
        first, last = _month_range(y, mo)
        return "DATE", f"{y}-{mo:02d}", first, last, "month"
    if unit == "week":
        d = ctx.dct - timedelta(weeks=n)
        first, last = _week_range(d)
        return "DATE", _week_value(d), first, last, "week"
    if unit == "day":
        d = ctx.dct - timedelta(days=n)
        return "DATE", d.isoformat(), d, d, "day"
    return None


def r_year_ago(m: M, ctx: Context) -> Resolved:
    y = ctx.dct.year - 1
    return "DATE", str(y), date(y, 1, 1), date(y, 12, 31), "year"


def r_year(m: M, ctx: Context) -> Resolved:
    y = int(m["year"])
    return "DATE", str(y), date(y, 1, 1), date(y, 12, 31), "year"


def r_decade(m: M, ctx: Context) -> Resolved:
    raw = m["dec"]
    if raw.isdigit():
        century = raw[:3] if len(raw) == 4 else ("19" + raw[0])
    else:
        century = "19" + str({"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                              "seventies": 7, "eighties": 8, "nineties": 9}[raw.lower()])  # fmt: skip
    start = int(century) * 10
    return "DATE", century, date(start, 1, 1), date(start + 9, 12, 31), "decade"


def r_duration(m: M, ctx: Context) -> Resolved:
    unit = m["unit"].lower().rstrip("s").replace("centurie", "century")
    n = _num(m["n"]) if m["n"] else None
    code = UNITS[unit]
    if unit in ("hour", "minute", "second"):
        return "DURATION", f"PT{n if n is not None else 'X'}{code}", None, None, None
    if unit == "decade" and n is not None:
        return "DURATION", f"P{n * 10}Y", None, None, None
    if unit == "century" and n is not None:
        return "DURATION", f"P{n * 100}Y", None, None, None
    return "DURATION", f"P{n if n is not None else 'X'}{code}", None, None, None


def r_vague_duration(m: M, ctx: Context) -> Resolved:
    unit = m["unit"].lower().rstrip("s")
    return "DURATION", f"PX{UNITS[unit][0]}", None, None, None


def r_ref(m: M, ctx: Context) -> Resolved:
    word = m.group().lower()
    if re.search(r"now|current|present|nowadays|today's", word):
        return "DATE", "PRESENT_REF", ctx.dct, ctx.dct, "day"
    if re.search(r"future|soon", word):
        return "DATE", "FUTURE_REF", None, None, None
    return "DATE", "PAST_REF", None, None, None


def r_set(m: M, ctx: Context) -> Resolved:
    word = m.group().lower()
    for key, code in (("dai", "D"), ("day", "D"), ("week", "W"), ("month", "M"), ("year", "Y"), ("annual", "Y"),
                      ("quarter", "Q"), ("hour", "H")):  # fmt: skip
        if key in word:
            return "SET", ("PT1H" if code == "H" else f"P1{code}"), None, None, None
    return "SET", "P1D", None, None, None


def r_clock(m: M, ctx: Context) -> Resolved:
    hour = 12 if m["noon"] and m["noon"].lower() == "noon" else 0 if m["noon"] else int(m["h"])
    minute = int(m["min"]) if m["min"] else 0
    ampm = (m["ampm"] or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    d = weekday_date(WEEKDAYS[m["day"].lower()], ctx) if m["day"] else ctx.dct
    return "TIME", f"{d.isoformat()}T{hour:02d}:{minute:02d}", d, d, "day"


PATTERNS: list[tuple[str, Resolver]] = [
    (
        rf"(?:(?P<wd>{DAYNAME}),?\s+)?(?P<mon>{MON})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>{YEAR}))?\b",
        r_full_date,
    ),
    (
        rf"(?:(?P<wd>{DAYNAME}),?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MON})(?:,?\s+(?P<year>{YEAR}))?\b",
        r_full_date,
    ),
    (r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b", r_iso),
    (rf"(?:(?:early|late|mid-?)\s*)?(?P<mon>{MON})(?:\s+of)?,?\s+(?P<year>{YEAR})\b", r_month_year),
    (
        r"(?P<h>\d{1,2})(?::(?P<min>\d\d))?\s*(?P<ampm>[ap]\.?m\.?)(?:\s+(?:[A-Z]{3}\s+)?(?P<day>" + DAYNAME + r"))?"
        r"|(?P<noon>noon|midnight)(?:\s+(?P<day2>" + DAYNAME + r"))?",
        r_clock,
    ),
    (rf"(?:(?P<dir>last|next|this|on|early|late)\s+)?(?P<day>{DAYNAME})(?:\s+(?P<part>{PART}))?", r_weekday),
    (
        r"(?P<word>today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|overnight)",
        r_relative_day,
    ),
    (
        r"(?:(?:earlier|later|late|early)\s+)?(?P<rel>(?:the\s+)?(?:this|current|last|past|previous|next|coming))\s+"
        r"(?P<unit>week|month|year|quarter|weekend)(?!s)",
        r_relative_unit,
    ),
    (
        r"(?:(?P<rel>this|last|next|the)\s+)(?:(?:early|late|mid)\s*-?)?(?P<season>spring|summer|fall|autumn|winter)"
        rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?|(?P<season2>spring|summer|fall|autumn|winter)\s+(?:of\s+)?(?P<year2>{YEAR})",
        r_season,
    ),
    (
        r"(?:the\s+)?(?P<q>jan(?:uary)?|apr(?:il)?|jul(?:y)?|oct(?:ober)?)\s*[-\u2013]\s*"
        r"(?P<q_end>mar(?:ch)?|june?|sep(?:t(?:ember)?)?|dec(?:ember)?)\s+quarter"
        rf"(?:\s+of\s+(?P<year>{YEAR}))?",
        r_quarter,
    ),
    (
        rf"(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter(?:\s+of\s+(?P<year>{YEAR}))?",
        r_quarter,
    ),
    (
        rf"(?:(?:about|almost|nearly|some|more\s+than|over)\s+)?(?P<n>{NUM})\s+(?P<unit>years?|months?|weeks?|days?)\s+(?:ago|earlier|before)",
        r_ago,
    ),
    (
        r"the\s+(?:(?:latest|most\s+recent|recent|current|same|just[\s-]ended|(?P<ago>year[\s-](?:ago|earlier)))\s+)?(?:quarter|period)(?!s)",
        r_latest_quarter,
    ),
    (r"(?:(?P<rel>the|this|last|next)\s+)weekend", r_weekend),
    (rf"(?P<mon>{MONTH_NAME})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year", r_month_rel_year),
    (rf"(?:(?P<mod>last|next|this|early|late|mid)[\s-]+)?(?P<mon>{MONTH_NAME})(?!\s+\d)", r_month),
    (r"a\s+year\s+(?:ago|earlier)|(?:the\s+)?year[\s-](?:ago|earlier)", r_year_ago),
    (
        r"(?:the\s+)?(?:(?:early|late|mid)[\s-])?(?P<dec>(?:19|20)?\d0)'?s\b|(?:the\s+)'(?P<dec2>\d0)s|(?:the\s+)?(?P<dec3>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
        r_decade,
    ),
    (
        rf"(?:(?:early|late|mid)[\s-]?|the\s+end\s+of\s+|(?:the\s+)?(?:fiscal|calendar)\s+)?(?P<year>{YEAR})(?!\s*(?:%|percent|\d|,\d))",
        r_year,
    ),
    (
        rf"(?:(?:the\s+)?(?:past|last|next|first|coming|previous)\s+)?(?:(?:about|almost|nearly|some|more\s+than|at\s+least|less\s+than|over|only|just)\s+)?(?P<n>{NUM})(?:[\s-]+(?:more\s+)?|\s+)(?P<unit>{UNIT})(?![\s-]+old)",
        r_duration,
    ),
    (
        r"(?:(?:the\s+)?(?:past|last|next|coming|recent)\s+)?(?:few|several|many|recent|coming)\s+(?P<unit>years|months|weeks|days|hours|minutes)",
        r_vague_duration,
    ),
    (
        r"(?<![\w-])(?:now|currently|current|nowadays|at\s+present|the\s+present|recently|"
        r"(?:in\s+)?the\s+past|(?:in\s+)?the\s+future)(?![\w-])",
        r_ref,
    ),
    (r"(?:every|each|per)\s+(?:day|week|month|year|quarter|hour)|daily|weekly|monthly|yearly|hourly", r_set),
]
COMPILED = [(re.compile(r"(?<![\w-])(?:" + p + r")(?![\w])", re.I), f) for p, f in PATTERNS]
NEEDS = [needed(pattern) for pattern, _ in COMPILED]  # most texts hold the words of a few patterns only


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    end_candidates = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i != -1]
    return start, min(end_candidates) if end_candidates else len(text)


def find_timexes(text: str, dct: date) -> list[Timex]:
    """Every time expression in ``text`` resolved against ``dct``, in order, without overlaps."""
    found: list[Timex] = []
    folded = fold(text)
    for (pattern, resolve), needs in zip(COMPILED, NEEDS, strict=True):
        if not may_match(needs, folded):
            continue
        for m in pattern.finditer(text):
            s, e = _sentence_bounds(text, m.start())
            ctx = Context(
                dct, bool(FUTURE.search(text[s:e])), bool(SINCE_BEFORE.search(text[max(0, m.start() - 8) : m.start()]))
            )
            result = resolve(M(m), ctx)
            if result is not None:
                found.append(Timex(m.start(), m.end(), *result))
    return _anchor_year_ago(text, without_overlaps(found))


SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)
YEAR_AGO = re.compile(r"year[\s-](?:ago|earlier)", re.I)
ANCHOR_WINDOW = 400


def _anchor_year_ago(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "A year earlier" after a quarter ("third-quarter profit ... a year earlier") is that quarter, a year back."""
    out: list[Timex] = []
    for t in timexes:
        anchor = next((p for p in reversed(out) if p.precision == "quarter" and t.start - p.end < ANCHOR_WINDOW), None)
        if anchor is not None and YEAR_AGO.search(text[t.start : t.end]) and anchor.first is not None:
            y, q = anchor.first.year - 1, (anchor.first.month - 1) // 3 + 1
            t = Timex(t.start, t.end, "DATE", f"{y}-Q{q}", date(y, 3 * q - 2, 1), _month_range(y, 3 * q)[1], "quarter")
        out.append(t)
    return out


class M:
    """A match whose alternative group names (``dec2``, ``day2``) read as their main name."""

    def __init__(self, m: re.Match[str]) -> None:
        self.m = m

    def __getitem__(self, key: str) -> str:
        """The group's text, or "" when it did not take part in the match."""
        groups = self.m.groupdict()
        for name in (key, key + "2", key + "3"):
            if groups.get(name) is not None:
                return str(groups[name])
        return ""

    def group(self, index: int = 0) -> str:
        return self.m.group(index)
