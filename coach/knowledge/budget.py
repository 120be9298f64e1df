"""Token counts and fitting passages into a prompt's token budget.

Counts use the bundled MiniLM WordPiece tokenizer (tiktoken's encodings would have to be
downloaded). On English prose it gives within about 10% of GPT tokenizers' counts, which is
what a budget needs; it is not the billing count of any provider.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from coach.knowledge.models import Passage
from coach.text import split_sentences

# Below this many tokens a passage says too little to cite; drop the lowest-ranked instead.
MIN_PASSAGE_TOKENS = 48
# The markup of the <passage id="" kind="" title="" heading=""> wrapper around each text; its
# values are counted per passage (an id path alone can cost 15 tokens).
WRAPPER_TOKENS = 23


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from tokenizers import Tokenizer

    from coach.knowledge.embeddings import local_model_dir

    tokenizer = Tokenizer.from_file(str(local_model_dir("all-MiniLM-L6-v2") / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


# Passages come from a fixed knowledge base, so the same texts are counted request after
# request; cached, a fit costs microseconds instead of a dozen tokenizer calls.
@lru_cache(maxsize=8192)
def count_tokens(text: str) -> int:
    """Tokens in a text (MiniLM WordPiece, without the [CLS]/[SEP] markers)."""
    return len(_tokenizer().encode(text, add_special_tokens=False).ids)


def count_lines(text: str) -> int:
    """Tokens in a text, counted line by line so that the lines it shares with others are cached.

    The same count as ``count_tokens(text)``: the tokenizer normalizes character by character
    and splits at whitespace before WordPiece sees a word, so no token spans a line break. A
    prompt is mostly fixed template lines around a few lines of its own request.
    """
    return sum(count_tokens(line) for line in text.split("\n"))


@lru_cache(maxsize=4096)
def trim(text: str, budget: int) -> str:
    """The leading whole sentences of a text that fit in budget tokens (at least one)."""
    if count_tokens(text) <= budget:
        return text
    end = 0
    for sentence in split_sentences(text):
        if end and count_tokens(text[: sentence.end]) > budget:
            break
        end = sentence.end
    return text[:end]


def wrapper_tokens(passage: Passage) -> int:
    """Tokens of the wrapper a prompt puts around a passage: markup plus its attribute values."""
    return WRAPPER_TOKENS + count_tokens(
        " ".join((passage.id, passage.kind, passage.title, passage.heading))
    )


def _shares(costs: list[int], budget: int) -> list[int]:
    """Water-filling: short passages keep their length, the long ones split what is left."""
    shares = [0] * len(costs)
    left, open_ = budget, sorted(range(len(costs)), key=lambda i: costs[i])
    while open_:
        fair = left // len(open_)
        if costs[open_[0]] > fair:
            for i in open_:
                shares[i] = fair
            break
        i = open_.pop(0)
        shares[i] = costs[i]
        left -= costs[i]
    return shares


def fit(passages: list[Passage], budget: int) -> list[Passage]:
    """Passages in their given (priority) order, trimmed and if need be cut to fit the budget."""
    costs = [count_tokens(p.text) for p in passages]
    wrappers = [wrapper_tokens(p) for p in passages]
    shares: list[int] = []
    while costs:
        shares = _shares(costs, budget - sum(wrappers[: len(costs)]))
        cut_too_far = any(
            s < min(c, MIN_PASSAGE_TOKENS) for s, c in zip(shares, costs, strict=True)
        )
        if not cut_too_far or len(costs) == 1:
            break
        costs.pop()  # the lowest-ranked passage goes before every passage is cut to nothing
    return [
        p if cost <= share else p.model_copy(update={"text": trim(p.text, share)})
        for p, cost, share in zip(passages, costs, shares, strict=False)
    ]
