"""Clauses judged by meaning: nearest labelled examples, and the trained classifier."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.language import classifier, cues, semantic
from coach.language.beside import MINDS
from coach.language.clauses import clause_spans, order_verb, subject_of
from coach.language.nlp import valence
from coach.language.sentence import CONTRAST, SELF, Finding, Sentence, in_ranges, negated
from coach.language.verdicts import STRONG_VALENCE, span_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


# MiniLM margins (nearer the category's examples than the neutral ones), set on the dev split.
CLAUSE_MARGIN = {
    "judgement": 0.08,
    "personal_label": 0.12,
    "insult": 0.20,
    "stereotype": 0.15,
    "sarcasm": 0.15,
    "assumed_intent": 0.15,
    "vague": 0.15,
}
IRONY_BONUS = 0.20
# A clause this far nearer the neutral examples than any verdict's reads as an observation.
NEUTRAL_CLAUSE = -0.05


Piece = tuple[int, int, str, str]


Clause = tuple[Sentence, Piece, "Span"]


def pieces(sentences: list[Sentence], quotes: list[tuple[int, int]]) -> list[Clause]:
    """The clauses of the sentences worth judging by meaning: reduced, and as written."""
    pieces = [
        (s, _plain(s.span.doc, c, quotes), s.span.doc.char_span(c[0], c[1], "expand"))
        for s in sentences
        for c in clause_spans(s)
        if not in_ranges(c[0], quotes)
    ]
    return [(s, p, c) for s, p, c in pieces if c is not None and _judgeable(p[2])]


def _plain(doc: Doc, piece: tuple[int, int, str], quotes: list[tuple[int, int]]) -> Piece:
    """A clause reduced for the embedder: its verdict's stretch, its plain text, what it is about.

    Quoted speech is reported, so it is left out; so are the place phrases the rewrite keeps and
    the subject it names, which the rewrite restates as the topic.
    """
    span = doc.char_span(piece[0], piece[1], alignment_mode="expand")
    kept, phrases = semantic.reduce(t for t in span or [] if not in_ranges(t.idx, quotes))
    said = {p[0].i for p in phrases}
    core = [t for t, _ in kept if t.i not in said]
    if not core:
        return piece[0], piece[0], "", ""
    # An opener ("Honestly your emails are ...") does not hide the subject that follows it.
    lead = next((t for t in core if t.dep_ not in ("advmod", "intj", "cc", "punct")), core[0])
    subject = next((p for p in phrases if p[0].i < lead.i), [])
    text = " ".join(w for _, w in kept)
    if len(kept) < 3:  # an idiom reduced to nothing ("you talk a mile a minute"): judge as written
        text = " ".join(t.text for t in span or [] if not in_ranges(t.idx, quotes))
    return core[0].idx, core[-1].idx + len(core[-1]), text, span_text(subject)


def frequency(text: str) -> str:
    """A clause as the examples judge it: its absolute read as the frequency the rewrite puts.

    The absolute is flagged on its own; "you never look" is judged as "you rarely look".
    """
    return cues.ABSOLUTE.sub(lambda m: cues.ABSOLUTES.get(m.group(0).lower(), "often"), text)


_EMPTY = frozenset({"it", "that", "this", "would", "will", "do", "does", "did", "so", "and", "but"})
_PERSONS = frozenset({"i", "we", "you", "it", "they", "he", "she"})


_WORDED = frozenset({"judgement", "personal_label", "stereotype", "insult"})


def _group(sentence: Sentence, start: int, end: int) -> bool:
    """Whether a clause names a group or an age: a plural, a number, a generation word."""
    words = [t for t in sentence.span if start <= t.idx < end]
    # A subject naming the reader as a group ("You kids think ...", "Managers like you ...")
    # still says who is judged after the reduction said it as "it"; "some people" names no one.
    subjects = [list(c.subtree) for t in words for c in t.children if c.dep_ == "nsubj"]
    words += [w for sub in subjects if any(t.lower_ in ("you", "your") for t in sub) for w in sub]
    text = " ".join(t.text for t in sorted(set(words), key=lambda t: t.i))
    # "about the data": a plural in a place phrase is a thing talked about, not a group judged.
    plural = [t for t in words if t.tag_ in ("NNS", "NNPS") and t.dep_ != "pobj"]
    return (
        any(plural)
        or any(t.like_num and t.dep_ == "nummod" for t in words)  # "two interns", not "one-to-ones"
        or bool(cues.STEREOTYPE.search(text) or cues.GENERATION.search(text))
    )


def veto(pieces: list[Clause], margins: list[dict[str, float]]) -> None:
    """A mild word in a clause that reads, as a whole, like a plain observation judges nothing.

    "The deadline was tight": "tight" leans negative on its own, but the clause sits nearer the
    neutral examples than any verdict's. A lexicon-strong word or a listed one still counts.
    """
    for (sentence, (start, end, _, _), _), scores in zip(pieces, margins, strict=True):
        if max(scores.values()) >= NEUTRAL_CLAUSE:
            continue
        sentence.findings = [
            f
            for f in sentence.findings
            if f.category not in ("judgement", "personal_label")
            or not (start <= f.start < end)
            or min(map(valence, f.judged.split()), default=0.0) <= STRONG_VALENCE
            or cues.SLANG.search(f.judged)
            or cues.INSULT.search(f.judged)
            or f.judged.lower().startswith("like ")  # a likening (verdicts.simile) carries it
        ]


def _judgeable(text: str) -> bool:
    """Whether a reduced clause says enough, and asserts it, to be judged by meaning."""
    words = text.lower().split()
    if len(words) < 3 or len([w for w in words if w.isalpha() and w not in _EMPTY]) < 2:
        return False  # "it would too", "I think": too little left to judge by meaning
    return words[0] not in ("whether", "if")  # "(I wonder) whether you ...": asks, asserts nothing


def _votes(sentence: Sentence, margins: dict[str, float]) -> list[str]:
    """The categories the kNN margins vote a clause into."""
    knn = []
    for category, margin in margins.items():
        if sentence.praise and (category != "sarcasm" or _contrasted(sentence)):
            continue  # praise is only ever read for irony, and "but" marks a real contrast
        # Irony is hard to tell by meaning alone: a near miss counts beside a contrary sign.
        bonus = IRONY_BONUS if sentence.praise else 0.0
        if margin + bonus >= CLAUSE_MARGIN[category]:
            knn.append(category)
    return knn


def _open(pieces: list[Clause]) -> list[Clause]:
    """The clauses no finding touches: only these are embedded as written (the classifier)."""
    return [
        (sentence, piece, span)
        for sentence, piece, span in pieces
        if not any(f.start < span.end_char and span.start_char < f.end for f in sentence.findings)
    ]


def classifier_texts(pieces: list[Clause]) -> list[str]:
    """What `by_classifier` will embed for these clauses, as they stand now."""
    open_ = _open(pieces)
    return classifier.embedded([p[2] for p in open_], [p[1][2] for p in open_])


def by_classifier(pieces: list[Clause]) -> None:
    """A clause no rule, word or example found anything in, judged by the trained classifier."""
    open_ = _open(pieces)  # the classifier adds nothing where a finding is
    probs = classifier.predict([p[2] for p in open_], [p[1][2] for p in open_])
    for (sentence, piece, _), prob in zip(open_, probs, strict=True):
        if prob[classifier.ANY] < classifier.threshold():
            continue
        # The likeliest category that fits the clause: "like I'm a child" names no group.
        order = sorted(CLAUSE_MARGIN, key=lambda c: -prob[c])
        if order[0] == "assumed_intent" and _observed(sentence, piece[0], piece[1]):
            continue  # "you cut me off": an act seen once claims no motive, whatever it felt like
        if sentence.praise:  # praise is only read for irony
            order = order[:1] if order[0] == "sarcasm" and not _contrasted(sentence) else []
        next((c for c in order if _add(sentence, c, piece, set())), None)


def _observed(sentence: Sentence, start: int, end: int) -> bool:
    """One act told in the past as seen: no mind, purpose or denial in it (no motive read)."""
    verbs = [t for t in sentence.span if start <= t.idx < end and t.pos_ in ("VERB", "AUX")]
    return bool(verbs) and all(
        t.tag_ == "VBD" and t.lemma_ not in MINDS and not negated(t) for t in verbs
    )


def _contrasted(sentence: Sentence) -> bool:
    """Praise set against a complaint with "but": mixed feedback said plainly, not irony."""
    return any(t.lower_ in CONTRAST for t in sentence.span)


def by_examples(pieces: list[Clause], margins: list[dict[str, float]]) -> list[Clause]:
    """Categories by meaning; returns the clauses left for the classifier (not praise ones)."""
    praise_margins = semantic.praise_margins([p[1][2] for p in pieces])
    unread: list[Clause] = []
    for (sentence, (start, end, text, topic), span), scores, praise in zip(
        pieces, margins, praise_margins, strict=True
    ):
        # Praise in words VADER does not know ("a breath of fresh air"): only irony is read.
        praised = praise > 0 and not any(f.start < end and start < f.end for f in sentence.findings)
        have: set[str] = {f.category for f in sentence.findings}
        words = text.lower().split()
        persons = [w for w in words if w in _PERSONS]
        first_person = bool(persons) and persons[0] in ("i", "we")
        # A verdict a word already carries in this clause is the same verdict, not a second one.
        worded = any(
            f.category in _WORDED and f.start < end and start < f.end for f in sentence.findings
        )
        for category in _votes(sentence, scores):
            if praised and category != "sarcasm":
                continue
            if first_person and (category not in ("sarcasm", "stereotype") or len(words) < 4):
                continue  # the writer's own feeling is an impact, not a verdict
            if category == "judgement" and _eased(span):
                continue  # so is what something made harder or easier ("harder to follow")
            if worded and category in ("judgement", "personal_label", "vague"):
                continue
            _add(sentence, category, (start, end, text, topic), have)
        if not praised:
            unread.append((sentence, (start, end, text, topic), span))
    return unread


def _eased(span: Span) -> bool:
    """A clause telling what something made harder or easier to do: an effect, no verdict."""
    return any(
        t.lemma_ == "make" and any(c.tag_ in ("JJR", "RBR") for c in t.subtree) for t in span
    )


def _offered(sentence: Sentence, start: int, end: int) -> bool:
    """A clause the writer offers help with ("I want to help you get this over the line")."""
    inside = [t for t in sentence.span if start <= t.idx < end]
    heads = [a for t in inside[:1] for a in t.ancestors if not start <= a.idx < end]
    mine = any((s := subject_of(a)) is not None and s.lower_ in SELF for a in heads)
    return mine and any(a.lemma_ == "help" for a in heads)


def _add(sentence: Sentence, category: str, piece: Piece, have: set[str]) -> bool:
    """A whole-clause finding, unless the category does not fit what the clause says."""
    start, end, text, topic = piece
    if category == "personal_label" and "you" not in text.lower().split():
        category = "judgement"  # a label needs a person to be put on
    if category == "stereotype" and not _group(sentence, start, end):
        return False  # "you never listen" is about one person, not a generation
    verb = order_verb(sentence.span)
    if category == "assumed_intent" and verb is not None and start <= verb.idx < end:
        return False  # "keep doing it": an order or a request claims nothing about a motive
    if _offered(sentence, start, end):
        return False
    if category not in have:
        found = Finding(category, start, end, text, topic, whole=True)  # type: ignore[arg-type]
        sentence.findings.append(found)
        have.add(category)
    return True
