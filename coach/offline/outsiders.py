"""Someone outside the pair pressing for, learning of or judging what the sessions hold."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from coach.language.nlp import parse
from coach.privacy.roles import PRODUCT_WORDS, is_role_word

# Verbs by which a person presses for, asks about, learns of, repeats or judges something:
# read off the parse, so "quizzed me about", "wanted to know" and "kept pushing for" all count
# without a phrase list of their own.
_PROBES = frozenset(
    """
    ask quiz question probe pry press push pressure chase grill query enquire inquire want
    demand expect request know hear learn find mention repeat quote comment joke complain judge
    criticise criticize raise bring email message ping see read
    """.split()
)
# What the sessions are called, and what passes between the pair in them.
_SESSIONS = frozenset({"session", "sessions", "mentoring", "mentorship", "pairing"})
_TALK = frozenset("discuss talk cover share say tell raise confide work struggle".split())
# How someone is doing: "how she is getting on", "how he is coping".
_FARING = frozenset("get go do cope progress manage".split())
# Information reaching someone: "it got back to her manager", "word reached the director",
# "she shared what I said with her boss", "he forwarded our notes to his director".
_REACH = frozenset(
    """
    get go reach travel spread filter make find share pass forward send show repeat tell copy
    mention leak circulate
    """.split()
)
# Someone outside the pair present at the sessions: "has started sitting in on our sessions".
_PRESENT = frozenset({"sit", "join", "attend", "listen", "observe", "drop", "record"})
# What the sessions leave behind: "a copy of our notes", "the summary of our session".
_CONTENT = frozenset(
    "notes note summary summaries write-up minutes comments details debrief recording".split()
)
# The program's own people asking how sessions went is how the program is run.
_PROGRAM = frozenset({"coordinator", "programme", "program", "scheme", "organiser", "organizer"})
# People above someone that WordNet leaves out of its person nouns, since each also names a
# thing ("leader" is also a strip of film) or is an abbreviation.
_AUTHORITY = frozenset({"leader", "exec", "execs", "hr", "management", "leadership"})
# Verbs of giving an account of someone: "report back on her", "keep him updated on me".
_REPORT = frozenset({"report", "brief", "update", "feed", "inform", "debrief"})
# A person of the pair said as a pronoun in a clause about them ("how she is getting on").
_THIRD = frozenset("he she they him her them".split())
_INDEFINITE = frozenset("a an any some every each no another".split())
_PERSONAL = frozenset("i me we us you he him she her they them".split())


def outsider_pries(sentence: str, pair_names: Collection[str]) -> bool:
    """Someone other than the pair asks about, learns of or judges what the sessions hold."""
    doc = parse(sentence)
    if any(t.lower_ in _PROGRAM for t in doc):
        return False
    for token in doc:
        probes = token.lemma_.lower() in _PROBES | _PRESENT
        if probes and token.pos_ in ("VERB", "AUX"):
            subject = _subject(token)
            if (
                subject is not None
                and _outsider(subject, pair_names)
                and _about(token, subject, pair_names)
            ):
                return True
        if token.lemma_.lower() in _REACH and _reaches_outsider(token, pair_names):
            return True
    return False


def _subject(verb: Any) -> Any | None:
    """The verb's subject, or the one it shares: "stopped me and asked", "wanted to know"."""
    while True:
        found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found:
            return found[0]
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head is verb:
            return None
        verb = verb.head


def _outsider(token: Any, pair_names: Collection[str]) -> bool:
    """A role ("her director", "the VP") or a name that is neither of the pair's."""
    names = {w.lower() for n in pair_names for w in n.split()}
    if token.lower_ in _PERSONAL or token.lower_ in names:
        return False
    # "a customer", "any manager": a role that is one of many is no one pressing the pair.
    if any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in token.children):
        return False
    if token.lower_ in _AUTHORITY or is_role_word(token.lower_):
        return True
    if is_role_word(token.lemma_.lower()):
        return True
    # The light pipeline has no recognizer: a proper noun subject that asks is taken for a person.
    return token.pos_ == "PROPN" and token.lower_ not in PRODUCT_WORDS


def _about(verb: Any, subject: Any, pair_names: Collection[str]) -> bool:
    """Whether what the verb governs is what is said in the sessions, or how they are judged."""
    # The small model often cuts a long sentence into two trees ("quizzed me about what we talk
    # about in our sessions"); what follows the verb is what it governs, whatever the tree says.
    skip = {s.i for s in subject.subtree}
    reach = [t for t in verb.doc if t.i not in skip and (t.i >= verb.i or t in verb.subtree)]
    sessions = [t for t in reach if t.lower_ in _SESSIONS or t.lemma_.lower() in _SESSIONS]
    if verb.lemma_.lower() in _PRESENT:
        return bool(sessions)
    if any(_session_record(t) for t in reach):
        return True
    for token in reach:
        if _reports_on_pair(token, pair_names):
            return True
        if token.lower_ in ("what", "how") and _said_or_faring(
            token.head, bool(sessions), pair_names
        ):
            return True
        # "whether the mentoring had fixed her attitude": the sessions themselves judged.
        # ("How the mentoring is going" is interest, not a verdict.)
        judged = token in sessions and token.dep_ in ("nsubj", "nsubjpass")
        if judged and not _lemmas(token.head) & _FARING:
            return True
        # "a story I had only told her in a session": something said in them.
        # (Not a verb the asking hangs from: "..., she said" holds the whole sentence.)
        talk = token.pos_ == "VERB" and token.lemma_.lower() in _TALK
        if talk and verb not in token.subtree and any(t in sessions for t in token.subtree):
            return True
    # Moving, booking or cancelling a session is asked about in every program.
    return False


def _said_or_faring(head: Any, in_sessions: bool, pair_names: Collection[str]) -> bool:
    """A clause of what is said ("what we discussed") or how one of the pair fares in them."""
    lemmas = _lemmas(head)
    if lemmas & _TALK:
        return True
    # "How Ruth is getting on" asks after one of the pair; "how he could get more out of the
    # team" (a modal) and "how are you doing" (said of anyone) do not.
    if not lemmas & _FARING or any(c.tag_ == "MD" for c in head.children):
        return False
    if "get" in lemmas and not any(c.lower_ in ("on", "along") for c in head.children):
        return False
    names = {w.lower() for n in pair_names for w in n.split()}
    persons = [c for c in head.children if c.dep_ == "nsubj"]
    mine = _PERSONAL - {"you"} if in_sessions else _THIRD
    return any(c.lower_ in names or c.lower_ in mine for c in persons)


def _lemmas(token: Any) -> set[str]:
    """The token's lemma and its word with a common ending cut ("coping": the model says "cop")."""
    word = token.lower_
    cut = {
        word[: -len(end)] + add
        for end, add in (("ing", ""), ("ing", "e"), ("ed", ""))
        if word.endswith(end)
    }
    return {token.lemma_.lower(), word, *cut}


def _reports_on_pair(token: Any, pair_names: Collection[str]) -> bool:
    """An account of one of the pair asked for: "report back on her", "keep him updated on me"."""
    if token.lemma_.lower() not in _REPORT:
        return False
    names = {w.lower() for n in pair_names for w in n.split()}
    objects = [
        o
        for p in token.subtree
        if p.dep_ == "prep" and p.lower_ in ("on", "about")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return any(o.lower_ in names or o.lower_ in _THIRD | {"me", "us"} for o in objects)


def _session_record(token: Any) -> bool:
    """Notes, a summary or comments of the pair's: "our notes", "the session summary"."""
    if token.lower_ not in _CONTENT:
        return False
    return any(
        c.lower_ in ("our", "my") or c.lower_ in _SESSIONS or c.lemma_.lower() in _SESSIONS
        for c in token.children
    )


def _reaches_outsider(verb: Any, pair_names: Collection[str]) -> bool:
    """Something from a session made its way to an outsider ("got back to my manager")."""
    # "back" or "round" may carry the "to": "got back to", "went round to".
    heads = [verb, *(c for c in verb.children if c.dep_ in ("advmod", "prt"))]
    targets = [
        o
        for h in heads
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in ("to", "with")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    # "word reached the director", "she told her boss": the one reached is the object.
    if verb.lemma_.lower() in ("reach", "tell"):
        targets += [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if not any(_outsider(t, pair_names) for t in targets):
        return False
    said = [
        t
        for t in verb.doc
        if t.lower_ in _SESSIONS or t.lemma_.lower() in _SESSIONS or _session_record(t)
    ]
    return bool(said)
