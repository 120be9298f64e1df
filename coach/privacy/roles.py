"""Words that point at one person in any case: role phrases ("the bursar") and names as words."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from coach.lru import Lru
from coach.models import PRODUCTS
from coach.privacy.parses import parse_ahead, parsed
from coach.privacy.person_nouns import person_nouns
from coach.privacy.roster import Roster, name_tokens, role_names

# Most role nouns come from WordNet (person_nouns: every sense a person, "bursar", "midwife",
# "surveyor"). These are the ones it leaves out because they also name a thing or an act
# ("head", "chair", "lead", "principal"), or are abbreviations: in a role's place they point
# at someone just the same.
ROLE_NOUNS: frozenset[str] = frozenset(
    """
    boss chair controller counsel doctor executive founder governor head headteacher lead
    mother mum physio porter president principal secretary supervisor teacher vice-chancellor
    client trainer contractor editor partner coordinator
    vp svp evp ceo cfo coo cto cio cmo chro ciso cpo dpo hrbp
    """.split()
)
# The words the released text itself uses for people say a role, never who holds it.
_OWN_WORDS = frozenset({"mentor", "mentee", "colleague", "participant"})
# The tools the topics teach: WordNet's "copilot" is a person, the program's is a product.
PRODUCT_WORDS = frozenset(p.lower() for p in PRODUCTS)


def is_role_word(word: str) -> bool:
    """Tell whether a lower-case word is a noun for a person by what they do or are."""
    if word in PRODUCT_WORDS:
        return False
    return word in ROLE_NOUNS or (word in person_nouns() and word not in _OWN_WORDS)


# An article or quantifier that makes a role one of many: "a manager" points at no one.
_INDEFINITE = frozenset("a an any some every each no another other".split())
# A role reached through "of" names its unit: "head of quality", "director of collections".
_OF = frozenset({"of"})


def _is_role(token: Any) -> bool:
    """Tell whether a token is a role noun (spaCy tags "the bursar" a noun, "cfo" either)."""
    return token.pos_ in ("NOUN", "PROPN") and (
        is_role_word(token.lower_) or is_role_word(token.lemma_.lower())
    )


def identifies(token: Any) -> bool:
    """Tell whether a role noun points at one holder: definite, possessed, bare or qualified."""
    if not _is_role(token) or token.dep_ in ("compound", "amod"):
        return False
    # "the manager guide", "the nurse rota": a role before a noun names a kind of thing,
    # whichever way the parse attached it.
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if after is not None and after.pos_ == "NOUN" and after.dep_ != "npadvmod":
        return False
    dets = [c for c in token.children if c.dep_ in ("det", "poss", "predet")]
    if any(d.lower_ in _INDEFINITE for d in dets):
        return False
    if token.tag_ not in ("NNS", "NNPS"):
        return True
    # "managers" in general is nobody, nor is "the managers"; "the ward managers" or "our shop
    # stewards" is a small group a reader can name.
    qualified = any(c.dep_ in ("compound", "amod", "nmod") for c in token.children)
    # The article may hang off the modifier ("the" under "shop" in "the shop stewards").
    definite = any(
        t.dep_ in ("det", "poss") and t.lower_ not in _INDEFINITE
        for t in token.subtree
        if t.i < token.i
    )
    return qualified and definite


def role_span(token: Any) -> tuple[int, int]:
    """The characters of a role phrase: its modifiers, the role, and an "of X" after it."""
    last = token.i
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _OF and child.i == last + 1:
            # The unit and its conjuncts ("of sales and marketing"), not what follows it.
            for unit in (c for c in child.children if c.dep_ == "pobj"):
                last = max([unit.i, *(c.i for c in unit.children if c.dep_ == "conj")])
    start = token.left_edge
    return start.idx, token.doc[last].idx + len(token.doc[last])


def role_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return the character spans of role phrases that point at one person, line by line."""
    # One line at a time: the gate and the anonymizer see a field beside different
    # neighbours, and a parse that crosses fields could read the same words two ways.
    lines = text.split("\n")
    _read_lines(lines)
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in lines:
        spans += [(offset + a, offset + b) for a, b in _LINES.get(line) or ()]
        offset += len(line) + 1
    return tuple(spans)


# Role spans of lines already read: the release and its leak check read the same lines.
_LINES: Lru[str, tuple[tuple[int, int], ...]] = Lru(1024)


def _read_lines(lines: list[str]) -> None:
    """Read the lines not read yet, parsed in one spaCy batch through the shared parse store."""
    missing = [line for line in dict.fromkeys(lines) if _LINES.get(line) is None]
    for line in (m for m in missing if not m.strip()):
        _LINES.put(line, ())
    texts = [m for m in missing if m.strip()]
    parse_ahead(texts)
    for line in texts:
        _LINES.put(line, _doc_spans(parsed(line)))


def _doc_spans(doc: Any) -> tuple[tuple[int, int], ...]:
    """Return the role spans of one parsed line, overlapping ones merged."""
    spans = sorted(role_span(t) for t in doc if identifies(t))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


# Entity labels whose words name someone or somewhere: "Reading" the town, "Hope" the person.
_NAMING = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG"})


@lru_cache(maxsize=64)
def names_as_words(notes: str, roster: Roster) -> frozenset[str]:
    """Return, lower case, every word the notes or roster use as a name ("will" for Will)."""
    # A coordinator's reader matches names whole-word in any case, so a name that is also
    # a word ("Will", "Mark", "Reading") is not said even as the word.
    words = {
        t.lower() for names in role_names(roster).values() for n in names for t in name_tokens(n)
    }
    doc = parsed(notes)
    # A one-word place or organisation is matched whole ("Reading"); of a longer one
    # ("Customer Service Team") no single word identifies, but every part of a person's does.
    for ent in doc.ents:
        if ent.label_ == "PERSON" or (ent.label_ in _NAMING and len(ent) == 1):
            words.update(t.lower_ for t in ent)
    # A proper noun NER missed ("Hope took me through it") is a name too, wherever it stands.
    words.update(t.lower_ for t in doc if t.pos_ == "PROPN" and not t.ent_type_)
    # "Mark (mentee) and me" tags "mentee" as part of a name; the view says people by these
    # words, so dropping them would leave "the uses dashboards" for "the mentee uses ...".
    return frozenset(w for w in words if w.isalpha() and w not in _OWN_WORDS)
