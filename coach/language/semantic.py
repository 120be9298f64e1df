"""Meaning-based cues on the configured embedder: judgement categories and impact choice."""

from __future__ import annotations

import hashlib
import os
import sys
import tomllib
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from coach.language import cues
from coach.language.nlp import parse_all, pipeline, valence
from coach.lru import Lru

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from spacy.tokens import Token

DATA = Path(__file__).resolve().parent / "data"
# Frame for single words: only the word varies, so its evaluative weight dominates the vector.
WORD_FRAME = "Honestly, I think it was {}."
TOP_K = 3
# A clause is judged by its nearest two examples: one stray neighbour does not decide it.
CLAUSE_K = 2
CATEGORIES = tuple(
    "judgement personal_label insult stereotype sarcasm assumed_intent vague".split()
)


@cache
def _load(name: str) -> dict[str, Any]:
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _embedder() -> Any:
    from coach.knowledge.embeddings import build_embeddings
    from coach.settings import get_settings

    return build_embeddings(get_settings().embedding)


def _matrix(texts: list[str]) -> np.ndarray:
    # Only the torch runtime has torch loaded; the onnx one (the default) takes its thread count
    # from COACH_EMBEDDING__THREADS, and importing torch here would put it on the request path.
    torch = sys.modules.get("torch")
    if torch is None:
        return _unit(np.asarray(_embedder().embed_documents(texts), dtype=np.float32))
    # A handful of short texts per call: one thread is faster than several, and on a busy
    # machine several threads contend (measured 45 ms vs 450 ms for one clause).
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        vectors = np.asarray(_embedder().embed_documents(texts), dtype=np.float32)
    finally:
        torch.set_num_threads(threads)
    return _unit(vectors)


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


# Vectors already computed in this process; analysis and validation embed the same clauses.
_SEEN: dict[str, np.ndarray] = {}
_SEEN_MAX = 20_000


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors for texts, one batch for those not seen before in this process."""
    missing = [t for t in dict.fromkeys(texts) if t not in _SEEN]
    if missing:
        if len(_SEEN) > _SEEN_MAX:
            _SEEN.clear()
        _SEEN.update(zip(missing, _matrix(missing), strict=True))
    return np.stack([_SEEN[t] for t in texts])


_MASKED = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
_JUDGED = frozenset({"attr", "acomp"})
_LIKE = frozenset({"like", "as"})
_FREQUENCY = frozenset(w for w in cues.ABSOLUTES.values() if w.isalpha())


def _evaluative(tok: Token) -> bool:
    """A negative word: a phrase holding one is the verdict itself, never reduced to "it"."""
    return valence(tok.text) < 0 or any(
        p.search(tok.text) for p in (cues.INSULT, cues.SLANG, cues.STEREOTYPE)
    )


def _generation(head: Token) -> bool:
    """Whether a noun names a generation ("Gen Z never reads"), not a thing ("the Gen Z panel")."""
    start = min([head, *(c for c in head.children if c.dep_ == "compound")], key=lambda t: t.i)
    text = head.doc.text[start.idx : head.idx + len(head)]
    return any(m.end() == len(text) for m in cues.GENERATION.finditer(text))


def reduce(tokens: Iterable[Token]) -> tuple[list[tuple[Token, str]], list[list[Token]]]:
    """The clause with plain noun phrases said as "it", so the vector weighs how, not what.

    MiniLM vectors follow the topic: "the template you sent is rubbish" sits nearer "the template
    has no headings" than "your work is garbage". Reducing "the template you sent" to "it" and
    dropping "in the meeting" leaves the verdict for the embedding to weigh; the examples are
    reduced the same way. Returns the kept tokens, each with the text it now stands for, and
    the noun phrases said as "it".
    """
    words = list(tokens)
    ids = {t.i for t in words}
    drop: set[int] = set()
    said: dict[int, str] = {}
    phrases: list[list[Token]] = []
    for tok in words:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in _MASKED or tok.i in drop:
            continue
        compared = {t.i for c in tok.children if c.lower_ in _LIKE for t in c.subtree}
        phrase = [t for t in tok.subtree if t.i in ids and t.i not in compared]
        if any(map(_evaluative, phrase)) or _generation(tok):
            continue
        prep = tok.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None
        if prep is not None and prep.lower_ in _LIKE:
            continue  # "like a box-ticking exercise" is the comparison that judges
        if prep is not None and prep.head.dep_ not in _JUDGED and prep.head.lemma_ != "be":
            drop.update(t.i for t in prep.subtree)  # "in the meeting": where, not how
            continue
        if prep is not None:
            continue  # "a wall of text", "way off the mark": the predicate keeps its object
        drop.update(t.i for t in phrase)
        said[phrase[0].i] = "it"
        phrases.append(phrase)
    # The frequency a rewrite puts for an absolute ("often") says how much, not how badly.
    drop.update(t.i for t in words if t.lower_ in _FREQUENCY and t.dep_ == "advmod")
    kept = [(t, said.get(t.i, _person(t))) for t in words if t.i not in drop or t.i in said]
    return kept, phrases


# Feedback about "him" or "her" judges a person as surely as feedback to "you"; the examples
# are written in the second person, so the third is read as the second.
_SECOND = {
    "he": "you",
    "she": "you",
    "him": "you",
    "his": "your",
    "himself": "yourself",
    "herself": "yourself",
}


def _person(tok: Token) -> str:
    if tok.lower_ == "her":
        return "your" if tok.dep_ == "poss" else "you"
    return _SECOND.get(tok.lower_, tok.text)


def plain_form(tokens: Iterable[Token]) -> str:
    """The reduced clause as text (``reduce``)."""
    return " ".join(text for _, text in reduce(tokens)[0])


def _plain_examples(texts: list[str]) -> list[str]:
    return [plain_form(doc) for doc in parse_all(texts)]


@lru_cache(maxsize=1)
def _bank_key() -> str:
    """What the bank vectors depend on: the data files, this code, the parser and the model."""
    from coach.knowledge.embeddings import embedding_signature
    from coach.settings import get_settings

    digest = hashlib.sha256(embedding_signature(get_settings().embedding).encode())
    meta = pipeline().meta
    digest.update(f"{meta.get('name')}-{meta.get('version')}".encode())
    here = Path(__file__).resolve().parent
    banks = (DATA / "examples.toml", DATA / "impacts.toml", DATA / "praise.toml")
    for path in (*banks, *sorted(here.glob("*.py"))):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def files_hash(names: Iterable[str]) -> str:
    """The hash of a model's training files as they are now in the checkout."""
    from coach.settings import PROJECT_ROOT

    digest = hashlib.sha256()
    for name in names:
        digest.update((PROJECT_ROOT / name).read_bytes())
    return digest.hexdigest()[:24]


def load_weights(path: Path) -> dict[str, np.ndarray]:
    """A fitted model's arrays, read whole from its .npz file (no pickles)."""
    with np.load(path, allow_pickle=False) as stored:
        return {key: stored[key] for key in stored.files}


def _stored(name: str, build: Callable[[], dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """Bank vectors kept on disk between processes: parsing and embedding the ~900 example
    phrases costs a cold `coach rephrase` about 3 s of CPU, loading them a few milliseconds.
    Hand-written (a dozen lines) because joblib.Memory would key on this function's code only,
    not on the data files, the parser and the model the vectors come from."""
    from coach.settings import cache_home

    path = cache_home() / "banks" / f"{name}-{_bank_key()}.npz"
    try:
        with np.load(path) as stored:
            return {key: stored[key] for key in stored.files}
    except (OSError, ValueError):
        pass  # not built yet for this key, or unreadable: build it
    banks = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        with partial.open("wb") as handle:
            np.savez(handle, **cast("dict[str, Any]", banks))  # numpy types kwargs as bool
        partial.replace(path)  # atomic: a concurrent reader sees the old file or the whole new one
    except OSError:
        pass  # a read-only cache folder only costs time
    return banks


@lru_cache(maxsize=1)
def _examples() -> dict[str, np.ndarray]:
    return _stored("examples", _embed_examples)


def _embed_examples() -> dict[str, np.ndarray]:
    data = _load("examples.toml")
    out = {
        name: embed(_plain_examples(list(block["examples"])))
        for name, block in data.items()
        if name in (*CATEGORIES, "neutral")
    }
    out["praise"] = embed(_plain_examples(list(_load("praise.toml")["praise"]["examples"])))
    out["negative_words"] = embed(
        [WORD_FRAME.format(w) for w in data["negative_words"]["examples"]]
    )
    out["plain_words"] = embed([WORD_FRAME.format(w) for w in data["plain_words"]["examples"]])
    return out


def _near(bank: np.ndarray, vectors: np.ndarray, k: int = TOP_K) -> np.ndarray:
    """Mean of the top-k similarities of each vector to a bank of examples."""
    # A partition finds the top k without sorting the bank; sorting those k keeps the mean's
    # summation order, so the result is bit-for-bit the full sort's.
    return _top_mean(vectors @ bank.T, k)


def margin_texts(words: list[str], clauses: list[str]) -> list[str]:
    """The texts `margins` embeds: each word in its frame, then the clauses."""
    return [WORD_FRAME.format(w) for w in words] + clauses


# What the clause and word margins compare against, in a fixed order (see `_scores`).
_CLAUSE_BANKS = (*CATEGORIES, "neutral", "praise")
_WORD_BANKS = ("negative_words", "plain_words")
# Each text's nearness to every bank, per (banks, k): margins and praise_margins ask about the
# same plain clauses, and a rewrite's clauses often repeat what was analysed before (~9 floats
# a text, so many are kept; the vectors they come from are kept in _SEEN likewise).
_SCORES: Lru[tuple[str, tuple[str, ...], int], np.ndarray] = Lru(_SEEN_MAX)
# The stacked banks and the scores above hold for one load of the banks (tests reload them).
_STACKS: dict[tuple[str, ...], tuple[np.ndarray, list[tuple[int, int]]]] = {}
_LOADED: list[dict[str, np.ndarray]] = []


def _stacked(names: tuple[str, ...]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The named banks as one matrix (one product for all), with each bank's column range."""
    banks = _examples()
    if not _LOADED or _LOADED[0] is not banks:
        _STACKS.clear()
        _SCORES.clear()
        _LOADED[:] = [banks]
    if names not in _STACKS:
        parts = [banks[name] for name in names]
        ends = np.cumsum([len(b) for b in parts]).tolist()
        stacked = np.ascontiguousarray(np.concatenate(parts).T)
        _STACKS[names] = stacked, list(zip([0, *ends], ends, strict=False))
    return _STACKS[names]


def _scores(texts: list[str], names: tuple[str, ...], k: int) -> np.ndarray:
    """Each text's `_near` score to each named bank (rows: texts, columns: banks)."""
    stacked, ranges = _stacked(names)
    missing = [t for t in dict.fromkeys(texts) if _SCORES.get((t, names, k)) is None]
    if missing:
        sims = embed(missing) @ stacked
        columns = [_top_mean(sims[:, a:b], k) for a, b in ranges]
        for text, row in zip(missing, np.stack(columns, axis=1), strict=True):
            _SCORES.put((text, names, k), row)
    return np.stack([_cached_score(t, names, k) for t in texts])


def _cached_score(text: str, names: tuple[str, ...], k: int) -> np.ndarray:
    row = _SCORES.get((text, names, k))
    if row is None:  # dropped by a concurrent batch since: computed again, alone
        return _scores([text], names, k)[0]
    return row


def _top_mean(sims: np.ndarray, k: int) -> np.ndarray:
    """Mean of each row's top-k similarities (as `_near`, on similarities already made)."""
    k = min(k, sims.shape[1])
    top = np.partition(sims, sims.shape[1] - k, axis=1)[:, -k:]
    return np.sort(top, axis=1).mean(axis=1)


def margins(words: list[str], clauses: list[str]) -> tuple[list[float], list[dict[str, float]]]:
    """Word negativity (framed words vs plain ones) and clause margins per category vs neutral.

    Clauses come in their plain form (``plain_form``).
    """
    framed = [WORD_FRAME.format(w) for w in words]
    if not framed and not clauses:
        return [], []
    embed(margin_texts(words, clauses))  # one batch for both kinds
    neg: list[float] = []
    if framed:
        near = _scores(framed, _WORD_BANKS, TOP_K)
        neg = [float(x) for x in near[:, 0] - near[:, 1]]
    if not clauses:
        return neg, []
    near = _scores(clauses, _CLAUSE_BANKS, CLAUSE_K)
    per = near[:, : len(CATEGORIES)] - near[:, [_CLAUSE_BANKS.index("neutral")]]
    return neg, [dict(zip(CATEGORIES, map(float, row), strict=True)) for row in per]


def praise_margins(clauses: list[str]) -> list[float]:
    """How much nearer sincere praise each plain clause is than any verdict but irony."""
    if not clauses:
        return []
    near = _scores(clauses, _CLAUSE_BANKS, CLAUSE_K)
    rivals = [i for i, c in enumerate(_CLAUSE_BANKS) if c not in ("sarcasm", "praise")]
    nearest = near[:, rivals].max(axis=1)
    return [float(x) for x in near[:, _CLAUSE_BANKS.index("praise")] - nearest]


@lru_cache(maxsize=1)
def _impacts() -> tuple[list[dict[str, Any]], list[np.ndarray]]:
    entries = list(_load("impacts.toml")["impact"])
    banks = _stored(
        "impacts",
        lambda: {
            str(i): embed([WORD_FRAME.format(w) for w in e["examples"]])
            for i, e in enumerate(entries)
        },
    )
    return entries, [banks[str(i)] for i in range(len(entries))]


@lru_cache(maxsize=1)
def _acts() -> tuple[list[dict[str, Any]], list[np.ndarray]]:
    entries = [e for e in _load("impacts.toml")["impact"] if e.get("acts")]
    banks = _stored(
        "acts", lambda: {str(i): embed(_plain_examples(e["acts"])) for i, e in enumerate(entries)}
    )
    return entries, [banks[str(i)] for i in range(len(entries))]


def impact_of_act(behaviour: str) -> str:
    """The first-person impact a plainly said behaviour has by meaning, or "" if none is near."""
    entries, banks = _acts()
    vector = embed(_plain_examples([behaviour]))  # weighed on how, not on what ("it")
    scores = [float(_near(bank, vector, 1)[0]) for bank in banks]
    if max(scores) < _load("impacts.toml")["acts"]["floor"]:
        return ""  # "You sent it on Monday": no effect follows from the act alone
    return str(entries[int(np.argmax(scores))]["alone"])


def impact_for(judged: str, topic: str) -> str:
    """The first-person impact nearest in meaning to the judged words, naming the topic if any."""
    entries, banks = _impacts()
    vector = embed([WORD_FRAME.format(judged)])
    scores = [float(_near(bank, vector)[0]) for bank in banks]
    unsure = _load("impacts.toml")["unsure"]
    # "a bit selfish" once came out as "the mistakes made it harder ...": nearest is not near.
    # A whole clause scores lower on every entry than a word does: only a phrase is ever unsure.
    near = max(scores) >= unsure["floor"] or len(judged.split()) > unsure["words"]
    entry = entries[int(np.argmax(scores))] if near else unsure
    return entry["with"].format(topic=topic) if topic else str(entry["alone"])
