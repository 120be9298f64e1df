"""Replace identifying text with role words so a coordinator can read it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from coach.privacy.engine import LANGUAGE, NER_ENTITIES, analyzer, anonymizer
from coach.privacy.recognizers import (
    HANDLE_ENTITY,
    QUOTE_ENTITY,
    ROLE_ENTITY,
    TITLE_ENTITY,
    build_recognizers,
    name_entity,
    pattern_entities,
)
from coach.privacy.roles import role_spans
from coach.privacy.roster import ROLES, Roster, name_forms
from coach.privacy.spans import Span, resolve

if TYPE_CHECKING:
    from presidio_anonymizer.entities import OperatorConfig

_ROLE_WORDS = {"mentor": "the mentor", "mentee": "the mentee", "colleague": "a colleague"}
REPLACEMENTS: dict[str, str] = {
    "PERSON": "a colleague",
    "LOCATION": "a location",
    "ORGANIZATION": "an organisation",
    "EMAIL_ADDRESS": "[email]",
    "PHONE_NUMBER": "[phone]",
    "URL": "[link]",
    HANDLE_ENTITY: "[handle]",
    TITLE_ENTITY: "a senior leader",
    QUOTE_ENTITY: "[quote removed]",
    "TEAM_TITLE": "a colleague",
    ROLE_ENTITY: "a colleague",
    "ID_NUMBER": "[id]",
    "POSTCODE": "[postcode]",
    "STREET_ADDRESS": "[address]",
    "OTHER_SCRIPT": "[redacted]",
    "DEFAULT": "[redacted]",
}
for _role in ROLES:
    REPLACEMENTS[name_entity(_role)] = _ROLE_WORDS[_role]
    REPLACEMENTS[name_entity(_role, possessive=True)] = f"{_ROLE_WORDS[_role]}'s"

# "at the Acme office" becomes "at the an organisation office" without this.
_DOUBLE_ARTICLE = re.compile(
    r"\b(?:the|a|an|our|their)\s+(?=(?:an?|the)\s+"
    r"(?:organisation|location|colleague|senior leader|mentor|mentee)\b)",
    re.IGNORECASE,
)

_SCANNED = sorted(
    {
        *NER_ENTITIES,
        "PHONE_NUMBER",
        "URL",
        *pattern_entities(),
        *(name_entity(r, p) for r in ROLES for p in (False, True)),
    }
)
# Joins the fields of one view so a single analyzer call covers them all; the anonymizer's
# replacements never contain it, and each field is flattened to one line first.
_FIELD_BREAK = "\n\n"


def _operators() -> dict[str, OperatorConfig]:
    """Return one replace operator per entity type."""
    from presidio_anonymizer.entities import OperatorConfig

    return {k: OperatorConfig("replace", {"new_value": v}) for k, v in REPLACEMENTS.items()}


def _safe_terms(keep: Iterable[str], roster: Roster) -> list[str]:
    """Return the caller's vocabulary terms and their words, minus anything that is a name."""
    names = {f.lower() for forms in name_forms(roster) for f in forms.any_case | forms.as_name}
    terms = {t for term in keep for t in (term, *term.split())}
    return sorted(t for t in terms if t and t.lower() not in names)


def find_spans(text: str, roster: Roster, keep: Iterable[str] = ()) -> list[Span]:
    """Return the resolved, non-overlapping identifying spans of a text."""
    results = analyzer().analyze(
        text=text,
        language=LANGUAGE,
        entities=_SCANNED,
        ad_hoc_recognizers=build_recognizers(roster),
        allow_list=_safe_terms(keep, roster) or None,
    )
    spans = [Span(r.entity_type, r.start, r.end, r.score) for r in results]
    # A role in lower case ("the bursar", "our ward manager") points at its holder too.
    spans += [Span(ROLE_ENTITY, start, end, 0.85) for start, end in role_spans(text)]
    return resolve(text, spans)


def anonymize_all(texts: list[str], roster: Roster, *, keep: Iterable[str] = ()) -> list[str]:
    """Anonymize several one-line texts with one analyzer call; returns them in order."""
    flat = [" ".join(t.split()) for t in texts]
    if not any(flat):
        return flat
    joined = anonymize(_FIELD_BREAK.join(flat), roster, keep=keep)
    parts = joined.split(_FIELD_BREAK)
    if len(parts) != len(flat):  # cannot happen with one-line fields; fail closed if it does
        return ["[redacted]" for _ in flat]
    return parts


def anonymize(text: str, roster: Roster, *, keep: Iterable[str] = ()) -> str:
    """Return the text with people, contacts, titles, places, organisations and quotes replaced."""
    # `keep` is product vocabulary ("generative AI") that NER mistakes for places or companies.
    from presidio_anonymizer.entities import RecognizerResult

    if not text.strip():
        return text
    spans = find_spans(text, roster, keep)
    results = [RecognizerResult(s.entity, s.start, s.end, s.score) for s in spans]
    engine = anonymizer()
    replaced = engine.anonymize(text=text, analyzer_results=results, operators=_operators())
    return _DOUBLE_ARTICLE.sub("", replaced.text)
