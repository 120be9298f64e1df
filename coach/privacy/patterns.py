"""Regexes for identifiers, shared by the anonymizer's recognizers and the leak check."""

from __future__ import annotations

import re

EMAIL = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"

# Several shapes on purpose: Presidio's phone recognizer validates numbers, and fictional or
# mistyped ones (555-...) are still someone's identifier as far as a reader is concerned.
PHONE = (
    r"(?<![\w+])(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{1,4}\)[\s.\-]?|\d{2,5}[\s.\-]?)"
    r"\d{3,4}[\s.\-]?\d{3,4}(?:\s*(?:x|ext\.?)\s*\d{1,5})?(?!\w)"
)

HANDLE = r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?"

_TLDS = "com|org|net|io|co|dev|ai|app|me|info|biz|edu|gov|uk|de|fr|nl|eu|ly|gg|tv|us|ca"
URL = (
    r"(?:https?://|www\.)[^\s<>\"'“”]*[^\s<>\"'“”.,;:!?)\]]"
    rf"|(?<![\w@.\-])(?:[A-Za-z0-9\-]+\.)+(?:{_TLDS})\b(?:/[^\s<>\"'“”]*[^\s<>\"'“”.,;:!?)\]])?"
)

# A leading article or possessive is part of the title: "our CFO" must become "a senior
# leader", not "our a senior leader".
_LEAD = r"(?:(?:our|the|their|my|his|her|your|its|a|an|new|former|acting|interim)\s+){0,2}"
_AREA = r"(?:the\s+)?[A-Za-z&]+(?:\s+(?:and|&)\s+[A-Za-z]+)?"
_TITLES = (
    r"C(?:EO|FO|OO|TO|IO|MO|HRO|ISO|PO|RO|DO|SO|CO|DAO)s?",
    rf"(?:[SEA]V|E)?VP(?:\s+of\s+{_AREA}|,?\s+(?-i:[A-Z])[A-Za-z&]+)?",
    rf"(?:senior\s+|executive\s+)?vice[\s\-]+president(?:\s+of\s+{_AREA})?",
    r"chief\s+(?:[A-Za-z&]+\s+){1,3}officer",
    rf"(?:global\s+|regional\s+|group\s+)?head\s+of\s+{_AREA}",
    rf"(?:senior\s+|executive\s+|managing\s+)?director\s+of\s+{_AREA}",
    r"general\s+counsel",
    r"managing\s+(?:director|partner)",
    r"executive\s+director",
    r"(?:co-?)?founder",
    r"board\s+member",
    r"member\s+of\s+the\s+board",
    r"chair(?:man|woman|person)?\s+of\s+the\s+board",
    r"president",
)
TITLE = rf"\b{_LEAD}(?:{'|'.join(_TITLES)})\b"

# Four or more words between double quotes, on one line: shorter spans are usually labels.
_GAP = r"[^\S\n]"
QUOTE = (
    rf'"{_GAP}*[^"\s]+(?:{_GAP}+[^"\s]+){{3,}}{_GAP}*"'
    rf"|“{_GAP}*[^“”\s]+(?:{_GAP}+[^“”\s]+){{3,}}{_GAP}*”"
)

FLAGS = re.IGNORECASE
PATTERNS: dict[str, re.Pattern[str]] = {
    "email": re.compile(EMAIL, FLAGS),
    "phone": re.compile(PHONE, FLAGS),
    "handle": re.compile(HANDLE, FLAGS),
    "url": re.compile(URL, FLAGS),
    "title": re.compile(TITLE, FLAGS),
    "quote": re.compile(QUOTE, FLAGS),
}
