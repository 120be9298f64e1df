"""Whether a pair may need a coordinator's help, and why, from dates and the notes' own words."""

from __future__ import annotations

import re
from datetime import date

from coach.models import SummaryRequest
from coach.offline.vocab import CHALLENGE_PATTERNS
from coach.text import split_sentences

# Sessions further apart than this suggest the pair has stalled.
SUPPORT_GAP_WEEKS = 6

# Raising a flag wants the notes' own words, not a resemblance: a resemblance to "my boss asked
# about our sessions" also catches "my boss asked about the slides". The cues are regular
# expressions because each is a short fixed phrase of program life (no library lists them);
# the two-part ones must meet in one sentence, which is what keeps near-misses out.
_CONFIDENTIAL = re.compile(
    r"\b(?:confidential(?:ity)?|off the record|not (?:to|for) (?:be )?shar\w*|keep (?:this|it) "
    r"between us|word (?:got|went) (?:out|around|round)|uncomfortable sharing|"
    r"pressur(?:e|ed) (?:me|him|her|them) to)\b",
    re.IGNORECASE,
)
_UNMET = re.compile(
    r"\b(?:(?:still|again)\s+(?:hasn't|haven't|didn't|did not|has not|not)|didn't\s+\w+\s+again"
    r"|(?:second|third|fourth|fifth)\s+(?:time|session|week|meeting)s?\s+(?:running|in a row|"
    r"straight)|(?:second|third)\s+time\s+(?:that|it|we|he|she|they)?|(?:cancell?ed|moved|"
    r"postponed)\s+(?:again|twice|(?:two|three)\s+times)|twice\s+in\s+a\s+row|in a row|"
    r"keeps?\s+(?:finding reasons|putting (?:it|this|that) off|cancell?ing|forgetting))\b",
    re.IGNORECASE,
)
_LEAK = re.compile(r"\bleak", re.IGNORECASE)
# Someone asking one of the pair to pass on what happens in the sessions.
_ASKED = re.compile(r"\b(?:ask\w*|want\w*|expect\w*|push\w*|request\w*)\b", re.IGNORECASE)
_PASS_ON = re.compile(
    r"\b(?:report\w*|write[- ]?(?:\w+ )?up|feed ?back|brief\w*|(?:drop|send|give) (?:\w+ )?"
    r"(?:an? )?(?:\w+ )?(?:note|update|summary|rundown)|pass (?:it |that |this )?on|"
    r"tell (?:him|her|them))\b",
    re.IGNORECASE,
)
_ABOUT_SESSIONS = re.compile(
    r"\b(?:how \w+ (?:is|was|'s) (?:getting on|doing|progressing|coping)|what (?:\w+ )?(?:is|are|"
    r"was|were|has been|have been|'s|we(?:'ve| have)?(?: been)?) (?:\w+ )?(?:struggl|work|discuss|"
    r"talk|cover|shar)\w*|(?:our|the|these|my|his|her) (?:mentoring )?sessions?)\b",
    re.IGNORECASE,
)
# The note-taker wanting the program's people to know or to step in.
_PROGRAM = re.compile(
    r"\b(?:coordinator|(?:programme|program|scheme) (?:team|lead|office|manager|organi[sz]ers?))"
    r"\b",
    re.IGNORECASE,
)
# Asking the program to act is a call for help in itself; telling it, only beside a worry.
_STEP_IN = re.compile(
    r"\b(?:handle (?:it|this|that)|step in|intervene|escalat\w*|get involved)\b", re.IGNORECASE
)
_TELL = re.compile(
    r"\b(?:needs? to know|flag\w*|raise (?:it|this|that)|mention (?:it|this|that)|double[- ]check|"
    r"check (?:it|this|that) with|ask (?:the|our) coordinator|talk to (?:the|our) coordinator)\b",
    re.IGNORECASE,
)
# Words of unease anywhere in the notes.
_WORRY = re.compile(
    r"\b(?:worr\w*|bother\w*|uncomfortable|awkward|concern\w*|upset\w*|uneasy|not (?:okay|ok|"
    r"right|fair)|don't want|didn't like|unsure|not sure)\b",
    re.IGNORECASE,
)
# Fear of what the other member can do to one's standing: rank made personal.
_NOT_SAFE = re.compile(
    r"\b(?:(?:don't|do not|can't|cannot|couldn't) (?:feel (?:I|we) can|feel (?:able|safe) to|"
    r"really) (?:be )?(?:honest|open|speak (?:up|freely)|say no)|(?:afraid|scared|worried|fear\w*)"
    r" (?:of|about|that) (?:\w+ ){0,4}(?:repercussions?|reprisals?|consequences|my (?:rating|"
    r"review|appraisal|promotion|career|job))|labelled (?:as )?\"?difficult)\b",
    re.IGNORECASE,
)


def support_reasons(request: SummaryRequest) -> list[str]:
    """Return why the pair may need a coordinator's help, in fixed words."""
    notes = request.notes
    sentences = [s.text for s in split_sentences(notes)]
    reasons: list[str] = []
    if _gap_weeks(request) > SUPPORT_GAP_WEEKS:
        reasons.append(f"no session for more than {SUPPORT_GAP_WEEKS} weeks")
    if _UNMET.search(notes):
        reasons.append("commitments or sessions repeatedly missed")
    if CHALLENGE_PATTERNS["power-dynamics"].search(notes) or _NOT_SAFE.search(notes):
        reasons.append("a power-dynamics concern was raised")
    if (
        _CONFIDENTIAL.search(notes)
        or any(map(_leaks_information, sentences))
        or any(map(_asked_to_report, sentences))
    ):
        reasons.append("a confidentiality concern was raised")
    if _wants_coordinator(sentences):
        reasons.append("help from the program was asked for")
    return reasons


def _wants_coordinator(sentences: list[str]) -> bool:
    """The note-taker asks the program to step in, or tells it of something that worries them."""
    # Pairs write to the coordinator about rooms, dates and surveys too; telling it is a call
    # for help only in notes that voice some unease (held-out dev: a three-sentence window lost
    # two such calls whose worry was said further up).
    uneasy = any(_WORRY.search(s) for s in sentences)
    return any(
        _PROGRAM.search(s) and (_STEP_IN.search(s) or (uneasy and _TELL.search(s)))
        for s in sentences
    )


def _gap_weeks(request: SummaryRequest) -> float:
    """Weeks since the previous session, 0 when either date is unknown."""
    if not (request.session_date and request.previous_session_date):
        return 0.0
    days = date.fromisoformat(request.session_date) - date.fromisoformat(
        request.previous_session_date
    )
    return days.days / 7


def _asked_to_report(sentence: str) -> bool:
    """Someone outside the program asks for an account of the sessions or of one of the pair."""
    # The program itself asking for feedback on the sessions is how it is run, not a breach.
    return bool(
        _ASKED.search(sentence)
        and _PASS_ON.search(sentence)
        and _ABOUT_SESSIONS.search(sentence)
        and not _PROGRAM.search(sentence)
    )


def _leaks_information(sentence: str) -> bool:
    """'Leak' said of information ("it leaked", "a leak of the notes"), not of water or a chart."""
    if not _LEAK.search(sentence):
        return False
    from coach.language.nlp import parse

    return any(
        t.lemma_.lower() == "leak"
        and (
            t.pos_ == "VERB"
            or any(c.dep_ == "prep" and c.lower_ in ("of", "about") for c in t.children)
        )
        for t in parse(sentence)
    )
