"""Challenge categories read off what a sentence means, beyond the categories' own names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from coach.models import CHALLENGES, Challenge
from coach.offline.vocab import CHALLENGE_PATTERNS, matching
from coach.privacy.parses import parsed

# Hand-written because no library knows this taxonomy: each line is a way notes commonly say
# what a category's "Signs" section in knowledge/challenges/ describes, in words the category
# name does not use ("people my age" is a generational lens, "felt pressured" a power gap).
# Kept apart from vocab.CHALLENGE_CUES, whose power-dynamics cues also raise the support flag.
MEANING_CUES: dict[str, tuple[str, ...]] = {
    "fear-of-judgement": (
        r"what if (?:i|he|she|they|we) (?:get|got|mess|say|look)\w*", r"get(?:ting)? it wrong",
        r"out of touch", r"perfectionis\w*", r"count(?:s|ed)? against", r"mortified",
        r"judg(?:e|ed|es|ing|ement|ment)",
        r"(?:look|seem|sound)(?:s|ed)? (?:like )?(?:silly|stupid|foolish|clueless|weak)",
        r"in front of (?:the|his|her|their|my|our) \w+",
        r"(?:did|do|does)n['’]?t want to (?:look|seem|sound|admit)", r"scared", r"awkward",
        r"worried (?:about )?what (?:people|others|they|the \w+) (?:will |would )?think",
    ),
    "power-dynamics": (
        r"(?:very|quite|much|far|so|too|more) senior", r"(?:he|she|they)(?:['’]s| is| are) senior",
        r"senior (?:person|people|colleague|leaders?)", r"two levels", r"levels? above",
        r"reporting line", r"(?:felt|feel|feeling) (?:quite |a bit |very |really )?pressur\w*",
        r"i['’]?m (?:a |the |just a |only a )?(?:junior|graduate|trainee|apprentice|intern)\b",
        r"junior (?:analyst|colleague|member|person|staff|mentor)",
    ),
    "generational-differences": (
        r"people (?:my|your|his|her|our|their) age", r"(?:my|his|her|our|their) generation",
        r"(?:in|since|during) the (?:19)?[5-9]0s", r"\d{2}[- ]year[- ]olds?", r"twenty-?somethings",
        r"in (?:their|our|my|his|her) (?:teens|twenties|thirties|forties|fifties|sixties)",
        r"(?:younger|older) (?:people|staff|colleagues|generations?|employees|workers)",
    ),
    "lack-of-time": (
        r"busy (?:month|week|quarter|period|spell|season|time)", r"doing two jobs",
        r"(?:snowed under|swamped|stretched thin|over-?stretched|firefighting|at capacity)",
        r"(?:didn['’]?t|did not) have long", r"(?:had|have) to (?:leave|dash|run) (?:early|off)",
        r"ran out of time", r"no bandwidth", r"back[- ]to[- ]back",
    ),
    "scheduling-conflicts": (
        r"(?:\d+|ten|fifteen|twenty|half an hour) minutes late", r"last[- ]minute",
        r"time ?zones?", r"no time (?:of day )?that works",
    ),
    "uneven-acceptance": (
        r"(?:hasn['’]?t|haven['’]?t|has not|have not|never) (?:really )?engaged",
        r"(?:treat|treats|treated) it as (?:a suggestion|optional)", r"lip service",
        r"(?:others?|rest) (?:ignore|ignores|ignored|don['’]?t bother)", r"buy-?in",
    ),
    "resistance-to-change": (
        r"(?:the |our )?old (?:report|way|system|process|tool|one)s? (?:is|was|are|were) fine",
        r"(?:don['’]?t|doesn['’]?t|didn['’]?t) want (?:another|a new|to change)",
        r"set in (?:his|her|their|my|our) ways", r"why change", r"not (?:convinced|sold)",
    ),
    "inadequate-training": (
        r"nobody (?:ever )?(?:told|showed|taught|explained)", r"(?:never|wasn['’]?t|weren['’]?t) "
        r"(?:been )?(?:shown|taught|trained)", r"training (?:was|is) (?:just|only|a single|one)",
    ),
    "communication-styles": (
        r"hard to (?:read|follow)", r"long (?:paragraphs|messages)", r"(?:too )?(?:blunt|indirect)",
        r"(?:explain|talk|speak)s? (?:things )?(?:too )?(?:quickly|fast)", r"big picture",
    ),
}  # fmt: skip

MEANINGS = {
    label: re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.IGNORECASE)
    for label, parts in MEANING_CUES.items()
}


# A worry about how someone above will see you is fear of judgement across a power gap: "she is
# worried her director will judge her for working from home" is not resistance to change.
_WORRY = re.compile(
    r"(?<![\w-])(?:worr\w*|afraid|scared|nervous|anxious|fear\w*|judg\w*|dread\w*)(?![\w-])", re.I
)
_ABOVE = re.compile(
    r"(?<![\w-])(?:director|boss|bosses|chief|head of|board|vp|exec\w*|partners?|line manager|"
    r"(?:his|her|their|my|our) manager|senior \w+|leadership team)(?![\w-])",
    re.IGNORECASE,
)


# A person short of the time to give: "he has little time", "she doesn't have the bandwidth",
# "they lack capacity". Hand-listed: spaCy gives the grammar (who has what, negated or not) but
# no lexicon says which nouns are a person's time to give or which quantifiers mean "too little".
_TIME_NOUNS = frozenset("time bandwidth capacity headroom".split())
_SCANT = frozenset("little no less limited zero".split())
_HAVE = frozenset("have get find lack".split())
_PERSONS = frozenset("i we he she they you".split())


def _short_of_time(sentence: str) -> bool:
    """Tell whether someone in a sentence lacks the time to give (parse, not a phrase list)."""
    for token in parsed(sentence):
        if token.lemma_.lower() not in _TIME_NOUNS or token.dep_ not in ("dobj", "pobj"):
            continue
        verb = token.head.head if token.dep_ == "pobj" else token.head
        short = verb.lower_ == "short" and token.head.lower_ in ("of", "on")  # "short of time"
        if token.dep_ == "pobj" and not short:
            continue
        owner = verb.head if verb.dep_ == "acomp" else verb
        subject = next((c for c in owner.children if c.dep_ == "nsubj"), None)
        if subject is None or not (subject.lower_ in _PERSONS or subject.pos_ == "PROPN"):
            continue
        mods = {c.lower_ for c in token.children if c.dep_ in ("det", "amod")}
        negated = any(c.dep_ == "neg" for c in owner.children)
        scarce = bool(mods & _SCANT) or any(
            c.lower_ in ("hardly", "barely") for m in token.children for c in m.children
        )
        if short or owner.lemma_ == "lack" or (owner.lemma_ in _HAVE and (scarce or negated)):
            return True
    return False


def named_challenges(notes: str, sentences: Sequence[str] = ()) -> set[str]:
    """The challenge categories the notes name by a cue word or say in other words."""
    found = set(matching(CHALLENGE_PATTERNS, notes)) | set(matching(MEANINGS, notes))
    if any(_WORRY.search(s) and _ABOVE.search(s) for s in sentences):
        found |= {"fear-of-judgement", "power-dynamics"}
    if "lack-of-time" not in found and any(_short_of_time(s) for s in sentences):
        found.add("lack-of-time")
    return found


def in_taxonomy_order(found: set[str]) -> list[Challenge]:
    """Return the found categories in the taxonomy's order."""
    return [c for c in CHALLENGES if c in found]  # type: ignore[misc]
