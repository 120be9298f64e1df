"""Offline discussion prompts: the question bank first, then questions built on its concepts."""

from __future__ import annotations

from coach.knowledge.documents import bullets
from coach.knowledge.models import Passage
from coach.models import DiscussionQuestion, PromptsDraft, PromptsRequest
from coach.offline.topics import Sourced, asked_by, asker_for, read_topic
from coach.text import (
    DUPLICATE_JACCARD,
    in_sentence,
    is_open,
    mid_sentence,
    similarity,
    tokenize,
)

# (first word of the question, [(purpose, follow-up), ...]): the follow-up digs where the opener
# points; each opener has more than one pair so that one answer never repeats a purpose.
_STYLES: dict[str, list[tuple[str, str]]] = {
    "what": [
        (
            "Surface the mentee's current experience and assumptions.",
            "What is a recent example of that from your own week?",
        ),
        (
            "Find out what the mentee expects or hopes for, in their own words.",
            "What would tell you it had worked?",
        ),
        (
            "Name what is really in the way, so the next step is concrete.",
            "What is one small thing you could try before we next meet?",
        ),
    ],
    "how": [
        (
            "Make the mentee's way of working visible so you can compare approaches.",
            "How would that look if you tried it in your team tomorrow?",
        ),
        (
            "Turn the idea into a practical plan the mentee owns.",
            "What would you need from me or your team to do that?",
        ),
    ],
    "which": [
        (
            "Help the mentee prioritize where to start.",
            "What makes that one stand out from the others?",
        ),
    ],
    "where": [
        (
            "Locate the concrete places in the mentee's work where this applies.",
            "Who else would notice if that changed?",
        ),
    ],
    "when": [
        (
            "Pin down the moments where a decision or habit comes into play.",
            "What happened the last time that came up?",
        ),
    ],
    "why": [
        (
            "Bring the mentee's motivations and doubts into the open.",
            "What would change your mind about that?",
        ),
    ],
    "walk": [
        (
            "Get a step-by-step picture instead of a summary.",
            "Which step would you most like to do differently?",
        ),
    ],
    "in": [
        (
            "Widen the view to effects the mentee may not have considered.",
            "Which of those effects matters most to you, and why?",
        ),
    ],
}
_DEFAULT = [
    (
        "Open up the topic from the mentee's point of view.",
        "What would a good outcome look like for you here?",
    ),
    (
        "Let the mentee reflect before you offer your own view.",
        "What surprised you most as you thought about it?",
    ),
]


_ANY = _DEFAULT + [pair for pairs in _STYLES.values() for pair in pairs]


def _styles(questions: list[str]) -> list[tuple[str, str]]:
    """A purpose and follow-up for each question, by its opener, none repeated in one answer."""
    chosen: list[tuple[str, str]] = []
    for question in questions:
        first = question.split()[0].lower() if question.split() else ""
        fresh = [o for o in _STYLES.get(first, _DEFAULT) if o not in chosen]
        fresh = fresh or [o for o in _ANY if o not in chosen] or _DEFAULT
        chosen.append(fresh[0])
    return chosen


# Rotated so that questions built on neighbouring concepts do not read as near-duplicates.
_CONCEPT_FORMS = [
    "How could {term} show up in the work of your own team?",
    "Where have you already seen {term} help or hurt in your area?",
    "What would you decide differently this quarter if you took {term} seriously?",
    "Which recent example of {term} from your organisation stands out to you, and why?",
    "What questions would you want answered before relying on {term}?",
]
_PITFALL_FORM = "What would help you and your team avoid this trap: {term}?"


def _from_concept(concept: Sourced, index: int) -> Sourced:
    term = in_sentence(concept.text.split(":", 1)[0].strip())
    form = _CONCEPT_FORMS[index % len(_CONCEPT_FORMS)]
    return Sourced(form.format(term=term), concept.source)


def _from_pitfall(pitfall: Sourced) -> Sourced:
    term = in_sentence(pitfall.text.split(":", 1)[0].strip())
    return Sourced(_PITFALL_FORM.format(term=term), pitfall.source)


# A challenge file's remedies are imperative phrases ("Let the mentor own the agenda"): each
# becomes a question about trying it, worded in turn so that no two read as near-duplicates.
_REMEDY_FORMS = [
    "What would it take for the two of us to {term}?",
    "How could we {term}, starting with our next session?",
    "What might get in the way if we tried to {term}?",
    "Where would it help us most to {term}?",
]
_WHY_FORM = "Why do you think a pairing like ours runs into {term}?"


def _from_challenge(chunks: list[Passage], wanted: set[str]) -> list[Sourced]:
    """Questions on a challenge the pair meets: why it happens to them, then its remedies."""
    out = [
        Sourced(_WHY_FORM.format(term=in_sentence(c.title)), c.id)
        for c in chunks
        if c.heading == "Why it happens"
    ]
    remedies = [
        Sourced(b.split(": ", 1)[0].rstrip("."), c.id)
        for c in chunks
        if c.heading == "Remedies"
        for b in bullets(c.text)
    ]
    remedies.sort(key=lambda r: -len(set(tokenize(r.text)) & wanted))
    for i, remedy in enumerate(remedies):
        term = remedy.text[0].lower() + remedy.text[1:]
        out.append(Sourced(_REMEDY_FORMS[i % len(_REMEDY_FORMS)].format(term=term), remedy.source))
    return out


# A guideline's sections are named for what a pair does ("Booking the series in advance") or
# meets ("When commitments keep slipping"); such a heading becomes a question, in turn worded
# apart. Headings of another shape ("Principles of useful feedback") are left to the bank.
_DOING_FORMS = ["How should we go about {term}?", "What would help us with {term}?"]
_WHEN_FORM = "What should we do {term}?"


def _section_question(heading: str, index: int) -> str | None:
    term = in_sentence(heading)
    first = term.split(" ", 1)[0]
    if first == "when":
        return _WHEN_FORM.format(term=term)
    if first.endswith("ing") and len(first) > 5:
        return _DOING_FORMS[index % len(_DOING_FORMS)].format(term=term)
    return None


def _from_guideline(chunks: list[Passage], wanted: set[str]) -> list[Sourced]:
    """The file's own question lists, then a question on each section named for a practice.

    Only a section headed as questions ("Reflection questions for the final session") counts:
    elsewhere a "?" item is an example phrasing (a rewrite, a reply), not a prompt for the pair.
    """
    asked = [
        Sourced(b, c.id)
        for c in chunks
        if "question" in c.heading.lower()
        for b in bullets(c.text)
        if b.endswith("?")
    ]
    asked.sort(key=lambda q: -len(set(tokenize(q.text)) & wanted))
    sections = sorted(chunks, key=lambda c: -len(set(tokenize(f"{c.heading} {c.text}")) & wanted))
    built = [
        Sourced(question, c.id)
        for i, c in enumerate(sections)
        if (question := _section_question(c.heading, i))
    ]
    return asked + built


def candidates(request: PromptsRequest, passages: list[Passage]) -> list[Sourced]:
    """Question bank items ranked by goal relevance, then concept-based questions as reserve.

    A session about the relationship itself (its file a guideline or a challenge) draws on that
    file alone: another topic's question bank would be off the subject.
    """
    whole = [p for p in passages if p.score == 0.0]
    if whole and whole[0].kind != "topic":
        wanted = set(tokenize(" ".join([request.topic, *request.goals])))
        build = _from_challenge if whole[0].kind == "challenge" else _from_guideline
        return build(whole, wanted)
    material = read_topic([p for p in whole if p.kind == "topic"])
    wanted = set(tokenize(" ".join(request.goals)))
    bank = material.questions_for(request.audience) if material else []
    own = len(bank)
    concepts = list(material.concepts) if material else []
    pitfalls = material.pitfalls if material else []
    asker = asker_for(request.audience)
    for p in passages:  # question banks of related topics, when the main one runs short
        related = not material or p.doc_id != material.doc_id
        banked = p.heading.startswith("Question bank") and asker in (None, asked_by(p.heading))
        if related and banked:
            by = asked_by(p.heading)  # "both" takes either list, each question with its asker
            bank += [Sourced(b, p.id, by) for b in bullets(p.text) if b.endswith("?")]
        if related and p.heading == "Key concepts":
            concepts += [Sourced(b, p.id) for b in bullets(p.text)]
    # The topic's own questions first; a related topic's only after them, so that a goal word
    # ("team") cannot lift another topic's question above this one's.
    ranked = [
        q
        for part in (bank[:own], bank[own:])
        for q in sorted(part, key=lambda q: -len(set(tokenize(q.text)) & wanted))
    ]
    built = [_from_concept(c, i) for i, c in enumerate(concepts)]
    return ranked + built + [_from_pitfall(p) for p in pitfalls]


# When the knowledge base is thin on a topic: questions that fit any topic, worded apart so
# that no two read as near-duplicates, more of them than the largest count one may ask for.
_GENERAL = [
    "What first comes to mind when you hear {topic}?",
    "Where does this subject already touch your daily work?",
    "What would you like to be able to do differently after our sessions on it?",
    "Which part of it feels most unfamiliar or uncomfortable to you?",
    "How do people on your team talk about it today?",
    "What have you already tried here, and what happened?",
    "Who in your organisation handles this well, and what do they do?",
    "What worries you most about getting this wrong?",
    "How would you explain the idea to a colleague who has never heard of it?",
    "What small experiment could we try before our next session?",
    "Why does this matter for your role right now?",
    "Which habits of yours help or get in the way here?",
    "What would a good outcome look like for you six months from now?",
    "How could I make this easier for you to learn?",
    "What question about it have you been hesitant to ask?",
    "When did you last change your mind about something like this?",
    "Which tools or resources have you come across so far?",
    "What do your customers or clients expect from you on this?",
]


def _general(request: PromptsRequest, passages: list[Passage]) -> list[Sourced]:
    """Topic-agnostic questions, citing the passage retrieval ranked closest to the topic."""
    if not passages:
        return []
    ranked = [p for p in passages if p.score > 0.0] or passages
    return [Sourced(q.format(topic=mid_sentence(request.topic)), ranked[0].id) for q in _GENERAL]


def _select(pool: list[Sourced], count: int, chosen: list[Sourced]) -> list[Sourced]:
    """Add open questions from the pool that are not near-duplicates, up to count."""
    for candidate in pool:
        if len(chosen) == count:
            break
        if is_open(candidate.text) and all(
            similarity(candidate.text, c.text) < DUPLICATE_JACCARD for c in chosen
        ):
            chosen.append(candidate)
    return chosen


def thin_knowledge(request: PromptsRequest, passages: list[Passage]) -> list[str]:
    """A notice when the knowledge base has fewer questions on the topic than were asked for."""
    found = len(_select(candidates(request, passages), request.count, []))
    if found >= request.count:
        return []
    return [
        f"The knowledge base has little on {request.topic!r}: {request.count - found} of "
        f"{request.count} questions are general ones, not drawn from its material."
    ]


def compose_prompts(request: PromptsRequest, passages: list[Passage]) -> PromptsDraft:
    """Exactly `count` open, distinct, grounded questions, each with purpose and follow-up."""
    chosen = _select(candidates(request, passages), request.count, [])
    chosen = _select(_general(request, passages), request.count, chosen)
    questions = []
    for c, (purpose, follow) in zip(chosen, _styles([c.text for c in chosen]), strict=True):
        asker = c.asker or asker_for(request.audience) or "mentor"
        if asker == "mentee":  # the purposes are written for the mentee answering
            purpose = purpose.replace("the mentee", "the mentor")
        if asker == "mentee" or request.audience == "both":
            purpose = f"For the {asker} to ask: " + purpose[0].lower() + purpose[1:]
        questions.append(
            DiscussionQuestion(
                question=c.text, purpose=purpose, follow_up=follow, sources=[c.source]
            )
        )
    return PromptsDraft(questions=questions)
