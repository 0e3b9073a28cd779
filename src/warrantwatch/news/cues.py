"""The vocabulary of travel in news copy: cue words and the contexts that rule a place or a date out.

Each pattern is a rule of reading, kept here so the extraction logic in `extract.py` stays short.
"""

import re
from collections.abc import Iterator

from warrantwatch.news.cue_index import FOLD_TO_ASCII, anchor_group, anchored, index_patterns

_LAST_LOWERED = ("", "")


def lowered_text(text: str) -> str:
    """`text.lower()`, kept for the last text: the patterns of a sentence are tried one after another.
    (The pair is replaced whole: a thread reading another article never takes one text's lower case
    for another's.)"""
    global _LAST_LOWERED
    last = _LAST_LOWERED
    if last[0] is not text:
        last = _LAST_LOWERED = (text, text.lower())
    return last[1]


class Prefiltered:
    """A pattern tried only when the text holds one of the words every match contains: a substring
    test costs a fraction of a regular-expression search, and most sentences hold none of them."""

    __slots__ = ("anchors", "group", "pattern")

    def __init__(self, pattern: re.Pattern[str], *anchors: str):
        self.pattern, self.anchors = pattern, anchors
        self.group = anchor_group(anchors)  # (in a sentence of the article, found by the cue index's scan)

    def _maybe(self, text: str) -> bool:
        found = anchored(self.group, text)
        if found is not None:
            return found
        lowered = lowered_text(text)
        for anchor in self.anchors:  # (a plain loop: a generator costs more than the test)
            if anchor in lowered:
                return True
        # "İ", "ı", "ſ" match an ASCII letter of an anchor under re.IGNORECASE but not in the lower case:
        # such a text is searched with the pattern itself
        return any(ch in text for ch in FOLD_TO_ASCII)

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        found = anchored(self.group, text)  # (`_maybe` written out: tried some 200 times an article)
        if found is None:
            found = self._maybe(text)
        return self.pattern.search(text, *bounds) if found else None

    def finditer(self, text: str, *bounds: int) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, *bounds) if self._maybe(text) else iter(())



def _by_length(words: tuple[str, ...]) -> list[str]:
    """The words' alternations, one for each length: a look-behind holds alternatives of one width, and one
    look-behind of a few alternatives is tried faster than a look-behind for each (the same test)."""
    lengths = sorted({len(w) for w in words})
    return ["|".join(w for w in words if len(w) == n) for n in lengths]


_ABBREVIATIONS = "".join(rf"(?<!\b(?:{a})\.)" for a in _by_length((
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "No", "vs", "Sen", "Rep", "Gov", "Prof")))
# "on Mon. 4-5", "Oct. 9": an abbreviated weekday or month before a day number does not end a sentence.
_BEFORE_DAY = "(?!(?:" + "|".join(rf"(?<=\b(?:{a})\.)" for a in _by_length((
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"))) + r")\s+\d)"
SENTENCE_END = re.compile(r"(?<=[.!?])" + _ABBREVIATIONS + _BEFORE_DAY +
                          r"(?<!\b[A-Z]\.)[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")

# A report's opening dateline ("KHARTOUM, July 10 (Reuters) - "): where and when it was filed,
# not a trip.
# Also the forms "September 22, 2009 (WASHINGTON) –" and "BUDAPEST, April 3. /TASS/.", and a date alone: "October 21,
# 2019 - ", "Tuesday, 26 September 2023 - " (the day of the report, not of a trip told after it; round eight).
# (round 21: with the year, and the day before the month: "KHARTOUM, June 21, 2014 - ", "ASTANA, 23 May 2018 (Kazinform)
# - ", news-final17 2032, news-final19 2131)
DATELINE = re.compile(r"^\s*(?:(?:[A-Z][A-Z .'-]{2,40}(?:,\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}\.?)"
                      r"(?:,? (?:19|20)\d\d)?)?(?:\s*\([\w ./-]+\))?|"
                      r"[A-Z][a-z]{2,8}\.? \d{1,2},? (?:19|20)\d\d \([A-Z][A-Z .'-]{2,40}\)|"
                      r"(?:[A-Z][a-z]{5,8},\s+)?(?:[A-Z][a-z]{2,8}\.? \d{1,2},? |\d{1,2} [A-Z][a-z]{2,8}\.? )"
                      r"(?:19|20)\d\d(?:\s*\([\w .]+\))?)"  # round fourteen: "Tuesday, May 25, 2010 (Haaretz) —"
                      r"\s+[-–—]+\s+|"
                      r"[A-Z][A-Z .'-]{2,40}, [A-Z][a-z]{2,8}\.? \d{1,2}\. /[A-Z]{2,8}/\.\s+|"
                      # round 22: the AP's "VILNIUS, Lithuania (AP) — ", "KENNEBUNKPORT, Maine - " (news-final20 2168,
                      # news-final12 1705)
                      r"[A-Z][A-Z.'-]{2,30}(?: [A-Z][A-Z.'-]{1,20}){0,2}, [A-Z][a-z]+(?: [A-Z][a-z]+){0,2}"
                      r"(?: \((?:AP|AFP|Reuters|dpa|DPA|Xinhua|AA|IANS|PTI|UPI)\))? [-–—]+\s+|"
                      # round fifteen: "BEIJING. Oct 20 (Interfax) - " (news-final14 1891)
                      r"[A-Z][A-Z'-]{2,20}(?: [A-Z][A-Z'-]{1,20}){0,2}\.\s+[A-Z][a-z]{2,8}\.? \d{1,2}"
                      r"(?:\s*\([\w ./-]+\))?\s+[-–—]+\s+|"
                      # round fourteen: "NEW DELHI, Dec 11 (Reuters). ", "SHARM EL-SHEIKH, Tuesday (DPA/IANS). ": the
                      # agency in brackets closed by a full stop
                      r"[A-Z][A-Z .'-]{2,40},\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}\.?|"
                      r"[A-Z][a-z]{2,5}day)\s*"
                      r"\((?:[A-Z][\w./-]*)(?: [A-Z][\w./-]*){0,2}\)\.\s+|"
                      # round sixteen: a place written in title case, "Milan, 8 February (LaPresse) - ", "Moscow,
                      # August 25 (Interfax). " (news-final15 1942, 1906): with the agency, or closed by a dash
                      r"[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|de|da|do|del|el|es|al)){0,3},\s*"
                      r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}\.?)"
                      r"(?:,? (?:19|20)\d\d)?(?:\s*\((?:[A-Z][\w./-]*)(?: [A-Z][\w./-]*){0,2}\)(?:\s+[-–—]+\s+|\.\s+)|"
                      # (round 22: "Tripoli, 18 April 2012: ", news-final20 2156)
                      r"\s+[-–—]+\s+|:\s+))")

# A stay told in the present and its hedges (round 52): "is currently living in", "is said to be in"
_STAYING = r"(?:living|staying|hiding|residing)"
_SAID_TO_BE = r"(?:said|believed|thought|reported) to be"
TRAVEL = re.compile(
    r"\b(visit(?:s|ed|ing)?|trip|tour(?:s|ed)?|travel(?:s|led|ed|ling|ing)?|arriv(?:e|es|ed|ing|al)|"
    r"fl(?:y|ies|ew|own)|flying (?:to|into|in|back|home)|flights? (?:path |route )?to|"
    r"land(?:s|ed|ing)?|head(?:s|ed|ing)? (?:to|for)|went (?:\w+ )?to|go(?:es|ing)? to|"
    r"came to|coming to|"
    r"attend(?:s|ed|ing)?|summit|stopover|left for|depart(?:s|ed)? for|in town|hosted|host(?:s|ing)?|"
    r"welcome[ds]?|red carpet|received in|jets? (?:off|to)|state visit|journey|talks|meet(?:s|ing)?|met|"
    # round 33: "discussed the crisis in Darfur with the Sudanese president in Tripoli" (news-final26 2534)
    r"discuss(?:es|ed)?(?= [^.;]{0,60}? with\b)|"
    # round 49: "Presidents Omar al-Bashir and Olusegun Obasanjo held discussions in Abuja today" (news-final33 3229)
    r"(?:held|hold(?:s|ing)?) (?:discussions|consultations)|"
    r"took off (?:for|from)|set off for|boarded|"
    # round nineteen: "Gbagbo and Soro signed a peace deal in Ouagadougou ... on Sunday" (news-final18 2086)
    # round 52: "are to sign the document at noon on Tuesday at Italy's Pratica di Mare air force base" (news-final36
    # 3462)
    r"sign(?:ed|s)? (?:a|an|the) (?:[\w-]+ ){0,3}(?:deal|agreement|accord|treaty|declaration|document|pact|charter|"
    r"protocol|memorandum|ceasefire)(?: (?:at noon|at midday|on \w+day|today|tomorrow))* (?:in|at)|"
    r"(?:was|were|is|are|be)(?: also| already| still| back| last| expected| due)? in|on (?:the|his|her) way to|"
    # round 52: "is currently living in Vakaga prefecture", "is said to be in Nyala now" (news-final36 3527, 3513)
    rf"(?:is|are)(?: now| currently| still| reportedly| {_SAID_TO_BE})+ in|"
    rf"(?:is|are)(?: now| currently| still| reportedly)? {_STAYING} in|"
    r"en route to|"
    r"take part|took part|address(?:es|ed|ing)? (?:the|a|an)|spe(?:ak|aks|aking|oke) at|"
    r"received at|be(?:ing)? received|received (?:him|her|the)|received with (?:[\w-]+ ){0,2}honou?rs|"
    r"(?-i:receiv(?:ed|es|ing) (?=[A-Z]))|"
    r"welcomed at|hosted at|set down|touched down|"
    # round 51: "will leave immediately for Brussels" (news-final35 3421)
    r"leav(?:e|es|ing)(?: (?:immediately|directly|straight|later|shortly|again))? for|"
    r"(?-i:(?:left|leaves|departed) (?:the )?(?=[A-Z]))|"
    # round 40: "entered the Gaza Strip on Wednesday morning" (news-final30 2873)
    r"(?-i:enter(?:s|ed|ing)? (?:the )?(?=[A-Z]))|"
    r"stop(?:s|ped)? (?:over |off )?in|"
    # round 51: "Gaddafi and his flamboyant roadshow rumbled into drought-stricken Malawi on Wednesday" (news-final35
    # 3414)
    r"(?:rumbled|rolled|swept|drove|motored|roared|sailed) into|"
    r"arrested|detained|custody|held in|apprehended|video link|virtually|remotely)\b", re.I)
CANCELLED = Prefiltered(re.compile(
    # (round seventeen: "after postponing a visit to Moscow", news-final16 1990; "calling off", "scrapping")
    r"\b(cancel(?:s|led|ed|ling)?|call(?:s|ed|ing)? off|scrap(?:s|ped|ping)?|skip(?:s|ped|ping)?|"
    r"postpon(?:e[ds]?|ing)|"
    r"suspend(?:s|ed)? (?:the |a |his |her |its )?(?:[\w-]+ )?(?:summit|visit|trip|meeting|talks)|"
    # "will probably not travel": an adverb of likelihood between the auxiliary and "not"
    # round fourteen: "will not, in the end, attend" (an aside between "not" and the verb)
    r"(?:will|would|did|does|do)(?: (?:probably|likely|almost certainly|reportedly|now|also))? not"
    r"(?:,[^,.;]{1,30},)? (?:personally )?(?:attend|travel|go|visit|take part|come|lead|head|join|address|fly|"
    r"be (?:in|at|part of|present|attending|travell?ing|going|coming|among))|"
    # round fourteen: "he is not going to the inauguration of Recep Tayyip Erdogan either" (news-final9 1437)
    r"(?:is|are) not (?:going|travell?ing|heading|coming) to|"
    r"won't (?:attend|travel|go|take part|lead|head|join|address|visit|come)|"
    # round fourteen: "has no plans to attend the funeral of the late Cuban leader Fidel Castro" (news-final6 1145)
    r"(?:has|have|had) no (?:such )?plans? to attend|"
    # round fourteen: "is not likely to attend next month's summit" (news-final10 1532)
    r"(?:is|are|was|were) (?:not likely|unlikely) to (?:attend|travel|go|take part|join|visit|come)|"
    r"(?:put|placed|is|was|were|been) on hold|"
    r"(?:chose|decided|opted) not to (?:attend|travel|go|visit)|stay(?:s|ed)? away|pulled out|"
    r"not (?:be )?attend(?:ing)?|avoid(?:s|ed)? (?:the|travel)|"
    r"declin(?:ed|es) (?:to attend|an invitation|the invitation)|"
    # round 23: "has formally turned down an invitation from the UN Security Council to a summit" (news-final21 2223)
    r"turn(?:s|ed|ing)? down (?:an|the|his|her|its) invitation|reject(?:s|ed|ing)? (?:an|the) invitation|"
    r"turned back|diverted|refused (?:permission|overflight)|was denied|"
    r"(?:had to )?abandon(?:ed|s)? (?:the |his |her |a |its |that )?(?:trip|visit|plans?|journey|tour|flight)|"
    r"g(?:ive|ave|iving) up|no longer (?:attend|travel|visit|go|take part)|stay(?:ed|s)? (?:at )?home|"
    r"drop(?:s|ped)? (?:(?:his|her|its|their) )?(?:plans|a plan|the plan)|shelved|put(?:s|ting)? off|defer(?:s|red)?|"
    # round fourteen: "will be unable to attend", "could not be present", "his refusal to take part in the
    # summit", "a trip to Santiago is not on Putin's agenda", "Gaddafi is a notable absence"
    r"unable to (?:attend|travel|go|come|visit|take part|be (?:present|there))|"
    r"(?:could|can)(?:not| not|n't) (?:attend|travel|go|come|take part|be present)|"
    r"refus(?:al|ed|es|ing) to (?:attend|travel|go|come|visit|take part|join)|"
    r"(?:is|was|are|were) not on (?:[\w'’.-]+ ){0,3}(?:agenda|schedule|itinerary)|"
    r"(?:is|was|will be) (?:a |an |the )?(?:most )?(?:notable|conspicuous|glaring|striking) absen(?:ce|tee)|"
    # round 52: "The Ivorian president will once again be one of the big absentees of the France-Africa summit"
    # (news-final14 1880)
    r"(?:be|is|was|are|were) (?:once again |again )?(?:one of )?the (?:big |notable |main |most notable |conspicuous )?"
    r"absentees? (?:of|from|at)|"
    r"(?:be|is|was|were|been) absent from|not accept(?:ed)? (?:the|an|his|her) invitation|"
    r"(?:will|would|is to|to) be represented (?:at|by|in)|"
    # round 51: "Sudan ... is to boycott this week's Africa-European Union summit in Libya" (news-final35 3417)
    r"(?:is|are|will|would|to) boycott|(?:is|are) boycotting|"
    # round 51: "Bashir's absence was meant 'to avoid embarrassment to Libya'" (news-final35 3417)
    r"(?<=['’]s )absence|(?:his|her) absence from)\b", re.I),
    'cancel', 'call', 'scrap', 'skip', 'postpon', 'suspend', 'not ', "n't", 'stay', 'pulled out', 'avoid', 'declin',
    'turned back', 'divert', 'refused', 'denied', 'abandon', 'give up', 'gave up', 'giving up', 'no longer',
    'drop', 'shelved', 'on hold', 'put off', 'puts off', 'putting off', 'defer', 'absent from', 'not accept',
    'be represented', 'not,', 'unable', 'refus', 'absen', 'no plan', 'no such plan', 'turn', 'reject', 'boycott')
# "will not address it remotely either", "no plans for a video address": video participation denied.
REMOTE_DENIED = re.compile(r"\b(?:not|no|never|n't|neither|nor)\b[^.;,]{0,40}$", re.I)
REMOTE = Prefiltered(re.compile(r"\b(video ?link|by video|via video|virtually|remotely|video address|"
                    # (round sixteen: not "an online campaign about Joseph Kony", news-final6 1126)
                    # (round 24: not "EUAustralia Online began a year ago", a news service's name, news-final22 2277)
                    r"(?-i:online|(?<![\w,;:] )Online)"
                    r"(?! (?:campaigns?|petitions?|posts?|videos?|articles?|news|editions?|platforms?|media|"
                    r"polls?|abuse|harassment|attacks?|threats?|content|presence|sales|shops?|stores?))|"
                    r"videoconference|video conference|teleconference|addressed .{0,40} by video|"
                    # round eleven: "will make an address via a video linkup"
                    r"(?:via|by|through) an? video(?: ?link(?:up)?| conference| call)?|"
                    # round 22: "in a video call", "by video conferencing", "a taped address" (news-final20 2171,
                    # 2169, 2172)
                    r"in an? video(?: ?call| conference| link)|video[ -]?conferencing|"
                    r"taped (?:video )?(?:message|address|speech|remarks)|"
                    # round twelve: "Netanyahu, via satellite, was among the speakers"
                    # round fifteen: "through a live satellite link-up" (news-final14 1872)
                    r"(?:via|by|over|through) (?:a |live |a live )?satellite(?: link(?:-?up)?| hook-?up| feed)?|"
                    # round seven: "his pre-recorded message was played" (not "the virtual summit": on
                    # news-final3 that names members and venues the person never addressed)
                    # round fourteen: "will take part in a virtual conference ... hosted by Jordan's King" (not "the
                    # virtual summit" named without the person taking part in it)
                    r"(?:take|takes|took|taking) part in an? virtual|"
                    # round 38: "is due to make a virtual appearance at the Democracy Summit" (news-final29 2789)
                    r"(?:a|an|his|her) virtual (?:appearance|address|speech|remarks|participation)|"
                    r"pre-?recorded|recorded (?:a |an |his |her )?(?:video |televised )?"
                    r"(?:message|address|speech|statement|remarks)|"
                    # round 51: "Netanyahu senior and US President Donald Trump sent filmed greetings to the
                    # conference" (news-final35 3368)
                    r"(?:filmed|video) (?:greetings?|messages?))\b",
                    re.I),
    'video', 'virtual', 'remote', 'online', 'recorded', 'satellite', 'teleconf', 'taped', 'filmed')
ARREST = Prefiltered(re.compile(r"\b(arrested|detained|taken into (?:[\w-]+ )?custody|apprehended|placed under arrest|"
                    # "after his arrest in Manila" (not "a warrant for his arrest in November")
                    r"(?:his|her) arrest (?:in|at) (?=[A-Z])(?!(?:January|February|March|April|May|June|July|"
                    r"August|September|October|November|December)\b)|"
                    r"surrender(?:ed|ing|s)? (?:himself |herself )?to (?:the )?(?:[\w-]+ ){0,2}(?:authorities|police)|"
                    # "the prosecutor's office announced the arrest of Osama Almasri": the arrest as a noun
                    r"(?:announced|announces|confirmed|confirms|reported|ordered|orders) the arrest of|"
                    r"gave (?:himself|herself) up|handed (?:himself|herself) (?:over|in)|"
                    # round seven: a surrender or capture told with other verbs ("surrendered on Monday to
                    # Ugandan troops", "surrendered in the Central African Republic", "was surrendered to the
                    # Court", "after being captured", "handed over to the ICC", "transferred to ICC custody")
                    r"surrendered (?:himself |herself )?(?:on [A-Z]\w+ )?(?:to|in)|"
                    r"(?:was|were|been|being|is) (?:[a-z]+ly )?(?:captured|surrendered|handed over to)|"
                    # round fourteen: "the former president was under arrest", "is in its custody" (news-final8 1309,
                    # news-final9 1407)
                    r"(?:is|was|are|were|remains|remained) (?:now |still |already )?(?:under arrest|"
                    r"in (?:its|their|police|military|army) custody)|"
                    r"handed over to (?:the )?(?:ICC|[Cc]ourt|International Criminal Court|Hague)|"
                    r"transferred to (?:the )?(?:ICC(?:'s|’s)? |[Cc]ourt(?:'s|’s)? )(?:custody|detention))\b", re.I),
    'arrest', 'detain', 'custody', 'apprehend', 'surrender', 'gave himself', 'gave herself', 'handed himself',
    'handed herself', 'captured', 'handed over', 'transferred', 'under arrest')
# "without being detained", "was not arrested", "obliged to arrest": an arrest that did not happen.
NEGATED = re.compile(r"\b(without (?:being )?|(?:almost|nearly) (?:been |being )?|"  # "was almost arrested"
                     # (round 22: "provided he is not then handed over to the International Criminal Court",
                     # news-final20 2156)
                     r"not (?:then |yet |now |also |ever )?(?:be(?:en)? )?|never (?:been )?|"
                     r"avoid(?:ed|ing)? (?:being )?|"
                     r"evad\w+ |escap\w+ |risk(?:s|ed|ing)? (?:being )?|fear\w* (?:of )?(?:being )?|"
                     r"obliged to |obligation to |must |would |could |should |to be |refus\w+ to |"
                     r"(?:must|should|would|could|can|may|might|will|shall|to) (?:now |still |also |then |yet |not )?"
                     r"(?:be |have been )|"
                     # round 40: "is still in his hometown of Davao but cannot be arrested unless a warrant ... is out"
                     # (news-final30 2918, an arrest at 0.97)
                     r"(?:cannot|can['’]t|won['’]t|wouldn['’]t|couldn['’]t) (?:now |still |yet |then )?"
                     r"(?:be |have been )|"
                     r"want(?:s|ed|ing)? (?:[\w-]+ ){0,3}|warrants? (?:[\w-]+ ){0,3}(?:for|of) |to have (?:him|her) |"
                     # "unless he is arrested", "no justice until he is detained": awaited, not made
                     r"unless (?:[\w'’-]+ ){0,4}(?:is |was |were |gets |got |has been |had been )?|"
                     r"(?:until|till) (?:[\w'’-]+ ){0,4}(?:is |are |gets |get |has been )|"
                     # "unconcerned about the Russian leader being arrested": a gerund, not an event
                     r"(?<!\bafter )(?<!\bsince )(?<!\bupon )(?<!\bon )(?<!\bfollowing )(?<!\bwhile )"
                     r"(?<!\bbefore )being )$", re.I)
# "would not stop until the Libyan leader was arrested" (awaited) against "remained at large until he was
# arrested in 2010" (made): a past "until" clause is awaited only after a future, modal or negated verb.
UNTIL_PAST = re.compile(r"\b(?:until|till) (?:[\w'’-]+ ){0,4}(?:was |were |had been |got )$", re.I)
AWAITING = re.compile(r"\b(?:would|will|won't|wouldn't|not|no|never|cannot|can't|should|must)\b", re.I)
# "Five people have been arrested", "police detained dozens of protesters": an arrest of others, not of the
# person (round seven). Tried on the words before the arrest word, and on the words after it.
OTHERS_BEFORE_ARREST = re.compile(r"\b(?:people|persons|protesters|demonstrators|activists|others|students|"
                                  r"supporters|journalists|men|women|"
                                  # round 52: "while other members were captured" (news-final36 3521)
                                  r"members|fighters|followers|militants|soldiers|guards|aides|associates|companions)"
                                  r"\s+(?:have |has |had |were |are |was )?"
                                  r"(?:also )?(?:been |being )?$", re.I)
OTHERS_AFTER_ARREST = re.compile(r"\s+(?:at least |some |about |more than |nearly |around )?(?:\d+|dozens|hundreds|"
                                 r"scores|several|many|two|three|four|five|six|seven|eight|nine|ten|a number|a group)\b"
                                 r"|\s+(?:the )?(?:protesters|demonstrators|activists|people|students)\b", re.I)
# "had no plans to visit Armenia": no trip at all.
NO_TRIP = Prefiltered(re.compile(
                     # (not "has no plans to attend the funeral of the late Cuban leader": an occasion skipped, round
                     # fourteen)
                     r"\b(?:no plans? to (?:visit|travel|go|come|fly|make (?:a |an |the )?(?:trip|visit|journey)|"
                     r"attend(?! (?:the |a |an |this |next )?(?:[\w'’-]+ ){0,4}?"
                     r"(?:funeral|summit|inauguration|ceremony|coronation|swearing-in|forum|conference)\b))|"
                     r"(?:no intention (?:of|to)|not planning to|does not plan to|did not plan to)"
                     # (not "is not planning to make a video address": that is about taking part remotely)
                     r" (?:visit|travel|go|attend|come|fly|make (?:a |an |the )?(?:trip|visit|journey))|"
                     # "has not travelled to a member state since ...", "never set foot in": an absence
                     r"(?:has|have|had) (?:not|never) (?:since )?(?:travell?ed|visited|been to|set foot)|"
                     r"never (?:travell?ed|visited|set foot)|not set foot|"
                     # round 35: a ban is no trip called off: "he is no longer allowed to travel to the United
                     # States, since his visa has been cancelled" (news-final28 2747)
                     r"(?:no longer|not) (?:be )?(?:allowed|permitted) to (?:travel|go|enter|visit|attend)|"
                     # round 49: "should be barred from attending a December summit", rights groups said (news-final33
                     # 3232): a ban asked for, no trip
                     r"(?:banned|barred) from (?:travell?ing|entering|visiting|attending)|"
                     # round 49: "he will be able to visit the United States again", "I think I can visit the US of A
                     # again": a possibility, no plan (news-final33 3215)
                     r"(?:will|would) be able to (?:visit|travel|go|come)|(?:I|we) think (?:I|we) can (?:visit|travel|"
                     r"go|come)|"
                     r"visas? (?:has been |had been |have been |was |were |is |are )?(?:cancell?ed|revoked|invalidated|"
                     r"denied)|"
                     # round 46: "'Now we hope that you will also visit Pakistan,' he told Gerasimov": a wish, an
                     # invitation, no trip (news-final32 3086)
                     r"(?:we|I) (?:hope|wish|would like)(?: that)? (?:you|he|she) (?:will|would|could|can) "
                     r"(?:also |soon )?(?:visit|come to|travel to)|"
                     # round 51: "complained that the Obama administration had not invited him to a nuclear security
                     # summit" (news-final35 3419): left out, no trip
                     r"(?:had|has|have|did|was|were) not (?:been )?invited (?:him|her|to)\b|"
                     # round 52: "There is as yet no trip to the Forum of Regions in Minsk in the schedule of
                     # Russian President Vladimir Putin" (news-final36 3484): none planned
                     r"(?:there is|there was|there are) (?:as yet |still |yet |currently )?no (?:such )?"
                     r"(?:trip|visit)s?\b|"
                     r"\bno (?:such )?(?:trip|visit)\b[^.;]{0,50}\b(?:in|on) (?:the|his|her) (?:schedule|programme|"
                     r"program|agenda|calendar)\b|"
                     # round 52: "who used to fly to the United States to watch Pacquiao's fights" (news-final36
                     # 3522): a habit of years gone by, no trip
                     r"used to (?:fly|travel|go|visit|come|spend)\b)", re.I),
    'not ', 'never', 'no plan', 'no intention', 'banned', 'barred', 'visa', 'hope', 'wish', 'would like',
    'able to', 'think', 'no trip', 'no visit', 'no such', 'used to')
# The seat of a court or the home of an institution, not a destination: "judges in The Hague issued",
# "the Hague-based court".
# (round fifteen: "Sudan's ambassador in Doha told SUNA", news-final14 1898: where a diplomat is posted)
_COURT_WORDS = r"judges?|courts?|tribunal|ICC|prosecutors?|chambers?"
INSTITUTION_BEFORE = re.compile(rf"\b(?:{_COURT_WORDS}|registry|registrar|"
                                r"ambassadors?|envoys?|"
                                r"headquarters|detention (?:centre|center|unit)|seated|based)\W+(?:in|at)\W+$", re.I)
# ... of them, the court's seat alone: no scene for the next sentence ("indicted by the war crimes court in The
# Hague"; a body's headquarters may be one: "the organisation's headquarters in New York")
COURT_IN = re.compile(rf"\b(?:{_COURT_WORDS})\W+(?:in|at)\W+(?:the\W+)?$", re.I)
INSTITUTION_AFTER = re.compile(r"^-based\b|^\W+(?:court|tribunal|judges)\b", re.I)
# "flew in from Budapest", "arrived from Minsk": where a trip began, not where it went.
ARRIVED_FROM = re.compile(r"\b(?:in|arriv\w*|came|come|fresh|returned|returning|back|direct|straight)\s+from\s+"
                          r"(?:the\s+)?$", re.I)
# "a day after he flew into Washington": the arrival, N days before the day the sentence names.
DAYS_AFTER_ARRIVAL = re.compile(r"\b(?P<count>a|one|two|three|four) days? after (?:he|she|"
                                r"(?:his|her) (?:plane|jet|aircraft)|the (?:[\w-]+ ){1,3}|[A-Z][\w-]+ )?\s*(?:had )?"
                                r"(?:arrived|arrives|flew|flies|flown|landed|lands|touched down|touches down|set down|"
                                r"reached|reaches|(?:his|her) arrival\b)", re.I)
# "He arrived from Indonesia, where he met ...": the place he came from is a stop he made.
# (round seventeen: "flew to Baku from Yerevan, where in the morning he held talks", news-final16 1976)
WHERE_HE = re.compile(r"^,?\s+where (?:(?:earlier |early |in the |that |this )?(?:morning|day|afternoon|evening|"
                      r"night|today|yesterday|earlier)\s+)?"
                      # round 21: "from Tajikistan, where earlier on Tuesday he had attended" (news-final12 1707)
                      r"(?:(?:earlier |early |later )?on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                      r",?\s+)?(?:he|she)\b", re.I)
FUTURE = Prefiltered(re.compile(
                    r"\b(will|won't|won’t|shall|is to|are to|(?:was|were) (?:due |supposed |scheduled |set )?to "
                    r"(?:visit|travel|go|attend|fly|arrive|come|lead|pay|make a|hold talks|be in)\b|"
                    r"plans? to|planning|(?<!than )(?<!as )planned|scheduled|expected to|"
                    # round twelve: "Shoigu is expected in Belgrade today" (not yet there)
                    r"(?:is|are) expected (?:in|at)|"
                    r"is due|set to|upcoming|forthcoming|intends? to|would|leaves for|heads (?:to|for)|"
                    r"travels to|flies to|is (?:travelling|traveling|flying|heading|coming to)|"
                    # ("returned home after a visit to Turkey at the invitation of Erdogan": the visit's occasion,
                    # not a plan; round sixteen, news-final15 1939)
                    r"is going to|invited|(?<!at the )(?<!on the )invitation|next (?:week|month|year)|tomorrow|"
                    r"later this|ahead of|"
                    # "the date of the visit has not been agreed yet", "a trip to Turkey is on the agenda"
                    r"(?:not (?:yet )?(?:been )?|yet to be )(?:agreed|set|fixed|announced|determined)|on the agenda|"
                    # round 21: "discussed a visit to Budapest by Putin on October 30 when they met" (news-final11
                    # 1623): a visit discussed or prepared for is ahead
                    r"discuss(?:ed|es|ing)? (?:an?|the|his|her) (?:(?:possible|planned|future|upcoming|forthcoming|"
                    r"new|next) )?(?:visit|trip)|prepar(?:e|es|ed|ing|ations?) for (?:an?|the|his|her) "
                    r"(?:[\w-]+ )?(?:visit|trip))\b", re.I),
    'will', 'won',  # ("won't", "won’t": an ASCII anchor keeps the group in the article's one scan)
    'shall', 'is to', 'are to', 'was to', 'were to', 'was due', 'was supposed',
    'was scheduled', 'were due', 'were supposed',
    'was set', 'plan', 'schedul', 'expected to', 'expected in', 'expected at', 'is due', 'set to', 'upcoming',
    'forthcoming', 'intend', 'would', 'leaves for', 'heads ', 'travels to', 'flies to', 'is travel',
    'is flying', 'is heading', 'is coming', 'is going to', 'invit', 'next ', 'tomorrow', 'later this', 'ahead of',
    'agreed',
    ' set', 'fixed', 'announced', 'determined', 'agenda', 'discuss', 'prepar')
PAST = re.compile(r"\b(visited|arrived|travell?ed|flew|landed|attended|went|met|held talks|toured|had to|came|"
                  # ("is due to set off today": the base form, not the past; round fourteen)
                  r"took off|(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bshall )set off|boarded|"
                  r"stopped|addressed|spoke|"
                  r"dropped|"
                  r"had been|was|were|did not|stayed|"
                  r"was received|was welcomed|left|departed|returned|spent|hosted|had visited|"
                  # round eighteen: "Koehler has welcomed Netanyahu in Berlin ahead of talks" (news-final17 2047)
                  r"(?:has|have) (?:welcomed|received|greeted)|"
                  # "began his visit to the US early this month" (round six)
                  r"(?:began|started) (?:his|her|a|an|the) (?:[\w-]+ )?(?:visit|trip|tour)|"
                  # "has already made official visits to Uganda, Rwanda and Kenya", "paid a state visit to"
                  # (round eleven), "a tour which also took him to Laos and Myanmar"
                  r"(?:made|paid) (?:a |an |his |her |their )?(?:[\w-]+ )?(?:visits?|trips?)|took (?:him|her) to|"
                  # round 52: the past perfect of any verb, "During a visit to Moscow on 21 April, Netanyahu had
                  # discussed ..." (news-final36 3472); not a plan made before ("had planned to")
                  r"had (?!(?:planned|intended|hoped|expected|wanted|scheduled|agreed|promised|pledged|vowed|decided|"
                  r"offered|invited|asked|proposed|requested|accepted|announced|confirmed|arranged|considered|"
                  r"needed)\b)[a-z]+ed|"
                  r"last (?:week|month|year)|yesterday|ago)\b", re.I)
# Dates that belong to the warrant or the treaty, not to the trip.
NOT_TRIP_DATE = re.compile(r"\b(warrant|issued|ratif|joined|accede|member since|party since|indict|charged|"
                           r"convicted|sentenced|born|elected|inaugurat|sworn in|took office|came to power|"
                           r"took power|seized power|"
                           r"since the court)\w*[^,;.—]{0,40}$|"
                           # "since deadly protests broke out at home on December 19": the day something else began
                           r"\bsince (?:the )?(?:[\w-]+ ){0,3}?(?:protests?|demonstrations|unrest|riots|war|coup|"
                           r"clashes|fighting|revolution|uprising|crisis|invasion|conflict|violence|hostilities)"
                           r" (?:first )?(?:broke out|began|erupted|flared up|started)\b[^,;.—]{0,30}$|"
                           # (round 23: "AFP learned on Wednesday from an official source", news-final21 2244)
                           r"\b(said|says|announced|told|confirmed|reported|stated|added|wrote|posted|learned|learnt)"
                           # (round sixteen: "said at a Malacañang briefing on Friday, January 19", news-final10 1518)
                           r"(?: \w+)?(?: (?:(?:in|at|to) )?(?:an?|the) (?:[\w-]+ )?(?:statement|press release|post|"
                           r"interview|briefing|televised address|press conference|news conference))?"
                           r"(?: on social media)?\W+"
                           r"(?:on |late |earlier |last )?$", re.I)
# A date that is not the trip's, read from the words right before it: the last meeting before this one
# ("saw him for the first time since 2019", "the second meeting of the two since September"; but "held
# in Bangui since October 29" and "his second trip to Tehran since early August" date a stay), a deadline
# ("provide, by March 17, all information"), the end of the trip ("returns to Israel on Wednesday").
# ... and "since 2019" after the same words (the scan reads "since 2019" as one date).
LAST_MEETING_BEFORE = re.compile(r"\b(?:time|meetings?|talks|encounter|summit)\b(?:\s+[\w'’-]+){0,4}\s+$", re.I)
NOT_TRIP_DATE_BEFORE = re.compile(r"(?:\b(?:time|meetings?|talks|encounter|summit)\b(?:\s+[\w'’-]+){0,4}\s+since|"
                                  r"\bby|\bas of|\breturn\w*(?: home| to [A-Z][\w-]*(?: [A-Z][\w-]*)?)?|"
                                  r"\b(?:flew|flown|went|came|back) home|"
                                  # round sixteen: "In press statements on Friday, Aror said the visit ..." (the
                                  # statement's day, news-final15 1913)
                                  r"\b(?:in|at|during) (?:an? |his |her |their |the )?(?:[\w-]+ )?(?:statements?|"
                                  r"remarks|comments|interview|briefing|press conference|news conference))"
                                  r"\s+(?:on\s+|in\s+)?(?:the\s+)?$", re.I)
# ... or from the words right after it: the day a statement was made ("On Friday the Kremlin announced
# that Putin would visit India on December 4-5").
STATEMENT_AFTER_DATE = re.compile(r"\W*(?:the\s+)?(?:(?-i:[A-Z][\w'’-]*)\s+){1,4}"
                                  # round seventeen: "Yesterday, Kremlin officials told Russian state media that the
                                  # meeting had been put off" (news-final16 1990)
                                  r"(?:(?:officials?|sources?|spokes(?:man|woman|person)|aides?|diplomats?)\s+)?"
                                  r"(?:has\s+|had\s+|have\s+)?"
                                  r"(?:announced|said|says|told|confirmed|reported|stated|declared)\b", re.I)
# Places that are the topic or the origin, not the destination: "the war in Ukraine", "from Budapest".
NOT_DESTINATION_BEFORE = re.compile(
    # (round sixteen: "the crises in and around Iraq and Iran", news-final15 1919)
    r"\b(wars?|conflicts?|invasion|fighting|crisis|crises|peace|situation|deportation|children|occupied(?=\W+\w)|ceasefire|"
    # round twelve: "in view of events in Bolivia"
    r"events|developments|unrest|turmoil|"
    # round sixteen: "worried by U.S. overtures to Iran and Syria" (news-final12 1745)
    r"overtures?|outreach|sanctions|ties|relations|"
    # round 21: "close links to the United States", "border tensions with China" (news-final18 2060, 2069)
    r"links|tensions|"
    # ("Elovitch's business ventures in Japan", news-final7 1214)
    r"ventures?|businesses|business interests|investments?|assets|"
    # round 36: "recognise Israel's claim to the occupied Syrian Golan Heights" (news-final29 2787): a claim to or
    # sovereignty over a contested place, not a trip there
    r"claims? (?:to|over)|sovereignty (?:over|of)|annexation of|"
    # ("ahead of talks on security and the threat from Iran", news-final7 1251)
    r"threats?|"
    # round fourteen: "because of its engagement in Syria", "building up its ground forces in Syria": a state's
    # part in a place, not a trip there (not "visited Russian forces in Syria": that is one)
    r"engagement|involvement|intervention|influence|entrenchment|military presence|"
    r"(?:its|their) (?:own )?(?:ground |military |armed |naval )?forces|"
    r"aggression|offensive|strikes?|front|between|airspace of|route over|flew over|crossing|"
    r"reporters|speaking|speech|interview|statement|press conference|briefing|embassy|consulate|near|prison|jail|"
    r"detention (?:centre|center)|"
    r"leaders? of|presidents? of|heads? of state (?:of|from)|counterparts? (?:of|from)|delegations? (?:of|from)|"
    # round eighteen: a title, "President of Belarus Alexander Lukashenko" (news-final17 2030)
    r"(?:President|Prime Minister|King|Emir|Sultan|Chancellor|Executive Office)s? of(?=\W+(?:the\W+)?$)|"
    # round 51: "harder to persuade Iran or North Korea to abandon their nuclear ambitions" (news-final35 3419): the
    # ones to be swayed, not a venue
    r"persuad(?:e|ed|es|ing)|convinc(?:e|ed|es|ing)|pressur(?:e|ed|es|ing)|"
    # round 51: "the new African Union, which was launched in Durban last week" (news-final35 3414): where a thing
    # began, not a trip
    r"(?:which|that) (?:was|were|had been|has been) (?:launched|founded|created|established|formed|adopted|born))"
    r"\W+(?:(?:in|of|on|from|with|over|to|against|at|the|and|or|around|\w+ian|[A-Z][\w-]*)\W+){0,6}$")
# The subject of talks, not their venue: "talks on Iran", "a statement about Ukraine".
TOPIC_BEFORE = re.compile(r"\b(talks on|talks about|discuss(?:ed|es|ing)?|about|regarding|concerning|"
                          r"on the (?:future|fate|situation|subject|question) of)\s+(?:the\s+)?$|"
                          # "are expected to discuss Iran's attempts to set up military bases in Syria": a
                          # place inside what is discussed
                          r"\bto discuss\b[^.;:,]{1,60}\b(?:in|to|on|of|with|from|over)\s+(?:the\s+)?$", re.I)
# The place a trip starts from: not the destination, except for a summit attended remotely
# ("chaired from New Delhi").
ORIGIN_BEFORE = re.compile(r"\b(from|left|leaving|departed|departing)\W+(?:the\W+)?$", re.I)
# "Saudi Arabia refused ...", "Saudi Arabia's aviation authority said ...": the place acts; nobody goes there.
PLACE_AS_SUBJECT = re.compile(r"^(?:'s|’s)?(?:\s+(?!(?:on|in|at|and|to|for|with|after|before|by|from|during|"
                              r"last|this|that|where|when|while|but|then)\b)[\w-]+){0,3}?\s+(refused|said|says|denied|announced|critici[sz]ed|"
                              r"accused|urged|called|demanded|condemned|imposed|warned|asked|told|sent|freed|"
                              r"released|expelled|deported|(?:has|have|had|is|was|were|does|did|do)(?: not| never)?"
                              r" (?:a |an )?(?:member|party|parties|recogni[sz]e|signed|joined|ratified))\b")
# "Syria's transitional president", "North Korea's Kim Jong Un": a person of that state, not a trip there.
PLACE_OF_PERSON = re.compile(r"^(?:'s|’s)\s+(?:(?:[a-z]+\s+){0,2}(?:president|leader|prime minister|premier|king|"
                             r"emir|crown prince|foreign minister|minister|envoy|ambassador|delegation)\b|"
                             # (not "Manila's Ninoy Aquino International Airport": a place of the state)
                             r"(?!(?:[A-Z][\w-]+\s+){1,4}(?:International\s+)?(?:Airport|Air\s+Base|Palace|Hotel|"
                             r"Stadium|Square|Hall|Centre|Center)\b)"
                             r"[A-Z][\w-]+\s+(?:[A-Z]|al-|el-|bin\s|ibn\s|da\s|de\s|dos\s|van\s|von\s))")
# The traveller is not the person being met: "held talks with Vladimir Putin in Sochi".
HOSTED_PERSON = re.compile(r"\b(with|met|meets?|meeting|by|hosts?|hosted|receives?|received|welcomed|"
                           # round seventeen: "Netanyahu speaks to Putin on the phone after postponing a visit to
                           # Moscow" (news-final16 1990)
                           r"spoke to|speaks to|speaking to|talked to|talks to|phoned|telephoned|"
                           r"invited|and|stood in for|stands in for|standing in for|in place of|instead of|"
                           r"on behalf of|represent(?:s|ed|ing)?|warrants? (?:of arrest )?(?:for|against))\W+"
                           r"(?:the\W+)?(?:(?-i:[A-Z][\w-]+)\W+){0,3}$", re.I)
ARRIVAL = re.compile(r"\b(arriv\w*|landed|lands?|touched down|flew in\w*|flying into|flown into|reached|"
                     r"begin\w*|start\w*)\b", re.I)
# "has landed in Astana", "arrives in Hanoi": the trip is under way on the day of the report.
UNDER_WAY = re.compile(r"\b(?:has|have) (?:just )?(?:arrived|landed|touched down|flown into|"
                       # round 22: "has set off for the United Arab Emirates" (news-final20 2161)
                       r"set off for|left for|departed for)|\b(?:arrives|lands) in\b", re.I)
# "... since the warrant was to Washington in February": a trip after the warrant word, not its date.
TRIP_AFTER = re.compile(r"\b(?:to|in|at) [A-Z]")
NOT_DESTINATION_AFTER = re.compile(
    # "Armenia's chair", "Armenia's parliament": a thing of the state, not a trip there (but "Mongolia's
    # capital" is one)
    r"^(?:'s|’s)\s+(?![a-z]+ (?:airport|capital|city|port|resort|region|province))(?!capital|city|soil|"
    r"territory|resort|port|border|airport|coast|shore|side|town|island|countryside|north|south|east|west|"
    r"central|northern|southern|eastern|western)[a-z]|"
    r"^(?:'s|’s)?(?:-[A-Z][a-z]+)?\W*(peace|war|ceasefire|conflict|crisis|hostages?|airspace|border|settlement|Cooperation|Organi[sz]ation|Statute|"
    r"Treaty|Accords?|Agreement|Declaration|Convention|Protocol|Group|Club|Process|Format|Pact)\b|"
    # "the China-Africa summit", "India-Russia talks": a compound adjective, not a destination
    r"^-[A-Z][a-z]+\b|"
    # round 23: "the South China Sea issue", "the Sea of Japan": a sea, not the state (news-final21 2229)
    # round 40: "to apply our sovereignty in the Jordan Valley" (news-final30 2879): a valley or river, not the state
    r"^\s+(?:Sea|Valley|River)\b")
# round 40: "visited Israel Defense Forces troops inside the Gaza Strip": a state's name in the name of its army names
# no place (news-final30 2870)
ARMY_AFTER = re.compile(r"\s+(?:Defen[cs]e Forces?|Armed Forces|Air Force)\b")
# A trip into the territory of the person's own case must be said outright ("visited occupied Mariupol", "will
# visit the occupied port city of Mariupol", round 32).
INTO_THE_SITUATION = re.compile(r"\b(visit\w*|trip to|travel\w* to|arriv\w* in|landed in|flew to|went to|enter\w*|"
                                r"in occupied|to occupied)\s+(?:the\s+)?(?:(?:occupied|annexed|Russian-(?:held|"
                                r"occupied|controlled)|port|southern|eastern|frontline|front-line)\s+){0,3}"
                                r"(?:(?:city|port|town|region|peninsula)\s+of\s+)?$", re.I)
SCENE_BEFORE = re.compile(r"\b(in|at|to|of)\s+(?:the\s+)?$", re.I)
# (a hand-over names its person between the verb and "over": "handed Charles Ble Goude, a youth leader, over to
# the ICC", "turned Lubanga over to the Court"; round ten)
TRANSFER = Prefiltered(re.compile(r"\b(surrendered|(?:handed|turned)(?: [^.;]{0,90}?)? over(?= to\b)|transferred|"
                                  r"extradited)\b", re.I),
    'surrender', 'handed', 'turned', 'transferr', 'extradit')
# "runs until Thursday": the end of something, not the day a trip starts.
END_DATE = re.compile(r"\b(until|till|through|to|ends?|ending)\s+$", re.I)
# (not the "there" of "there are no plans")
PLACE_ANAPHORA = re.compile(r"\b(the city|the capital|the country|there(?! (?:is|are|was|were|will be|has been|"
                            r"have been|had been|would be)\b)|the resort|the island)\b", re.I)
ANAPHORA = re.compile(r"^\W*(the|this|his|her|that) (visit|trip|tour|summit|journey|meeting|arrest|detention|"
                      r"capture)\b", re.I)
OBJECT_PRONOUN = re.compile(r"\b(him|his|her)\b", re.I)
PRONOUN = re.compile(r"^\W*(?:[A-Z][\w ,]{0,40}, )?(he|she)\b|^\W*the (?:\w+ ){0,2}"
                     # (round nineteen: "The two leaders met in Egypt's Red Sea resort", news-final18 2090)
                     r"(president|leader|(?<=two )leaders(?= (?:last |first |have |had |also )?(?:met|meet|held talks|"
                     r"hold talks)\b)|prime minister|premier|minister|commander|general|chief|"
                     r"head of state|"
                     r"strongman|former \w+)\b|"
                     # "Last week he visited ...", "On Sunday he was in ...", "In August he ..."
                     r"^\W*(?:last|next|this|earlier|later|on|in|since|from|yesterday|today|then|meanwhile|also)\b"
                     r"[\w ]{0,25}? (he|she)\b",
                     re.I)
# "... noted that the president had just attended ...": the person of the story, mid-sentence.
SUBJECT_REFERENCE = Prefiltered(re.compile(r"\b(?:that|and|when|as|after|while|since|but)\s+the (?:\w+ )?"
                               r"(?:president|leader|prime minister|premier)\b(?!['’]s)|"
                               # "a source told Reuters that the commander ... had surrendered"
                               r"\bthat the (?:commander|general|militia leader|former \w+)\b(?!['’]s)|"
                               # "today and tomorrow the president will visit Belarus": the office as the
                               # subject of a trip
                               r"\bthe (?:president|leader|prime minister|premier|head of state) (?:will|would|is to|"
                               r"was to|is due to|is expected to|plans to) (?:also )?(?:visit|travel|fly|go|attend|"
                               r"arrive|be in|pay)\b", re.I),
    # (every match names one of these offices: a sentence without one is not searched, speed)
    'president', 'leader', 'prime minister', 'premier', 'commander', 'general', 'former', 'head of state')
# "The court said he was surrendered": an institution speaks of the story's person.
INSTITUTION_SAID_HE = Prefiltered(re.compile(
    r"\b(?:court|prosecutors?|police|officials|ministry|government|authorities|Kremlin|statement) "
    r"(?:said|says|added|confirmed) (?:that )?(?:he|she)\b", re.I),
    'said he', 'said she', 'said that he', 'said that she', 'says he', 'says she', 'added that he',
    'confirmed that he', 'added he', 'confirmed he')
# "received the Sudanese leader": a leader named by the person's own demonym.
LEADER_AFTER_DEMONYM = re.compile(r"^\s+(?:president|leader|prime minister|premier|head of state)\b(?!['’]s)", re.I)
# ... and "left for Washington on Sunday and will meet Trump on Tuesday": a new verb in another tense
# ("ahead of his meeting in Alaska" opens a clause and stays in it: its tense is the future). One word
# boundary before the word alternatives, so the scan tries them only at the start of a word.
# (The look-ahead in front holds the first character of every alternative: the same matches, found about twice
# as fast, since `re` tries the alternatives in full only where one of those characters stands.)
CLAUSE_BREAK = re.compile(r"(?=[;:—,abw])(?:"
                          r"[;:—]|, (?:and |but |while |whereas )|\b(?:and then\b|after\b|before\b|(?=ahead of\b)|"
                          r"(?=while\b)|(?=whereas\b)|"
                          r"and (?=(?:will|shall|is to|are to|is due to|plans to|is expected to)\b)))")
# "French authorities detained ...": the state where the arrest happened.
DEMONYM_ARRESTS = re.compile(r"^\s*(authorities|police|officers|security forces|officials)\b", re.I)
# "the Mongolian capital", "on Azerbaijani soil": a demonym that names a place.
DEMONYM_PLACE = re.compile(r"^\s*(capital|city|soil|territory|resort|port|border|airport|coast|shore|"
                           r"side(?= of the border)|"
                            r"town|island|countryside|"
                            # round nineteen: "arrived this morning for a three-day Canadian visit" (news-final18 2071)
                            r"(?:state |official |working )?(?:visit|trip|tour|leg))\b", re.I)
# A word that makes the place after it a destination or the scene of the visit: "to Mongolia",
# "arrived in Kazan", "visit India", "at the Kremlin".
DESTINATION_CUE = re.compile(r"\b(?:to|in|into|at|visit(?:s|ed|ing)?|tour(?:s|ed|ing)?|reach(?:es|ed)?|"
                             r"land(?:s|ed)? in|arriv\w* in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)
# "the meeting, which is scheduled for November 22-23": a later sentence that dates the trip's event.
SCHEDULED = re.compile(r"\b(?:scheduled|set|due|planned|slated) (?:for|on)\b|"
                       r"\b(?:will|is to) (?:take place|be held)(?: (?:at|in) [^.;,]{1,30}?)? on\b", re.I)
# "Germany has arrested a Libyan militia leader", "Italian authorities detained him": the state where an
# arrest happened, named as the one who made it (the person may be named only in the next sentence).
PLACE_ARRESTS = re.compile(r"(?:'s|’s)?(?:\s+(?:authorities|police|officers|officials|security forces))?\s+"
                           r"(?:has |have |had )?(?:arrested|detained|apprehended)\b", re.I)
# "He had been due to arrive late on Tuesday", "had been due back as guest speaker": a plan that did not happen
# as planned; its day is not the trip's.
UNREALISED_PLAN = re.compile(r"\bhad been (?:due|expected|scheduled|set|supposed|planned|slated) (?:to|back)\b",
                             re.I)
# "Netanyahu, who flew into Florida the day before": the arrival, a day before the day the story tells.
DAY_BEFORE = re.compile(r"\b(?:the (?:day|night|evening) before|a day earlier|the previous (?:day|night|evening)|"
                        r"the eve)\b", re.I)
# "Among the guests was al-Bashir": presence at the occasion just described.
AMONG_PRESENT = re.compile(r"\bamong (?:the |them |those )?(?:\w+ )?(?:guests|them|those|leaders|attendees|"
                           r"dignitaries|heads of state|participants|invitees)\b[^.;]{0,20}?\b(?:were|was|are|is)\b",
                           re.I)
# "a talk he was due to give ... was cancelled": something other than a trip called off.
NOT_TRIP_CALLED_OFF = re.compile(r"\b(?:talk|speech|lecture|appearance|concert|reception|interview|screening|"
                                 r"dinner|book launch|performance|match|game|rally|protest|vote|debate|hearing|"
                                 # round 51: "Western diplomats will boycott the forum": others stay away
                                 r"diplomat|envoy|ambassador|delegation|delegate)s?\b"
                                 r"[^.;,]{0,60}$", re.I)
# "is in Pyongyang and is scheduled to meet Kim": a trip under way on the day of the report.
PRESENT_IN = re.compile(r"(?<!\bwho )(?<!\bwhich )\b(?:is|are) (?:also |already |currently |now |still |reportedly |"
                        # round 52: "is said to be in Nyala now", "is currently living in Vakaga" (news-final36 3513,
                        # 3527)
                        rf"{_SAID_TO_BE} (?:now |currently |still )?)?"
                        rf"(?:in|visiting|{_STAYING} in|"
                        r"on (?:a|an|his|her) (?:[\w-]+ ){0,2}(?:visit|trip|tour) (?:to|in)) (?:the )?$",
                        re.I)
# "on Vladimir Putin's orders": a person named as the one who sent, not the one who travels.
SENDER_AFTER = re.compile(r"(?:'s|’s) (?:orders?|instructions?|behalf|request|personal (?:message|envoy)|message|"
                          r"envoy|spokes(?:man|woman|person)|aide|adviser|government|administration|office|regime|"
                          # round 45: "Bashir's press secretary said the visit came after the Tripoli meeting"
                          # (news-final32 3126)
                          r"press secretary|chief of staff|"
                          r"forces|troops|army|party|letter|"
                          # round 33: "Laurent Gbagbo's former youth minister also met ...": someone of his, not he
                          # (news-final26 2552)
                          r"(?:(?:former|then|youth|foreign|defen[cs]e|interior|prime|finance|information)\s+)"
                          r"{1,3}ministers?)\b", re.I)
# "is expected to leave Israel on Dec. 28": the day the trip begins (his own state is no destination).
LEAVES_HOME = re.compile(r"\b(?:leav(?:e|es|ing)|left|depart(?:s|ed|ing)?(?: from)?)\s+$", re.I)
# "has visited China twice", "once went to Kenya", "had previously been to Chad": a trip told as
# experience, at no particular time.
EXPERIENTIAL = re.compile(r"\b(?:has|have|had) (?:\w+ )?(?:visited|been|travell?ed|gone|went)\b|"
                          r"\b(?:previously|ever|once|never|in the past|over the years|times)\b", re.I)
# "Lavrov will represent Putin at the summit", "talks held without Putin": the person named after these
# words stays away.
STAND_IN_FOR = Prefiltered(re.compile(
    r"\b(?:stood in for|stands? in for|standing in for|in place of|instead of|on behalf of|"
    r"represent(?:s|ed|ing)?|without|deputi[sz]e\w* for|replac(?:e|es|ed|ing))\W+"
    r"(?:the\W+)?(?:(?-i:[A-Z][\w-]+)\W+){0,3}$", re.I),
    'stood in', 'stand', 'place of', 'instead', 'behalf', 'represent', 'without', 'deputi', 'replac')
# "Putin sent Medinsky to Istanbul": the one sent travels, not the one who sent him.
SENT_OTHER = Prefiltered(re.compile(
    r"\b(?:sent|sends|send|dispatch(?:ed|es)?|delegat(?:ed|es))\s+(?:(?-i:[A-Z][\w'-]+)\s+){1,5}(?:to|as)\b", re.I),
    'sen', 'dispatch', 'delegat')
# "... while Lavrov attends the G20 in Johannesburg": a clause with a subject of its own (capitalised
# words and a travel verb); its places are not the wanted person's unless the clause names him.
OTHER_SUBJECT = re.compile(r"^\W*(?:while|whereas|as|and|but)?\s*(?:(?-i:[A-Z][\w'-]+)\s+){1,5}"
                           r"(?:will |would |is to |is due to |also )?(?:attend|lead|head|represent|travel|go|fl[yi]|"
                           r"visit|arriv)\w*\b", re.I)
# The role of a place in its clause, read from the nearest word that governs it: a goal or a scene
# ("to", "in", "at", "visited", "left for", "a trip to") makes it a destination; any other word
# ("summit of Brazil", "from Budapest", "overflew Greece", "avoiding France", "told Austin") does not.
# Words between the governor and the name are skipped when they only modify it ("in the Russian city
# of Kazan", "to southern Lebanon"); a name coordinated with an earlier one ("to Brazil, India and
# China", "in Anchorage, Alaska") takes that one's role.
GOVERNOR_TOKEN = re.compile(r"[A-Za-z][\w'’-]*|[,;:—–()\"“”]")
DESTINATION_GOVERNORS = frozenset((
    "to", "in", "into", "at", "inside", "toward", "towards", "visit", "visits", "visited", "visiting", "tour",
    "tours", "toured", "touring", "reach", "reaches", "reached", "reaching", "enter", "enters", "entered",
    "entering", "across", "throughout", "around", "within", "outside",
    # "left Abuja on Monday": he was there
    "left", "leave", "leaves", "leaving", "departed", "departs",
    # round fourteen: "will skip the United Nations General Assembly", "attended the Munich Security Conference": a
    # venue or an occasion named by its place (news-final9 1438)
    "attend", "attends", "attended", "attending", "skip", "skips", "skipped", "skipping", "address", "addresses",
    "addressed", "addressing"))
# "left for Washington", "bound for The Hague": "for" governs a goal only after these.
GOAL_FOR = frozenset(("left", "leave", "leaves", "leaving", "bound", "headed", "heading", "heads", "head",
                      "depart", "departs", "departed", "departing", "flew", "fly", "flies", "flying", "set",
                      "sets", "sailed", "out", "off"))
# Words that only modify the name after them.
MODIFIERS = frozenset((
    "the", "a", "an", "its", "his", "her", "their", "northern", "southern", "eastern", "western", "central",
    "north", "south", "east", "west", "northeastern", "northwestern", "southeastern", "southwestern",
    "north-eastern", "north-western", "south-eastern", "south-western", "occupied", "neighbouring",
    "neighboring", "capital", "city", "town", "port", "region", "republic", "island", "islands", "resort",
    "province", "state", "village", "outskirts", "far", "downtown", "nearby", "annexed", "remote",
    "border", "coastal", "tiny", "oil-rich", "war-torn", "federal", "kingdom", "emirate", "host", "shore",
    "coast", "soil", "territory",
    # round 23: "will not attend the 64th session of the United Nations General Assembly" (news-final21 2240)
    "session", "sessions", "annual"))
# The points of the compass, as containers ("the north-east of the Central African Republic") (round 52)
COMPASS = frozenset(("north", "south", "east", "west", "north-east", "north-west", "south-east", "south-west",
                     "northeast", "northwest", "southeast", "southwest"))
CONTAINERS = frozenset(("capital", "city", "town", "port", "region", "republic", "island", "islands", "resort",
                        "province", "state", "village", "outskirts", "kingdom", "emirate", "area", "district",
                        "oblast", "territory", "part", "parts",
                        # round 40: "visited the north of the Gaza Strip" (news-final30 2886)
                        *COMPASS, "heart", "centre", "center",
                        # round 41: "travelled ... to the West African country of Sierra Leone" (news-final30 2930)
                        "country", "nation",
                        # round 23: "the 64th session of the United Nations General Assembly" (news-final21 2240)
                        "session", "sessions"))
# "his Mongolia visit", "the Johannesburg summit": a name before the trip it is the place of.
PLACE_BEFORE_TRIP = re.compile(r"^(?:'s|’s)?\s+(?:state\s+|official\s+|working\s+)?(?:visit|trip|tour|summit|stopover|"
                               r"leg|talks|meeting)\b", re.I)
# "Mongolia gave Putin a ceremonial welcome", "India organised the virtual meeting", "The White House on
# Tuesday received ...": the place hosts.
PLACE_HOSTS = re.compile(r"^(?:'s|’s)?(?:\s+[\w-]+){0,3}?\s+(?:hosted|hosts|hosting|welcomed|welcomes|received|"
                         r"receives|gave|gives|greeted|greets|rolled out|organi[sz]ed|organi[sz]es|laid on)\b")
# "on the Jordanian shore", "on Turkish soil", "on Turkey's Mediterranean coast": "on" a stretch of land.
# (not "attended on the Sudanese side by ...": a party to the talks)
ON_LAND = re.compile(r"^(?:'s|’s)?(?:\s+[A-Z][\w-]+)?\s+(?:shore|coast|soil|territory|side(?= of the border)|island|"
                     r"border)\b")
# "Maria Lvova-Belova said on Thursday": the person named after a place is the one who speaks of it.
SPEAKER_AFTER = re.compile(r"^\W*(?:said|says|told|announced|added|stated|confirmed|wrote|noted|explained|"
                           r"declared|insisted|claimed)\b", re.I)
# "decided to cancel this visit", "the visit planned for 19 October": the article's visit, named without
# its place.
# (The trip word is found first and the words before it checked after: a pattern that starts with a
# literal is scanned far faster.)
VISIT_WORD = Prefiltered(re.compile(r"(?:visit|trip|journey|tour)\b", re.I), 'visit', 'trip', 'journey', 'tour')
THE_BEFORE_VISIT = re.compile(r"\b(?:the|this|his|her|that) (?:planned |proposed |state |official |working )?$",
                              re.I)
# "would not arrest him if he came to Johannesburg": a place in a condition is no trip.
HYPOTHETICAL_BEFORE = re.compile(r"\b(?:if|unless|whether|should (?:he|she)|were (?:he|she) to|in case|in the event)\b"
                                 r"[^.;:,]{0,90}$", re.I)
# "he would not be arrested in Brazil if he came to the G20 summit": a condition that holds the sentence's only
# travel word; the place before it is in a main clause that tells no trip (round six).
HYPOTHETICAL_AFTER = re.compile(r"\b(?:if|unless|should (?:he|she)|were (?:he|she) to)\b", re.I)
# "would invite Israeli Prime Minister Benjamin Netanyahu to visit Hungary": an invitation, not a trip (round six).
# Round seven: "has invited Netanyahu, who faces an arrest warrant of the ICC, to come on a visit to Germany" (a
# relative clause between: up to 110 characters).
INVITED_BEFORE = re.compile(r"\binvit(?:e|es|ed|ing)\b(?:[^.;:]|\b(?:Mr|Mrs|Ms|Dr)\.){0,110}?"
                            r"\b(?:to (?:visit|come to|travel to|go to)|"
                            r"to come (?:on|for) (?:a |an )?(?:[\w-]+ )?visit to|"
                            r"for (?:a |an )?(?:[\w-]+ )?visit to)\b"
                            r"[^.;:]{0,30}$", re.I)
# "Abe invited him to Japan", "invited President Duterte to Tokyo": the place the invitation names, no trip made
# or planned (round eight). (An invitation accepted is a plan: "accepted Abe's invitation to visit Japan".)
_NAME_WORD = r"(?-i:[A-Z][\w'’.-]*)"
INVITED_TO = re.compile(rf"\binvit(?:e|es|ed|ing)\s+(?:him|her|them|{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
                        r"\s+to\s+(?:the\s+)?$", re.I)
# A welcome offered, not a trip (round 25, news-final22 2273): "will welcome President Putin's involvement in the Apec
# 2020 that Malaysia is hosting", "would welcome a visit by" (but "Erdogan will welcome Putin in Ankara" is a plan).
WELCOME_OFFERED = re.compile(r"\b(?:will|would|'d|’d|shall)\s+(?:\w+\s+){0,2}welcome\s+(?:[\w'’.,-]+\s+){0,4}?"
                             r"(?:involvement|participation|presence|attendance|visit|coming)\b[^.;]*$", re.I)
# "Netanyahu's invitation to visit Israel": the one who invites, not the one invited.
INVITER = re.compile(r"['’]s\s+(?:[\w-]+\s+)?invitation\b", re.I)
# "Italy on Tuesday released Elmasry, who had been arrested on Sunday": the state that holds, frees or
# expels the person is where the arrest told with it happened.
PLACE_HOLDS = re.compile(r"^(?:'s|’s)?(?:\s+(?:authorities|police|government|officials))?(?:\s+[\w-]+){0,3}?\s+"
                         r"(?:released|freed|expelled|deported|held|handed over|detained|arrested)\b")
# "flew him to Tripoli", "sent back to Libya": where an arrested person was taken, not where he was arrested.
GOAL_BEFORE = re.compile(r"\b(?:to|into|towards?)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,2}$")
# "while en route to Washington", "on his way to New York": a trip under way on the day of the report.
EN_ROUTE = re.compile(r"\b(?:en route|on (?:his|her|its|the) way) to (?:the )?$", re.I)
# "The meeting between Putin and Trump is expected on August 15. It will take place at the base in
# Anchorage": the venue of a meeting of the person, told in the next sentence.
# (round sixteen: "Duterte met Chinese President Xi Jinping on Monday. The meeting took place ... in Beijing",
# news-final15 1938)
MEETING_WORD = Prefiltered(re.compile(r"\b(?:meeting|summit|talks|met|meets)\b", re.I), 'meeting', 'summit', 'talks',
                           'met', 'meets')
VENUE_NEXT = re.compile(r"^\W*(?:it|the (?:meeting|summit|talks|encounter))\b[^.;]{0,40}?\b(?:take place|be held|"
                        r"is (?:to be )?held|was held|took place)\b", re.I)
# "Mongolia, which Putin visited in September": the place is the object of the visit told after it.
PLACE_VISITED_AFTER = re.compile(r"^,?\s+(?:which|where)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?(?:has\s+|had\s+)?"
                                 r"(?:visited|toured|travell?ed|went|flew|arrived|landed|stayed)\b")
# "Central African authorities surrendered Said to the ICC": the state that hands a person over held him;
# that custody is his arrest there.
PLACE_SURRENDERS = re.compile(r"^(?:'s|’s)?(?:\s+(?:authorities|police|government|officials|security forces|army|"
                              r"military|forces))?(?:\s+[\w-]+){0,2}?\s+"
                              r"(?:surrendered|(?:handed|turned)(?: [^.;]{0,90}?)? over(?= to\b)|transferred|"
                              r"extradited)\b")
# "he was surrendered by the authorities in Bangui": the passive, the state named after "by".
SURRENDERED_BY = re.compile(r"\b(?:surrendered|(?:handed|turned)(?: \w+)? over|transferred|extradited)\b[^.;]{0,60}?"
                            r"\bby (?:the )?(?:(?:[\w-]+ )?(?:authorities|police|government|army|military|forces)"
                            r"(?: of| in)? (?:the )?)?$")
# "Blé Goudé was handed over to the International Criminal Court on Saturday, the Ivorian government announced": the
# state that says it handed him over did (round fourteen, news-final12 1701)
HANDED_OVER_BEFORE = re.compile(r"\b(?:was|were|has been|had been) (?:surrendered|handed over|transferred|extradited) "
                                r"to (?:the )?(?:ICC|International Criminal Court|[Cc]ourt|Hague)\b")
ANNOUNCED_BY_AFTER = re.compile(r"\s+(?:government|authorities|presidency|foreign ministry|justice ministry)\s+"
                                r"(?:announced|said|confirmed|stated)\b")
# "Mongolia will not arrest Putin when he visits next week", "asked Hungary why it had not arrested
# Netanyahu during his visit in April": the state named as the one to arrest him is where his visit is.
VISIT_OF_SUBJECT = re.compile(r"^(?:'s|’s)?\s[^.;]{0,80}?\b(?:(?:when|once|while) (?:he|she) (?:visits|visited|arrives|"
                              r"arrived|comes|came|lands|landed|was there|is there)|during (?:his|her) (?:visit|stay|"
                              r"trip))\b", re.I)



# Speed, not reading: a pattern that begins with a word boundary before a word character is scanned
# about a third faster when the boundary is written as "no word character before" (`(?<!\w)`), which
# then means exactly the same (a boundary before a word character is one). The rewrite is made only
# where the parsed pattern proves that every match of its first alternative begins with a word
# character; every other pattern is left as written.
def _starts_with_word_char(items) -> bool:
    from re import _constants as c  # type: ignore[attr-defined]

    if not items:
        return False
    op, arg = items[0]
    if op is c.LITERAL:
        return bool(_WORD_CHAR.match(chr(arg)))
    if op is c.IN:
        return bool(arg) and all((o is c.LITERAL and _WORD_CHAR.match(chr(a))) or (o is c.CATEGORY and a is
                                 c.CATEGORY_WORD) or (o is c.RANGE and all(_WORD_CHAR.match(chr(x))
                                                                            for x in range(a[0], a[1] + 1)))
                                 for o, a in arg)
    if op is c.SUBPATTERN:
        return _starts_with_word_char(arg[-1].data)
    if op is c.BRANCH:
        return all(_starts_with_word_char(b.data) for b in arg[1])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        return arg[0] >= 1 and _starts_with_word_char(arg[2].data)
    return False


_WORD_CHAR = re.compile(r"\w")


def _faster(pattern: re.Pattern[str]) -> re.Pattern[str]:
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    if not pattern.pattern.startswith(r"\b"):
        return pattern
    items = _parser.parse(pattern.pattern, pattern.flags).data
    first = items[0][1][1][0].data if len(items) == 1 and items[0][0] is c.BRANCH else items
    if not first or first[0] != (c.AT, c.AT_BOUNDARY) or not _starts_with_word_char(first[1:]):
        return pattern
    return re.compile(r"(?<!\w)" + pattern.pattern[2:], pattern.flags)


for _name, _value in list(globals().items()):
    if isinstance(_value, re.Pattern):
        globals()[_name] = _faster(_value)
    elif isinstance(_value, Prefiltered):
        _value.pattern = _faster(_value.pattern)

# speed, not reading: news.cue_index ("to the", "in the", "the ", "his " begin a match of these two in every article,
# and they are searched only after a date word or in a sentence whose lower case is not letter for letter)
index_patterns(globals(), plain=("TRIP_AFTER", "THE_BEFORE_VISIT"))
