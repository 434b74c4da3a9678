"""The article as every stage after annotation sees it: sentences with resolved mentions.

A :class:`Sentence` carries its offsets, paragraph, whether it is a heading, and its actor,
place and date mentions (already resolved against the whole article). An :class:`Article`
holds the caller's text, its normalized copy, the publication day, the dateline's place and
what the article says of its states as a whole.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

import attrs

from ...model import Location, Span
from ..annotate.dates import DateMention
from ..annotate.mentions import ActorMention, PlaceMention

__all__ = ["Article", "Sentence", "home_state"]


@attrs.frozen
class Sentence:
    """One sentence and everything found in it."""

    index: int
    start: int
    end: int
    paragraph: int
    title: bool
    actors: tuple[ActorMention, ...]  # resolved: every .actor is set
    places: tuple[PlaceMention, ...]
    dates: tuple[DateMention, ...]


@attrs.frozen
class Article:
    """The whole input as the rules and the document stage need it."""

    original: str
    norm: str
    published: dt.date | None
    sentences: tuple[Sentence, ...]
    home: Location | None  # dateline place, if any
    #: how often the article names each state (its name, people, organs and places)
    states: dict[str, int] = attrs.field(factory=dict, eq=False, repr=False)
    #: per person or office (by name), the states named in the sentences that name it
    company: dict[str, dict[str, int]] = attrs.field(factory=dict, eq=False, repr=False)
    #: per person (by name), the states the text says they are not of ("X and his Chinese
    #: counterpart Y": X is no Chinese)
    foreign_to: dict[str, frozenset[str]] = attrs.field(factory=dict, eq=False, repr=False)
    _lower: dict[int, str] = attrs.field(factory=dict, eq=False, repr=False)

    def span(self, start: int, end: int) -> Span:
        """Evidence ``original[start:end]``, trimmed of spaces."""
        while start < end and self.original[start].isspace():
            start += 1
        while end > start and self.original[end - 1].isspace():
            end -= 1
        return Span(text=self.original[start:end], start=start, end=end)

    def lower(self, sent: Sentence) -> str:
        """The sentence in lower case (for keyword tests), computed once."""
        low = self._lower.get(sent.index)
        if low is None:
            low = self._lower[sent.index] = self.norm[sent.start : sent.end].lower()
        return low


#: The story's own state is named at least this often ...
HOME_MIN_MENTIONS = 2
#: ... and this many times as often as any other candidate.
HOME_LEAD = 1.5
#: What a dateline in a state counts, in mentions.
DATELINE_WEIGHT = 2


def _counts(article: Article, dateline: bool = True) -> Counter[str]:
    counts = Counter(article.states)
    if dateline and article.home is not None and article.home.country:
        counts[article.home.country] += DATELINE_WEIGHT
    return counts


def home_state(
    article: Article, exclude: Iterable[str] = (), *, dateline: bool = True, lone: bool = False
) -> str | None:
    """The state the story treats as its own, leaving out ``exclude``; with ``dateline``
    false, by what the text names alone (a dateline tells where the reporter was); with
    ``lone``, also a state named once when the story names no other (for an institution:
    "Estonia's border guard is on alert. The Defence Ministry said ...")."""
    skip = set(exclude)
    ranked = [(c, n) for c, n in _counts(article, dateline).most_common() if c not in skip]
    if not ranked or (ranked[0][1] < HOME_MIN_MENTIONS and not (lone and len(ranked) == 1)):
        return None
    if len(ranked) > 1 and ranked[0][1] < HOME_LEAD * ranked[1][1]:
        return None
    return ranked[0][0]
