"""Statement rules: a political actor says, tells, tweets, announces, warns ... something.

Rule ids:

- ``statement.verb``: "<speaker> said/told/warned ... (that) <content>".
- ``statement.inverted``: "<quote>, said <speaker>" / "<quote>, <speaker> said".
- ``statement.according_to``: "according to <speaker>".

The speaker is the first party mention of the comma segment nearest before
the verb (an appositive after a name gives back the name); media outlets and
non-political subjects ("witnesses", "local activists") make no statement.
"""

from __future__ import annotations

import functools
import re

import attrs

from ...model import (
    Actor,
    ActorKind,
    DatePrecision,
    DateSpan,
    Location,
    LocationKind,
    Modality,
    Statement,
)
from ..annotate.lexicon import lexicon
from ..annotate.mentions import ActorMention, Role
from ..rules.codes import STATEMENT
from ..rules.context import (
    LOOKBACK,
    MAX_TRIGGERS,
    PRESS_BODY,
    Article,
    Sentence,
    date_in,
    in_quote,
    side_key,
    subject_before,
    voice_key,
)
from ..rules.modality import modality_of

__all__ = ["extract", "reporting_subject_clause"]

_VERBS: dict[str, str] = {
    "said": "say", "says": "say", "say": "say", "told": "say", "tells": "say", "tweeted": "say",
    "informed": "say", "vowed": "say", "pledged": "say", "promised": "say",
    "announced": "say", "announces": "say", "stated": "say", "declared": "say",
    "added": "say", "confirmed": "say", "noted": "say", "stressed": "say",
    "emphasized": "say", "emphasised": "say", "insisted": "say", "reiterated": "say",
    "claimed": "say", "described": "say", "explained": "say", "affirmed": "say",
    "expressed": "say", "posted": "say", "wrote": "say", "argued": "say", "repeated": "say",
    "reported": "say", "briefed": "say", "asserted": "say", "acknowledged": "say",
    "warned": "pessimistic", "warns": "pessimistic", "threatened": "pessimistic",
    "welcomed": "optimistic", "praised": "optimistic", "hailed": "optimistic",
    "denied": "deny", "denies": "deny", "dismissed": "deny", "rejected": "deny",
    "condemned": "accuse", "condemns": "accuse", "accused": "accuse", "criticized": "accuse",
    "protested": "accuse", "charged": "accuse",
    "criticised": "accuse", "denounced": "accuse", "blamed": "accuse",
    "urged": "appeal", "urges": "appeal", "called": "appeal", "demanded": "appeal",
    "appealed": "appeal", "ordered": "appeal",
}  # fmt: skip
#: Present-tense reporting verbs: the statement is made as the story is published.
_PRESENT = frozenset(w for w in _VERBS if w.endswith("s") and not w.endswith("ss"))
# ", urging militants to ...", ", adding that ...": a participle reporting speech
_PARTICIPLES = {
    "saying": "say", "adding": "say", "stressing": "say", "noting": "say", "insisting": "say",
    "urging": "appeal", "calling": "appeal", "warning": "pessimistic", "accusing": "accuse",
}  # fmt: skip
#: Lower-case substrings one of which every trigger contains (a cheap pre-test).
# "thanked X for condemning Y": X condemned Y
_FOR_FAMILY = {"condemning": "accuse", "denouncing": "accuse", "criticizing": "accuse",
               "criticising": "accuse", "rejecting": "deny", "welcoming": "optimistic"}  # fmt: skip
KEYWORDS = (*_VERBS, "according to", *_PARTICIPLES, *_FOR_FAMILY, "as saying")
#: After a reporting verb: the speaker speaks of itself ("Iran said it would hold drills",
#: "the army said on Monday its troops had retaken ..."), so it is a party to the event.
SELF_REFERENCE = re.compile(
    r"(?:\s+(?:(?:on|in|late|early|last|this) (?:(?:a|an|its|their) )?\w+(?: \d{1,2}\b)?|"
    r"\w+day|today|yesterday))?\s+(?:that\s+)?(?:it|they|we|its|their|our|his|her)\b"
)
# An unnamed source: not a speaker (ANNOTATION.md: no anonymous sources)
# A source that asks not to be named: the frame after the verb or the speaker's phrase
_UNNAMED_FRAME = (
    r"on (?:the )?condition of anonymity|speaking anonymously|(?:who )?(?:asked|requested|"
    r"declined|refused) not to be (?:named|identified)|(?:declined|refused) to be (?:named|"
    r"identified)|requested anonymity|(?:did not|didn't) (?:wish|want) to be (?:named|identified)"
)
_ANONYMOUS = re.compile(rf"\b(?:{_UNNAMED_FRAME}|unnamed|anonymous)\b", re.IGNORECASE)
# ... right after the verb: "said on condition of anonymity", "told AFP, speaking anonymously"
_ANONYMOUS_AFTER = re.compile(
    rf"(?:\s+(?:on \w+|to \w+|\w+),?)?\s+(?:{_UNNAMED_FRAME})\b", re.IGNORECASE
)
#: Any communication verb (used by other rules to find where reported content starts).
REPORTING_VERB = re.compile(r"\b(" + "|".join(sorted(_VERBS, key=len, reverse=True)) + r")\b")
# A plural subject that stands for the parties of the meeting just told.
_PLURAL = re.compile(
    r"\b(?:they|the (?:two )?leaders|both leaders|the two (?:sides|men|presidents|countries|"
    r"nations|governments|delegations|(?:foreign |defen[cs]e )?ministers)"
    r"|both (?:sides|countries|nations|governments)|the (?:two )?parties"
    r"|the (?:foreign |defen[cs]e )?ministers|the (?:two )?delegations"
    # "..., the communique said": the document of the meeting just told speaks for it
    r"|the (?:final |joint )?(?:communiqu[eé]|declaration|joint statement))"
    r"\s+(?:\w+\s+){0,6}?$",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$")
_BY_AGENT = re.compile(r"\s+by\b")
_PASSIVE_TAIL = re.compile(r"\s+(?:was|were|has been|have been|had been|is|are|been)$")
# " by the Chinese foreign ministry as": the agent, up to "as" / "," / the end
_AGENT_THEN = re.compile(r"\s+by\b[^,.;]*?\bas\b")
_AT_MEETING = re.compile(
    r"\b(?:at|during|after|following|on the sidelines of) the (?:\w+ )?(?:meeting|talks|summit)\b"
    r"|\bat the (?:beginning|start|end) of the (?:meeting|talks|summit)\b",
    re.IGNORECASE,
)
_BY_MEANS = re.compile(r" by (?:tele)?(?:phone|video|video link|letter|e-?mail|text|radio)\b")
# The words before the place where something was said
_SPEAKING_AT = re.compile(
    r"\b(?:[Ss]peaking|speech|address|news conference|press conference|briefing|reporters|"
    r"journalists|said|says|told|summit|meeting|forum|interview)(?: \w+){0,5} (?:in|at) "
    r"(?:the )?$"
)
_AND_BEFORE_VERB = re.compile(r"\band (?:also |later |then )?$")
# a verb right after a subject: "X met", "X visited", "X held talks"
_VERB_AFTER = re.compile(
    r"\s+(?:\w+ly\s+)?(?:met|visited|held|hosted|received|arrived|"
    r"travell?ed|flew|signed|attended|welcomed|toured|spoke|thanked|congratulated|praised|"
    r"accused|critici[sz]ed|urged|warned|blamed|condemned|rejected|denied)\b"
)
_ASIDE_PARTICIPLE = re.compile(r",\s+\w+ing\b[^,]{0,120},")
_SPEAKING_BEFORE = re.compile(
    r"\b(?:[Ss]peaking|[Aa]ddressing \w+)(?: \w+){0,5} (?:in|at) (?:the )?$"
)
_GATHERING_BEFORE = re.compile(
    r"\b(?:[Aa]t|[Dd]uring|[Aa]fter) (?:a|an|the|his|her|its|their) (?:[\w-]+ ){0,3}"
    r"(?:briefing|conference|news conference|press conference|meeting|summit|forum|rally|"
    r"ceremony|session) (?:in|at) (?:the )?$"
)
_WHO_SAID = re.compile(r",\s+who\s+(?:(?:also|later|then|had|has|afterwards)\s+)?$")
_IN_RELATIVE = re.compile(r",\s+(?:who|which)\b[^,]*$")
_BEFORE_CONTENT = re.compile(r"\bthat\b|\"|\b(?:it|they|he|she|we|would|will)\b")
_PARTICIPLE = re.compile(
    r",\s+(saying|adding|stressing|noting|insisting|urging|calling (?:for|on)|warning|accusing)\b"
)
_PLURAL_SUBJECT = re.compile(
    r"\b(?:the (?:two )?leaders|both leaders|the two (?:sides|men|ministers|presidents)|"
    r"both sides|the (?:two )?parties)\b",
    re.IGNORECASE,
)
_NOT_SUBJECT = frozenset({"in", "at", "near", "to", "of", "from", "with", "on", "by", "against"})
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
# "according to UN figures", "according to the ministry's latest data": a source of numbers
_DATA_SOURCE = re.compile(
    r"\s+(?:(?:the|a|an)\s+)?(?:[\w.'’-]+\s+){0,3}(?:figures|data|estimates|statistics|"
    r"tally|tallies|count|counts|census|numbers|records|polls?|surveys?)\b"
)
_WELCOMED_SOMEONE = re.compile(r" (?:(?:the|his|her|their|visiting) )?[A-Z]")
# What may follow an inverted speaker: the end, a comma, a time or medium phrase.
_AFTER_SPEAKER = re.compile(
    r"\s*(?:[.,;:!?\"”’)]|$|(?:on|in|at|late|early|last|this|to|told|during|after)\b)"
)
_INVERSION = re.compile(r"(?:[,\"”’:]|^)\s*$")
_FOR_SAYING = re.compile(
    r"\bfor (condemning|denouncing|criticizing|criticising|rejecting|welcoming)\b"
)
_QUOTED_AS = re.compile(r"\bquoted\b(.{3,120}?)\b(as saying)\b")
# A verb between a reporting verb and a date: the date is the reported clause's
_CLAUSE_VERB = re.compile(
    r"\b(?:\w{3,}ed|took|began|fell|won|lost|met|came|went|left|held|made|was|were|is|are|"
    r"has|have|had|will|would)\b(?<!\bdeclared)(?<!\bannounced)"
    # "said in a statement issued late on Tuesday": the statement's own verb
    r"(?<!\bissued)(?<!\breleased)(?<!\bposted)(?<!\bpublished)(?<!\bcarried)"
)
_SOURCE_OF = re.compile(
    r"\s+(?:a |the )?(?:joint )?(?:statement|report|communique|readout|release|post|"
    r"transcript)(?: issued| released| posted)? (?:by|from|of) "
)
_NO_SAYING = re.compile(r"\b(?:to|not|n't|never|cannot)\s+$")
# "in a tweet on", "in a statement issued late on": the day right after is the saying's
_MEDIUM_THEN = re.compile(
    r"\b(?:in|during|at) (?:a|an|its|his|her|their|the) (?:[\w-]+ )?(?:tweet|statement|post|"
    r"interview|speech|briefing|address|message|communiqu[eé]|news conference|press conference)"
    r"(?: (?:issued|released|posted|published|(?:carried|broadcast|aired) (?:by|on)"
    r"(?: [\w.'’-]+){1,6}))?"
    r" (?:late |early )?(?:on )?$"
)
# "claimed that ...", 'claimed: "..."', "claimed responsibility": a claim in words
_CLAIM_OK = re.compile(
    r"\s*(?:[,:\"]|(?:[\w'’-]+ ){0,5}?(?:that|to|responsibility|credit|victory)\b)"
)
# "Analysts at X", "Residents of X": the head noun of a subject with a prepositional phrase
_SUBJECT_OPENING = re.compile(
    r"\s*(?:(?i:the|some|many|several|two|three) )?([A-Za-z]+) "
    r"(?:at|from|of|with|in|for)\b"
)
_CLAIMED_CLAUSE = re.compile(
    r"\s+(?:that\s+)?(?:it|they|he|she|we|(?:its|their|his|her|our)\s+\w+)\s+"
    r"(?:had|has|have|was|were|would|will|\w+ed)\b"
)
_THAT_NEXT = re.compile(r"\s+(?:on \w+\s+)?that\b")
# "pledged to ...", "promised that ...", 'pledged: "..."': a pledge in words
_PLEDGE_OK = re.compile(r"\s*(?:[,:\"]|(?:on \w+ |again |also )?(?:to|that)\b)")
_CALLED_OK = re.compile(
    r" (?:on|for)\b| (?:[\w'’-]+ ){1,6}[\"“]"
)  # "called on", "called it \"a ...\""
# "said on Tuesday the town was calm": a time phrase before the reported clause
_LEAD_TIME = re.compile(
    r"(?:\s+(?:(?:late |early )?on \w+|(?:last|this) \w+|yesterday|today|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: night| morning)?|"
    r"reporters|journalists|the press|the media|parliament|lawmakers|in [A-Z][\w'’-]+|"
    r"in an? (?:statement|tweet|post|interview|speech|televised address|video address|"
    r"nightly video address|briefing)|on state television))+"
    r"(?:,|\s)(?=\s*[a-zA-Z])"
)


@functools.cache
def _media_pattern() -> re.Pattern[str]:
    names = sorted(lexicon().media, key=len, reverse=True)
    return re.compile(r"\s+(?:the\s+)?(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def _media_after(norm: str, pos: int) -> re.Match[str] | None:
    """A news outlet the lexicon knows right after ``pos`` ("told Al Jazeera")."""
    return _media_pattern().match(norm, pos)


# Whom a speaker "told": an outlet, state media or a counterpart, before what was said
_ADDRESSEE = re.compile(
    r"\s+(?:state (?:television|TV|media|radio|news agency)"
    r"|(?:his|her|their|its) (?:[\w-]+ ){0,2}(?:counterparts?|hosts?|guests?|visitors?)"
    r"(?=\s|,)"
    r"|(?:the )?[A-Z][\w.'’&-]*(?: news agency)?(?=\s+(?:that\s+)?[a-z]|,))"
)
# What may follow the verb of a reporting frame: "on Monday", "in a statement", "told AFP".
_FRAME_TAIL = re.compile(
    r"(?:\s+(?:on|in|at|late|early|last|this|to|told|via|through|from|during|after|before|"
    r"a|an|the|its|his|her|their|\w+day|statement|tweet|interview|briefing|reporters|"
    r"journalists|website|post|posted|issued|released|published|carried|by|conference|news|"
    r"press|media|[A-Z][\w.'’-]*)\b){0,10}"
    # "..., the Pentagon said, adding that ...": a participle may follow the frame
    # or an adjunct of time or cause: "..., the JCS said, a day after the drills began"
    r"(?:\s*[.!]?\s*$|,\s+(?:adding|saying|noting|stressing|insisting|warning|urging|a day|"
    r"hours|days|weeks|shortly|soon|just|after|before|as|amid|citing|following|despite|"
    r"while|without)\b)"
)
# "said in a tweet on Tuesday that ...": a short medium / time phrase before "that"
_WORDS_BEFORE_QUOTE = re.compile(r"\w{3,}")
_LATER_THAT = re.compile(r"\s+(?:[\w'’-]+,?\s+){1,7}?that\b")
_THAT = re.compile(r"\s*(?:on \w+\s*)?(?:that\b|:|,?\s*\")")
_QUOTE = re.compile(r"\"([^\"]{3,})\"")
# The medium, by priority (a tweet quoted in a statement is a tweet). Each pattern is tried
# only when one of its lower-case words is in the sentence (a cheap substring test).
_MEDIUM: tuple[tuple[tuple[str, ...], re.Pattern[str], str], ...] = (
    (("tweet",), re.compile(r"\btweet", re.I), "tweet"),
    (("release",), re.compile(r"\b(?:press|news) release\b", re.I), "press_release"),
    (("conference", "briefing"),
     re.compile(r"\b(?:press conference|news conference|briefing)\b", re.I), "press_conference"),
    (("interview",), re.compile(r"\binterview\b", re.I), "interview"),
    (("speech", "address"), re.compile(r"\bspeech\b|\baddress(?:ing|ed)? (?:the|a)\b", re.I),
     "speech"),
    (("social media", "on x", "twitter", "facebook", "telegram"),
     re.compile(r"\b(?i:social media)\b|\bon (?:X|Twitter|Facebook|Telegram)\b"), "social_media"),
    (("statement",), re.compile(r"\bstatement\b", re.I), "statement"),
)  # fmt: skip
_PARTY_ROLES = frozenset({Role.PERSON, Role.STATE, Role.ORGANIZATION, Role.OFFICIAL,
                          Role.GROUP, Role.ROLE_ONLY, Role.PRONOUN})  # fmt: skip


def reporting_subject_clause(art: Article, sent: Sentence, clause: int) -> int:
    """Where the clause holding a reported event starts, for finding its parties.

    "The ministry said on Tuesday that its forces had taken X": the reported clause
    ("its forces had taken X") names its side only through the reporter, so the
    reporting clause is the one to search; otherwise ``clause`` itself."""
    verbs = list(REPORTING_VERB.finditer(art.norm, max(sent.start, clause - 60), clause))
    if not verbs:
        return clause
    said = verbs[-1]
    own = SELF_REFERENCE.match(art.norm, said.end())
    if own is None or own.end() < clause:
        return clause
    return art.clause_start(sent, said.start())


def _political(actor: Actor | None) -> bool:
    if actor is None:
        return False
    if actor.organization in lexicon().media or actor.name in lexicon().media:
        return False
    if actor.kind.value == "organization" and PRESS_BODY.search(actor.name):
        return False  # "the Media Association of X", "the Foreign Correspondents' Club"
    return actor.kind.value != "person" or bool(actor.country or actor.organization or actor.title)


def _subject_word(art: Article, seg_start: int, verb_start: int) -> str:
    words = art.norm[seg_start:verb_start].split()
    for w in reversed(words):
        w = w.strip(",.\"'").lower()
        if w in ("has", "have", "had", "also", "then", "later", "repeatedly", "again", "and"):
            continue
        return w
    return ""


def _segment_speaker(art: Article, sent: Sentence, verb_start: int) -> ActorMention | None:
    """The speaker before the verb, unless the subject is a non-political noun."""
    if _AND_BEFORE_VERB.search(art.norm, max(sent.start, verb_start - 12), verb_start):
        # "X met Polish President Y on Tuesday and said ...": X, the clause's subject
        clause = art.clause_start(sent, verb_start)
        first = [a for a in art.actors_between(sent, clause, verb_start)
                 if a.role in _PARTY_ROLES and a.actor is not None]  # fmt: skip
        if first:
            # "X, speaking alongside Y in Warsaw, thanked Poland and said ...": X's own verb
            # after an inserted participle phrase
            aside = _ASIDE_PARTICIPLE.match(art.norm, first[0].end, verb_start)
            if _VERB_AFTER.match(art.norm, aside.end() if aside else first[0].end):
                return first[0]
    who = _WHO_SAID.search(art.norm, max(sent.start, verb_start - 24), verb_start)
    if who is not None:
        # "hosted by Foreign Minister X, who said afterwards ...": X speaks
        antecedent = [a for a in art.actors_between(sent, max(sent.start, who.start() - 120),
                                                    who.start())
                      if a.end >= who.start() - 1 and a.role in _PARTY_ROLES]  # fmt: skip
        if antecedent:
            return antecedent[-1]
    lex = lexicon()
    clause = max(art.clause_start(sent, verb_start), verb_start - LOOKBACK)
    seg = art.norm.rfind(",", clause, max(clause, verb_start - 1))
    head = _subject_word(art, clause if seg < 0 else seg + 1, verb_start)
    if head in lex.non_political or head in {m.lower() for m in lex.media}:
        return None
    opening = _SUBJECT_OPENING.match(art.norm, clause)
    if opening is not None and opening.group(1).lower() in lex.non_political:
        return None  # "Analysts at the Institute for the Study of War said": analysts spoke
    return subject_before(art, sent, verb_start, _PARTY_ROLES)


def _agents(art: Article, sent: Sentence, pos: int) -> list[Actor]:
    """The parties right after "by": "X", "X and Y", "X, Y and Z"."""
    out: list[Actor] = []
    hi = pos
    for a in art.actors_between(sent, pos, min(sent.end, pos + 200)):
        gap = art.norm[hi : a.start].strip(" ,").lower()
        if gap not in ("", "and", "the", "and the"):
            break
        if a.actor is not None and a.role in _PARTY_ROLES:
            out.append(a.actor)
        hi = a.end
    return out


def _right_speaker(
    art: Article, sent: Sentence, pos: int, *, closing: bool = False
) -> ActorMention | None:
    """The party right after ``pos``. With ``closing`` ("..., said the army."), only one
    that ends the sentence or its clause: in "X, who arrived on Monday, said France would
    send troops" France is what was said about, not who said it."""
    for a in art.actors_between(sent, pos, min(sent.end, pos + 6), inside=False):
        if a.role in _PARTY_ROLES:
            if closing and not _AFTER_SPEAKER.match(art.norm, a.end, sent.end):
                return None
            return a
    return None


def _content(
    art: Article, sent: Sentence, verb_end: int, frame: int | None = None
) -> tuple[str, int, int]:
    """What was said and where: the quote, the that-clause, the clause before a reporting
    frame ("<content>, the army said on Monday", ``frame`` being where the frame's comma
    is), or the rest of the sentence."""
    norm = art.norm
    m = _THAT.match(norm, verb_end, sent.end) or _LATER_THAT.match(norm, verb_end, sent.end)
    if m:
        start = m.end()
        return art.original[start : sent.end].strip(" \"'.,"), start, sent.end
    if frame is not None:
        last_quote_end = max(
            (q.end() for q in _QUOTE.finditer(norm, sent.start, frame + 1)), default=-1
        )
        if last_quote_end < frame - 1:
            # '<content with a "name" in quotes>, the ministry said': the clause is the content
            return art.original[sent.start : frame].strip(" \"'“”‘’,"), sent.start, frame
    q = _QUOTE.search(
        norm, max(sent.start, verb_end - LOOKBACK), min(sent.end, verb_end + LOOKBACK)
    )
    after = verb_end
    if norm[max(sent.start, verb_end - 5) : verb_end].lower() in (" told", "tells"):
        told = _media_after(norm, verb_end) or _ADDRESSEE.match(norm, verb_end, sent.end)
        after = told.end() if told else verb_end  # "told Al Jazeera the talks ..."
    lead = _LEAD_TIME.match(norm, after, sent.end)  # "said on Tuesday the town was calm"
    rest = art.original[lead.end() if lead else after : sent.end].strip(" \"'.,")
    # a quote before the verb ('"...," he said') or right after it ('said: "..."') is what
    # was said; otherwise the reported clause after the verb ("said Hajiev was in Doha")
    if q and (q.end() <= verb_end or not _WORDS_BEFORE_QUOTE.search(norm, verb_end, q.start())):
        quote = art.original[q.start(1) : q.end(1)].strip(" ,")
        return quote, q.start(1), q.end(1)
    if rest:
        return rest, verb_end, sent.end
    text = art.original[sent.start : sent.end].strip()
    return text, sent.start, sent.end


def _frame(art: Article, sent: Sentence, verb: tuple[int, int], inverted: bool) -> int | None:
    """Where the reporting frame of "<content>, the Malian army said on Monday." or
    "<content>, said the army." begins (its comma), or None if the verb opens the content."""
    norm = art.norm
    comma = norm.rfind(",", sent.start, verb[0])
    if comma <= sent.start:
        return None
    subject = norm[comma + 1 : verb[0]]
    if not subject.strip():
        # "<content>, said the army"; but "Name, the ministry's spokesperson, said ..."
        return comma if inverted else None
    if len(subject.split()) > 8 or sent.end - verb[1] > 160:
        return None  # a long subject or tail: the verb opens content of its own
    if not _FRAME_TAIL.match(norm, verb[1], sent.end):
        return None  # "In Kidal, the army said the town was calm"
    return comma


def _medium(art: Article, sent: Sentence) -> str | None:
    low = art.lower(sent)
    for words, pattern, medium in _MEDIUM:
        if any(w in low for w in words) and pattern.search(art.norm, sent.start, sent.end):
            return medium
    return None


def _date(art: Article, sent: Sentence, verb: tuple[int, int]) -> DateSpan | None:
    """When it was said: a date right at the verb ("said on Sunday", "on Sunday accused"),
    else one in the speaker's clause before the verb; never one from the content."""
    for d in sent.dates:
        if 0 <= d.start - verb[1] <= 4:
            return d.span
        if 0 <= verb[0] - d.end <= 4 and not _IN_RELATIVE.search(
            art.norm, max(sent.start, d.start - 120), d.start
        ):  # "X, who met Y last week, urged ...": last week is the meeting's
            return d.span
    for d in sent.dates:
        if d.start > verb[1] and _MEDIUM_THEN.search(
            art.norm, max(verb[1], d.start - 110), d.start
        ):
            # "dismissed the claims as \"lies\" in a tweet on Sunday": the medium's day
            return d.span
    # "told journalists at a briefing on May 3": before any reported content
    content = _BEFORE_CONTENT.search(art.norm, verb[1], sent.end)
    limit = min(verb[1] + 60, content.start() if content else sent.end)
    for d in sent.dates:
        if verb[1] <= d.start and d.end <= limit and not d.bound:
            # only across frame words: in "said the leaders met last month" the date is
            # the content's
            if not _CLAUSE_VERB.search(art.norm, verb[1], d.start):
                return d.span
            break
    # "<X happened on Friday>, the ministry said": said that day, as far as the text tells
    # (but never on a day still to come: "will hold drills next month, X said")
    before = date_in(sent, art.clause_start(sent, verb[0]), verb[0])
    if before is not None and art.published is not None and before.start > art.published:
        before = None
    if before is not None:
        return before
    if _AT_MEETING.search(art.norm, sent.start, sent.end):
        return art.discourse.last_meeting_date  # "At the meeting, X expressed ..."
    if art.published is not None and art.norm[verb[0] : verb[1]].lower() in _PRESENT:
        # "the ministry says": said as the story is published (the present tense of news)
        return DateSpan(
            start=art.published, end=art.published, precision=DatePrecision.DAY, text=None
        )
    return None


def _reported_around(art: Article, sent: Sentence, verb: tuple[int, int]) -> str:
    """Content of "<clause>, according to X" and "<subject> was described by X as <rest>":
    the text before the trigger, plus what follows the agent."""
    before = art.original[sent.start : verb[0]].strip(" ,;:\"'")
    before = _PASSIVE_TAIL.sub("", before).strip(" ,")
    after = ""
    rest = _AGENT_THEN.match(art.norm, verb[1], sent.end)
    if rest:
        after = art.original[rest.end() : sent.end].strip(" .,;\"'")
    if not before and not after:
        # "According to Sudan's army, RSF fighters shelled a market": what follows the source
        comma = art.norm.find(",", verb[1], sent.end)
        if comma > 0:
            after = art.original[comma + 1 : sent.end].strip(" .,;\"'")
    text = f"{before} {after}".strip()
    return text or art.original[sent.start : sent.end].strip()


def _event(
    art: Article, sent: Sentence, speaker: Actor, verb: tuple[int, int], family: str, rule: str
) -> Statement:
    frame = _frame(art, sent, verb, rule == "statement.inverted")
    content, c_start, c_end = _content(art, sent, verb[1], frame)
    if rule in ("statement.according_to", "statement.passive"):
        content = _reported_around(art, sent, verb)
    # "<content>, the Pentagon said": the content's modals are not the saying's
    speech_start = art.clause_start(sent, verb[0]) if frame is None else frame + 1
    if (
        art.norm[max(sent.start, speech_start - 7) : speech_start]
        .rstrip()
        .endswith(("which", "who"))
        and "," in art.norm[speech_start : verb[0]]
    ):
        # "the British government, which was not consulted, said": the relative clause's
        # "not" is not the saying's
        speech_start = art.norm.rfind(",", speech_start, verb[0]) + 1
    if rule == "statement.participle":
        speech_start = verb[0]  # "X made no mention of Y, saying only that ...": said
    date = _date(art, sent, verb)
    if date is None and rule == "statement.plural":
        date = art.discourse.last_meeting_date  # "the two leaders said": at their meeting
    cameo, plover = STATEMENT[family]
    modality = modality_of(art.norm, verb[0], verb[1], speech_start)
    if family == "deny" and modality is Modality.NEGATED:
        modality = Modality.REALIZED  # "denied" is itself the statement
    venue = _venue(
        art,
        sent,
        verb,
        c_start,
        c_end,
        fronted_only=rule in ("statement.according_to", "statement.passive"),
    )
    if (
        venue is not None
        and venue.country
        and venue.kind is LocationKind.CITY
        # only a home routine: "at a (regular) press briefing in Beijing"; a ministry official
        # "speaking in Kyiv" may be abroad
        and venue.mention is not None
        and (
            _HOME_BRIEFING.search(
                art.norm, max(sent.start, venue.mention.start - 60), venue.mention.start
            )
            is not None
            # "In Beijing, Foreign Ministry spokesman X said": the sentence opens at home
            or venue.mention.start - sent.start <= 3
        )
        and speaker.kind is ActorKind.PERSON
        and speaker.country is None
        and speaker.organization is None
        and _INSTITUTION_TITLE.search(speaker.title or "")
    ):
        # "At a briefing in Beijing, Foreign Ministry spokesman Lin Jian said": a ministry's
        # official speaking at home
        speaker = attrs.evolve(speaker, country=venue.country)
    return Statement(
        id="pending",
        evidence=(art.span(sent.start, sent.end),),
        date=date,
        modality=modality,
        confidence=0.7,
        rule=rule,
        cameo=cameo,
        plover=plover,
        speaker=speaker,
        content=content or art.original[sent.start : sent.end].strip() or "-",
        medium=_medium(art, sent),
        location=venue,
    )


_HOME_BRIEFING = re.compile(
    r"\b(?:regular|weekly|daily|routine|monthly)?\s?(?:press |news |media )?briefing (?:in|at) "
    r"(?:the )?$",
    re.IGNORECASE,
)
_INSTITUTION_TITLE = re.compile(r"\b(?:[Mm]inistry|[Oo]ffice|[Dd]epartment)\b")


def _venue(
    art: Article,
    sent: Sentence,
    verb: tuple[int, int],
    c_start: int,
    c_end: int,
    *,
    fronted_only: bool = False,
) -> Location | None:
    """Where it was said: "Speaking in Lilongwe, X said", "told reporters in Islamabad",
    "at a news conference in Geneva", "In Beijing, a spokesman told ..."; never a place of
    the content or of another clause."""
    own = art.clause_start(sent, verb[0])
    for p in sent.places:
        if c_start <= p.start < c_end or p.prep not in ("in", "at"):
            continue
        if p.start - sent.start <= 3 and art.norm.startswith(",", p.end):
            return p.location  # "In Beijing, a spokesman told a briefing ..."
        if fronted_only or p.start < own:
            continue
        if p.start < verb[0]:
            # before the verb only in a participle: "Speaking in Lilongwe, X said"
            if _SPEAKING_BEFORE.search(art.norm, max(own, p.start - 60), p.start):
                return p.location
            if _GATHERING_BEFORE.search(art.norm, max(sent.start, p.start - 60), p.start):
                return p.location  # "At a regular press briefing in Beijing, X said"
            continue
        if _SPEAKING_AT.search(art.norm, max(own, p.start - 40), p.start):
            return p.location
    return None


def extract(art: Article, sent: Sentence) -> list[Statement]:
    """Statements reported in one sentence (one per speaker)."""
    if sent.title:
        return []
    out: list[Statement] = []
    seen: set[str] = set()
    told: list[tuple[int, str]] = []  # (end of the verb, side) of the statements found
    norm = art.norm
    for k, m in enumerate(REPORTING_VERB.finditer(norm, sent.start, sent.end)):
        if k >= MAX_TRIGGERS:
            break
        word = m.group(1)
        if word == "called" and not _CALLED_OK.match(norm, m.end()):
            continue
        if word == "repeated" and not _THAT_NEXT.match(norm, m.end()):
            continue  # "repeated that ...": said again; "repeated the drills": no saying
        if word == "charged" and not _THAT_NEXT.match(norm, m.end()):
            continue  # "charged with murder", "charged into": only "charged that" is said
        if (
            word == "claimed"
            and not _CLAIM_OK.match(norm, m.end())
            and not _CLAIMED_CLAUSE.match(norm, m.end())  # "Russia claimed it had shot down"
        ):
            continue  # "Venezuela has claimed the Essequibo since 1899": a claim to land
        if word in ("pledged", "promised") and not _PLEDGE_OK.match(norm, m.end()):
            continue  # "have pledged personnel for the mission": a commitment of means
        if word == "say" and _NO_SAYING.search(norm, max(sent.start, m.start() - 12), m.start()):
            continue  # "declined to say", "would not say": nothing was said
        if word == "welcomed" and _WELCOMED_SOMEONE.match(norm, m.end()):
            continue  # "welcomed Kenyan President Ruto": a visit (the meeting rule)
        if in_quote(norm, sent, m.start()):
            continue
        if (
            norm.startswith(" by ", m.end())
            and not _BY_MEANS.match(norm, m.end())
            and not _PASSIVE.search(norm, max(sent.start, m.start() - 12), m.start())
        ):
            continue  # "a withdrawal demanded by the junta": a participle, nobody spoke here
        if _PASSIVE.search(norm, max(sent.start, m.start() - 12), m.start()):
            # "was welcomed by the EU and the African Union"
            by = _BY_AGENT.match(norm, m.end(), sent.end)
            person_welcomed = word == "welcomed" and any(
                a.role is Role.ROLE_ONLY or (a.actor is not None and a.actor.kind.value == "person")
                for a in art.actors_between(sent, art.clause_start(sent, m.start()), m.start())
            )
            if by and not person_welcomed:
                for agent in _agents(art, sent, by.end()):
                    key = side_key(agent)
                    if key not in seen and _political(agent):
                        seen.add(key)
                        out.append(_event(art, sent, agent, (m.start(), m.end()),
                                          _VERBS[word], "statement.passive"))  # fmt: skip
            continue
        speaker = _segment_speaker(art, sent, m.start())
        rule = "statement.verb"
        if speaker is None and _PLURAL.search(
            art.norm, max(art.clause_start(sent, m.start()), m.start() - LOOKBACK), m.start()
        ):
            for party in art.discourse.last_meeting:
                key = side_key(party)
                if key not in seen and _political(party):
                    seen.add(key)
                    out.append(_event(art, sent, party, (m.start(), m.end()), _VERBS[word],
                                      "statement.plural"))  # fmt: skip
            continue
        if speaker is None and _INVERSION.search(norm, max(sent.start, m.start() - 3), m.start()):
            # '"...," said the army', "..., said X": the speaker follows the verb (but not in
            # "Y called the drills a provocation and said Warsaw would ...")
            speaker = _right_speaker(art, sent, m.end(), closing=True)
            rule = "statement.inverted"
        talk = art.discourse
        if (
            speaker is not None
            and speaker.role is Role.PRONOUN
            and word == "added"
            and talk.last_speaker is not None
            and sent.index - talk.last_speaker_sentence <= 2
        ):
            # '"...," he added': the one who spoke last goes on
            speaker = attrs.evolve(speaker, actor=talk.last_speaker)
        if speaker is None or not _political(speaker.actor) or speaker.actor is None:
            continue
        if word in ("reported", "reports") and PRESS_BODY.search(speaker.actor.title or ""):
            continue  # "..., the Omani News Agency reported": a report, no one's statement
        if speaker.actor.kind is not ActorKind.PERSON and (
            _ANONYMOUS.search(norm, max(sent.start, speaker.start - 20), m.start())
            or _ANONYMOUS_AFTER.match(norm, m.end(), min(sent.end, m.end() + 60))
        ):
            continue  # "an official said on condition of anonymity": no named source
        voice: Actor = speaker.actor
        key = voice_key(voice)
        if key in seen:
            continue
        side = side_key(voice)
        if any(
            side == s and (_THAT.match(norm, end) or _LATER_THAT.match(norm, end))
            for end, s in told
        ):
            continue  # "Gil said that Caracas rejected ...": the same side, told in its content
        seen.add(key)
        told.append((m.end(), side))
        talk.last_speaker, talk.last_speaker_sentence = voice, sent.index
        out.append(_event(art, sent, voice, (m.start(), m.end()), _VERBS[word], rule))
    for k, m in enumerate(_ACCORDING.finditer(norm, sent.start, sent.end)):
        if k >= MAX_TRIGGERS:
            break
        if _DATA_SOURCE.match(norm, m.end(), sent.end):
            continue  # "according to UN figures": a count from a body's data, no statement
        source = _SOURCE_OF.match(norm, m.end(), sent.end)  # "according to a statement from"
        speaker = _right_speaker(art, sent, source.end() if source else m.end())
        if speaker is None or speaker.actor is None or not _political(speaker.actor):
            continue
        key = voice_key(speaker.actor)
        if key not in seen:
            seen.add(key)
            out.append(_event(art, sent, speaker.actor, (m.start(), m.end()), "say",
                              "statement.according_to"))  # fmt: skip
    for k, m in enumerate(_QUOTED_AS.finditer(norm, sent.start, sent.end)):
        # "Xinhua quoted Foreign Ministry spokesman Hong Lei as saying ...": Hong Lei spoke
        if k >= MAX_TRIGGERS:
            break
        quoted = [a for a in art.actors_between(sent, m.start(1), m.end(1), inside=False)
                  if a.role in _PARTY_ROLES and a.actor is not None]  # fmt: skip
        if _PASSIVE.search(norm, max(sent.start, m.start() - 12), m.start()):
            # "X was quoted by the news agency Y as saying": X spoke, Y reported it
            subject = subject_before(art, sent, m.start(), _PARTY_ROLES)
            quoted = [subject] if subject is not None and subject.actor is not None else []
        if quoted and quoted[0].actor is not None and _political(quoted[0].actor):
            voice = quoted[0].actor
            if voice_key(voice) not in seen:
                seen.add(voice_key(voice))
                out.append(_event(art, sent, voice, (m.start(2), m.end(2)), "say",
                                  "statement.quoted"))  # fmt: skip
    for k, m in enumerate(_FOR_SAYING.finditer(norm, sent.start, sent.end)):
        # "thanked Saudi Arabia for condemning the attack": Saudi Arabia condemned it
        if k >= MAX_TRIGGERS or in_quote(norm, sent, m.start()):
            break
        near = art.actors_between(sent, max(sent.start, m.start() - 40), m.start())
        doer = near[-1].actor if near else None
        if (
            doer is not None
            and near[-1].end >= m.start() - 2
            and _political(doer)
            and voice_key(doer) not in seen
        ):
            seen.add(voice_key(doer))
            family = _FOR_FAMILY[m.group(1).lower()]
            out.append(_event(art, sent, doer, (m.start(1), m.end(1)), family,
                              "statement.for"))  # fmt: skip
    for k, m in enumerate(_PARTICIPLE.finditer(norm, sent.start, sent.end)):
        if k >= MAX_TRIGGERS or in_quote(norm, sent, m.start()):
            break
        if REPORTING_VERB.search(norm, max(sent.start, m.start() - 90), m.start()):
            # "..., the Pentagon said, adding that ...", "X said at the opening of the session,
            # adding that ...": the frame's speaker adds
            continue
        verb = (m.start(1), m.end(1))
        family = _PARTICIPLES[m.group(1).split()[0].lower()]
        for party in _main_subjects(art, sent, m.start()):
            key = voice_key(party)
            if key not in seen and _political(party):
                seen.add(key)
                out.append(_event(art, sent, party, verb, family, "statement.participle"))
    return out


def _main_subjects(art: Article, sent: Sentence, pos: int) -> list[Actor]:
    """Who does what a participle reports (", urging ..."): the parties the main clause
    begins with, or the parties of the meeting just told for "the leaders"."""
    lo = max(sent.start, pos - LOOKBACK)
    if _PLURAL_SUBJECT.search(art.norm, lo, pos):
        return list(art.discourse.last_meeting)
    for a in art.actors_between(sent, lo, pos):
        if (
            a.role in _PARTY_ROLES
            and a.actor is not None
            and a.prep not in _NOT_SUBJECT
            and not in_quote(art.norm, sent, a.start)  # '"The Quad is here," X said, adding'
        ):
            return [a.actor]
    return []
