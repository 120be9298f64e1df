"""Hand-written cue lexicons for tone, condescension, injected instructions and stopwords."""

from __future__ import annotations

import re

from coach.language.words import rx

# Longer phrases come first: Python alternation is leftmost-first, not longest.
PRAISE = rx(
    r"\b(?:never (?:fails? to|miss(?:es|ed)?|lets? (?:me|us) down|disappoints?)"
    r"|can(?:'t|not) thank you enough|don't change a thing|keep (?:it up|up the good work"
    r"|doing (?:this|that|it))"
    r"|made a (?:real |big |huge )?difference|learn(?:ed|t) a lot|taught me"
    r"|well[- ](?:done|prepared|structured|organi[sz]ed|written|thought[- ]out|run|explained)"
    r"|(?:prepared?|explain(?:s|ed)?|handled?|organi[sz]ed?|ran|run|did|present(?:s|ed)?"
    r"|facilitat(?:e|ed|es)|listen(?:s|ed)?|communicat(?:e|ed|es))"
    r"\s+(?:\w+\s+){0,3}?(?:really |very |so |extremely )?well"
    r"|thank(?:s|ful| you)?|grateful|appreciat\w*|impress\w*|inspir\w*|encourag\w*"
    r"|great|excellent|fantastic|amazing|brilliant|awesome|solid|outstanding|terrific|superb"
    r"|wonderful|stellar|love[ds]?|loving|enjoy(?:ed|s)?|helpful|useful|valuable|insightful"
    r"|thoughtful|clear(?:er)?|patient|generous|kind(?! of)|supportive|creative|effective"
    r"|proud|glad|happy|pleased|on time|reliable|responsive|engaging|perfect|nice|good|best)\b"
)
CRITICAL = rx(
    r"\b(?:late(?:ness)?|delay\w*|miss(?:ed|es|ing)?|interrupt\w*|talk(?:s|ed|ing)? over"
    r"|cut(?:s|ting)? (?:me|us|people|others|them) off|ignor\w*|dismiss\w*|forg[oe]t\w*"
    r"|rude\w*|confus\w*|unclear|hard to (?:follow|understand|read|reach)"
    r"|too (?:long|short|slow|fast|much|many|late|vague|detailed|harsh|loud|quiet)|slow(?:ly)?"
    r"|mess\w*|mistake\w*|errors?|wrong|problem\w*|issues?|concern\w*|frustrat\w*|annoy\w*"
    r"|upset\w*|disappoint\w*|worr\w*|uncomfortable|hurt\w*|bad(?:ly)?|poor(?:ly)?|terrible"
    r"|awful|horrible|sloppy|careless|unprepared|off[- ]topic|rambl\w*|complain\w*|blam\w*"
    r"|critici[sz]\w*|overlook\w*|skip\w*|cancel\w*|postpon\w*|reschedul\w*|rush\w*"
    r"|dominat\w*|takes? over|took over|lectur\w*|micromanag\w*|condescend\w*|patroni[sz]\w*"
    r"|phones?|no[- ]show|stop|quit|needs? to|ha(?:ve|s) to|should(?:n't)?|must|fail\w*"
    r"|broken?|harsh|negative|disrespect\w*|unfair|wast\w*|lost|los(?:e|ing)|struggl\w*"
    r"|off-putting|abrasive|curt|brusque|lack(?:s|ed|ing)?"
    r"|overdue|behind schedule|unanswered|ghost\w*|without (?:asking|telling|checking|warning)"
    r"|don't|doesn't|didn't|won't|can't|couldn't|wouldn't|isn't|wasn't|aren't|weren't"
    r"|haven't|hasn't|not|never|nobody|no one|nothing|constantly)\b"
)
NEGATION_BEFORE = rx(r"\b(?:not|never|no|hardly|barely|\w+n't)\s+(?:\w+\s+){0,2}$")

# Phrases that talk down to someone; never acceptable from the senior partner.
CONDESCENSION = rx(
    r"\b(?:good try|nice try|you(?:'ll| will) learn|kiddo|at your age|young (?:lady|man)|sweetie"
    r"|when you(?:'re| are) older|when you grow up|someday you(?:'ll| will) understand"
    r"|bless your heart|not bad for (?:a|an|someone)|for someone your age|you wouldn't understand"
    r"|let me explain (?:it|this) (?:simply|slowly)|you(?:'re| are) (?:still )?(?:so |too )?young"
    r"|back in my day|sonny)\b|(?:,\s*|\blisten,?\s+)kid\b(?=\s*[,.!?]|\s*$)"
)

# Instructions aimed at a model rather than feedback for a colleague. Most alternatives are
# anchored to the start of a sentence, where an imperative sits, so "you ignore the rules" is
# still feedback.
INJECTION = rx(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:(?:the|your|my|these"
    r"|those)\s+)?"
    r"(?:previous|prior|above|earlier|preceding|original|system)\s+"
    r"(?:instructions?|prompts?|rules|directions|messages?|context)\b"
    # Imperatives at the start of a sentence that address the tool's own rules or format;
    # anchored, so "you ignore the team's rules" (real feedback) is not taken for one.
    r"|^\W*(?:please\s+)?(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+)?"
    r"(?:(?:the|your|my|these|those)\s+)?(?:\w+\s+)?(?:instructions?|prompts?|rules|format"
    r"|formatting|guidelines|constraints|policy|policies)\b"
    r"|\b(?:include|insert|add|put|append)\b.{0,80}\bin (?:the|your) (?:rewrite|output"
    r"|rewording)\b"
    r"|^\W*new (?:task|instructions?)\s*:"
    r"|\b(?:ignore|disregard|forget)\s+(?:all|everything)\s+(?:(?:you|I)\s+)?"
    r"(?:were told|said|above|before|previously)\b"
    r"|^\W*(?:please\s+)?(?:now\s+)?(?:act as|pretend (?:to be|you are)|role-?play as)\b"
    r"|\byou are now (?:an? )?(?:AI|assistant|chatbot|DAN|unrestricted|unfiltered"
    r"|in developer mode)\b"
    r"|\b(?:system prompt|developer mode|jailbreak|DAN mode)\b"
    r"|^\W*(?:(?:and|also|then|now|instead|please),?\s+)*(?:write|compose|generate|give me|tell me"
    r"|output|print|reveal|show me|sing)\b.{0,30}\b(?:poem|haiku|song|story|joke|limerick|essay"
    r"|recipe|system prompt|instructions|your prompt)\b"
    r"|\b(?:write|compose)\s+(?:me\s+)?an?\s+(?:poem|haiku|song|limerick|sonnet|rap)\b"
    r"|\bas an? (?:AI|language model|assistant|chatbot)\b"
    r"|\b(?:AI|assistant|chat ?gpt|LLM|chatbot)\b,?\s+(?:please\s+)?(?:ignore|write|respond|answer"
    r"|say|output|stop|do not|don't)\b"
    r"|^\W*respond (?:only )?(?:with|in)\b|\b(?:do not|don't) (?:rewrite|rephrase) (?:this|my"
    r"|the|anything)\b"
    r"|^\W*(?:output|print|repeat after me|respond with|reply with|return only)\b"
)

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each few for from further had hadn't has hasn't have haven't
    having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll
    i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor
    not of off on once only or other ought our ours ourselves out over own same shan't she she'd
    she'll she's should shouldn't so some such than that that's the their theirs them themselves
    then there there's these they they'd they'll they're they've this those through to too under
    until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where
    where's which while who who's whom why why's with won't would wouldn't you you'd you'll
    you're you've your yours yourself yourselves just really actually honestly basically
    literally seriously totally completely absolutely quite rather pretty even still already
    ever always never constantly every everyone everybody nobody nothing everything anything
    something someone anyone thing things stuff lot lots bit kind sort way much many maybe
    perhaps possibly probably think thought feel felt know knew get got getting make made
    want wanted like also well okay ok yes yeah hey hi dear sorry please thanks thank one two
    need needs needed seem seems seemed look looks looked going go goes went come came say said
    tell told let lets time times again now today yesterday recently several last next could
    would might must shall will can may hope guess wonder wondering sure mind us etc
    thinks says knows feels seems wants needs gets makes keep keeps kept keeping""".split()
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def content_words(text: str) -> list[str]:
    """Lower-cased words that carry meaning: no stopwords, nothing shorter than three letters."""
    words = (w.lower().replace("’", "'") for w in _WORD.findall(text))
    words = (w[:-2] if w.endswith("'s") else w for w in words)
    return [w for w in words if len(w) >= 3 and w not in STOPWORDS]
