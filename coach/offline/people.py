"""Who a mention in session notes is: a pair member, a third party, "we", or a pronoun.

Owner rules: a named person, "mentor" or "mentee" resolves to that side; "we", "both",
"together" and "let's" to both; he, she and they to the pair member named last (or to a third
party when only one is named before them in the same text). The notes'
author is unknown, and in this program the mentor usually writes them, so "I" (and an
action with its subject left out, "Will send the deck") resolves to the mentor unless the
notes say otherwise ("my mentor", "I (mentee)", "notes by Katie", "mentee's notes").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from coach.models import Owner
from coach.privacy.nicknames import COMMON_WORD_NAMES
from coach.privacy.parses import parsed
from coach.privacy.roster import Roster, name_forms, name_tokens

# "who" of a mention: a side, "other" (a third party), or a pronoun to resolve.
SELF, YOU, THIRD = "self", "you", "third"

GROUP_GAP = re.compile(r"^\s*(?:,\s*and|,|and|&|\+|/|or)\s*$", re.IGNORECASE)
# A phrase set off by commas after a name, telling who they are: "Pat, the chief of staff,"
# or "Ana, who runs the rota,"; the determiner or relative word marks it as no list item.
APPOSITIVE = re.compile(
    r"\s*,\s*(?:the|a|an|our|my|his|her|their|your|who|whose|now|as)\s[^,;:()]{1,60}?,",
    re.IGNORECASE,
)

QUOTED = re.compile(r'"[^"]*"|“[^”]*”')

# After a name that is also a modal ("Will will send", "Will to write"), the name is meant.
AFTER_NAME_WORD = (
    r"(?:will|shall|to|should|must|needs?|is|has|can|said|says|joked|thinks|wants|agreed"
    r"|agrees|\w+ed)\b"
)
AFTER_NAME = re.compile(rf"^\s*{AFTER_NAME_WORD}", re.IGNORECASE)


def joined(gap: str) -> bool:
    """Tell whether the words between two mentions join them: "and", or "Priya, our lead, and"."""
    aside = APPOSITIVE.match(gap)
    return bool(GROUP_GAP.match(gap[aside.end() :] if aside else gap))


@dataclass(frozen=True)
class Mention:
    """A person, a side or a pronoun found in a text."""

    start: int
    end: int
    who: str


class People:
    """Find the pair, third parties and pronouns in text, and say which side each is.

    Read in the order written: a pronoun takes the pair member named last (`remember`).
    """

    def __init__(self, roster: Roster, author: Owner) -> None:
        self.author = author
        self.last: Owner | None = None  # the pair member named last, for the pronouns after
        # Whether the last sentence that named anyone named only people outside the pair.
        self.outsider_last = False
        self.patterns: list[tuple[str, re.Pattern[str]]] = []
        for forms in name_forms(roster):
            who = forms.role if forms.role in ("mentor", "mentee") else "other"
            loose = set(forms.any_case) | ({forms.role} if who != "other" else set())
            self._add(who, loose, re.IGNORECASE)
            self._add(who, set(forms.as_name), 0)
            self._add_lowercase(who, {f.lower() for f in forms.as_name if f.isalpha()})
        self._add(SELF, {"I", "Me", "me", "myself", "Myself"}, 0)
        # Shorthand "i'll send" is the author; "i.e." is not.
        self.patterns.append((SELF, re.compile(r"(?<![\w.])i(?=\s|['’][a-z])")))
        self._add("both", {"we", "both", "ourselves", "let's", "let’s", "the pair"}, re.I)
        self._add("both", {"us"}, 0)  # not "US"
        self._add(YOU, {"you"}, re.IGNORECASE)
        self._add(THIRD, {"she", "he", "they"}, re.IGNORECASE)
        # "GW: ask HR" tags the work with a pair member's initials; as a bare word two
        # capitals are more often an acronym ("AI", "HR"), so only a whole tag counts.
        self.initials = {
            "".join(t[0] for t in name_tokens(name)).upper(): side
            for name, side in ((roster.mentor, "mentor"), (roster.mentee, "mentee"))
            if len(name_tokens(name)) >= 2
        }

    def _add(self, who: str, words: set[str], flags: int) -> None:
        """Register one regex for a set of words that all mean the same person."""
        if words:
            body = "|".join(re.escape(w) for w in sorted(words, key=lambda w: -len(w)))
            self.patterns.append((who, re.compile(rf"(?<![\w.])(?:{body})(?![\w])", flags)))

    def _add_lowercase(self, who: str, words: set[str]) -> None:
        """Notes typed in lower case: "june will pull", "will showed me" name June and Will.

        Only at the start of a clause and before a verb or as an owner tag opening the text
        ("frank: post in the channel"), so "sales rose to" stays a word.
        """
        if words:
            body = "|".join(re.escape(w) for w in sorted(words, key=lambda w: -len(w)))
            start = r"(?:^|(?<=[.;:,!?(]\s)|(?<=\band\s)|(?<=\bwith\s)|(?<=-\s))"
            pattern = rf"{start}(?:{body})(?=\s+(?i:{AFTER_NAME_WORD}))|^(?:{body})(?=\s*:\s|\s*$)"
            self.patterns.append((who, re.compile(pattern)))

    def find(self, text: str) -> list[Mention]:
        """Return the mentions in a text in order; a longer match hides what it covers."""
        found = [
            Mention(m.start(), m.end(), who)
            for who, pattern in self.patterns
            for m in pattern.finditer(text)
        ]
        found.sort(key=lambda m: (m.start, -m.end))
        kept: list[Mention] = []
        for mention in found:
            if not kept or mention.start >= kept[-1].end:
                kept.append(mention)
        return kept

    def side(self, mention: Mention, last: Owner | None, speaker: Owner | None) -> str | None:
        """Return mentor, mentee, both or other for a mention; None if it cannot be told."""
        if mention.who == SELF:
            return speaker or self.author
        if mention.who == YOU:
            return "mentee" if (speaker or self.author) == "mentor" else "mentor"
        if mention.who == THIRD:
            return last
        return mention.who

    def group(
        self, text: str, mentions: list[Mention], sides: list[str | None]
    ) -> tuple[set[str], int]:
        """Return the sides of the last mention and those joined to it, and where they start."""
        first = len(mentions) - 1
        while first and joined(text[mentions[first - 1].end : mentions[first].start]):
            first -= 1
        return {side for side in sides[first:] if side}, mentions[first].start

    def sides(self, text: str, mentions: list[Mention], speaker: Owner | None) -> list[str | None]:
        """Return each mention's side; a pronoun takes the pair member named just before it."""
        sides: list[str | None] = []
        last = self.last
        # "Mark joined for ten minutes. He will set up ...": he is the one just named.
        named: set[str] = {"other"} if self.outsider_last else set()
        for mention in mentions:
            # "Ruth is off, so she will ...": with only a third party named before it in the
            # text, the pronoun is that third party.
            side = "other" if mention.who == THIRD and named == {"other"} else None
            sides.append(side or self.side(mention, last, speaker))
            if mention.who in ("mentor", "mentee", "other"):
                named.add(mention.who)
            if mention.who in ("mentor", "mentee"):
                last = mention.who  # type: ignore[assignment]
        return sides

    def for_parse(self, text: str) -> str:
        """The text with names that are also words ("Will pointed out") as a plain name."""
        # The parser reads an opening "Will" as the modal, and "Will pointed out" as future.
        out = text
        for m in reversed(self.find(text)):
            if m.who in ("mentor", "mentee", "other") and text[m.start : m.end].lower() in (
                COMMON_WORD_NAMES
            ):
                out = f"{out[: m.start]}Alex{out[m.end :]}"
        return out

    def person(self, text: str) -> str | None:
        """Return the name of the first third party a text names, as written."""
        found = next((m for m in self.find(text) if m.who == "other"), None)
        return text[found.start : found.end] if found else None

    def remember(self, text: str) -> None:
        """Note the pair member a sentence names last, for the pronouns that follow."""
        found = [m for m in self.find(text) if m.who != THIRD]
        if found:
            self.outsider_last = all(m.who == "other" for m in found)
        named = [m for m in found if m.who in ("mentor", "mentee", "both")]
        if named and named[-1].who != "both":
            self.last = named[-1].who  # type: ignore[assignment]


def note_author(notes: str, roster: Roster) -> Owner:
    """Return who wrote the notes: the side the notes say, else the mentor (see module doc)."""
    text = QUOTED.sub(" ", notes)
    mine = re.search(r"\bmy\s+(?:reverse[- ]?)?(mentor|mentee)\b", text, re.I)
    me = re.search(
        r"\b(?:I|me|myself)\s*[(\[,]\s*(?:the\s+)?(mentor|mentee)\b"
        r"|\bI\s*(?:am|['’]m)\s+(?:the\s+|a\s+|your\s+|their\s+)?(?:reverse[- ]?)?(mentor|mentee)\b"
        r"|\bas\s+(?:the\s+)?(mentor|mentee)\s*,?\s+I\b"
        r"|\b(mentor|mentee)['’]?s?\s+notes\b",
        text,
        re.IGNORECASE,
    )
    if me:
        return "mentor" if "mentor" in me.group(0).lower().replace("mentee", "") else "mentee"
    named = re.search(
        r"\b(?:notes|written|taken|recorded|minutes)\s+(?:taken\s+)?(?:by|from)\s*:?\s*(?P<w>[^\n.,;]{2,40})"
        r"|\bauthor\s*:\s*(?P<x>[^\n.,;]{2,40})|(?P<y>[\w'’ -]{2,30}?)['’]s\s+notes\b"
        r"|(?P<z>[\w'’-]{2,30})\s*\((?:me|myself)\)",
        text,
        re.IGNORECASE,
    )
    if named:
        people = People(roster, "mentor")
        sides = {m.who for m in people.find(next(g for g in named.groups() if g))}
        if len(sides & {"mentor", "mentee"}) == 1:
            return "mentor" if "mentor" in sides else "mentee"
    if mine:
        return "mentee" if mine.group(1).lower() == "mentor" else "mentor"
    return "mentor"


def lead_group_end(text: str, mentions: list[Mention]) -> int:
    """Return where an opening "Katie and I" ends, or 0 if the text does not open with one."""
    if not mentions or text[: mentions[0].start].strip(" -–—:(["):
        return 0
    end = mentions[0].end
    for before, after in itertools.pairwise(mentions):
        if not joined(text[before.end : after.start]):
            break
        end = after.end
    return end


_NAME = r"(?P<who>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)"
# "Sam from Legal to confirm it", "Mark from the PMO will check": a name tied to a place the
# pair is not from is someone outside the pair, whatever a parse makes of the lone name.
_FROM = r"\s+from\s+(?:the\s+)?(?-i:[A-Z])[\w&/-]*(?:\s+[\w&/-]+)?"
AFFILIATED = re.compile(rf"^\s*{_NAME}{_FROM}\s+(?:to|will|is\s+going\s+to|needs?\s+to)\s+[a-z]")
ORDER = re.compile(rf"^\s*{_NAME}(?:{_FROM})?\s+to\s+[a-z]")


def named_order(text: str, people: People) -> str | None:
    """Return the name a "Oliver to share it" order opens with, when no one known bears it."""
    match = ORDER.match(text)
    affiliated = AFFILIATED.match(text) if match is None else None
    match = match or affiliated
    if match is None or people.find(match["who"]):
        return None
    # Read in its sentence: a lone "Oliver" parses as anything; tied to a team ("Tariq from
    # the PMO") a name the small model calls a noun is still a name, "Someone" is not.
    span = parsed(text).char_span(match.start("who"), match.end("who"))
    kinds = ("PROPN", "NOUN") if affiliated else ("PROPN",)
    return match["who"] if span and all(t.pos_ in kinds for t in span) else None
