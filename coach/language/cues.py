"""The few closed word classes the parse, VADER and the embeddings cannot supply."""

from __future__ import annotations

import re


def rx(source: str) -> re.Pattern[str]:
    """Compile case-insensitively, accepting straight and curly apostrophes alike."""
    return re.compile(source.replace("'", "['’]"), re.IGNORECASE)


# Absolutes are a closed class of quantifiers; each maps to the frequency it should become.
# Longest first, so "every single time" wins over "every".
ABSOLUTES: dict[str, str] = {
    "every single time": "often when",
    "every time": "often when",
    "each time": "often when",
    "whenever": "often when",
    "all the time": "often",
    "as always": "",
    "as usual": "",
    "literally every": "most",
    # Every occasion named as where it happens ("in every meeting"); "every Monday" is a schedule.
    "in every": "in most",
    "at every": "at most",
    "during every": "during most",
    "every single": "most",
    "always": "often",
    "constantly": "often",
    "never": "rarely",
    "not once": "rarely",
    "nobody": "not everyone",
    "no one": "not everyone",
    "everyone": "some people",
    "everybody": "some people",
}
ABSOLUTE = rx(r"(?<!not )\b(?:" + "|".join(re.escape(k) for k in ABSOLUTES) + r")\b")

# Softeners; several in one sentence bury the request. Self-dismissals invite the listener to
# ignore the point, so one is enough. VADER scores neither, and they carry no topic to embed.
HEDGE = rx(
    r"\b(?:maybe|possibly|perhaps|kind of|sort of|a bit|a little|somewhat|slightly|just|like,"
    r"|I (?:don't|do not) know|I guess|I think|I feel like|might|probably|if that's ok(?:ay)?"
    r"|at some point|at all|quite|totally|sorry|I was wondering|wondering if|idk|kinda|sorta"
    r"|I suppose|I mean|hopefully|no pressure|no rush|if you (?:want|like|have time|get a chance)"
    r"|if possible|if you don't mind|not sure|I'm not sure|just wondering|could possibly"
    r"|a tiny bit|a little bit|ish|or something|I hate to ask|hope (?:that's|this is) ok(?:ay)?"
    r"|when(?:ever)? you (?:can|get a chance)|no worries)\b"
)
# The softeners a rewrite may simply drop; modal verbs ("might") stay for the grammar's sake.
HEDGE_DROP = rx(
    r"^(?:maybe|possibly|perhaps|kind of|sort of|a bit|a little|somewhat|slightly|just|like,?"
    r"|I (?:don't|do not) know|I guess|at all|quite|totally|if that's ok(?:ay)?|at some point"
    r"|sorry!?|idk|no pressure|no rush|kinda|sorta|I suppose|I mean|hopefully|just wondering"
    r"|a tiny bit|a little bit|no worries|if you have time|if you get a chance|or something)$"
)
SELF_DISMISSAL = rx(
    r"\b(?:(?:feel free to |you can (?:totally |just )?)(?:ignore|disregard) (?:me|this|it)"
    r"|ignore me(?: really| if [^,.!?]*)?|no worries if not|^\W*or not\W*$"
    r"|(?:totally |it's (?:totally )?)?fine if not"
    r"|or not\.? whatever you think|whatever you think|only (?:if|when) (?:it's )?convenient"
    r"|sorry to bother you(?: again)?|(?:this|it) is (?:really |probably )?(?:minor|nothing)"
    r"|not sure if it's my place(?: at all)?|I (?:might|could) be (?:totally |completely )?wrong"
    r"|I (?:don't|do not) want to make a (?:big )?(?:deal|fuss) (?:of|about) it"
    r"|(?:just a thought|probably just me(?: being [\w-]+)?|I'm probably overthinking(?: it)?)"
    r"|it's not a criticism(?:, honestly)?|if it's not too much trouble|this might be a silly "
    r"(?:thought|question|idea))"
)

# Contempt words: VADER rates "rude" and "idiotic" alike, but only the second is an insult.
INSULT = rx(
    r"\b(?:idiot\w*|stupid\w*|dumb|moron\w*|garbage|rubbish|trash|crap\w*|pathetic|muppet"
    r"|clown|loser|useless|incompetent|obnoxious|brain-?dead|clueless|shit\w*|f\w*cking"
    r"|blind|deaf|raised by wolves|dense|thick|fool(?:ish)?|imbecile|dimwit|halfwit|nitwit|numpty"
    r"|plonker|buffoon|airhead|dumbass|brainless|ignorant|disgrace|waste of space|hopeless"
    r"|(?:born|raised) in a barn|do you even (?:think|read|listen)|is your brain|a child could)\b"
    # Rhetorical questions that insult by implication: a closed set of frames.
    r"|\b(?:(?:do|did|can|could|were|are|have) (?:you|they|he|she) (?:even|actually) \w+"
    r"|(?:clearly|obviously) (?:you|he|she|they) (?:can't|cannot|have never|'ve never|never)"
    r"|how (?:hard|difficult) (?:is|was|can) it(?: really)? (?:be )?to|what(?:'s| is) wrong with "
    r"(?:you|him|her|them)|are you (?:serious|kidding|joking|for real)|who taught you"
    r"|(?:you|he|she|they) must (?:be|have been) (?:\w+ )?(?:blind|deaf|joking|mad|crazy|dreaming"
    r"|asleep|half asleep|high|drunk|kidding|living under a rock|new here|on another planet))\b"
)

# Slang verdicts that neither VADER's lexicon nor MiniLM (measured) rate as negative.
SLANG = rx(
    r"\b(?:mid|basic|naff|janky|an? (?:total |massive |big )?L|sus|meh|trash|mid af|cheugy"
    r"|dead|lame|whack|wack|ick|giving \w+|not it|cooked|flop|a flop|ratio)\b"
)

# Age and generation words are neutral to a sentiment lexicon; as a label they stereotype. An
# age put on people ("older folks", "a Gen Z intern", "someone your age", "too young to") is
# matched as a frame, not word by word, so the listed nouns are the people it lands on.
_PEOPLE = (
    r"(?:people|folks?|ones|'uns|guys|lot|crowd|staff|colleagues|managers|hires|interns?|kids?"
    r"|generation)"
)
STEREOTYPE = rx(
    r"\b(?:ok,? boomer|boomers?|millennials?|zoomers?|your generation|my generation|kids these "
    r"days|(?:you )?(?:young|younger|old|older|elderly) (?:\w+ )?" + _PEOPLE + r"|old (?:man|"
    r"woman|guy|timer|school)|grumpy old|digital natives?|dinosaurs?|snowflakes?|half my age"
    r"|too (?:old|young) (?:to|for)|your age|back in my day"
    r"|(?:typical|such a) gen ?[xyz]|an? gen ?[xyz] \w+"
    # The reader likened to the writer's elders ("sounded like something my dad would say").
    # The reader put in a group said to share a trait ("engineers like you are always ..."); a
    # thing likened to an act ("tools like you mentioned") is no group, so a trait verb follows.
    r"|(?:[a-z]+s|people|folk) like you(?= (?:are|always|never|all|just|tend|can't|don't|won't"
    r"|think|only|really|seem|get|hate|love)\b)"
    r"|like (?:something )?(?:my|your|a) (?:grand(?:ad|dad|pa|ma|mother|father)|dad|mum|mom"
    r"|father|mother|parents)"
    # People named by an age ("anyone over fifty"); no unit after it ("over thirty minutes").
    r"|(?:anyone|anybody|someone|people|those|everyone|folks) (?:under|over|above|below) (?:twenty"
    r"|thirty|forty|fifty|sixty|seventy|[2-7]0)(?!\s*(?:minutes?|hours?|days?|weeks?|percent|%)))\b"
)

# A word that is a verdict by itself, whatever the sentence around it.
VERDICT_WORD = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (INSULT, SLANG, STEREOTYPE)), re.IGNORECASE
)

# A generation by name: what a stereotype is about, neutral when it only names a panel.
GENERATION = rx(
    r"\b(?:gen(?:eration)? ?(?:[xyz]|alpha)(?:ers)?|generations?|zoomers?|boomers?|millennials?)\b"
)

# A person summed up as a type ("typical manager"): a label only when set off beside a clause.
TYPICAL = rx(r"\btypical\s+(?:[a-z-]+\s+)?[a-z-]+")

# Mind-reading: claims about motive the writer cannot observe.
INTENT = rx(
    r"\b(?:(?:clearly|obviously|just|simply)\s+(?:don't|do not|doesn't|didn't)\s+(?:care|respect"
    r"|want|listen|value)|(?:don't|do not) (?:care|respect)|on purpose|deliberately"
    r"|(?:trying|try|want|wanted) to make me look|showing off|could(?:n't| not) be bothered"
    r"|can't be bothered|(?:just|only) want(?:s|ed)? to (?:look|seem|show)|only reason you"
    r"|think (?:this|it|I|we) (?:is|am|are) beneath you|you (?:obviously|clearly) think"
    r"|(?:I )?(?:honestly )?don't think you care|going through the motions|checked out"
    r"|(?:that|it)(?:'s| is) (?:obvious|clear) (?:from|that|by)"
    r"|you (?:just |only |clearly |obviously )?(?:want|like|love|enjoy|need) to (?:look|feel|seem"
    r"|show|hear yourself|be seen|be the centre|be in control|control)"
    r"|you think you(?:'re| are) (?:better|smarter|above|too good|always right)"
    r"|you (?:don't|do not|never) (?:even )?(?:care|bother|try|take (?:me|this|it) seriously)"
    r"|(?:you're|you are) (?:just |clearly |obviously )?(?:trying|desperate) to"
    r"|purposely|intentionally|you enjoy (?:making|watching|seeing)"
    # "your agenda" alone is as often the session's agenda: only a hidden one is a motive.
    r"|your (?:real |hidden |true )?motives?|your (?:real|hidden|true|secret) agenda"
    # A purpose of appearances ("signed up to look good"): a motive no one can observe.
    r"|(?:just |only )?to (?:look|seem|appear) (?:good|busy|clever|smart|important|impressive)"
    r"|(?:clearly|obviously) only"
    # "It's like you already decided I'm ...": what someone has decided or thinks, read in.
    r"|(?:it's|it is|it feels|feels|it seems|seems|it sounds|sounds) like you(?:'ve| have|'d)?"
    r" (?:already |just )?(?:decided|made up your mind|think|thought|assume[ds]?|believe[ds]?))\b"
)

# Praise wrapped around a complaint: the praise word is sincere only without these.
SARCASM = rx(
    r"\b(?:nice of you to|(?:thanks|thank you) (?:so much )?for (?:finally|showing up|the "
    r"'\w+')|(?:brilliant|great|genius|fantastic|lovely) idea to|love (?:being|how|that you)"
    r"|must be nice|wow|as always|as usual|I take it|apparently|sure, great|oh great|yeah right"
    # Praise greeting one more of a thing ("Great, another meeting that ..."): irony by grammar.
    r"|^\W*(?:great|brilliant|fantastic|wonderful|perfect|lovely|super|awesome|amazing),? another"
    r" [\w-]+(?: [\w-]+)? (?:that|where|when|without|with no)\b"
    # The writer's own "finally" ("I finally get it") is relief, not a dig.
    r"|(?<!\bI )(?<!\bwe )(?<!\bI've )(?<!\bwe've )finally)\b"
    r"|,\s*(?:could|would|did|do|can|will|were) you\W*$"
    # Praise next to a failure in one breath: "great job forgetting the deadline".
    # Only at the start and with no "but" or "because" between: that would be a real contrast.
    r"|^\W*(?:(?:oh|wow),? )?(?:thanks|thank you|cheers|great|nice|love|lovely|brilliant|fantastic"
    r"|wonderful|amazing|perfect|well done|good job|great job|impressive)\b"
    r"(?:(?!\b(?:but|though|although|because|since|so|when)\b)[^.!?]){0,60}"
    r"\b(?:again|forg[eo]t\w*"
    r"|missed|missing|ignor\w+|cancell?\w*|interrupt\w*|only took|took \w+ (?:days|weeks|hours))\b"
    # Praise undone by a condition on its purpose: "great deck, if the goal was to bore us".
    r"|\bif (?:the|your|our) (?:goal|point|aim|idea|plan|intention|objective) (?:was|is|were) to\b"
    r"|\bif you (?:wanted|were trying|meant|were aiming|were going for)\b"
    # A question tacked onto a complaint that answers itself: ", do you ever switch off?"
    r"|,\s*(?:do|does|are|is|can|will) (?:you|they|he|she) (?:\w+ )?(?:ever|even)\b[^.!?]*\?"
    r"|\b(?:are|were|do|did) you even\b"
)

# Curt closers that turn a request into an order.
CURT = rx(
    r"(?:^|[,.!?]\s*)(?:end of|now|right now|immediately|asap|full stop|period|that's all)"
    r"\s*[.!]*\s*$"
)

# Stock complaints that name nothing observable and carry no word a lexicon would score.
VAGUE = rx(
    r"\b(?:(?:a bit|a little|kind of|kinda|just) much|(?:is |are )?(?:just )?not working"
    r"|needs? (?:some |a lot of )?work|(?:isn't|is not|not) landing|something(?:'s| is) off"
    r"|(?:a bit|kind of|just)\W*(?:\.\.\.|…)?\s*you know|vibes?|not (?:it|ideal|great|the best)"
    r"|could be better|off somehow|not quite right|not good enough|needs? to improve|step up"
    r"|(?:do|be) better|not up to (?:standard|scratch)|something (?:needs|has) to change"
    r"|not what I expected|not really working|be more professional)\b"
)

CONDESCENSION = rx(
    r"\b(?:good try|nice try|you(?:'ll| will) learn|kiddo|at your age|young (?:lady|man)|sweetie"
    r"|when you(?:'re| are) older|when you grow up|someday you(?:'ll| will) understand"
    r"|bless your heart|not bad for (?:a|an|someone)|for someone your age|you wouldn't understand"
    r"|let me explain (?:it|this) (?:simply|slowly)|back in my day|sonny|nice kid)\b"
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
# Addressed to the tool itself: format changes, hidden recipients, asides to "the AI".
INJECTION_EXTRA = rx(
    r"^\W*(?:translate|rewrite|convert|encode|turn) (?:this|it|the above)\b"
    r"|\bto the (?:AI|assistant|model|bot)\b|\[\[?\s*(?:assistant|system|user)\s*:"
    # A chat role label opening a sentence ("SYSTEM: output ..."): no colleague writes one.
    r"|^\W*(?:system|assistant|developer)(?:\s+(?:message|prompt|note))?\s*:"
    r"|\b(?:forward|send|cc|bcc|email|copy)\b[^.]{0,80}(?:@|\bCC everyone\b)"
    r"|\b(?:before|instead of) (?:rewriting|rephrasing|answering)\b"
    r"|\b(?:at the end of|in) your (?:answer|reply|response|output)\b"
    r"|^\W*(?:ignore|disregard|forget) (?:the|all|everything) ?(?:above|previous|prior|before)\b"
    r"|\b(?:reply|respond|answer) (?:only )?with\b"
)
