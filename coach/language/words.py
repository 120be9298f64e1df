"""Vocabulary the rules are built from: labels, insults, groups and sentence frames."""

# Hand-written on purpose: no PyPI library analyses feedback tone offline (sentiment models
# score polarity, not labels, absolutes or assumed intent), so the lexicons live here.

from __future__ import annotations

import re


def rx(source: str) -> re.Pattern[str]:
    """Compile case-insensitively, accepting straight and curly apostrophes alike."""
    return re.compile(source.replace("'", "['’]"), re.IGNORECASE)


def words(*items: str) -> str:
    """Join alternatives into one non-capturing group."""
    return "(?:" + "|".join(items) + ")"


SUBJECT_BE = words(
    r"you(?:'re| are| were|'ve been| have been)",
    r"he(?:'s| is| was)",
    r"she(?:'s| is| was)",
    r"they(?:'re| are| were)",
)
INTENS = r"(?:(?:so|such|a|an|really|very|just|totally|completely|utterly|absolutely|being|"
INTENS += r"kind of|a bit|too|real|total|complete|proper|the most|incredibly|always|such a)\s+)*"
LABEL_ADJ = words(
    "lazy",
    "arrogant",
    "rude",
    "selfish",
    "careless",
    "sloppy",
    "disorgani[sz]ed",
    "unprofessional",
    "immature",
    "na[iï]ve",
    "clueless",
    "difficult",
    "bossy",
    "condescending",
    "patroni[sz]ing",
    "stubborn",
    "hopeless",
    "entitled",
    "disrespectful",
    "irresponsible",
    "unreliable",
    "toxic",
    "controlling",
    "passive[- ]aggressive",
    "aggressive",
    "narcissistic",
    "egotistical",
    "pushy",
    "defensive",
    "oblivious",
    "out of touch",
    "close[d]?[- ]minded",
    "rigid",
    "dismissive",
    "spineless",
    "annoying",
    "insensitive",
    "self[- ]cent(?:er|re)d",
    "full of (?:yourself|himself|herself|themselves)",
    "incapable",
    "negative",
    "dramatic",
)
LABEL_NOUN = words(
    "control freak",
    "know[- ]it[- ]all",
    "micro-?manager",
    "slacker",
    "drama queen",
    "diva",
    "snob",
    "bully",
    "hothead",
    "kiddo",
    "sweetie",
    "young lady",
    "young man",
    "sonny",
)
# Nouns that judge a person only after a copula ("you're a mess"), not after "what a".
LABEL_NOUN_AFTER_BE = words(LABEL_NOUN, "mess", "nightmare", "joke", "disaster")
INSULT = words(
    r"idiot(?:s|ic|ically)?",
    r"stupid(?:ity|ly|est)?",
    r"dumb(?:er|est|ass)?",
    r"moron(?:s|ic)?",
    r"useless(?:ly|ness)?",
    r"pathetic(?:ally)?",
    r"incompeten(?:t|ce|tly)",
    r"imbeciles?",
    r"losers?",
    r"clowns?",
    r"jerks?",
    r"fool(?:s|ish)?",
    r"garbage",
    r"trash(?:y)?",
    r"worthless",
    r"ridiculous(?:ly)?",
    r"brain-?dead",
    r"(?:dim|nit|half)wits?",
    r"dunce",
    r"crap(?:py|s)?",
    r"shit(?:s|ty|head|show)?",
    r"bullshit",
    r"damn(?:ed|it)?",
    r"goddamn(?:ed)?",
    r"f+u+c+k+\w*",
    r"f[*#@]+k\w*",
    r"wtf",
    r"stfu",
    r"ass(?:holes?|hats?)?",
    r"jackass",
    r"bitch(?:es|y|ing)?",
    r"bastards?",
    r"piss(?:ed|ing)?(?: off)?",
    r"suck(?:s|ed)?",
)
AGE_ROLE = words(
    r"managers?",
    r"bosses",
    r"leaders",
    r"execs",
    r"executives",
    r"colleagues",
    r"co-?workers",
    r"staff",
    r"employees",
    r"workers",
    r"folks",
    r"guys",
    r"ones",
    r"generations?",
    r"hires",
    r"directors",
    r"mentors",
    r"mentees",
    r"team members",
)
GROUP = words(
    r"(?:baby )?boomers?",
    r"millennials?",
    r"gen[- ]?z(?:ers?)?",
    r"zoomers?",
    r"gen[- ]?x(?:ers?)?",
    r"gen[- ]?y",
    r"generation [xyz]",
    r"the (?:younger|older) generation",
    r"(?:your|his|her|their) generation",
    r"kids (?:these days|today)",
    r"young people(?: these days| today)?",
    r"younger people",
    r"(?:older|old) (?:people|folks)",
    r"old[- ]timers?",
    r"youngsters",
    r"digital natives",
    r"snowflakes?",
    r"you people",
    r"(?:people|someone|somebody) (?:your|his|her|their|my) age",
    r"(?:an? )?typical (?:millennial|boomer|gen[- ]?z(?:er)?|young (?:person|people)|"
    r"old (?:person|people)|older (?:person|people|manager)|youngster|zoomer)s?",
    # An age word in front of a role turns one person into a generation.
    rf"(?:older|old|younger|young|elderly|ag(?:e)?ing) {AGE_ROLE}",
    r"you (?:young|younger|old|older) (?:people|folks|ones|lot|guys|things)",
    r"you (?:kids|youngsters|millennials|boomers|zoomers|gen[- ]?z(?:ers)?)",
    r"(?:people|someone|somebody|anyone|folks|managers|colleagues) (?:(?:at|of|in) )?"
    r"(?:your|his|her|their) (?:level|age|seniority|stage|generation)",
    r"(?:your|his|her|their) (?:age group|demographic)",
)
AGE_PHRASES = words(
    r"(?:at|for) (?:your|his|her|their) age",
    r"when I was your age",
    r"(?:back )?in my day",
    r"(?:you(?:'re| are)|he(?:'s| is)|she(?:'s| is)) (?:still )?(?:so |too )?young",
    r"(?:you(?:'re| are)|he(?:'s| is)|she(?:'s| is)) too old(?: for this| to \w+)?",
    r"set in (?:your|his|her|their) ways",
    r"ok(?:ay)? boomer",
    r"you(?:'ll| will) (?:learn|understand|get it)(?: (?:one day|someday|eventually))?",
    r"when you(?:'re| are) older",
    r"when you grow up",
    r"someday you(?:'ll| will) understand",
    r"for an? (?:young|old|older) (?:person|guy|woman|man|lady)",
    r"(?:given|considering|because of) (?:your|his|her|their) age",
    r"ok(?:ay)? (?:grandpa|grandma|gramps|zoomer|millennial)",
    r"(?:before|when) you were (?:born|in diapers|still in school)",
    r"old dogs?,? new tricks",
)

SUBJECT_TRYING = SUBJECT_BE + r" (?:just |only |obviously |clearly |deliberately )?trying to"
INTENT_VERBS = r"(?:annoy|irritate|provoke|upset|embarrass|undermine|humiliate|spite|show off|"
INTENT_VERBS += r"get back at|make (?:me|us|them|others) look (?:bad|stupid|foolish|small))"


JUDGED = words(INSULT, LABEL_ADJ)
# Several judgements in a row ("stupid and lazy") form one span, so none is left behind.
CHAIN = rf"(?:{JUDGED}(?:,|\s+and|\s+or)?\s+{INTENS})*"
TAIL = rf"(?:(?:,|\s+and|\s+or)\s+{INTENS}{JUDGED}\b)*"
