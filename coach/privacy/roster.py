"""Who was in the room, and every form their names can take in session notes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
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


_APOSTROPHE = re.compile(r"['’‘`´ʼ]")


def fold(text: str) -> str:
    """Return text in ASCII: diacritics dropped, other scripts transliterated, one apostrophe."""
    from anyascii import anyascii

    return anyascii(_APOSTROPHE.sub("'", text))


def name_tokens(name: str) -> list[str]:
    """Return the parts of a name that can identify someone on their own."""
    parts = re.split(r"[\s\-]+", name.strip())
    tokens = [p.strip(".,'’") for p in parts]
    return [t for t in tokens if len(t) >= 2 and t.lower() not in _NOT_NAMES]


def _spellings(form: str) -> set[str]:
    """Return a form as written, folded to ASCII, and with its apostrophe curly, gone or a space."""
    out = {form, fold(form)}
    if any(ord(c) > 0x2E80 for c in form):  # CJK: "李明" -> "LiMing" and "Li Ming"
        from anyascii import anyascii

        out.add(" ".join(anyascii(c) for c in form if not c.isspace()))
    for f in list(out):
        if "'" in f or "’" in f:
            bare = _APOSTROPHE.sub("'", f)
            out |= {bare, bare.replace("'", "’"), bare.replace("'", ""), bare.replace("'", " ")}
    return {o for o in out if o.strip()}


def _initials(name: str) -> set[str]:
    """Return dotted initials ("M.L.", "M. L.") and, from three letters up, bare ones ("MLR")."""
    letters = [t[0].upper() for t in name_tokens(name) if t[:1].isalpha()]
    if len(letters) < 2:
        return set()
    found = {".".join(letters) + ".", ". ".join(letters) + "."}
    # Two bare letters are usually an acronym (AI, HR, ML); three rarely are.
    if len(letters) >= 3:
        found.add("".join(letters))
    return found


def _own_forms(name: str) -> set[str]:
    """Return a person's own name forms: full, hyphenated, each part, in every spelling."""
    forms = {" ".join(name.split())} if name.strip() else set()
    if "-" in name:
        forms.add(name.strip())
    forms.update(name_tokens(name))
    forms.update(p for t in name_tokens(name) for p in t.split("-") if len(p) >= 2)
    return {s for f in forms for s in _spellings(f)}


# A given name cut short ("Alex" for "Alexandros") keeps at least this many letters.
MIN_SHORT_NAME = 4


def _nickname_forms(name: str) -> set[str]:
    """Return the nicknames, formal forms and short forms of a given name, capitalised."""
    tokens = name_tokens(fold(name))
    forms = {v.capitalize() for t in tokens for v in variants(t) if v != t.lower()}
    return {f for f in forms if len(f) >= 3}


def _short_forms(name: str) -> set[str]:
    """Return a given name cut short ("Alex" for "Alexandros"): the table misses many."""
    tokens = name_tokens(fold(name))
    if not tokens:
        return set()
    return {tokens[0][:n].capitalize() for n in range(MIN_SHORT_NAME, len(tokens[0]))}


def _possessives(forms: set[str]) -> set[str]:
    """Return "Maria's" / "James'" forms with straight and curly apostrophes."""
    out: set[str] = set()
    for form in forms:
        if form.endswith("."):
            continue
        for apo in _APOSTROPHES:
            out.add(f"{form}{apo}s")
            if form.lower().endswith("s"):
                out.add(f"{form}{apo}")
    return out


def role_names(roster: Roster) -> dict[Role, list[str]]:
    """Return the raw names behind each role."""
    return {"mentor": [roster.mentor], "mentee": [roster.mentee], "colleague": list(roster.others)}


@lru_cache(maxsize=64)
def name_forms(roster: Roster) -> tuple[NameForms, ...]:
    """Return every role's name forms; nobody's own name is taken as another's nickname."""
    own = {
        role: set().union(*(_own_forms(n) for n in names))
        for role, names in role_names(roster).items()
    }
    everyone = {f.lower() for forms in own.values() for f in forms}
    claimed: set[str] = set()
    result: list[NameForms] = []
    for role, names in role_names(roster).items():
        nick = {f for n in names for f in _nickname_forms(n) if f.lower() not in everyone}
        forms = {f for f in own[role] if f.lower() not in claimed}
        nick = {f for f in nick if f.lower() not in claimed}
        claimed |= {f.lower() for f in forms | nick}
        # A nickname that is also a word ("Kit", "Bell") only counts written as a name.
        as_name = {f for f in forms if f.lower() in COMMON_WORD_NAMES}
        as_name |= {f for f in nick if f.lower() in COMMON_WORD_NAMES}
        # Short forms ("Chris", "Robe") are often words too: they count written as a name.
        short = {f for n in names for f in _short_forms(n)}
        short = {f for f in short if f.lower() not in everyone | claimed}
        claimed |= {f.lower() for f in short}
        as_name |= short
        any_case = (forms | nick) - as_name
        as_name |= {f.upper() for f in as_name}
        as_name |= {i for n in names for i in _initials(n)}
        result.append(
            NameForms(
                role=role,
                any_case=frozenset(any_case),
                as_name=frozenset(as_name),
                possessive_any_case=frozenset(_possessives(any_case)),
                possessive_as_name=frozenset(_possessives(as_name)),
            )
        )
    return tuple(result)
