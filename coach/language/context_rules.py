"""Rules that read context: judgements with no example, praise undercut, groups generalised."""

# Hand-written on purpose, like lexicon.py: each rule encodes one principle (a judgement
# without observable behavior, praise undercut by what follows it, a group noun standing in
# for a person) rather than a list of sentences.

from __future__ import annotations

from coach.language import fixes
from coach.language.rule import Rule
from coach.language.words import INTENS, rx, words

# A sentence that gives a reason, an example, a count or a slot for one names behavior, so
# an evaluative word in it is not flagged as vague.
SPECIFIC = rx(
    r"\b(?:because|for (?:example|instance)|e\.g\.|such as|like when|in particular"
    r"|specifically|(?:when|whenever|after|before) (?:you|he|she|they|we|I)\b"
    r"|twice|three times|\d+ times)\b|:\s*\w|\[[^\]]+\]"
)

_BE = r"(?P<be>\bis|\bare|\bwas|\bwere|'s|'re|\blooks?|\blooked|\bseems?|\bseemed|\bfeels?|\bfelt)"
_POOR = words(
    "sloppy",
    "unprofessional",
    "sub-?par",
    "mediocre",
    "amateurish",
    "half-?baked",
    "lackluste?re?",
    "underwhelming",
    "disappointing",
    "not (?:great|ideal)",
)
_SHORT = words(
    r"(?:not|n't) (?:quite )?(?:good enough|up to (?:par|standard|scratch)|there yet"
    r"|where (?:it|they) (?:should|needs? to) be|what I expected)",
    r"below (?:par|expectations|standard)",
)
_MANNER = words(
    "tone",
    "approach",
    "behaviou?r",
    "conduct",
    "demeanou?r",
    "presence",
    "body language",
    r"communication(?: style| skills)?",
    r"leadership(?: style| skills)?",
    "style",
    "manner",
    "work ethic",
    "performance",
    "professionalism",
    "commitment",
    "engagement",
    "people skills",
    "soft skills",
)
_QUALITY = words(
    "(?:executive )?presence",
    "gravitas",
    "polish",
    "vision",
    "drive",
    "leadership",
    "initiative",
    "ownership",
    "maturity",
    "confidence",
    "urgency",
    "accountability",
    "people skills",
    "soft skills",
)
_MORE = words(
    "strategic",
    "visible",
    "confident",
    "assertive",
    "collaborative",
    "open-?minded",
    "flexible",
    "organi[sz]ed",
    "focused",
    "present",
    "accountable",
    "invested",
    "committed",
    "polished",
    "driven",
    "motivated",
    "decisive",
    "approachable",
    "involved",
    "supportive",
    "senior",
    "(?:of a|like a) (?:leader|professional|grown-?up|adult|senior)",
)
_GENERIC_OBJECT = r"(?:things|stuff|everything|people|situations|yourself|others|it all)"
_WAY_VERB = words(
    r"handle[sd]?",
    r"deal(?:s|t)? with",
    r"approach(?:es|ed)?",
    r"do(?:es)?",
    r"did",
    r"run[s]?",
    r"ran",
    r"manage[sd]?",
    r"treat(?:s|ed)?",
)
# Verbs that judge conduct as a whole when nothing concrete follows them.
_WAY_ALONE = words(
    r"act(?:s|ed)?",
    r"behave[sd]?",
    r"operate[sd]?",
    r"communicate[sd]?",
    r"c[oa]me across",
    r"(?:carr(?:y|ies|ied)|conduct(?:s|ed)?|handle[sd]?) (?:yourself|himself|herself|themselves)",
)
_FAILED = words(
    "missed",
    "broke",
    "forgot",
    "failed",
    "lost",
    "crashed",
    "deleted",
    "ruined",
    "wrecked",
    "blew",
    "botched",
    "bungled",
    r"(?:messed|screwed) up",
    "dropped the ball",
    "skipped",
    "ignored",
    "overlooked",
    r"managed to (?:miss|break|forget|lose|crash|delete|ruin|annoy|upset|offend|confuse)",
)
_FAILING = words(
    "missing",
    "breaking",
    "forgetting",
    "failing",
    "losing",
    "crashing",
    "deleting",
    "ruining",
    "wrecking",
    "blowing",
    "botching",
    r"(?:messing|screwing) up",
    "dropping the ball",
    "skipping",
    "ignoring",
    "being late",
    r"(?:showing|turning) up late",
    r"(?:yet )?another (?:missed|failed|broken|late|delayed|botched|crashed|blown|lost"
    r"|delay|failure|outage|mistake|bug|crash|fiasco|disaster)",
)
_IRONIC = words(
    r"(?:great|good|nice|excellent|fantastic|brilliant|amazing|awesome|stellar|super) "
    r"(?:job|work|going|one)",
    "well done",
    "way to go",
    "bravo",
    "kudos",
    r"congrat(?:ulation)?s",
    r"thanks(?: a lot| so much| a bunch)?",
    r"thank you(?: so much)?",
)
_PRAISE_WORD = words(
    "help",
    "helpful",
    "advice",
    "feedback",
    "expertise",
    "input",
    "support",
    "contribution",
    "improvements?",
    "fix",
    "busy",
    "urgent",
    "quick",
    "priority",
    "strategy",
    "plan",
    "leadership",
    "mentoring",
    "great",
    "excellent",
    "amazing",
    "brilliant",
    "genius",
    "expert",
    "professional",
    "finished",
    "done",
    "ready",
    "on time",
)
# Escapes, not quote characters: rx() rewrites a literal apostrophe into a class of its own.
_Q_OPEN = r"[\x22\u201c\x27\u2018]"
_Q_CLOSE = r"[\x22\u201d\x27\u2019]"
_QUOTED = (
    r"(?<![\w\x27\u2019])" + _Q_OPEN + r"(?P<word>" + _PRAISE_WORD + r")" + _Q_CLOSE + r"(?!\w)"
)
_PEOPLE_LIKE = words(
    "people",
    "folks",
    "guys",
    "types",
    "managers",
    "bosses",
    "execs",
    "executives",
    "engineers",
    "developers",
    "techies",
    "juniors",
    "seniors",
    "grads",
    "graduates",
    "interns",
    "kids",
)
_SENTENCE_START = r"(?:^|(?<=[.!?…]\s))"

CONTEXT_RULES: tuple[Rule, ...] = (
    # vagueness: an evaluative word with no observable behavior, unless the sentence gives one
    Rule(
        "vague",
        rx(rf"{_BE}(?:\s+{INTENS}{_POOR}|\s*(?P<short>{_SHORT}))\b"),
        when="unexplained",
        replace=fixes.judged_quality,
        keeps_clause=True,
    ),
    Rule(
        "vague",
        rx(
            r"\bneeds? (?:(?:some|more|a lot of|serious|a bit of) )?(?:work|improvement|improving)"
            r"|\b(?:could|should) (?:be (?:better|improved)|use (?:some )?(?:work|improvement))"
            r"|\bleaves? (?:a lot|much|something) to be desired"
            r"|\b(?:there(?:'s| is) )?(?:a lot of |lots of |some )?room for improvement\b"
        ),
        when="unexplained",
        replace=f"needs {fixes.VAGUE_CHANGE}",
        keeps_clause=True,
    ),
    Rule(
        "vague",
        rx(rf"\b(?:your|his|her|their) {_MANNER}\b"),
        when="critical_unexplained",
        replace=fixes.manner,
        keeps_clause=True,
    ),
    Rule(
        "vague",
        rx(
            rf"\b(?:the way|how) (?P<who>you|he|she|they) (?:(?P<verb>{_WAY_VERB}) "
            rf"(?P<obj>{_GENERIC_OBJECT})|(?P<alone>{_WAY_ALONE})"
            r"(?!\s+(?:the|a|an|your|our|my|his|her|their|this|that|with|to)\b))\b"
        ),
        when="critical_unexplained",
        replace=fixes.the_way,
        keeps_clause=True,
    ),
    Rule(
        "vague",
        rx(
            rf"\b(?:(?:lacks?|lacking|lacked|(?:needs?|show|shows) more)|(?P<lack_of>(?:an? |the )?"
            rf"(?:real |total |clear )?lack of)) (?P<quality>{_QUALITY})\b"
        ),
        when="unexplained",
        replace=fixes.lacking,
        keeps_clause=True,
    ),
    Rule(
        "vague",
        rx(rf"\b(?:be|being|act|acting) (?:a (?:bit|little) )?more {_MORE}\b"),
        replace=f"do {fixes.VAGUE_CHANGE}",
        keeps_clause=True,
    ),
    Rule(
        "vague",
        rx(
            r"\b(?:(?:you|he|she|they) ?)?(?:(?:'re|'s|are|is|were|was) |(?:is|are|was|were)n't )"
            r"(?:(?:really|exactly|quite) )?(?:not )?(?:leadership|management|senior) material\b"
            r"|\b(?:(?:you|he|she|they) )?(?:is|are|was|were)n't (?:really |much of )?"
            r"a team player\b"
        ),
        replace=f"I'd like to talk about how we work together in {fixes.VAGUE_SITUATION}",
        keeps_clause=True,
    ),
    # sarcasm: praise undercut by what surrounds it
    Rule(
        "sarcasm",
        rx(
            rf"\b(?:{_IRONIC})(?:,?\s+(?P<about>on|for|with|at)(?=\s+(?:your\s+)?{_FAILING}\b)"
            rf"|(?=,?\s+(?:you\s+(?:\w+\s+)?{_FAILED}|{_FAILING})\b))"
        ),
        replace=fixes.praise_then_failure,
        keeps_clause=True,
    ),
    Rule(
        "sarcasm",
        rx(
            r"\b(?:thanks|thank you|(?:really|very|so|super) helpful|well done|loved? (?:it|that))"
            r"(?P<obj>[^.!?]{0,80}?)\s*(?:\.{2,}|…|,)\s*not\b(?=[.!…]|\s*$)[.!…]*"
        ),
        replace=fixes.sarcastic_praise,
        keeps_clause=True,
    ),
    Rule(
        "sarcasm",
        rx(
            r"\b(?:(?:it's|it was|that's|that was|so|how|very|really) )*(?:nice|kind|good|sweet"
            r"|generous) of you to (?:finally|eventually)\b"
        ),
        replace=fixes.belated,
        keeps_clause=True,
    ),
    Rule(
        "sarcasm",
        rx(
            r"\b(?:thanks|thank you)(?: a lot| so much| a bunch| very much)? for nothing\b"
            r"|\bgee,? thanks\b|\b(?:surprise,? surprise|colou?r me (?:shocked|surprised)"
            r"|no surprise there|what a shock|who(?:'d| would)(?:'ve| have) (?:thought|guessed))\b"
            r"|\bI(?:'m| am) sure (?:you|he|she|they) (?:were|was|are|is|had|have) "
            r"(?:(?:very|really|so|super|terribly) )?(?:busy|more important things|better things"
            r" to do)\b|\b(?:smooth move|real smooth|how convenient)\b"
            r"|\b(?:a |such a |what a |you )?(?:regular|absolute) (?:genius|einstein|mastermind)\b"
            r"|\brocket scientist\b"
            rf"|{_SENTENCE_START}(?:how |so |truly )?shocking(?:,? I know)?[.!…]*(?=\s*(?:$|[A-Z]))"
            r"|\b(?:(?:oh )?(?:sure|yeah|right),?\s+)?because (?:that|this|it)(?:'s| has| had)? "
            r"(?:worked|went|gone|turned out) (?:out )?(?:so|really|super|just|real) (?:well|great"
            r"|smoothly)(?: (?:the )?last time| before)?"
            rf"|{_SENTENCE_START}(?:oh )?(?:sure|yeah|right),? because\b"
        ),
    ),
    Rule(
        "sarcasm",
        rx(r"\b(?:a |such a |what a )?real genius\b"),
        when="critical",
        replace=fixes.praise_then_failure,
        keeps_clause=True,
    ),
    Rule(
        "sarcasm",
        rx(r"\b(?:just|exactly) what (?:we|I) needed\b|\bnice going\b"),
        when="critical",
    ),
    Rule(
        "sarcasm",
        rx(
            r"\b(?:yet )?another\b[^.!?,]{1,40}?,\s*(?P<tail>(?:just|exactly) what (?:we|I) needed)"
        ),
        replace=fixes.head_only,
        keeps_clause=True,
    ),
    Rule("sarcasm", rx(_QUOTED), replace=fixes.unquote, keeps_clause=True),
    # stereotypes: "people like you" generalises only when it carries a complaint
    Rule(
        "stereotype",
        rx(rf"\b(?:(?:senior|junior|other|most|all) )?{_PEOPLE_LIKE} like (?:you|him|her|them)\b"),
        when="critical",
    ),
)
