"""Find the action items in session notes: who will do what, and by when.

Owner rules: a named person, "mentor" or "mentee" resolves to that side; "we", "both",
"together" and "let's" to both; he, she and they to the pair member named last. The notes'
author is unknown, and in this program the mentor usually writes them, so "I" (and an
action with its subject left out, "Will send the deck") resolves to the mentor unless the
notes say otherwise ("my mentor", "I (mentee)", "notes by Katie", "mentee's notes").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from coach.models import ActionItem, ActionOwner, Owner
from coach.offline.notes import Sentence, is_action_heading
from coach.offline.parse import opens_with_order, read_clause, subject_words
from coach.offline.vocab import DUE, IRREGULAR_PAST, MENTEE_HEADING, NOT_PAST_ED
from coach.privacy.nicknames import COMMON_WORD_NAMES
from coach.privacy.roster import Roster, name_forms, name_tokens

# "who" of a mention: a side, "other" (a third party), or a pronoun to resolve.
_SELF, _YOU, _THIRD = "self", "you", "third"
_MODAL = re.compile(
    r"['’]ll(?!\w)|(?<![\w'’])(?:will|shall|(?:is|are|am|['’]m|['’]re)?\s*(?:going\s+to|gonna)|"
    r"(?:agreed|agrees|agree|commit(?:s|ted)?|promised|promises|offered|volunteered|"
    r"plans?|planning|intends?|needs?|has|have|aims?|is|are)\s+to|must|should|"
    r"(?:is|are)\s+(?:meant|supposed|due|expected)\s+to|(?:is|are)\s+(?:getting|doing|sorting)\b|"
    r"(?:is|are)\s+responsible\s+for)(?!\w)",
    re.IGNORECASE,
)
# Modals that report a past intention ("was going to", "had to") commit no one.
_PAST_MODAL = re.compile(r"\b(?:was|were|had|did|would|could)\s*$", re.IGNORECASE)
_ELIDED_SELF = re.compile(r"^(?:will|shall|['’]ll|going|gonna|need|needs|plan|have)\b", re.I)
_ASKED = re.compile(
    r"\b(?:asked|asks|invited|reminded|challenged|wants|needs|expects)\s+"
    r"(?P<who>[\w'’ ,&]{1,40}?)\s+to\s+(?!the\b|a\b|an\b)[a-z]",
    re.IGNORECASE,
)
_TO_VERB = re.compile(
    r"^\s*(?:also\s+)?to\s+(?!(?:the|a|an|her|his|their|my|our|him|them|me|us|it|this|that)\b)"
    r"[a-z]{2,}",
    re.IGNORECASE,
)
# Words that may stand between a subject and its modal: "Katie also will", "we both must".
_BRIDGE = frozenset(
    "also then now both each all definitely probably still really just first finally "
    "hopefully personally herself himself themselves myself ourselves together soon "
    "and is are am 's ’s 'm ’m 're ’re".split()
)
_GROUP_GAP = re.compile(r"^\s*(?:,\s*and|,|and|&|\+|/|or)\s*$", re.IGNORECASE)
_TOGETHER = re.compile(r"\b(?:together|jointly|with each other|as a pair)\b", re.I)
# "Put together a guide" is one person's work.
_PHRASAL = re.compile(r"\b(?:put|pull|get|bring)(?:t?ing)?\s+together\b", re.I)
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|https?://|www\.|(?<!\w)@\w{2,}|\+?\(?\d[\d ().-]{6,}\d"
    r"|\b(?:phone|mobile|cell|e-?mail|number|address|handle|extension)\s*(?:is|:)",
    re.IGNORECASE,
)
_LEAD_TAG = re.compile(
    r"^\s*(?:owners?\s*:\s*)?(?:\[(?P<a>[^\]]{1,40})\]"
    r"|(?P<b>[^:–—\[\].]{1,40}?)\s*(?::|[–—]|--|->|→|\s-))\s+",
    re.IGNORECASE,
)
_TRAIL_TAG = re.compile(
    r"\s*(?:\((?P<a>[^()]{1,40})\)|\[(?P<b>[^\]]{1,40})\]|\s[-–—]\s*(?P<c>[^-–—]{1,40})"
    r"|owner\s*:\s*(?P<d>[^.]{1,40}))\s*\.?\s*$",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*;\s*|,?\s+(?:and|but|while|whereas|then|plus)\s+|,\s+", re.IGNORECASE)
# Hypotheticals, asides and stances are not work anyone took on: "If it catches on we
# could...", "As Sales Director I need to...", "I'll admit...".
_NOT_ACTION = re.compile(
    r"^\s*(?:if|unless|maybe|perhaps|as\s+(?:a\s+|the\s+)?(?-i:[A-Z])\w+"
    r"|i['’]ll\s+(?:admit|be honest)|to be (?:fair|honest)|we['’]ll see)\b"
    r"|^\s*(?:my\s+|our\s+|the\s+)?goals?\b[^:.]{0,25}:"
    r"|\b(?:joked|jokingly|laughed|kidding)\b",
    re.IGNORECASE,
)
# After a name that is also a modal ("Will will send", "Will to write"), the name is meant.
_AFTER_NAME_WORD = (
    r"(?:will|shall|to|should|must|needs?|is|has|can|said|says|joked|thinks|wants|agreed"
    r"|agrees|\w+ed)\b"
)
_AFTER_NAME = re.compile(rf"^\s*{_AFTER_NAME_WORD}", re.IGNORECASE)
_AGREED_D = re.compile(
    r"(?P<lead>\b(?:agreed|promised|offered|decided|said|committed)\s+(?:that\s+)?"
    r"(?:I|we|you|he|she|they|[A-Z][a-z]+))['’]d\b"
)
_WITHDRAWN = re.compile(
    r"^\W*(?:scratch|strike|forget|cancel|ignore)\s+that\b|^\W*(?:never\s?mind|on second thought"
    r"|actually,?\s+no\b|no,?\s+wait\b)",
    re.IGNORECASE,
)
# A third party's plan or wish is news about them, not work the pair agreed on.
_ASPIRES = re.compile(
    r"\b(?:plans?|planning|intends?|intending|aims?|aiming|hop(?:es|ing)|wants?)\s+to\b", re.I
)
_AHEAD = re.compile(r"\b(?:before|by|next|tomorrow|ahead of|in time for)\b", re.IGNORECASE)
# A heading whose own grammar promises work: "Katie will:", "Mentor to:", "What she'll do:".
_WORK_HEADING = re.compile(r"(?:\bwill|['’]ll|\bto|\bgoing\s+to)(?:\s+do)?$", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:by|before|due|until|till|within|ahead\s+of|on)\s*$", re.I)


@dataclass(frozen=True)
class _Mention:
    """A person, a side or a pronoun found in a text."""

    start: int
    end: int
    who: str


class _People:
    """Find the pair, third parties and pronouns in text, and say which side each is."""

    def __init__(self, roster: Roster, author: Owner) -> None:
        self.author = author
        self.patterns: list[tuple[str, re.Pattern[str]]] = []
        for forms in name_forms(roster):
            who = forms.role if forms.role in ("mentor", "mentee") else "other"
            loose = set(forms.any_case) | ({forms.role} if who != "other" else set())
            self._add(who, loose, re.IGNORECASE)
            self._add(who, set(forms.as_name), 0)
            self._add_lowercase(who, {f.lower() for f in forms.as_name if f.isalpha()})
        self._add(_SELF, {"I", "Me", "me", "myself", "Myself"}, 0)
        # Shorthand "i'll send" is the author; "i.e." is not.
        self.patterns.append((_SELF, re.compile(r"(?<![\w.])i(?=\s|['’][a-z])")))
        self._add("both", {"we", "both", "ourselves", "let's", "let’s", "the pair"}, re.I)
        self._add("both", {"us"}, 0)  # not "US"
        self._add(_YOU, {"you"}, re.IGNORECASE)
        self._add(_THIRD, {"she", "he", "they"}, re.IGNORECASE)
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

        Only at the start of a clause and before a verb, so "sales rose to" stays a word.
        """
        if words:
            body = "|".join(re.escape(w) for w in sorted(words, key=lambda w: -len(w)))
            start = r"(?:^|(?<=[.;:,!?(]\s)|(?<=\band\s)|(?<=\bwith\s)|(?<=-\s))"
            pattern = rf"{start}(?:{body})(?=\s+(?i:{_AFTER_NAME_WORD}))"
            self.patterns.append((who, re.compile(pattern)))

    def find(self, text: str) -> list[_Mention]:
        """Return the mentions in a text in order; a longer match hides what it covers."""
        found = [
            _Mention(m.start(), m.end(), who)
            for who, pattern in self.patterns
            for m in pattern.finditer(text)
        ]
        found.sort(key=lambda m: (m.start, -m.end))
        kept: list[_Mention] = []
        for mention in found:
            if not kept or mention.start >= kept[-1].end:
                kept.append(mention)
        return kept

    def side(self, mention: _Mention, last: Owner | None, speaker: Owner | None) -> str | None:
        """Return mentor, mentee, both or other for a mention; None if it cannot be told."""
        if mention.who == _SELF:
            return speaker or self.author
        if mention.who == _YOU:
            return "mentee" if (speaker or self.author) == "mentor" else "mentor"
        if mention.who == _THIRD:
            return last
        return mention.who

    def group(
        self, text: str, mentions: list[_Mention], sides: list[str | None]
    ) -> tuple[set[str], int]:
        """Return the sides of the last mention and those joined to it, and where they start."""
        first = len(mentions) - 1
        while first and _GROUP_GAP.match(text[mentions[first - 1].end : mentions[first].start]):
            first -= 1
        return {side for side in sides[first:] if side}, mentions[first].start


def note_author(notes: str, roster: Roster) -> Owner:
    """Return who wrote the notes: the side the notes say, else the mentor (see module doc)."""
    text = _QUOTED.sub(" ", notes)
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
        r"\b(?:notes|written|taken|recorded|minutes)\s+(?:taken\s+)?by\s*:?\s*(?P<w>[^\n.,;]{2,40})"
        r"|\bauthor\s*:\s*(?P<x>[^\n.,;]{2,40})|(?P<y>[\w'’ -]{2,30}?)['’]s\s+notes\b"
        r"|(?P<z>[\w'’-]{2,30})\s*\((?:me|myself)\)",
        text,
        re.IGNORECASE,
    )
    if named:
        people = _People(roster, "mentor")
        sides = {m.who for m in people.find(next(g for g in named.groups() if g))}
        if len(sides & {"mentor", "mentee"}) == 1:
            return "mentor" if "mentor" in sides else "mentee"
    if mine:
        return "mentee" if mine.group(1).lower() == "mentor" else "mentor"
    return "mentor"


def find_due(text: str) -> str | None:
    """Return the deadline as written ("Friday", "next session") or as an ISO date."""
    found = [
        m
        for m in DUE.finditer(text)
        # "from next month" says when something starts, not when it is due.
        if not re.search(r"\b(?:from|since|after)\s*$", text[: m.start()], re.IGNORECASE)
    ]
    # A date written out wins over the words around it ("before our next session on 2026-12-16").
    match = next((m for m in found if m["iso"]), found[0] if found else None)
    if match is None:
        return None
    when = match["iso"] or match["span"] or match["when"] or match["bare"]
    return " ".join(when.rstrip(".").split())


def _has_deadline(text: str) -> bool:
    """Tell whether a text sets a deadline ("by Friday", "before the next session")."""
    return any(
        m["iso"] or m["span"] or (m["when"] and _DEADLINE.search(text[: m.start("when")]))
        for m in DUE.finditer(text)
    )


@dataclass(frozen=True)
class _Clause:
    """One candidate action: its text, whether it is one, and the sides its words name."""

    text: str
    action: bool
    owners: frozenset[str]
    elided: bool = False


def _lead_group_end(text: str, mentions: list[_Mention]) -> int:
    """Return where an opening "Katie and I" ends, or 0 if the text does not open with one."""
    if not mentions or text[: mentions[0].start].strip(" -–—:(["):
        return 0
    end = mentions[0].end
    for before, after in itertools.pairwise(mentions):
        if not _GROUP_GAP.match(text[before.end : after.start]):
            break
        end = after.end
    return end


def _is_narrative(text: str, mentions: list[_Mention]) -> bool:
    """Tell whether a sentence reports what happened: its first verb is in the past tense."""
    for word in re.findall(r"[a-z'’]+", text[_lead_group_end(text, mentions) :].lower())[:4]:
        if word in _BRIDGE or word == "already":
            continue
        if word in IRREGULAR_PAST or (
            word.endswith("ed") and len(word) > 3 and word not in NOT_PAST_ED
        ):
            return True
        if word in ("is", "are", "am", "will", "to", "can", "should", "must", "needs", "need"):
            return False
    return False


class _Reader:
    """Read clauses of the notes with the roster, the author and who was named last."""

    def __init__(self, roster: Roster, author: Owner) -> None:
        self.people = _People(roster, author)
        self.last: Owner | None = None

    def sides(self, text: str, mentions: list[_Mention], speaker: Owner | None) -> list[str | None]:
        """Return each mention's side; a pronoun takes the pair member named just before it."""
        sides: list[str | None] = []
        last = self.last
        for mention in mentions:
            side = self.people.side(mention, last, speaker)
            sides.append(side)
            if mention.who in ("mentor", "mentee"):
                last = mention.who  # type: ignore[assignment]
        return sides

    def subject(self, text: str, at: int, speaker: Owner | None) -> set[str] | None:
        """Return the sides of the subject right before `at`; None if the subject is no one."""
        mentions = [m for m in self.people.find(text) if m.end <= at]
        if not mentions:
            return None
        gap = re.findall(r"[\w'’]+", text[mentions[-1].end : at].lower())
        possessive = gap[:1] in (["s"], ["'s"], ["’s"]) and len(gap) <= 3
        # "Tim Rowley in planning will fix": a name opening the clause is still its subject.
        opening = not text[: mentions[-1].start].strip(" -–—:([") and len(gap) <= 3
        if not (possessive or opening) and any(w not in _BRIDGE for w in gap):
            return None
        sides = self.sides(text, mentions, speaker)
        owners, start = self.people.group(text, mentions, sides)
        before = re.findall(r"[\w'’]+", text[:start].lower())[-1:]
        if before and before[0] in ("how", "what", "whether", "why", "where", "which", "who"):
            return None
        return owners

    def tag(self, text: str) -> tuple[set[str], Owner | None]:
        """Return the sides an owner tag names ("Katie: ...", "... (mentor)") and the speaker."""
        lead = _LEAD_TAG.match(text)
        for match, is_lead in ((lead, True), (_TRAIL_TAG.search(text), False)):
            who = next((g for g in match.groups() if g), "") if match else ""
            initials = self.people.initials.get(who.strip())
            if initials:
                return {initials}, initials if is_lead else None  # type: ignore[return-value]
            mentions = self.people.find(who)
            leftover = "".join(who[a.end : b.start] for a, b in itertools.pairwise(mentions))
            leftover += who[: mentions[0].start] + who[mentions[-1].end :] if mentions else ""
            # "What I will do: ..." names its owner as much as "Katie: ..." does.
            filler = r"[\s,&/+]|\b(?:and|the|owners?|what|will|do|does|to|is|going)\b"
            if mentions and not re.sub(filler, "", leftover, flags=re.IGNORECASE):
                owners = {s for s in self.sides(who, mentions, None) if s}
                speaker = next(iter(owners)) if is_lead and len(owners) == 1 else None
                return owners, speaker  # type: ignore[return-value]
        return set(), None

    def classify(self, text: str, section: str) -> _Clause:
        """Decide whether a clause assigns work and name the sides its words make owner."""
        # Asides in brackets ("Hope (hope@...) will share") are not part of the clause.
        # A trailing "(Katie)" is an owner tag, not an aside: it stays.
        plain = re.sub(r"\([^()]*\)(?!\s*\.?\s*$)", " ", _QUOTED.sub(" ", text)).strip()
        plain = " ".join(plain.split())
        if not plain or plain.endswith("?") or len(plain.split()) < 2 or _NOT_ACTION.search(plain):
            return _Clause(text, False, frozenset())
        tags, speaker = self.tag(plain)
        asked = _ASKED.search(plain)
        # "I asked Lukas to help me" tells what happened unless it sets a deadline.
        ahead = asked and (_has_deadline(plain) or _AHEAD.search(plain, asked.end()))
        if asked:
            # "He asked me to slow down" says who was asked, but is work only on a list.
            told = asked.group(0).lower().startswith("asked") and not ahead
            found = self.people.find(asked["who"])
            sides = {s for s in self.sides(asked["who"], found, speaker) if s}
            if sides:
                work = sides != {"other"} and (not told or _listed(section))
                return _Clause(text, work, frozenset(sides))
        cue = self._cue(plain, speaker)
        if cue is not None:
            return cue if cue.owners or not tags else _Clause(text, cue.action, frozenset(tags))
        mentions = self.people.find(plain)
        # The word test is cheap but fooled by adjectives ("an annotated guide"): the parse
        # confirms that the main verb is in the past.
        parsed = self.for_parse(plain)
        reading = read_clause(parsed) if _is_narrative(plain, mentions) else None
        # "Will pointed out things ... full by Tuesday": a past report with no will or to-do
        # in it tells what was said, whatever date it mentions.
        narrative = reading == "past" or (reading == "reported" and not _MODAL.search(parsed))
        if narrative or _CONTACT.search(plain):
            return _Clause(text, False, frozenset())
        end = _lead_group_end(plain, mentions)
        opening = self.subject(plain, end, speaker) if end else None
        if opening is None and not tags:  # "Next month we both present it": ask the parse
            opening = self.parsed_subject(plain, speaker)
        if opening == {"other"} and not (_listed(section) or _has_deadline(plain)):
            return _Clause(text, False, frozenset())
        # An owner tag with a date ("both: retro at next session") or "Owner:" assigns work too.
        dated = _has_deadline(plain) or bool(tags and find_due(plain))
        dated = dated or bool(tags and re.match(r"\s*owners?\s*:", plain, re.IGNORECASE))
        dated = dated or self.tagged_task(plain)
        action = _listed(section) or dated
        return _Clause(text, action, frozenset(opening or tags))

    def _cue(self, text: str, speaker: Owner | None) -> _Clause | None:
        """Return the clause a personal will/should/to-do cue makes an action, if any."""
        names = [m for m in self.people.find(text) if m.who in ("mentor", "mentee", "other")]
        for cue in _MODAL.finditer(text):
            if _PAST_MODAL.search(text[: cue.start()]):
                continue
            if any(m.start <= cue.start() < m.end for m in names) and _AFTER_NAME.match(
                text[cue.end() :]
            ):
                continue
            subject = self.subject(text, cue.start(), speaker)
            prefix = _LEAD_TAG.sub("", text[: cue.start()], count=1)
            if subject is None and all(w in _BRIDGE for w in re.findall(r"[\w'’]+", prefix)):
                elided = _ELIDED_SELF.match(text[cue.start() :].strip()) is not None
                return _Clause(text, True, frozenset(), elided)
            if subject is not None:
                return _Clause(text, True, frozenset(subject))
        for mention in self.people.find(text):
            if _TO_VERB.match(text[mention.end :]):
                subject = self.subject(text, mention.end, speaker) or set()
                return _Clause(text, subject != {"other"}, frozenset(subject))
        return None

    def for_parse(self, text: str) -> str:
        """The text with names that are also words ("Will pointed out") as a plain name."""
        # The parser reads an opening "Will" as the modal, and "Will pointed out" as future.
        out = text
        for m in reversed(self.people.find(text)):
            if m.who in ("mentor", "mentee", "other") and text[m.start : m.end].lower() in (
                COMMON_WORD_NAMES
            ):
                out = f"{out[: m.start]}Alex{out[m.end :]}"
        return out

    def tagged_task(self, text: str) -> bool:
        """Tell whether a text is an owner tag and an order: "Me: send him the workbook"."""
        lead = _LEAD_TAG.match(text)
        return bool(lead and self.tag(text)[0] and opens_with_order(text[lead.end() :]))

    def parsed_subject(self, text: str, speaker: Owner | None) -> set[str] | None:
        """Return the sides of the parse's subject when it is someone ("we", "Katie")."""
        found = subject_words(text)
        if found is None:
            return None
        mentions = self.people.find(found[0])
        return {s for s in self.sides(found[0], mentions, speaker) if s} or None

    def outsider_subject(self, text: str) -> bool:
        """Tell whether the parse's subject is someone outside the pair ("Our DPO", "IT")."""
        plain = re.sub(r"\([^()]*\)", " ", _QUOTED.sub(" ", text))
        found = subject_words(" ".join(plain.split()) or text)
        if found is None or found[1] not in ("NOUN", "PROPN"):
            return False
        words, _ = found
        # "Jens is chasing them": a named third party is as much outside the pair as "IT".
        inside = [m for m in self.people.find(words) if m.who not in (_THIRD, "other")]
        return not inside and not _TOGETHER.search(words)

    def person(self, text: str) -> str | None:
        """Return the name of the first third party a text names, as written."""
        found = next((m for m in self.people.find(text) if m.who == "other"), None)
        return text[found.start : found.end] if found else None

    def remember(self, text: str) -> None:
        """Note the pair member a sentence names last, for the pronouns that follow."""
        named = [m for m in self.people.find(text) if m.who in ("mentor", "mentee", "both")]
        if named and named[-1].who != "both":
            self.last = named[-1].who  # type: ignore[assignment]

    def opens_commitment(self, text: str) -> bool:
        """Tell whether a text opens with someone committing: "Priya will ...", "Katie to ..."."""
        mentions = self.people.find(text)
        end = _lead_group_end(text, mentions)
        rest = re.sub(r"^(?:\s*(?:also|then|both|each|will\s+also)\b)*", "", text[end:])
        return bool(end) and bool(_MODAL.match(rest.strip()) or _TO_VERB.match(rest))


def _clauses(sentence: Sentence, reader: _Reader) -> list[str]:
    """Split "Katie will post, and Priya will send the sheet" into one clause per owner."""
    text, parts, start = sentence.text, [], 0
    listed = _listed(sentence.section)
    for split in _SPLIT.finditer(text):
        left, right = text[start : split.start()], text[split.end() :]
        if (listed and ";" in split.group()) or (
            reader.opens_commitment(right) and (_MODAL.search(left) or re.search(r"\bto\s", left))
        ):
            parts.append(left)
            start = split.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _states_work(text: str, section: str, reader: _Reader) -> bool:
    """Check on the parse that an action clause is not reported speech or a past event."""
    plain = _QUOTED.sub(" ", text).strip() or text
    reading = read_clause(reader.for_parse(plain))
    if reading == "reported":  # "Katie said she will post by Friday" still commits her
        return _has_deadline(plain)
    if reading == "forecast":  # "Mark will probably say no"; a listed one is still work
        return _listed(section)
    return reading != "past" or _has_deadline(plain)


def _committed(text: str, sentence: Sentence, reader: _Reader) -> bool:
    """Tell whether a clause is set as work: under an action heading, dated, or tagged."""
    return _listed(sentence.section) or _has_deadline(text) or reader.tagged_task(text)


def _listed(section: str) -> bool:
    """Tell whether a heading introduces work: "Next steps", "Katie will:", "Mentor to:"."""
    return is_action_heading(section) or bool(_WORK_HEADING.search(section))


def _section_owner(section: str, reader: _Reader) -> Owner | None:
    """Return who a heading assigns its list to ("Katie's homework", "Mentor to-dos")."""
    mentions = reader.people.find(section)
    sides = {s for s in reader.sides(section, mentions, None) if s in ("mentor", "mentee")}
    if len(sides) == 1:
        return sides.pop()  # type: ignore[return-value]
    return "mentee" if MENTEE_HEADING.search(section) else None


def _owner(clause: _Clause, fallback: Owner | None, author: Owner) -> ActionOwner:
    """Turn the sides a clause names into one owner; "together" makes it the pair's."""
    sides = clause.owners - {"other"}
    if not sides and "other" in clause.owners and not _TOGETHER.search(clause.text):
        return "other"
    together = _TOGETHER.search(_PHRASAL.sub(" ", clause.text))
    if "both" in sides or len(sides) > 1 or together:
        return "both"
    if sides:
        return "mentor" if "mentor" in sides else "mentee"
    return author if clause.elided else fallback or "both"


def _future_in_past(text: str) -> str:
    """Say "we agreed I'd post" as "we agreed I will post": the 'd binds like a will."""
    return _AGREED_D.sub(lambda m: f"{m['lead']} will", text)


def extract_actions(
    sentences: list[Sentence], roster: Roster, author: Owner = "mentor"
) -> list[ActionItem]:
    """Return the action items of the notes in order, with owner and due date."""
    sentences = [Sentence(_future_in_past(s.text), s.section) for s in sentences]
    reader = _Reader(roster, author)
    items: list[ActionItem] = []
    previous: tuple[str, Owner] | None = None
    last_start = 0
    # Notes that list their actions under a heading have said what the work is: a "that's
    # fine, I'll send more" in the prose around the list is an aside unless it sets a date.
    listing = any(_listed(s.section) for s in sentences)
    for sentence in sentences:
        if _WITHDRAWN.match(sentence.text):  # "Scratch that": the sentence before is taken back
            del items[last_start:]
        last_start = len(items)
        for text in _clauses(sentence, reader):
            if listing and not _committed(text, sentence, reader):
                continue
            clause = reader.classify(text, sentence.section)
            if not clause.action or not _states_work(text, sentence.section, reader):
                continue
            carried = previous[1] if previous and previous[0] == sentence.section else None
            fallback = _section_owner(sentence.section, reader) or carried
            owner = _owner(clause, fallback, author)
            if owner != "other" and reader.outsider_subject(text):
                owner = "other"
            if owner == "other" and _ASPIRES.search(text) and not _committed(text, sentence, reader):
                continue
            person = reader.person(text) if owner == "other" else None
            items.append(ActionItem(text=text, owner=owner, due=find_due(text), person=person))
            if owner != "other":  # a third party's item says nothing about the pair's list
                previous = (sentence.section, owner)
        reader.remember(sentence.text)
    return items


def is_action(sentence: Sentence, roster: Roster, author: Owner = "mentor") -> bool:
    """Tell whether a sentence holds an action item (by cue, deadline or its heading)."""
    reader = _Reader(roster, author)
    return any(reader.classify(t, sentence.section).action for t in _clauses(sentence, reader))


def resolve_owner(
    text: str, roster: Roster, previous: Owner | None = None, author: Owner = "mentor"
) -> ActionOwner:
    """Return who owns one action: the person asked, else the subject, else `previous`."""
    return _owner(_Reader(roster, author).classify(text, ""), previous, author)
