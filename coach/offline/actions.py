"""Find the action items in session notes: who will do what, and by when.

Who a mention is (a name, a pronoun, "we", the notes' author) is read by coach.offline.people;
the deadline a clause states by coach.offline.dates. This module decides which clauses are
work someone took on, and whose.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from coach.models import ActionItem, ActionOwner, Owner
from coach.offline.action_cues import (
    AHEAD,
    ASKED,
    ASPIRES,
    BRIDGE,
    CONTACT,
    DECIDED,
    ELIDED_SELF,
    LEAD_TAG,
    MODAL,
    NOT_ACTION,
    PAST_MODAL,
    PHRASAL,
    PROHIBITION,
    SOMEONE_TO,
    TO_VERB,
    TOGETHER,
    TRAIL_TAG,
    WITHDRAWN,
    as_written,
    future_in_past,
    is_narrative,
    outsider,
    outsider_commits,
    outsider_pronoun,
)
from coach.offline.antecedents import resolve_event
from coach.offline.clauses import listed, split_clauses, without_asides
from coach.offline.dates import find_due, has_deadline
from coach.offline.meetings import arranges_meeting
from coach.offline.notes import Sentence
from coach.offline.parse import (
    has_verb,
    opens_with_order,
    opens_with_verb,
    read_clause,
    subject_words,
)
from coach.offline.people import (
    AFFILIATED,
    AFTER_NAME,
    APPOSITIVE,
    QUOTED,
    THIRD,
    People,
    lead_group_end,
    named_order,
)
from coach.offline.vocab import MENTEE_HEADING
from coach.privacy.roles import is_role_word
from coach.privacy.roster import Roster


@dataclass(frozen=True)
class _Clause:
    """One candidate action: its text, whether it is one, and the sides its words name."""

    text: str
    action: bool
    owners: frozenset[str]
    elided: bool = False


class _Reader:
    """Read clauses of the notes with the people they name, in the order written."""

    def __init__(self, roster: Roster, author: Owner) -> None:
        self.people = People(roster, author)

    def subject(self, text: str, at: int, speaker: Owner | None) -> set[str] | None:
        """Return the sides of the subject right before `at`; None if the subject is no one."""
        mentions = [m for m in self.people.find(text) if m.end <= at]
        if not mentions:
            return None
        gap = re.findall(r"[\w'’]+", text[mentions[-1].end : at].lower())
        # "Pat, the chief of staff, will": the subject is the name before the aside.
        for i, mention in enumerate(mentions):
            aside = APPOSITIVE.match(text, mention.end)
            rest = re.findall(r"[\w'’]+", text[aside.end() : at].lower()) if aside else []
            if aside and aside.end() <= at and all(w in BRIDGE for w in rest):
                mentions, gap = mentions[: i + 1], rest
                break
        possessive = gap[:1] in (["s"], ["'s"], ["’s"]) and len(gap) <= 3
        # "Mark's deputy will": someone of theirs, not them ("Katie's team" stays Katie's).
        if possessive and any(is_role_word(w) for w in gap[1:]):
            return {"other"}
        # "Tim Rowley in planning will fix": a name opening the clause is still its subject.
        opening = not text[: mentions[-1].start].strip(" -–—:([") and len(gap) <= 3
        if not (possessive or opening) and any(w not in BRIDGE for w in gap):
            return None
        sides = self.people.sides(text, mentions, speaker)
        owners, start = self.people.group(text, mentions, sides)
        before = re.findall(r"[\w'’]+", text[:start].lower())[-1:]
        if before and before[0] in ("how", "what", "whether", "why", "where", "which", "who"):
            return None
        return owners

    def tag(self, text: str) -> tuple[set[str], Owner | None]:
        """Return the sides an owner tag names ("Katie: ...", "... (mentor)") and the speaker."""
        lead = LEAD_TAG.match(text)
        for match, is_lead in ((lead, True), (TRAIL_TAG.search(text), False)):
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
                owners = {s for s in self.people.sides(who, mentions, None) if s}
                speaker = next(iter(owners)) if is_lead and len(owners) == 1 else None
                return owners, speaker  # type: ignore[return-value]
        return set(), None

    def classify(self, text: str, section: str, followed: bool = False) -> _Clause:
        """Decide whether a clause assigns work and name the sides its words make owner.

        `followed`: a pair member commits in the same sentence ("I'll chase him on Monday"),
        which makes a third party's "Oliver to share it" work the pair has arranged.
        """
        # Asides in brackets ("Hope (hope@...) will share") are not part of the clause.
        # A trailing "(Katie)" is an owner tag, not an aside: it stays.
        plain = without_asides(QUOTED.sub(" ", text))
        plain = re.sub(r"\([^()]*\)(?!\s*\.?\s*$)", " ", plain).strip()
        plain = " ".join(plain.split())
        if not plain or plain.endswith("?") or len(plain.split()) < 2 or NOT_ACTION.search(plain):
            return _Clause(text, False, frozenset())
        if PROHIBITION.match(LEAD_TAG.sub("", plain, count=1)):
            return _Clause(text, False, frozenset())
        # "We'll meet again on the 15th" books the next session; it is no work with a deadline.
        if arranges_meeting(self.people.for_parse(LEAD_TAG.sub("", plain, count=1))):
            return _Clause(text, False, frozenset())
        tags, speaker = self.tag(plain)
        asked = ASKED.search(plain)
        # "I asked Lukas to help me" tells what happened unless it sets a deadline.
        ahead = asked and (has_deadline(plain) or AHEAD.search(plain, asked.end()))
        if asked:
            # "He asked me to slow down" says who was asked, but is work only on a list.
            told = asked.group(0).lower().startswith("asked") and not ahead
            found = self.people.find(asked["who"])
            sides = {s for s in self.people.sides(asked["who"], found, speaker) if s}
            # "Sigrid asks Magnus to co-design it", on a list: the asking is Sigrid's to do.
            asker = self.subject(plain, asked.start(), speaker)
            present = asked.group(0).lower().startswith("asks")
            if sides == {"other"} and present and asker and asker != {"other"} and listed(section):
                return _Clause(text, True, frozenset(asker))
            if sides:
                work = sides != {"other"} and (not told or listed(section))
                return _Clause(text, work, frozenset(sides))
        cue = self._cue(plain, speaker)
        # "IT need to reset my access" is work as much as "Dana will keep scheduling" is.
        if cue is None and not tags and outsider_commits(plain, self.people):
            return _Clause(text, True, frozenset({"other"}))
        # "Angela: invite Yusuf to co-host": the one asked is the object of the tagged order.
        if cue is not None and cue.owners == {"other"} and tags and self.tagged_task(plain):
            return _Clause(text, True, frozenset(tags))
        # "Mark to lift the block by the 12th", on a list or dated: a third party's work.
        if cue is not None and not cue.action and cue.owners == {"other"} and not tags:
            # A time frame dates it as a deadline does: "Max to update it this week too".
            on_list = listed(section) or has_deadline(plain) or bool(find_due(plain)) or followed
            return _Clause(text, on_list and self.opens_commitment(plain), cue.owners)
        if cue is None and not tags and followed and named_order(plain, self.people):
            return _Clause(text, True, frozenset({"other"}))
        if cue is not None:
            return cue if cue.owners or not tags else _Clause(text, cue.action, frozenset(tags))
        mentions = self.people.find(plain)
        # The word test is cheap but fooled by adjectives ("an annotated guide"): the parse
        # confirms that the main verb is in the past.
        parsed = self.people.for_parse(plain)
        reading = read_clause(parsed) if is_narrative(plain, mentions) else None
        # "Will pointed out things ... full by Tuesday": a past report with no will or to-do
        # in it tells what was said, whatever date it mentions.
        narrative = reading == "past" or (reading == "reported" and not MODAL.search(parsed))
        if narrative or CONTACT.search(plain):
            return _Clause(text, False, frozenset())
        # "Agreed: 45 seconds, one point per video": terms decided, with no one to do them.
        if DECIDED.match(section) and not (mentions or tags or opens_with_order(plain)):
            return _Clause(text, False, frozenset())
        end = lead_group_end(plain, mentions)
        opening = self.subject(plain, end, speaker) if end else None
        if opening is None and not tags:  # "Next month we both present it": ask the parse
            opening = self.parsed_subject(plain, speaker)
        if opening == {"other"} and not (listed(section) or has_deadline(plain)):
            return _Clause(text, False, frozenset())
        # An owner tag with a date ("both: retro at next session") or "Owner:" assigns work too.
        dated = has_deadline(plain) or bool(tags and find_due(plain))
        dated = dated or bool(tags and re.match(r"\s*owners?\s*:", plain, re.IGNORECASE))
        dated = dated or self.tagged_task(plain)
        action = listed(section) or dated
        return _Clause(text, action, frozenset(opening or tags))

    def _cue(self, text: str, speaker: Owner | None) -> _Clause | None:
        """Return the clause a personal will/should/to-do cue makes an action, if any."""
        names = [m for m in self.people.find(text) if m.who in ("mentor", "mentee", "other")]
        for cue in MODAL.finditer(text):
            if PAST_MODAL.search(text[: cue.start()]):
                continue
            # "Will will post", "Will had never posted", "Will and I": the name, not the modal,
            # unless a verb in its base form follows ("Will send the deck").
            after = text[cue.end() :]
            if any(m.start <= cue.start() < m.end for m in names) and (
                AFTER_NAME.match(after) or not opens_with_verb(after.strip())
            ):
                continue
            subject = self.subject(text, cue.start(), speaker)
            prefix = LEAD_TAG.sub("", text[: cue.start()], count=1)
            if subject is None and all(w in BRIDGE for w in re.findall(r"[\w'’]+", prefix)):
                elided = ELIDED_SELF.match(text[cue.start() :].strip()) is not None
                return _Clause(text, True, frozenset(), elided)
            if subject is not None:
                return _Clause(text, True, frozenset(subject))
        for mention in self.people.find(text):
            if TO_VERB.match(text[mention.end :]):
                subject = self.subject(text, mention.end, speaker) or set()
                return _Clause(text, subject != {"other"}, frozenset(subject))
        return None

    def tagged_task(self, text: str) -> bool:
        """Tell whether a text is an owner tag and an order: "Me: send him the workbook"."""
        lead = LEAD_TAG.match(text)
        return bool(lead and self.tag(text)[0] and opens_with_order(text[lead.end() :]))

    def parsed_subject(self, text: str, speaker: Owner | None) -> set[str] | None:
        """Return the sides of the parse's subject when it is someone ("we", "Katie")."""
        found = subject_words(text)
        if found is None:
            return None
        mentions = self.people.find(found[0])
        return {s for s in self.people.sides(found[0], mentions, speaker) if s} or None

    def outsider_subject(self, text: str) -> bool:
        """Tell whether the parse's subject is someone outside the pair ("Our DPO", "IT")."""
        if self.tag(text)[0]:  # "GW: ask HR" names its owner outright, whoever is asked
            return False
        plain = re.sub(r"\([^()]*\)", " ", QUOTED.sub(" ", text))
        # "IT to unblock the site": no finite verb, and the parse may take "IT" for "it".
        order = SOMEONE_TO.match(plain)
        # "Graham's EA to book it": the one named employs the EA, who does the work.
        owners = self.people.find(order["who"]) if order else []
        if order and is_role_word(order["who"].split()[-1].lower()):
            owners = [m for m in owners if not re.match(r"['’]s\b", order["who"][m.end :])]
        if (
            order
            and not owners
            and outsider(order["who"])
            and not opens_with_order(plain)  # "ask IT to unblock it" is the pair's to do
        ):
            return True
        affiliated = AFFILIATED.match(plain)
        if affiliated and not self.people.find(affiliated["who"]):
            return True
        found = subject_words(" ".join(plain.split()) or text)
        if found is None or found[1] not in ("NOUN", "PROPN"):
            return False
        words, _ = found
        # "Jens is chasing them": a named third party is as much outside the pair as "IT".
        inside = [m for m in self.people.find(words) if m.who not in (THIRD, "other")]
        return not inside and not TOGETHER.search(words)

    def opens_commitment(self, text: str) -> bool:
        """Tell whether a text opens with someone committing: "Priya will ...", "Katie to ..."."""
        mentions = self.people.find(text)
        end = lead_group_end(text, mentions)
        rest = re.sub(r"^(?:\s*(?:also|then|both|each|will\s+also)\b)*", "", text[end:])
        return bool(end) and bool(MODAL.match(rest.strip()) or TO_VERB.match(rest))


def _reading(text: str, reader: _Reader) -> str:
    """Read a clause on the parse, without its quotes and asides."""
    plain = without_asides(QUOTED.sub(" ", text)) or text
    return read_clause(reader.people.for_parse(plain))


def _states_work(text: str, section: str, reader: _Reader) -> bool:
    """Check on the parse that an action clause is not reported speech or a past event."""
    plain = without_asides(QUOTED.sub(" ", text)) or text
    reading = read_clause(reader.people.for_parse(plain))
    if reading == "promised":  # "Tom says he'll book it": his word on his own work
        return True
    if reading == "reported":  # "Katie said she will post by Friday" still commits her
        return has_deadline(plain)
    if reading == "forecast":  # "Mark will probably say no"; a listed one is still work
        return listed(section)
    return reading != "past" or has_deadline(plain)


def _pair_commits(clauses: list[str], section: str, reader: _Reader) -> bool:
    """Tell whether a pair member takes on work in one of the clauses."""
    found = (reader.classify(c, section) for c in clauses)
    return any(c.action and c.owners - {"other"} for c in found)


def _committed(text: str, sentence: Sentence, reader: _Reader) -> bool:
    """Tell whether a clause is set as work: under an action heading, dated, or tagged."""
    return listed(sentence.section) or has_deadline(text) or reader.tagged_task(text)


def _section_owner(section: str, reader: _Reader) -> Owner | None:
    """Return who a heading assigns its list to ("Katie's homework", "Mentor to-dos")."""
    mentions = reader.people.find(section)
    sides = {s for s in reader.people.sides(section, mentions, None) if s in ("mentor", "mentee")}
    if len(sides) == 1:
        return sides.pop()  # type: ignore[return-value]
    return "mentee" if MENTEE_HEADING.search(section) else None


def _owner(clause: _Clause, fallback: Owner | None, author: Owner) -> ActionOwner:
    """Turn the sides a clause names into one owner; "together" makes it the pair's."""
    sides = clause.owners - {"other"}
    if not sides and "other" in clause.owners and not TOGETHER.search(clause.text):
        return "other"
    together = TOGETHER.search(PHRASAL.sub(" ", clause.text))
    if "both" in sides or len(sides) > 1 or together:
        return "both"
    if sides:
        return "mentor" if "mentor" in sides else "mentee"
    return author if clause.elided else fallback or "both"


def extract_actions(
    sentences: list[Sentence], roster: Roster, author: Owner = "mentor"
) -> list[ActionItem]:
    """Return the action items of the notes in order, with owner and due date."""
    written = {future_in_past(s.text): s.text for s in sentences}
    # The notes' title names the session, its date and place: no work, whatever date it gives.
    sentences = [
        Sentence(future_in_past(s.text), s.section)
        for s in sentences
        if not (s.title and not has_verb(s.text))
    ]
    reader = _Reader(roster, author)
    items: list[ActionItem] = []
    previous: tuple[str, Owner] | None = None
    last_start = 0
    prior = ""  # the sentence before, whose wish an "I'll set it up" may serve
    # Notes that list their actions under a heading have said what the work is: a "that's
    # fine, I'll send more" in the prose around the list is an aside unless it sets a date.
    listing = any(listed(s.section) for s in sentences)
    for sentence in sentences:
        if WITHDRAWN.match(sentence.text):  # "Scratch that": the sentence before is taken back
            del items[last_start:]
        last_start = len(items)
        earlier = ""  # this sentence's clauses before the one read: a pronoun's antecedent
        clauses = split_clauses(sentence, reader)
        followed = _pair_commits(clauses[1:], sentence.section, reader)
        for text in clauses:
            before, earlier = earlier, f"{earlier} {text}"
            reader.people.remember(before)  # "Will met Ruth, and he will ...": he is Will
            if listing and not _committed(text, sentence, reader):
                continue
            clause = reader.classify(text, sentence.section, followed)
            if not clause.action or not _states_work(text, sentence.section, reader):
                continue
            carried = previous[1] if previous and previous[0] == sentence.section else None
            fallback = _section_owner(sentence.section, reader) or carried
            owner = _owner(clause, fallback, author)
            if owner != "other" and (
                reader.outsider_subject(text) or outsider_pronoun(text, before, reader.people)
            ):
                owner = "other"
            # A third party's plan, or their word reported ("Oscar says he'll do it"), is news.
            hearsay = ASPIRES.search(text) or _reading(text, reader) == "promised"
            if owner == "other" and hearsay and not _committed(text, sentence, reader):
                continue
            person = (
                reader.people.person(text)
                or reader.people.person(before)
                or named_order(text, reader.people)
                if owner == "other"
                # "Jens and I will draft it": the pair's work, shared with a named third party.
                else reader.people.person(text)
                if "other" in clause.owners
                else None
            )
            quote = as_written(text, written.get(sentence.text, sentence.text))
            due = find_due(text)
            text = resolve_event(text, before.strip() or prior)  # "I'll set it up": what for
            items.append(ActionItem(text=text, owner=owner, due=due, person=person, quote=quote))
            if owner != "other":  # a third party's item says nothing about the pair's list
                previous = (sentence.section, owner)
        reader.people.remember(sentence.text)
        prior = sentence.text
    return items


def is_action(sentence: Sentence, roster: Roster, author: Owner = "mentor") -> bool:
    """Tell whether a sentence holds an action item (by cue, deadline or its heading)."""
    reader = _Reader(roster, author)
    return any(reader.classify(t, sentence.section).action for t in split_clauses(sentence, reader))


def resolve_owner(
    text: str, roster: Roster, previous: Owner | None = None, author: Owner = "mentor"
) -> ActionOwner:
    """Return who owns one action: the person asked, else the subject, else `previous`."""
    return _owner(_Reader(roster, author).classify(text, ""), previous, author)
