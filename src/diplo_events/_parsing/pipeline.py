"""The parser pipeline: text -> sentences -> mentions -> rules -> merged events.

1. :mod:`.text` keeps the caller's string, builds a same-length normalized
   copy with non-prose lines blanked, and reads the dateline.
2. :mod:`.sentences` splits the prose blocks into sentences.
3. :mod:`.gazetteer` finds countries, organizations, titles ... in one pass.
4. :mod:`.mentions` finds actors and places per sentence; :mod:`.entities`
   resolves short mentions against the whole article.
5. :mod:`.dates` finds dates, resolved against the publication date.
6. The rules in :mod:`.rules` make candidate events; :mod:`.merge` folds the
   candidates that tell the same happening.
7. :mod:`.timeline` gives undated realized events the article's temporal focus;
   then :func:`.merge.assign_ids` gives every event its id.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterator, Sequence

import attrs

from ..model import (
    Actor,
    ActorKind,
    DatePrecision,
    Event,
    Location,
    LocationKind,
    Modality,
    Span,
    Statement,
)
from .annotate.dates import DateMention, find_dates, parse_published
from .annotate.gazetteer import Match, gazetteer
from .annotate.leaders import state_of
from .annotate.mentions import (
    ActorMention,
    PlaceMention,
    Role,
    SentenceMentions,
    find_code_names,
    find_mentions,
    with_grounds,
)
from .annotate.numbers import parse_number
from .annotate.tokens import tokenize
from .annotate.vocabulary import vocabulary
from .document.article import Article, Sentence
from .document.entities import build_registry
from .document.groups import name_groups, story_group
from .document.losers import fill_losers
from .document.merge import Candidate, Link, assign_ids, merge_traced
from .document.shared_ground import share_ground
from .document.state import DocState, advance
from .document.timeline import inherit_dates
from .document.whereabouts import fill_locations
from .match.matcher import may_match
from .rules.engine import Trace, extract
from .syntax import analyse
from .text.clean import clean
from .text.invisible import join_words
from .text.sentences import split_sentences, unwrap

__all__ = ["run"]


# "the city", "the town": the city last named.
_CITY_REF = re.compile(r"\bthe (?:city|town)\b(?! of\b)", re.IGNORECASE)
_PREV_WORD = re.compile(r"(\w+)\s*$")
_NEWLINE = re.compile("\n")


def _word_before(norm: str, m: re.Match[str]) -> str:
    before = _PREV_WORD.search(norm, max(0, m.start() - 20), m.start())
    return before.group(1).lower() if before else ""


def _home(place: str, named: Counter[str] | None = None) -> Location:
    """The dateline place ("Camp Humphreys, South Korea", "KABUL") with its country; of a
    dateline naming places in two states ("MOSCOW/KIEV"), the state the story names more
    (``named``: mentions per state), and none on a tie."""
    country = None
    countries: list[str] = []
    for m in gazetteer().find(place):
        entry = m.entries[0]
        if entry.country and entry.category.value in ("country", "capital", "city", "region"):
            country = entry.country
            countries.append(entry.country)
    if "/" in place and len(set(countries)) > 1:
        ranked = sorted(set(countries), key=lambda c: (named or Counter())[c], reverse=True)
        tie = (named or Counter())[ranked[0]] == (named or Counter())[ranked[1]]
        country = None if tie else ranked[0]
    first = place.split(",")[0].split(" [")[0].strip()  # "New Delhi [India]": New Delhi
    kind = (
        LocationKind.COUNTRY
        if gazetteer().lookup(first)
        and all(e.category.value == "country" for e in gazetteer().lookup(first)[:1])
        else LocationKind.CITY
    )
    return Location(name=first or place, country=country, kind=kind)


#: A "sentence" longer than this (no real one is) is cut at spaces into pieces of at most
#: this size, so that the per-sentence work of the later stages stays bounded.
MAX_SENTENCE_CHARS = 1500


def _bounded(norm: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for start, end in spans:
        while end - start > MAX_SENTENCE_CHARS:
            cut = norm.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
            cut = cut if cut > start else start + MAX_SENTENCE_CHARS
            yield start, cut
            start = cut
            while start < end and norm[start].isspace():
                start += 1
        if start < end:
            yield start, end


def _heading(norm: str, start: int, end: int) -> bool:
    """A short line without final punctuation: a heading, not prose."""
    if end - start >= 80 or norm[end - 1] in ".!?\"'):" or "\n" in norm[start:end]:
        return False
    # a line of its own, with more text after it (a cut-off last line is no heading)
    line_start = start == 0 or norm[start - 1] == "\n"
    return line_start and norm.startswith("\n", end) and bool(norm[end:].strip())


_WORD = re.compile(r"[\w'’-]+")


def _with_bounds(norm: str, dates: list[DateMention]) -> tuple[DateMention, ...]:
    """Mark the dates that only bound a period ("since the early 1990s", "until at least
    Friday", "as of Monday"): the bound word, then nothing but filler before the date. A
    date after a happening ("since a session last June", "since Russian forces captured
    the town on May 3") is that happening's own."""
    vocab = vocabulary()
    out = []
    for d in dates:
        words = [w.lower() for w in _WORD.findall(norm, max(0, d.start - 60), d.start)]
        k = len(words)
        while k > 0 and vocab.has("bound_filler", words[k - 1]):
            k -= 1
        if k > 0 and (
            vocab.has("period_bound", words[k - 1])
            or (k > 1 and vocab.has("period_bound", f"{words[k - 2]} {words[k - 1]}"))
        ):
            d = attrs.evolve(d, bound=True)
        out.append(d)
    return tuple(out)


def _follow_cities(
    text: str,
    norm: str,
    places: list[PlaceMention],
    refs: list[re.Match[str]],
    last_city: Location | None,
    cities: dict[str, Location],
) -> tuple[list[PlaceMention], Location | None]:
    """Walk a sentence's places in order, keeping the city last named (``cities`` holds the
    towns met so far, so that a later bare "in Kitshanga" names the town again), and resolve
    "the city" / "the town" to it."""
    out: list[PlaceMention] = []
    pending = list(refs)
    for p in [*places, None]:
        while pending and (p is None or pending[0].start() < p.start):
            ref = pending.pop(0)
            if last_city is not None:
                loc = attrs.evolve(last_city, mention=Span.of(text, ref.start(), ref.end()))
                out.append(PlaceMention(ref.start(), ref.end(), loc, _word_before(norm, ref)))
        if p is None:
            break
        out.append(p)
        if p.location.kind is LocationKind.CITY and p.location.name:
            last_city = p.location
            cities.setdefault(p.location.name, p.location)
        elif p.location.kind is None and p.location.name in cities:
            last_city = cities[p.location.name]  # "in Kitshanga": the town named before
    return out, last_city


# A sentence telling a visit: its titled persons may be the dateline state's guests
_VISIT = re.compile(r"\b(?:visit\w*|arriv\w*|trip|tour|landed|flew|travel\w*)\b", re.IGNORECASE)
#: Words one of which every match of _VISIT holds (lower case).
_VISIT_WORDS = ("visit", "arriv", "trip", "tour", "landed", "flew", "travel")
#: Verbs right before an untitled name that make it a place taken or visited, not a person.
_PLACE_VERBS = frozenset({"captured", "seized", "retook", "retaken", "recaptured", "took",
                          "taken", "overran", "overrun", "liberated", "entered", "stormed",
                          "captures", "seizes", "retakes", "recaptures", "takes", "annexed",
                          "annexes", "visited", "toured"})  # fmt: skip
# "withdrew its troops from Khan Younis": an untitled name a side leaves is a place
_LEFT_FROM = re.compile(
    r"\b(?:withdr[ae]w\w*|pull(?:ed|ing|s)? (?:[\w-]+ ){0,3}?(?:out|back)|retreat\w*|"
    r"evacuated|fled)\b[^.,;]{0,40}$"
)


# (\b[A-Z][A-Z'’-]{3,}\b with the boundary before checked after the first letter: a pattern
# that starts with a character class is scanned fast)
_UPPER_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z'’-]{3,}\b")


def _recase(norm: str) -> str:
    """ "ICELANDIC Foreign Minister", "troops from UGANDA": a name written in capitals is
    read as the name it is (same length, so every offset holds); acronyms the gazetteer
    knows as written ("NATO") stay."""
    gaz = gazetteer()
    parts: list[str] = []
    last = 0
    for m in _UPPER_WORD.finditer(norm):
        word = m.group()
        if gaz.lookup(word):
            continue
        titled = word[0] + word[1:].lower()
        if gaz.lookup(titled):
            parts.append(norm[last : m.start()])
            parts.append(titled)
            last = m.end()
    if not parts:
        return norm
    parts.append(norm[last:])
    return "".join(parts)


_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w-]*)")


_GROUND_OF = re.compile(r"([a-z]+) of $")


def _named_ground(norm: str, start: int) -> bool:
    """ "the towns of Masisi and Rubaya": a name a ground noun introduces is a place's, even
    when a leader bears it."""
    m = _GROUND_OF.search(norm, max(0, start - 24), start)
    return m is not None and vocabulary().has("ground_noun", m.group(1))


def _attributive(norm: str, start: int, end: int) -> bool:
    """ "the Marxist Nicaraguan leader", "the Putin government": a capitalized word between
    an article and another word qualifies that word; it names no one by itself."""
    if _ARTICLE_BEFORE.search(norm, max(0, start - 6), start) is None:
        return False
    after = _WORD_AFTER.match(norm, end)
    if after is None:
        return False
    word = after.group(1)
    vocab = vocabulary()
    # "the Tigers said": a verb follows, the word is the party
    low = word.lower()
    if vocab.has("ground_noun", low):
        return False  # "the Aghdam district": a place's name before what it is
    if word[0].isupper():
        return True
    closed = ("coordinator", "relative", "preposition", "be", "have", "modal", "subordinator")
    return not (vocab.is_verb_form(low) or any(vocab.has(c, low) for c in closed))


def _qualified_titles(mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """ "Rebel Colonel Joseph Zoundeko", "Former President X" at the start of a sentence: the
    capitalized qualifier is part of the title after it, not a name of its own."""
    vocab = vocabulary()
    out: list[ActorMention] = []
    skip = False
    for i, m in enumerate(mentions):
        if skip:
            skip = False
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        low = (m.surname or "").lower()
        if (
            m.role is Role.PERSON
            and m.actor is None
            and nxt is not None
            and nxt.actor is not None
            and nxt.actor.kind is ActorKind.PERSON
            and nxt.actor.title
            and 0 < nxt.start - m.end <= 1
            and (vocab.has("non_state_word", low) or vocab.has("former_word", low))
        ):
            title = f"{low} {nxt.actor.title}"
            out.append(attrs.evolve(nxt, start=m.start, actor=attrs.evolve(nxt.actor, title=title)))
            skip = True
            continue
        out.append(m)
    return out


def _function_word(word: str) -> bool:
    """A capitalized word that is an English function or time word ("Overnight")."""
    low = word.lower()
    if low.endswith(("ing", "ern", "ly")) and len(low) > 5:
        return True  # "Neighbouring Mali", "Western officials", "Separately, ..."
    return low in _function_words()


@functools.cache
def _function_words() -> frozenset[str]:
    """Function and time words, and the first words of those of several ("Ahead of")."""
    vocab = vocabulary()
    out: set[str] = set()
    for name in ("adverb", "time_noun", "determiner", "preposition", "subordinator",
                 "coordinator", "subject_pronoun", "number_word", "month"):  # fmt: skip
        for form in vocab.forms(name):
            out.add(form)
            out.add(form.split(" ")[0])
    return frozenset(out)


def _office(text: str, mention: ActorMention) -> Actor:
    """The actor an unresolved role stands for: the office as written, no country."""
    name = text[mention.start : mention.end].strip()
    head = (mention.title or name).lower().split()[-1]
    kind = ActorKind.ORGANIZATION if vocabulary().has("body_noun", head) else ActorKind.PERSON
    return Actor(name=name or (mention.title or "official"), kind=kind, title=mention.title,
                 mention=Span.of(text, mention.start, mention.end))  # fmt: skip


#: A dateline's date at most this many days before the publication date is the day the
#: story's relative dates count from.
DATELINE_LAG_DAYS = 3


def run(text: str, *, published: dt.date | str | None = None) -> list[Event]:
    """All events of ``text`` (already checked to be a str of acceptable size)."""
    return run_traced(text, published=published).events


@attrs.frozen
class Traced:
    """The events of a text, every pattern tried on it, and which tries made which event."""

    events: list[Event]
    traces: list[Trace]  # in text order
    sources: list[frozenset[int]]  # per event: the indices of the traces that made it


def run_traced(text: str, *, published: dt.date | str | None = None) -> Traced:
    """All events of ``text``, and the trace of every pattern tried.

    "Rus\\u00adsia": soft hyphens and zero-width characters inside words are read as absent
    (:mod:`.text.invisible`), and every span and trace is mapped back to ``text``."""
    joined = join_words(text)
    if joined is None:
        return _run_traced(text, published)
    traced = _run_traced(joined.text, published)
    traces = []
    for t in traced.traces:
        start = joined.start(t.start)
        end = max(start, joined.end(t.end))
        traces.append(attrs.evolve(t, trigger=text[start:end], start=start, end=end))
    return Traced(joined.restore(traced.events, text), traces, traced.sources)


def _run_traced(text: str, published: dt.date | str | None) -> Traced:
    """:func:`run_traced` on ``text`` as it is."""
    article = prepare(text, published=published)
    day = article.published
    vocab = vocabulary()
    state = DocState(home=article.home.country if article.home is not None else None)
    candidates: list[Candidate] = []
    traces: list[Trace] = []
    for sent in article.sentences:
        tokens = tokenize(article.norm, sent.start, sent.end)
        found: list[tuple[Event, Link]] = []
        tried: list[Trace] = []
        if may_match(tokens):  # else no pattern applies: no syntax needed
            syn = analyse(article.norm, sent.start, sent.end, sent.actors, sent.places,
                          sent.dates, vocab, tokens)  # fmt: skip
            found, tried = extract(article, sent, syn, state)
        maker = {id(e): len(traces) + k for k, t in enumerate(tried) for e in t.events}
        traces.extend(tried)
        made: list[Event] = []
        for event, link in found:
            origin = frozenset({maker[id(event)]}) if id(event) in maker else frozenset()
            if sent.title and isinstance(event, Statement):
                continue  # a headline is no statement (it sums up the body)
            if (
                day is not None
                and event.modality is Modality.REALIZED
                and event.date is not None
                and event.date.start > day
            ):
                event = _future(event, day)
            made.append(event)
            candidates.append(
                Candidate(event, sent.paragraph, sent.index, link, sent.title, origin)
            )
        state = advance(state, made, sent.index, sent.paragraph, sent.places)
    group = story_group(article)
    if group is not None:
        candidates = [attrs.evolve(c, event=name_groups(c.event, group)) for c in candidates]
    merged = merge_traced(share_ground(candidates))
    dated = inherit_dates([c.event for c in merged], article)
    events = assign_ids(fill_losers(fill_locations(dated, article)))
    return Traced(events, traces, [c.origins for c in merged])


def _future(event: Event, day: dt.date) -> Event:
    """A realized event dated after publication: "since they seized Bambari in May" told in
    March is last May's; "drills next year", "talks on March 20" are plans."""
    date = event.date
    assert date is not None
    if (
        date.precision is DatePrecision.MONTH
        and date.text
        and not any(w in date.text.lower() for w in ("next", "coming", "this", "20", "19"))
    ):
        try:
            earlier = attrs.evolve(date, start=date.start.replace(year=date.start.year - 1),
                                   end=date.end.replace(year=date.end.year - 1))  # fmt: skip
        except ValueError:
            return attrs.evolve(event, modality=Modality.PLANNED)
        return attrs.evolve(event, date=earlier)
    return attrs.evolve(event, modality=Modality.PLANNED)


def prepare(text: str, *, published: dt.date | str | None = None) -> Article:
    """The article with its sentences and their resolved mentions."""
    day = parse_published(published)
    cleaned = clean(text)
    norm = unwrap(_recase(cleaned.norm))
    if day is None and cleaned.dateline is not None:
        day = cleaned.dateline.date
    elif day is not None and cleaned.dateline is not None:
        written = cleaned.dateline.date_with(day)
        if written is not None and 0 < (day - written).days <= DATELINE_LAG_DAYS:
            # "EL ARISH, Egypt, May 25 - ... today" in the paper of May 26: the story was
            # written on the dateline's day, and its "today" and "on Friday" count from it
            day = written
    matches = gazetteer().find(norm)
    starts = [m.start for m in matches]
    code_names = find_code_names(norm)

    raw: list[tuple[int, int, int, bool, SentenceMentions]] = []
    newlines = [m.start() for m in _NEWLINE.finditer(norm)]
    for block in cleaned.blocks:
        for s_start, s_end in _bounded(norm, split_sentences(norm, block.start, block.end)):
            paragraph = bisect.bisect_left(newlines, s_start)  # news paragraphs are lines
            is_title = (
                block.kind.value == "title"
                or _heading(norm, s_start, s_end)
                # a summary above the dateline ("Rebels take Gao. The army said ...",
                # then "BAMAKO (AFP) - ..."): a standfirst, read as headings are
                or (cleaned.dateline is not None and s_end <= cleaned.dateline.start)
            )
            lo = bisect.bisect_left(starts, s_start)
            hi = bisect.bisect_left(starts, s_end)
            inside: list[Match] = [m for m in matches[lo:hi] if m.end <= s_end]
            found = find_mentions(text, norm, s_start, s_end, inside, code_names=code_names)
            raw.append((s_start, s_end, paragraph, is_title, found))
    # a paragraph's number is its rank among the lines that hold sentences: one blank line
    # between paragraphs, two, or none ("one paragraph per line") number them alike
    ranks = {line: n for n, line in enumerate(sorted({r[2] for r in raw}))}
    raw = [(a, b, ranks[p], t, f) for a, b, p, t, f in raw]

    registry = build_registry(
        (a for *_, f in raw for a in f.actors),
        (x for *_, f in raw for x in f.acronyms),
        (p for *_, f in raw for p in f.places),
        year=day.year if day is not None else None,
    )
    home = None
    if cleaned.dateline is not None and cleaned.dateline.place:
        home = _home(cleaned.dateline.place, registry.states)
    registry.home = home.country if home is not None else None
    sentences: list[Sentence] = []
    foreign_to: dict[str, frozenset[str]] = {}
    last_city: Location | None = None
    cities: dict[str, Location] = {}
    for index, (s_start, s_end, paragraph, is_title, found) in enumerate(raw):
        resolved: list[ActorMention] = []
        places = []
        for pl in found.places:
            known = (
                registry.person(pl.location.name or "")
                if pl.location.kind is None and pl.location.country is None
                else None
            )
            if known is not None:
                # "According to Rojas": the person the story named in full, not a place
                person = attrs.evolve(known, mention=pl.location.mention)
                surname = pl.location.name
                resolved.append(ActorMention(pl.start, pl.end, person, Role.PERSON, pl.prep,
                                             surname=surname))  # fmt: skip
                continue
            places.append(pl)
        where = frozenset(p.location.country for p in places if p.location.country)
        # "In neighbouring Burkina Faso, the army said": the state the sentence opens in
        # (or its capital: "In Buenos Aires, the ruling junta said")
        front = next(
            (p.location.country for p in places
             if p.prep == "in" and p.location.kind in (LocationKind.COUNTRY, LocationKind.CITY)
             and p.start - s_start < 30 and norm.startswith(",", p.end)),
            None,
        )  # fmt: skip
        raw_window = norm[s_start:s_end]
        window = raw_window.lower()
        visit = (
            # a cheap test before the pattern (exact on ASCII text: no case folding)
            (not raw_window.isascii() or any(w in window for w in _VISIT_WORDS))
            and _VISIT.search(norm, s_start, s_end) is not None
        )
        # "X and his Chinese counterpart Y": X is of another state than Y
        rivals = frozenset(
            m.actor.country
            for m in found.actors
            if m.actor is not None and m.actor.country and _counterpart(norm, m)
        )
        if rivals:
            for m in found.actors:
                if m.role is Role.PERSON and not _counterpart(norm, m):
                    name = m.actor.name if m.actor is not None else (m.surname or "")
                    foreign_to[name] = foreign_to.get(name, frozenset()) | rivals
        registry.begin_sentence()
        for mention in _qualified_titles(found.actors):
            actor = registry.resolve(mention, where, front=front, visit=visit, rivals=rivals)
            registry.note(mention, actor)
            if (
                actor is not None
                and mention.role is Role.PERSON
                and (
                    mention.prep in _PLACE_VERBS
                    or (
                        mention.prep == "from"
                        and _LEFT_FROM.search(norm, max(s_start, mention.start - 60), mention.start)
                        is not None
                    )
                )
                and actor.title is None
                and actor.country is None
                and actor.organization is None
            ):
                # "retook Wad Madani": a place taken, not an untitled person
                loc = Location(name=actor.name, mention=Span.of(text, mention.start, mention.end))
                places.append(PlaceMention(mention.start, mention.end, loc, mention.prep))
                continue
            if actor is not None:
                resolved.append(
                    mention if actor is mention.actor else attrs.evolve(mention, actor=actor)
                )
            elif (
                mention.role is Role.PERSON
                and mention.surname
                and parse_number(mention.surname) is None  # "Twenty-three towns ..."
                and not _function_word(mention.surname)  # "Overnight, ...", "Earlier, ..."
                and not _attributive(norm, mention.start, mention.end)
            ):
                name = text[mention.start : mention.end]
                span = Span.of(text, mention.start, mention.end)
                leader = (
                    state_of(name, day.year if day is not None else None)
                    if not _named_ground(norm, mention.start)
                    else None
                )
                if leader is not None:
                    # "a courtesy visit to Museveni": a leader the story's year knows
                    person = Actor(name=name, kind=ActorKind.PERSON, country=leader, mention=span)
                    registry.told(attrs.evolve(person, mention=None))
                    resolved.append(attrs.evolve(mention, actor=person))
                    continue
                # a lone capitalized word that names nobody known: a person or a place, as
                # its role in the clause will tell ("met Prigozhin", "in Kitshanga")
                loc = Location(name=name, mention=span)
                places.append(PlaceMention(mention.start, mention.end, loc, mention.prep))
                person = Actor(name=name, kind=ActorKind.PERSON, mention=span)
                if not any(
                    o is not mention and o.start <= mention.start and mention.end <= o.end
                    for o in found.actors
                ):
                    resolved.append(attrs.evolve(mention, actor=person, bare=True))
            elif mention.role is Role.ROLE_ONLY and mention.title:
                # "The Prime Minister said" with no state told: the office, country unknown
                resolved.append(attrs.evolve(mention, actor=_office(text, mention)))
        places.sort(key=lambda p: p.start)
        refs = (
            list(_CITY_REF.finditer(norm, s_start, s_end))
            if "city" in window or "town" in window  # a cheap test before the pattern
            else []
        )
        if refs or places:
            places, last_city = _follow_cities(text, norm, places, refs, last_city, cities)
            places = with_grounds(norm, s_start, s_end, places)
        sentences.append(
            Sentence(
                index=index,
                start=s_start,
                end=s_end,
                paragraph=paragraph,
                title=is_title,
                actors=tuple(resolved),
                places=tuple(places),
                dates=_with_bounds(norm, find_dates(norm, published=day, start=s_start, end=s_end)),
            )
        )

    return Article(
        original=text,
        norm=norm,
        published=day,
        sentences=tuple(sentences),
        home=home,
        states=dict(registry.states),
        company=_company(sentences),
        foreign_to=foreign_to,
    )


def _counterpart(norm: str, mention: ActorMention) -> bool:
    """ "his Chinese counterpart Li Wei": a mention of someone's counterpart."""
    vocab = vocabulary()
    return any(vocab.has("counterpart_noun", w) for w in norm[mention.start : mention.end].split())


def _company(sentences: list[Sentence]) -> dict[str, dict[str, int]]:
    """For each person or office with no state, the states named in the sentences that
    name it ("Kenya and Uganda have ...," Ruto said): whose side it may be on."""
    out: dict[str, Counter[str]] = {}
    for sent in sentences:
        states = [a.actor.country for a in sent.actors if a.actor is not None and a.actor.country]
        if not states:
            continue
        for a in sent.actors:
            actor = a.actor
            if actor is None or actor.country or actor.organization:
                continue
            if actor.kind not in (ActorKind.PERSON, ActorKind.ORGANIZATION):
                continue
            for key in {actor.name, actor.name.split()[-1]}:
                out.setdefault(key, Counter()).update(set(states))
    return {k: dict(v) for k, v in out.items()}
