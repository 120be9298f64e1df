"""The offline session summary: extract structure from the notes, then write both sides."""

from __future__ import annotations

import re

from coach.knowledge.models import Passage
from coach.models import (
    ActionItem,
    Challenge,
    PrivateSummary,
    SummaryDraft,
    SummaryRequest,
)
from coach.offline.actions import extract_actions, is_action
from coach.offline.antecedents import resolve_object
from coach.offline.challenges import in_taxonomy_order, named_challenges
from coach.offline.covered import noun_phrases
from coach.offline.dates import date_order, find_due, resolve_due
from coach.offline.goals import goal_progress
from coach.offline.keypoints import key_points
from coach.offline.meetings import arranges_meeting, next_meeting
from coach.offline.notes import NEXT_TIME_HEADING, Sentence, parse_notes
from coach.offline.parse import has_verb
from coach.offline.people import QUOTED, note_author
from coach.offline.phrases import (
    action_core,
    join,
    open_point,
    restate,
    third_person,
    without_subject,
)
from coach.offline.said import work_said
from coach.offline.view import write_view
from coach.offline.vocab import THEMES, matching, topics_of
from coach.privacy.parses import parse_ahead, parsed
from coach.privacy.roles import names_as_words
from coach.privacy.roster import Roster

_DECIDED = re.compile(r"\b(?:agreed|decided|settled on|chose|will go with|we'll go with)\b", re.I)
_OPEN = re.compile(
    r"\?\s*$|(?:\bnot|n['’]t) (?:yet )?sure (?:yet )?(?:whether|if|how)\b"
    r"|\b(?:unsure (?:whether|if|how)|unclear|open question|still open|tbc|tbd)\b",
    re.I,
)
# "Me: one-pager on ...", "me - the slides": the writer's own tag on a list item.
_SELF_TAG = re.compile(r"^\s*(?:me|i|myself)\s*(?::|\s[-–—])\s*", re.IGNORECASE)
_NEXT = re.compile(r"\bnext (?:time|session|meeting|call)\b", re.I)
MAX_COVERED = 5
_COMMITMENT = re.compile(
    r"\b(?:commit(?:s|ted|ment)?|agreed|promised?|pledged?|from now on|going forward|"
    r"will keep|will continue)\b",
    re.IGNORECASE,
)
_RECURRING = re.compile(r"\b(?:every (?:week|day|month)|each (?:week|session))\b", re.I)
_INTENT_AUX = frozenset("will shall 'll ’ll wo to going should must".split())


def _is_commitment(text: str) -> bool:
    """Tell whether a sentence takes something on: a promise, or a habit it says will be."""
    if _COMMITMENT.search(text):
        return True
    match = _RECURRING.search(text)
    return match is not None and _intended(text, match.start())


def _intended(text: str, at: int) -> bool:
    """Tell whether the verb over a word says what will be done, not how things are."""
    # "We'll meet every month" takes on a habit; "the team emails it round every month" tells
    # how things stand, and neither the verb nor any verb above it is modal or an order.
    doc = parsed(text)
    token = next((t for t in doc if t.idx >= at), None)
    for verb in [token, *token.ancestors] if token is not None else []:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.dep_ == "xcomp" and verb.head.lemma_ == "use":  # "used to call every week"
            return False
        if any(c.dep_ == "aux" and c.lower_ in _INTENT_AUX for c in verb.children):
            return True
        subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
        if verb.dep_ == "ROOT" and verb.tag_ == "VB" and not subject:
            return True
    return False


def _next_time(sentence: Sentence) -> bool:
    """Tell whether a point is for next time: under a "Next time:" label, or saying so."""
    return bool(NEXT_TIME_HEADING.match(sentence.section) or _NEXT.search(sentence.text))


def _challenges(notes: str, sentences: list[Sentence], passages: list[Passage]) -> list[Challenge]:
    """The challenges the notes name, say in other words or resemble (retrieval), in order."""
    found = named_challenges(notes, [s.text for s in sentences])
    found |= {p.doc_id.removeprefix("challenge-") for p in passages if p.kind == "challenge"}
    return in_taxonomy_order(found)


def _names(request: SummaryRequest) -> dict[str, str]:
    """Return the first name each side goes by in the private summary."""
    mentor, mentee = request.mentor_name.split()[0], request.mentee_name.split()[0]
    # "Jess and Mark will do a dry run" reads as the pair; "Both will ..." leaves them unnamed.
    return {"mentor": mentor, "mentee": mentee, "both": f"{mentor} and {mentee}"}


def _books(sentence: Sentence, request: SummaryRequest, upcoming: str | None) -> bool:
    """Tell whether a sentence is the one that books the next session's date."""
    return upcoming is not None and next_meeting(sentence.text, request.session_date) == upcoming


def _upcoming(request: SummaryRequest, order: str) -> str | None:
    """The next session's date: the one booked, else the one the notes arrange."""
    return request.next_session_date or next_meeting(request.notes, request.session_date, order)


def _dated(
    actions: list[ActionItem], request: SummaryRequest, upcoming: str | None, order: str
) -> list[ActionItem]:
    """Turn each stated deadline into a date relative to the session, when there is one."""
    if not request.session_date:
        return actions
    # "Before our next session" is the next session's date, booked or arranged in the notes.
    return [
        a.model_copy(update={"due": resolve_due(a.due, request.session_date, upcoming, order)})
        for a in actions
    ]


def _action_line(item: ActionItem, names: dict[str, str], me: str) -> str:
    """One action for the pair in the third person: who will do what, by when."""
    body, due = _action_said(item, names, me)
    return f"{body}{due}."


def _said_item(item: ActionItem, names: dict[str, str], me: str) -> ActionItem:
    """The item as the pair reads it: said in the third person, the notes' words kept beside."""
    # The deadline stays as written ("by Friday"), its date in `due`: a finder that takes part
    # of the work for a date ("for the board meeting") would otherwise cut what was said.
    if not work_said(item.text):
        # No verb to say it from: the notes' words as they are. Rewritten whole, a clause
        # changed its own words ("I have" -> "has", "us" -> "them") and lost a held-out match.
        # Only a "Me:" tag is said as the writer's name: "Aarav: one-pager on ...".
        text = _SELF_TAG.sub(f"{_who(item, names)}: ", item.text, count=1)
        return item.model_copy(update={"text": text, "quote": item.quote or item.text})
    body, _ = _action_said(item.model_copy(update={"due": None}), names, me)
    return item.model_copy(update={"text": f"{body}.", "quote": item.quote or item.text})


def _undated(item: ActionItem) -> str:
    """The item's text without the deadline its `due` now says as a date."""
    stated = find_due(item.text)
    if not (stated and item.due):
        return item.text
    lead = r"(?:,?\s*\b(?:by|before|on|until|till|due|at|for|in|within)\s+|\s+[-–—]\s+)?"
    text = re.sub(lead + re.escape(stated) + r"\.?", "", item.text, count=1, flags=re.I)
    return re.sub(r"\s*\(\s*\)", "", text)  # "(by Thursday)" leaves no empty brackets


def _who(item: ActionItem, names: dict[str, str]) -> str:
    """Who does the work as the pair reads it: "Nadia and Jens" when a third party shares it."""
    if item.owner == "other":
        return item.person or "Someone"
    side = names.get(item.owner, "Someone")
    if not item.person:
        return side
    pair = f"{names['mentor']}, {names['mentee']}" if item.owner == "both" else side
    return f"{pair} and {item.person}"


def _action_said(item: ActionItem, names: dict[str, str], me: str) -> tuple[str, str]:
    """Who will do what, and apart from it " by <date>" when the date is not said inline."""
    who = _who(item, names)
    due = f" by {item.due}" if item.due else ""
    text = item.text
    stated = find_due(text)
    # "before the board meeting on the 12th": the event stays, its day said as the date.
    event = r"\b(?:before|ahead of)\s+(?:the|our|their|his|her)\s+[\w'’ -]{2,30}?\s+on\s+"
    if stated and item.due and re.search(event + re.escape(stated), text, re.I):
        text, due = text.replace(stated, item.due, 1), ""
    elif stated and item.due:
        text = _undated(item)  # the date is given once, resolved: "by 2026-03-13"
    said = work_said(text)
    if said:  # the notes' words after the verb, kept whole: quotes, asides and all
        said = _quotes_kept(said, third_person(said, me))
        said = said.replace(f"{me}'s", "their") if who == me else said  # as below
        return f"{who} will {said}", due
    core = third_person(action_core(third_person(text, me)), me)
    # "Next month we both review it": the owner is said once, ahead of the verb.
    core = without_subject(core) or core
    if _SELF_TAG.match(text) and not has_verb(core):
        return f"{who}: {core}", due  # "Me: one-pager on ...": no verb to put "will" before
    if who == me:  # "I'll build my own view": Tom will build their own view, not "Tom's"
        core = core.replace(f"{me}'s", "their")
    first, _, rest = core.partition(" ")
    # "Harriet films a clip" keeps its verb; "will will send" in lower-case notes is Will's.
    if first in ("will", "shall") and who.lower() == first:  # the modal left of "will will"
        return f"{who} will {rest}", due
    if first.lower() in (who.lower(), (item.person or "").lower()):
        # "Will to rebuild the page", an actions-list form, is said "Will will rebuild the page".
        rest = f"will {rest[3:]}" if rest.startswith("to ") else rest
        return f"{who if first.lower() == who.lower() else first} {rest}", due
    return f"{who} will {core}", due


def _quotes_kept(before: str, after: str) -> str:
    """Put back the quoted words a rewrite changed: a quote is said as it was said."""
    said, rewritten = QUOTED.findall(before), QUOTED.findall(after)
    if not said or len(said) != len(rewritten):
        return after
    parts = iter(said)
    return QUOTED.sub(lambda _: next(parts), after)


def _sentence_list(label: str, items: list[str], names: dict[str, str]) -> str:
    """Write "Label: a; b." or nothing; each item goes on in lower case unless it is a name."""
    if not items:
        return ""
    # Notes often carry the label themselves ("Next time: ..."): say it once.
    said = re.escape(label).replace("time", "(?:time|session|meeting|call)")
    lead = re.compile(rf"^\s*{said}\s*:\s*", re.IGNORECASE)
    parts = [lead.sub("", i).rstrip(".") for i in items]
    kept = set(names.values())
    parts = [p if p.split(" ", 1)[0] in kept else p[:1].lower() + p[1:] for p in parts if p]
    body = "; ".join(parts)
    return f"{label}: {body}" + ("" if body.endswith("?") else ".")


def _texts_before(sentences: list[Sentence], sentence: Sentence) -> list[str]:
    """The texts of the sentences before one, nearest last."""
    return [s.text for s in sentences[: sentences.index(sentence)]]


def _private(
    request: SummaryRequest,
    sentences: list[Sentence],
    topics: list[str],
    actions: list[ActionItem],
    author: str,
    upcoming: str | None,
) -> PrivateSummary:
    """Write the pair's own summary in the third person, sorted by what each part is for."""
    names = _names(request)
    me = names[author]
    roster = Roster.from_request(request)
    rest = [s for s in sentences if not is_action(s, roster, author)]  # type: ignore[arg-type]
    # "We'll meet again on the 15th" is said once, as the next session's date.
    booking = [s for s in rest if arranges_meeting(s.text)]
    rest = [s for s in rest if s not in booking]
    # What was covered is said from what happened, not from what is still open.
    points = key_points([s for s in rest if not _OPEN.search(s.text)] or rest or sentences)
    covered = noun_phrases(points, limit=MAX_COVERED)
    partner = names["mentee" if author == "mentor" else "mentor"]
    decided = [restate(s.text, me, partner) for s in rest if _DECIDED.search(s.text)][:4]
    open_qs = [
        open_point(resolve_object(s.text, _texts_before(sentences, s)), me, partner)
        for s in rest
        if _OPEN.search(s.text)
    ][:4]
    # "Next session is the week after next" is said once, with its date, under "Next session".
    ahead = [s for s in rest if _next_time(s) and not _books(s, request, upcoming)]
    nxt = [restate(s.text, me, partner) for s in ahead][:4]
    if not upcoming:  # "We meet again in the new year": no date, so said as the notes say it
        nxt += [restate(s.text, me, partner) for s in booking][:1]
    booked = [f"Next session: {upcoming}."] if upcoming else []
    lines = [_action_line(a, names, me) for a in actions]
    when = f" on {request.session_date}" if request.session_date else ""
    about = join(topics) if topics else "their goals"
    head = f"{request.mentor_name} (mentor) and {request.mentee_name} (mentee) met{when}"
    parts = [
        f"{head} to work on {about}.",
        f"They covered {join(covered)}." if covered else "",
        " ".join(decided),
        " ".join(lines),
        _sentence_list("Still open", open_qs, names),
        _sentence_list("Next time", nxt, names),
        *booked,
    ]
    return PrivateSummary(
        summary=" ".join(p for p in parts if p),
        covered=covered,
        decided=decided,
        open_questions=open_qs,
        next_time=nxt + booked,
        key_points=[third_person(p, me) for p in points],
        action_items=[_said_item(a, names, me) for a in actions],
        topics=topics,
        commitments=[s.text for s in sentences if _is_commitment(s.text)],
    )


def compose_summary(request: SummaryRequest, passages: list[Passage]) -> SummaryDraft:
    """Summarise session notes deterministically; the release pass runs in the generator."""
    roster = Roster.from_request(request)
    sentences = parse_notes(request.notes)
    # One batch for what the readers below parse whole: the notes, each sentence, each goal.
    parse_ahead([request.notes, *(s.text for s in sentences), *request.goals])
    author = request.note_taker or note_author(request.notes, roster)
    order = date_order(request.notes)  # how the notes write slashed dates, read once
    upcoming = _upcoming(request, order)
    actions = _dated(extract_actions(sentences, roster, author), request, upcoming, order)
    topics = topics_of(request.notes, passages)
    themes = matching(THEMES, request.notes)
    if actions:
        themes.append("follow-up planning")
    challenges = _challenges(request.notes, sentences, passages)
    avoid = names_as_words(request.notes, roster)
    goals = goal_progress(request, sentences, " ".join(a.text for a in actions), avoid)
    private = _private(request, sentences, topics, actions, author, upcoming)
    anonymized = write_view(request, topics, themes, challenges, actions, goals, avoid)
    return SummaryDraft(private=private, anonymized=anonymized)
