"""What a clause's main verb says about it, read from a spaCy dependency parse."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Literal

from coach.language.nlp import lemminflect
from coach.privacy.parses import parsed
from coach.privacy.roles import PRODUCT_WORDS, identifies, is_role_word, role_span

# Verbs that report what someone said or thought: "Anil said people should come in".
REPORTING = frozenset(
    "say tell think joke mention admit point laugh suggest reckon feel believe claim argue "
    "complain worry wonder note explain warn add reply answer insist grumble tease confirm "
    "assure".split()
)
# Past-tense verbs that still bind their subject to future work: "Kate agreed to try".
BINDING = frozenset(
    "agree promise commit volunteer offer decide plan pledge ask remind invite challenge".split()
)
_MODALS = frozenset("will shall 'll ’ll must should".split())
# Adverbs that turn "will" into a forecast: "Mark will probably say no" commits no one.
HEDGES = frozenset("probably likely possibly hopefully perhaps maybe eventually someday".split())
# Verbs whose future tells how someone will be, not what they will do: "will be on leave",
# "will become an expert"; and those that do so with an adjective: "will feel more
# comfortable", "will find it easier" (but "will look at the data", "will find examples").
STATES = frozenset("be become remain".split())
LINKING = frozenset("feel seem look sound appear find".split())
# Verbs of wanting and knowing: "want to learn" opens a wish, not an order.
WISHES = frozenset("want wish hope like love need know understand prefer".split())
Reading = Literal["reported", "past", "forecast", "promised", "main"]


def _binds(verb: Any, root: Any) -> bool:
    """Tell whether a verb is the root or sits under a verb like "agree" or "promise"."""
    return verb is root or any(a.lemma_.lower() in BINDING for a in verb.ancestors)


@lru_cache(maxsize=1024)
def read_clause(text: str) -> Reading:
    """Say whether a clause reports speech, tells what happened, or states work to do."""
    doc = parsed(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return "main"
    lead = _spliced_lead(doc, root)
    if lead:  # "I'll tell HR this week, I think they need to know": the work comes first
        return read_clause(lead)
    children = list(root.children)
    if root.lemma_.lower() in REPORTING and any(c.dep_ in ("ccomp", "xcomp") for c in children):
        promise = _own_promise(root)
        if promise is not None:  # "Tom says he'll book it": his word on his own work
            return "forecast" if _forecast(promise) else "promised"
        # "Grace reckons I'll be hooked within a week": a guess, however dated.
        verbs = _future_verbs(doc)
        if verbs and all(_forecast(v) or _guessed_for_another(v, root) for v in verbs):
            return "forecast"
        return "reported"
    # "She reminded him that Ruth would want it": a reminder of a fact, not one to act.
    if root.lemma_.lower() == "remind" and any(c.dep_ == "ccomp" for c in children):
        return "reported"
    # "Will had planned to email them by Monday": the past perfect tells what was, even dated.
    perfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in children)
    if root.tag_ == "VBN" and perfect and not any(c.dep_ == "neg" for c in children):
        return "past"
    # "We wrapped up by agreeing that Katie will post": a modal under the root or under a
    # binding verb still commits someone; "I'll be honest" inside a story does not.
    modal = any(t.dep_ == "aux" and t.text.lower() in _MODALS and _binds(t.head, root) for t in doc)
    if root.tag_ == "VBD" and not modal and root.lemma_.lower() not in BINDING:
        return "past"
    return _future_reading(doc)


def _spliced_lead(doc: Any, root: Any) -> str:
    """The clause before a comma or dash splice, when the root after it has its own object.

    "Ana will send the list - she mentioned two names" is work and then news; "We'll win,
    he said" is one report (its "said" takes nothing else).
    """
    lead = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
    own = any(c.dep_ in _OWN_COMPLEMENTS and c.i > root.i for c in root.children)
    # Only a remark follows: a report or a past event ("; she plans to ..." is work itself).
    remark = root.lemma_.lower() in REPORTING or root.tag_ == "VBD"
    if lead is None or not own or not remark:
        return ""
    cut = next((t for t in doc[lead.right_edge.i + 1 : root.i] if t.text in _SPLICES), None)
    return doc[: cut.i].text if cut is not None else ""


_SPLICES = frozenset(", - – — ;".split())
_OWN_COMPLEMENTS = frozenset("dobj ccomp xcomp attr".split())
# Saying verbs that give one's word: "I said I will write it up" commits the one who said it,
# as "Ivo told me he will send it" does.
_GIVING_WORD = frozenset("say confirm insist tell assure".split())
_PRONOUNS = frozenset("he she they".split())
_WILL = frozenset("will shall 'll ’ll".split())


def _own_promise(root: Any) -> Any:
    """The verb a speaker promises to do ("Tom says he'll book it"), or None if none is."""
    if root.lemma_.lower() not in _GIVING_WORD:
        return None
    speaker = next((c for c in root.children if c.dep_ == "nsubj"), None)
    for verb in (c for c in root.children if c.dep_ == "ccomp" and c.i > root.i):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        modal = any(c.dep_ == "aux" and c.lower_ in _WILL for c in verb.children)
        # "I said I will need to check" voices a need; "I said I'd do that" names no work.
        vague = verb.lemma_.lower() == "do" and any(
            c.dep_ == "dobj" and c.lower_ in ("that", "this", "it", "so") for c in verb.children
        )
        if speaker is None or subject is None or not modal or vague:
            continue
        if verb.lemma_.lower() in WISHES:
            continue
        same = subject.lower_ == speaker.lower_ or (
            subject.lower_ in _PRONOUNS and speaker.pos_ in ("PROPN", "NOUN")
        )
        if same:
            return verb
    return None


# Verbs of guessing: "Grace reckons I'll be hooked by March" is her guess, no one's promise.
_GUESSING = frozenset("reckon think believe bet guess expect predict suspect".split())


def _guessed_for_another(verb: Any, root: Any) -> bool:
    """Tell whether a guessing root's passive will-future befalls someone else than the guesser.

    "will be hooked" tells how someone will end up, as "will be fluent" does; "Tom reckons
    Priya will send it by Friday" names work, and "should" is advice: both read as before.
    """
    if root.lemma_.lower() not in _GUESSING or verb.head.i != root.i:
        return False
    children = list(verb.children)
    if not any(c.dep_ == "aux" and c.lower_ in _WILL for c in children):
        return False
    if not any(c.dep_ == "auxpass" for c in children):
        return False
    speaker = next((c for c in root.children if c.dep_ == "nsubj"), None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if speaker is None or subject is None or speaker.lower_ in ("i", "we"):
        return False  # "I think I'll send it by Friday" is the writer's own hedged plan
    same = subject.lower_ == speaker.lower_ or (
        subject.lower_ in _PRONOUNS and speaker.pos_ in ("PROPN", "NOUN")
    )
    return not same


def _future_verbs(doc: Any) -> list[Any]:
    """The verbs a will/should governs, and those of "going to": "is going to be away"."""
    verbs = [t.head for t in doc if t.dep_ == "aux" and t.text.lower() in _MODALS]
    for going in (t for t in doc if t.lower_ == "going" and t.tag_ == "VBG"):
        if any(c.dep_ == "aux" for c in going.children):
            verbs += [
                c
                for c in going.children
                if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
            ]
    return verbs


def _future_reading(doc: Any) -> Reading:
    """Read what the clause's will/should says: work to do, a forecast, or someone's thought."""
    verbs = _future_verbs(doc)
    if not verbs:
        return "main"
    # "Graham is worried he will look silly": the future sits inside a feeling or a thought.
    if all(_embedded(v) for v in verbs):
        return "reported"
    if all(_forecast(v) for v in verbs):
        return "forecast"
    return "main"


def _embedded(verb: Any) -> bool:
    """Tell whether a verb is the complement clause of a word that does not bind its subject."""
    node = verb
    while node.dep_ != "ROOT" and node.head is not node:
        # A ccomp before its head is a comma splice ("Elena will grant it, she's tracking it").
        if node.dep_ == "ccomp" and node.i > node.head.i:
            return not any(a.lemma_.lower() in BINDING for a in node.ancestors)
        node = node.head
    return False


def _forecast(verb: Any) -> bool:
    """Tell whether a future verb is hedged ("probably") or a state ("be", "feel")."""
    if any(c.dep_ == "advmod" and c.lemma_.lower() in HEDGES for c in verb.children):
        return True
    lemma = verb.lemma_.lower()
    if lemma in LINKING:
        return any(c.pos_ == "ADJ" and c.dep_ in ("ccomp", "oprd", "acomp") for c in verb.children)
    return lemma in STATES


@lru_cache(maxsize=1024)
def has_verb(text: str) -> bool:
    """Tell whether a text says anything done, outside its brackets: "Kim - 4 May" does not.

    Only a finite or base verb counts: "Meeting 3 with Kim" opens on a noun the parse may
    tag as a verb's -ing form.
    """
    plain = re.sub(r"\([^()]*\)", " ", text)
    finite = ("VB", "VBD", "VBP", "VBZ", "MD")
    # A capitalised word inside the text is a name the parse may take for a verb ("Leeds").
    return any(
        t.pos_ in ("VERB", "AUX") and t.tag_ in finite and not (t.i and t.text[:1].isupper())
        for t in parsed(plain)
    )


def opens_with_verb(text: str) -> bool:
    """Tell whether a text opens with a verb in its base form, as after a modal: "send it"."""
    doc = parsed(text)
    return len(doc) > 0 and doc[0].tag_ in ("VB", "VBP") and doc[0].pos_ in ("VERB", "AUX")


@lru_cache(maxsize=1024)
def opens_with_order(text: str) -> bool:
    """Tell whether a text opens with a verb in its base form: "send him the deck"."""
    doc = parsed(text)
    if len(doc) < 2:
        return False
    first = doc[0]
    if first.tag_ != "VB" or first.pos_ != "VERB":
        # The small model reads an opening "post ..." or "book ..." as a noun; after "Please"
        # it reads the imperative, and a word that has no verb forms ("coffee") is no order.
        first = parsed(f"Please {text}")[1]
        if first.tag_ != "VB" or not lemminflect().getAllInflections(first.lower_, upos="VERB"):
            return False
    # "Me: want to learn how leaders decide" states a wish, not work set for someone.
    return first.lemma_.lower() not in WISHES | REPORTING | STATES | LINKING


@lru_cache(maxsize=1024)
def subject_words(text: str) -> tuple[str, str] | None:
    """Return the main verb's subject phrase and its head's part of speech, if it has one."""
    doc = parsed(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    # "Our DPO needs to confirm": the subject hangs off the root; "X will send": same.
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    words = " ".join(t.text for t in subject.subtree)
    return words, subject.pos_


# Verbs whose object is a person reached ("ask the bursar"), and those that reach one
# through "to" or "with" ("take it to the marketing lead").
_ASKING = frozenset(
    "ask tell email call message invite remind contact ping phone thank brief update nudge "
    "chase meet".split()
)
_HANDING = frozenset(
    "forward send take introduce talk speak check show mention give pass escalate report "
    "explain present hand".split()
)


def _could_be_person(token: Any) -> bool:
    """Tell whether a noun can stand for a person: a name, or a word for someone."""
    # "the IT helpdesk", "the finance team", "Copilot": asked, but no one in particular.
    if token.lower_ in PRODUCT_WORDS:
        return False
    if token.pos_ == "PROPN":
        return is_role_word(token.lower_) or token.ent_type_ in ("PERSON", "")
    return is_role_word(token.lower_) or is_role_word(token.lemma_.lower())


def _names_someone(token: Any) -> bool:
    """Tell whether a noun refers to a person: named beside it, or reached by the verb."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    after = token.doc[token.i + 1 : token.i + 3]
    # "the bursar, Dr Philippa Crane": a role with the person's name set beside it.
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children) or (
        len(after) == 2 and after[0].text == "," and after[1].ent_type_ == "PERSON"
    ):
        return True
    head = token.head
    if not _could_be_person(token):
        return False
    if token.dep_ == "dobj" and head.lemma_.lower() in _ASKING:
        return True
    singular = token.tag_ in ("NN", "NNP") and any(
        c.dep_ in ("det", "poss") for c in token.children
    )
    return (
        singular
        and token.dep_ == "pobj"
        and head.lower_ in ("to", "with")
        and head.head.lemma_.lower() in _HANDING
    )


def _person_follows(doc: Any, last: int) -> bool:
    """Tell whether a person's name (or a comma before one) comes right after a token."""
    ahead = doc[last + 1 : last + 3]
    return bool(ahead) and (
        ahead[0].ent_type_ == "PERSON"
        or (len(ahead) == 2 and ahead[0].text == "," and ahead[1].ent_type_ == "PERSON")
    )


def mask_people(text: str) -> str:
    """Replace phrases that point at a person ("the recruitment lead, Marcus") by "someone"."""
    doc = parsed(text)
    spans: list[tuple[int, int]] = []
    for token in doc:
        if identifies(token):  # "the bursar", "our ward manager", "head of quality"
            spans.append(role_span(token))
        elif _names_someone(token):
            # The phrase ends at the noun or at the name set beside it, not at "on Monday".
            named = [t.i for c in token.children if c.dep_ == "appos" for t in c.subtree]
            last = max([token.i, *named])
            while _person_follows(doc, last):
                last += 1
            spans.append((token.left_edge.idx, doc[last].idx + len(doc[last])))
    # Spans that overlap are one ("rob-chen" found twice), and a hyphened word goes whole
    # ("the co-founder", not "the co-someone").
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            tail = hyphened(span[-1])[-1]
            start, end = hyphened(span[0])[0].idx, tail.idx + len(tail)
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out = text
    for start, end in reversed(merged):
        out = out[:start] + "someone" + out[end:]
    return out


# Prepositions that say when, not what: "by Friday", "before the board".
_WHEN_PREPS = frozenset("by before until till within after during from since".split())
# "ask someone whether meeting summaries can be switched on": what is asked is the object.
_OBJECTS = frozenset("prt dobj dative xcomp ccomp acomp attr oprd".split())
_MODAL_WORDS = frozenset("will shall 'll ’ll to should must".split())


def _action_verb(doc: Any) -> Any:
    """The action's verb: the first word of an imperative, else what will/to governs."""
    if len(doc) and doc[0].pos_ == "VERB":
        return doc[0]
    for token in doc:
        if token.dep_ == "aux" and token.lower_ in _MODAL_WORDS and token.head.pos_ == "VERB":
            return token.head
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return root if root is not None and root.pos_ == "VERB" else None


def _when(token: Any) -> set[Any]:
    """The tokens of a text that say when: dates, and phrases like "by Friday"."""
    if token.ent_type_ in ("DATE", "TIME"):
        return {token}
    if token.dep_ == "prep" and token.lower_ in _WHEN_PREPS:
        return set(token.subtree)
    return set()


def hyphened(token: Any) -> list[Any]:
    """The tokens of the hyphen-joined word a token is part of: "re", "-", "record"."""
    doc, start, end = token.doc, token.i, token.i
    while (
        start > 0
        and not doc[start - 1].whitespace_
        and "-" in (doc[start - 1].text, doc[start].text)
    ):
        start -= 1
    while (
        end + 1 < len(doc)
        and not doc[end].whitespace_
        and "-" in (doc[end].text, doc[end + 1].text)
    ):
        end += 1
    return list(doc[start : end + 1])


def verb_object(text: str) -> str:
    """Say an action as its verb, object and a phrase of what: "ask someone about the camera"."""
    doc = parsed(text)
    verb = _action_verb(doc)
    if verb is None:
        return ""
    # The parse splits "re-record" at its hyphen; the word's parts share the verb's objects.
    verb_word = hyphened(verb)
    keep = set(verb_word)
    phrases = 0
    for child in (c for part in verb_word for c in part.children if c not in verb_word):
        if child.dep_ in _OBJECTS or (child.dep_ == "advmod" and child.lower_ == "together"):
            keep |= set(child.subtree)
        elif child.dep_ == "prep" and phrases == 0 and child.lower_ not in _WHEN_PREPS:
            keep |= set(child.subtree)
            phrases += 1
    keep -= {w for t in doc for w in _when(t)}
    # "draft replies for the next two weeks" without its dates leaves no bare "for".
    keep -= {
        t
        for t in keep
        if t.dep_ == "prep" and list(t.children) and not any(c in keep for c in t.children)
    }
    # A compound the parse split ("one-page") is kept or left whole.
    keep |= {w for t in keep if t.text != "-" for w in hyphened(t)}
    said = ""
    for t in sorted(keep, key=lambda t: t.i):
        glue = "" if t.i > 0 and doc[t.i - 1] in keep and t in hyphened(doc[t.i - 1]) else " "
        word = verb.lemma_ if t.i == verb.i and len(verb_word) == 1 else t.text
        said += (glue if said else "") + word
    return said
