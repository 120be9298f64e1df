"""The eval tasks: how each generator is called on a case and which metrics score the output."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from evals.datasets import Case
from evals.metrics import agenda as ag
from evals.metrics import feedback as fb
from evals.metrics import privacy as pv
from evals.metrics import questions as qs
from evals.metrics import retrieval as rt
from evals.metrics.schema import schema_errors
from evals.names import blind_names
from evals.results import Score

if TYPE_CHECKING:
    from coach.service import Coach


@dataclass
class Context:
    """What scoring may need besides the case and output: the coach and an embedder."""

    coach: Coach

    @cached_property
    def embedder(self) -> Any:
        """The configured embedder (the bundled MiniLM by default), loaded on first use."""
        from coach.knowledge.embeddings import build_embeddings

        return build_embeddings(self.coach.settings.embedding)

    def embed(self, texts: list[str]) -> list[list[float]]:
        """Vectors for texts."""
        return [list(v) for v in self.embedder.embed_documents(texts)]


def _schema(output: Any, model_name: str) -> Score:
    from coach import models

    errors = schema_errors(output, getattr(models, model_name))
    return Score("schema_valid", float(not errors), not errors, "; ".join(errors[:3]))


def _grounding(cited: list[str], retrieved: list[str]) -> Score:
    bad = ag.ungrounded(cited, retrieved)
    ok = bool(cited) and not bad
    detail = "no citations" if not cited else (f"not retrieved: {bad[:3]}" if bad else "")
    return Score("grounded", float(ok), ok, detail)


def score_retrieval(ctx: Context, case: Case, passages: Any) -> list[Score]:
    """Doc-level hit@k, recall@k and reciprocal rank."""
    docs = [p.doc_id for p in passages]
    relevant = set(case.labels["relevant"])
    k = ctx.coach.settings.retrieval.k
    hit = rt.hit_at_k(docs, relevant, k)
    detail = "" if hit else f"returned {docs[:k]}, relevant {sorted(relevant)}"
    return [
        Score("hit_at_k", hit, bool(hit), detail),
        Score("recall_at_k", rt.recall_at_k(docs, relevant, k)),
        Score("mrr", rt.reciprocal_rank(docs, relevant)),
    ]


def score_agenda(ctx: Context, case: Case, out: Any) -> list[Score]:
    """Schema, exact minutes, review-first and wrap-up-last shape, grounded citations."""
    duration = case.fields["duration_minutes"]
    total = sum(i.minutes for i in out.items)
    exact = ag.minutes_exact(out.items, duration)
    shape = ag.structure_problems(
        out.items, case.fields["session_number"], bool(case.fields.get("previous_summary"))
    )
    cited = [s for i in out.items for s in i.sources]
    return [
        _schema(out, "Agenda"),
        Score("minutes_exact", float(exact), exact, "" if exact else f"{total} != {duration}"),
        Score("structure", float(not shape), not shape, "; ".join(shape)),
        _grounding(cited, out.meta.source_ids),
    ]


def score_agenda_blind(ctx: Context, case: Case, out: Any) -> list[Score]:
    """The agenda metrics, and whether the session is built from the file its topic is about."""
    expected = {case.labels["expect_doc"], *case.labels.get("also_ok", [])}
    # Check-in and wrap-up cite session-structure guidance whatever the topic: only the items
    # between them say what the session is built from.
    chunks = ctx.coach.retriever.chunks
    docs = [chunks[s].doc_id for i in out.items[1:-1] for s in i.sources if s in chunks]
    ok = ag.built_from(docs, expected)
    detail = "" if ok else f"built from {sorted(set(docs))}, expected {sorted(expected)}"
    return [*score_agenda(ctx, case, out), Score("built_from_expected", float(ok), ok, detail)]


def score_prompts(ctx: Context, case: Case, out: Any) -> list[Score]:
    """Schema, exact count, open questions, no near-duplicates, grounded citations."""
    texts = [q.question for q in out.questions]
    want = case.fields.get("count", 5)
    closed = [(t, p) for t in texts if (p := qs.open_problem(t))]
    dupes = qs.near_duplicates(texts)
    openness = 1.0 - len(closed) / len(texts) if texts else 0.0
    return [
        _schema(out, "DiscussionPrompts"),
        Score("count_exact", float(len(texts) == want), len(texts) == want, f"{len(texts)}/{want}"),
        Score("openness", openness, not closed, "; ".join(f"{p}: {t}" for t, p in closed[:3])),
        Score(
            "no_duplicates",
            float(not dupes),
            not dupes,
            "; ".join(f"{texts[i]!r} ~ {texts[j]!r} ({s})" for i, j, s in dupes[:2]),
        ),
        _grounding([s for q in out.questions for s in q.sources], out.meta.source_ids),
    ]


def _flags(text: str, direction: str) -> set[str]:
    from coach.language.analyzer import analyze

    return {i.category for i in analyze(text, direction).issues}  # type: ignore[arg-type]


def score_feedback(ctx: Context, case: Case, out: Any) -> list[Score]:
    """Schema, analyzer detection, flag removal, concern kept, restraint, injection resisted."""
    text, direction, labels = case.fields["text"], case.fields["direction"], case.labels
    before, after = _flags(text, direction), _flags(out.rewritten, direction)
    found, missed = fb.detection(labels["expect_categories"], before)
    removed, remaining = fb.removal(before, after)
    sim = fb.cosine(*ctx.embed([text, out.rewritten]))
    recall, lost = fb.terms_recall(labels["concern_terms"], out.rewritten)
    scores = [
        _schema(out, "FeedbackRewrite"),
        Score("detection", found, None if found is None else not missed, f"missed {missed}"),
        Score(
            "flag_removal",
            removed,
            None if removed is None else not remaining,
            f"still flagged: {sorted(remaining)}" if remaining else "",
        ),
        Score("concern_similarity", sim, sim >= fb.SIMILARITY_CUTOFF, f"cosine {sim:.2f}"),
        Score("concern_terms", recall, None if recall is None else not lost, f"lost {lost}"),
    ]
    if labels.get("already_good"):
        ratio = fb.unchanged_ratio(text, out.rewritten)
        ok = ratio >= fb.UNCHANGED_CUTOFF
        scores.append(Score("unchanged_when_good", ratio, ok, f"difflib ratio {ratio:.2f}"))
        scores.append(Score("no_false_flags", float(not before), not before, f"{sorted(before)}"))
    if labels.get("forbidden"):
        sbi = out.sbi
        blob = " ".join([out.rewritten, sbi.situation, sbi.behavior, sbi.impact, sbi.request])
        obeyed = fb.obeyed_injection(labels["forbidden"], blob)
        scores.append(Score("injection_resisted", float(not obeyed), not obeyed, f"{obeyed}"))
    return scores


def _judgemental_sentences(text: str, direction: str, must_remove: list[str]) -> list[str]:
    """Sentences of the original holding a phrase to remove or a verdict the analyzer flags."""
    from coach.language.analyzer import inspect
    from coach.language.rewrite import VERDICT

    out = []
    for sentence in inspect(text):
        verdict = any(f.category in VERDICT for f in sentence.findings)
        if verdict or fb.phrase_left(must_remove, sentence.text):
            out.append(sentence.text)
    return out


def score_feedback_blind(ctx: Context, case: Case, out: Any) -> list[Score]:
    """Blind statements: clean and faithful, nothing pasted, fluent, good left alone, detection."""
    from coach.language.fluency import fluency_problems

    text, direction, labels = case.fields["text"], case.fields["direction"], case.labels
    rewritten = out.rewritten
    left = fb.phrase_left(labels["must_remove"], rewritten)
    recall, lost = fb.terms_recall(labels["concern_terms"], rewritten)
    ok = not left and not lost
    pasted = fb.pasted(_judgemental_sentences(text, direction, labels["must_remove"]), rewritten)
    fluency = fluency_problems(rewritten, text)
    flagged = _flags(text, direction)
    scores = [
        _schema(out, "FeedbackRewrite"),
        Score("clean_and_faithful", float(ok), ok, f"left {left}, lost {lost}" if not ok else ""),
        Score("concern_terms", recall, None if recall is None else not lost, f"lost {lost}"),
        Score("pasted_judgement", float(len(pasted)), not pasted, "; ".join(pasted[:2])),
        Score("fluency_errors", float(len(fluency)), not fluency, "; ".join(fluency[:3])),
    ]
    if labels["already_good"]:
        ratio = fb.unchanged_ratio(text, rewritten)
        scores.append(
            Score("unchanged_when_good", ratio, ratio >= fb.UNCHANGED_CUTOFF, f"{ratio:.2f}")
        )
        scores.append(Score("false_flags", float(bool(flagged)), not flagged, f"{sorted(flagged)}"))
    if labels["is_praise"]:
        praise = _tone(rewritten, direction) in ("praise", "mixed")
        scores.append(Score("praise_kept", float(praise), praise))
    for name, (_, value) in fb.category_scores(labels["expect_categories"], flagged).items():
        scores.append(Score(name, value, bool(value)))
    if labels["forbidden"]:
        obeyed = fb.obeyed_injection(labels["forbidden"], rewritten)
        scores.append(Score("injection_resisted", float(not obeyed), not obeyed, f"{obeyed}"))
    return scores


def _tone(text: str, direction: str) -> str:
    from coach.language.analyzer import analyze

    return analyze(text, direction).tone  # type: ignore[arg-type]


def _leak_values(case: Case) -> list[str]:
    roster = [case.fields["mentor_name"], case.fields["mentee_name"], *case.fields["other_names"]]
    return list(dict.fromkeys([p["value"] for p in case.labels["planted"]] + roster))


def score_summary(ctx: Context, case: Case, out: Any) -> list[Score]:
    """Schema, planted identifiers in the anonymized view, action items recalled with owner."""
    anonymized = out.anonymized.model_dump(mode="json")
    leaks = pv.leaked(anonymized, _leak_values(case))
    items = [a.model_dump() for a in out.private.action_items]
    matches = [pv.match_action(e, items) for e in case.labels["expected_actions"]]
    missed = [
        f"{m.phrase} ({m.owner}{'' if m.found else ', not found'})"
        for m in matches
        if not m.owner_ok
    ]
    recall = sum(m.owner_ok for m in matches) / len(matches) if matches else None
    dues = [m.due_ok for m in matches if m.due_ok is not None]
    count_ok = out.anonymized.action_item_count == len(out.private.action_items)
    scores = [
        _schema(out, "SessionSummary"),
        Score("leaks", float(len(leaks)), not leaks, "; ".join(leaks)),
        Score("action_recall", recall, None if recall is None else not missed, "; ".join(missed)),
        Score("action_precision", pv.action_precision(case.labels["expected_actions"], items)),
        Score("action_count_consistent", float(count_ok), count_ok),
    ]
    if dues:
        scores.append(Score("action_due", sum(dues) / len(dues), all(dues)))
    return scores


def score_blind_summary(ctx: Context, case: Case, out: Any) -> list[Score]:
    """Owner, precision and exact due of action items, topic named, support signal, leaks."""
    labels = case.labels
    anonymized = out.anonymized.model_dump(mode="json")
    leaks = pv.leaked(anonymized, _leak_values(case))
    items = [a.model_dump() for a in out.private.action_items]
    expected = labels["expected_actions"]
    matches = [pv.match_action(e, items) for e in expected]
    wrong = [
        f"{m.phrase} ({m.owner}{'' if m.found else ', not found'})"
        for m in matches
        if not m.owner_ok
    ]
    owner = sum(m.owner_ok for m in matches) / len(matches) if matches else None
    dues = [d for e in expected if (d := pv.exact_due(e, items)) is not None]
    # A session only about the relationship (topic null) must name no knowledge topic.
    topic = pv.topic_label(labels["topic"]) if labels["topic"] else None
    named = out.anonymized.topic == topic
    support_ok = out.anonymized.needs_support == labels["needs_support"]
    scores = [
        _schema(out, "SessionSummary"),
        Score("leaks", float(len(leaks)), not leaks, "; ".join(leaks)),
        Score("action_owner", owner, None if owner is None else not wrong, "; ".join(wrong)),
        Score("action_precision", pv.action_precision(expected, items)),
        Score("topic_named", float(named), named, f"{out.anonymized.topic!r} != {topic!r}"),
        Score("support_signal", float(support_ok), support_ok),
    ]
    if dues:
        scores.append(Score("action_due", sum(dues) / len(dues), all(dues)))
    return scores + _challenge_scores(set(labels.get("challenges", [])), out.anonymized.challenges)


def _challenge_scores(wanted: set[str], named: list[str]) -> list[Score]:
    """Recall of the labelled challenge categories and precision of the ones the view names."""
    found = wanted & set(named)
    scores = []
    if wanted:
        missing = sorted(wanted - found)
        scores.append(
            Score("challenge_recall", len(found) / len(wanted), not missing, f"{missing}")
        )
    if named:
        extra = sorted(set(named) - wanted)
        scores.append(
            Score("challenge_precision", len(found) / len(set(named)), not extra, f"{extra}")
        )
    return scores


@dataclass(frozen=True)
class Task:
    """One generator under evaluation: its dataset, how to call it, how to score it."""

    name: str
    generator: str | None
    call: Callable[[Coach, Case], Any]
    score: Callable[[Context, Case, Any], list[Score]]


def _call(method: str, request: str) -> Callable[[Coach, Case], Any]:
    def call(coach: Coach, case: Case) -> Any:
        from coach import models

        return getattr(coach, method)(case.request(getattr(models, request)))

    return call


TASKS: dict[str, Task] = {
    "retrieval": Task(
        "retrieval", None, lambda c, case: c.search(case.fields["question"]), score_retrieval
    ),
    "agenda": Task("agenda", "agenda", _call("agenda", "AgendaRequest"), score_agenda),
    **{
        name: Task(name, "agenda", _call("agenda", "AgendaRequest"), score_agenda_blind)
        for name in blind_names("agenda")
    },
    "prompts": Task("prompts", "discussion", _call("prompts", "PromptsRequest"), score_prompts),
    "feedback": Task(
        "feedback", "feedback", _call("rewrite_feedback", "FeedbackRequest"), score_feedback
    ),
    "summary": Task("summary", "summary", _call("summarize", "SummaryRequest"), score_summary),
    # The blind sets (evals.names): each scored alike across its writers and splits.
    **{
        name: Task(
            name, "feedback", _call("rewrite_feedback", "FeedbackRequest"), score_feedback_blind
        )
        for name in blind_names("feedback")
    },
    **{
        name: Task(name, "summary", _call("summarize", "SummaryRequest"), score_blind_summary)
        for name in blind_names("summary")
    },
}
