"""The shared parser loads without spaCy's command line or presidio's factory entry point."""

from __future__ import annotations

import subprocess
import sys

from coach.settings import PROJECT_ROOT

SCRIPT = """
import sys
from coach.language.nlp import pipeline

assert pipeline()("You interrupted me.")[1].dep_ == "ROOT"
light = [m for m in ("spacy.cli", "weasel", "presidio_analyzer") if m in sys.modules]
import spacy
from spacy.util import registry

assert registry._entry_point_factories.entry_points  # the scan is only skipped for our load
assert callable(spacy.cli.download)  # a later caller, even by attribute, gets the real CLI
assert "weasel" in sys.modules
print(light)
"""


def test_the_parser_loads_without_spacy_cli_or_presidio() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_parse_on_the_whole_model_is_the_parse_without_its_recognizer() -> None:
    from coach.language import nlp

    texts = [
        "Priya from Dundee told Tom Baker on Monday that the demo ran long.",
        "Could you send the notes before Thursday's stand-up, please?",
        "I was cut off twice, and it left me unsure whether to speak again.",
    ]

    def attributes(doc: object) -> list[tuple[str, ...]]:
        return [
            (t.text, t.tag_, t.pos_, t.dep_, str(t.head.i), t.lemma_, str(t.is_sent_start))
            for t in doc  # type: ignore[attr-defined]
        ]

    light = [attributes(d) for d in nlp._light_pipeline().pipe(texts)]
    whole = [attributes(d) for d in nlp.full_pipeline().pipe(texts, disable=list(nlp.NO_NER))]
    assert whole == light
    assert not nlp.full_pipeline()(texts[0], disable=list(nlp.NO_NER)).ents
    assert nlp.full_pipeline()(texts[0]).ents  # the recognizer is there for Presidio


def test_the_tokenizer_english_builds_is_the_one_the_model_saved() -> None:
    from spacy.tokenizer import Tokenizer

    from coach.language import nlp

    loaded = nlp.full_pipeline()
    saved = Tokenizer(loaded.vocab).from_disk(nlp.model_path() / "tokenizer")
    assert loaded.tokenizer.to_bytes() == saved.to_bytes()
    words = [t.text for t in loaded("Don't e-mail me at 5pm, it's U.K. time!")]
    assert words == [t.text for t in saved("Don't e-mail me at 5pm, it's U.K. time!")]
