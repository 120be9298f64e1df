"""Deadlines as notes state them ("by Friday", "end of month"), as real dates."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from coach.offline.vocab import DUE

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_END_OF = re.compile(
    r"\b(?:the\s+)?end\s+of\s+(?:the\s+|(?P<next>next)\s+|this\s+)?"
    r"(?P<what>day|week|month|quarter|year|q[1-4]|[a-z]{3,9})\b"
    r"|\bmonth[- ](?P<month_end>end)\b"
    r"|\beo(?P<short>[dwm])\b",
    re.IGNORECASE,
)
# "Weds next week": that weekday in the Monday-to-Sunday week after the session's.
_WEEKDAY_NEXT_WEEK = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+next\s+week\b", re.I)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# "Weds", "Thurs", "Tues": weekdays cut short in ways dateparser does not know.
_SHORT_WEEKDAY = re.compile(r"\b(tue|wed|thu)(?:s|rs?)?\b\.?", re.I)
_WEEKDAY_NAMES = {d[:3].lower(): d for d in calendar.day_name}
# "EOD tomorrow", "close of play Friday": the day named after an end-of-day phrase.
_END_OF_DAY = re.compile(
    r"^(?:the\s+)?(?:end\s+of\s+(?:the\s+)?day|close\s+of\s+(?:play|business)|eod|cob)"
    r"(?:\s+on)?(?:\s+|$)",
    re.I,
)
# "next Friday" is that weekday in the week after the session's (as "Friday next week"),
# where "Friday" and "this Friday" are the first one after the session.
_DAY_TAIL = r"(?:[a-z]*day|s|rs?)?\.?"  # "Friday", "Weds", "Thurs", "Fri." but not "month"
_NEXT_WEEKDAY = re.compile(rf"^next\s+(mon|tue|wed|thu|fri|sat|sun){_DAY_TAIL}$", re.I)
# "Thursday week": a week after the coming Thursday.
_WEEKDAY_WEEK = re.compile(rf"^(mon|tue|wed|thu|fri|sat|sun){_DAY_TAIL}\s+week$", re.I)
# "the week after next": by the Friday of that week.
_WEEK_AFTER_NEXT = re.compile(r"^(?:the\s+)?week\s+after\s+next$", re.I)
# "two weeks from today": dateparser reads "from today" backwards, so it is said as "in".
_FROM_NOW = re.compile(r"\s+from\s+(?:today|now)$", re.I)
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/\d{2,4})?(?![\d/])")
# "mid-April": the middle of a month is its 15th.
_MID_MONTH = re.compile(r"\bmid[- ]?(?P<month>[a-z]{3,9})\b", re.I)
# "this week", "later this week": by the end of the session's working week.
_THIS_WEEK = re.compile(r"\b(?:this|later this)\s+week\b", re.I)
_SAME_DAY = re.compile(r"\b(?:tonight|today|this evening|this afternoon)\b", re.I)
_ORDINAL = re.compile(r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b", re.I)
# Words a deadline phrase carries that dateparser does not need ("by", "before", "this").
_NOISE = re.compile(r"\b(?:by|before|on|until|till|due|no later than|this|coming|the|of)\b", re.I)
# dateparser settings: English only, dates after the session, and no language detection, so
# nothing is downloaded or guessed.
_SETTINGS: dict[str, Any] = {
    "PREFER_DATES_FROM": "future",
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["relative-time", "absolute-time", "custom-formats"],
}


def _month_end(day: date, month: int | None = None) -> date:
    """Return the last day of `month` (this one if None), this year or the next."""
    year = day.year
    month = month or day.month
    if month < day.month:
        year += 1
    return date(year, month, calendar.monthrange(year, month)[1])


def _end_of(match: re.Match[str], base: date) -> date | None:
    """Resolve "end of the week/month/October", "EOD", "EOW"."""
    short = {"d": "day", "w": "week", "m": "month"}
    what = match["what"] or ("month" if match["month_end"] else short[match["short"].lower()])
    what = what.lower()
    if what == "day":
        return base
    if what == "week":
        friday = base + timedelta(days=(4 - base.weekday()) % 7)
        return friday + timedelta(days=7) if match["next"] else friday
    if what == "month":
        if match["next"]:  # "end of next month": the last day of the month after this one
            return _month_end(base, base.month % 12 + 1)
        return _month_end(base)
    if what in _MONTHS:
        return _month_end(base, _MONTHS[what])
    if what == "quarter":
        return _month_end(base, ((base.month - 1) // 3 + 1) * 3)
    if re.fullmatch(r"q[1-4]", what):  # "end of Q1": the quarter's last month, next one due
        return _month_end(base, int(what[1]) * 3)
    if what == "year":
        return date(base.year, 12, 31)
    return None


def _ordinal(day: int, base: date) -> date | None:
    """Return the next date whose day of the month is `day` ("by the 20th")."""
    for months in range(3):
        year, month = divmod(base.month - 1 + months, 12)
        try:
            found = date(base.year + year, month + 1, day)
        except ValueError:
            continue
        if found >= base:
            return found
    return None


@lru_cache(maxsize=1)
def _parser() -> Any:
    import dateparser

    return dateparser


# "next session", "our next catch-up", "next time": the pair's next meeting, not a calendar span.
_NEXT_MEETING = re.compile(
    r"^(?:the\s+|our\s+)?(?:next|following|coming)\s+"
    r"(?:session|meeting|catch[- ]?up|call|check[- ]?in|1:1|one[- ]to[- ]one|time)$"
    r"|^we\s+(?:next\s+meet|meet\s+again)$",
    re.IGNORECASE,
)


def resolve_due(
    phrase: str | None,
    session_date: str | None,
    next_session: str | None = None,
    order: str = "DMY",
) -> str | None:
    """Return the ISO date a deadline phrase means relative to the session, or None.

    "Before our next session" is the next booked session's date (`next_session`), and has no
    date when none is booked. `order` is how the notes write "3/12" (see `date_order`).
    """
    if not phrase or not session_date:
        return None
    if _NEXT_MEETING.match(" ".join(phrase.split())):
        return next_session if next_session and next_session >= session_date else None
    base = date.fromisoformat(session_date)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", phrase.strip()):
        return phrase.strip()
    phrase = " ".join(phrase.split())
    day_end = _END_OF_DAY.match(phrase)
    if day_end:
        phrase = phrase[day_end.end() :]
        if not phrase:
            return base.isoformat()
    if _FROM_NOW.search(phrase):
        phrase = "in " + _FROM_NOW.sub("", phrase)
    if _SAME_DAY.search(phrase):
        return base.isoformat()
    monday = base + timedelta(days=7 - base.weekday())
    weekday = _WEEKDAY_NEXT_WEEK.search(phrase) or _NEXT_WEEKDAY.match(phrase)
    if weekday:
        return (monday + timedelta(days=_WEEKDAYS.index(weekday[1].lower()))).isoformat()
    weekday = _WEEKDAY_WEEK.match(phrase)
    if weekday:
        ahead = (_WEEKDAYS.index(weekday[1].lower()) - base.weekday()) % 7 or 7
        return (base + timedelta(days=ahead + 7)).isoformat()
    if _WEEK_AFTER_NEXT.match(phrase):
        return (monday + timedelta(days=11)).isoformat()
    phrase = re.sub(r"^(fortnight|week|month)$", r"a \1", phrase, flags=re.I)  # "the next week"
    phrase = re.sub(r"\ba\s+fortnight\b", "2 weeks", phrase, flags=re.I)
    phrase = re.sub(r"\ba\s+couple\s+of\b", "2", phrase, flags=re.I)
    if _THIS_WEEK.search(phrase):
        return (base + timedelta(days=max(0, 4 - base.weekday()))).isoformat()
    mid = _MID_MONTH.search(phrase)
    if mid and mid["month"].lower() in _MONTHS:
        middle = _month_end(base, _MONTHS[mid["month"].lower()]).replace(day=15)
        return middle.isoformat() if middle >= base else None
    phrase = _SHORT_WEEKDAY.sub(lambda m: _WEEKDAY_NAMES[m[1].lower()], phrase)
    end = _END_OF.search(phrase)
    if end:
        found = _end_of(end, base)
        return found.isoformat() if found else None
    cleaned = " ".join(_NOISE.sub(" ", phrase).split())
    ordinal = _ORDINAL.fullmatch(cleaned) or _ORDINAL.fullmatch(phrase.strip())
    if ordinal:
        found = _ordinal(int(ordinal.group(1)), base)
        return found.isoformat() if found else None
    parsed = _parse(cleaned or phrase, base, order)
    return parsed.isoformat() if parsed else None


def meeting_date(phrase: str, session_date: str, order: str = "DMY") -> str | None:
    """Return the ISO date a meeting said for a phrase is on; a week named is its Monday."""
    # A deadline "the week after next" is that week's Friday (its end); a meeting then is
    # booked from its Monday, the earliest day it can be, so "before next session" is not late.
    if _WEEK_AFTER_NEXT.match(" ".join(phrase.split())):
        base = date.fromisoformat(session_date)
        return (base + timedelta(days=14 - base.weekday())).isoformat()
    return resolve_due(phrase, session_date, None, order)


def date_order(notes: str) -> str:
    """Return how the notes write "3/12": day first (DMY) unless a date they write can only be
    month first ("12/25"); the program's default is day first, as in its other dates."""
    orders = {
        "DMY" if int(a) > 12 else "MDY"
        for a, b in _SLASHED.findall(notes)
        if (int(a) > 12) != (int(b) > 12) and max(int(a), int(b)) <= 31
    }
    return "MDY" if orders == {"MDY"} else "DMY"


def _parse(text: str, base: date, order: str = "DMY") -> date | None:
    """Parse with dateparser relative to the session; a weekday means the next one after it."""
    from datetime import datetime

    settings = {
        **_SETTINGS,
        "DATE_ORDER": order,
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
    }
    text = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", text)
    parsed = _parser().parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    found: date = parsed.date()
    # "Friday 21st": dateparser may keep the weekday only; the day number wins when given.
    if found < base:
        return None
    return found


_DEADLINE = re.compile(
    r"\b(?:by|before|due|until|till|within|ahead\s+of|on|first\s+thing(?:\s+on)?)\s*$", re.I
)


def find_due(text: str) -> str | None:
    """Return the deadline as written ("Friday", "next session") or as an ISO date."""
    found = [
        m
        for m in DUE.finditer(text)
        # "from next month" says when something starts, not when it is due.
        if not re.search(r"\b(?:from|since|after)\s*$", text[: m.start()], re.IGNORECASE)
    ]
    # A date written out wins over the words around it ("before our next session on 2026-12-16").
    # A deadline said with "by"/"in" wins over a day named on its own ("Friday's call").
    # A deadline said with "by"/"before" wins over a time named around it ("next week, by
    # Friday"); a plain "for Friday" or "tomorrow" does not outrank the first date.
    match = next((m for m in found if m["iso"]), None) or next(
        (m for m in found if _sets_deadline(m, text)), found[0] if found else None
    )
    if match is None:
        return None
    when = (
        match["iso"] or match["span"] or match["month_end"] or match["from"] or match["when"]
    ) or match["bare"]
    return " ".join(when.rstrip(".").split())


def _sets_deadline(match: re.Match[str], text: str) -> bool:
    """Tell whether a date found says a deadline: a span, or "by"/"before" and a date."""
    return bool(
        match["iso"]
        or match["span"]
        or match["month_end"]
        or match["from"]
        or (match["when"] and _DEADLINE.search(text[: match.start("when")]))
    )


def has_deadline(text: str) -> bool:
    """Tell whether a text sets a deadline ("by Friday", "before the next session")."""
    return any(_sets_deadline(m, text) for m in DUE.finditer(text))
