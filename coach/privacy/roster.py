"""Who was in the room, and every form their names can take in session notes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from coach.models import SummaryRequest
from coach.privacy.nicknames import COMMON_WORD_NAMES, variants

Role = Literal["mentor", "mentee", "colleague"]
ROLES: tuple[Role, ...] = ("mentor", "mentee", "colleague")

# Honorifics, suffixes and particles are not names on their own: "van" or "Dr" would match
# half the notes without identifying anyone.
_NOT_NAMES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "jr", "sr", "ii", "iii",
        "van", "von", "der", "de", "da", "del", "la", "le", "di", "du", "bin", "al", "st",
    }
)  # fmt: skip
_APOSTROPHES = ("'", "’")


class Roster(BaseModel):
    """The people a session's notes may name."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    mentor: str = Field(min_length=1)
    mentee: str = Field(min_length=1)
    others: tuple[str, ...] = ()

    @classmethod
    def from_request(cls, request: SummaryRequest) -> Roster:
        """Build the roster of a summary request."""
        return cls(
            mentor=request.mentor_name,
            mentee=request.mentee_name,
            others=tuple(request.other_names),
        )


@dataclass(frozen=True)
class NameForms:
    """One role's name forms, split by how they must be matched."""

    role: Role
    any_case: frozenset[str]
    as_name: frozenset[str]
    possessive_any_case: frozenset[str]
    possessive_as_name: frozenset[str]


def name_tokens(name: str) -> list[str]:
    """Return the parts of a name that can identify someone on their own."""
    parts = re.split(r"[\s\-]+", name.strip())
    tokens = [p.strip(".,'’") for p in parts]
    return [t for t in tokens if len(t) >= 2 and t.lower() not in _NOT_NAMES]


def _forms_of(name: str) -> set[str]:
    """Return the full name, each name part and its nicknames, in canonical case."""
    forms = {" ".join(name.split())} if name.strip() else set()
    if "-" in name:
        forms.add(name.strip())
    for token in name_tokens(name):
        forms.update(v.capitalize() for v in variants(token))
        forms.add(token)
    return {f for f in forms if f}


def _possessives(forms: set[str]) -> set[str]:
    """Return "Maria's" / "James'" forms with straight and curly apostrophes."""
    out: set[str] = set()
    for form in forms:
        for apo in _APOSTROPHES:
            out.add(f"{form}{apo}s")
            if form.lower().endswith("s"):
                out.add(f"{form}{apo}")
    return out


def role_names(roster: Roster) -> dict[Role, list[str]]:
    """Return the raw names behind each role."""
    return {"mentor": [roster.mentor], "mentee": [roster.mentee], "colleague": list(roster.others)}


def name_forms(roster: Roster) -> list[NameForms]:
    """Return every role's name forms; a form claimed by an earlier role is not repeated."""
    claimed: set[str] = set()
    result: list[NameForms] = []
    for role, names in role_names(roster).items():
        forms: set[str] = set()
        for name in names:
            forms |= _forms_of(name)
        forms = {f for f in forms if f.lower() not in claimed}
        claimed |= {f.lower() for f in forms}
        as_name = {f for f in forms if f.lower() in COMMON_WORD_NAMES}
        any_case = forms - as_name
        as_name |= {f.upper() for f in as_name}
        result.append(
            NameForms(
                role=role,
                any_case=frozenset(any_case),
                as_name=frozenset(as_name),
                possessive_any_case=frozenset(_possessives(any_case)),
                possessive_as_name=frozenset(_possessives(as_name)),
            )
        )
    return result
