"""Document-level resolution of actor mentions.

A first pass over every sentence's mentions fills a :class:`Registry`: persons
by full name and surname (keeping the reading with the most affiliation),
acronym definitions, the armed groups an article talks about, and which party
a role word belongs to ("U.S. Navy" makes a later "the Navy" American).
The second pass, in reading order, replaces short or partial mentions
("Baradar", "insurgents", "the ministry", "he") by the actor they refer to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import attrs

from ...model import Actor, ActorKind
from ..annotate.gazetteer import known_body
from ..annotate.leaders import state_of
from ..annotate.lexicon import lexicon
from ..annotate.mentions import ActorMention, PlaceMention, Role, state_actor
from ..annotate.vocabulary import vocabulary

__all__ = ["Registry", "build_registry"]


# Words for one body: "the military said" after "Israeli forces" is the same party.
_SAME_ROLE = {
    "army": "military", "forces": "military", "troops": "military", "soldiers": "military",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "authorities": "government",
    "junta": "government", "regime": "government", "administration": "government",
}  # fmt: skip


# Roles that, unqualified, are the security forces and local officers of the state a story is
# about: "the governor's office said", "Captain X ordered the army", "Information Minister X".
# Diplomatic roles ("foreign
# minister", "president", "the presidency", "the government") are not here: a story about a
# visit names the visitor's unqualified as often as the host's.
_DOMESTIC_ROLES = frozenset({
    "military", "police", "junta", "governor", "mayor", "navy", "captain", "colonel", "general",
    "commander", "lieutenant", "major", "brigadier", "admiral", "marshal", "sergeant",
    "maj-gen", "lt-gen", "brig-gen", "information", "interior",
})  # fmt: skip
# Institutions that, unqualified under a dateline, are the dateline country's.
_INSTITUTIONS = frozenset({"ministry", "government", "presidency", "cabinet", "parliament",
                           "military", "police", "office", "embassy"})  # fmt: skip
_FORCES = frozenset({"military", "government", "police"})
#: States whose people's names are written family name first in English-language news.
_FAMILY_NAME_FIRST = frozenset({"CHN", "KOR", "PRK", "TWN", "VNM", "KHM", "MNG", "HKG", "MAC"})
_PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben", "ould", "wad"})
#: The shortest part of a long name that may name its bearer alone.
_NAME_PART = 4
# Head words by which a body named before is referred to again ("the alliance").
_BODY_HEADS = frozenset({"alliance", "coalition", "front", "movement", "group", "militia"})
_GENERAL_OFFICES = frozenset({"secretary", "secretary-general", "director", "attorney", "consul",
                              "inspector", "governor", "surgeon", "solicitor", "auditor",
                              "comptroller", "postmaster", "adjutant", "accountant",
                              "procurator", "prosecutor", "commissioner"})  # fmt: skip
#: The state a story is about: named at least this often, and twice as often as any other.
FOCUS_MIN_MENTIONS = 3


def _role(word: str) -> str:
    """The canonical form of a role word."""
    low = word.lower()
    return _SAME_ROLE.get(low, low)


def _same_person(name: str, other: str) -> bool:
    """Whether one name is the other with words left off its front ("Carlos Larreategui" and
    "Larreategui"), not another person's of the same surname ("Ali Hassan", "Samia Suluhu
    Hassan")."""
    return name == other or name.endswith(" " + other) or other.endswith(" " + name)


def _richness(actor: Actor) -> int:
    return (
        (actor.country is not None) + (actor.organization is not None) + (actor.title is not None)
    )


@attrs.define
class Registry:
    """What the whole article says about its actors."""

    persons: dict[str, Actor] = attrs.Factory(dict)  # full name and surname -> person
    acronyms: dict[str, Actor] = attrs.Factory(dict)
    groups: Counter[str] = attrs.Factory(Counter)  # armed-group key -> mentions
    group_actor: dict[str, Actor] = attrs.Factory(dict)
    roles: dict[str, Actor] = attrs.Factory(dict)  # role word -> party (first seen)
    last_person: Actor | None = None
    #: the person the last sentence with one opened on (its subject, as a rule): whom a
    #: sentence-opening "he" stands for ("X met Y. ... He also met Z": X, not Y)
    last_subject: Actor | None = None
    _opening: Actor | None = None  # this sentence's opening person, so far
    _told: int = 0  # the mentions resolved in this sentence, so far
    last_by_role: dict[str, Actor] = attrs.Factory(dict)
    home: str | None = None  # the dateline's country, if any
    year: int | None = None  # the story's year, for the leaders it names
    by_head: dict[str, Actor] = attrs.Factory(dict)  # "alliance" -> the alliance last named
    states: Counter[str] = attrs.Factory(Counter)  # country -> mentions of it, its organs, places
    #: title (lower case) -> the states of the officials told under it ("Venezuela's defense
    #: minister", then "Defense Minister Carlos Mata": the one state's)
    by_title: dict[str, set[str]] = attrs.Factory(dict)
    state_actor: dict[str, Actor] = attrs.Factory(dict)

    def person(self, key: str) -> Actor | None:
        """The person a name or a part of it names, whatever its case ("ABIY", "ABiy")."""
        found = self.persons.get(key)
        if key and not key.istitle():
            other = self.persons.get(key.title())
            if other is not None and (found is None or _richness(other) > _richness(found)):
                found = other
        return found

    def begin_sentence(self) -> None:
        """A new sentence: the one before's opening person becomes the last subject."""
        if self._opening is not None:
            self.last_subject = self._opening
        self._opening = None
        self._told = 0

    def note(self, mention: ActorMention, actor: Actor | None) -> None:
        """Count a mention of the sentence read, resolved to ``actor``; the sentence's
        first one, a person not after a preposition, opens it (see :meth:`begin_sentence`)."""
        first = self._told == 0
        self._told += 1
        if (
            first
            and actor is not None
            and (actor.kind is ActorKind.PERSON or mention.role is Role.PRONOUN)
            and not vocabulary().has("preposition", mention.prep)
        ):
            self._opening = actor

    def told(self, person: Actor) -> None:
        """A person the text names by a leader's bare surname ("Kishida flew to Manila"):
        the one a later "he" or "she" stands for."""
        self._offer(person.name, person)
        self.last_person = person

    def _offer(self, key: str, actor: Actor) -> None:
        """Let a part of ``actor``'s name name it, unless it names someone told as fully
        already ("Jiang Herald" of a headline gives way to "Chinese President Jiang Zemin")."""
        prev = self.persons.get(key)
        if prev is None or _richness(actor) > _richness(prev):
            self.persons[key] = actor

    def add(self, mention: ActorMention) -> None:
        actor = mention.actor
        if actor is None:
            return
        if mention.role is Role.PERSON and actor.country is None and actor.organization is None:
            # "Prime Minister Abiy Ahmed", later "Prime Minister Abiy": a leader of the
            # story's year (of any year, when "former") speaks for the state they served
            former = bool(actor.title) and vocabulary().has(
                "former_word", (actor.title or "").split()[0].lower()
            )
            leader = state_of(actor.name, None if former else self.year)
            if leader is not None:
                actor = attrs.evolve(actor, country=leader)
        if mention.role is Role.PERSON:
            for key in (actor.name, mention.surname):
                prev = self.persons.get(key or "")
                if key and (
                    prev is None
                    or _richness(actor) > _richness(prev)
                    # on a tie the fuller name stays: "President Ruto" after
                    # "President William Ruto" is the same man
                    or (_richness(actor) == _richness(prev) and len(actor.name) >= len(prev.name))
                ):
                    self.persons[key] = actor
            words = actor.name.split()
            if len(words) > 2 and words[1].lower() in _PATRONYMIC:
                # "Prince Khalid bin Saud", later "Prince Khalid": the given name names him
                self._offer(words[0], actor)
            if len(words) == 3 and actor.country in _FAMILY_NAME_FIRST:
                # "South Korean President Yoon Suk Yeol", later "Yoon said": the family name
                # comes first in the states that write it so
                self._offer(words[0], actor)
            if len(words) == 2 and words[0][:1].isupper():
                # family name first ("Wang Yi", "Dong Jun", "Kim Jong Un" has three): a later
                # "Wang said" may name him; a surname of someone else is never replaced
                self._offer(words[0], actor)
            if len(words) > 2 and (actor.title or actor.country):
                # "Moussa Faki Mahamat", later "Faki"; "Tuilaepa Lupesoliai Sailele Malielegaoi",
                # later "Tuilaepa": where the family name comes first or in the middle, any
                # part of a long name may name its bearer (one introduced with a title or a
                # state; never someone named before)
                for word in words[:-1]:
                    if len(word) >= _NAME_PART and word.isalpha() and word[0].isupper():
                        self._offer(word, actor)
        if actor.country and mention.role in (Role.STATE, Role.OFFICIAL, Role.PERSON):
            self.states[actor.country] += 1
            if (
                actor.kind is ActorKind.STATE
                and actor.title is None
                and actor.country not in self.state_actor
            ):
                self.state_actor[actor.country] = attrs.evolve(actor, mention=None)
        if actor.kind is ActorKind.ARMED_GROUP and actor.organization:
            self.groups[actor.organization] += 1
            self.group_actor.setdefault(actor.organization, actor)
            last = actor.name.split()[-1]
            lex = lexicon()
            if (
                len(actor.name.split()) > 1
                and last[:1].isupper()
                and last not in lex.org_heads
                and last not in lex.armed_heads
            ):
                # "the Tamil Tigers", later "the Tigers said": the name's last word
                self._offer(last, attrs.evolve(actor, mention=None))
        if actor.title and (actor.country or actor.organization):
            for word in actor.title.lower().split():
                role = _role(word)
                if role not in self.roles:
                    known = attrs.evolve(actor, title=None, mention=None)
                    if actor.kind is ActorKind.PERSON and role in _INSTITUTIONS and actor.country:
                        # "the ministry" is the spokesman's state, not the spokesman
                        known = state_actor(actor.country)
                    self.roles[role] = known

    def salient_group(self) -> Actor | None:
        """The armed group the article mentions most (the first one on a tie)."""
        if not self.groups:
            return None
        top = max(self.groups.values())
        for key, count in self.groups.items():
            if count == top:
                return self.group_actor[key]
        return None  # pragma: no cover

    def focus_state(self) -> Actor | None:
        """The state the story is about, when one clearly dominates its mentions."""
        ranked = self.states.most_common(2)
        if not ranked or ranked[0][1] < FOCUS_MIN_MENTIONS:
            return None
        if len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        code = ranked[0][0]
        return self.state_actor.get(code) or state_actor(code)

    @staticmethod
    def _rebel(title: str | None) -> bool:
        """Whether a title says its holder fights the state ("Rebel Colonel", "insurgent
        commander"): one of the story's armed group, never the state's."""
        vocab = vocabulary()
        return any(vocab.has("fighter_title_word", w) for w in (title or "").lower().split())

    def _domestic(
        self, title: str | None, places: frozenset[str], *, visit: bool = False
    ) -> Actor | None:
        """The focus state, for an unqualified domestic role ("the governor", "Captain X"), or
        for any title when the dateline lies in that state, unless the sentence places
        itself in other states only ("the governor said two people were killed in Kharkiv"
        in a story about Russia)."""
        if not title:
            return None
        words = title.lower().split()
        ranks = [
            w for i, w in enumerate(words)
            if _role(w) in _DOMESTIC_ROLES
            # "Secretary General", "Director General": an office, not a rank
            and not (w == "general" and i > 0 and words[i - 1] in _GENERAL_OFFICES)
        ]  # fmt: skip
        state = self.focus_state()
        if not ranks and self.home is not None and _INSTITUTIONS & set(words):
            # "ISLAMABAD: Foreign Office spokesperson X said": an unqualified institution's
            # official under a dateline speaks for the dateline's state, as the institution
            # itself does
            state = self.state_actor.get(self.home) or state_actor(self.home)
        elif not ranks:
            # any other title only under a dateline in the state the story is most about:
            # "MOSCOW (Reuters) - Foreign Minister Sergei Lavrov said ..."
            top = self.states.most_common(2)
            if (
                visit
                or self.home is None
                or not top
                or top[0][0] != self.home
                or top[0][1] < FOCUS_MIN_MENTIONS
                or (len(top) == 2 and top[1][1] == top[0][1])
            ):
                return None
            state = self.state_actor.get(self.home) or state_actor(self.home)
        if state is not None and places and state.country not in places:
            return None
        return state

    def resolve(
        self,
        mention: ActorMention,
        places: frozenset[str] = frozenset(),
        front: str | None = None,
        *,
        visit: bool = False,
        rivals: frozenset[str] = frozenset(),
    ) -> Actor | None:
        """The actor a mention stands for, or None when it cannot be told. ``places`` are
        the countries of the places its sentence names; ``front`` the state it opens in
        ("In neighbouring Burkina Faso, the army said"); ``visit`` whether it tells a
        visit (a visitor's title says nothing of the dateline's state)."""
        actor = mention.actor
        if mention.role is Role.PERSON:
            if actor is None:
                known = self.person(mention.surname or "")
                if known is None:
                    return None
                actor = attrs.evolve(known, mention=None)
            elif _richness(actor) == 0 or (actor.country is None and actor.organization is None):
                # the fullest reading under the name or the surname ("Carlos Larreategui, a
                # government spokesman" and, later, "Larreategui, the Ecuadorean spokesman")
                by_name = self.person(actor.name)
                by_surname = self.person(mention.surname or "")
                known = by_name or by_surname
                if (
                    by_name is not None
                    and by_surname is not None
                    and _richness(by_surname) > _richness(by_name)
                    and _same_person(actor.name, by_surname.name)
                ):
                    known = by_surname
                fuller = known is not None and known.name.endswith(" " + actor.name)
                if known is not None and (_richness(known) > _richness(actor) or fuller):
                    actor = attrs.evolve(
                        actor,
                        country=known.country,
                        organization=known.organization,
                        title=actor.title or known.title,
                        name=known.name if len(known.name) > len(actor.name) else actor.name,
                    )
            if actor.country is None and actor.organization is None:
                rebel = self._rebel(actor.title)
                group = self.salient_group() if rebel else None
                state = None if rebel else self._domestic(actor.title, places, visit=visit)
                if state is None and not rebel and actor.title:
                    state = self._titled_state(actor.title)
                if state is not None and state.country in rivals:
                    state = None  # "X and his Chinese counterpart": X is no Chinese
                if group is not None:
                    # "Rebel Colonel X", "insurgent commander Y": the story's armed group
                    actor = attrs.evolve(actor, organization=group.organization)
                elif state is not None:
                    actor = attrs.evolve(actor, country=state.country)
            self.last_person = actor
            if actor.title:
                self.last_by_role[_role(actor.title.split()[-1])] = actor
                self._titled(actor)
            return actor
        if mention.role is Role.ORGANIZATION and actor is not None and actor.organization:
            full = self.acronyms.get(actor.organization)
            if full is not None and full.name != actor.name:
                actor = attrs.evolve(full, mention=actor.mention)
            head = actor.name.lower().rpartition(" ")[2]  # "Three Brotherhood Alliance"
            if head in _BODY_HEADS:
                self.by_head[head] = attrs.evolve(actor, mention=None)
            if actor.organization in lexicon().blocs:
                self.by_head["bloc"] = attrs.evolve(actor, mention=None)  # "the bloc said"
            return actor
        if mention.role is Role.GROUP:
            # "the alliance", "the movement": the body last named with that word in its name
            head = (mention.title or "").rpartition(" ")[2]
            if head == "bloc":
                return self.by_head.get(head)  # an international body, never an armed group
            return self.by_head.get(head) or self.salient_group()
        if mention.role is Role.ROLE_ONLY:
            word = _role((mention.title or "").split()[-1]) if mention.title else ""
            known = self.last_by_role.get(word)
            if known is None:
                known = self.roles.get(word)  # a party the story names so only later
                focus = self.focus_state() if word in _FORCES else None
                if (
                    known is not None
                    and focus is not None
                    and known.country != focus.country
                    and known.kind is not ActorKind.PERSON
                ):
                    # "Government troops recaptured X" before "French troops" are named:
                    # the forces of the state the story is about
                    known = attrs.evolve(focus, title=mention.title)
            if (
                front is not None
                # an army or a government, or a body no earlier sentence named
                and (word in _FORCES or (_INSTITUTIONS & set(word.split()) and known is None))
                and (known is None or (known.kind is not ActorKind.PERSON
                                       and known.country != front))
            ):  # fmt: skip
                return attrs.evolve(state_actor(front), title=mention.title)
            if known is None:
                state = self._domestic(mention.title, places, visit=visit)
                if state is None and self.home and _INSTITUTIONS & set(word.split()):
                    # "MOSCOW, March 3 (TASS) - The Foreign Ministry said": the dateline's
                    state = state_actor(self.home)
                if state is not None:
                    known = attrs.evolve(state, title=mention.title)
            if known is not None and known.kind is ActorKind.PERSON:
                self.last_person = known
            return known
        if mention.role is Role.PRONOUN:
            if self._told == 0 and self.last_subject is not None:
                # a sentence-opening "he": the person the sentence before opened on
                return self.last_subject
            return self.last_person
        if mention.role is Role.OFFICIAL and actor is not None and actor.title:
            self.last_by_role[_role(actor.title.split()[-1])] = actor
            self._titled(actor)
            if vocabulary().has("one_person_title", actor.title.split()[-1].lower()):
                self.last_person = actor  # "the Japanese premier ... he"
        return actor

    def _titled(self, actor: Actor) -> None:
        """Remember the state of an official told with a title, under the title and under
        each body word in it ("Foreign Ministry": "ministry")."""
        if actor.title and actor.country:
            title = actor.title.lower()
            self.by_title.setdefault(title, set()).add(actor.country)
            for word in title.split():
                if vocabulary().has("body_noun", word):
                    self.by_title.setdefault(word, set()).add(actor.country)

    def _titled_state(self, title: str) -> Actor | None:
        """The one state whose official the story told under ``title`` ("Venezuela's defense
        minister", then "Defense Minister X"), or whose body a word of it names ("Malawi's
        Foreign Ministry", then "Ministry spokesperson X")."""
        low = title.lower()
        for key in (low, *(w for w in low.split() if vocabulary().has("body_noun", w))):
            states = self.by_title.get(key, set())
            if len(states) == 1:
                return state_actor(next(iter(states)))
            if states:
                return None
        return None


def build_registry(
    mentions: Iterable[ActorMention],
    acronyms: Iterable[tuple[str, Actor]],
    places: Iterable[PlaceMention] = (),
    year: int | None = None,
) -> Registry:
    """First pass: what the article says about each actor (and, from the places it
    names, where the story happens); ``year`` is the story's."""
    reg = Registry(year=year)
    for place in places:
        if place.location.country:
            reg.states[place.location.country] += 1
    for acronym, actor in acronyms:
        # a state's body ("Government of National Accord (GNA) of Libya") stays its state's,
        # a body the gazetteer knows keeps its canonical key ("Arakan Army (AA)": Arakan Army)
        organization = (
            actor.organization
            if actor.kind is ActorKind.STATE or known_body(actor.organization)
            else acronym
        )
        reg.acronyms.setdefault(
            acronym, attrs.evolve(actor, organization=organization, mention=None)
        )
    for mention in mentions:
        if mention.role is Role.ORGANIZATION and mention.actor and mention.actor.organization:
            full = reg.acronyms.get(mention.actor.organization)
            if full is not None:
                reg.add(attrs.evolve(mention, actor=full))
                continue
        reg.add(mention)
    return reg
