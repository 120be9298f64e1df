"""Progress on the pair's stated goals, each goal said in plain words a coordinator may read."""

from __future__ import annotations

import re
from collections.abc import Sequence

from coach.models import GoalProgress, SummaryRequest
from coach.offline.notes import Sentence
from coach.offline.parse import mask_people
from coach.offline.phrases import ends_on_noun, plain_words, shortenings
from coach.offline.vocab import matching, topic_patterns
from coach.privacy.leaks import copies
from coach.privacy.parses import parsed
from coach.privacy.roster import Roster, name_forms
from coach.text import tokenize

# A goal said in more words than this reads as a sentence, not as a goal's name.
MAX_GOAL_WORDS = 10
# Fewer words than this ("stay") say nothing of what the goal is.
MIN_GOAL_WORDS = 2
# A sentence that shares this much of a goal's words restates the goal ("Goal: ..."): it is
# no report of work done on it.
RESTATED = 0.7
# The notes talk about a goal when they share this much of its words, or this many.
DISCUSSED_SHARE = 0.4
DISCUSSED_WORDS = 3
# The action items plan work on a goal when they share this much of its words.
PLANNED_SHARE = 0.3
# A knowledge topic named this often is what the session was about; once is a passing word.
SUBJECT_HITS = 2
_ROLE_WORDS = {"mentor": "the mentor", "mentee": "the mentee"}
# Role words and pronouns say who, not what the goal is about; they match any goal.
_WHO = frozenset(
    tokenize("mentor mentee someone")
    + "i me my mine myself he him his she her hers they them their we us our you your own".split()
)
# Reporting verbs tell what was said, not what was done ("she said the board asks").
_SAYING = frozenset(
    "say tell mention ask think feel wonder admit worry explain talk discuss chat hope want".split()
)


def _with_roles(goal: str, roster: Roster) -> str:
    """Say the mentor and mentee by role: "Angela can check X" becomes "the mentee can check X"."""
    for forms in name_forms(roster):
        if forms.role not in _ROLE_WORDS:
            continue
        names = sorted(forms.any_case | forms.as_name, key=len, reverse=True)
        if not names:
            continue
        body = "|".join(re.escape(n) for n in names)
        pattern = re.compile(rf"(?<![\w'’])(?:{body})(?P<own>['’]s)?(?![\w'’])")
        role = _ROLE_WORDS[forms.role]
        goal = pattern.sub(lambda m: role + ("'s" if m["own"] else ""), goal)  # noqa: B023
    return goal


def goal_words(goal: str, roster: Roster, notes: str, avoid: frozenset[str]) -> str:
    """A goal in at most MAX_GOAL_WORDS plain words, ending where a phrase can end."""
    text = mask_people(_with_roles(goal, roster))
    whole = plain_words(text, avoid, len(text.split()))
    limit = MAX_GOAL_WORDS
    said = plain_words(text, avoid, limit)
    # The goal is often written in the notes too; the release gate refuses a copied run.
    while limit > MIN_GOAL_WORDS and copies(said, notes):
        limit -= 1
        said = plain_words(text, avoid, limit)
    # A cut mid-clause ("build a dashboard that managers can") gives way to a shorter reading.
    if said != whole and not ends_on_noun(said, text):
        for reading in shortenings(text):
            shorter = plain_words(reading, avoid, len(reading.split()))
            if MIN_GOAL_WORDS <= len(shorter.split()) <= limit and not copies(shorter, notes):
                return shorter
    return said if len(said.split()) >= MIN_GOAL_WORDS else ""


def _stems(text: str) -> set[str]:
    """The stems of what a text is about, without who."""
    return set(tokenize(text)) - _WHO


def _share(goal: set[str], text: set[str]) -> float:
    return len(goal & text) / len(goal)


def _did_work(sentence: str) -> bool:
    """Tell whether a sentence reports work done ("we built a first version"), not speech."""
    for token in parsed(sentence):
        if token.dep_ == "ROOT" and token.tag_ == "VBD" and token.lemma_ not in _SAYING:
            return any(c.dep_ == "nsubj" for c in token.children)
    return False


def goal_status(goal: set[str], sentences: Sequence[Sentence], acted: set[str]) -> str:
    """Progressed (work planned or done on it), discussed, or not discussed, from the notes."""
    if not goal:
        return "not discussed"
    if _share(goal, acted) >= PLANNED_SHARE:
        return "progressed"
    said = [_stems(s.text) for s in sentences]
    # A sentence that only restates the goal says it was set, not worked on.
    done = [
        s.text
        for s, stems in zip(sentences, said, strict=True)
        if min(2, len(goal)) <= len(goal & stems) and _share(goal, stems) < RESTATED
    ]
    if any(_did_work(t) for t in done):
        return "progressed"
    shared = len(goal & set().union(*said)) if said else 0
    if shared / len(goal) >= DISCUSSED_SHARE or shared >= DISCUSSED_WORDS:
        return "discussed"
    return "not discussed"


def subject_counts(notes: str) -> dict[str, int]:
    """How often the notes name each knowledge topic."""
    return {label: len(p.findall(notes)) for label, p in topic_patterns().items()}


def on_subject(goal: str, counts: dict[str, int]) -> bool:
    """Tell whether a goal names the knowledge topic the notes talk about most."""
    # Words alone miss it: "a professional presence on LinkedIn" shares one word with notes
    # about drafting a post and accounts to follow, yet both are social media.
    named = matching(topic_patterns(), goal)
    top = max(counts.values(), default=0)
    return bool(named) and top >= SUBJECT_HITS and any(counts[label] == top for label in named)


def _status(
    goal: str, roster: Roster, sentences: Sequence[Sentence], acted: str, counts: dict[str, int]
) -> str:
    """A goal's status from its words, raised when the session's subject is the goal's."""
    status = goal_status(_stems(_with_roles(goal, roster)), sentences, _stems(acted))
    if status == "progressed" or not on_subject(goal, counts):
        return status
    # The whole session was on the goal's subject: commitments there are work planned on it.
    return "progressed" if acted.strip() else "discussed"


def goal_progress(
    request: SummaryRequest,
    sentences: Sequence[Sentence],
    acted: str,
    avoid: frozenset[str],
) -> list[GoalProgress]:
    """Say each stated goal in plain words with whether the session moved it."""
    roster = Roster.from_request(request)
    counts = subject_counts(request.notes)
    result: list[GoalProgress] = []
    for goal in request.goals:
        if not goal.strip():
            continue
        status = _status(goal, roster, sentences, acted, counts)
        said = goal_words(goal, roster, request.notes, avoid) or "a stated goal"
        result.append(GoalProgress(goal=said, status=status))  # type: ignore[arg-type]
    return result
