"""Judgements and labels: an evaluative phrase applied to the person or their work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.language import cues
from coach.language.clauses import order_verb, subject_of
from coach.language.nlp import valence
from coach.language.sentence import (
    SELF,
    Finding,
    Sentence,
    in_ranges,
    intensifier,
    negated,
    praises,
    sincere_praise,
)
from coach.language.targets import asks, experienced
from coach.models import IssueCategory

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

COPULAS = frozenset({"be", "seem", "look", "sound", "feel", "get", "become", "come"})
NEGATIVE_VALENCE = -1.0
STRONG_VALENCE = -1.5
# Only a noun this negative ("disaster") is a verdict when it names a kind ("failure rate").
KIND_VALENCE = -2.5
# MiniLM margins (nearer the category's examples than the neutral ones), set on the dev split.
WORD_MARGIN = 0.035
# A noun put on "you" ("you're a ...") needs less: a role noun there rarely reads as negative.
PERSON_MARGIN = 0.0
MODIFIER_MARGIN = 0.10
# A likening ("like a wall") rarely reads as negative word by word; not clearly plain is enough.
SIMILE_MARGIN = -0.05


def _predicates(sent: Span) -> list[tuple[Token, Token | None]]:
    """(evaluative head, subject) pairs: copula complements, modifiers and fragments."""
    found: list[tuple[Token, Token | None]] = []
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in sent)
    for tok in sent:
        head = tok.head
        if tok.dep_ in ("acomp", "attr", "oprd") and head.lemma_ in COPULAS:
            found.append((tok, subject_of(head)))
        elif (
            tok.dep_ == "pobj" and head.lower_ in ("as", "like") and head.head.lemma_ in COPULAS
        ) or simile(tok):
            found.append((tok, subject_of(head.head)))
        elif (
            _modifier(tok)
            or (not has_verb and tok.pos_ in _HEADS and tok.dep_ == "ROOT")
            or tacked_on(tok)
        ):
            found.append((tok, None))
    return found


_HEADS = frozenset({"ADJ", "NOUN", "PROPN", "INTJ"})
# Verbs whose manner a comparison describes: "your posts read like press releases".
_COMPARED = COPULAS | {"read", "act", "behave", "talk", "speak", "write", "present", "treat"}


def simile(tok: Token) -> bool:
    """The thing or act a comparison likens you or your work to ("read like press releases")."""
    like, verb = tok.head, tok.head.head
    if tok.dep_ not in ("pobj", "pcomp") or like.lower_ != "like" or verb.lemma_ not in _COMPARED:
        return False
    if verb.tag_ == "VB" or any(c.dep_ == "aux" for c in verb.children):
        return False  # "make it look like the March one" asks for something
    if any(valence(t.text) >= 1.0 for t in tok.subtree):
        return False  # "like a pro" is praise
    # "like the old one" points at a real thing; "like a wall", "like talking to a wall" liken.
    if any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in tok.children):
        return False
    owner = subject_of(verb) or (subject_of(verb.head) if verb.dep_ == "xcomp" else None)
    # An order's act is the reader's own: "Stop treating me like an intern" likens "you".
    order = order_verb(tok.sent) if owner is None else None
    yours = (order is not None and order.i in (verb.i, verb.head.i)) or (
        owner is not None
        and (owner.lower_ == "you" or any(c.lower_ in ("your", "ur") for c in owner.children))
    )
    # An act likened to another ("presenting was like talking to a wall") judges the act.
    return yours or tok.dep_ == "pcomp" or any(c.dep_ == "csubj" for c in verb.children)


def tacked_on(tok: Token) -> bool:
    """A verdict added after a comma ("..., so childish"), which the parser hangs anywhere."""
    words = [c for c in tok.lefts if c.dep_ in ("advmod", "neg") and c.i >= tok.i - 2]
    first = min([tok, *words], key=lambda t: t.i)
    before = tok.doc[first.i - 1] if first.i > 0 else None
    return (
        tok.pos_ == "ADJ"
        # "tbh" after it makes the parser read the verdict as its modifier ("rude tbh").
        and (
            tok.dep_ in ("ROOT", "advmod", "dep", "advcl", "npadvmod", "conj", "appos")
            or (tok.dep_ == "amod" and tok.head.lower_ in DISCOURSE)
        )
        and before is not None
        and before.text in (",", "-", "—", "–")
    )


def _modifier(tok: Token) -> bool:
    return tok.dep_ in ("amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN")


def _phrase(tok: Token) -> tuple[int, int, str]:
    """Character span and text of an evaluative head with its modifiers (not clauses)."""
    words = [t for t in tok.subtree if t.dep_ not in ("relcl", "advcl", "ccomp", "prep")]
    if simile(tok):
        words = list(tok.head.subtree)
    elif tok.dep_ in ("amod", "compound") or tacked_on(tok):
        words = [tok, *[c for c in tok.children if c.dep_ in ("advmod", "neg")]]
    words = [w for w in words if not w.is_punct] or [tok]
    words.sort(key=lambda w: w.i)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return start, end, tok.doc.text[start:end]


# Discourse openers a judged noun phrase should not carry into an impact sentence.
DISCOURSE = frozenset(
    {"ngl", "honestly", "tbh", "tbf", "imo", "fr", "so", "ok", "okay", "look", "bro", "well"}
    | {"frankly", "lol", "lmao", "mate"}
)


def _topic(subject: Token | None, head: Token) -> str:
    """What was judged, as written ("the shared drive you set up"), or empty for a person."""
    target = head.head if head.dep_ in ("amod", "compound") else subject
    if target is None or target.lower_ in ("you", "it", "that", "this", "which", *SELF):
        # "that's the whole problem with the rollout": the judged thing is the object.
        objects = [
            o
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in _ABOUT
            for o in c.children
            if o.dep_ == "pobj"
        ]
        return span_text(list(objects[0].subtree)) if objects else ""
    if cues.STEREOTYPE.search(target.text):
        return ""
    words = [t for t in target.subtree if not (head.i <= t.i <= head.right_edge.i)]
    while words and (words[0].lower_ in DISCOURSE or words[0].is_punct):
        words.pop(0)
    return span_text(words)


_ABOUT = frozenset({"with", "about", "on", "for", "of", "in"})


def span_text(words: list[Token]) -> str:
    """The text from the first to the last word as written, lower-cased unless a name leads."""
    while words and words[-1].is_punct and not words[-1].is_quote:
        words.pop()
    if not words:
        return ""
    text = words[0].doc.text[words[0].idx : words[-1].idx + len(words[-1])]
    return text if words[0].pos_ == "PROPN" else text[:1].lower() + text[1:]


def _writer_praises(tok: Token) -> bool:
    """A praise word the writer says: "you love the sound of your voice" describes, not praises."""
    subject = subject_of(tok) if tok.pos_ in ("VERB", "AUX") else None
    return praises(tok) and not negated(tok) and (subject is None or subject.lower_ in SELF)


Candidate = tuple["Sentence", "Token", "Token | None", tuple[int, int, str]]


def candidates(sentences: list[Sentence], quotes: list[tuple[int, int]]) -> list[Candidate]:
    """Evaluative phrases applied to the person or their work (not the writer's own feelings)."""
    found: list[Candidate] = []
    for sentence in sentences:
        base = sentence.span.start_char
        hedged = [
            (base + m.start(), base + m.end()) for m in cues.SELF_DISMISSAL.finditer(sentence.text)
        ]
        praise = sincere_praise(sentence.span) and any(map(_writer_praises, sentence.span))
        sentence.praise = praise
        for head, subject in _predicates(sentence.span):
            if subject is not None and subject.lower_ in SELF:
                continue
            if in_ranges(head.idx, quotes + hedged) or (experienced(head) and not _yours(subject)):
                continue
            if _conceded(head):
                continue
            slang = bool(cues.SLANG.search(_phrase(head)[2]))
            if head.pos_ in ("PROPN", "PRON") and not slang:
                continue  # a name, or "anything (I could do)", is no verdict in itself
            if head.dep_ == "compound" and valence(head.text) > KIND_VALENCE and not slang:
                continue  # "the error messages": a noun naming a kind of thing, not a verdict
            if valence(head.text) >= 0.5 and not negated(head):
                continue
            found.append((sentence, head, subject, _phrase(head)))
    return found


def _conceded(head: Token) -> bool:
    """A quality the writer allows in what they ask for ("send it, even if it's rough")."""
    clause = next((a for a in [head, *head.ancestors] if a.dep_ == "advcl"), None)
    if clause is None or not any(c.lower_ == "even" for c in clause.subtree if c.i < head.i):
        return False
    return any(asks(c) for c in clause.head.children)


def _yours(subject: Token | None) -> bool:
    """Whether a subject is the reader or theirs ("your feedback was useless for me")."""
    return subject is not None and any(
        t.lower_ in ("you", "your", "ur", "u") for t in subject.subtree
    )


def _in_story(head: Token) -> bool:
    """A modifier of an object not said to be "yours": what the story is about, not your work."""
    noun = head.head
    owner = {c.lower_ for c in noun.children if c.dep_ == "poss"}
    return head.dep_ == "amod" and noun.dep_ in ("dobj", "pobj") and not owner & {"your", "ur"}


def circumstance(span: Span, head: Token, subject: Token | None) -> bool:
    """A thing nobody owns, described beside what it caused or beside a request (not judged)."""
    # "The plan is aggressive, so could we ...": said of a person a verdict, of a plan a
    # description. A strong word needs a result: "the audio was bad, so I couldn't hear".
    if subject is None or subject.pos_ != "NOUN" or head.dep_ not in ("acomp", "attr"):
        return False
    if any(c.dep_ in ("poss", "relcl") for c in subject.children):
        return False  # "your email", "the deck you sent": the person's own work
    results = [c for c in head.head.children if c.dep_ in ("conj", "advcl") and c.pos_ == "VERB"]
    # "..., so let's use the phone": the parser puts the subject one clause down.
    results += [c for r in results if r.lemma_ == "let" for c in r.children if c.dep_ == "ccomp"]
    if any(s.dep_ == "nsubj" and s.lower_ != "you" for r in results for s in r.children):
        return True
    listed = cues.SLANG.search(head.text) or cues.VERDICT_WORD.search(head.text)
    mild = min((valence(t.text) for t in head.subtree), default=0.0) > STRONG_VALENCE
    return mild and not listed and any(asks(t) for t in span if t.i > head.i)


def drop_described(sentences: list[Sentence]) -> None:
    """Clauses judged by meaning that only describe a thing beside its effect (``circumstance``)."""
    for sentence in sentences:
        span = sentence.span
        things = [h.idx for h, subj in _predicates(span) if circumstance(span, h, subj)]
        sentence.findings = [
            f
            for f in sentence.findings
            if not (f.whole and f.category in ("judgement", "vague"))
            or not any(f.start <= i < f.end for i in things)
        ]


def evaluate(candidates: list[Candidate], margins: list[float]) -> None:
    """Judgements and labels: candidates the lexicon, the curated list or MiniLM find negative."""
    for (sentence, head, subject, (start, end, text)), margin in zip(
        candidates, margins, strict=True
    ):
        lex = min((valence(t.text) for t in head.subtree if not intensifier(t)), default=0.0)
        is_negated = negated(head)
        negated_praise = is_negated and valence(head.text) >= 1.0
        insult = bool(cues.INSULT.search(text))
        modifier = head.dep_ in ("amod", "compound")
        if sentence.praise and lex > NEGATIVE_VALENCE and not (insult or negated_praise):
            continue  # in sincere praise only a lexicon verdict or a praise word denied counts
        person = subject is not None and subject.lower_ == "you"
        needed = MODIFIER_MARGIN if modifier else WORD_MARGIN
        if person and head.pos_ == "NOUN":
            needed = PERSON_MARGIN
        slang = bool(cues.SLANG.search(text))
        # A mildly negative word needs MiniLM to agree: "missing" and "late" state a fact. So
        # does one on a thing in the story: "you calmed the angry customer", "broken formulas".
        lexical = not _in_story(head) and (
            lex <= STRONG_VALENCE or (lex <= NEGATIVE_VALENCE and margin >= 0)
        )
        figure = simile(head) and margin >= SIMILE_MARGIN
        if not (lexical or negated_praise or insult or slang or figure or margin >= needed):
            continue
        if (is_negated and not negated_praise) or (
            circumstance(sentence.span, head, subject) and not insult
        ):
            continue  # "it's not a criticism": a negated verdict is not one
        kind: IssueCategory = "personal_label" if person else "judgement"
        topic = _topic(subject, head)
        sentence.findings.append(Finding(kind, start, end, text, topic))
        if insult:
            sentence.findings.append(Finding("insult", start, end, text, topic))
