"""An action item said to the pair: its verb and everything the notes give after it, unchanged."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from coach.language.nlp import lemminflect, parse
from coach.offline.parse import REPORTING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# An owner tag before the work: "Ravi: write ...", "Gerald - ask ...", "[Tom] send ...";
# "moves our sessions to 7:30am" has a clock, not a tag.
# A dash tag is a few words that are no clause: in "Kim to book it - she'll try" the dash
# opens the writer's aside.
_TAG = re.compile(
    r"^\s*(?:\[[^\]]{1,40}\]|[^:\s][^:]{0,38}?:(?!\d)"
    r"|(?:(?!to\s)[^:\s]+\s+){0,2}(?!to\s)[^:\s]+\s[-–—]\s)\s*"
)
# What may stand before the verb: who does it, the modal, and a word like "also".
_LEAD_DEPS = frozenset("nsubj nsubjpass aux auxpass advmod npadvmod".split())
# "We'll both do a run-through": the parse may hang "both" on the verb with no label.
_EACH = frozenset("both each all".split())
MAX_LEAD = 6  # words before the verb: "Sam from the Legal team will" is about the longest
# Verbs that hand the work to the verb under them: "Raj promised to send" sends.
# "try", "want" and "plan" are kept: they are part of what the pair said they would do.
_HANDING = frozenset("go agree promise commit offer volunteer".split())
# Verbs that hand work to the one they name: "asked me to", "invited us to".
_ASKING = frozenset("ask invite remind tell want need expect".split())
# Verbs that settle whose work a will-clause under them is: "We decided Ana will lead".
_AGREEING = frozenset("agree decide promise".split())
_WILL = frozenset("will shall 'll ’ll".split())
_PRONOUNS = frozenset("he she they".split())
# "Grace to ask IT whether ...": an actions list's "<who> to <order>" means "<who> will".
_LIST_TO = re.compile(r"^(?P<who>[^\s,;:()]+(?:\s+[^\s,;:()]+){0,3}?)\s+to\s+(?P<rest>[a-z].*)$")


def _lead_ok(doc: Doc, verb: Token) -> bool:
    """Tell whether every word before the verb is its subject, a modal, or an adverb."""
    # "Ana to watch the videos Ben picks": a verb ahead of the root is work of its own.
    ahead = [t for t in doc[: verb.i] if t.pos_ == "VERB" and t.i != verb.head.i]
    if verb.i > MAX_LEAD or ahead:
        return False
    for token in doc[: verb.i]:
        top = token
        while top.head.i != top.i and top.head.i != verb.i and top.head.i < verb.i:
            top = top.head
        if top.head.i != verb.i and top.i != verb.head.i:
            return False
        if top.head.i == verb.i and top.dep_ not in _LEAD_DEPS and top.lower_ not in _EACH:
            return False
    return True


def _main_verb(doc: Doc) -> Token | None:
    """The verb that says the work: the root, or the one a "going to"/"promised to" hands on."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    under = next((c for c in root.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if under is not None and root.lemma_.lower() in _HANDING:
        return under
    # "He asked me to rewrite it": the writer was asked, and the rewriting is their work.
    asked_me = any(c.dep_ == "dobj" and c.lower_ in ("me", "us") for c in root.children)
    if under is not None and asked_me and root.lemma_.lower() in _ASKING:
        return under
    return _reported_work(root) or root


def _reported_work(root: Token) -> Token | None:
    """The will-verb agreed, or said of oneself, if there is one: "We agreed Ana will draft it".

    "Oskar says Bea will chase them" leaves whose work it is unsaid: said as before.
    """
    agreed = root.lemma_.lower() in _AGREEING
    if not agreed and root.lemma_.lower() not in REPORTING:
        return None
    speaker = next((c.lower_ for c in root.children if c.dep_ == "nsubj"), None)
    for verb in (c for c in root.children if c.dep_ == "ccomp" and c.i > root.i):
        subject = next((c.lower_ for c in verb.children if c.dep_ == "nsubj"), None)
        own = subject is not None and (subject == speaker or subject in _PRONOUNS)
        if any(c.dep_ == "aux" and c.lower_ in _WILL for c in verb.children) and (agreed or own):
            return verb
    return None


def work_said(text: str) -> str | None:
    """Return "send the deck to IT" for "Tom will send the deck to IT", or None if unsure.

    Only the owner, the modal and the verb's tense change: quotes, asides, names and the
    words after the verb are the notes' own, so nothing the action is about is lost.
    """
    body = " ".join(_TAG.sub("", text, count=1).split()).rstrip(" .,;")
    for reading, first in _readings(body):
        said = _said(reading)
        # A reading with a subject put ahead counts only if the work opens where the body did.
        if said is None or (first is not None and not _reads_as_verb(said, first)):
            continue
        return said
    return None


def _reads_as_verb(said: str, first: str) -> bool:
    """Tell whether work read with a subject put ahead opens on the body's first word, a verb.

    The lexicon tells a verb from a name or noun the parse took for one after "will"
    ("liz sponsoring ...", "retrospective on the goals").
    """
    word = said.split()[0].lower()
    return word == first and bool(lemminflect().getAllInflections(word, upos="VERB"))


def _readings(body: str) -> list[tuple[str, str | None]]:
    """The clause, then the same work with the subject and "will" an order or list form omits.

    The small model reads a bare "forward him the survey" as a noun phrase and "Grace to ask
    IT ..." as a noun with a relative clause; "They will forward ..." and "Grace will ask ..."
    parse as the work they are. Only the words before the verb differ, and those are not said.
    Each reading comes with the word the work must open with (None: any).
    """
    listed = _LIST_TO.match(body)
    if listed:
        rest = listed["rest"]
        return [(body, None), (f"{listed['who']} will {rest}", rest.split()[0].lower())]
    return [(body, None), (f"They will {body}", body.split()[0].lower())]


def _said(body: str) -> str | None:
    """The work of one reading of a clause, or None if its parse gives none."""
    doc = parse(body)
    verb = _main_verb(doc)
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return None  # "won't", a noun phrase, no verb: said as before
    if verb.i and not _lead_ok(doc, verb):
        return None
    if verb.tag_ not in ("VB", "VBP", "VBZ", "VBD") or verb.lemma_.lower() == "be":
        return None
    if verb.lemma_.lower() in REPORTING:  # "Oskar says Bea will ...": whose work is unsaid
        return None
    # "writes the post and sends it": each verb of the work said after "will" in its base form.
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.tag_ in ("VBZ", "VBD"))]
    out, cursor = [], verb.idx
    for each in verbs:
        out += [body[cursor : each.idx], each.text if each.tag_ == "VB" else each.lemma_]
        cursor = each.idx + len(each.text)
    return ("".join(out) + body[cursor:]).strip()
