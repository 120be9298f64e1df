"""What the session covered: the tools, activities and things its notes worked on."""

from __future__ import annotations

import re
from typing import Any

from coach.privacy.parses import parse_ahead, parsed
from coach.privacy.roles import PRODUCT_WORDS

# Phrases about when ("next time", "last week") say nothing about what was covered.
_WHEN = frozenset("time week day month session meeting hour minute year".split())


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
    if obj is None:
        return None
    kept = [t for t in obj.subtree if t.i <= obj.i and t.pos_ in ("NOUN", "ADJ")]
    return " ".join([token.lower_, *(_as_said(t) for t in kept)])


def _chunk_phrase(chunk: Any) -> str | None:
    """A noun chunk as a covered phrase, or None for people, pronouns, numbers and times."""
    if chunk.root.pos_ != "NOUN" or any(t.pos_ in ("PROPN", "NUM") for t in chunk):
        return None
    if chunk.root.lemma_.lower() in _WHEN:
        return None
    # "last week's threads" is threads: when they were written is no part of what they are.
    timed = {
        w for t in chunk if t.lemma_.lower() in _WHEN and t is not chunk.root for w in t.subtree
    }
    kept = [t for t in chunk if t.pos_ in ("NOUN", "ADJ", "VERB", "ADP") and t not in timed]
    if len(kept) < 2:
        return None
    return f"{_article(chunk[0])}{' '.join(_as_said(t) for t in kept)}"


def _phrases_of(sentence: Any) -> list[tuple[int, str]]:
    """The covered phrases of one sentence with where each starts, in the order written."""
    found: list[tuple[int, str]] = []
    for token in sentence:
        phrase = _product_phrase(token) or _activity(token)
        if phrase:
            found.append((token.i, phrase))
    if not _felt(sentence):
        found += [(c.start, p) for c in sentence.noun_chunks if (p := _chunk_phrase(c))]
    return sorted(found)


def noun_phrases(texts: list[str], limit: int) -> list[str]:
    """Return the distinct phrases of what some texts worked on: tools, activities, things.

    Not people, pronouns or times, nor what was quoted or felt ("the chief exec" in a worry).
    """
    found: list[str] = []
    plain = [_ASIDE.sub(" ", t) for t in texts]
    parse_ahead(plain)
    for doc in map(parsed, plain):
        for sentence in doc.sents:
            for _, phrase in _phrases_of(sentence):
                seen = [_bare(f).lower() for f in found]
                if _bare(phrase).lower() not in seen and not any(phrase.lower() in s for s in seen):
                    found.append(phrase)
                if len(found) >= limit:
                    return found
    return found
