"""Whether a pair may need a coordinator's help, and why, from dates and the notes' own words."""

from __future__ import annotations

import re
from datetime import date

from coach.models import SummaryRequest
from coach.offline.outsiders import outsider_pries
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
# A commitment missed across sessions said in other words: "once more it was not done",
# "the second meeting he cancelled", "skipped it every week since".
_UNMET_AGAIN = re.compile(
    r"(?:^|[;:]\s*)(?:once more|yet again|again),?\s+(?:\w+\s+){0,4}(?:had not|hadn't|has not|"
    r"hasn't|didn't|did not|wasn't|was not|were not|weren't)\b"
    r"|\bsame as (?:the )?last (?:two |three )?(?:times?|sessions?|weeks?)\b.*\b(?:not|n't)\b"
    r"|\b(?:skipp|miss|dodg)(?:ed|ing) (?:\w+ ){0,3}every (?:week|session|time)\b"
    r"|\b(?:second|third|fourth|fifth) (?:session|meeting|call|catch-up)s? (?:that )?(?:\w+ )?"
    r"(?:has |had )?(?:cancell?ed|missed|skipped|postponed|dropped)\b",
    re.IGNORECASE,
)
_LEAK = re.compile(r"\bleak", re.IGNORECASE)
# Asking that something stay out of the record: "she asked me not to put this in the notes".
_OFF_RECORD = re.compile(
    r"\b(?:asked|asks|ask|wants?|wanted|prefers?|preferred|please)\s+(?:me\s+|us\s+|that\s+I\s+)?"
    r"(?:not to|to not|don't|do not)\s+(?:write|put|include|record|mention|share|note|repeat)\b"
    r"|\b(?:leave|keep) (?:this|that|it) (?:out of|off) (?:the |our )?(?:notes|summary|record|"
    r"write-up|minutes)\b|\b(?:don't|do not|didn't) (?:write|put) (?:this|that|it) (?:down|in)\b",
    re.IGNORECASE,
)
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


# Not being able to voice disagreement to the other member: an inability, then a way of
# voicing it ("I don't feel I can push back", "I didn't dare challenge her").
_CANNOT = (
    r"(?:can't|cannot|can not|couldn't|could not|"
    r"(?:don't|doesn't|do not|does not|didn't|did not) feel (?:I|we|he|she|they) (?:can|could)|"
    r"(?:don't|didn't|did not|wouldn't|would not) dare(?: to)?|daren't|dared not|"
    r"not (?:able|free|safe) to|(?:afraid|scared|too nervous) to)"
)
_VOICE = (
    r"(?:push(?:ing)? back|say no|disagree|challenge|object|argue|contradict|refuse|question|"
    r"speak (?:up|freely|my mind)|be (?:honest|candid|frank|open)|tell (?:him|her|them) the truth)"
)
_UNVOICED = re.compile(
    rf"\b{_CANNOT} (?:really |just |ever )?{_VOICE}\b|\b(?:had|felt I had|have) no choice but to "
    r"(?:agree|go along|say yes)\b|\boutrank\w*",
    re.IGNORECASE,
)
# One member deciding the other's standing: "he decides my bonus", "she signs off my review".
_RANKS_ME = re.compile(
    r"\b(?:decides?|controls?|signs? off|approves?|sets?|chairs?|sits? on|writes?)\s+(?:my|our)\s+"
    r"(?:\w+\s+){0,2}(?:bonus|pay|rating|review|appraisal|promotion|probation|contract|calibration|"
    r"panel|board)\b",
    re.IGNORECASE,
)
# A gap the notes state: "first time we've met in three months", "ten weeks since we met".
_NUMBERS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
_GAP_SAID = re.compile(
    r"\b(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<unit>weeks?|months?)\b",
    re.IGNORECASE,
)
_MEETING = re.compile(
    r"\b(?:met|meet|meeting|seen each other|see each other|session|sessions|spoke|caught up|"
    r"catch-up|since (?:our|we|the) (?:last|previous))\b",
    re.IGNORECASE,
)
# Said of the time already gone by, not of a plan ("we next meet in two months").
_GAP_CONTEXT = re.compile(
    r"\b(?:first (?:time|session|chance)|haven't|hadn't|have not|had not|didn't|did not|"
    r"no sessions?|since (?:our|we|the) (?:last|previous)|last (?:met|spoke|saw)|ago|without)\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(r"\b(?:will|'ll|next|going to|plan\w*|every|until|book\w*)\b", re.I)


def support_reasons(request: SummaryRequest) -> list[str]:
    """Return why the pair may need a coordinator's help, in fixed words."""
    notes = request.notes
    sentences = [s.text for s in split_sentences(notes)]
    reasons: list[str] = []
    if _gap_weeks(request) > SUPPORT_GAP_WEEKS:
        reasons.append(f"no session for more than {SUPPORT_GAP_WEEKS} weeks")
    elif any(map(_gap_said, sentences)):
        reasons.append("a long gap between sessions was mentioned")
    if _UNMET.search(notes) or any(_UNMET_AGAIN.search(s) for s in sentences):
        reasons.append("commitments or sessions repeatedly missed")
    if (
        CHALLENGE_PATTERNS["power-dynamics"].search(notes)
        or _NOT_SAFE.search(notes)
        or _UNVOICED.search(notes)
        or _RANKS_ME.search(notes)
    ):
        reasons.append("a power-dynamics concern was raised")
    pair = [request.mentor_name, request.mentee_name]
    if (
        _CONFIDENTIAL.search(notes)
        or _OFF_RECORD.search(notes)
        or any(map(_leaks_information, sentences))
        or any(map(_asked_to_report, sentences))
        or any(outsider_pries(s, pair) for s in sentences)
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


def _gap_said(sentence: str) -> bool:
    """The sentence says the pair have not met for longer than SUPPORT_GAP_WEEKS."""
    if not (_MEETING.search(sentence) and _GAP_CONTEXT.search(sentence)):
        return False
    if _PLANNED.search(sentence):
        return False
    for found in _GAP_SAID.finditer(sentence):
        n = found["n"].lower()
        count = int(n) if n.isdigit() else _NUMBERS[n]
        weeks = count * (4.3 if found["unit"].lower().startswith("month") else 1)
        if weeks > SUPPORT_GAP_WEEKS:
            return True
    return False


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
