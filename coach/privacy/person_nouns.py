"""Nouns that only ever name a person, from WordNet's noun.person file, shipped as a word list."""

from __future__ import annotations

import argparse
from functools import lru_cache
from pathlib import Path

LIST = Path(__file__).resolve().parent / "data" / "person_nouns.txt"
# Debian's wordnet-base (WordNet 3.0); the list is built from it once and shipped, so nothing
# is installed or read from it at run time.
WORDNET = Path("/usr/share/wordnet")
# The lexicographer file of nouns denoting people (WordNet's lexnames: 18 noun.person).
_PERSON_FILE = "18"
_NOTICE = """\
# Single-word nouns every one of whose WordNet senses is in noun.person ("bursar", "surveyor",
# "midwife"): a word with a sense that is a thing ("guide", "host", "chair") is left out.
# Built by `python -m coach.privacy.person_nouns` from WordNet 3.0 (Debian wordnet-base).
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS
# FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
# DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER
# RIGHTS. The name of Princeton University or Princeton may not be used in advertising or
# publicity pertaining to distribution of the software and/or database. Title to copyright
# in this software, database and any associated documentation shall at all times remain with
# Princeton University. Permission to use, copy, modify and distribute this database for any
# purpose and without fee or royalty is granted under the WordNet 3.0 license.
"""


def build(wordnet: Path = WORDNET) -> list[str]:
    """Return the sorted single-word lemmas whose every noun sense denotes a person."""
    lexfile: dict[str, str] = {}
    for line in (wordnet / "data.noun").read_text(encoding="latin-1").splitlines():
        if not line.startswith(" "):
            offset, filenum = line.split(" ", 2)[:2]
            lexfile[offset] = filenum
    words = []
    for line in (wordnet / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, senses = fields[0], fields[-int(fields[2]) :]
        if lemma.replace("-", "").isalpha() and all(lexfile[s] == _PERSON_FILE for s in senses):
            words.append(lemma)
    return sorted(words)


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """The shipped list, lower case."""
    lines = LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


def main() -> None:
    """Write the list from a local WordNet."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wordnet", type=Path, default=WORDNET)
    words = build(parser.parse_args().wordnet)
    LIST.write_text(_NOTICE + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} nouns -> {LIST}")


if __name__ == "__main__":
    main()
