"""What the session covered: the tools, activities and things its notes worked on."""

from __future__ import annotations

import re
from typing import Any

from coach.offline.parse import REPORTING, hyphened
from coach.privacy.parses import parse_ahead, parsed
from coach.privacy.person_nouns import person_nouns
from coach.privacy.roles import PRODUCT_WORDS, is_role_word

# Phrases about when ("next time", "last week") say nothing about what was covered.
_WHEN = frozenset("time week day month quarter session meeting hour minute year".split())
# Nouns too general to say what was covered ("the big picture", "a whole thing", "a lot"), and
# adjectives that only point or rank ("most updates", "the other half", "their own view").
# Hand-written: the venv has no word-frequency list to tell general words from the others.
_GENERAL = frozenset(
    "thing things stuff lot lots way ways bit deal kind sort type half picture part one ones "
    "version side idea aspect something everything anything".split()
)
_POINTING = frozenset(
    "most other same own only whole real certain various such main particular usual entire "
    "more less many few several much".split()
)
# Nouns for a body of people ("the product team", "junior staff"): who was there or talked of,
# not what was covered. Hand-written: WordNet's noun.group, the nearest list, mixes them with
# things ("array", "network", "board"), and the planning board is what was covered.
_PEOPLE = frozenset("team staff people workforce personnel crew squad audience committee".split())
# What something is set against ("instead of email chains", "faster than the paper form").
_CONTRAST = frozenset({"than"})
# What someone told of elsewhere ("a story about a colleague who lost a shared drive").
_STORY = frozenset("story anecdote tale experience".split())
_TELLING = frozenset("tell recall recount describe share mention remember".split())


def _article(first: Any) -> str:
    """The article a phrase is said with: its own "a" or "an", else "the" for "our", "this"."""
    word = first.lower_
    if word in ("a", "an"):
        return f"{word} "
    return "the " if first.pos_ in ("DET", "PRON") and word not in ("no", "any", "some") else ""


def _bare(phrase: str) -> str:
    """A phrase without its leading article."""
    return re.sub(r"^(?:the|a|an) ", "", phrase)


def _as_said(token: Any) -> str:
    """A word in lower case, unless its capitals are its own ("LinkedIn", "KPI", "Excel")."""
    text = token.text
    inner = any(c.isupper() for c in text[1:])
    if inner or (text[:1].isupper() and not token.is_sent_start):
        return text
    return text.lower()


# What someone felt about a thing ("nervous about the chief exec") is not what was covered.
FEELINGS = frozenset(
    "nervous worried anxious afraid scared concerned uneasy uncomfortable wary sceptical "
    "skeptical frightened embarrassed worry fear dread panic".split()
)
# A quotation or an aside in brackets reports words, not the session's work.
_ASIDE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\"[^\"]*\"|“[^”]*”")


def _felt(sentence: Any) -> bool:
    """Tell whether a sentence reports a feeling: "She was nervous about it ..."."""
    root = sentence.root
    heads = [root, *(c for c in root.children if c.dep_ in ("acomp", "attr", "oprd"))]
    return any(t.lemma_.lower() in FEELINGS or t.lower_ in FEELINGS for t in heads)


def _product_phrase(token: Any) -> str | None:
    """A product and the product it sits in, as written: "Copilot in Outlook"."""
    if token.lower_ not in PRODUCT_WORDS or token.dep_ == "compound":
        return None
    words = [token.text]
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "on")):
        inner = [c for c in prep.children if c.dep_ == "pobj" and c.lower_ in PRODUCT_WORDS]
        words += [prep.text, inner[0].text] if inner else []
    return " ".join(words)


def _activity(token: Any) -> str | None:
    """A gerund and its object, the work itself: "drafting replies", "clearing the inbox"."""
    if token.tag_ != "VBG" or token.pos_ != "VERB":
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if obj is None or obj.lemma_.lower() in _GENERAL:  # "doing a lot", "showing stuff"
        return None
    kept = _whole([t for t in obj.subtree if t.i <= obj.i and t.pos_ in ("NOUN", "ADJ")])
    kept = [t for t in kept if t.lower_ not in _POINTING]
    # "asking their team" is said "asking the team", not "asking team".
    return f"{token.lower_} {_article(next(obj.subtree))}{_said(kept)}"


def _whole(tokens: list[Any]) -> list[Any]:
    """Tokens without a hyphened word any part of which was left out ("all-team" less "all")."""
    kept = set(tokens)
    return [t for t in tokens if all(p in kept or p.text == "-" for p in hyphened(t))]


def _said(tokens: list[Any]) -> str:
    """Say tokens in order, a hyphened word whole ("e-learning") and the rest spaced."""
    out = ""
    for before, token in zip([None, *tokens], tokens, strict=False):
        joined = before is not None and before.i + 1 == token.i and not before.whitespace_
        out += ("" if joined or not out else " ") + _as_said(token)
    return out


def _lower(token: Any) -> bool:
    """A word the parse calls a name but written in lower case mid-phrase: "the quarterly"."""
    return token.text.islower() and not token.is_sent_start


def _product_or_word(token: Any) -> bool:
    """A "name" in a phrase that names no one: a product ("Teams channels"), or a plain word."""
    return token.lower_ in PRODUCT_WORDS or _lower(token)


def _describes(token: Any, chunk: Any, timed: set[Any]) -> bool:
    """Tell whether a chunk's word says what the thing is (not when, which or how much)."""
    if token in timed or token.tag_ in ("JJS", "JJR", "RBS") or token.lower_ in _POINTING:
        return False
    if token.text == "-":  # kept between the parts of a hyphened word
        return True
    # "the shared drive" keeps its participle; a verb the parse put in a chunk is a misreading.
    if token.pos_ == "VERB":
        return token.tag_ in ("VBG", "VBN") and token.i < chunk.root.i
    named = token.pos_ == "PROPN" and _product_or_word(token)  # "Teams channels"
    return named or token.pos_ in ("NOUN", "ADJ", "ADP")


def _people(root: Any) -> bool:
    """Tell whether a noun names people ("senior managers", "a new joiner", "the team")."""
    lemma = root.lemma_.lower()
    if lemma in _PEOPLE:
        return True
    # With a noun before it, a person noun is as often a tool ("the complaints tracker", "a
    # password manager") as a person ("the facilities manager"): only a bare one is a person.
    compound = any(c.dep_ == "compound" for c in root.children)
    return not compound and (is_role_word(lemma) or lemma in person_nouns())


def _contrasted(root: Any) -> bool:
    """Tell whether a noun is what the work is set against: "than the form", "instead of email"."""
    if root.dep_ == "pobj":
        link = root.head
    elif root.dep_ == "conj":  # "into a form instead of the diary": "of" joins the two
        link = next((c for c in root.head.children if c.dep_ == "cc" and c.i < root.i), None)
    else:
        return False
    if link is None:
        return False
    instead = link.lower_ == "of" and any(c.lower_ == "instead" for c in link.children)
    return instead or link.lower_ in _CONTRAST


def _chunk_phrase(chunk: Any) -> str | None:
    """A noun chunk as a covered phrase, or None for people, pronouns, numbers and times."""
    if chunk.root.pos_ != "NOUN" or chunk.root.lemma_.lower() in _WHEN | _GENERAL:
        return None
    if _people(chunk.root) or _contrasted(chunk.root):
        return None
    if any(t.pos_ == "NUM" or (t.pos_ == "PROPN" and not _product_or_word(t)) for t in chunk):
        return None
    # "last week's threads" is threads: when they were written is no part of what they are.
    timed = {
        w for t in chunk if t.lemma_.lower() in _WHEN and t is not chunk.root for w in t.subtree
    }
    kept = _whole([t for t in chunk if _describes(t, chunk, timed)])
    kept = [t for t in kept if t.text != "-" or {t.i - 1, t.i + 1} <= {k.i for k in kept}]
    if len([t for t in kept if t.text != "-"]) < 2:
        return None
    return f"{_article(chunk[0])}{_said(kept)}"


def _told(sentence: Any) -> bool:
    """Tell whether a sentence reports words or a story told, not what the pair worked on."""
    root = sentence.root
    lemma = root.lemma_.lower()
    if lemma in REPORTING and any(c.dep_ == "ccomp" for c in root.children):
        return True
    return lemma in _TELLING and any(t.lemma_.lower() in _STORY for t in root.subtree)


def _about_someone(token: Any) -> bool:
    """Tell whether a token sits in a clause about a person: "a colleague who lost a drive"."""
    return any(
        a.dep_ in ("relcl", "acl") and is_role_word(a.head.lemma_.lower()) for a in token.ancestors
    )


def _worried_about(token: Any) -> bool:
    """Tell whether a token is what someone felt about: "(I was) nervous about losing touch"."""
    return any(a.lemma_.lower() in FEELINGS or a.lower_ in FEELINGS for a in token.ancestors)


def _phrases_of(sentence: Any) -> list[tuple[int, str]]:
    """The covered phrases of one sentence with where each starts, in the order written."""
    found: list[tuple[int, str]] = []
    for token in sentence:
        phrase = _product_phrase(token) or _activity(token)
        if phrase:
            found.append((token.i, phrase))
    # A thing someone felt about ("anxious about the supplier updates") is a worry, not work;
    # an activity stays ("nervous about it drafting replies" is what the tool was tried on).
    if not _felt(sentence):
        chunks = [c for c in sentence.noun_chunks if not _worried_about(c.root)]
        found += [(c.start, p) for c in chunks if (p := _chunk_phrase(c))]
    return sorted((i, p) for i, p in found if not _about_someone(sentence.doc[i]))


def noun_phrases(texts: list[str], limit: int) -> list[str]:
    """Return the distinct phrases of what some texts worked on: tools, activities, things.

    Not people, pronouns or times, nor what was quoted or felt ("the chief exec" in a worry).
    """
    found: list[str] = []
    plain = [_ASIDE.sub(" ", t) for t in texts]
    parse_ahead(plain)
    for doc in map(parsed, plain):
        for sentence in (s for s in doc.sents if not _told(s)):
            for _, phrase in _phrases_of(sentence):
                seen = [_bare(f).lower() for f in found]
                if _bare(phrase).lower() not in seen and not any(phrase.lower() in s for s in seen):
                    found.append(phrase)
                if len(found) >= limit:
                    return found
    return found
