"""The words that mark work in session notes (modals, owner tags, clause joins, asides), and
the plain tests on them that need no parse: a past-tense opening, a subject outside the pair.

Read by coach.offline.actions, which decides on them (and on the parse) what is an action.
"""

from __future__ import annotations

import re

from coach.offline.people import THIRD, Mention, People, lead_group_end
from coach.offline.vocab import IRREGULAR_PAST, NOT_PAST_ED
from coach.privacy.roles import is_role_word

MODAL = re.compile(
    r"['’]ll(?!\w)|(?<![\w'’])(?:will|shall|(?:is|are|am|['’]m|['’]re)?\s*(?:going\s+to|gonna)|"
    r"(?:agreed|agrees|agree|commit(?:s|ted)?|promised|promises|offered|volunteered|"
    r"plans?|planning|intends?|needs?|has|have|aims?|is|are)\s+to|must|should|"
    r"(?:is|are)\s+(?:meant|supposed|due|expected)\s+to|(?:is|are)\s+(?:getting|doing|sorting)\b|"
    r"(?:is|are)\s+responsible\s+for)(?!\w)",
    re.IGNORECASE,
)
# Modals that report a past intention ("was going to", "had to") commit no one.
PAST_MODAL = re.compile(r"\b(?:was|were|had|did|would|could)\s*$", re.IGNORECASE)
ELIDED_SELF = re.compile(r"^(?:will|shall|['’]ll|going|gonna|need|needs|plan|have)\b", re.I)
ASKED = re.compile(
    r"\b(?:asked|asks|invited|reminded|challenged|wants|needs|expects)\s+"
    r"(?P<who>[\w'’ ,&]{1,40}?)\s+to\s+(?!the\b|a\b|an\b)[a-z]",
    re.IGNORECASE,
)
TO_VERB = re.compile(
    r"^\s*(?:also\s+)?to\s+(?!(?:the|a|an|her|his|their|my|our|him|them|me|us|it|this|that)\b)"
    r"[a-z]{2,}",
    re.IGNORECASE,
)
# Words that may stand between a subject and its modal: "Katie also will", "we both must".
BRIDGE = frozenset(
    "also then now both each all definitely probably still really just first finally "
    "hopefully personally herself himself themselves myself ourselves together soon "
    "and is are am 's ’s 'm ’m 're ’re".split()
)
TOGETHER = re.compile(r"\b(?:together|jointly|with each other|as a pair)\b", re.I)
# "Put together a guide", "pull the notes together into one doc" is one person's work: the
# object may stand between the verb and its particle.
PHRASAL = re.compile(
    r"\b(?:put|pull|get|bring)(?:t?ing|s)?\s+(?:(?!and\b|with\b)[\w'’-]+\s+){0,5}?together\b",
    re.I,
)
CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|https?://|www\.|(?<!\w)@\w{2,}|\+?\(?\d[\d ().-]{6,}\d"
    r"|\b(?:phone|mobile|cell|e-?mail|number|address|handle|extension)\s*(?:is|:)",
    re.IGNORECASE,
)
LEAD_TAG = re.compile(
    r"^\s*(?:owners?\s*:\s*)?(?:\[(?P<a>[^\]]{1,40})\]"
    r"|(?P<b>[^:–—\[\].]{1,40}?)\s*(?::|[–—]|--|->|→|\s-))\s+",
    re.IGNORECASE,
)
TRAIL_TAG = re.compile(
    r"\s*(?:\((?P<a>[^()]{1,40})\)|\[(?P<b>[^\]]{1,40})\]|\s[-–—]\s*(?P<c>[^-–—]{1,40})"
    r"|owner\s*:\s*(?P<d>[^.]{1,40}))\s*\.?\s*$",
    re.IGNORECASE,
)
# A second verb that binds the clause's subject to work: "... and decided to publish it".
BINDING_TO = re.compile(
    r"(?:also\s+)?(?:agreed|decided|promised|offered|volunteered|committed|pledged)\s+to\s",
    re.IGNORECASE,
)
SPLIT = re.compile(r"\s*;\s*|,?\s+(?:and|but|while|whereas|then|plus)\s+|,\s+", re.IGNORECASE)
# Hypotheticals, asides and stances are not work anyone took on: "If it catches on we
# could...", "As Sales Director I need to...", "I'll admit...".
NOT_ACTION = re.compile(
    r"^\s*(?:if|unless|maybe|perhaps|as\s+(?:a\s+|the\s+)?(?-i:[A-Z])\w+"
    r"|i['’]ll\s+(?:admit|be honest)|to be (?:fair|honest)|we['’]ll see)\b"
    r"|^\s*(?:my\s+|our\s+|the\s+)?goals?\b[^:.]{0,25}:"
    r"|\b(?:joked|jokingly|laughed|kidding)\b"
    # The writer's note on the item before: "Noting it, no date", "no deadline set".
    r"|^\s*(?:\w+ing\s+(?:it|that|this)(?:\s+down)?\s*,?\s*)?(?:so\s+)?no\s+(?:date|deadline)\b"
    # A preference ("she'd rather die than post") and a standing rule ("the recap should
    # always be checked") give no one a task to do.
    r"|(?:\bwould|['’]d)\s+(?:much\s+)?(?:rather|sooner)\b"
    r"|\b(?:should|must)\s+(?:always|never)\b"
    # Blame and fault judge what already went wrong: "Max is to blame for the delay" ("is to"
    # reads like "is to send") or "she is responsible for what happened" gives no one work.
    r"|\b(?:is|are|was|were|am|['’][sm]|['’]re)\s+(?:\w+ly\s+)?to\s+blame\b|\bat\s+fault\b"
    r"|\bresponsible\s+for\s+(?:what|how|why)\s+(?:\w+\s+){0,3}?(?:happened|went|was|were)\b",
    re.IGNORECASE,
)
# "Des: don't paste client names" sets a rule, not work ("don't forget to ..." is work).
PROHIBITION = re.compile(r"^\s*(?:don['’]t|do\s+not|never)\s+(?!forget\b)", re.IGNORECASE)
# "They agreed Lena would draft it": a would reported after agreeing binds like a will; a
# "would rather", "would like" or "would have" tells a preference or a might-have-been, and
# "would never", "would if ...", "would think about it" refuse, hedge or defer.
_WOULD = (
    r"(?:I|we|you|he|she|they|[A-Z][a-z]+))(?:['’]d|\s+would)\b"
    r"(?!\s+(?:rather|sooner|like|love|prefer|have|be\s+happy|not|never|if|see|think|consider)"
    r"\b|n['’]t)"
)
AGREED_D = re.compile(
    r"(?P<lead>\b(?:(?:agreed|promised|offered|decided|said|committed|confirmed)\s+"
    r"|(?:told|promised|assured)\s+(?:me|him|her|us|them|[A-Z][a-z]+)\s+)(?:that\s+)?" + _WOULD
)
# "We agreed Ivo would draft it and I would review it": the agreement reaches the second.
AND_WOULD = re.compile(r"(?P<lead>\band\s+(?:that\s+)?" + _WOULD)
WITHDRAWN = re.compile(
    r"^\W*(?:scratch|strike|forget|cancel|ignore)\s+that\b|^\W*(?:never\s?mind|on second thought"
    r"|actually,?\s+no\b|no,?\s+wait\b)",
    re.IGNORECASE,
)
# A third party's plan or wish is news about them, not work the pair agreed on.
ASPIRES = re.compile(
    r"\b(?:plans?|planning|intends?|intending|aims?|aiming|hop(?:es|ing)|wants?)\s+to\b", re.I
)
AHEAD = re.compile(r"\b(?:before|by|next|tomorrow|ahead of|in time for)\b", re.IGNORECASE)
# Groups of people that belong to someone: "Katie's team", "his directs".
GROUPS = frozenset("team department office staff directs reports group unit squad".split())
SOMEONE_TO = re.compile(
    r"^\s*(?P<who>(?:the\s+|our\s+|his\s+|her\s+)?[\w&/'’-]+(?:\s+[\w&/-]+)?)\s+to\s+[a-z]"
)


SOMEONE_WILL = re.compile(
    r"^\s*(?P<who>(?:the\s+|our\s+)?[\w&/-]+(?:\s+[\w&/-]+)?)\s+"
    r"(?:needs?\s+to|will|must|should|(?:is|are)\s+going\s+to)\s+[a-z]"
)


def outsider(words: str) -> bool:
    """Tell whether words name people outside the pair: "IT", "HR", "the comms team"."""
    last = words.split()[-1]
    return (
        (last.isupper() and len(last) > 1) or last.lower() in GROUPS or is_role_word(last.lower())
    )


# A label that records what was settled: under it, work needs someone or an order.
DECIDED = re.compile(r"^(?:we\s+)?(?:agreed|decided)$", re.IGNORECASE)
# A heading whose own grammar promises work: "Katie will:", "Mentor to:", "What she'll do:".
WORK_HEADING = re.compile(r"(?:\bwill|['’]ll|\bto|\bgoing\s+to)(?:\s+do)?$", re.IGNORECASE)


def future_in_past(text: str) -> str:
    """Say "we agreed I'd post" as "we agreed I will post": the 'd binds like a will."""
    said = AGREED_D.sub(lambda m: f"{m['lead']} will", text)
    return AND_WOULD.sub(lambda m: f"{m['lead']} will", said) if said != text else text


def as_written(clause: str, sentence: str) -> str:
    """The clause as the notes wrote it, before `future_in_past` read its "would" as "will"."""
    pieces = [r"\s+".join(map(re.escape, p.split(" "))) for p in re.split(r"\s+will\b", clause)]
    body = r"(?:\s+will|['’]d|\s+would)".join(pieces)
    found = re.search(body, sentence)
    return found.group(0) if found else clause


def is_narrative(text: str, mentions: list[Mention]) -> bool:
    """Tell whether a sentence reports what happened: its first verb is in the past tense."""
    for word in re.findall(r"[a-z'’]+", text[lead_group_end(text, mentions) :].lower())[:4]:
        if word in BRIDGE or word == "already":
            continue
        if word in IRREGULAR_PAST or (
            word.endswith("ed") and len(word) > 3 and word not in NOT_PAST_ED
        ):
            return True
        if word in ("is", "are", "am", "will", "to", "can", "should", "must", "needs", "need"):
            return False
    return False


def outsider_commits(text: str, people: People) -> bool:
    """Tell whether a text opens with work for people outside the pair: "IT need to reset it"
    after a comma is a clause of its own, whatever the sentence told before it."""
    match = SOMEONE_WILL.match(text)
    return match is not None and not people.find(match["who"]) and outsider(match["who"])


def named_first(text: str, people: People) -> bool:
    """Tell whether a text opens with a named person (a pronoun split off its sentence would
    lose the antecedent the rest of the sentence gives it)."""
    mentions = people.find(text)
    return bool(mentions) and mentions[0].who != THIRD


def subject_known(text: str, people: People) -> bool:
    """Tell whether a text opens with someone the reader can name: a person, or a pronoun
    for the pair member named in an earlier sentence ("He drafted ..." after "Will ...")."""
    mentions = people.find(text)
    return bool(mentions) and (mentions[0].who != THIRD or people.last is not None)


def outsider_pronoun(text: str, before: str, people: People) -> bool:
    """Tell whether a clause opens with a pronoun for a third party, the only one named before
    it in the same sentence ("Ruth presented it last month, and she will present again")."""
    mentions = people.find(text)
    if not mentions or mentions[0].who != THIRD or lead_group_end(text, mentions) == 0:
        return False
    named = [m for m in people.find(before) if m.who in ("mentor", "mentee", "other")]
    return bool(named) and all(m.who == "other" for m in named)
