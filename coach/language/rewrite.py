"""Rewrite analysed sentences: verdicts become impacts, orders requests, absolutes frequencies."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from coach.language import cues, semantic
from coach.language.beside import MINDS, beside
from coach.language.clauses import (
    age_of,
    clause_tokens,
    group_subject,
    likening,
    order_verb,
    subject_of,
)
from coach.language.edits import (
    Edit,
    Piece,
    Role,
    absolute_edits,
    apply,
    hedge_edits,
    request_edits,
    request_piece,
    tidy,
)
from coach.language.nlp import inflect, parse, valence
from coach.language.sentence import SELF, Finding, Sentence, negated, overlaps
from coach.language.verdicts import DISCOURSE

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Categories that pass a verdict on the person: their clause is rebuilt, never kept.
VERDICT = frozenset(
    {"judgement", "personal_label", "insult", "assumed_intent", "sarcasm", "stereotype", "vague"}
)
SLOT = "[what you observed: one moment, what happened and when]"
_REQUEST = re.compile(
    r"^\s*(?:could|can|would|will) (?:you|we)\b|\b(?:please|next time|going forward|I'd like you"
    r"|would you be open|could we|can we|let's)\b",
    re.I,
)


def _noun_topic(tokens: list[Token], findings: list[Finding], skip: list[Edit]) -> str:
    """What a verdict clause is about: its first plain noun phrase, with what places it."""
    # A noun in a finding, an evaluative word or a predicate noun ("was a mess") is the verdict;
    # nouns of a clause judged by meaning pasted judgements on blind2_dev, so they stay hidden.
    doc = tokens[0].doc
    ids = {t.i for t in tokens}
    spans = [(f.start, f.end) for f in findings]
    spans += [(s, e) for s, e, _ in skip]

    def clean(toks: list[Token]) -> bool:
        # A group label ("older managers") is a stereotype only as a phrase, never word by word.
        group = cues.STEREOTYPE.search(" ".join(t.text for t in toks))
        return not group and not any(
            any(s <= t.idx < e for s, e in spans)
            or abs(valence(t.text)) >= 1
            or cues.VERDICT_WORD.search(t.text)
            for t in toks
        )

    for chunk in doc.noun_chunks:
        if chunk.root.i not in ids or chunk.root.pos_ not in ("NOUN", "PROPN", "NUM"):
            continue
        # "you guys on the night shift" addresses the reader as a group: a label, no topic.
        if (
            chunk[0].lower_ in ("my", "me", "you")
            or _labels_you(chunk.root)
            or not clean(list(chunk))
        ):
            continue
        end = chunk[-1]
        for prep in (c for c in chunk.root.rights if c.dep_ == "prep"):
            sub = list(prep.subtree)
            if sub[0].i != end.i + 1 or not clean(sub) or any(t.pos_ == "VERB" for t in sub):
                break
            end = sub[-1]
        text = doc.text[chunk.start_char : end.idx + len(end)]
        return text if chunk[0].pos_ == "PROPN" else text[:1].lower() + text[1:]
    return ""


def _labels_you(noun: Token) -> bool:
    """Whether a noun is what someone or something is said to be ("a drama queen", "a mess")."""
    return noun.pos_ != "PROPN" and (noun.dep_ == "attr" or noun.lower_ in DISCOURSE)


_PLACE = frozenset({"in", "during", "at", "on", "when", "whenever", "with", "after", "before"})


def _lead(
    head: Token, findings: list[Finding], order: Token | None, changes: list[Edit]
) -> tuple[str, list[Edit]]:
    """Subordinate clauses and place phrases of a verdict clause, kept to open its impact."""
    parts: list[Token] = []
    hosts = [head, *[c for c in head.children if c.dep_ in ("acomp", "attr", "prep")]]
    for host in hosts:
        for child in host.children:
            sub = list(child.subtree)
            start, end = sub[0].idx, sub[-1].idx + len(sub[-1])
            clean = not any(overlaps(f, start, end) for f in findings)
            if order is not None and child.i == order.i:
                continue  # an order is rewritten as a request of its own
            if likening(child) or any(
                overlaps(f, child.idx, child.idx + len(child)) for f in findings
            ):
                continue  # a clause whose own verb is judged ("you decided I'm ...") is the verdict
            place = child.dep_ == "prep" and child.lower_ in _PLACE and clean
            said_of = subject_of(child) if child.dep_ == "advcl" else None
            if said_of is not None and said_of.lower_ in _COMMENT:
                continue  # ", which makes it useless" comments on the verdict; no situation
            if child.dep_ == "advcl" or (place and any(c.dep_ == "pobj" for c in child.children)):
                parts.append(child)
    texts, edits = [], []
    for part in sorted(parts, key=lambda t: t.i):
        sub = [
            t for t in part.subtree if not any(overlaps(f, t.idx, t.idx + len(t)) for f in findings)
        ]
        sub = sub[: next((k for k in range(1, len(sub)) if sub[k].i != sub[k - 1].i + 1), len(sub))]
        if len(sub) < 3 or _follows_kept(head, sub[0]):
            continue
        start, end = sub[0].idx, sub[-1].idx + len(sub[-1])
        texts.append(apply(head.doc.text[start:end], start, changes))
        edits.append((start, end, ""))
    return ", ".join(texts), edits


def _follows_kept(head: Token, first: Token) -> bool:
    """A clause the parser hung on a verdict but written straight after a kept clause."""
    # "You cut me off when I explain X, it's rude": "when ..." says when the act happened.
    prev = head.doc[first.i - 1] if first.i > head.sent.start else None
    inside = {t.i for t in head.subtree}
    return prev is not None and not prev.is_punct and prev.i not in inside


def _impact(judged: str, topic: str, lead: str) -> str:
    impact = semantic.impact_for(judged, topic)
    if lead:
        lead = _past(lead)  # the impact is told in the past: "When I explained it, I felt ..."
        keep_case = lead[:2] == "I " or (lead[:1].isupper() and lead.split()[0] not in _OPENERS)
        return tidy(f"{lead if keep_case else lead[:1].lower() + lead[1:]}, {impact}")
    return tidy(impact)


_OPENERS = frozenset({"When", "If", "In", "During", "At", "On", "With", "Whenever", "After"})


def _groups(sentence: Sentence, findings: list[Finding]) -> list[tuple[Token, list[Token]]]:
    """Verdict clauses, each nested one merged into the outermost verdict clause above it."""
    clauses = clause_tokens(sentence.span)
    verdict = {
        h.i
        for h, own in clauses
        if any(overlaps(f, t.idx, t.idx + len(t)) for f in findings for t in own)
    }
    intent = {
        h.i
        for h, own in clauses
        for f in findings
        if f.category == "assumed_intent" and any(overlaps(f, t.idx, t.idx + len(t)) for t in own)
    }
    # What someone is said to think or want belongs to the mind-reading that frames it.
    verdict |= {h.i for h, _ in clauses if h.dep_ in ("ccomp", "xcomp") and h.head.i in intent}
    owns = {h.i: own for h, own in clauses}
    # An act with no object of its own that a likening judges ("you talk down to me like I'm a
    # child") is the verdict's manner; "you reply to my emails like ..." keeps its act.
    verdict |= {
        h.head.i
        for h, _ in clauses
        if h.i in verdict and likening(h) and not _objects(h.head, owns.get(h.head.i, []))
    }
    # ... and a likening of a judged act is the verdict's own ("looks like it was done on a bus").
    verdict |= {h.i for h, _ in clauses if likening(h) and h.head.i in verdict}
    merged: dict[int, tuple[Token, list[Token]]] = {}
    for head, own in clauses:
        if head.i not in verdict:
            continue
        top = next((a for a in reversed(list(head.ancestors)) if a.i in verdict), head)
        base = merged.setdefault(top.i, (top, []))
        base[1].extend(own)
    return [(h, sorted(own, key=lambda t: t.i)) for h, own in merged.values()]


def _objects(head: Token, own: list[Token]) -> bool:
    """Whether a clause names a thing acted on, beside its subject and where it happened."""
    aside = [c for c in head.children if c.lower_ in _PLACE or c.dep_ == "nsubj"]
    placed = {t.i for c in aside for t in c.subtree}
    return any(t.pos_ in ("NOUN", "PROPN") and t.i not in placed for t in own)


_ACTION_DEPS = frozenset({"pcomp", "xcomp", "acl", "advcl", "appos", "relcl"})


def _behavior(own: list[Token], findings: list[Finding]) -> tuple[str, list[Edit]]:
    """What a verdict was about, said plainly, and the clause to cut if it hung off the verdict."""
    # "thanks for coming late" -> "You came late"; "couldn't be bothered to proofread it".
    ids = {t.i for t in own}
    hung = [
        t
        for t in own[0].sent
        if t.i not in ids and t.head.i in ids and t.dep_ in ("advcl", "xcomp") and t.tag_ == "VB"
    ]
    for tok in [*own, *hung]:
        infinitive = tok.dep_ == "ROOT" and any(c.lower_ == "to" for c in tok.children)
        # "Great job answering it": the parser may make the act the root, the praise its subject.
        praised = tok.dep_ == "ROOT" and tok.tag_ == "VBG" and _praised(subject_of(tok))
        if tok.tag_ not in ("VBG", "VB", "VBZ") or not (
            tok.dep_ in _ACTION_DEPS or infinitive or praised
        ):
            continue
        if tok.lemma_ == "be" or tok.lemma_ in MINDS:
            continue  # a copula or a mind ("which is rude", "you don't want to") is no action
        if tok.head.lemma_ in ("love", "like", "hate", "enjoy", "want", "try", "care"):
            continue
        if tok.dep_ == "pcomp" and tok.head.lower_ == "at":
            continue  # "hopeless at answering on time" judges a skill; nothing was observed
        marks = [f for f in findings if f.category != "sarcasm"]
        if not _own_act(tok, marks):
            continue
        sub = [t for t in tok.subtree if not any(overlaps(f, t.idx, t.idx + len(t)) for f in marks)]
        if not sub:
            continue
        # ", only a week late" may hang off the praise word rather than the action.
        tail = [t for t in tok.sent if t.i > sub[-1].i]
        tail = tail if tail and tail[0].text == "," else []
        rest = _plain_rest([t for t in sub if t.i > tok.i] + tail)
        cut: list[Edit] = [] if tok.i in ids else [(sub[0].idx, sub[-1].idx + len(sub[-1]), "")]
        if tok.head.lemma_ == "bother" or negated(tok) or tok.head.lower_ == "without":
            # "couldn't be bothered to proofread it": what was observed is that it wasn't done.
            return tidy(f"You didn't {tok.lemma_} {_past(rest)}"), cut
        if tok.dep_ == "relcl" and tok.tag_ == "VBZ":
            return tidy(f"You {inflect(tok.lemma_, 'VBP')} {rest}"), cut
        return tidy(f"You {inflect(tok.lemma_, 'VBD')} {_past(rest)}"), cut
    return "", []


def _own_act(verb: Token, marks: list[Finding]) -> bool:
    """Whether a verb is something the person did, told apart from its verdict."""
    # "Stop ..." orders, "which makes it useless" is a comment's verb, "treat them like X" is
    # all manner: none is an act to restate once the verdict words go.
    subject = subject_of(verb)
    if verb.lemma_ in ("stop", "quit") or (subject is not None and subject.lower_ in _COMMENT):
        return False
    # The parser may hang the likening on the order: "Stop talking to me | like I'm stupid".
    hosts = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    manner = [
        c
        for h in hosts
        for c in h.children
        if (c.dep_ == "prep" and c.lower_ in ("like", "as")) or likening(c)
    ]
    judged = [verb, *(t for c in manner for t in c.subtree)]
    # A clause judged by meaning as a whole still holds the act ("like you're not reading it").
    worded = [f for f in marks if not f.whole]
    return not any(overlaps(f, t.idx, t.idx + len(t)) for f in worded for t in judged)


_COMMENT = frozenset({"which", "that", "it", "this"})


def _praised(subject: Token | None) -> bool:
    return subject is not None and any(valence(t.text) > 0 for t in subject.subtree)


def _past(text: str) -> str:
    """A clause told in the present put in the past, as the behaviour is ("when I explained")."""
    doc = parse(text)
    edits = [
        (t.idx, t.idx + len(t), inflect(t.lemma_, "VBD"))
        for t in doc
        if t.pos_ == "VERB" and t.tag_ in ("VBP", "VBZ") and subject_of(t) is not None
    ]
    return apply(text, 0, edits)


def _plain_rest(after: list[Token]) -> str:
    """The words after an action; the fact in the jab after a comma stays, "only" goes."""
    # ", only a week late" -> "a week late"; ", only took three weeks" -> ". It took three weeks".
    comma = next((k for k, t in enumerate(after) if t.text == ","), len(after))
    words = [t for t in after[comma + 1 :] if t.lower_ not in _IRONY and not t.is_punct]
    rest = "".join(t.text_with_ws for t in after[:comma] if t.lower_ not in _IRONY)
    if not words or valence(" ".join(t.text for t in words)) > 0:
        return rest
    tail = " ".join(t.text for t in words)
    if words[0].tag_ == "VBD":
        return f"{rest}. It {tail}"
    return f"{rest} {tail}" if not any(t.pos_ in ("VERB", "AUX") for t in words) else rest


_IRONY = frozenset({"finally", "again", "only", "just", "even"})


def _verdicts(
    sentence: Sentence, changes: list[Edit]
) -> tuple[list[Edit], list[Piece], bool, list[str]]:
    """Delete verdict clauses; a restatement or impact for each; whether anything was named."""
    findings = [f for f in sentence.findings if f.category in VERDICT]
    order = order_verb(sentence.span)
    doc = sentence.span.doc
    edits, aside, findings = beside(sentence, findings)
    pieces = [Piece(_impact(j, "", ""), "impact") for j in aside]
    named = False
    topics: list[str] = []
    for head, own in _groups(sentence, findings):
        edits.extend((t.idx, t.idx + len(t.text_with_ws), "") for t in own)
        mine = [f for f in findings if any(overlaps(f, t.idx, t.idx + len(t)) for t in own)]
        lead, moved = _lead(head, findings, order, changes)
        edits.extend(moved)
        topic = next((f.topic for f in mine if f.topic), "")
        flagged = [doc.text[f.start : f.end].lower() for f in sentence.findings]
        addressed = topic.lower().startswith("you ")  # "you guys on ..." is a label, as above
        if (
            addressed
            or cues.STEREOTYPE.search(topic)
            or any(w and w in topic.lower() for w in flagged)
        ):
            topic = ""
        about = _noun_topic(own, sentence.findings, moved)
        # The clause's own phrase also says where and when ("your messages at 11pm").
        topic = about if not topic or about.lower().startswith(topic.lower()) else topic
        topics.append(topic)
        categories = {f.category for f in mine}
        # Whatever the verdict, the action it was about is said plainly.
        said, cut = _behavior(own, findings)
        edits.extend(cut)
        if said:
            pieces.append(Piece(said, "behavior"))
            named = True
        if categories == {"vague"}:
            if not named:
                about = tidy(f"I'd like to talk about {topic or 'this'}: {SLOT}")
                pieces.append(Piece(about, "behavior"))
                named = True
            continue
        judged = " ".join(f.judged or doc.text[f.start : f.end] for f in mine)
        named = named or bool(topic or lead)
        # A place the behaviour already says ("when I explained things") is not said again.
        lead = "" if said and lead and _past(lead).lower() in said.lower() else lead
        if not said and (topic or lead) and order is not None and any(t.i == order.i for t in own):
            # An order whose act is all verdict ("Stop treating me like ..."): the act is asked for
            # (with nothing named, the feedback asks for it in a sentence of its own).
            lead = f"When you {SLOT} {lead}"
        impact = _impact(judged, topic, lead)
        # The same impact said for a motive beside the clause goes once, with its situation.
        pieces = [
            p for p in pieces if p.role != "impact" or not impact.lower().endswith(p.text.lower())
        ]
        pieces.append(Piece(impact, "impact"))
    return edits, pieces, named, topics


_PRONOUNS = {"it": False, "them": True}


def _antecedent(sentence: Sentence, deleted: list[Edit], topic: str) -> list[Edit]:
    """A pronoun left after its clause went names the thing: "nobody reads them" -> "... posts"."""
    if not topic or not deleted:
        return []
    gone = max(e for _, e, _ in deleted)
    plural = parse(topic)[-1].tag_ in ("NNS", "NNPS")
    for tok in sentence.span:
        if tok.idx < gone or any(s <= tok.idx < e for s, e, _ in deleted):
            continue
        if _PRONOUNS.get(tok.lower_) == plural and tok.dep_ in ("dobj", "pobj"):
            return [(tok.idx, tok.idx + len(tok), topic)]
    return []


def _role(text: str, sentence: Sentence) -> Role:
    if _REQUEST.search(text):
        return "request"
    if sentence.tone == "praise":
        return "praise"
    return "impact" if felt(text) else "behavior"


def felt(text: str) -> bool:
    """The writer's own effect ("I stop reading halfway"): their subject, nothing of yours."""
    doc = parse(text)
    root = next(iter(doc.sents)).root
    subject = subject_of(root)
    yours = any(t.lower_ in ("you", "your", "u", "ur") for t in doc)
    return subject is not None and subject.lower_ in SELF and not yours


def _to_you(sentence: Sentence) -> tuple[Sentence, list[Edit]]:
    """A group label as the subject ("People your age never check ...") said as "you"."""
    sentence, aged = _unaged(sentence)
    root = sentence.span.root
    # The parser may split the label in two subjects ("People | your age").
    words = [t for c in root.children if c.dep_ == "nsubj" for t in c.subtree]
    if not words or root.pos_ != "VERB":
        return sentence, aged
    words.sort(key=lambda t: t.i)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    labels = [
        f
        for f in sentence.findings
        if f.category == "stereotype" and (overlaps(f, start, end) or f.start <= root.idx < f.end)
    ]
    # Only a label put on the reader ("your age", "you kids"); "Boomers ..." may mean others.
    addressed = labels or group_subject(root)
    if not addressed or not any(t.lower_ in ("you", "your") for t in words):
        return sentence, aged
    edits = _mind(sentence, root, start, end) if root.lemma_ in MINDS else []
    if root.lemma_ in MINDS and not edits:
        return sentence, aged
    # The act stays the person's own: "their email" is "your email", and the verb agrees.
    edits = edits or [(start, end, "you")]
    edits += [(t.idx, t.idx + len(t), "your") for t in root.subtree if t.lower_ == "their"]
    if root.tag_ == "VBZ" and root.lemma_ not in MINDS:
        edits.append((root.idx, root.idx + len(root), inflect(root.lemma_, "VBP")))
    rest = [f for f in sentence.findings if f not in labels]
    return replace(sentence, findings=rest), edits + aged


def _unaged(sentence: Sentence) -> tuple[Sentence, list[Edit]]:
    """People an act concerns named by an age, said as the writer: "to anyone under 30" -> "me"."""
    edits: list[Edit] = []
    for people, age in age_of(sentence.span):
        end = age.idx + len(age)
        if people.dep_ == "pobj" and people.head.head.pos_ == "NOUN":
            edits.append((people.head.idx, end, ""))  # "feedback from anyone over 50": "feedback"
        elif people.dep_ in ("dobj", "pobj"):
            edits.append((people.idx, end, "me"))
    rest = [
        f
        for f in sentence.findings
        if f.category != "stereotype" or not any(overlaps(f, s, e) for s, e, _ in edits)
    ]
    return replace(sentence, findings=rest), edits


def _mind(sentence: Sentence, root: Token, start: int, end: int) -> list[Edit]:
    """A group's belief as the writer's doubt, a group's wish as the act it is about."""
    # "You kids think an app fixes it" -> "I'm not convinced an app fixes it"; "Older managers
    # like you never want to try X" -> "You never try X" (an absolute is made a frequency after).
    said = next((c for c in root.children if c.dep_ == "ccomp"), None)
    if root.lemma_ == "think" and said is not None:
        s, e = said.left_edge.idx, said.right_edge.idx + len(said.right_edge)
        judged = any(overlaps(f, s, e) for f in sentence.findings if f.category in VERDICT)
        return [] if judged else [(start, s, "I'm not convinced ")]
    act = next((c for c in root.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if root.lemma_ != "want" or act is None:
        return []
    tense = inflect(act.lemma_, "VBD" if root.tag_ == "VBD" else "VBP")
    return [(start, end, "you"), (root.idx, act.idx + len(act), tense)]


def rewrite(sentence: Sentence) -> tuple[list[Piece], bool]:
    """The rewritten sentence(s) and whether they still say what happened (not only an impact)."""
    if sentence.injected:
        return [], False
    if not sentence.findings:
        if reaction(sentence.span):
            return [], False
        text = sentence.text.strip()
        # A clause the splitter cut before "but ..." still ends as a sentence.
        text += "." if text[-1:].isalnum() else ""
        return [Piece(text, _role(text, sentence))], True
    doc_text = sentence.span.doc.text
    sentence, edits = _to_you(sentence)
    edits += absolute_edits(sentence) + hedge_edits(sentence)
    edits += [
        (f.start, f.end, "")
        for f in sentence.findings
        if f.category == "imperative" and cues.CURT.search(doc_text[f.start : f.end])
    ]
    verdict_edits, pieces, named, topics = _verdicts(sentence, edits)
    edits += _antecedent(sentence, verdict_edits, next((t for t in topics if t), ""))
    if any(f.category == "imperative" for f in sentence.findings):
        if not verdict_edits:
            edits += request_edits(sentence)
        else:
            pieces[:0] = request_piece(sentence, verdict_edits, edits)
    text = tidy(apply(sentence.text, sentence.span.start_char, edits + verdict_edits))
    felt_at = next((k for k, p in enumerate(pieces) if p.role == "impact"), -1)
    when = _past(text.rstrip(".")) if felt_at >= 0 and _subordinate(text) else ""
    if when and when.lower() not in " ".join(p.text for p in pieces).lower():
        # "whenever I ask about X", left once its verdict went, says when the impact was felt.
        impact = pieces[felt_at].text
        impact = impact if re.match(r"I\b", impact) else impact[:1].lower() + impact[1:]
        pieces[felt_at] = Piece(tidy(f"{when}, {impact}"), "impact")
        text = ""
    kept = _is_clause(text)
    role = _role(text, sentence) if kept else "behavior"
    if kept and role == "impact":
        # The writer said what it did to them: that stands for the impact a verdict would get.
        # The judged thing stays named, with a slot when nothing says what was observed.
        about = [t for t in topics if t and any(t.lower() in p.text.lower() for p in pieces)]
        pieces = [p for p in pieces if p.role != "impact"]
        if about and not any(p.role == "behavior" for p in pieces):
            pieces.append(Piece(tidy(f"I'd like to talk about {about[0]}: {SLOT}"), "behavior"))
        pieces.append(Piece(text, role))
    elif kept:
        pieces.insert(0, Piece(text, role))
    said = kept and role != "impact"
    acts = [p.text for p in pieces if p.role == "behavior" and "[" not in p.text]
    if acts and not any(p.role == "impact" for p in pieces):
        # An effect that follows from the act by meaning ("you interrupt me"), else none.
        impact = semantic.impact_of_act(acts[0])
        pieces += [Piece(tidy(impact), "impact")] if impact else []
    return pieces, said or named or any(p.role == "request" for p in pieces)


def _subordinate(text: str) -> bool:
    """A leftover that only says when, if or why ("Whenever I ask ..."): no sentence alone."""
    root = next(iter(parse(text).sents)).root if text else None
    # The parser may make the adverb before it the root: "Often when I ask ...".
    if root is not None and root.pos_ not in ("VERB", "AUX"):
        root = next((c for c in root.children if c.dep_ == "advcl"), None)
    if root is None or text.endswith("?"):
        return False
    return any(c.dep_ == "mark" or (c.tag_ == "WRB" and c.i < root.i) for c in root.children)


def _is_clause(text: str) -> bool:
    """Whether a leftover stands as a sentence: a verb with its subject, or a request."""
    if len(re.findall(r"[A-Za-z]+", text)) < 3:
        return False
    doc = parse(text)
    if _REQUEST.search(text):
        return True
    return any(
        t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.pos_ in ("VERB", "AUX") for t in doc
    )


def reaction(span: Span) -> bool:
    """A verbless word or two beside a complaint ("Genius.", "Well done."): no behaviour."""
    words = [t for t in span if t.is_alpha]
    return (
        0 < len(words) <= 2
        and not any(
            t.pos_ in ("VERB", "AUX", "DET", "PRON", "NUM") and not _bare_participle(t)
            for t in span
        )
        and not any(t.lemma_.lower() in ("thank", "thanks", "cheer", "cheers") for t in span)
    )


def _bare_participle(tok: Token) -> bool:
    """A participle with no subject or object of its own ("Well done."): no act is told."""
    return tok.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children
    )


def clause_pieces(sentence: Sentence) -> list[Piece]:
    """A sentence left as written, cut where the writer's own clause joins on (for the SBI)."""
    span = sentence.span
    joined = [c for c in span.root.children if c.dep_ == "conj" and subject_of(c) is not None]
    cut = min((t.i for c in joined for t in c.subtree), default=span.end)
    while cut > span.start and span.doc[cut - 1].dep_ in ("cc", "punct"):
        cut -= 1  # "... long and I stop": the "and" joins, it belongs to neither clause
    parts = [span.doc[span.start : cut].text, span.doc[cut : span.end].text]
    texts = [tidy(p) for p in parts if any(c.isalpha() for c in p)]
    whole = tidy(span.text)
    if len(texts) < 2 or _role(texts[1], sentence) != "impact":
        return [Piece(whole, _role(whole, sentence))]
    return [Piece(t, _role(t, sentence)) for t in texts]
