"""Invariants every reworded feedback must meet; the generators and the evals share them."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from coach.language.analyzer import analyze, inspect, is_instruction_to_ai
from coach.language.clauses import clause_spans, group_subject, likening
from coach.language.cues import ABSOLUTE, ABSOLUTES, CONDESCENSION, HEDGE, VERDICT_WORD
from coach.language.fluency import fluency_problems
from coach.language.nlp import content_words, valence
from coach.language.rewrite import reaction
from coach.language.verdicts import COPULAS, DISCOURSE, simile
from coach.models import FeedbackDraft, FeedbackRequest
from coach.text import STOP_WORDS, stem, words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from coach.language.sentence import Finding, Sentence

# Categories that must never survive a rewrite. Vagueness and hedging may legitimately remain
# as a marked slot or a single softener; a request may keep an imperative verb.
HARD_CATEGORIES = frozenset(
    {"insult", "personal_label", "stereotype", "sarcasm", "assumed_intent", "absolute", "judgement"}
)
# The verdicts a clause can carry; an absolute is a wording the rewrite turns into a frequency.
_VERDICTS = HARD_CATEGORIES - {"absolute"}
CONCERN_THRESHOLD = 0.7
_NOT_CONCERN = frozenset(
    {"yesterday", "today", "tomorrow", "tonight", "bit", "lot", "stuff", "thing", "things", "way"}
)


@lru_cache(maxsize=256)
def key_terms(text: str) -> frozenset[str]:
    """Nouns of the concern on the analysis' own parse, leaving out flags and instructions."""
    terms: set[str] = set()
    sentences = inspect(text)
    judged = any(s.findings for s in sentences)
    for sentence in sentences:
        # A verbless "Classic." beside a complaint is the writer's reaction, not a concern.
        if sentence.injected or (judged and reaction(sentence.span)):
            continue
        # Softeners and time adverbs ("a bit", "yesterday") are nouns to the tagger, not concerns.
        base = sentence.span.start_char
        soft = [(base + m.start(), base + m.end()) for m in HEDGE.finditer(sentence.text)]
        # "You people in finance": the reader addressed as a group is the label, not a concern.
        label = {t.i for v in sentence.span if v.pos_ in ("VERB", "AUX") for t in group_subject(v)}
        for tok in sentence.span:
            hits = [f for f in sentence.findings if f.start <= tok.idx < f.end]
            # Irony and mind-reading span whole clauses; what they are about is still the concern.
            about = all(f.category == "sarcasm" or f.whole for f in hits) and not (
                valence(tok.text)
                or VERDICT_WORD.search(tok.text)
                or any(map(simile, [tok, *tok.ancestors]))  # "like legal contracts" is the verdict
                or any(map(likening, [tok, *tok.ancestors]))  # so is "like I'm a nuisance"
                or _called(tok, hits)
            )
            softened = any(s <= tok.idx < e for s, e in soft) or _likened(tok, sentence)
            labelled = tok.i in label or _labelled_by_stereotype(tok, sentence)
            if (not hits or about) and not softened and not labelled:
                terms.update(_noun(tok))
    return frozenset(terms - _NOT_CONCERN - DISCOURSE)  # "tbh" tags as a noun


# Findings that name what something is: the predicate noun they put on it is the verdict.
_NAMING = frozenset({"judgement", "personal_label", "insult", "vague"})


def _called(tok: Token, hits: list[Finding]) -> bool:
    """A noun in what a verdict calls something ("a wall of text", "feels like a drill")."""
    named = any(f.category in _NAMING for f in hits)
    for word in (tok, *tok.ancestors) if named else ():
        if word.dep_ == "pobj" and word.head.lower_ not in ("of", "like", "as"):
            return False  # "a disaster in client meetings": where it happened is the concern
        verb = word.head.head if word.head.lower_ in ("like", "as") else word.head
        # Only a kind it is called ("is a mess"); "all you talk about is TikTok" names the topic.
        called = word.dep_ in ("attr", "oprd", "acomp") and any(
            t.dep_ == "det" and t.lower_ in ("a", "an") for t in word.subtree
        )
        predicate = called or (word.dep_ == "pobj" and verb is not word.head)
        if predicate and verb.lemma_ in COPULAS:
            return True
    # The praise irony is framed in ("great job forgetting it"): the act is the concern.
    framed = any(c.dep_ == "amod" and valence(c.text) > 0 for c in tok.children)
    acted = any(c.dep_ == "acl" and c.pos_ == "VERB" for c in tok.children)
    return framed and acted and any(f.category == "sarcasm" for f in hits)


def _labelled_by_stereotype(tok: Token, sentence: Sentence) -> bool:
    """A noun a stereotype modifies is the stereotype's own ("boomer energy"), not a concern."""
    spans = [(f.start, f.end) for f in sentence.findings if f.category == "stereotype"]
    # "People | your age never ...": the parser may split a label subject in two.
    beside = [c for c in tok.head.children if c.dep_ == "nsubj"] if tok.dep_ == "nsubj" else []
    if tok.dep_ == "nsubj" and any(s <= tok.head.idx < e for s, e in spans):
        return True  # the group a clause judged as a stereotype is about ("You kids think ...")
    if tok.dep_ == "nsubj" and any(c.dep_ == "appos" and _within(c, spans) for c in tok.children):
        return True  # the group a label beside it names ("Kids | your age can't ...")
    return any(
        c.dep_ in ("amod", "compound", "nsubj") and any(s <= c.idx < e for s, e in spans)
        for c in [*tok.children, *beside]
    )


def _likened(tok: Token, sentence: Sentence) -> bool:
    """A noun in the likening of a judged act ("looks like it was typed on a bus"): the verdict."""
    return any(
        likening(a) and any(f.start <= a.head.idx < f.end for f in sentence.findings)
        for a in tok.ancestors
    )


def _within(tok: Token, spans: list[tuple[int, int]]) -> bool:
    """Whether a token's whole phrase lies inside one of the spans."""
    start, last = tok.left_edge.idx, tok.right_edge
    return any(s <= start and last.idx + len(last) <= e for s, e in spans)


def _noun(tok: Token) -> list[str]:
    """The word as a concern term when it names a thing or a number (as ``content_words``)."""
    wordy = (tok.is_alpha or tok.like_num) and len(tok.text) >= 3
    if wordy and tok.pos_ in ("NOUN", "PROPN", "NUM") and tok.lower_ not in STOP_WORDS:
        return [tok.lower_]
    return []


def _present(rewritten: str) -> set[str]:
    return {stem(w) for w in content_words(rewritten)}


def concern_preserved(original: str, rewritten: str) -> float:
    """Recall of the original's key terms in the rewrite, compared by stem; 1.0 if none."""
    terms = key_terms(original)
    if not terms:
        return 1.0
    present = _present(rewritten)
    return sum(stem(t) in present for t in terms) / len(terms)


def _unabsolute(clause: str) -> tuple[str, ...]:
    """A clause's words with each absolute read as the frequency the rewrite puts for it."""
    said = ABSOLUTE.sub(lambda m: ABSOLUTES.get(m.group(0).lower(), ""), clause.lower())
    return tuple(words(said))


def _restated(before: list[Sentence], rewritten: str) -> set[tuple[str, int]]:
    """Whole-clause verdicts on clauses the original says in the same words bar its absolute.

    Only where the original's analysis found no verdict on that clause but the absolute, and one
    beside it in the sentence: the trained classifier reads only clauses no finding touches, so
    "you always cut me off" is never read (the absolute touches it) while "you often cut me off"
    is. A rewrite is not judged more harshly than the original's analysis judged the same words.
    """
    clauses: dict[tuple[str, ...], bool] = {}
    for sentence in before:
        for start, end, clause in clause_spans(sentence):
            hits = {f.category for f in sentence.findings if f.start < end and start < f.end}
            # The act a verdict beside it judges ("you always X, it's rude"); alone, the clause
            # may hold the verdict itself, and only the classifier reading the rewrite finds it.
            beside = any(
                f.category in _VERDICTS and not (f.start < end and start < f.end)
                for f in sentence.findings
            )
            if "absolute" not in hits or not beside:
                continue
            words = _unabsolute(clause)
            clauses[words] = clauses.get(words, False) or bool(hits & _VERDICTS)
    return {
        (f.category, f.start)
        for sentence in inspect(rewritten)
        for f in sentence.findings
        if f.whole and clauses.get(_unabsolute(rewritten[f.start : f.end])) is False
    }


def feedback_violations(request: FeedbackRequest, draft: FeedbackDraft) -> list[str]:
    """Every invariant the draft breaks, each as one short sentence; empty when it is sound."""
    problems: list[str] = []
    after = analyze(draft.rewritten, request.direction)
    kept = _restated(inspect(request.text), draft.rewritten)
    for issue in after.issues:
        if issue.category in HARD_CATEGORIES and (issue.category, issue.start) not in kept:
            problems.append(
                f"The rewrite still contains {issue.category} language: '{issue.span}'."
            )
    for field in ("situation", "behavior", "impact", "request"):
        if not getattr(draft.sbi, field).strip():
            problems.append(f"The SBI {field} is empty.")
    before = analyze(request.text, request.direction)
    if before.tone == "praise" and after.tone not in ("praise", "mixed"):
        problems.append(f"The original is praise but the rewrite reads as {after.tone}.")
    if request.direction == "mentee_to_mentor":
        for match in CONDESCENSION.finditer(draft.rewritten):
            problems.append(f"The rewrite sounds condescending: '{match.group(0).strip(' ,')}'.")
    if any(s.injected or is_instruction_to_ai(s.text) for s in inspect(draft.rewritten)):
        problems.append("The rewrite repeats an instruction aimed at a model.")
    if concern_preserved(request.text, draft.rewritten) < CONCERN_THRESHOLD:
        present = _present(draft.rewritten)
        missing = sorted(t for t in key_terms(request.text) if stem(t) not in present)
        problems.append(f"The rewrite drops key terms of the concern: {', '.join(missing[:8])}.")
    fluency = fluency_problems(draft.rewritten, request.text)
    problems.extend(f"The rewrite does not read well. {p}" for p in fluency)
    return problems
