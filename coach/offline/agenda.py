"""Offline agenda: check-in, exercises from the topic file sized to fit, discussion, wrap-up."""

from __future__ import annotations

import re

from coach.knowledge.models import Passage
from coach.models import AgendaDraft, AgendaItem, AgendaRequest
from coach.offline.guide import guide_items
from coach.offline.topics import Exercise, Sourced, TopicMaterial, body, read_topic
from coach.text import in_sentence, leading_sentences, split_sentences, tokenize

_COMMITMENT = re.compile(
    r"[^.\n]*\b(will|commit\w*|agreed|next time|by (the )?next)\b[^.\n]*", re.I
)


# An exercise heading's nominal length, "(15 min)": not part of its name.
_MINUTES_TAG = re.compile(r"\(\d{1,3}\s*min\)\s*$")


def split_minutes(total: int, weights: list[int]) -> list[int]:
    """Largest-remainder split of total minutes in proportion to weights; sums exactly."""
    scale = total / sum(weights)
    raw = [w * scale for w in weights]
    parts = [max(1, int(r)) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - int(raw[i]), reverse=True)
    i = 0
    while sum(parts) != total:
        step = 1 if sum(parts) < total else -1
        j = order[i % len(order)]
        if parts[j] + step >= 1:
            parts[j] += step
        i += 1
    return parts


# A goal's words in a title ("write a first post" against "First post from a real story") say
# more than the same words somewhere in a body, which shares most of them with its siblings.
_TITLE_WEIGHT = 2.0


def goal_order(texts: list[str], goals: list[str], titles: list[str] | None = None) -> list[int]:
    """Indexes of texts, the best match for each goal first in turn, then by their total match.

    BM25 over the candidates themselves, so a word most of them share ("read") counts for little
    and a rare one ("profile") decides; with titles, a match in the title counts _TITLE_WEIGHT
    times. Each goal gets its own best text before a second one is taken for any goal. Without
    goals, the file's order.
    """
    if not goals or not texts:
        return list(range(len(texts)))
    from rank_bm25 import BM25Okapi

    fields = [(texts, 1.0)] + ([(titles, _TITLE_WEIGHT)] if titles else [])
    indexes = [(BM25Okapi([tokenize(t) or ["-"] for t in field]), w) for field, w in fields]
    per_goal = [
        [float(x) for x in sum(w * b.get_scores(tokenize(g)) for b, w in indexes)] for g in goals
    ]
    total = [sum(scores[i] for scores in per_goal) for i in range(len(texts))]
    order: list[int] = []
    for scores in per_goal:
        best = max(
            (i for i in range(len(texts)) if i not in order and scores[i] > 0),
            key=lambda i: scores[i],
            default=None,
        )
        if best is not None:
            order.append(best)
    rest = sorted((i for i in range(len(texts)) if i not in order), key=lambda i: -total[i])
    return order + rest


def pick_exercises(material: TopicMaterial, goals: list[str], minutes: int) -> list[Exercise]:
    """Exercises most related to the goals, as many as fit the time (at least one)."""
    order = goal_order(
        [e.text for e in material.exercises], goals, [e.name for e in material.exercises]
    )
    chosen: list[Exercise] = []
    for exercise in (material.exercises[i] for i in order):
        if chosen and sum(e.minutes for e in chosen) + exercise.minutes > minutes:
            continue
        chosen.append(exercise)
    return chosen


# Goals of understanding ("understand consent and cookies") are for the discussion, not for
# hands-on practice; spaCy tags them as verbs like any other, so their lemmas are listed here.
_THINKING = frozenset({"understand", "know", "learn", "see", "hear", "realise", "realize", "feel"})


def _unserved_goal(goals: list[str], exercises: list[Exercise]) -> str | None:
    """The first goal that is a task to do and that no exercise touches by any of its nouns."""
    from coach.language.nlp import parse

    covered = set(tokenize(" ".join(f"{e.name} {e.text}" for e in exercises)))
    for goal in goals:
        doc = parse(goal)
        nouns = [t.text for t in doc if t.pos_ in ("NOUN", "PROPN")]
        if not doc or doc[0].pos_ != "VERB" or doc[0].lemma_.lower() in _THINKING or not nouns:
            continue
        if not set(tokenize(" ".join(nouns))) & covered:
            return goal
    return None


def _practice(goal: str, guide: Passage) -> AgendaItem:
    """A block for a goal no exercise serves: the mentee does it, the mentor coaches."""
    steps = [s.text for s in split_sentences(body(guide.text)) if not s.text.startswith("Example")]
    return AgendaItem(
        title=f"Practice: {goal[0].upper()}{goal[1:]}",
        minutes=20,
        lead="mentee",
        notes=leading_sentences(" ".join(steps[1:]) or guide.text, 300),
        sources=[guide.id],
    )


def _check_in(request: AgendaRequest, source: list[str]) -> AgendaItem:
    if request.session_number > 1 and request.previous_summary:
        promises = [m.group(0).strip() for m in _COMMITMENT.finditer(request.previous_summary)]
        notes = (
            "Review last session's commitments: "
            + ("; ".join(promises[:3]) if promises else "what each of you tried since last time")
            + ". What worked, what got in the way?"
        )
        return AgendaItem(
            title="Check-in and review of last session's commitments",
            minutes=1,
            lead="both",
            notes=notes,
            sources=source,
        )
    if request.session_number == 1:
        return AgendaItem(
            title="Check-in: introductions and ground rules",
            minutes=1,
            lead="both",
            notes="Agree confidentiality, how to give each other feedback, and "
            "what each of you hopes to get from the program.",
            sources=source,
        )
    return AgendaItem(
        title="Check-in",
        minutes=1,
        lead="both",
        notes="How has the week been? Anything from last time worth revisiting?",
        sources=source,
    )


def _discussion(material: TopicMaterial, goals: list[str]) -> AgendaItem:
    """Open questions the mentor asks, and one the mentee asks back when the bank has one."""
    back = _by_goals(material.mentee_questions, goals)[:1]
    asked = _by_goals(material.questions, goals)[: 3 - len(back)]
    notes = "Open questions for the mentee: " + " ".join(q.text for q in asked)
    if back:
        notes += " And for the mentee to ask in turn: " + back[0].text
    return AgendaItem(
        title=f"Discussion: {in_sentence(material.title)} in the mentee's world",
        minutes=10,
        lead="mentor",
        notes=notes,
        sources=sorted({q.source for q in asked + back}),
    )


def _by_goals(questions: list[Sourced], goals: list[str]) -> list[Sourced]:
    return [questions[i] for i in goal_order([q.text for q in questions], goals)]


def _wrap_up(sources: list[str]) -> AgendaItem:
    return AgendaItem(
        title="Wrap-up: next steps and two-way feedback",
        minutes=1,
        lead="both",
        notes="Agree one or two commitments with an owner and a date. Then each of you says one "
        "thing that helped in this session and one thing to change next time.",
        sources=sources,
    )


def _ids(passages: list[Passage], pattern: str) -> list[str]:
    return [p.id for p in passages if re.search(pattern, f"{p.title} {p.heading}", re.I)][:1]


def _generic_items(passages: list[Passage]) -> list[AgendaItem]:
    """Without a topic file: one block per retrieved passage that is not about session shape."""
    usable = [p for p in passages if p.kind in ("topic", "challenge", "guideline")][:3]
    return [
        AgendaItem(
            title=f"Explore: {_MINUTES_TAG.sub('', p.heading.split(' > ')[-1]).strip()}",
            minutes=15,  # a nominal share: _fit splits the session's minutes in proportion
            lead="mentor",
            notes=leading_sentences(p.text, 300),
            sources=[p.id],
        )
        for p in usable
    ]


def compose_agenda(request: AgendaRequest, passages: list[Passage]) -> AgendaDraft:
    """Build an agenda whose minutes add up exactly to the duration."""
    # The file the session is about arrives whole (score 0): a topic, or a guideline or challenge.
    whole = [p for p in passages if p.score == 0.0]
    material = read_topic([p for p in whole if p.kind == "topic"])
    check_in = _check_in(request, _ids(passages, r"check-in|first session|review|commitment"))
    wrap = _wrap_up(_ids(passages, r"feedback exchange|session structure|feedback"))
    budget = request.duration_minutes - 10
    if material and material.exercises:
        exercises = pick_exercises(material, request.goals, max(10, int(budget * 0.7)))
        middle = [
            AgendaItem(
                title=e.name,
                minutes=e.minutes,
                lead="both",
                notes=leading_sentences(e.text, 400),
                sources=[e.source],
            )
            for e in exercises
        ]
        practice = next((p for p in passages if p.heading == "Practice"), None)
        goal = _unserved_goal(request.goals, material.exercises)
        if goal and practice:
            middle.insert(1, _practice(goal, practice))
        if material.questions and request.duration_minutes >= 30:
            middle.append(_discussion(material, request.goals))
    elif whole:
        middle = guide_items(whole, request.goals, request.topic)
    else:
        middle = _generic_items(passages)
    items = [check_in, *middle, wrap]
    items = _fit(items, request.duration_minutes)
    # A guideline or challenge names the session; a template ("Feedback exchange template") does
    # not, so the topic as typed does.
    guide = whole[0].title if whole and whole[0].kind != "template" else request.topic
    title = material.title if material else guide
    return AgendaDraft(
        title=f"Session {request.session_number}: {title}",
        objectives=_objectives(request, material),
        items=items,
        preparation=_preparation(material),
        follow_up=[
            "Write up commitments with owner and date the same day.",
            "Share the session summary with each other before releasing it.",
        ],
    )


def _fit(items: list[AgendaItem], duration: int) -> list[AgendaItem]:
    """Drop middle items that cannot get a useful share of the time, then split the minutes."""
    while len(items) > 3 and duration / len(items) < 6:
        items = [*items[:-2], items[-1]]
    nominal = [max(item.minutes, 1) for item in items]
    nominal[0] = nominal[-1] = max(5, sum(nominal[1:-1]) // 6)
    return [
        item.model_copy(update={"minutes": m})
        for item, m in zip(items, split_minutes(duration, nominal), strict=True)
    ]


def _objectives(request: AgendaRequest, material: TopicMaterial | None) -> list[str]:
    goals = list(request.goals[:3])
    if material:
        order = goal_order([o.text for o in material.objectives], goals)
        goals += [material.objectives[i].text for i in order[: max(1, 3 - len(goals))]]
    return goals or [f"Make practical progress on {request.topic}."]


def _preparation(material: TopicMaterial | None) -> list[str]:
    prep = ["Mentee: bring one real example from this week that the topic touches."]
    if material and material.pitfalls:
        prep.append(
            f"Mentor: be ready to steer around a common pitfall: {material.pitfalls[0].text}"
        )
    return prep
