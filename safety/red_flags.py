"""Deterministic emergency ("red flag") detector for user messages (English and Korean).

Runs on every user message before any ML model. Standard library only, because it is
imported from both the Rasa virtualenv and the gateway virtualenv.

Borderline policy
-----------------
* When in doubt about a CURRENT symptom or event of the user or of someone with them,
  escalate. A false alarm costs a short safety message; a miss can cost a life.
* A general or hypothetical question is not an emergency: "what happens if I take too much
  acetaminophen", "what is the maximum dose", "does Benadryl cause chest pain as a side
  effect?", "what to do if someone is having a seizure", "과다복용하면 어떻게 되나요?".
  Questions are recognised by tense and subject (an event is told in the past tense or the
  present progressive, about "I" or a particular person), and for bare symptom words
  ("chest pain", "흉통") by an informational frame in the same clause ("cause", "side
  effect", "signs of", "if someone", "부작용", "증상", "-ㄹ 때", ...).
* A message that mixes a question with an actual event ("what happens now, I took 15
  pills") is a red flag: any clause that reports an event is enough.
* Suicidal ideation is ALWAYS a red flag, whatever the frame ("can Zoloft cause suicidal
  thoughts", "I want to die", "죽고 싶어요").
* Ingestion: five or more tablets/units at once, "too much/many", a whole bottle/box,
  "all my ...", three or more times the dose, any overdose told as an event, and any
  ingestion of medicine or household chemicals by a young child, escalate. One extra or a
  double dose with no symptom is not escalated (the chat can answer it with the leaflet).
* Idioms are not emergencies: "this cough is killing me", "dying to know", "머리 아파
  죽겠어요". Local, clearly benign contexts veto some symptom words: a stuffy nose for "can't
  breathe", a sore throat for "throat is swollen", sunburn or shoes for blisters.
* A fever in a baby under three months is an emergency (category ``infant_fever``).

Categories: overdose, child_ingestion, poisoning, suicidal, breathing, anaphylaxis,
chest_pain, stroke, seizure, unconscious, severe_bleeding, severe_skin_reaction,
infant_fever.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

__all__ = ["CATEGORIES", "RedFlag", "detect_red_flag", "language_of"]

CATEGORIES = (
    "suicidal", "child_ingestion", "poisoning", "overdose", "anaphylaxis", "breathing",
    "chest_pain", "stroke", "seizure", "unconscious", "severe_bleeding",
    "severe_skin_reaction", "infant_fever",
)


@dataclass(frozen=True)
class RedFlag:
    category: str
    language: str
    matched: str


# --------------------------------------------------------------------------------------
# language
# --------------------------------------------------------------------------------------

_HANGUL_CHARS = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def language_of(text: str) -> str:
    """"ko" when Hangul is at least 30% of the letters, else "en" (also for "")."""
    if not isinstance(text, str) or not text:
        return "en"
    letters = sum(map(str.isalpha, text))
    if letters == 0:
        return "en"
    hangul = len(_HANGUL_CHARS.findall(text))
    return "ko" if hangul / letters >= 0.3 else "en"


# --------------------------------------------------------------------------------------
# normalisation
# --------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2060\ufeff]")
_QUOTES = re.compile(r"[\u2018\u2019\u201b\u02bc\u2032\u00b4`]")
_NEWLINES = re.compile(r"[\r\n\u2028\u2029]+")
_OD_PAST = re.compile(r"\b(?:o\.?d\.?\s*'\s*(?:e?d)|o\.d\.?\s*(?:e?d)\b|od(?:'|-)?ed\b|oded\b)")
_OD_ING = re.compile(r"\bo\.?d\.?\s*'?\s*ing\b")
_OD_BARE = re.compile(r"\b(?:o\.d\.?(?=\W|$)|od(?=\s+on\b))")
_HYPHEN = re.compile(r"(?<=\w)[-\u2010-\u2015_](?=\w)")
_WS = re.compile(r"\s+")

_TYPOS: dict[str, str] = {
    # unconscious
    "unconcious": "unconscious", "unconsious": "unconscious", "unconscous": "unconscious",
    "unconcsious": "unconscious", "unconsciouss": "unconscious", "unconsios": "unconscious",
    "concious": "conscious", "consious": "conscious",
    # seizure
    "siezure": "seizure", "siezures": "seizures", "seizur": "seizure", "sezure": "seizure",
    "seisure": "seizure", "seizue": "seizure", "seziure": "seizure", "siezing": "seizing",
    "seazure": "seizure", "seizuer": "seizure", "cesure": "seizure",
    # swelling
    "swolen": "swollen", "swollon": "swollen", "swolled": "swollen", "sollen": "swollen",
    "swoll": "swollen", "sweling": "swelling", "swolling": "swelling",
    "swelin": "swelling", "sweeling": "swelling",
    # breathing
    "breth": "breath", "brething": "breathing", "breating": "breathing",
    "breahting": "breathing", "breathin": "breathing", "breate": "breathe",
    "breahte": "breathe", "braething": "breathing", "braethe": "breathe",
    # overdose
    "overdossed": "overdosed", "overdozed": "overdosed", "overdoesed": "overdosed",
    "ovrdosed": "overdosed", "overdoed": "overdosed", "overdossing": "overdosing",
    "overdoze": "overdose", "overdos": "overdose", "ovredose": "overdose",
    "overodse": "overdose", "overdoes": "overdose", "overdosd": "overdosed",
    # allergy
    "alergic": "allergic", "alergy": "allergy", "allergik": "allergic",
    "allergick": "allergic", "alergik": "allergic",
    # bleeding / vomiting
    "bleading": "bleeding", "bleeing": "bleeding", "bledding": "bleeding",
    "bleedin": "bleeding", "vommiting": "vomiting", "vomitting": "vomiting",
    "vomting": "vomiting", "vommit": "vomit", "throwin": "throwing", "puking": "puking",
    # suicide
    "suicde": "suicide", "sucide": "suicide", "suiside": "suicide", "suicid": "suicide",
    "suicidel": "suicidal", "sucidal": "suicidal", "suicdal": "suicidal",
    "suisidal": "suicidal", "unalive": "kill", "kms": "kill myself",
    # other
    "poisin": "poison", "posion": "poison", "poision": "poison", "poisioned": "poisoned",
    "posioned": "poisoned", "poisioning": "poisoning", "posioning": "poisoning",
    "hart": "heart", "atack": "attack", "attak": "attack", "attac": "attack",
    "chset": "chest", "cheast": "chest", "feaver": "fever", "fevor": "fever",
    "faintd": "fainted", "fanted": "fainted", "colapsed": "collapsed",
    "collasped": "collapsed", "unresponsiv": "unresponsive", "wanna": "want to",
    "gonna": "going to",
    "pils": "pills", "pilles": "pills", "tablts": "tablets", "swallowd": "swallowed",
    "swalowed": "swallowed", "swollowed": "swallowed", "sallowed": "swallowed",
    "drinked": "drank", "eated": "ate", "tooked": "took", "tooks": "took",
    "u": "you", "ur": "your", "r": "are", "cnt": "cant", "cannt": "cant",
}
_WORD = re.compile(r"[a-z]+")
_TYPO_KEYS = frozenset(_TYPOS)
_EPIPEN = re.compile(r"\bepi pens?\b")


def _fix_word(m: re.Match[str]) -> str:
    w = m.group(0)
    return _TYPOS.get(w, w)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = _CONTROL.sub(" ", text)
    text = _QUOTES.sub("'", text)
    text = _NEWLINES.sub(" . ", text)
    # "od'd" / "o.d." / "od on" before apostrophes and dots are dropped
    text = _OD_PAST.sub("overdosed", text)
    text = _OD_ING.sub("overdosing", text)
    text = _OD_BARE.sub("overdose", text)
    text = text.replace("'", "").replace('"', " ")
    text = _HYPHEN.sub(" ", text)
    text = _WS.sub(" ", text).strip()
    if not _TYPO_KEYS.isdisjoint(_WORD.findall(text)):
        text = _WORD.sub(_fix_word, text)
    return _EPIPEN.sub("epipen", text) if "epi pen" in text else text



# --------------------------------------------------------------------------------------
# vocabulary compilation: big alternations become a prefix trie (same language, much
# faster in ``re``: one branch per character instead of hundreds of alternatives)
# --------------------------------------------------------------------------------------

_META = set("\\*+[](){}^$.|")


def _split_top(alternation: str) -> list[str]:
    """Split ``a|b(?:c|d)|e`` on the top-level bars only."""
    parts, depth, cur = [], 0, []
    i = 0
    while i < len(alternation):
        ch = alternation[i]
        if ch == "\\" and i + 1 < len(alternation):
            cur.append(alternation[i:i + 2])
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    parts.append("".join(cur))
    return parts


def _trie(words: list[str]) -> str:
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(root)


def _vocab(alternation: str) -> str:
    """A ``(?:...)`` group equivalent to ``alternation``, with its literal words as a trie."""
    if alternation.startswith("(?:") and alternation.endswith(")"):
        inner = alternation[3:-1]
        if len(_split_top(inner)) > 1 or "|" not in inner:
            alternation = inner
    literals: list[str] = []
    regexes: list[str] = []
    for item in _split_top(alternation):
        base = item[:-2] if item.endswith("s?") else item
        if set(base) & _META or "?" in base or " ?" in item:
            regexes.append(item)
        elif item.endswith("s?"):
            literals += [base, base + "s"]
        else:
            literals.append(item)
    parts = ([_trie(sorted(set(literals)))] if literals else []) + regexes
    return "(?:" + "|".join(parts) + ")"

# --------------------------------------------------------------------------------------
# shared vocabulary (English; the text is lower-case and apostrophe-free)
# --------------------------------------------------------------------------------------

_MED = _vocab(
    r"(?:pills?|tablets?|tabs?|capsules?|caps|caplets?|gel ?caps?|softgels?|gummies|gummy|"
    r"lozenges?|meds|medicines?|medications?|drugs?|doses?|prescriptions?|vitamins?|"
    r"supplements?|syrup|suspension|liquid|patch(?:es)?|"
    r"tylenols?|advils?|motrin|aleve|ibuprofen|ibuprofin|acetaminophen|paracetamol|naproxen|"
    r"aspirins?|excedrin|midol|benadryl|diphenhydramine|nyquil|dayquil|zzzquil|unisom|"
    r"doxylamine|melatonin|xanax|xans?|alprazolam|valium|diazepam|ativan|lorazepam|klonopin|"
    r"clonazepam|benzos?|ambien|zolpidem|oxy\w*|percocets?|percs?|vicodin|norco|hydrocodone|"
    r"codeine|tramadol|morphine|fentanyl|methadone|suboxone|dilaudid|heroin|opioids?|"
    r"opiates?|narcotics?|adderall|ritalin|vyvanse|zoloft|sertraline|prozac|fluoxetine|"
    r"lexapro|escitalopram|wellbutrin|bupropion|trazodone|seroquel|quetiapine|lithium|"
    r"lamictal|lamotrigine|insulin|metformin|glipizide|warfarin|coumadin|eliquis|xarelto|"
    r"digoxin|metoprolol|propranolol|atenolol|amlodipine|lisinopril|losartan|clonidine|"
    r"gabapentin|lyrica|iron|tums|antacids?|sudafed|claritin|zyrtec|allegra|imodium|"
    r"dramamine|robitussin|mucinex|coricidin|dextromethorphan|dxm|cough syrup|"
    r"cold medicine|sleeping pills?|sleep aids?|painkillers?|pain pills?|pain meds|"
    r"antidepressants?|antibiotics?|amoxicillin|nicotine|prednisone|steroids?|"
    r"muscle relaxers?|flexeril|cyclobenzaprine|baclofen|edibles?|thc|ketamine|cocaine|"
    r"mdma|molly|ecstasy|laxatives?|diet pills?|caffeine pills?|no ?doz)"
)

_CHILD = _vocab(
    r"(?:sons?|daughters?|kids?|child|children|bab(?:y|ies)|toddlers?|infants?|newborn|"
    r"nieces?|nephews?|grandsons?|granddaughters?|grandchild(?:ren)?|grandkids?|grandbaby|"
    r"little one|little boy|little girl|boy|girl|twins?|stepson|stepdaughter|preschooler|"
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)"
    r"(?: and a half)? ?(?:year|yr|month|mo|week|wk|day)s? ?olds?|\d{1,2} ?(?:yo|y o|yr|yrs|mo|mos)\b)"
)
_YOUNG_CHILD = re.compile(
    r"\b(?:kids?|child|children|bab(?:y|ies)|toddlers?|infants?|newborn|nieces?|nephews?|"
    r"grandsons?|granddaughters?|grandchild(?:ren)?|grandkids?|grandbaby|little one|"
    r"little boy|little girl|preschooler|"
    r"(?:\d|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?: and a half)? ?(?:year|yr|month|mo|week|wk|day)s? ?olds?|\d{1,2} ?(?:yo|mo|mos)\b|"
    r"\d{2} ?(?:month|mo|week|day)s? ?olds?)\b"
)

_PAST_TAKE = (
    r"(?:took|taken|swallowed|popped|downed|snorted|injected|ingested|gulped|chewed|"
    r"threw back|overdosed on)"
)
_PAST_CONSUME = r"(?:ate|eaten|drank|drunk|chugged|had)"
_FILL = (
    r"(?:(?:like|about|around|approximately|approx|maybe|almost|nearly|over|more than|"
    r"at least|already|just|probably|possibly|roughly|close to|up to|another|literally|"
    r"accidentally|by accident|mistakenly|only|a total of|total|um|uh|all|all together|"
    r"altogether|prob|basically|somewhere around|something like)\s+){0,3}"
)
_NUM5 = (
    r"(?:(?<![\d.,/])(?:[5-9]|[1-9]\d{1,3})(?![\d]|[.,/]\d)|"
    r"\b(?:five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"a hundred|hundred|a dozen|dozen|dozens|several dozen)(?: (?:one|two|three|four|five|"
    r"six|seven|eight|nine))?\b)"
)
_NOT_UNIT = (
    r"(?!\s*%)(?!\s*(?:-|to|or)\s*\d+\s*(?:mg|mcg|ml|g|units?|iu)\b)"
    r"(?!\s*(?:mg|mgs|mcg|ug|g|gm|grams?|milligrams?|micrograms?|ml|mls|milliliters?|cc|"
    r"units?|iu|mmol|percent|hours?|hrs?|h|minutes?|mins?|seconds?|secs?|days?|weeks?|wks?|"
    r"months?|years?|yrs?|am|pm|a ?m|p ?m|oclock|o clock|lbs?|pounds?|kg|kilos?|oz|ounces?|"
    r"drops?|puffs?|sprays?|tsp|teaspoons?|tbsp|tablespoons?|cups?|degrees?|beers?|drinks?|"
    r"shots?|glasses|steps|times (?:a|per|daily|each)|x (?:a|per)|per day|a day|miles?|km|"
    r"cigarettes?|cigs|bucks?|dollars?|calories|kcal|reps|laps|pages)\b)"
)
_CONTAINER = r"(?:bottles?|box(?:es)?|packs?|packets?|containers?|jars?|strips?|sheets?|blister packs?|blisters?|cards?|tubes?|sleeves?|bags?|vials?)"
_NOT_DRINK = (
    r"(?! (?:wine|beer|vodka|whiskey|whisky|liquor|rum|gin|tequila|champagne|prosecco|soju|"
    r"sake|water|soda|juice|coke|pop|milk|kombucha|gatorade|cereal|chips|cookies|candy|"
    r"chocolate|crackers|popcorn|gum)\b)"
)
_BIG = (
    r"(?:(?:(?:way|far|much|waaay|waay|a lot|a little|a bit|a tad|slightly) )?too (?:much|many)\b"
    rf"|(?:a|the|an) (?:whole|full|entire|complete) (?:\w+ ){{0,2}}?{_CONTAINER}\b{_NOT_DRINK}"
    rf"|(?:a|an|one|two|2|3|three) {_CONTAINER} of\b{_NOT_DRINK}"
    r"|(?:a )?(?:bunch|handful|handfull|fistful|ton|tons|load|loads|lot|lots|shit ?load|heap|"
    r"pile|mouthful|few handfuls|couple (?:of )?handfuls|couple handfuls|whole lot) of\b"
    r"|handfuls of\b"
    r"|all (?:of )?(?:my|his|her|their|the|them|those|these|your|our)\b(?! (?:morning|evening|"
    r"night|nighttime|bedtime|daily|regular|usual|normal|other|antibiotics?|vitamins?|"
    r"supplements?|doses?|meds for|pills for|medications? for|prescribed|course|refills?|"
    r"homework|food|dinner|lunch|breakfast)\b)"
    r"|all of (?:it|them)\b|everything (?:in|i had|i could find|in the)\b"
    rf"|half (?:of )?(?:the|a|my|his|her) (?:\w+ )?{_CONTAINER}\b"
    rf"|the rest of (?:the|my|his|her) (?:\w+ )?(?:{_CONTAINER}|pills|tablets|meds|medicine|prescription)\b"
    r"|more than (?:the |my |his |her |i |he |she |what |was |is )(?:\w+ ){0,3}?"
    r"(?:recommended|max\w*|prescribed|allowed|supposed|should|limit|label|directions)\b"
    r"|(?:[3-9]|\d{2,}|three|four|five|six|seven|eight|nine|ten|triple|quadruple) times "
    r"(?:my|his|her|their|the|what|a|your|an) (?:\w+ ){0,2}?(?:dose|dosage|amount|"
    r"prescription|limit|max\w*)\b"
    r"|(?:triple|quadruple) (?:the |my |his |her |a )?(?:\w+ )?(?:dose|dosage|amount)\b"
    r"|(?:an |a |another |possible |accidental |an accidental |massive |an intentional )?overdose\b"
    r"|(?:several|a few|many|multiple|so many|lots) (?:\w+ )?(?:pills|tablets|capsules|gummies|doses)\b)"
)

# Informational / hypothetical frames for bare symptom words, and the markers of a current
# personal situation that override them.
_FRAME_EN = re.compile(
    r"\b(?:cause|causes|causing|caused by|side effects?|adverse (?:effects?|reactions?)|"
    r"symptoms? of|signs? of|warning signs?|what (?:to|should (?:i|you|we|one)|do (?:i|you)) "
    r"do (?:if|when|in case|for|about|in an?|after)|in case of|if (?:someone|somebody|a person|you|anyone|people|a child|your|one)|"
    r"when (?:someone|somebody|a person|you|people)|for someone|prevent\w*|risks?|"
    r"how (?:to|do you|do i|can i|can you|would i|would you) (?:treat|recognize|recognise|"
    r"tell|spot|prevent|know|help|avoid|handle|manage|respond)|is it true|what is|whats|"
    r"what are|what does|meaning|history of|ever had|contraindicat\w*|interact\w*|"
    r"warnings?|labels?|leaflet|insert|first aid|heat stroke|heatstroke|can \w+ (?:cause|lead)|"
    r"does \w+ (?:cause|lead)|lead to|linked to|associated with|chance of|likely)\b"
)
_CURRENT_EN = re.compile(
    r"\b(?:right now|currently|at the moment|this (?:morning|afternoon|evening)|tonight|"
    r"suddenly|all of a sudden|help me|please help|emergency|ambulance|911|119)\b"
    r"|\b(?:i|im|i am|ive|me|we|were|he|hes|she|shes|they|theyre|my \w+(?: \w+)?)\s+"
    r"(?:\w+\s+)?(?:have|has|having|got|getting|feel|feels|feeling|am|started|starting|keep|"
    r"keeps|cant|cannot|couldnt|been)\b"
)
_FRAME_KO = re.compile(
    r"부작용|증상|예방|원인|때(?!문)|면(?:어떻게|어떡|뭘|뭐|무슨|위험|안되|안돼|괜찮|어찌)|대처|"
    r"이란|란뭐|뭔가요|뭐예요|뭐에요|가능성|위험한가|위험성"
)
_CURRENT_KO = re.compile(
    r"지금|방금|갑자기|아까|어떡해|어떡하|어쩌|살려|도와|빨리|응급|큰일|있어요|났어요|왔어요|"
    r"같아요|같아ㅠ|해요|했어요|ㅠ"
)

_SEP_EN = re.compile(r"(?<!\d)\.|\.(?!\d)|[?!;,:()\[\]]|\s-\s|\b(?:but|btw|also|anyway)\b")
_SEP_KO = re.compile(r"(?<!\d)\.|\.(?!\d)|[?!;,:()\[\]~…]|ㅠ+|ㅜ+")


# --------------------------------------------------------------------------------------
# rules
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Rule:
    category: str
    pattern: re.Pattern[str]
    korean: bool = False  # run on the whitespace-free text
    informational: bool = False  # skip when the clause reads as a general question
    unless: re.Pattern[str] | None = None  # clause-level veto ...
    unless_override: re.Pattern[str] | None = None  # ... lifted when this is in the clause
    requires: re.Pattern[str] | None = None  # must also occur somewhere in the message
    keys: tuple[str, ...] = ()  # cheap gate: every match contains one of these substrings


def _c(p: str) -> re.Pattern[str]:
    return re.compile(p)


def _en(category: str, keys: tuple[str, ...], pattern: str, *, informational: bool = False, unless: str | None = None,
        unless_override: str | None = None, requires: str | None = None) -> _Rule:
    return _Rule(category, _c(pattern), False, informational,
                 _c(unless) if unless else None,
                 _c(unless_override) if unless_override else None,
                 _c(requires) if requires else None, keys)


def _ko(category: str, keys: tuple[str, ...], pattern: str, *, informational: bool = False, unless: str | None = None,
        unless_override: str | None = None, requires: str | None = None) -> _Rule:
    return _Rule(category, _c(pattern), True, informational,
                 _c(unless) if unless else None,
                 _c(unless_override) if unless_override else None,
                 _c(requires) if requires else None, keys)


_W = r"(?:\w+\s+)"  # one word plus space, for bounded windows
_NOSE = r"\b(?:nose|nasal|nostrils?|stuffy|stuffed|congest\w*|sinus\w*|blocked|cpap|mask|snor\w*)\b"
_EXERTION = r"\b(?:exercis\w*|running|ran|jogging|workout|working out|climbing|stairs|hike|hiking|gym|walking up)\b"
_SORE_THROAT = (
    r"\b(?:sore|scratchy|strep|tonsils?|tonsillitis|glands?|lymph|cold|flu|cough\w*|"
    r"lozenges?|hurts to swallow|hurts when i swallow|painful to swallow|raw)\b"
)
_ALLERGY_CTX = (
    r"\b(?:breath\w*|air|allerg\w*|hives|welts|reaction|lips?|tongue|epipen|epinephrine|"
    r"anaphyla\w*|after (?:taking|eating|starting|using|i took|he took|she took)|peanuts?|"
    r"shellfish|penicillin|amoxicillin|antibiotic\w*|bactrim|sulfa)\b"
)

_CHEM = _vocab(
    r"(?:bleach|clorox|ammonia|lye|drain (?:cleaner|opener)|drano|oven cleaner|"
    r"toilet (?:bowl )?cleaner|cleaning (?:fluid|product|solution|spray|chemicals?|supplies|"
    r"liquid|stuff)|\w+ cleaner|cleaner|detergent|laundry (?:pods?|soap|detergent|packs?)|"
    r"tide pods?|(?:dish ?washer|dishwasher) (?:pods?|detergent|tabs?|tablets?)|dish soap|"
    r"antifreeze|anti freeze|coolant|windshield (?:washer )?fluid|washer fluid|brake fluid|"
    r"rubbing alcohol|isopropyl(?: alcohol)?|methanol|wood alcohol|hand sanitizer|sanitizer|"
    r"disinfectant|lysol|pine sol|pesticides?|insecticides?|bug (?:spray|killer|poison)|"
    r"roach (?:spray|killer|bait|poison)|ant (?:bait|killer|poison|traps?)|weed ?killer|"
    r"herbicides?|roundup|rat poison|mouse poison|rodenticide|poison|gasoline|petrol|"
    r"kerosene|lamp oil|lighter fluid|paint thinner|thinner|turpentine|acetone|"
    r"nail polish remover|polish remover|essential oils?|eucalyptus oil|tea tree oil|"
    r"oil of wintergreen|wintergreen oil|mouthwash|hydrogen peroxide|peroxide|chlorine|"
    r"pool (?:chemicals?|shock|tablets?)|fertili[sz]er|hair dye|super ?glue|battery acid|"
    r"e ?liquid|vape (?:juice|liquid|oil)|liquid nicotine|nicotine (?:liquid|juice)|"
    r"mothballs?|moth balls|fabric softener|air freshener|febreze|windex|carbon monoxide|"
    r"fumes|gas fumes|natural gas|propane|butane|mercury|wild mushrooms?|"
    r"mushrooms? (?:from|in) (?:the|our|a) (?:yard|garden|woods|park|forest)|chemicals?|"
    r"button batter(?:y|ies)|batter(?:y|ies))"
)
_SUBST = _vocab(
    rf"(?:{_MED}|{_CHEM}|bottles?|magnets?|coins?|pods?|vape|juul|cigarettes?|"
    r"cigarette butts?|butts|alcohol|perfume|oils?|edibles?)"
)

_INFANT_EN = (
    r"\b(?:newborn|new born|neonate|"
    r"(?:\d|[12]\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) ?"
    r"(?:day|days|week|weeks|wk|wks) ?old|"
    r"(?:[12]|one|two|1\.5|one and a half) ?(?:month|months|mo|mos) ?old|"
    r"(?:under|less than|younger than) (?:3|three) months)\b"
)
_FEVER_EN = (
    r"\b(?:fever\w*|temp|temps|temperature|febrile|burning up|hot to (?:the )?touch|"
    r"(?:is|feels|feel|felt|was|s|so|very|really) (?:really |very |so )?(?:hot|warm)|"
    r"3[89](?:\.\d)?|4[01](?:\.\d)?|100\.[4-9]|10[1-6](?:\.\d)?)\b"
)

_K_TAKE = ("took", "taken", "swallow", "popped", "downed", "snorted", "injected", "ingested",
           "gulped", "chewed", "threw back", "overdos")
_K_CONSUME = ("ate", "eaten", "drank", "drunk", "chug", "had")

_RULES_EN: list[_Rule] = [
    # ---------------- suicidal (always) ----------------
    _en("suicidal", ("kill", "suicid", "die", "dead", "wish", "better off", "end", "life", "want to", "live", "alive", "exist", "wake", "go on", "keep going", "self", "purpose", "lethal", "fatal", "deadly", "how many", "disappear", "would", "worth", "jump", "hang", "reason", "point", "will"),
        r"\b(?:kill(?:ing)? (?:my ?self|him ?self|her ?self|themselves)|suicid\w*|"
        r"(?:want|wanted|wanting|going|planning|plan|trying|tried|decided|ready) to die\b|"
        r"\bwant to be dead|(?:wish|wished) (?:i|we) (?:was|were|had) (?:dead|never been born|"
        r"not been born|never existed)|better off (?:dead|without me|if i (?:was|were) gone)|"
        r"end(?:ing)? (?:it all|my life|my own life|everything|things|it tonight|it now|my pain for good)|"
        r"take my (?:own )?life|took my (?:own )?life|"
        r"(?:dont|do not|no longer|never) want to (?:live|be alive|exist|be here anymore|"
        r"wake up|go on|keep living)|"
        r"(?:no|not any|nothing|no more) (?:reason|point|will) (?:to|in|for) (?:live|living|"
        r"keep living|go on|going on|being alive|stay alive)|"
        r"(?:cant|cannot|can not) (?:go on|keep going) (?:anymore|like this)|"
        r"self (?:harm\w*|injur\w*)|(?:hurt|hurting|cut|cutting|harm|harming) my ?self|"
        r"overdose on purpose|on purpose to (?:die|not wake)|"
        r"(?:lethal|fatal|deadly) (?:dose|amount|overdose)|"
        r"how many \w+(?: \w+){0,5} (?:to die|to kill|would kill|will kill|to not wake|"
        r"to never wake|to end it|to be fatal|is fatal|is lethal|would be lethal)|"
        r"so (?:that )?(?:i|he|she) (?:dont|do not|wont|will not|never|would not|wouldnt) wake up|"
        r"(?:to|and) (?:not|never) wake up|never wake up again|"
        r"(?:pills?|meds|overdose) to (?:end|die|kill)|"
        r"want to disappear|disappear forever|wish i could disappear|"
        r"(?:nobody|no one) would (?:miss|care if)|everyone would be better off|"
        r"(?:life is|lifes) not worth (?:living|it)|not worth living|"
        r"(?:jump|jumping) off (?:a|the) (?:bridge|roof|building)|hang(?:ing)? my ?self)"),

    # ---------------- child ingestion ----------------
    _en("child_ingestion", ("swallow", "ate", "eaten", "drank", "drunk", "chew", "sucked", "licked", "bit into", "got into", "gotten into", "hold of", "ingest", "consum"),
        rf"\b{_CHILD}\s+{_W}{{0,6}}?(?:swallowed|ate|eaten|drank|drunk|chewed(?: on| up)?|"
        r"sucked on|licked|bit into|got into|gotten into|got hold of|got ahold of|"
        r"got a hold of|ingested|consumed|found and ate)"
        rf"\s+{_W}{{0,8}}?{_SUBST}\b",
        unless=r"\b(?:his|her|their) (?:\w+ )?(?:vitamins?|medicine|dose|antibiotics?|"
               r"amoxicillin|meds|medication)\b",
        unless_override=r"\b(?:some|bunch|all|whole|bottle|handful|half|too|many|extra|"
                        r"mine|my|adult|several|entire|rest)\b"),
    _en("child_ingestion", ("took", "taken", "got", "grabbed"),
        rf"\b{_CHILD}\s+{_W}{{0,4}}?(?:took|taken|got|grabbed)\s+{_W}{{0,2}}?"
        r"(?:some|a bunch|a few|several|a handful|handful|half|all|the whole|an entire|"
        r"a whole|a bottle|the bottle|bottle|\d+|one of|two of|my|mommys|moms|mums|daddys|"
        r"dads|grand\w*|adult|someone\w*|(?:a|an|one|two) (?:pill|tablet|gummy|capsule))\b"
        rf"\s*{_W}{{0,5}}?{_SUBST}\b"),
    _en("child_ingestion", ("open", "empt", "chewed", "spilled", "missing", "gone", "mouth"),
        r"\b(?:open(?:ed)?|empty|emptied|chewed(?: up)?|spilled)\s+(?:\w+\s+){0,2}?"
        r"(?:pill |medicine |med |prescription |vitamin )?"
        r"(?:bottle|container|blister|pack|packet|box|pill organi[sz]er)"
        r"|\b(?:some|pills?|tablets?|a few|one|two|several|gummies|capsules?) (?:are|were|is|was) "
        r"(?:missing|gone)\b|\bmissing (?:pills?|tablets?|gummies)\b"
        r"|\bpills? (?:in|around|near) (?:his|her|their) mouth\b",
        requires=rf"\b{_CHILD}\b"),
    _en("child_ingestion", ("gave", "given", "fed", "administered"),
        r"\b(?:gave|given|fed|administered)\s+(?:\w+\s+){0,4}?"
        r"(?:too (?:much|many)|the adult|an adult|adult (?:dose|strength|tylenol|medicine|"
        r"medication|pills?|nyquil|version|formula)|the wrong (?:\w+ )?(?:medicine|"
        r"medication|dose|pills?|bottle)|(?:double|twice) (?:the|a|his|her|their) "
        r"(?:\w+ )?(?:dose|amount)|(?:a |an )?(?:double|extra) dose|"
        r"(?:\d+|two|three|four|five) times (?:the|his|her|their|what|a) (?:\w+ )?"
        r"(?:dose|amount)|(?:his|her|their|the) (?:\w+ )?(?:dose|medicine|medication) "
        r"(?:twice|two times)|my (?:\w+ )?(?:pills?|medicine|medication|meds))",
        requires=rf"\b{_CHILD}\b"),

    # ---------------- poisoning ----------------
    _en("poisoning", ("drank", "drunk", "drink", "swallow", "ate", "eaten", "ingest", "inhal", "breath", "sniff", "huff", "chug", "sip", "lick", "chew", "sucked", "got into", "gotten into", "took a"),
        r"\b(?:drank|drunk|drinking|swallowed|swallowing|ate|eaten|ingested|inhaled|inhaling|"
        r"breathed in|breathing in|sniffed|huffed|huffing|chugged|sipped|licked|"
        r"chewed(?: on)?|sucked on|got into|gotten into|"
        r"took a (?:sip|swig|gulp|mouthful|drink|bite) of)"
        rf"\s+{_W}{{0,5}}?{_CHEM}\b",
        unless=r"\b(?:fumes? from (?:cooking|the stove)|smoke from)\b"),
    _en("poisoning", ("eye", "mouth", "got", "splash", "spray", "squirt"),
        rf"\b{_CHEM}\s+(?:\w+\s+){{0,2}}?(?:in|into) (?:my|his|her|their|the|your) (?:eyes?|mouth)\b"
        rf"|\b(?:got|splashed|sprayed|squirted)\s+{_W}{{0,3}}?{_CHEM}\s+(?:in|into)\b"),
    _en("poisoning", ("carbon monoxide", "alarm", "detector", "leak", "smell"),
        r"\bcarbon monoxide\b(?:\W+\w+){0,4}?\W+(?:poison\w*|leak\w*|alarm|detector)\b"
        r"(?:\W+\w+){0,3}?"
        r"|\b(?:co|carbon monoxide|gas) (?:alarm|detector) (?:is |was |went |keeps |just )?"
        r"(?:going off|went off|beeping|sounding|goes off)"
        r"|\b(?:gas|propane) (?:leak|smell)\b(?:\W+\w+){0,6}?\W+(?:dizzy|headache|sick|"
        r"nause\w*|faint|passed|vomit\w*)",
        informational=True,
        unless=r"\b(?:detectors? (?:for sale|in stock)|sell|buy|battery|batteries|need a)\b"),
    _en("poisoning", ("poisoned", "poisoning"),
        r"\b(?:i|we|he|she|they|hes|shes|im|my \w+|someone|somebody)\s+(?:\w+\s+){0,2}?"
        r"(?:was|were|got|been|is|am|are|have been|has been|might be|may be|might have been|"
        r"may have been|think \w+ (?:was|got|is))\s+poisoned\b"
        r"|\bpoisoned (?:myself|himself|herself|themselves|me|him|her|us)\b"
        r"|\b(?:alcohol|mushroom|chemical|lead|iron|acetaminophen|tylenol|paracetamol|aspirin|"
        r"lithium|digoxin|bleach|nicotine|pesticide|opioid|cyanide|methanol) poisoning\b",
        informational=True),

    # ---------------- overdose ----------------
    _en("overdose", ("overdos",),
        r"\b(?:overdosed|overdosing)\b",
        unless=r"\b(?:if|in case|whether|when (?:someone|somebody|a person|you|people))\b"),
    _en("overdose", ("overdos",),
        r"\b(?:i|he|she|we|they|hes|shes|im|theyre|my \w+(?: \w+)?)\s+(?:just |think |may |might |"
        r"probably |accidentally |possibly |did |have |has )*(?:overdose|overdosed)\s+(?:on|with)\b",
        unless=r"\b(?:can|could|would|will|if|when|whether|how|possible|to overdose|dont want)\b"),
    _en("overdose", _K_TAKE,
        rf"\b{_PAST_TAKE}\s+{_FILL}{_NUM5}{_NOT_UNIT}"),
    _en("overdose", _K_CONSUME,
        rf"\b(?:{_PAST_CONSUME}|have had|has had)\s+{_FILL}{_NUM5}\s+(?:\w+\s+){{0,3}}?"
        rf"(?:{_MED}|of (?:my|his|her|their|the|them|those|these))\b"),
    _en("overdose", (*_K_TAKE, "gave", "given", "fed"),
        rf"\b(?:{_PAST_TAKE}|gave|given|fed|took in|have taken|has taken)\s+{_W}{{0,4}}?{_BIG}"),
    _en("overdose", _K_CONSUME,
        rf"\b{_PAST_CONSUME}\s+{_W}{{0,3}}?{_BIG}\s*{_W}{{0,3}}?{_MED}\b"
        rf"|\b{_PAST_CONSUME}\s+{_W}{{0,2}}?{_MED}\s+{_W}{{0,3}}?{_BIG}"),
    _en("overdose", ("did ",),
        r"\bdid (?:i|he|she|we|they|my \w+) (?:take|eat|swallow|drink|give \w+|use) "
        r"(?:\w+ ){0,3}?too (?:much|many)\b"),
    _en("overdose", ("overdid",),
        r"\boverdid it\b", requires=_MED),
    _en("overdose", ("eyes open", "awake", "nodding", "conscious", "pinpoint", "drowsy", "sleepy", "groggy", "out of it"),
        r"\b(?:cant|can barely|can hardly|barely|hardly|unable to|struggling to|trouble|hard to)"
        r"\s+(?:keep(?:ing)?\s+(?:my|his|her|their)\s+eyes\s+open|stay(?:ing)?\s+awake)"
        r"|\b(?:wont|cant|doesnt|keeps?|keep on|keeps on|is|hes|shes|started|been) (?:stop )?"
        r"nodding off|\bnodding off\b|\b(?:barely|hardly) (?:awake|conscious)\b|\bpinpoint pupils\b"
        r"|\b(?:very|really|super|extremely|so) (?:drowsy|sleepy|groggy|out of it) and "
        r"(?:confused|slurr\w*|cant\w*|vomit\w*|throwing up)\b",
        requires=rf"{_MED}|\b(?:alcohol|wine|beer|vodka|whiskey|liquor|drinks?|drinking|drunk|"
                 r"took|taken|high)\b"),

    # ---------------- anaphylaxis ----------------
    _en("anaphylaxis", ("lip", "tongue", "mouth", "uvula"),
        r"\b(?:lips?|tongue|mouth|uvula)\b(?:\W+\w+){0,4}?\W+(?:swell\w*|swoll\w*|swelled|"
        r"puff\w*|blow\w* up|blew up|balloon\w*|closing|closed up|tighten\w*|huge|numb and)\b"
        r"|\b(?:swollen|swelling|puffy|puffed up|swelled)\s+(?:up\s+)?(?:\w+\s+){0,2}?"
        r"(?:lips?|tongue|mouth)\b",
        unless=r"\b(?:cold sore|fever blister|filler|fillers|bit my|bitten|busted|split|punched|"
               r"fat lip|chapped|dentist|dental|braces)\b"),
    _en("anaphylaxis", ("throat",),
        r"\bthroat\b(?:\W+\w+){0,4}?\W+(?:swell\w*|swoll\w*|swelled|clos\w*|tight\w*|"
        r"constrict\w*|narrow\w*|shut\w*)\b"
        r"|\b(?:swollen|swelling|closing|tight|tightening)\s+(?:\w+\s+){0,2}?throat\b",
        unless=_SORE_THROAT, unless_override=_ALLERGY_CTX),
    _en("anaphylaxis", ("face", "eye", "cheek", "head"),
        r"\b(?:face|eyes?|eyelids?|cheeks?|whole head|head)\b(?:\W+\w+){0,3}?\W+(?:swell\w*|"
        r"swoll\w*|swelled|puff\w*|blow\w* up|blew up|balloon\w*)\b",
        requires=r"\b(?:hives|welts|rash|allerg\w*|reaction|lips?|tongue|throat|breath\w*|"
                 r"wheez\w*|after (?:taking|eating|starting|using|i took|he took|she took|the "
                 r"(?:shot|injection|vaccine))|itch\w* all over|all over|anaphyla\w*|epipen|"
                 r"penicillin|amoxicillin|antibiotics?|sulfa|bactrim|(?:new|the) (?:pill|medicine|"
                 r"medication|drug))\b"),
    _en("anaphylaxis", ("ana",),
        r"\bana(?:ph|f)(?:y|i|a)la(?:c|x|k)\w*", informational=True),
    _en("anaphylaxis", ("epipen", "epinephrine", "adrenaline", "injector"),
        r"\b(?:used|using|gave|given|injected|stabbed|jabbed|administered|had to use|"
        r"needed to use|just used|had to give|had to inject)\s+(?:\w+\s+){0,3}?(?:epipens?|"
        r"epinephrine|adrenaline (?:pen|shot|injector)|auto ?injector)\b"),
    _en("anaphylaxis", ("allergic reaction", "allergy attack"),
        r"\b(?:having|going into|in the middle of|getting)\s+(?:a |an )?(?:severe |bad |serious |"
        r"major |really bad |terrible |massive |strong )?(?:allergic reaction|allergy attack)\b"
        r"|\bsevere allergic reaction\b",
        informational=True),
    _en("anaphylaxis", ("hives", "welts"),
        r"\b(?:hives|welts)\b",
        requires=r"\b(?:mouth|tongue|lips?|throat)\b(?:\W+\w+){0,3}?\W+(?:tingl\w*|itch\w*|numb\w*|"
                 r"swell\w*|swoll\w*|tight\w*|burn\w*)|\b(?:cant breathe|breathing|wheez\w*|dizzy|"
                 r"faint\w*|lightheaded|passing out|short of breath)\b"),
    _en("anaphylaxis", ("swallow",),
        r"\b(?:hard|trouble|difficult|difficulty|cant|cannot|struggling) (?:to )?swallow\w*",
        requires=r"\b(?:allerg\w*|reaction|hives|swell\w*|swoll\w*|rash|lips|tongue|"
                 r"(?:after|since) (?:taking|starting|i took|he took|she took))\b"),

    # ---------------- breathing ----------------
    _en("breathing", ("breath",),
        r"\b(?:cant|cannot|can not|couldnt|unable to|can barely|can hardly|barely|hardly|"
        r"struggling to|struggles to|struggle to|fighting to|fighting for|hard to|harder to|"
        r"difficult to|difficulty|trouble|problems?|hard time|issues?|gasping to)\s+"
        r"(?:\w+\s+){0,2}?breath(?:e|ing|in)?\b",
        informational=True, unless=_NOSE + r"|\bhold (?:my|his|her) breath\b"),
    _en("breathing", ("breathing",),
        r"\bbreathing (?:is |seems |sounds |got |has been |looks )?(?:really |very |so |super |"
        r"kind of |weird |)(?:fast|hard|heavy|weird|strange|shallow|funny|labou?red|rapid|"
        r"noisy|raspy|slow|difficult|irregular|wrong|off|bad|difficult)\b",
        informational=True, unless=_NOSE + "|" + _EXERTION),
    _en("breathing", ("breathing",),
        r"\b(?:not|isnt|is not|wasnt|stopped|stops|no longer|quit|hasnt been|aint) breathing\b"
        r"|\bbreathing (?:stopped|has stopped)\b",
        informational=True, unless=_NOSE),
    _en("breathing", ("breath", "winded", "sob"),
        r"\b(?:short(?:ness)? of breath|out of breath|breathless|winded|sob)\b",
        informational=True, unless=_EXERTION),
    _en("breathing", ("gasping", "suffocat", "chok", "air", "catch"),
        r"\b(?:gasping|suffocating|choking|choked|chokes)\b"
        r"|\b(?:cant|cannot|couldnt|not|cant seem to) (?:get|getting) (?:enough |any )?air\b"
        r"|\bair hunger\b|\b(?:cant|cannot|couldnt) catch (?:my|his|her|their) breath\b",
        informational=True,
        unless=r"\b(?:always|often|usually|sometimes|tend to|afraid of|fear of|easier to swallow|"
               r"too (?:big|large)|so big|huge pills?|liquid|swallowing pills)\b"),
    _en("breathing", ("blue", "purple", "grey", "gray", "ashen"),
        r"\b(?:lips?|face|mouth|skin|fingers?|fingernails|nails)\b(?:\W+\w+){0,3}?\W+"
        r"(?:blue|bluish|purple|grey|gray|ashen)\b",
        informational=True,
        unless=r"\b(?:dye|lipstick|popsicle|ice pop|cold water|swim\w*|raynaud\w*|cold weather|"
               r"in the cold|marker|paint|bruise\w*|vein\w*)\b"),
    _en("breathing", ("wheez",),
        r"\bwheez\w*\b",
        requires=r"\b(?:bad|badly|severe|can barely|cant|hard|not helping|isnt helping|"
                 r"not working|isnt working|struggl\w*|talk|whole body|blue|scared|worse|"
                 r"really)\b"),
    _en("breathing", ("asthma", "inhaler"),
        r"\b(?:having|in the middle of|is having|bad|severe|serious)\s+(?:an |a )?(?:bad |severe |"
        r"serious )?asthma attack\b|\binhaler (?:isnt|is not|not|doesnt|does not|wont|aint) "
        r"(?:helping|working)\b",
        informational=True),

    # ---------------- chest pain ----------------
    _en("chest_pain", ("chest",),
        r"\bchest\b(?:\W+\w+){0,3}?\W+(?:pains?|hurt\w*|ach\w*|tight\w*|heav\w*|squeez\w*|"
        r"crush\w*|pressure|pounding and|stabbing|sharp)\b",
        informational=True,
        unless=r"\b(?:congest\w*|cold|rub|vicks|acne|rash|hair|muscle from (?:the )?gym)\b",
        unless_override=r"\b(?:pains?|hurts?|hurting|tight\w*|pressure|crush\w*|squeez\w*)\b"),
    _en("chest_pain", ("chest",),
        r"\b(?:pain|pressure|tightness|heaviness|squeezing|crushing|ache|weight|elephant|"
        r"stabbing)\b(?:\W+\w+){0,3}?\W+(?:in|on|across|around|inside) (?:my|his|her|the|their) chest\b",
        informational=True),
    _en("chest_pain", ("heart attack", "cardiac arrest", "myocardial"),
        r"\b(?:having|have|got|think (?:i|he|she|im|hes|shes) (?:had|have|having)|just had|"
        r"is having|might be having|may be having|going to have|about to have|feel like)\s+"
        r"(?:a |an |another |im having a |i am having a |hes having a |shes having a )?"
        r"(?:heart attack|cardiac arrest|myocardial infarction)\b",
        informational=True),
    _en("chest_pain", ("arm", "jaw"),
        r"\b(?:radiat\w*|spread\w*|going|goes|shooting|shoots|travel\w*|moving)\s+(?:\w+\s+){0,2}?"
        r"(?:down|into|to|up)\s+(?:my|his|her|the)\s+(?:left\s+)?(?:arm|jaw)\b",
        informational=True),

    # ---------------- stroke ----------------
    _en("stroke", ("droop", "crooked", "lopsided", "uneven", "sagging", "fallen", "slumped", "facial"),
        r"\b(?:face|mouth|smile|eyelid|lip|one side|side of (?:my|his|her|the) face)\b"
        r"(?:\W+\w+){0,4}?\W+(?:droop\w*|crooked|lopsided|uneven|sagging|fallen|slumped)\b"
        r"|\b(?:droop\w*|crooked|lopsided|sagging)\s+(?:\w+\s+){0,2}?(?:face|smile|mouth)\b"
        r"|\bfacial (?:droop\w*|paralysis)\b",
        informational=True),
    _en("stroke", ("slurr", "garbled", "jumbled", "gibberish", "talk", "speak", "words"),
        r"\b(?:speech|speaking|talking|words|voice)\b(?:\W+\w+){0,3}?\W+(?:slurr\w*|garbled|"
        r"jumbled|gibberish)\b|\bslurr(?:ing|ed) (?:his |her |my |their )?(?:words|speech)\b"
        r"|\bslurred speech\b"
        r"|\b(?:cant|cannot|couldnt|unable to|not able to) (?:talk|speak) (?:properly|right|"
        r"clearly|normally|straight)\b"
        r"|\b(?:cant|cannot|couldnt) (?:find|get) (?:my|his|her|their|the) words(?: out)?\b",
        informational=True),
    _en("stroke", ("sudden", "numb", "weak", "paraly", "cant move", "cant feel", "cant lift", "dead"),
        r"\b(?:sudden|suddenly|all of a sudden)\b(?:\W+\w+){0,4}?\W+(?:numb\w*|weak\w*|"
        r"paraly\w*|cant move|cant feel|cant lift|blind\w*|cant see|vision|confus\w*|"
        r"cant talk|cant speak|cant walk|cant understand)\b"
        r"|\b(?:numb\w*|weak\w*|paraly\w*|cant move|cant feel|cant lift|dead)\b(?:\W+\w+){0,4}?"
        r"\W+(?:one side|left side|right side|half of (?:my|his|her|the) (?:body|face))\b"
        r"|\b(?:cant|cannot|couldnt|unable to) (?:move|feel|lift|use) (?:my|his|her|their) "
        r"(?:right|left) (?:arm|leg|hand|side)\b(?:\W+\w+){0,3}?\W+(?:sudden\w*|all of a sudden)\b"
        r"|\b(?:numb\w*|weak\w*|paraly\w*)\b(?:\W+\w+){0,3}?\W+(?:arm|leg)\b.{0,40}"
        r"\b(?:face|speech|slurr\w*|talk\w*|smile)\b",
        informational=True),
    _en("stroke", ("see", "vision", "sight", "blind"),
        r"\b(?:cant|cannot|couldnt|unable to) see (?:out of|from|with) (?:one|my left|my right|"
        r"his left|his right|her left|her right|one of (?:my|his|her)) eyes?\b"
        r"|\b(?:lost|losing|loss of) (?:the |all |my |his |her )?(?:vision|sight) "
        r"(?:in|on|out of) (?:one|my|his|her|the)\b"
        r"|\b(?:sudden|suddenly) (?:went )?(?:blind|double vision|vision loss)\b",
        informational=True),
    _en("stroke", ("headache",),
        r"\b(?:worst|biggest|most painful|most severe) headache (?:of|in) (?:my|his|her|their) "
        r"(?:life|entire life|whole life)\b|\bthunderclap headache\b"
        r"|\b(?:sudden|suddenly)\b(?:\W+\w+){0,2}?\W+(?:severe|excruciating|terrible|extreme|"
        r"explosive|blinding|worst)\s+headache\b",
        informational=True),
    _en("stroke", ("stroke", "tia", "brain bleed"),
        r"\b(?:having|had|have|is having|might be having|may be having|think (?:i|he|she|"
        r"im|hes|shes|its|it is) (?:had|having|a)|just had|having another|signs of)\s+"
        r"(?:a |an |another |mini |)(?:mini )?(?:stroke|tia|brain bleed)\b"
        r"(?! (?:last|in \d|in (?:19|20)|a few|years?|months?|before|ago|once|back|when))",
        informational=True,
        unless=r"\b(?:last (?:year|month|week)|years? ago|months? ago|in (?:19|20)\d\d|"
               r"history|before|used to|in the past|ever had|previous|prior)\b",
        unless_override=r"\b(?:now|right now|today|tonight|this morning|just|suddenly)\b"),

    # ---------------- seizure ----------------
    _en("seizure", ("seizure", "convulsion", "fit", "grand mal", "epileptic"),
        r"\b(?:having|going into|in the middle of|is in|started|starting|had|having another)\s+"
        r"(?:a |an |another |his |her |their |my |a bad |a big )?(?:first )?"
        r"(?:seizure|convulsion|fit|grand mal|epileptic (?:fit|attack)|febrile seizure)s?\b",
        informational=True,
        unless=r"\b(?:about|over|because|angry|mad|tantrum|when i told|years? ago|months? ago|"
               r"last (?:year|month|week)|as a (?:kid|child|baby)|in (?:19|20)\d\d|history|"
               r"used to|in the past|ever had|previous|prior|when (?:he|she|i) was)\b",
        unless_override=r"\b(?:now|right now|today|tonight|this morning|just|again|after|"
                        r"minutes? ago|an hour ago|not responding)\b"),
    _en("seizure", ("seizing", "convuls"),
        r"\b(?:seizing|convulsing|convulsions?)\b",
        informational=True),
    _en("seizure", ("eyes", "foaming", "shaking", "jerking", "twitching", "convuls", "stiff"),
        r"\beyes (?:are |were |keep |)(?:rolled|rolling|roll|went|go) (?:back|up)\b"
        r"|\bfoaming at the mouth\b|\bshaking uncontrollably\b"
        r"|\bjerking (?:uncontrollably|all over|movements|and)\b"
        r"|\b(?:whole body|body|arms? and legs?) (?:is |are |keeps? |started |went )?"
        r"(?:jerking|twitching|convuls\w*|stiff\w* and)\b",
        informational=True),
    _en("seizure", ("shaking",),
        r"\bshaking all over\b|\bshaking and (?:not responding|unresponsive|stiff)\b",
        requires=r"\b(?:eyes|respond\w*|floor|foam\w*|jerk\w*|stiff\w*|blue|convuls\w*|"
                 r"unconscious|seiz\w*|rolled|passed out)\b"),

    # ---------------- unconscious ----------------
    _en("unconscious", ("pass", "blacked", "blacking", "faint", "collaps", "keeled", "conscious", "unresponsive", "unrousable", "unarousable", "knocked out", "out cold"),
        r"\b(?:passed out|passing out|pass out|passes out|blacked out|blacking out|fainted|"
        r"fainting|faints|collapsed|collapsing|keeled over|lost consciousness|"
        r"losing consciousness|unconscious|unresponsive|unrousable|unarousable|"
        r"not conscious|knocked out|out cold)\b",
        informational=True,
        unless=r"\b(?:lung|vein|flyers?|leaflets?|candy|price|bill|laughing)\b"),
    _en("unconscious", ("wake", "waking", "rouse", "respond", "woken"),
        r"\b(?:cant|cannot|can not|couldnt|unable to|wont be able to|trying to|tried to|"
        r"not able to)\s+(?:wake|rouse)\s+(?!up\b)(?:\w+\s+){1,3}?up\b"
        r"|\b(?:cant|cannot|couldnt|unable to|not able to) (?:wake|rouse) (?:him|her|them)\b"
        r"|\b(?!i\b)(?!im\b)(?!you\b)\w+\s+(?:wont|will not|isnt|is not|doesnt|does not|not|"
        r"aint|cant|cannot|couldnt|stopped)\s+(?:wake|waking|wake up|respond\w*|be woken|"
        r"be roused)\b",
        unless=r"\b(?:app|website|site|page|phone|computer|screen|chat|bot|system|server|link|"
               r"emails?|messages?|calls?|texts?|doctor|office|pharmacy|store|insurance|"
               r"treatment|therapy|antibiotics?|infection|alarm|morning|early|on time|for work|"
               r"for school|insomnia|melatonin)\b"),
    _en("unconscious", ("limp", "floppy"),
        r"\b(?:is|are|so|really|very|went|gone|going|seems|looks|feels|completely|totally|all)"
        r"\s+(?:\w+\s+)?(?:limp|floppy)\b|\blimp and\b|\bgone limp\b",
        unless=r"\b(?:walk\w* with a limp|hair|lettuce|noodles?)\b"),
    _en("unconscious", ("pass out", "faint", "black out", "collapse"),
        r"\b(?:going to|gonna|about to|feel like (?:i|im|i am) (?:going to|gonna|about to)) "
        r"(?:pass out|faint|black out|collapse)\b"),

    # ---------------- severe bleeding ----------------
    _en("severe_bleeding", ("blood", "coffee ground"),
        r"\b(?:throw(?:ing)?|threw|puk\w*|vomit\w*|spit(?:ting)?|cough\w*|spat|hack\w*)\s+"
        r"(?:up\s+)?(?:\w+\s+){0,2}?blood\b"
        r"|\bblood (?:in|on) (?:my |his |her |the |their )?(?:vomit|puke|spit|sputum|phlegm|mucus)\b"
        r"|\bbloody (?:vomit|puke|sputum|phlegm)\b|\bcoffee grounds?\b",
        informational=True,
        unless=r"\b(?:brush\w*|gums?|floss\w*)\b"),
    _en("severe_bleeding", ("bleed", "bled", "blood"),
        r"\bbleed\w*\b(?:\W+\w+){0,6}?\W+(?:wont|will not|doesnt|does not|isnt|is not|not|cant|"
        r"cannot|wouldnt|hasnt|has not|didnt|never)\s+(?:\w+\s+)?(?:stop\w*|slow\w*|quit)\b"
        r"|\b(?:cant|cannot|can not|couldnt|unable to|wont|will not)\s+(?:get\s+(?:\w+\s+)?to\s+)?"
        r"stop\s+(?:the\s+|his\s+|her\s+|my\s+|this\s+)?bleed\w*"
        r"|\b(?:bleeding|bleed|bled)\s+(?:\w+\s+){0,2}?(?:heavily|profusely|a lot|badly|so much|"
        r"everywhere|nonstop|non stop|constantly|like crazy|through)\b"
        r"|\b(?:heavy|severe|profuse|uncontrolled|uncontrollable|massive|lots of|a lot of|"
        r"so much) (?:bleeding|blood)\b|\bblood (?:is )?(?:everywhere|gushing|spurting|pouring|"
        r"pumping)\b|\b(?:gushing|spurting|pouring|squirting) (?:out )?blood\b",
        unless=r"\b(?:period|periods|menstrua\w*|spotting|plan b|gums?|brush\w*)\b",
        unless_override=r"\b(?:faint\w*|dizzy|soak\w*|every hour|clots?|pass\w* out)\b"),
    _en("severe_bleeding", ("bleed",),
        r"\bbleed\w*\s+(?:\w+\s+){0,3}?for\s+(?:over\s+|more than\s+|almost\s+|nearly\s+|"
        r"about\s+|like\s+)?(?:an? hour|\d+\s*(?:hours?|hrs?)|(?:[2-9]\d|twenty|thirty|forty|"
        r"forty five|45) (?:minutes?|mins?)|hours|half an hour)\b"),
    _en("severe_bleeding", ("tarry", "stool", "poop", "poo", "feces", "bowel"),
        r"\btarry\b|\b(?:black|dark|maroon)\s+(?:\w+\s+){0,2}?(?:stools?|poop|poops|poo|feces|"
        r"bowel movements?)\b|\b(?:stools?|poop|poo|feces|bowel movements?)\s+(?:is|are|was|"
        r"were|looks?|turned|has been)\s+(?:\w+\s+)?(?:black|tarry|dark)\b",
        requires=r"\b(?:tarry|dizzy|faint\w*|lightheaded|light headed|weak|vomit\w*|pale|sticky|"
                 r"pass\w* out|throwing up|warfarin|blood thinners?|eliquis|xarelto)\b"),

    # ---------------- severe skin reaction ----------------
    _en("severe_skin_reaction", ("blister",),
        r"\bblister\w*\b",
        informational=True,
        requires=r"\b(?:peel\w*|all over|sores|spreading|skin (?:is )?(?:coming|falling) off|"
                 r"fever|after (?:taking|starting|i started|i took|he took|she took|using)|"
                 r"since (?:i )?start\w*|new (?:medication|medicine|antibiotic|pill|prescription|"
                 r"meds?)|medication|antibiotics?|lamotrigine|lamictal|bactrim|allopurinol|"
                 r"sulfa|carbamazepine|tegretol|phenytoin|dilantin|nevirapine|modafinil|"
                 r"eyes|mouth)\b",
        unless=r"\b(?:heel|shoes?|feet|foot|toes?|sunburn\w*|burn(?:ed|t)? (?:my|his|her)|"
               r"cold sore|fever blister|friction|hiking|rowing|guitar|chickenpox|chicken pox|"
               r"shingles|herpes)\b"),
    _en("severe_skin_reaction", ("skin", "peeling off"),
        r"\bskin\b(?:\W+\w+){0,3}?\W+(?:peel\w*|coming off|falling off|slough\w*|shedding)"
        r"(?:\W+\w+){0,2}?\W+(?:off|in sheets|away|everywhere|all over)\b"
        r"|\bpeeling off in sheets\b|\bskin (?:is )?(?:coming|falling|sliding) off\b",
        informational=True,
        unless=r"\b(?:sunburn\w*|athletes? foot|between (?:my|his|her) toes|feet|heels?|"
               r"lips|chapped|eczema|dry skin|retinol|peel(?:ing)? (?:mask|pads?))\b"),
    _en("severe_skin_reaction", ("peeling", "rash"),
        r"\bskin (?:is |keeps |started |has been )?peeling\b|\brash\b",
        informational=True,
        requires=r"\b(?:blister\w*|mouth (?:is )?(?:full of|covered in) sores|sores (?:all over|in) "
                 r"(?:my|his|her|their) (?:mouth|lips)|(?:spreading|spreads) (?:fast|quickly|"
                 r"rapidly|all over)|purple|eyes (?:are |is )?(?:burning|red|swollen)|burning eyes|"
                 r"peeling (?:off|skin)|skin (?:is )?peeling)\b",
        unless=r"\b(?:sunburn\w*|athletes? foot|between (?:my|his|her) toes|diaper)\b"),
    _en("severe_skin_reaction", ("stevens", "steven", "epidermal", "dress syndrome"),
        r"\b(?:stevens johnson|steven johnson|toxic epidermal|dress syndrome)\b",
        informational=True),

    # ---------------- infant fever ----------------
    _en("infant_fever", ("newborn", "new born", "neonate", "old", "months"), _INFANT_EN, requires=_FEVER_EN),
]


# --------------------------------------------------------------------------------------
# Korean rules (on the whitespace-free text)
# --------------------------------------------------------------------------------------

_H = r"[가-힣]"
_EAT_PAST_KO = (
    r"(?:먹었|먹엇|먹음|삼켰|삼킴|마셨|마심|복용했|복용함|털어넣었|털어먹었|먹어버렸|삼켜버렸|"
    r"마셔버렸|먹은것같|먹은거같|먹은듯|삼킨것같|삼킨거같|삼킨듯|마신것같|마신거같|마신듯|"
    r"주워먹|집어먹|먹어치웠|먹고말았)(?!을때|을경우|으면|다면|는지)"
)
_CHILD_KO = _vocab(
    r"(?:아이(?!스|고|폰|패드|디|템|크|라이|브|돌)|아기|애기|아가(?!씨)|애(?=가|기|들|한테|는|도|랑)|"
    r"우리애|아들|딸(?!기)|조카|손자|손녀|손주|유아|꼬마|막내|큰애|작은애|첫째|둘째|셋째|"
    r"\d{1,2}살|(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)살|\d{1,2}개월|돌쟁이|신생아)"
)
_MED_KO = _vocab(
    r"(?:약|알약|정제|캡슐|영양제|비타민|철분제|멜라토닌|시럽|해열제|진통제|수면제|수면유도제|"
    r"감기약|혈압약|당뇨약|신경안정제|안정제|항우울제|우울증약|정신과약|피임약|변비약|"
    r"타이레놀|애드빌|부루펜|이부프로펜|아세트아미노펜|게보린|펜잘|판피린|판콜|챔프|"
    r"텐텐|어린이약|tylenol|advil|pills?)"
)
_CHEM_KO = _vocab(
    r"(?:락스|세제|세탁세제|주방세제|캡슐세제|식기세척기세제|퐁퐁|표백제|농약|살충제|제초제|"
    r"쥐약|살서제|부동액|워셔액|소독제|손소독제|세정제|소독용알코올|소독용에탄올|메탄올|"
    r"에탄올|석유|등유|휘발유|경유|신나|시너|아세톤|리무버|방향제|탈취제|곰팡이제거제|"
    r"뚫어펑|배수구세정제|염산|양잿물|니코틴|전자담배액상|액상|담배꽁초|담배|향수|"
    r"아로마오일|에센셜오일|본드|접착제|건전지|배터리|수은|독버섯|야생버섯|버섯|살균제|"
    r"가스|연탄|모기약|바퀴벌레약|구충제|화학약품|약품|유리세정제|섬유유연제|클렌저)"
)
_INFANT_KO = (
    r"(?:신생아|생후(?:\d{1,2}일|(?:[1-9]|1[0-2])주|[0-2]개월|[0-2]달|한달|두달|한개월|두개월|"
    r"백일(?:전|안|미만|도안))|태어난지(?:\d{1,2}일|(?:[1-9]|1[0-2])주|한달|두달|[12]달|"
    r"[12]개월|얼마안|일주일|보름)|(?<!\d)(?:[12]|한|두)(?:개월|달)(?:된|짜리|아기|아가|애기|밖에)|"
    r"(?<!\d)(?:\d{1,2})(?:일|주)(?:된|짜리)(?:아기|아가|애기)?|백일(?:도)?안된|백일전)"
)
_FEVER_KO = r"(?:열(?!심|쇠|매|정|어|려|람|기구)|발열|고열|미열|3[89](?:\.\d)?도|4[01]도|체온|뜨거|뜨끈|펄펄)"
_NOSE_KO = r"(?:코(?!로나|피|스|끼리|알라|팅)|비염|콧|축농증|비강)"

_K_EAT_KO = ("먹었", "먹엇", "먹음", "삼켰", "삼킴", "마셨", "마심", "복용했", "복용함", "털어", "먹어버",
             "삼켜버", "마셔버", "먹은", "삼킨", "마신", "주워먹", "집어먹", "먹어치", "먹고말")

_RULES_KO: list[_Rule] = [
    # ---------------- suicidal (always) ----------------
    _ko("suicidal", ("죽", "자살", "자해", "살기", "살고", "살이유", "살아야", "살의미", "살아갈", "사는게", "사라지", "없어지", "목숨", "삶", "인생", "끝내", "극단", "손목", "뛰어내", "투신", "목매", "목을매", "영원히", "깨어나", "깨어났", "뜨고싶", "모아", "모으", "모았", "치사량"),
        r"죽고싶|죽고시퍼|죽고파|죽을래|죽어버리고싶|죽어버릴|죽으려고|죽으려구|죽을거야|죽을까|"
        r"죽는게나|죽는방법|죽고만싶|자살|자해|살기싫|살기가싫|살고싶지않|살고싶지가않|"
        r"살고싶은마음이없|살이유가없|살아야할이유|살의미가없|살아갈이유|사는게의미없|"
        r"사라지고싶|없어지고싶|없어지면(?:[가-힣]{0,6}?)(?:편할|나을|좋을|행복)|"
        r"목숨을?끊|삶을?(?:끝|포기)|인생을?(?:끝|포기)|"
        r"(?:다|모든걸|모든것을|모든것|그냥다|전부|이제다)끝내고싶|끝내버리고싶|"
        r"극단적(?:인)?선택|손목을?그|뛰어내리고싶|뛰어내릴|투신|목을?매(?:고싶|달|려)|"
        r"영원히잠들|다시는깨어나지|깨어나지않았으면|안깨어났으면|눈을?뜨고싶지않|"
        r"(?:약|수면제|진통제|알약)(?:을|를)?(?:모아서|모아|모으고|모으는|모았)(?:[가-힣]{0,8}?)"
        r"(?:한번에|한꺼번에|다|전부)(?:먹|삼키)|치사량"),

    # ---------------- child ingestion ----------------
    _ko("child_ingestion", ("삼켰", "삼킴", "삼킨", "삼켜"),
        rf"{_CHILD_KO}.{{0,25}}?(?:삼켰|삼킴|삼킨것같|삼킨거같|삼킨듯|삼켜버렸|삼켰나)"
        r"(?!을때|을경우|으면|다면|는지)"),
    _ko("child_ingestion", _K_EAT_KO,
        rf"{_CHILD_KO}.{{0,25}}?(?:(?<=[이가은는도])제(?={_H}{{0,4}}(?:약|제|알|정|비타민|영양))|"
        r"내|엄마|아빠|할머니|할아버지|어른|남편|아내|와이프|언니|오빠|형|누나|부모님|성인|"
        r"어른용|남의|주워|몰래|실수로|병째|통째|한병|한통|한봉|한움큼|한웅큼|한주먹|몽땅|"
        r"전부|잔뜩|여러알|여러개|많이|왕창|\d+알|\d+개(?!월)|열어서|꺼내)"
        rf".{{0,15}}?(?:{_EAT_PAST_KO}|먹었|마셨)"),
    _ko("child_ingestion", ("먹었", "삼켰", "마셨", "먹은"),
        rf"{_CHILD_KO}.{{0,6}}?(?<=[가이는도테])(?:약|알약|약병)(?:을|를|도)?.{{0,8}}?"
        r"(?:먹었|삼켰|마셨|먹은것같|먹은거같|먹은듯)(?!을때|으면|는지)"),
    _ko("child_ingestion", ("먹였", "먹여버", "먹인"),
        r"(?:먹였|먹여버렸|먹인것같|먹인거같)(?!을때|으면|는지)",
        requires=r"실수로|어른|성인|두번|두배|많이|너무|과다|잘못|엉뚱한|다른약|두봉|두포|용량을?초과"),

    # ---------------- poisoning ----------------
    _ko("poisoning", (*_K_EAT_KO, "들이마", "흡입", "눈에들어", "입에넣", "핥았", "빨았"),
        rf"{_CHEM_KO}(?:을|를|이|가|도|물)?.{{0,8}}?(?:{_EAT_PAST_KO}|들이마셨|흡입했|흡입한것같|"
        r"눈에들어|입에넣었|핥았|빨았|마셨)",
        unless=r"가스활명수|가스(?:가)?차|가스제거|가스때문|방귀|소화"),
    _ko("poisoning", ("연탄", "일산화탄소", "가스", "중독"),
        r"연탄가스|일산화탄소(?:[가-힣]{0,4}?)(?:중독|마신|마셨|경보|새|누출|감지기가울)|"
        r"가스(?:중독|누출|가새|냄새가나고(?:[가-힣]{0,6})어지)|"
        r"(?:약물|농약|가스|니코틴|버섯|납|수은|급성알코올|알코올|메탄올|일산화탄소)중독(?:된|인|같|"
        r"이에요|됐|이|증세|이온|이왔)",
        informational=True,
        unless=r"경보기|감지기(?:사|팔|있|어디)",
        unless_override=r"울려|울리|어지|두통|쓰러"),

    # ---------------- overdose ----------------
    _ko("overdose", ("과다", "오버도즈", "과량"),
        r"과다복용(?:을|를)?(?:했|한것같|한거같|한듯|하셨|하신것같|해버렸|해서|함|된것같|됐|했어|햇|"
        r"했나|한상태|했는데)|오버도즈(?:했|한|함|해버)|약물과다|과량복용(?:했|한)"),
    _ko("overdose", _K_EAT_KO,
        r"(?:(?<![\d.])(?:[5-9]|[1-9]\d{1,3})(?![\d])|다섯|여섯|일곱|여덟|아홉|열|열한|열두|열세|"
        r"열네|열다섯|열여섯|열일곱|열여덟|열아홉|스무|스물|서른|마흔|쉰|수십|몇십|여러)"
        r"(?:알|정|개(?!월)|캡슐|봉지|봉|포|장|통|병)(?:을|를|이나|씩|정도|가량|쯤|넘게|이상|"
        r"넘는|나|도|까지|다|이|가|은|는|이넘게|넘|좀|한번에|한꺼번에|한방에|동시에|몽땅|전부|"
        r"다|모두|이미|벌써|막|그냥)*"
        rf"(?:{_EAT_PAST_KO})"),
    _ko("overdose", _K_EAT_KO,
        r"(?:한|두|세|반)(?:통|병|봉지|박스|갑|상자|팩|판|통을|병을)(?:을|를|이나|정도|넘게|"
        r"가까이)?(?:다|전부|몽땅|통째로|통째|그냥)?(?:[가-힣]{0,3}?)" + rf"(?:{_EAT_PAST_KO})"
        r"|(?:병째|통째)(?:로)?(?:[가-힣]{0,3}?)" + rf"(?:{_EAT_PAST_KO})"
        r"|(?:한주먹|한움큼|한웅큼|두주먹|한줌)(?:을|를|정도|이나)?(?:[가-힣]{0,3}?)"
        + rf"(?:{_EAT_PAST_KO})",
        unless=r"밥|과자|사탕|젤리(?!.*약)|초콜릿|땅콩|견과"),
    _ko("overdose", _K_EAT_KO,
        r"(?:너무|엄청|왕창|잔뜩|과하게|많이|몽땅|대량|대량으로|과량|한가득|엄청많이)"
        r"(?:으로)?(?:많이)?(?:을|를)?(?:[가-힣]{0,2}?)"
        rf"(?:{_EAT_PAST_KO})",
        unless=r"밥|음식|과식|고기|치킨|라면|피자|과자|빵|떡|아이스크림|커피|술|소주|맥주|체했|"
               r"소화|배불|배가|매운|야식|간식|회|케이크|초콜릿|사탕|과일|물을|우유|음료|탄산|"
               r"짜게|단거|먹방",
        unless_override=_MED_KO),
    _ko("overdose", ("배",),
        r"(?:두배|세배|네배|열배|(?<!\d)(?:[3-9]|\d{2,4})배)(?:로|나|를|이상)?(?:[가-힣]{0,4}?)"
        rf"(?:{_EAT_PAST_KO})"),

    # ---------------- anaphylaxis ----------------
    _ko("anaphylaxis", ("입술", "혀", "혓바닥", "목구멍", "입안", "입천장"),
        r"(?:입술|혀|혓바닥|목구멍|입안|입천장)(?:이|가|도|랑|과|하고|까지)?(?:[가-힣]{0,6}?)"
        r"(?:부었|부어|붓|퉁퉁|부풀|부은|부음|부르텄(?!어요입))",
        unless=r"(?<!제)입술(?:이)?(?:터서|텄|트|갈라)|물집|헤르페스|립밤"),
    _ko("anaphylaxis", ("목",),
        r"(?<![발손])목(?!요일|감기|소리|걸이|표|적|록|욕|도리|디스크)(?:이|안이|구멍이|안쪽이)?"
        r"(?:[가-힣]{0,3}?)(?:부었|부어|붓|부은|부음)",
        unless=r"아파|아프|아픈|따가|칼칼|감기|편도|침삼킬|침을삼킬|삼킬때|인후|기침|가래|콧물|"
               r"목소리|쉬었|잠겼",
        unless_override=r"숨|호흡|답답|조여|조이|막혀|막히|알레르기|알러지|두드러기|약먹고|"
                        r"약을먹고|먹고나서|주사"),
    _ko("anaphylaxis", ("목",),
        r"(?<![발손])목(?!요일|감기|소리|걸이|표|적|록|욕|도리|디스크)(?:이|에|구멍이|안이)?"
        r"(?:[가-힣]{0,3}?)(?:조여|조이|조임|죄어|좁아|닫히|막혀|막히|막힌|막힐것같)"),
    _ko("anaphylaxis", ("얼굴",),
        r"얼굴(?:이|도|이랑|하고|과|전체가|이좀)?(?:[가-힣]{0,4}?)(?:부었|부어|붓|퉁퉁|부풀|부은)",
        requires=r"두드러기|알레르기|알러지|숨|입술|혀|목이|목구멍|약먹고|약을먹고|먹고나서|"
                 r"주사|온몸|발진|가려|맞고"),
    _ko("anaphylaxis", ("눈",),
        r"눈(?:이|두덩이|꺼풀이|두덩|꺼풀)?(?:[가-힣]{0,4}?)(?:부었|부어|퉁퉁|부풀)",
        requires=r"두드러기|입술|혀|숨|목이|목구멍|알레르기반응|알러지반응|약먹고|약을먹고|주사"),
    _ko("anaphylaxis", ("아나", "쇼크"),
        r"아나필락시|아나필락틱|아나팔락시|과민성쇼크|알레르기쇼크|알러지쇼크|알레르기성쇼크|"
        r"쇼크(?:가|상태|온|왔|같)",
        informational=True),
    _ko("anaphylaxis", ("에피펜", "에피네프린"),
        r"에피펜(?:을|를)?(?:[가-힣]{0,2}?)(?:맞|놨|놓았|썼|사용했|찔렀|주사했|놔줬|놓아줬)|"
        r"에피네프린(?:을|를)?(?:맞|놨|주사했)"),
    _ko("anaphylaxis", ("두드러기",),
        r"두드러기",
        requires=r"숨|입술|혀|목이|목구멍|어지러|쓰러|호흡|답답|목이조|목이막"),
    _ko("anaphylaxis", ("알레르기", "알러지"),
        r"알레르기반응|알러지반응|알레르기가(?:심하게)?(?:올라|났|왔)",
        requires=r"(?<![발손])목(?:이|구멍)|숨|입술|혀|부었|부어|호흡|삼키기"),

    # ---------------- breathing ----------------
    _ko("breathing", ("숨",),
        r"숨(?:을|이|도|쉬기|쉬는것|을쉬기)?(?:가|도|를)?(?:잘|제대로|전혀|거의|좀|도저히)?"
        r"(?:못|안)(?:쉬|쉼|쉬어|쉬겠|쉬고|쉬는|쉰다|쉬어져|쉬어지|쉬여|쉬워)",
        unless=_NOSE_KO),
    _ko("breathing", ("숨",),
        r"숨(?:쉬기|쉬는게|쉬는것이|쉬는것도|을쉬기|을쉬는게|쉬기가|쉬는거)?(?:가|이|도)?"
        r"(?:너무|좀|많이|점점|갑자기|계속)?(?:힘들|힘듦|힘드|어렵|곤란|버겁|벅차|답답|불편)",
        unless=_NOSE_KO),
    _ko("breathing", ("숨",),
        r"숨이(?:막혀|막히|막힐것같|턱턱|멎|멈|넘어갈|가빠|가쁘|차(?:요|고|서|네|다|는데|올라|"
        r"오르|서요|며|면서|ㅠ)|차올|꼴딱|안쉬)|숨막혀|숨막히|숨넘어",
        unless=_NOSE_KO + r"|운동|뛰|계단|달리"),
    _ko("breathing", ("호흡",),
        r"호흡(?:곤란|이(?:곤란|힘들|어렵|가빠|가쁘|이상|없|멈|안|약해|얕|빨라|거칠)|을(?:못|안)|"
        r"이(?:잘)?안돼)",
        informational=True),
    _ko("breathing", ("파래", "파랗", "파란", "보라", "새파", "퍼렇", "퍼래", "시퍼", "청색증"),
        r"(?:입술|입|얼굴|손끝|손톱)(?:이|색이|색깔이|이랑[가-힣]{0,4})?(?:파래|파랗|파란|보라|새파|"
        r"퍼렇|퍼래|시퍼)|청색증",
        unless=r"립스틱|틴트|염색|추워|추운|수영"),
    _ko("breathing", ("헐떡", "질식", "캑캑", "걸려", "쌕쌕", "천식발작"),
        r"헐떡|숨을헐떡|질식|캑캑거리(?:며|고)[가-힣]{0,4}숨|목에(?:[가-힣]{0,6}?)걸려(?:서)?"
        r"(?:[가-힣]{0,4}?)숨|쌕쌕(?:[가-힣]{0,6}?)(?:심|못|힘들)|천식발작"),

    # ---------------- chest pain ----------------
    _ko("chest_pain", ("가슴",),
        r"가슴(?:이|에|쪽이|이좀|이너무|이갑자기|부위가|한가운데가|통증이|쪽에|팍)?"
        r"(?:[가-힣]{0,4}?)(?:아파|아프(?!면)|아픈(?!데가)|아팠|통증|찢어|쥐어짜|조이|조여|짓눌|"
        r"뻐근|터질|답답하(?:고|다|네|며|니|면서|여|길래)|답답해|쑤시|찌르|찌릿|타는듯|무거워|"
        r"무겁고|눌리|압박)",
        informational=True,
        unless=r"두근|쓰림|쓰려|여드름|뾰루지|가슴살|가슴아픈일|마음"),
    _ko("chest_pain", ("흉통",), r"흉통", informational=True),
    _ko("chest_pain", ("심장마비", "심근경색", "심장발작", "협심증", "심정지"),
        r"(?:심장마비|심근경색|심장발작|협심증|심정지)(?:이|가)?(?:온|오는|왔(?!었)|같|인것같|"
        r"인거같|인듯|증상이있|올것같|일어났|이에요|인가봐)",
        informational=True),
    _ko("chest_pain", ("왼",),
        r"(?:왼쪽|왼)(?:팔|어깨|턱)(?:이|까지|으로)?(?:[가-힣]{0,4}?)(?:저려|저리|아파|뻗치|"
        r"당기|통증|마비)",
        requires=r"가슴|흉통|식은땀|심장"),

    # ---------------- stroke ----------------
    _ko("stroke", ("한쪽", "반쪽", "편측", "반신"),
        r"(?:한쪽|반쪽|편측|반신)(?:[가-힣]{0,8}?)(?:마비|저리|저려|힘이없|힘이빠|힘이안|"
        r"감각이없|감각이이상|감각이둔|안움직|못움직|움직이지|처지|처졌|쳐지|쳐졌|돌아갔|돌아가|"
        r"비뚤|내려갔|늘어|안보여|안보이)"),
    _ko("stroke", ("왼쪽", "오른쪽"),
        r"(?:왼쪽|오른쪽)(?:얼굴|입|입꼬리|팔다리|몸|반신|눈)(?:이|가|에|을)?(?:[가-힣]{0,4}?)"
        r"(?:마비|처지|처졌|쳐졌|돌아갔|비뚤|힘이없|힘이빠|감각이없|못움직|안움직|안보)"),
    _ko("stroke", ("말", "발음", "혀가", "얼굴", "입", "안면마비", "구안와사"),
        r"말(?:이|투가|하는게)?(?:갑자기)?(?:[가-힣]{0,2}?)(?:어눌|꼬여|꼬이|어둔|안나와|안나오|"
        r"이상해졌|헛나와)|발음이(?:[가-힣]{0,3}?)(?:어눌|꼬|이상|뭉개)|혀가(?:꼬여|꼬이|굳|마비)|"
        r"얼굴(?:이|한쪽이)?(?:[가-힣]{0,3}?)(?:마비|비뚤|처졌|쳐졌|돌아갔)|"
        r"입(?:이|꼬리가|술이)?(?:[가-힣]{0,5}?)(?:돌아갔|돌아가|비뚤|처졌|쳐졌)|안면마비|"
        r"구안와사",
        unless=r"술취|술마시|술먹"),
    _ko("stroke", ("뇌졸", "중풍", "뇌경색", "뇌출혈", "뇌혈관", "풍"),
        r"(?:뇌졸중|중풍|뇌경색|뇌출혈|뇌졸증|뇌혈관)(?:이|가)?(?:[가-힣]{0,2}?)(?:온|오는|"
        r"왔(?!었)|같|인것같|인거같|인듯|맞나|증상이(?:있|보|나타)|증세|일어났|터졌)|"
        r"(?<![태])풍(?:을|이)?맞(?:았|은)",
        informational=True),
    _ko("stroke", ("두통", "머리"),
        r"(?:태어나서|살면서|평생|인생|난생)(?:[가-힣]{0,4}?)(?:제일|가장|최고로|처음)"
        r"(?:[가-힣]{0,4}?)두통|벼락두통|"
        r"갑자기(?:[가-힣]{0,6}?)(?:극심한|엄청심한|엄청난|깨질듯한|깨질것같은|터질것같은|"
        r"터질듯한|망치로)(?:[가-힣]{0,4}?)(?:두통|머리)"),
    _ko("stroke", ("갑자기",),
        r"갑자기(?:[가-힣]{0,8}?)(?:한쪽눈이?(?:안보|잘안보)|앞이안보|눈이안보|시야가(?:안|좁|"
        r"흐려|까맣)|말이안나|말을못|마비|힘이빠|힘이없|감각이없|안움직|못움직|팔다리가저|"
        r"걷지를?못|발음이)"),

    # ---------------- seizure ----------------
    _ko("seizure", ("경련",),
        r"(?<!위)(?<!근육)(?<!눈밑)(?<!눈꺼풀)(?<!복부)(?<!공황)(?<!쥐)(?<!다리)(?<!종아리)경련"
        r"(?:을|이|까지|도|성)?(?:[가-힣]{0,3}?)?(?:해|하고|했|일으|중|와|왔|나|났|시작|하네|"
        r"하는데|하면서|을해|을하|일어)",
        unless=r"얼굴근육|눈밑|눈꺼풀|쥐가|다리에|종아리|눈떨"),
    _ko("seizure", ("발작",),
        r"(?<!공황)(?<!공황장애)(?<!불안)발작(?:을|이|이요|까지|증세|증상이)?(?:해|하고|했|일으|"
        r"중|와|왔|났|나|시작|하네|하는데|하면서|이있)",
        unless=r"공황|불안|기침발작|웃음"),
    _ko("seizure", ("경기",),
        r"경기(?:를|가)?(?:해|하고|했|일으|중|와|왔|시작|하네|하는데|하면서|를해|를하)",
        requires=r"아이|아기|애기|애가|열|눈이|몸이|온몸|거품|떨|뒤집|의식",
        unless=r"축구|야구|농구|배구|시합|게임|스포츠|관람|응원"),
    _ko("seizure", ("거품", "눈", "온몸", "몸", "팔다리"),
        r"거품을?물|거품이나|눈(?:이|을|동자가)?(?:뒤집|돌아갔|치켜|흰자만)|"
        r"온몸(?:을|이)?(?:[가-힣]{0,4}?)(?:떨면서|떨고|경직|뻣뻣|굳어|부들부들|덜덜|뒤틀)"
        r"(?:[가-힣]{0,10}?)(?:거품|눈|의식|반응|쓰러|숨)|(?:몸|팔다리|온몸)이?(?:막)?(?:떨리고|"
        r"경직되고|뻣뻣해지고)(?:[가-힣]{0,6}?)(?:의식|반응|눈|거품)"),

    # ---------------- unconscious ----------------
    _ko("unconscious", ("쓰러",),
        r"쓰러(?:졌|져(?!도|서요|있던)|짐|진(?!다면)|지셨|지심)(?!을때|으면|다면)",
        unless=r"나무|건물|담|선반|책장|자전거|화분"),
    _ko("unconscious", ("의식", "정신", "기절", "실신", "혼절", "혼수", "깨워도", "깨어나", "반응", "축", "늘어져", "흔들어도", "못뜨"),
        r"의식(?:이|을|도)?(?:없|잃|희미|흐려|흐릿|가물|저하|불명|이상|을잃|이안돌|이없)|"
        r"정신(?:을|이)?(?:잃|못차|놓|혼미|이오락가락)|기절|실신|혼절|혼수|"
        r"깨워도(?:[가-힣]{0,4}?)(?:안|못)(?:일어|깨|깨어|일나|움직)|(?:안|못)깨어나|"
        r"반응(?:이|을)?(?:없|안해|안함|하지않|이없|이안)|축(?:늘어|처져|쳐져)|늘어져서|"
        r"흔들어도(?:[가-힣]{0,4}?)(?:안|못|반응)|(?:눈을|눈도)?못뜨(?:고|네|세요|셔)",
        informational=True,
        unless=r"기절할뻔(?:[가-힣]{0,6}?)(?:웃|가격|비싸)|기절초풍|기절하게|기절할만큼"),

    # ---------------- severe bleeding ----------------
    _ko("severe_bleeding", ("피", "혈", "커피"),
        r"피(?:를|가|도)?(?:토했|토해|토하|토함|게워|쏟)|토혈|각혈|객혈|"
        r"(?:토|구토|토사물|토한거)(?:[가-힣]{0,8}?)(?:피가|피도|피섞|혈|핏덩)|"
        r"기침(?:[가-힣]{0,6}?)피(?:가|도|를)?(?:나|섞|묻|같이|섞여)|"
        r"피(?:가)?섞(?:인|여)(?:[가-힣]{0,3}?)(?:토|가래|기침)|커피찌꺼기|커피색(?:깔)?(?:토|구토)",
        informational=True),
    _ko("severe_bleeding", ("피", "출혈", "지혈"),
        r"(?:코피|피|출혈)(?:가|이|는|도|를)(?:[가-힣0-9]{0,8}?)(?:안멈|멈추지않|멈추질않|안멎|"
        r"멎지않|안그쳐|계속나|계속흘|철철|콸콸|쏟아|펑펑|줄줄(?:나|흘)|멈추지를않|안멈춰)|"
        r"지혈이(?:[가-힣]{0,2}?)(?:안|잘안)|(?:과다|대량)출혈|피가(?:너무)?많이(?:나|흘)",
        unless=r"생리|잇몸|양치|치질(?!.*어지)"),
    _ko("severe_bleeding", ("변", "똥", "혈변", "하혈"),
        r"(?:검은|까만|검정|시커먼|짜장|흑색)(?:색)?(?:변|똥|대변)|변(?:이|색이|색깔이)?"
        r"(?:[가-힣]{0,2}?)(?:검|까맣|까만|시커|짜장)|혈변|하혈|흑변",
        requires=r"어지러|어지럽|쓰러|기운이없|식은땀|창백|토했|구토|토하|피를|와파린|"
                 r"항응고|힘이없"),

    # ---------------- severe skin reaction ----------------
    _ko("severe_skin_reaction", ("물집",),
        r"물집",
        requires=r"약(?:을|를|먹|복용|때문|부작용|먹고|바꾸)|먹고나서|복용|온몸|벗겨|입안|"
                 r"입속|눈이|퍼지|퍼져|항생제|발진|열이|라모트리진|알로푸리놀|항경련제",
        unless=r"화상|신발|쓸려|햇볕|수두|무좀|헤르페스|데었|입술물집|대상포진|구두|등산"),
    _ko("severe_skin_reaction", ("피부",),
        r"피부(?:가|껍질이|가막|가다)?(?:[가-힣]{0,3}?)(?:벗겨|허물|떨어져|벗겨져)",
        requires=r"약|물집|입안|입속|온몸|눈이|발진|열이|항생제",
        unless=r"햇볕|탔|화상|무좀|발가락|각질|건조|각질제거|필링"),
    _ko("severe_skin_reaction", ("발진",),
        r"발진(?:이)?(?:[가-힣]{0,6}?)(?:온몸|퍼지|퍼져|번지|번져|물집|벗겨)",
        requires=r"약|물집|입안|입속|눈이|열이|항생제|벗겨",
        unless=r"기저귀"),
    _ko("severe_skin_reaction", ("스티븐", "독성표피", "약물발진"),
        r"스티븐스존슨|스티븐슨존슨|독성표피괴사|약물발진(?:이)?(?:[가-힣]{0,4}?)(?:심|온몸|물집)",
        informational=True),

    # ---------------- infant fever ----------------
    _ko("infant_fever", ("신생아", "생후", "태어난", "개월", "달", "일", "주", "백일"), _INFANT_KO, requires=_FEVER_KO),
]

_PRIORITY = {c: i for i, c in enumerate(CATEGORIES)}
_RULES: list[_Rule] = sorted(_RULES_EN + _RULES_KO, key=lambda r: _PRIORITY[r.category])


# --------------------------------------------------------------------------------------
# evaluation
# --------------------------------------------------------------------------------------

class _Doc:
    """One form of the message (spaced English form or whitespace-free Korean form)."""

    __slots__ = ("_ends", "_sep", "_starts", "korean", "text")

    def __init__(self, text: str, korean: bool) -> None:
        self.text = text
        self.korean = korean
        self._sep = _SEP_KO if korean else _SEP_EN
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def clause(self, start: int, end: int) -> str:
        """The text between the separators around ``text[start:end]``."""
        if self._starts is None:
            seps = [(m.start(), m.end()) for m in self._sep.finditer(self.text)]
            self._starts = [a for a, _ in seps]
            self._ends = [b for _, b in seps]
        i = bisect_right(self._ends, start) - 1  # last separator ending at or before start
        left = self._ends[i] if i >= 0 else 0
        j = bisect_left(self._starts, end)  # first separator starting at or after end
        right = self._starts[j] if j < len(self._starts) else len(self.text)
        return self.text[left:right]

    def informational(self, clause: str) -> bool:
        if self.korean:
            return bool(_FRAME_KO.search(clause)) and not _CURRENT_KO.search(clause)
        return bool(_FRAME_EN.search(clause)) and not _CURRENT_EN.search(clause)


_HANGUL_RE = re.compile(r"[가-힣ㄱ-ㅎㅏ-ㅣ]")
_KO_CHILD_RE = re.compile(_CHILD_KO)


def detect_red_flag(text: str) -> RedFlag | None:
    """Return the first (highest-priority) emergency found in ``text``, else ``None``."""
    return _detect(text, gated=True)


def _detect(text: object, *, gated: bool) -> RedFlag | None:
    """``gated=False`` skips the keyword gates (tests use it to prove the gates are sound)."""
    if text is None:
        return None
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8", errors="replace")
    elif not isinstance(text, str):
        text = str(text)
    if not text.strip():
        return None

    spaced = _normalise(text)
    if not spaced:
        return None
    docs = {False: _Doc(spaced, False)}
    if _HANGUL_RE.search(spaced):
        docs[True] = _Doc(_WS.sub("", spaced), True)

    for rule in _RULES:
        doc = docs.get(rule.korean)
        if doc is None:
            continue
        body = doc.text
        if gated and rule.keys and not any(k in body for k in rule.keys):
            continue
        if rule.requires is not None and not rule.requires.search(body):
            continue
        for m in rule.pattern.finditer(body):
            if rule.unless is not None or rule.informational:
                clause = doc.clause(m.start(), m.end())
                if (rule.unless is not None and rule.unless.search(clause)
                        and not (rule.unless_override is not None
                                 and rule.unless_override.search(clause))):
                    continue
                if rule.informational and doc.informational(clause):
                    continue
            category = rule.category
            if category == "overdose" and (
                _YOUNG_CHILD.search(spaced)
                or (True in docs and _KO_CHILD_RE.search(docs[True].text))
            ):
                category = "child_ingestion"
            return RedFlag(category, language_of(text), m.group(0).strip())
    return None
