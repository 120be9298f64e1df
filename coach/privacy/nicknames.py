"""Common English given-name variants, so a roster name also catches its everyday forms."""

from __future__ import annotations

# Hand-written on purpose: the roster is a handful of names, the check must run offline and
# deterministically, and a vetted table is easier to audit than a scraped dependency. Each
# group is symmetric: any member found on the roster brings in all the others.
_GROUPS: tuple[tuple[str, ...], ...] = (
    ("katherine", "catherine", "kathryn", "kate", "katie", "kathy", "cathy", "kat", "kitty"),
    ("robert", "rob", "robbie", "bob", "bobby", "bert"),
    ("william", "will", "willy", "bill", "billy", "liam"),
    ("elizabeth", "liz", "lizzie", "beth", "betty", "eliza", "libby"),
    ("michael", "mike", "mikey", "mick", "mickey"),
    ("james", "jim", "jimmy", "jamie"),
    ("john", "johnny", "jack"),
    ("jonathan", "jon", "jonny"),
    ("richard", "rich", "rick", "ricky", "dick"),
    ("thomas", "tom", "tommy"),
    ("christopher", "chris", "topher"),
    ("christina", "christine", "chris", "chrissy", "tina"),
    ("daniel", "dan", "danny"),
    ("matthew", "matt", "matty"),
    ("anthony", "tony"),
    ("joseph", "joe", "joey"),
    ("benjamin", "ben", "benny"),
    ("samuel", "sam", "sammy"),
    ("samantha", "sam", "sammy"),
    ("alexander", "alex", "xander", "sasha"),
    ("alexandra", "alex", "lexi", "sasha", "sandra"),
    ("nicholas", "nick", "nicky"),
    ("nicole", "nikki", "nicky"),
    ("andrew", "andy", "drew"),
    ("edward", "ed", "eddie", "ted", "teddy", "ned"),
    ("stephen", "steven", "steve", "stevie"),
    ("david", "dave", "davey"),
    ("charles", "charlie", "chuck", "chaz"),
    ("charlotte", "charlie", "lottie"),
    ("patrick", "pat", "paddy"),
    ("patricia", "pat", "patty", "trish", "tricia"),
    ("margaret", "maggie", "meg", "peggy", "marge", "greta"),
    ("jennifer", "jen", "jenny"),
    ("jessica", "jess", "jessie"),
    ("rebecca", "becky", "becca"),
    ("susan", "sue", "suzy", "susie"),
    ("deborah", "debbie", "deb"),
    ("victoria", "vicky", "tori"),
    ("abigail", "abby", "gail"),
    ("gregory", "greg"),
    ("timothy", "tim", "timmy"),
    ("jacob", "jake"),
    ("joshua", "josh"),
    ("zachary", "zach", "zack"),
    ("raymond", "ray"),
    ("ronald", "ron", "ronnie"),
    ("donald", "don", "donny"),
    ("kenneth", "ken", "kenny"),
    ("lawrence", "larry"),
    ("leonard", "leo", "len", "lenny"),
    ("frederick", "fred", "freddie"),
    ("francis", "frances", "fran", "frank", "frankie"),
    ("theodore", "theo", "ted", "teddy"),
    ("eleanor", "ellie", "nell", "nora"),
    ("dorothy", "dot", "dottie"),
    ("maria", "mary", "mia", "marie"),
    ("isabella", "isabel", "bella", "izzy"),
    ("gabriel", "gabe"),
    ("gabriela", "gabriella", "gabby"),
    ("natalie", "nat"),
    ("nathaniel", "nathan", "nate", "nat"),
    ("jacqueline", "jackie"),
    ("josephine", "jo", "josie"),
    ("pamela", "pam"),
    ("kimberly", "kim"),
    ("cynthia", "cindy"),
    ("sandra", "sandy"),
    ("angela", "angie"),
    ("amanda", "mandy"),
    ("melissa", "mel", "missy"),
    ("melanie", "mel"),
    ("alison", "allison", "ali", "allie"),
    ("oliver", "ollie"),
    ("harold", "harry", "hal"),
    ("henry", "hank", "harry", "hal"),
    ("walter", "walt", "wally"),
    ("albert", "al", "bert"),
    ("alfred", "alf", "fred"),
    ("peter", "pete"),
    ("philip", "phillip", "phil"),
    ("vincent", "vince", "vinny"),
    ("douglas", "doug"),
    ("gerald", "gerry", "jerry"),
    ("jeffrey", "geoffrey", "jeff", "geoff"),
    ("suzanne", "suzy", "sue"),
    ("judith", "judy"),
    ("barbara", "barb", "babs"),
    ("cassandra", "cass", "cassie"),
    ("priyanka", "priya"),
    ("mohammed", "muhammad", "mohamed", "mo"),
)

# Names that are also ordinary English words: matching them in lower case would flag "will"
# or "bill" in every sentence, so these forms only match when written as a name.
COMMON_WORD_NAMES: frozenset[str] = frozenset(
    {
        "will", "bill", "rob", "pat", "sue", "dick", "mark", "grace", "hope", "faith",
        "joy", "june", "may", "april", "rose", "dean", "frank", "don", "ray", "jack",
        "mike", "nick", "rich", "chuck", "dot", "drew", "nat", "mel", "ted", "al", "ed",
        "jo", "mo", "hal", "len", "art", "gene", "sandy", "penny", "ruby", "ivy", "dawn",
        "robin", "summer", "hunter", "chase", "max", "sky", "gail", "kat", "bob", "tina",
    }
)  # fmt: skip


def variants(name: str) -> set[str]:
    """Return the lower-case variants of one given name, including the name itself."""
    key = name.lower()
    found = {key}
    for group in _GROUPS:
        if key in group:
            found.update(group)
    return found
