"""The fixed vocabularies the offline engine maps notes onto: topics, challenges, themes."""

from __future__ import annotations

import re
from functools import lru_cache

from coach.errors import KnowledgeError
from coach.knowledge.models import Passage
from coach.knowledge.terms import topic_terms
from coach.models import KNOWLEDGE_TOPICS
from coach.settings import get_settings

# Label -> cue regexes (whole words, case-insensitive). Only labels ever reach coordinators,
# so the anonymized side can never carry a word the notes chose.
TOPIC_CUES: dict[str, tuple[str, ...]] = {
    "social media": (r"social media", r"linkedin", r"instagram", r"twitter", r"facebook",
                     r"followers?", r"personal brand"),
    "short-form video": (r"short[- ]form", r"tik ?tok", r"reels?", r"youtube shorts",
                         r"short videos?"),
    "digital marketing": (r"digital marketing", r"seo", r"paid (?:media|social|search)",
                          r"marketing funnel", r"campaigns?", r"conversion rates?"),
    "collaboration tools": (r"slack", r"microsoft teams", r"miro", r"notion", r"trello",
                            r"asana", r"shared docs?", r"google docs", r"collaboration tools?"),
    "data and dashboards": (r"dashboards?", r"power bi", r"tableau", r"looker", r"kpis?",
                            r"data literacy", r"spreadsheets?"),
    "generative AI": (r"generative ai", r"gen ?ai", r"chat ?gpt", r"copilot", r"gemini",
                      r"claude", r"llms?", r"prompts?", r"prompting", r"ai assistants?"),
    # Trends are often named by their coined terms ("CareerTok", a slang word, "a whole thing").
    "cultural trends": (r"cultural trends?", r"trends?", r"gen z", r"younger customers",
                        r"memes?", r"pop culture", r"slang", r"buzzwords?", r"viral",
                        r"(?!tik)[a-z]{3,}tok", r"(?:is|are|was) a whole thing",
                        r"younger (?:colleagues|people|staff|employees|generation)"),
    "inclusion": (r"inclusion", r"inclusive", r"diversity", r"dei", r"belonging",
                  r"accessibility"),
    "hybrid work": (r"hybrid", r"remote work", r"working from home", r"wfh", r"office days",
                    r"async(?:hronous)?"),
    "sustainability": (r"sustainability", r"sustainable", r"climate", r"esg", r"carbon",
                       r"net zero", r"greenwashing"),
    "mental health": (r"mental health", r"well-?being", r"burn ?out", r"stress(?:ed)?",
                      r"anxiety"),
}  # fmt: skip

CHALLENGE_CUES: dict[str, tuple[str, ...]] = {
    "scheduling-conflicts": (r"cancell?(?:ed|ing|ation)", r"re-?schedul\w*", r"postponed",
                             r"double[- ]booked", r"calendar clash", r"no[- ]show",
                             r"missed (?:the|our) (?:session|meeting)"),
    "lack-of-time": (r"no time", r"too busy", r"(?:very|so|really) busy", r"workload",
                     r"overloaded", r"short on time", r"packed (?:calendar|diary)",
                     r"(?:calendar|diary) (?:was|is) (?:packed|full)",
                     r"(?:didn't|did not|hasn't|couldn't) (?:have|had|find) (?:the )?time"),
    "fear-of-judgement": (r"nervous", r"afraid", r"embarrass\w*", r"look(?:ing)? (?:silly|stupid"
                          r"|foolish|dumb)", r"self-conscious", r"fear of", r"worried about"
                          r" looking"),
    "power-dynamics": (r"hierarch\w*", r"intimidat\w*", r"defer(?:red|ring)? to", r"seniority",
                       r"power (?:imbalance|gap|dynamics?)", r"too junior", r"pull(?:ed)? rank"),
    "resistance-to-change": (r"resist\w*", r"skeptic\w*", r"sceptic\w*", r"reluctant",
                             r"push(?:ed)? ?back", r"don't see the point", r"waste of time",
                             r"always done it", r"old way"),
    "communication-styles": (r"misunderst\w*", r"jargon", r"acronyms", r"too direct",
                             r"talked past", r"communication styles?", r"long emails",
                             r"(?:quite |very )?different(?:ly)? in how we work",
                             r"work (?:quite |very )?differently"),
    "generational-differences": (r"generation(?:al)?", r"gen z", r"millennials?", r"boomers?",
                                 r"age gap", r"kids these days"),
    "inadequate-training": (r"unprepared", r"not sure how to mentor", r"no guidance",
                            r"(?:zero|no|without any|never (?:got|had) any) training",
                            r"more training", r"lack of training", r"unclear (?:role|expectations)",
                            r"didn't know what to (?:do|cover)"),
    "uneven-acceptance": (r"not taken seriously", r"other leaders", r"peers (?:don't|do not)",
                          r"(?:team|peers|colleagues) laughed", r"not everyone", r"uneven"),
}  # fmt: skip

THEME_CUES: dict[str, tuple[str, ...]] = {
    "goal setting": (r"goals?", r"objectives?", r"aims?", r"milestones?"),
    "hands-on practice": (r"practi[cs]e\w*", r"hands-on", r"demo\w*", r"walk ?through",
                          r"showed", r"tried", r"set up", r"exercise"),
    "feedback": (r"feedback",),
    "confidence building": (r"confiden\w*", r"comfortable", r"more at ease"),
    "relationship building": (r"trust", r"rapport", r"got to know", r"opened up"),
    "reflection": (r"reflect\w*", r"learn(?:ed|t|ing)", r"insights?", r"realis\w*|realiz\w*"),
    "old habits": (r"habits?", r"always (?:done|used|forward\w*|print\w*)", r"old way",
                   r"by email", r"forward(?:s|ed|ing)? everything",
                   r"print(?:s|ed|ing)? (?:it|them)"),
    "time pressure": (r"too busy", r"workload", r"no time", r"short on time", r"deadline"),
    "seniority gap": (r"seniority", r"hierarch\w*", r"intimidat\w*", r"pull(?:ed)? rank"),
    "confidentiality": (r"confidential\w*", r"off the record", r"between us"),
}  # fmt: skip


def _compile(cues: dict[str, tuple[str, ...]]) -> dict[str, re.Pattern[str]]:
    """Compile each label's cues into one whole-word, case-insensitive regex."""
    return {
        label: re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.IGNORECASE)
        for label, parts in cues.items()
    }


TOPICS = _compile(TOPIC_CUES)
CHALLENGE_PATTERNS = _compile(CHALLENGE_CUES)
THEMES = _compile(THEME_CUES)


@lru_cache(maxsize=1)
def topic_patterns() -> dict[str, re.Pattern[str]]:
    """The topic cues above and each topic file's own tags and key-concept phrases."""
    # The files say what they are about in words of their own ("anchor days", "stigma",
    # "brand voice"); notes that use them are about that file's topic.
    try:
        terms = topic_terms(tuple(get_settings().knowledge_dirs))
    except KnowledgeError:
        return TOPICS
    cues = {label: list(parts) for label, parts in TOPIC_CUES.items()}
    for doc_id, words in terms.items():
        label = KNOWLEDGE_TOPICS.get(doc_id.removeprefix("topic-"))
        if label in cues:
            cues[label] += [r"[\s-]+".join(map(re.escape, t.split())) for t in sorted(words)]
    return _compile({label: tuple(parts) for label, parts in cues.items()})


def matching(patterns: dict[str, re.Pattern[str]], text: str) -> list[str]:
    """Return the labels whose cues occur in the text, in vocabulary order."""
    return [label for label, pattern in patterns.items() if pattern.search(text)]


# Cue hits per topic count up to this many; one topic named often should not drown the rest.
MAX_CUE_HITS = 4


def _retrieved_votes(passages: list[Passage]) -> dict[str, float]:
    """Each topic's share of the evidence retrieval found for it over the whole notes (0 to 1)."""
    votes: dict[str, float] = {}
    for passage in passages:
        label = KNOWLEDGE_TOPICS.get(passage.doc_id.removeprefix("topic-"))
        if passage.kind == "topic" and label:
            votes[label] = votes.get(label, 0.0) + passage.score
    return votes


def topics_of(notes: str, passages: list[Passage]) -> list[str]:
    """Return the knowledge topics the notes touch, the main one first.

    Cue words and retrieval each miss topics the other finds ("TikTok" in notes about
    cultural trends; notes about a channel that never name the tool), so both vote with equal
    weight: the cue words as a fraction of MAX_CUE_HITS, retrieval as the score it gave.
    """
    votes = _retrieved_votes(passages)
    hits = {label: len(p.findall(notes)) for label, p in topic_patterns().items()}
    score = {label: min(n, MAX_CUE_HITS) / MAX_CUE_HITS for label, n in hits.items()}
    for label, vote in votes.items():
        score[label] = score.get(label, 0.0) + vote
    ranked = sorted((t for t in score if score[t] > 0), key=lambda t: -score[t])
    if not ranked:
        return []
    touched = [t for t in ranked[1:] if hits.get(t)]
    known = set(KNOWLEDGE_TOPICS.values())
    rest = [t for t in passage_topics(passages, notes) if t in known and t not in touched]
    rest = [t for t in rest if t != ranked[0]]
    return [ranked[0], *touched, *rest]


def _label(slug: str) -> str:
    """Turn a knowledge topic slug into the label used in summaries."""
    words = slug.replace("-", " ").strip()
    return next((t for t in TOPIC_CUES if t.lower() == words.lower()), words)


def passage_topics(passages: list[Passage], notes: str) -> list[str]:
    """Return topic labels from retrieved topic passages that the notes actually mention."""
    found: list[str] = []
    for passage in passages:
        if passage.kind != "topic":
            continue
        for slug in passage.topics:
            label = _label(slug)
            pattern = TOPICS.get(label) or re.compile(rf"(?<!\w){re.escape(label)}(?!\w)", re.I)
            if label not in found and pattern.search(notes):
                found.append(label)
    return found


# A heading that announces work to be done: the bullets under it are action candidates.
ACTION_HEADING = re.compile(
    r"(?<![\w-])(?:actions?(?:\s+(?:items?|points?|agreed))?|next\s+steps?|to[- ]?dos?|"
    r"follow[- ]?ups?|homework|tasks?|commitments?|assignments?|deliverables?|agreed|"
    r"(?:before|for|until)\s+(?:the\s+)?next\s+(?:session|time|meeting|call))(?![\w-])"
    # A heading that is only "Plan", "Next" or "What's next" lists what comes after the session;
    # anchored, so "Next time" (what to pick up) and "Planning" stay other headings.
    r"|^\W*(?:the\s+)?(?:next\s+up|up\s+next|what(?:['’]?s|\s+is)?\s+next)\W*$",
    re.IGNORECASE,
)
# Homework is set for the learner, who in reverse mentoring is the mentee.
MENTEE_HEADING = re.compile(r"(?<![\w-])homework(?![\w-])", re.IGNORECASE)

# Irregular past forms that open narrative ("Katie sent the deck"); regular ones end in -ed.
IRREGULAR_PAST = frozenset(
    {
        "was", "were", "had", "did", "said", "told", "went", "came", "saw", "made", "took",
        "gave", "got", "sent", "met", "spoke", "felt", "found", "thought", "brought", "began",
        "ran", "wrote", "showed", "shown", "knew", "left", "kept", "led", "taught",
        "built", "bought", "chose", "drew", "grew", "heard", "held", "lost", "meant",
        "sat", "stood", "understood", "won", "became", "forgot", "spent", "shared",
    }
)  # fmt: skip
# Words ending in -ed that are not past forms.
NOT_PAST_ED = frozenset(
    {"need", "feed", "seed", "speed", "embed", "shed", "bed", "red", "ted", "ed",
     "proceed", "succeed", "exceed", "breed", "bleed", "weed", "reed", "shred"}
)  # fmt: skip

# Deadlines as notes state them: "by Fri", "before our next session", "EOW", "in two weeks".
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tues?|weds?|thu(?:rs?)?|fri)\.?"
_PERIOD = r"(?:session|meeting|week|month|catch[- ]?up|call|check[- ]?in|1:1|time)"
_END = (
    r"(?:the\s+)?end\s+of\s+(?:the\s+|next\s+|this\s+)?(?:day|week|month|quarter|year|sprint|q[1-4])"
    r"|eo[dwm]\b|close\s+of\s+(?:play|business)|cob\b"
)
# Spans: "in two weeks", "within the next fortnight". Counts past four stay out: "come in
# five days" tells how often, far more than it sets a deadline.
_COUNT = r"(?:a|one|two|three|four|\d{1,2})"
# The month's end said as one word: "by month-end". Only after a word of deadline: "email
# chains for month-end" names the closing of the books. ("Before Christmas" is left undated:
# it means before the break, whose first day differs from one workplace to the next.)
_MONTH_END = r"(?:the\s+)?month[- ]end"
# "EOD tomorrow", "close of play Friday": the end of that day.
_END_ON = rf"(?:{_END})(?:\s+(?:on\s+)?(?:tomorrow|{_WEEKDAY}(?!\w)))?"
DUE = re.compile(
    rf"(?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)"
    # "the second time in a month" counts what happened, and "within 2 days of getting it"
    # counts from another event: neither is a span from the session ("three times in the
    # next two weeks" is one).
    rf"|(?<!\btime\s)"
    rf"\b(?:in|within|over)\s+(?:the\s+next\s+)?(?P<span>(?:{_COUNT}|a\s+couple\s+of)"
    rf"\s+(?:hours?|days?|weeks?|months?|fortnight)|(?<=next\s)(?:fortnight|week|month)\b)"
    rf"(?![\w-]|\s+(?:of|after)\b)"
    rf"|\b(?:by|before|until|till|ahead\s+of)\s+(?P<month_end>{_MONTH_END})\b"
    rf"|\b(?P<from>{_COUNT}\s+(?:days?|weeks?|fortnight)\s+from\s+(?:today|now))"
    rf"|\b(?:by|before|on|until|till|due|for|at|in|within|ahead\s+of|first\s+thing(?:\s+on)?)\s+(?P<when>"
    rf"(?:next\s+|this\s+|coming\s+)?{_WEEKDAY}(?!\w)(?:\s+(?:(?:next|this)\s+)?week\b)?"
    rf"(?:,?\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?{_MONTH})?(?!\w))?"
    rf"|(?:the\s+|our\s+)?(?:next|following|coming)\s+{_PERIOD}|{_END_ON}|we\s+(?:next\s+meet|meet\s+again)"
    rf"|(?:the\s+)?day\s+after\s+tomorrow|tomorrow|tonight|(?:the\s+)?week\s+after\s+next"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:\s+\d{{4}})?"
    rf"|(?:early|mid|late)[- ]{_MONTH}|{_MONTH}(?!\w)"
    rf"|the\s+\d{{1,2}}(?:st|nd|rd|th)(?:\s+{_WEEKDAY}(?!\w))?"
    rf"|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)"
    rf"|(?P<bare>\b(?:next|this)\s+(?:{_WEEKDAY}(?!\w)|{_PERIOD})|\b{_END_ON}|\btomorrow\b"
    rf"|\btonight\b|\bend\s+of\s+{_MONTH}|\blater\s+today\b|\bthis\s+(?:afternoon|evening)\b"
    # A day named with no "by" ("send the notes Friday") dates an action, but sets none.
    # Only at the clause's end or before a time of day: "Friday mornings" is a habit.
    rf"|(?<!\blast\s)(?<!\bevery\s)(?<!\bsince\s)(?<![\w-])(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    rf"(?=\s*(?:[,.;:!)]|$)|\s+(?:at|morning|afternoon|evening|lunchtime)\b)"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?!\w))",
    re.IGNORECASE,
)
