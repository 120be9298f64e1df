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

# A role tied to a team, site or place identifies its holder: "team lead for Payments",
# "the Leeds site manager", "manager of the payroll team".
_ROLE = (
    r"(?:manager|lead|leader|head|director|supervisor|coordinator|officer|controller"
    r"|administrator|partner|principal|chief|foreman|superintendent)s?"
)
_UNIT = r"(?:team|office|site|branch|department|dept|store|plant|depot|region|division|unit|desk)"
TEAM_TITLE = (
    rf"\b(?:(?:the|our|their|a)\s+)?(?:{_UNIT}\s+)?{_ROLE}\s+(?:of|for|at|in)\s+(?:the\s+)?"
    rf"(?:(?-i:[A-Z])[\w&]*|[a-z]+\s+{_UNIT})(?:\s+{_UNIT})?\b"
    rf"|\b(?:(?:the|our|their|a)\s+)?(?:(?-i:[A-Z])[\w&]+\s+|[a-z]+\s+{_UNIT}\s+)"
    rf"(?:{_UNIT}\s+)?{_ROLE}\b"
)

# Staff, badge and ticket numbers: a labelled number, or a letters-and-digits code.
EMPLOYEE_ID = (
    r"\b(?:emp(?:loyee)?|staff|personnel|payroll)[\s\-#:]*(?:id|no\.?|number|#)?[\s:#\-]*"
    r"[A-Z]{0,4}[\-]?\d{3,}\b"
)
BADGE = (
    r"\b(?:badge|pass|access\s+card|card)\s*(?:id|no\.?|number|#)?\s*[:#]?\s*"
    r"[A-Z0-9]{1,4}[\-\s]?\d{3,}\b"
)
# A label and its number share a line, and a number that runs on into "-12-05" is a date.
TICKET = (
    r"\b(?:ticket|case|incident|request|issue|ref(?:erence)?|order)[ \t]*(?:id|no\.?|number)?"
    r"[ \t]*[:#]?[ \t]*[A-Z]{0,5}[\-]?\d{3,}\b(?![-/.]\d)"
    r"|(?<![\w-])(?-i:[A-Z]{2,6})-?\d{3,}\b|(?<![\w&])#\d{3,}\b"
)

# UK, US (ZIP+4 or labelled), Canadian and Dutch postcodes.
POSTCODE = (
    r"\b(?-i:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b"
    r"|\b(?:[A-Z]{2}\s+)?\d{5}-\d{4}\b|\b(?:zip|post)\s*code\s*:?\s*\w[\w ]{2,8}\b"
    r"|\b(?-i:[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b|\b(?!(?:19|20)\d\d\b)\d{4}\s?(?-i:[A-Z]{2})\b"
)
_STREET = (
    r"(?:street|st|road|rd|avenue|ave|lane|ln|way|drive|dr|boulevard|blvd|close|court|ct"
    r"|place|pl|square|sq|terrace|crescent|gardens|row|parkway|straat|strasse|weg|laan|gracht)"
)
_STREET_CAP = (
    r"Street|St|Road|Rd|Avenue|Ave|Lane|Way|Drive|Boulevard|Close|Court|Place|Square"
    r"|Terrace|Crescent|Gardens|Row|Parkway"
)
ADDRESS = (
    rf"\b\d{{1,5}}[A-Za-z]?,?\s+(?:(?-i:[A-Z])[\w'’\-]+\s+){{1,3}}{_STREET}\b\.?"
    rf"|\b(?:(?-i:[A-Z])[\w'’\-]+\s+){{1,3}}(?-i:{_STREET_CAP})\b"
    rf"|\b(?-i:[A-Z])\w+(?:straat|strasse|weg|laan|gracht)\s+\d{{1,4}}\b"
)

# A number read out digit by digit: five or more digit words in a row ("oh seven seven double
# one", "four four seven two one"); prose never strings five digit words together.
_DIGIT_WORD = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|double|triple|\d)"
PHONE_WORDS = rf"\b{_DIGIT_WORD}(?:[\s,.\-]+{_DIGIT_WORD}){{4,}}\b"
# An internal extension on its own ("extension 4412", "ext. 4412", "x4412"), in digits or words.
EXTENSION = (
    rf"\b(?:extension|ext\.?)\s*(?:no\.?|number|#)?\s*[:#]?\s*(?:\d{{2,6}}\b|{_DIGIT_WORD}"
    rf"(?:[\s,\-]+{_DIGIT_WORD}){{1,}}\b)|(?<![\w-])x\d{{3,6}}\b"
)
# A bare number of five or more digits is an account, badge, staff or phone number; amounts
# carry a currency sign, a unit or thousands separators, and dates their hyphens.
LONG_NUMBER = r"(?<![\w£$€¥.,/-])\d{5,}(?![\w%.,/-]|\.\d)"

# A handle written without its @: CamelCase of three humps or more ("BobMillerCFO"), or a
# word glued with underscores or trailing digits ("bob_miller", "priya99").
CAMEL_HANDLE = (
    r"(?<![\w@])(?-i:[A-Z][a-z]+(?:[A-Z][a-z]+|[A-Z]{2,}|\d+){2,})(?!\w)"
    r"|(?<![\w@.])[A-Za-z]+_[A-Za-z0-9_]+(?!\w)|(?<![\w@.])(?-i:[A-Za-z]{3,}\d{2,})(?!\w)"
)

# Letters of a script other than Latin: coordinator text is English, so these are names,
# places or quotes ("李明", "Дима").
NON_LATIN = r"[^\W\d_A-Za-z\u00C0-\u024F]+(?:\s+[^\W\d_A-Za-z\u00C0-\u024F]+)*"

FLAGS = re.IGNORECASE
# Kind -> regex; the kind is all a refusal ever says about what it found.
PATTERNS: dict[str, re.Pattern[str]] = {
    "email": re.compile(EMAIL, FLAGS),
    "phone": re.compile(PHONE, FLAGS),
    "phone in words": re.compile(PHONE_WORDS, FLAGS),
    "phone extension": re.compile(EXTENSION, FLAGS),
    "long number": re.compile(LONG_NUMBER, FLAGS),
    "handle": re.compile(f"{HANDLE}|{CAMEL_HANDLE}", FLAGS),
    "url": re.compile(URL, FLAGS),
    "title": re.compile(TITLE, FLAGS),
    "title tied to a team or place": re.compile(TEAM_TITLE, FLAGS),
    "employee id": re.compile(EMPLOYEE_ID, FLAGS),
    "badge number": re.compile(BADGE, FLAGS),
    "ticket id": re.compile(TICKET, FLAGS),
    "postcode": re.compile(POSTCODE, FLAGS),
    "street address": re.compile(ADDRESS, FLAGS),
    "name in another script": re.compile(NON_LATIN, FLAGS),
    "quote": re.compile(QUOTE, FLAGS),
}
# The Presidio entity each kind is reported as when the anonymizer replaces it.
ENTITY_OF_KIND: dict[str, str] = {
    "email": "EMAIL_ADDRESS",
    "phone": "PHONE_NUMBER",
    "phone in words": "PHONE_NUMBER",
    "phone extension": "PHONE_NUMBER",
    "long number": "ID_NUMBER",
    "handle": "SOCIAL_HANDLE",
    "url": "URL",
    "title": "IDENTIFYING_TITLE",
    "title tied to a team or place": "TEAM_TITLE",
    "employee id": "ID_NUMBER",
    "badge number": "ID_NUMBER",
    "ticket id": "ID_NUMBER",
    "postcode": "POSTCODE",
    "street address": "STREET_ADDRESS",
    "name in another script": "OTHER_SCRIPT",
    "quote": "VERBATIM_QUOTE",
}
