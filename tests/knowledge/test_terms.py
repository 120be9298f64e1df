"""Topic cue terms read from the topic files' own tags and key-concept names."""

from __future__ import annotations

from pathlib import Path

from coach.knowledge.documents import load_document
from coach.knowledge.terms import file_terms
from coach.offline.vocab import topics_of

_FILE = """---
id: topic-{slug}
title: {slug}
kind: topic
topics: [{tags}]
audience: all
---

# {slug}

## Key concepts

- **{concepts}**: what it is.
- **Plain**: one word.
"""


def _doc(tmp_path: Path, slug: str, tags: str, concepts: str):  # type: ignore[no-untyped-def]
    path = tmp_path / f"{slug}.md"
    path.write_text(_FILE.format(slug=slug, tags=tags, concepts=concepts), encoding="utf-8")
    return load_document(path, tmp_path)


def test_terms_are_tags_and_concept_phrases_no_other_file_shares(tmp_path: Path) -> None:
    docs = [
        _doc(
            tmp_path,
            "pottery",
            "pottery, glaze-firing, team-norms",
            "Kiln schedule versus wheel time",
        ),
        _doc(tmp_path, "weaving", "weaving, team-norms", "Warp tension"),
    ]
    terms = file_terms(docs)
    # "team norms" is shared, a one-word concept ("Plain") is an everyday word: neither counts.
    assert terms["topic-pottery"] == {"pottery", "glaze firing", "kiln schedule", "wheel time"}
    assert terms["topic-weaving"] == {"weaving", "warp tension"}


def test_notes_in_a_files_own_words_vote_for_its_topic() -> None:
    # No word of the hand-written cue lists for either topic occurs in these notes.
    notes = "We drafted anchor days for the team and talked about proximity bias in reviews."
    assert topics_of(notes, [])[0] == "hybrid work"
    notes = "She asked about reasonable adjustments and how stigma keeps people quiet."
    assert topics_of(notes, [])[0] == "mental health"


def test_a_trend_named_by_its_coined_term_is_cultural_trends() -> None:
    notes = "He showed me BookTok and the slang younger colleagues use for it."
    assert topics_of(notes, [])[0] == "cultural trends"
