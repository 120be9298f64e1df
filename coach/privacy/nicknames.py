"""Everyday forms of a given name, from the `nicknames` package's hand-curated table."""

from __future__ import annotations

from functools import lru_cache

# Names that are also ordinary English words: matching them in lower case would flag "will"
# or "bill" in every sentence, so these forms only match when written as a name. A word list,
# not a nickname table: it says which roster tokens are words, nothing about who they are.
COMMON_WORD_NAMES: frozenset[str] = frozenset(
    {
        "will", "bill", "rob", "pat", "sue", "dick", "mark", "grace", "hope", "faith",
        "joy", "june", "may", "april", "rose", "dean", "frank", "don", "ray", "jack",
        "mike", "nick", "rich", "chuck", "dot", "drew", "nat", "mel", "ted", "al", "ed",
        "jo", "mo", "hal", "len", "art", "gene", "sandy", "penny", "ruby", "ivy", "dawn",
        "robin", "summer", "hunter", "chase", "max", "sky", "gail", "kat", "bob", "tina",
        "amber", "iris", "lily", "holly", "jean", "carol", "bell", "kit", "hob", "lib",
        "dob", "kay", "sunny", "rusty", "buck", "cliff", "earl", "grant", "miles", "lane",
    }
)  # fmt: skip


# Short forms the `nicknames` table (a US genealogy list) does not have, though users in UK and
# Irish workplaces meet them daily; checked against the package before adding each one. Forms
# that are also words or acronyms in program talk ("gen" as in Gen Z, "imo") are left out.
EXTRA_NICKNAMES: dict[str, frozenset[str]] = {
    "desmond": frozenset({"des", "dez"}),
    "rosalind": frozenset({"roz", "ros", "rosie"}),
    "rosamund": frozenset({"roz", "ros", "rosie"}),
    "bernadette": frozenset({"bernie", "detta"}),
    "alexandra": frozenset({"lexi", "lexie"}),
    "benjamin": frozenset({"benji"}),
    "siobhan": frozenset({"shiv"}),
    "rupert": frozenset({"rupe"}),
    "genevieve": frozenset({"genna", "viv"}),
    "fergus": frozenset({"fergie", "gus"}),
    "imogen": frozenset({"immy"}),
    "jemima": frozenset({"jem", "mima"}),
    "gideon": frozenset({"gid"}),
    "cressida": frozenset({"cress"}),
    "caroline": frozenset({"caz"}),
    "sharon": frozenset({"shaz"}),
    "barry": frozenset({"baz"}),
    "darren": frozenset({"daz"}),
    "gary": frozenset({"gaz"}),
    "nigel": frozenset({"nige"}),
    "tobias": frozenset({"tobi"}),
}
# The same table read from the short form: "Roz" is Rosalind or Rosamund.
_EXTRA_FORMAL: dict[str, frozenset[str]] = {
    nick: frozenset(f for f, nicks in EXTRA_NICKNAMES.items() if nick in nicks)
    for nick in {n for nicks in EXTRA_NICKNAMES.values() for n in nicks}
}


@lru_cache(maxsize=1)
def _namer() -> object:
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=512)
def variants(name: str) -> frozenset[str]:
    """Return the lower-case nicknames and formal forms of one given name, itself included."""
    namer = _namer()
    key = name.lower()
    nick = set(namer.nicknames_of(key))  # type: ignore[attr-defined]
    # One hop up (Kate -> Katherine) and the nicknames of nicknames (Katy -> Katie); the
    # second hop wanders (Will -> Bill -> Robert), so it keeps only forms that sound alike.
    formal = set(namer.canonicals_of(key))  # type: ignore[attr-defined]
    second = {n for x in nick for n in namer.nicknames_of(x)}  # type: ignore[attr-defined]
    second = {n for n in second if n[:1] == key[:1]}
    extra = EXTRA_NICKNAMES.get(key, frozenset()) | _EXTRA_FORMAL.get(key, frozenset())
    return frozenset({key} | nick | formal | second | extra)
