"""Noun phrases and prepositional phrases of one sentence.

A noun phrase is a run of nominal tokens (determiners, words, names, numbers, mentions);
phrases joined by "and"/"or" (with commas before a last "and") form a coordination
("Russia, Tajikistan and Uzbekistan"), unless the last one begins a clause of its own ("X
met Y and Z said ..."). A phrase followed by ", <phrase>," that describes it is its
appositive ("Suhail Shaheen, the Taliban spokesman,"). A preposition and the phrase after
it form a :class:`PP`; "of" phrases modify the phrase before them ("the foreign ministers
of Russia and China").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import Generic, TypeVar

import attrs

from ..annotate.mentions import ActorMention, PlaceMention
from ..annotate.tokens import Token
from ..annotate.vocabulary import VerbForm, vocabulary
from .tags import NOMINAL, Tag

__all__ = ["PP", "Phrase", "build_phrases"]

T = TypeVar("T")


@attrs.define(eq=False)
class Phrase:
    """A noun phrase: tokens ``[first, end)`` with ``head`` its head word's index.

    Read-only once built (not frozen: the syntax stage makes many, and a frozen class is
    slower to build)."""

    first: int
    end: int
    head: int
    actors: tuple[ActorMention, ...]  # the actor mentions inside, in order
    places: tuple[PlaceMention, ...]
    head_word: str = ""  # the head word, lower case
    role_head: bool = False  # the head is a role noun ("spokesman") no mention covers
    owner_pronoun: bool = False  # it opens with its, their, his, her or our
    members: tuple[Phrase, ...] = ()  # the conjuncts of a coordination
    modifiers: tuple[PP, ...] = ()  # "of" phrases after it
    appositive: Phrase | None = None

    def but(
        self,
        *,
        members: tuple[Phrase, ...] | None = None,
        modifiers: tuple[PP, ...] | None = None,
        appositive: Phrase | None = None,
    ) -> Phrase:
        """A copy with other members, modifiers or appositive (``attrs.evolve``, made
        cheap: the syntax stage makes many)."""
        return Phrase(
            self.first,
            self.end,
            self.head,
            self.actors,
            self.places,
            self.head_word,
            self.role_head,
            self.owner_pronoun,
            self.members if members is None else members,
            self.modifiers if modifiers is None else modifiers,
            self.appositive if appositive is None else appositive,
        )

    @property
    def coordinated(self) -> bool:
        return bool(self.members)

    @property
    def stop(self) -> int:
        """The end of the phrase with its modifiers and appositive (for a coordination,
        those of its last conjunct: "Y and the envoy to Mali, Z,")."""
        end = self.end
        if self.members:
            end = max(end, self.members[-1].stop)
        if self.modifiers:
            end = max(end, self.modifiers[-1].end)
        if self.appositive is not None:
            end = max(end, self.appositive.stop)
        return end

    def appositive_closed(self, tags: Sequence[str]) -> bool:
        """Whether the phrase ends with an appositive closed by a comma ("X, the envoy,")."""
        last = self.members[-1] if self.members else self
        return (
            last.appositive is not None
            and self.stop == last.appositive.stop
            and self.stop < len(tags)
            and tags[self.stop] == Tag.COMMA
        )

    def parties(self) -> tuple[ActorMention, ...]:
        """The actors the phrase stands for: its own, else its appositive's ("the Russian
        envoy to Afghanistan, Zamir Kabulov"), else those of its "of" modifiers ("the
        ministers of Russia and China"); a coordination's are its conjuncts'."""
        if self.members:
            return tuple(a for m in self.members for a in m.parties())
        app = self.appositive
        if (
            app is not None
            and app.actors
            and self.actors
            and self.role_head
            and all(a.role.value == "person" for a in app.actors)
        ):
            return app.actors  # "Putin's spokesman, Dmitry Peskov,": the spokesman speaks
        if self.actors:
            return self.actors
        if app is not None and app.actors:
            return app.actors
        # "its troops from Mali": Mali is where, not whose ("his counterparts from Ghana" are
        # Ghana's)
        owned = self.owner_pronoun and not self.role_head
        if vocabulary().has("relation_noun", self.head_word):
            return ()  # "a rival of the GNA" stands for no one the text names
        for pp in self.modifiers:
            if pp.phrase is None or not pp.phrase.actors:
                continue
            if (
                pp.prep == "of"
                or (pp.prep in ("from", "at", "by") and not owned)
                or (pp.prep == "for" and self.role_head)  # "a spokesman for Hamas"
            ):
                return pp.phrase.parties()
        return ()


@attrs.define(eq=False)
class PP:
    """A prepositional phrase: the preposition (lower case, all its words) and its object.
    Read-only once built, like :class:`Phrase`."""

    prep: str
    first: int  # the preposition's first token
    end: int  # end of the whole PP
    phrase: Phrase | None  # None when no noun phrase follows ("from there")
    #: it modifies the common noun of the PP right before it ("near the border with
    #: Belarus"), not the verb or the event noun before that
    nested: bool = False


def _head(tokens: Sequence[Token], tags: Sequence[str], first: int, end: int) -> int:
    """The head of a phrase: its last word that is no possessive ending or determiner."""
    for i in range(end - 1, first - 1, -1):
        if tags[i] not in (Tag.POSS, Tag.DET, Tag.BRACKET):
            if tags[i - 1] == Tag.BRACKET and i - 1 > first:
                continue  # "Tamil Eelam (LTTE)": the head is before the aside
            return i
    return end - 1


class _Inside(Generic[T]):
    """Mentions by their first token, to find those inside a token range at once."""

    def __init__(self, ranges: Sequence[tuple[int, int, T]]) -> None:
        self._at: dict[int, list[tuple[int, int, T]]] = {}
        for k, (a, b, item) in enumerate(ranges):
            self._at.setdefault(a, []).append((k, b, item))
        self._starts = sorted(self._at)

    def __call__(self, first: int, end: int) -> tuple[T, ...]:
        """The mentions inside tokens ``[first, end)``, in their given order."""
        starts = self._starts
        lo = bisect.bisect_left(starts, first)
        if lo == len(starts) or starts[lo] >= end:
            return ()
        at = self._at
        hi = bisect.bisect_left(starts, end, lo)
        found = [x for i in starts[lo:hi] for x in at[i] if x[1] <= end]
        if len(found) > 1:
            found.sort(key=lambda x: x[0])
        return tuple(item for _, _, item in found)


def build_phrases(
    tokens: Sequence[Token],
    tags: Sequence[str],
    units: Sequence[int],
    actors: Sequence[tuple[int, int, ActorMention]],
    places: Sequence[tuple[int, int, PlaceMention]],
) -> tuple[list[Phrase], list[PP]]:
    """Noun phrases (coordinations and appositives folded in) and prepositional phrases.

    ``actors`` and ``places`` are the mentions with their token ranges. Returns the
    top-level phrases in order (members of a coordination are inside it) and every PP.
    """
    n = len(tokens)
    a_spans = [(a, b) for a, b, _ in actors]
    actors_in = _Inside(actors)
    places_in = _Inside(places)
    vocab = vocabulary()
    role_nouns = vocab.forms("role_noun")

    def make(first: int, end: int) -> Phrase:
        head = first if end - first == 1 else _head(tokens, tags, first, end)
        low = tokens[head].low
        role = tags[head] == Tag.WORD and low in role_nouns
        owned = tokens[first].low in ("its", "their", "his", "her", "our")
        return Phrase(first, end, head, actors_in(first, end), places_in(first, end), low, role,
                      owned)  # fmt: skip

    # 1. basic runs of nominal tokens; a determiner after a name starts a new phrase
    basic: list[Phrase] = []
    actor_start = {a for a, _ in a_spans}
    state_start = {a for a, _, m in actors if m.role.value == "state"}
    # "the drill Kim Jong Un oversaw": a name that a verb follows opens a clause of its own
    clause_names = {a for a, b, m in actors if m.role.value == "person" and b < n
                    and tags[b] in (Tag.VERB, Tag.AUX, Tag.MODAL)}  # fmt: skip
    actor_end = {b for _, b in a_spans}
    tag_string = "".join(tags)  # one character per token
    after_number = vocab.forms("number_determiner")
    for run in _NOMINAL_RUN.finditer(tag_string):
        i, stop = run.span()
        for j in range(i + 1, stop):
            if (
                (
                    tags[j] == Tag.DET
                    and tags[j - 1] not in (Tag.POSS, Tag.DET)
                    # "two more towns", "three other villages": one phrase
                    and not (tags[j - 1] == Tag.NUM and tokens[j].low in after_number)
                )  # "met Putin
                or (tags[j] == Tag.PRON and tags[j - 1] != Tag.DET)  # the next day"
                or (tags[j - 1] == Tag.PRON and tokens[j - 1].low not in ("its", "his", "her"))
                or (
                    j in actor_start
                    and (
                        (j in actor_end and tags[j - 1] == Tag.ACTOR)
                        # "told his Polish counterpart Russia could not win": a state's name
                        # after a common noun starts another phrase
                        or (tags[j - 1] == Tag.WORD and j in state_start)
                        or (tags[j - 1] == Tag.WORD and j in clause_names)
                    )
                )  # two mentions side by side: two phrases ("told Putin Russia ...")
            ):
                basic.append(make(i, j))
                i = j
        basic.append(make(i, stop))

    # 2. coordination: P (, P)* (,)? and/or P
    subject_pronouns = vocab.forms("nominative_pronoun")
    phrases: list[Phrase] = []
    k = 0
    while k < len(basic):
        group = [basic[k]]
        m = k
        joined = _person_of(tokens, tags, phrases, basic, k)
        if joined is not None:
            # "Lula of Brazil and Milei of Argentina": the conjunct is the person
            phrases.pop()
            group = [joined]
        while m + 1 < len(basic):
            last_and, comma = _joint(tokens, basic[m].end, basic[m + 1].first)
            # a comma the tagger read as "and" ("Obama, Wen meet"): the list goes on
            listed = comma and tags[basic[m].end] == Tag.COORD
            if last_and or listed or (comma and _list_goes_on(tokens, tags, basic, m + 1)):
                if not _compatible(group[-1], basic[m + 1], tags):
                    break
                if (
                    last_and
                    and _clause_follows(tokens, tags, basic[m + 1].end, n)
                    and _verb_before(tags, group[0].first)
                    # (not "said he and Maskhadov agreed": "he" is no object)
                    and tokens[group[0].first].low not in subject_pronouns
                ):
                    break  # "X met Y and Z said ...": Z opens a clause
                group.append(basic[m + 1])
                m += 1
                if last_and:
                    break
                continue
            break
        if len(group) > 1 and _ends_with_and(tokens, tags, group):
            acts = tuple(a for p in group for a in p.actors)
            plcs = tuple(p for g in group for p in g.places)
            phrases.append(Phrase(group[0].first, group[-1].end, group[-1].head, acts, plcs,
                                  group[-1].head_word, members=tuple(group)))  # fmt: skip
            k = m + 1
        else:
            phrases.append(basic[k])
            k += 1

    # 3. prepositional phrases
    by_first = {p.first: p for p in phrases}
    degree = functools.partial(vocabulary().has, "degree_adverb")
    pps: list[PP] = []
    i = tag_string.find(Tag.PREP)
    while i >= 0:
        k = i + units[i]
        prep = tokens[i].low if k == i + 1 else " ".join(tokens[t].low for t in range(i, k))
        obj = by_first.get(k)
        j = k
        while obj is None and j < n and tags[j] == Tag.ADV and degree(tokens[j].low):
            j += 1  # "in virtually complete control of X": over the degree adverbs
            obj = by_first.get(j)
        prev = pps[-1] if pps else None
        nested = (
            prev is not None
            and prev.end == i
            and prev.phrase is not None
            and prep in _NESTING_PREPS
            and prev.prep != "of"  # "the withdrawal of troops from X": from the withdrawal
            and tags[prev.phrase.head] == Tag.WORD
        )
        pps.append(PP(prep, i, obj.end if obj is not None else k, obj, nested))
        i = tag_string.find(Tag.PREP, i + 1)

    # 4. modifiers and appositives, right to left so that every phrase is final before a
    #    phrase or a PP before it points to it
    pp_at = {pp.first: pp for pp in pps}
    final: dict[int, Phrase] = {}
    modifier_of: set[int] = set()  # first tokens of phrases that modify the one before
    force_nouns = vocab.forms("force_noun")
    personnel_nouns = vocab.forms("personnel_noun")
    statement_nouns = vocab.forms("statement_noun")
    speaker_nouns = vocab.forms("speaker_noun")

    def with_modifiers(p: Phrase, site: bool = False) -> Phrase:
        head = tokens[p.head].low
        if p.end not in pp_at:
            return p
        role = head in role_nouns
        people = role or head in force_nouns or head in personnel_nouns or head in _GROUP_HEADS
        said = head in statement_nouns  # "a statement from the presidency"
        organ = head in speaker_nouns  # "the press service for the district"
        mods: list[PP] = []
        pos = p.end
        while (
            pos in pp_at
            and pp_at[pos].phrase is not None
            and (
                pp_at[pos].prep == "of"
                # "his counterparts from Ghana in Abuja": after "from", "in" is the verb's
                or (role and pp_at[pos].prep in _ROLE_PREPS and all(m.prep == "of" for m in mods))
                or (people and pp_at[pos].prep in ("from", "at"))
                or (said and pp_at[pos].prep in ("from", "by"))
                or (organ and pp_at[pos].prep in ("for", "at") and not mods)
                or (site and not mods and vocab.has("site_preposition", pp_at[pos].prep))
            )
        ):
            pp = pp_at[pos]
            assert pp.phrase is not None
            obj = final.get(pp.phrase.first, pp.phrase)
            mods.append(PP(pp.prep, pp.first, pp.end, obj, pp.nested))
            modifier_of.add(obj.first)
            pos = max(pp.end, obj.stop)  # "of the town of Kidal": the town's own "of" phrase
        return p.but(modifiers=tuple(mods)) if mods else p

    for p in reversed(phrases):
        if p.members and p.members[-1].role_head:
            # "Hajiev and the Uzbek envoy to Afghanistan": the PP is the last conjunct's
            last = with_modifiers(p.members[-1])
            p = p.but(members=(*p.members[:-1], last))
        elif (
            p.members
            and vocab.has("site_noun", p.members[-1].head_word)
            and tags[p.members[-1].first] == Tag.DET
            and Tag.NUM not in tags[p.members[-1].first : p.members[-1].end]
        ):
            # "X and a military base at Y": the PP says where the last conjunct stands (not
            # "140 bases and outposts in Z", a tally)
            last = with_modifiers(p.members[-1], site=True)
            p = p.but(members=(*p.members[:-1], last))
        elif not p.members:
            p = with_modifiers(p)
        final[p.first] = p
    for p in phrases:
        f = final[p.first]
        if f.members:
            q = _appositive_of(tokens, tags, f.members[-1], final, modifier_of)
            if q is not None and f.members[-1].role_head:
                last = f.members[-1].but(appositive=q)
                final[p.first] = f.but(members=(*f.members[:-1], last))
                modifier_of.add(q.first)
            continue
        q = _appositive_of(tokens, tags, f, final, modifier_of)
        if q is not None:
            final[p.first] = f.but(appositive=q)
            modifier_of.add(q.first)
    out_pps = [
        PP(pp.prep, pp.first, pp.end, final.get(pp.phrase.first, pp.phrase), pp.nested)
        if pp.phrase
        else pp
        for pp in pps
    ]
    return [final[p.first] for p in phrases], out_pps


#: A run of tokens that may make a noun phrase, in a sentence's tag string.
_NOMINAL_RUN = re.compile("[" + re.escape("".join(sorted(NOMINAL))) + "]+")
_GROUP_HEADS = frozenset({"delegation", "delegations", "team", "teams", "contingent",
                          "contingents", "leaders", "envoys", "representatives", "diplomats",
                          "negotiators", "mediators"})  # fmt: skip
_NESTING_PREPS = frozenset({"with", "between", "among", "to", "from", "against", "for", "of"})
_ROLE_PREPS = frozenset({"of", "to", "for", "in", "at", "from", "on"})


def _person_of(
    tokens: Sequence[Token],
    tags: Sequence[str],
    done: Sequence[Phrase],
    basic: Sequence[Phrase],
    k: int,
) -> Phrase | None:
    """ "Presidents Lula of Brazil and Milei of Argentina": when ``basic[k]`` is the "of"
    phrase of a person just before it and "and" another person follows, the person and
    its "of" phrase as one conjunct."""
    cur = basic[k]
    if not done or k + 1 >= len(basic) or cur.first < 2 or tokens[cur.first - 1].low != "of":
        return None
    before, after = done[-1], basic[k + 1]
    gap = [tokens[t].low for t in range(cur.end, after.first)]
    if (
        before.end != cur.first - 1
        or before.members
        or gap not in (["and"], [",", "and"])
        or not any(a.role.value == "person" for a in before.actors)
        or not any(a.role.value == "person" for a in after.actors)
        or any(a.role.value == "person" for a in cur.actors)
    ):
        return None
    return Phrase(before.first, cur.end, before.head, before.actors + cur.actors,
                  before.places + cur.places, before.head_word, before.role_head,
                  owner_pronoun=before.owner_pronoun)  # fmt: skip


def _joint(tokens: Sequence[Token], a: int, b: int) -> tuple[bool, bool]:
    """What the tokens ``[a, b)`` between two phrases are: a last "and" / "or" ("and",
    ", or", "and the"), or a lone comma."""
    if b - a == 1:
        word = tokens[a].low
        return word in ("and", "or"), word == ","
    if b - a == 2:
        one, two = tokens[a].low, tokens[a + 1].low
        return (one == "," and two in ("and", "or")) or (one == "and" and two == "the"), False
    return False, False


def _list_goes_on(
    tokens: Sequence[Token], tags: Sequence[str], basic: Sequence[Phrase], k: int
) -> bool:
    """Whether a comma list that reached ``basic[k]`` ends with "and"/"or" + a phrase."""
    while k + 1 < len(basic):
        a, b = basic[k].end, basic[k + 1].first
        last_and, comma = _joint(tokens, a, b)
        if last_and and not (b - a == 2 and tokens[a].low == "and"):  # (not "and the")
            return True
        if not comma:
            return False
        k += 1
    return False


def _ends_with_and(tokens: Sequence[Token], tags: Sequence[str], group: Sequence[Phrase]) -> bool:
    gap = range(group[-2].end, group[-1].first)
    last_gap = [tokens[t].low for t in gap]
    return "and" in last_gap or "or" in last_gap or any(tags[t] == Tag.COORD for t in gap)


def _compatible(a: Phrase, b: Phrase, tags: Sequence[str]) -> bool:
    """Conjuncts that name parties go with parties ("Hajiev and the Uzbek envoy", "he and
    Maskhadov"), other phrases with other phrases."""

    vocab = vocabulary()

    def party(p: Phrase) -> bool:
        pronoun = p.end - p.first == 1 and tags[p.first] == Tag.PRON
        # "X and a military base": a site goes with the places
        site = vocab.has("site_noun", p.head_word) or vocab.has("ground_noun", p.head_word)
        return bool(p.actors or p.places or p.role_head or pronoun or site)

    return party(a) == party(b)


def _clause_follows(tokens: Sequence[Token], tags: Sequence[str], end: int, n: int) -> bool:
    """Whether a verb group starts at ``end`` (after adverbs); an "-ing" form alone starts
    none ("fled into A and B suggesting that ...": B is no subject)."""
    i = end
    while i < n and tags[i] == Tag.ADV:
        i += 1
    if i >= n or tags[i] not in (Tag.VERB, Tag.AUX, Tag.MODAL):
        return False
    forms = vocabulary().verb_forms.get(tokens[i].low, frozenset())
    return not (tags[i] == Tag.VERB and forms and forms <= {VerbForm.GERUND})


def _verb_before(tags: Sequence[str], first: int) -> bool:
    """Whether a verb stands before ``first`` in its comma segment."""
    i = first - 1
    while i >= 0 and tags[i] not in (Tag.COMMA, Tag.STOP, Tag.QUOTE, Tag.SUB, Tag.REL, Tag.THAT):
        if tags[i] in (Tag.VERB, Tag.AUX, Tag.MODAL):
            return True
        i -= 1
    return False


def _appositive_of(
    tokens: Sequence[Token],
    tags: Sequence[str],
    p: Phrase,
    final: dict[int, Phrase],
    taken: set[int],
) -> Phrase | None:
    """The phrase in ``P, Q,`` that describes P (or that P describes), if any."""
    n = len(tokens)
    if p.coordinated:
        return None
    p_end = p.modifiers[-1].end if p.modifiers else p.end
    listed = _dash_list(tokens, tags, p, p_end, final, taken)
    if listed is not None:
        return listed
    if p_end >= n or tags[p_end] != Tag.COMMA:
        return None
    q = final.get(p_end + 1)
    if q is None or q.coordinated or q.first in taken:
        return None
    q_end = q.modifiers[-1].end if q.modifiers else q.end
    closes = (
        q_end >= n
        or tags[q_end] in (Tag.COMMA, Tag.STOP, Tag.PUNCT, Tag.QUOTE)
        or (tags[q_end] in (Tag.VERB, Tag.AUX, Tag.MODAL))
    )
    if not closes and tags[q_end] == Tag.PREP and not p.actors and q.actors:
        # "talks with the Algerian president, Abdelmadjid Tebboune on Sunday": a name after
        # a bare title needs no closing comma
        closes = all(a.role.value == "person" for a in q.actors)
    return q if closes and _describes(tokens, tags, p, q) else None


#: Dashes as the tokenizer writes them (an en or em dash is normalized to "-").
_DASHES = frozenset({"-", "--"})


def _dash_list(
    tokens: Sequence[Token],
    tags: Sequence[str],
    p: Phrase,
    p_end: int,
    final: dict[int, Phrase],
    taken: set[int],
) -> Phrase | None:
    """ "seized two more towns - Namhsan and Mantong - on Monday": the places a dash sets
    after a noun for ground name it."""
    n = len(tokens)
    vocab = vocabulary()
    if (
        p_end >= n
        or tokens[p_end].text not in _DASHES
        or not (vocab.has("ground_noun", p.head_word) or vocab.has("site_noun", p.head_word))
    ):
        return None
    q = final.get(p_end + 1)
    if q is None or q.first in taken or not q.places or not all(a.bare for a in q.actors):
        return None  # (a name no one knows may be a town's: "bare")
    q_end = q.stop
    if q_end < n and tags[q_end] not in (Tag.COMMA, Tag.STOP, Tag.PUNCT):
        return None
    return q


def _describes(tokens: Sequence[Token], tags: Sequence[str], p: Phrase, q: Phrase) -> bool:
    """ "Name, the X spokesman" / "the X spokesman, Name": one phrase describes the other."""
    q_det = tags[q.first] == Tag.DET and tokens[q.first].low in ("the", "a", "an", "his", "her",
                                                                 "its", "their")  # fmt: skip
    p_person = any(a.role.value == "person" for a in p.actors)
    q_person = any(a.role.value == "person" for a in q.actors)
    if p_person and q_det:
        return True  # "Suhail Shaheen, the Taliban spokesman,"
    if p.actors and q_det and vocabulary().has("affiliate_noun", q.head_word):
        return True  # "the Sirte Protection Force, an ally of the GNA,"
    if q_person and p.role_head:
        return True  # "Putin's spokesman, Dmitry Peskov,"
    if q.places and not q.actors and vocabulary().has("place_descriptor", p.head_word):
        return True  # "the capital, Pretoria,"
    if p.places and not p.actors and q_det and vocabulary().has("place_descriptor", q.head_word):
        return True  # "Kidal, a town in the north,"
    if (
        q_person
        and not p_person
        and not p.places
        and tags[p.first] in (Tag.DET, Tag.ACTOR, Tag.CAP)
    ):
        # "the Taliban spokesman, Suhail Shaheen" (not "the day, X")
        return tags[p.head] == Tag.ACTOR or vocabulary().has("role_noun", tokens[p.head].low)
    return False
