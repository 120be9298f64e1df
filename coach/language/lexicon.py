"""The rules for feedback that lands badly: pattern, category, fix and when each counts."""

# Hand-written on purpose: no PyPI library analyses feedback tone offline (sentiment models
# score polarity, not labels, absolutes or assumed intent), so the lexicons live here.

from __future__ import annotations

from coach.language import fixes
from coach.language.context_rules import CONTEXT_RULES
from coach.language.rule import Rule
from coach.language.words import (
    AGE_PHRASES,
    CHAIN,
    GROUP,
    INSULT,
    INTENS,
    INTENT_VERBS,
    LABEL_ADJ,
    LABEL_NOUN,
    LABEL_NOUN_AFTER_BE,
    SUBJECT_BE,
    SUBJECT_TRYING,
    TAIL,
    rx,
)

_STRONG_HEDGE = rx(
    r"\b(?:sorry (?:to (?:bother|trouble|bug|pester)(?: you)?|if this (?:is|sounds) \w+)"
    r"|just a (?:tiny|small|little|quick|minor|teeny) (?:thing|point|note|comment|suggestion)"
    r"|(?:it's|this is|it is) (?:probably|likely|most likely) (?:nothing|silly|stupid|dumb"
    r"|a non-issue)|feel free to ignore(?: this| me)?|ignore me if \w+ \w+|no big deal"
    r"|not a big deal|I (?:might|may|could) (?:be|well be) wrong(?:,? (?:but|though))?"
    r"|I(?:'m| am) (?:probably )?(?:overthinking|overreacting)(?: this)?"
    r"|if it's not too much (?:trouble|to ask))\b"
)
_WEAK_HEDGE = rx(
    r"\b(?:maybe|perhaps|possibly|kind of|sort of|somewhat|a (?:little|tiny) bit"
    r"|if you don't mind|if possible|if that's (?:ok|okay|alright)"
    r"|I was (?:just )?wondering(?: if)?|I (?:just )?wonder(?:ed)? if"
    r"|I'm not sure (?:but|if)|not sure if|I guess)\b"
)


# Order does not matter: overlapping matches resolve to the longest, then the earliest.
_CORE: tuple[Rule, ...] = (
    # personal labels and character judgements
    Rule(
        "personal_label",
        rx(
            rf"\b{SUBJECT_BE}\s+{INTENS}{CHAIN}(?:{LABEL_ADJ}"
            rf"|{LABEL_NOUN_AFTER_BE})\b(?!\s+to\b){TAIL}"
        ),
    ),
    Rule(
        "personal_label",
        rx(rf"\b(?:such|what|a total|a complete|a real)\s+(?:an?\s+)?{LABEL_NOUN}\b"),
    ),
    Rule(
        "personal_label",
        rx(
            r"\b(?:control freak|know[- ]it[- ]alls?|micro-?managers?|slackers?|drama queen"
            r"|hothead|clueless|kiddo|sweetie|young lady|young man|sonny)\b"
        ),
    ),
    Rule("personal_label", rx(r"(?:,\s*|\blisten,?\s+)kid\b(?=\s*[,.!?]|\s*$)")),
    # absolutes: only in critical clauses, praise may say "always"
    Rule(
        "absolute",
        rx(r"\b(?:always|constantly|continually|continuously|all the time|24/7)\b"),
        when="critical",
        frequency=True,
    ),
    Rule("absolute", rx(r"\bnever\b"), when="critical", replace=fixes.never, frequency=True),
    Rule("absolute", rx(r"\b(?:nobody|no one|no-one)\b"), when="critical", replace="not everyone"),
    Rule(
        "absolute",
        rx(r"(?<!\bnot )\b(?:everyone|everybody)\b"),
        when="critical",
        replace="more than one person",
    ),
    Rule(
        "absolute",
        rx(r"\bnot (?:even )?once\b"),
        when="critical",
        replace="not in several recent cases",
    ),
    Rule(
        "absolute",
        rx(r"\bnothing\b(?! (?:wrong|bad|to worry))"),
        when="critical",
        replace="not everything",
    ),
    Rule(
        "absolute",
        rx(
            r"\b(?:every|each) (?:single )?time\b(?=\s+(?:we|you|I|he|she|they|the|someone"
            r"|there)\b)"
        ),
        when="critical",
        replace="several times recently when",
    ),
    Rule(
        "absolute",
        rx(r"\b(?:every|each) (?:single )?time\b"),
        when="critical",
        replace="several times recently",
    ),
    Rule(
        "absolute",
        rx(
            r"\b(?:in |at |during |on |to |for |from )?every (?:single )?(?:meeting|session"
            r"|call|sync|stand-?up|review|demo)\b"
        ),
        when="critical",
        replace="in the last few meetings",
    ),
    Rule(
        "absolute",
        rx(r"\b(?:on )?every (?:single )?(?:day|morning|week)\b"),
        when="critical",
        replace="on several recent days",
    ),
    # vagueness
    Rule(
        "vague",
        rx(r"\b(?P<whose>your|his|her|their) (?:attitude|mindset|vibe|energy)(?: problem)?\b"),
        replace=fixes.attitude,
        keeps_clause=True,
    ),
    Rule(
        "vague",
        rx(r"\b(?:(?:you|he|she|they) (?:have|has|'ve got|got) )?(?:an? )?attitude problem\b"),
        replace=f"I have a concern about how you came across in {fixes.VAGUE_SITUATION}",
        keeps_clause=True,
    ),
    Rule(
        "vague",
        rx(
            r"\bbe (?:a (?:bit|little) )?more (?:professional|proactive|mature|responsible"
            r"|engaged|serious|respectful|positive|of a team player)\b"
        ),
        replace=f"do {fixes.VAGUE_CHANGE}",
        keeps_clause=True,
    ),
    Rule(
        "vague",
        rx(
            r"\b(?:step (?:it )?up|up your game|raise your game|pull your (?:own )?weight"
            r"|get (?:it|your act|yourself) together|shape up|do better|be better"
            r"|try harder|work harder)\b"
        ),
        replace=f"do {fixes.VAGUE_CHANGE}",
        keeps_clause=True,
    ),
    Rule(
        "vague",
        rx(
            r"\b(?:(?:you(?:'re| are)|he(?:'s| is)|she(?:'s| is))\s+)?not (?:a"
            r"|much of a) team player\b"
        ),
        replace=f"I'd like to talk about how we work together in {fixes.VAGUE_SITUATION}",
        keeps_clause=True,
    ),
    Rule(
        "vague",
        rx(r"\b(?:the way you are|who you are as a person)\b"),
        replace=f"how you came across in {fixes.VAGUE_SITUATION}",
        keeps_clause=True,
    ),
    Rule(
        "vague",
        rx(r"\b(?:some|certain) (?:issues|problems)\b"),
        replace="[the specific issue you have in mind]",
        keeps_clause=True,
    ),
    Rule(
        "vague",
        rx(r"\b(?:things|stuff)\b(?!\s+like\b)"),
        when="critical",
        replace=fixes.VAGUE_ITEMS,
        keeps_clause=True,
    ),
    # assumed intent
    Rule(
        "assumed_intent",
        rx(
            r"\b(?P<who>you|he|she|they) (?:(?:just |clearly |obviously |really )?(?:don't"
            r"|do not|doesn't|does not|didn't|did not)|couldn't) (?:even "
            r"|really )?care(?: less)?(?P<obj> (?:about|for))?\b"
        ),
        replace=fixes.care,
        keeps_clause=True,
        question=True,
    ),
    Rule(
        "assumed_intent",
        rx(
            r"\b(?:you|he|she|they) (?:just|only|simply|really|obviously|clearly) want(?:s"
            r"|ed)? to\b"
        ),
        replace="it came across to me as if the aim was to",
        keeps_clause=True,
        question=True,
    ),
    Rule(
        "assumed_intent",
        rx(rf"\b{SUBJECT_TRYING}\b"),
        replace="it came across to me as if the aim was to",
        keeps_clause=True,
        question=True,
    ),
    Rule(
        "assumed_intent",
        rx(r"\b(?:on purpose|deliberately|intentionally|purposely|purposefully)\b"),
        question=True,
    ),
    Rule(
        "assumed_intent",
        rx(
            rf"\b(?:(?:just|only|simply|purely) to|in order to|(?:did|does|do) (?:it|that"
            rf"|this) to) {INTENT_VERBS}\b"
        ),
        question=True,
    ),
    Rule(
        "assumed_intent",
        rx(r"\byou (?:don't|do not|didn't) (?:even )?(?:respect|value|appreciate)\b"),
        replace="I'm not sure how much you prioritize",
        keeps_clause=True,
        question=True,
    ),
    Rule(
        "assumed_intent",
        rx(r"\b(?:you|he|she|they) (?:only|just) cares? about\b"),
        replace="it seemed to me the focus was on",
        keeps_clause=True,
        question=True,
    ),
    Rule(
        "assumed_intent",
        rx(r"\byou think you(?:'re| are) (?:better|smarter|above)(?: than)?\b"),
        question=True,
    ),
    Rule(
        "assumed_intent",
        rx(
            r"\byou (?:like|love|enjoy) (?:to )?(?:hear(?:ing)? yourself(?: talk)?"
            r"|being in control|showing off)\b"
        ),
        question=True,
    ),
    Rule(
        "assumed_intent",
        rx(r"\b(?:you(?:'re| are) not even trying|you don't even try)\b"),
        replace="I haven't seen the progress I hoped for",
        keeps_clause=True,
        question=True,
    ),
    Rule("assumed_intent", rx(r"\byou want(?:ed)? (?:me|us|this) to fail\b"), question=True),
    # generational and group stereotypes
    Rule(
        "stereotype",
        rx(
            rf"\b{GROUP}(?:\s+like\s+(?:you|him|her|them))?(?:\s+(?:are"
            rf"|is)\s+(?:all\s+)?{INTENS}(?:{LABEL_ADJ}|{INSULT}))?\b"
        ),
    ),
    Rule("stereotype", rx(rf"\b{AGE_PHRASES}\b")),
    Rule(
        "stereotype",
        rx(
            r"\b(?:(?:you(?:'re| are)|he(?:'s| is)|she(?:'s| is))\s+(?:such\s+)?(?:an?\s+"
            r"|a bit of an?\s+|a real\s+)?)?(?:old[- ]school\s+)?dinosaurs?\b"
        ),
    ),
    # sarcasm and contempt
    Rule(
        "sarcasm",
        rx(
            r"\b(?:great|good|nice|brilliant|fantastic|wonderful|awesome|amazing"
            r"|super)\s+(?:job|work|one|going)\b(?P<obj>[^.!?]{0,80}?)\s*(?:\.{2,}|…"
            r"|,)\s*not\b[.!]*"
        ),
        replace=fixes.sarcastic_praise,
        keeps_clause=True,
    ),
    Rule(
        "sarcasm",
        rx(
            r"\boh,?\s+(?:great|wonderful|fantastic|brilliant|perfect|lovely|joy|sure|nice"
            r"|good|terrific|super|really|wow)\b"
        ),
    ),
    Rule("sarcasm", rx(r"\bobviously\b"), when="critical"),
    Rule("sarcasm", rx(r"\bas (?:usual|always)\b"), when="critical", frequency=True),
    Rule("sarcasm", rx(r"\bmust be nice(?: to)?\b"), replace=fixes.must_be_nice),
    Rule("sarcasm", rx(r"\bwhatever(?: you say)?(?=\s*(?:[.!?,…]|$))")),
    Rule(
        "sarcasm",
        rx(
            r"\*?\b(?:rolls? (?:my |his |her )?eyes|eye[- ]?roll(?:ing|s)?)\b\*?|🙄|\bsmh\b"
            r"|\bugh+\b|\*sigh\*|\byeah,? right\b|\b(?:big|what a) surprise\b|\bshocker\b"
            r"|\bthanks for nothing\b|\b(?:so |how )?nice of you to (?:finally )?(?:join"
            r"|show up|turn up)(?: us)?\b|\bslow clap\b|\b(?:lol|lmao|rofl|omg)\b"
            r"|\bwow,? just wow\b|\bbravo\b"
        ),
    ),
    Rule(
        "sarcasm",
        rx(
            r"\b(?:(?:clearly|obviously|of course),?\s+)?you know (?:best"
            r"|better than (?:everyone|all of us|us)|everything)\b"
        ),
    ),
    Rule(
        "sarcasm",
        rx(
            r"\b(?:good|nice) try\b|\bnot bad for (?:a|an|someone)\b[^.!?,]*"
            r"|\byou wouldn't understand\b|\blet me explain (?:it|this) (?:simply|slowly)\b"
            r"|,\s*genius\b"
        ),
    ),
    Rule(
        "sarcasm",
        rx(r"\bwhat (?:the (?:hell|heck|fuck) )?were you thinking\b"),
        replace="could you walk me through your thinking",
        keeps_clause=True,
    ),
    # insults and profanity
    Rule(
        "insult",
        rx(
            rf"\b{SUBJECT_BE}\s+{INTENS}{CHAIN}{INSULT}(?:\s+(?:person|manager|mentor"
            rf"|colleague|boss|leader|developer|engineer|human being|teammate"
            rf"|people))?\b{TAIL}"
        ),
    ),
    Rule(
        "insult",
        rx(
            rf"\b(?:that|this|it|what)(?:'s| is"
            rf"| was)?\s+{INTENS}{INSULT}\b(?=\s*(?:[.!?,;:…]|$|\b(?:and|but|or)\b))"
        ),
    ),
    Rule("insult", rx(rf"\byou\s+(?:{INSULT}(?:,|\s+and)?\s+)*{INSULT}\b")),
    Rule(
        "insult",
        rx(
            rf"(?:\b(?P<be>is|are|was|were)|'(?P<short>s|re))\s+{INTENS}(?:{INSULT}(?:,"
            rf"|\s+and)?\s+)*{INSULT}\b(?=\s*(?:[.!?,;:…]|$|\b(?:and|but|or)\b))"
        ),
        replace=fixes.did_not_work,
        keeps_clause=True,
    ),
    Rule("insult", rx(rf"\b{INSULT}\b")),
    Rule(
        "insult",
        rx(r"\b(?:fuck|f\*+k)(?P<inf>ed|s|ing)?[\s-]+up\b"),
        replace=fixes.fucked_up,
        keeps_clause=True,
    ),
    Rule("insult", rx(r"\bf(?:u|\*)ck-?ups?\b"), replace="mistake", keeps_clause=True),
    Rule("insult", rx(r"\bthe (?:hell|fuck|f\*+k)\b")),
    # over-hedging: strong hedges always count, weak ones only when stacked
    Rule("over_hedging", _STRONG_HEDGE, when="strong"),
    Rule("over_hedging", _WEAK_HEDGE, when="stacked"),
)
RULES: tuple[Rule, ...] = (*_CORE, *CONTEXT_RULES)
