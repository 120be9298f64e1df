"""Challenge categories read off what a sentence means, beyond the categories' own names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from coach.models import CHALLENGES, Challenge
from coach.offline.vocab import CHALLENGE_PATTERNS, matching

# Hand-written because no library knows this taxonomy: each line is a way notes commonly say
# what a category's "Signs" section in knowledge/challenges/ describes, in words the category
# name does not use ("people my age" is a generational lens, "felt pressured" a power gap).
# Kept apart from vocab.CHALLENGE_CUES, whose power-dynamics cues also raise the support flag.
MEANING_CUES: dict[str, tuple[str, ...]] = {
    "fear-of-judgement": (
        r"(?:look|looks|looking|come across|comes across) (?:bad|unprofessional|incompetent)",
        r"(?:scared|afraid|nervous|worried|anxious|wary) (?:of|about) (?:using|trying|posting|"
        r"asking|speaking|presenting|sharing|being seen|being filmed|making mistakes)",
        r"(?:hates?|hated|dreads?|dreaded|dreading) (?:being )?(?:on camera|filmed|recorded|"
        r"watched|seen)", r"camera[- ]shy", r"in public", r"(?:in front of|with) everyone watching",
        r"(?:didn['’]?t|doesn['’]?t|don['’]?t) (?:want|dare) to (?:ask|admit|try it|post)",
        r"what if (?:i|he|she|they|we) (?:get|got|mess|say|look)\w*", r"get(?:ting)? it wrong",
        r"out of touch", r"perfectionis\w*", r"count(?:s|ed)? against", r"mortified",
        r"judg(?:e|ed|es|ing|ement|ment)",
        r"(?:look|seem|sound)(?:s|ed)? (?:like )?(?:silly|stupid|foolish|clueless|weak)",
        r"in front of (?:the|his|her|their|my|our) \w+",
        r"(?:did|do|does)n['’]?t want to (?:look|seem|sound|admit)", r"scared", r"awkward",
        r"worried (?:about )?what (?:people|others|they|the \w+) (?:will |would )?think",
    ),
    "power-dynamics": (
        r"(?:couldn['’]?t|can['’]?t|could not|cannot|didn['’]?t feel (?:able|i could)) "
        r"(?:really )?(?:say no|push back|disagree|challenge (?:him|her|them)|be honest)",
        r"(?:hard|difficult|awkward) to (?:push back|say no|disagree|challenge|correct|"
        r"tell (?:a|my|his|her|the) (?:boss|director|manager|senior))",
        r"(?:affect|hurt|harm|damage)\w* (?:my|his|her|their) "
        r"(?:review|appraisal|promotion|career)",
        r"(?:took|takes|take) over the (?:session|agenda|conversation)", r"career advice",
        r"(?:talked|talks|talking) over (?:me|him|her|them)",
        r"(?:very|quite|much|far|so|too|more) senior", r"(?:he|she|they)(?:['’]s| is| are) senior",
        r"senior (?:person|people|colleague|leaders?)", r"two levels", r"levels? above",
        r"reporting line", r"(?:felt|feel|feeling) (?:quite |a bit |very |really )?pressur\w*",
        r"i['’]?m (?:a |the |just a |only a )?(?:junior|graduate|trainee|apprentice|intern)\b",
        r"junior (?:analyst|colleague|member|person|staff|mentor)",
    ),
    "generational-differences": (
        r"(?:at|of) (?:my|his|her|your|our|their) age", r"in (?:my|his|her|our|their) day",
        r"back in (?:my|his|her|our|their|the) day", r"age (?:difference|gap)", r"youngsters",
        r"(?:years|decades) (?:older|younger|apart)", r"digital natives?", r"gen ?x",
        r"when (?:i|he|she|they|we) (?:was|were) (?:starting out|your age|my age)",
        r"people (?:my|your|his|her|our|their) age", r"(?:my|his|her|our|their) generation",
        r"(?:in|since|during) the (?:19)?[5-9]0s", r"\d{2}[- ]year[- ]olds?", r"twenty-?somethings",
        r"in (?:their|our|my|his|her) (?:teens|twenties|thirties|forties|fifties|sixties)",
        r"(?:younger|older) (?:people|staff|colleagues|generations?|employees|workers)",
    ),
    "lack-of-time": (
        r"(?:no|little) time (?:between|in between|around|after|before) (?:meetings|calls)",
        r"wall[- ]to[- ]wall", r"slammed", r"flat out",
        r"(?:because of|during|with) (?:the )?(?:year|quarter|month)[- ]end",
        r"(?:haven['’]?t|hasn['’]?t|didn['’]?t|couldn['’]?t|not) (?:had|got|found|find) "
        r"(?:a chance|a minute|an hour|the time|time)", r"homework slipped",
        r"(?:cut|kept|keep) (?:it |the session |things )?short",
        r"(?:only|just) (?:had|got) (?:\d+|ten|fifteen|twenty|thirty|half an hour)",
        r"busy (?:month|week|quarter|period|spell|season|time)", r"doing two jobs",
        r"(?:snowed under|swamped|stretched thin|over-?stretched|firefighting|at capacity)",
        r"(?:didn['’]?t|did not) have long", r"(?:had|have) to (?:leave|dash|run) (?:early|off)",
        r"ran out of time", r"no bandwidth", r"back[- ]to[- ]back",
    ),
    "scheduling-conflicts": (
        r"(?:session|meeting|call|slot)s? (?:got |was |were |kept )?"
        r"(?:moved|bumped|pushed|dropped)",
        r"(?:moved|bumped|pushed|dropped) (?:our|the) (?:session|meeting|call|slot)s?",
        r"rebook\w*", r"(?:short|no|little|\d+ minutes['’]?) notice", r"clash(?:es|ed)? with",
        r"(?:first|only) (?:session|meeting) (?:since|in (?:\w+ )?(?:weeks|months))",
        r"(?:couldn['’]?t|can['’]?t|could not|cannot) (?:find|get|agree) a (?:slot|time|date)",
        r"calendars? (?:never|don['’]?t|didn['’]?t|won['’]?t) (?:line up|align|match)",
        r"(?:\d+|ten|fifteen|twenty|half an hour) minutes late", r"last[- ]minute",
        r"time ?zones?", r"no time (?:of day )?that works",
    ),
    "uneven-acceptance": (
        r"box[- ]ticking", r"tick[- ]box", r"(?:a|his|her|my|their) real job",
        r"(?:not|isn['’]?t|aren['’]?t|wasn['’]?t|weren['’]?t) (?:really |all )?on board",
        r"(?:some|other|most) (?:departments|teams|divisions|sites|leaders|directors|managers)"
        r" (?:don['’]?t|won['’]?t|aren['’]?t|haven['’]?t|never|ignore)",
        r"(?:joked|jokes|laughed|laugh|sneered) (?:about|at) (?:the program\w*|the scheme|"
        r"(?:reverse )?mentoring|having a (?:junior |younger )?mentor)",
        r"(?:hasn['’]?t|haven['’]?t|has not|have not|never) (?:really )?engaged",
        r"(?:treat|treats|treated) it as (?:a suggestion|optional)", r"lip service",
        r"(?:others?|rest) (?:ignore|ignores|ignored|don['’]?t bother)", r"buy-?in",
    ),
    "resistance-to-change": (
        r"still (?:prints?|printing|faxes|faxing|uses? paper|on paper)",
        r"print(?:s|ed|ing)? (?:everything|every \w+|it all)", r"forward(?:s|ed|ing)? everything",
        r"(?:prefers?|preferred|sticks? with|stuck with|sticking with) (?:paper|email|the old|"
        r"what (?:he|she|they|we) know)", r"(?:don['’]?t|doesn['’]?t|didn['’]?t) see (?:the |"
        r"much |any )?(?:point|value|need)", r"(?:a )?fad", r"if it ain['’]?t broke",
        r"(?:refuses?|refused) to (?:use|try|switch|change|move|adopt)",
        r"(?:won['’]?t|wouldn['’]?t|will not) (?:even )?(?:try|bother)",
        r"(?:blocked|banned|won['’]?t allow|wouldn['’]?t allow|not approved) (?:by )?(?:it|the app|"
        r"the tool|the software|installs?)", r"it (?:blocked|banned|won['’]?t approve)",
        r"(?:the |our )?old (?:report|way|system|process|tool|one)s? (?:is|was|are|were) fine",
        r"(?:don['’]?t|doesn['’]?t|didn['’]?t) want (?:another|a new|to change)",
        r"set in (?:his|her|their|my|our) ways", r"why change", r"not (?:convinced|sold)",
    ),
    "inadequate-training": (
        r"(?:no|without|never (?:had|got|given|received)) (?:(?:any|proper|formal|real) )*"
        r"(?:guidance|induction|onboarding|instructions|training)",
        # Not knowing how to use a tool is what a session teaches; not knowing how to run one
        # (or to mentor, or give feedback upward) is the gap in the program's preparation.
        r"(?:didn['’]?t|doesn['’]?t|don['’]?t|did not|does not|not sure) (?:know )?how to "
        r"(?:mentor|run (?:a|the|our|these) sessions?|give (?:(?:him|her|them) )?feedback)",
        r"expected to (?:just )?(?:know|pick (?:it|this|that) up)", r"self-taught",
        r"(?:thrown|dropped) in (?:at )?the deep end",
        r"(?:figure|work) (?:it|things) out (?:on (?:his|her|their|my|our) own|alone)",
        r"nobody (?:ever )?(?:told|showed|taught|explained)", r"(?:never|wasn['’]?t|weren['’]?t) "
        r"(?:been )?(?:shown|taught|trained)", r"training (?:was|is) (?:just|only|a single|one)",
    ),
    "communication-styles": (
        r"(?:prefers?|likes?|wants?) (?:a |the )?(?:phone call|call|message|email|text|detail|"
        r"summary|overview|headline)s? (?:first|rather|instead|over|to)",
        r"(?:too|very|quite) (?:direct|wordy|terse)", r"misread\w*",
        r"lost (?:him|her|them|me) (?:halfway|early|at)", r"(?:second|first) language",
        r"(?:different|opposite) (?:ways?|styles?) of (?:working|talking|communicating|writing)",
        r"(?:never|barely|rarely) (?:checks?|opens?|reads?) (?:teams|email|slack|messages)",
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


def named_challenges(notes: str, sentences: Sequence[str] = ()) -> set[str]:
    """The challenge categories the notes name by a cue word or say in other words."""
    found = set(matching(CHALLENGE_PATTERNS, notes)) | set(matching(MEANINGS, notes))
    if any(_WORRY.search(s) and _ABOVE.search(s) for s in sentences):
        found |= {"fear-of-judgement", "power-dynamics"}
    return found


def in_taxonomy_order(found: set[str]) -> list[Challenge]:
    """Return the found categories in the taxonomy's order."""
    return [c for c in CHALLENGES if c in found]  # type: ignore[misc]
