"""Word tags: what each token of a sentence is, read from the vocabulary and the mentions.

A tag is one of the constants of :class:`Tag`. Entity mentions (actors, places, dates) tag
the tokens they cover; closed-class words come from the vocabulary; a known verb form is a
verb unless its neighbours make it a noun or an adjective ("the talks", "the disputed
region"). Multi-word function words ("according to", "as well as", "no longer") are read
as one unit: their first token carries the tag and the others :data:`Tag.CONT`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from ..annotate.tokens import Token
from ..annotate.vocabulary import VerbForm, Vocabulary

__all__ = ["Tag", "Tagged", "clause_after", "tag_tokens"]


class _Tags:
    """Token tags (one-character strings, so a sentence's tags can be read as a string).

    Read as the attributes of the one instance :data:`Tag` ("Tag.VERB"): an instance's
    slots are read faster than a class's attributes, and the syntax stage reads tags in
    all its loops."""

    __slots__ = ("ACTOR", "ADV", "AUX", "BRACKET", "CAP", "COMMA", "CONT", "COORD", "DATE",
                 "DET", "MODAL", "NEG", "NUM", "PLACE", "POSS", "PREP", "PRON", "PUNCT",
                 "QUOTE", "REL", "STOP", "SUB", "THAT", "TO", "VERB", "WORD")  # fmt: skip

    def __init__(self) -> None:
        self.ACTOR = "A"  # inside an actor mention
        self.PLACE = "P"  # inside a place mention (and no actor mention)
        self.DATE = "D"  # inside a date mention
        self.NUM = "N"  # a number
        self.VERB = "V"  # a main verb
        self.AUX = "X"  # an auxiliary: be, have, do before a verb
        self.MODAL = "M"  # will, would, could ...
        self.NEG = "G"  # not, never, n't
        self.ADV = "R"  # an adverb
        self.PREP = "I"  # a preposition
        self.SUB = "S"  # a subordinating conjunction (when, while, because ...)
        self.REL = "W"  # who, whom, whose, which, where
        self.THAT = "H"  # "that" (complementizer, relative or determiner: decided by the clauses)
        self.TO = "2"  # "to" before a verb
        self.COORD = "C"  # and, or, but
        self.DET = "T"  # a determiner or possessive pronoun
        self.PRON = "O"  # a personal pronoun
        self.POSS = "'"  # the possessive ending "'s"
        self.QUOTE = "Q"  # a quotation mark
        self.COMMA = ","
        self.STOP = ";"  # ; : -- ( ) and other clause-breaking punctuation
        self.PUNCT = "."  # other punctuation
        self.WORD = "n"  # any other lower-case word (a noun or an adjective)
        self.CAP = "c"  # any other capitalized word
        self.CONT = "+"  # a later token of a multi-word unit
        self.BRACKET = "b"  # a bracket around a short aside inside a phrase: "Tamil Eelam (LTTE)"


#: The token tags.
Tag = _Tags()


#: Tags of tokens that may be part of a noun phrase.
NOMINAL = frozenset({Tag.ACTOR, Tag.PLACE, Tag.NUM, Tag.DET, Tag.PRON, Tag.POSS, Tag.WORD,
                     Tag.CAP, Tag.BRACKET})  # fmt: skip

_POSSESSIVE = frozenset({"'s", "’s"})
_QUOTES = frozenset({'"', "“", "”", "«", "»", "``", "''", "″", "„", "‟"})
_STOPS = frozenset({";", ":", "--", "—", "–", "(", ")", "[", "]", "…", "..."})


@attrs.frozen
class Tagged:
    """The tags of a sentence's tokens and the verb forms of its verbs."""

    tags: list[str]
    lemmas: list[str]  # the lemma of each token (the lower-case word if none is known)
    units: list[int]  # for a multi-word unit's first token, its length in tokens, else 1
    forms: list[frozenset[str]]  # verb forms of each verb token (empty for others)


@functools.cache
def _units(vocab: Vocabulary) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Multi-word function words by first word: (words, tag), longest first."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, tag in (("preposition", Tag.PREP), ("subordinator", Tag.SUB),
                      ("coordinator", Tag.COORD), ("negation", Tag.NEG),
                      ("adverb", Tag.ADV)):  # fmt: skip
        for form in vocab.forms(name):
            words = tuple(form.split())
            if len(words) > 1:
                by_first.setdefault(words[0], []).append((words, tag))
    return {k: tuple(sorted(v, key=lambda u: -len(u[0]))) for k, v in by_first.items()}


@functools.cache
def _single(vocab: Vocabulary) -> dict[str, str]:
    """One-word function words and their tags (the first class listed wins)."""
    out: dict[str, str] = {}
    for name, tag in (
        ("negation", Tag.NEG),
        ("modal", Tag.MODAL),
        ("relative", Tag.REL),
        ("coordinator", Tag.COORD),
        ("subject_pronoun", Tag.PRON),
        ("object_pronoun", Tag.PRON),
        ("possessive_pronoun", Tag.DET),
        ("determiner", Tag.DET),
        ("preposition", Tag.PREP),
        ("subordinator", Tag.SUB),
        ("adverb", Tag.ADV),
        ("number_word", Tag.NUM),
    ):
        for word in vocab.words(name):
            out.setdefault(word, tag)
    out["that"] = Tag.THAT
    out["to"] = Tag.PREP
    return out


class _Words(NamedTuple):
    """The vocabulary's word sets the tagger reads for every token, looked up once."""

    approximator: frozenset[str]  # "nearly", "some", "more than"
    approximator_firsts: frozenset[str]  # the first words of the approximators of two words
    number_word: frozenset[str]
    ly_noun: frozenset[str]
    manner_word: frozenset[str]
    auxiliary: frozenset[str]  # every form of be, have, do and get
    adverb_coordinator: frozenset[str]  # "yet": an adverb after "not" ("has not yet met")


@functools.cache
def _words(vocab: Vocabulary) -> _Words:
    approximator = vocab.forms("approximator")
    auxiliary: set[str] = set()
    for name in _AUX_WORDS:
        auxiliary |= vocab.forms(name)
    return _Words(
        approximator=approximator,
        approximator_firsts=frozenset(f.split(" ")[0] for f in approximator if " " in f),
        number_word=vocab.forms("number_word"),
        ly_noun=vocab.forms("ly_noun"),
        manner_word=vocab.forms("manner_word"),
        auxiliary=frozenset(auxiliary),
        adverb_coordinator=vocab.forms("adverb_coordinator"),
    )


#: The class of a capitalized function word ("The", "After"), which is its function
#: word's tag only where a capital says nothing (:func:`_sentence_start`).
_AT_START = "?"
#: At most this many words' classes are kept (then they are forgotten and read again).
_MAX_CLASSES = 50_000


@functools.cache
def _classes(vocab: Vocabulary) -> dict[str, str]:
    """The tags of words as written, by :func:`_word_class`, filled as words are met."""
    return {}


def _word_class(
    text: str, low: str, single: dict[str, str], known: _Words, vocab: Vocabulary
) -> str:
    """The tag of a word that no mention or multi-word unit covers, as far as the word
    tells (:data:`_AT_START`: as far as its place in the sentence tells)."""
    if text in _QUOTES:
        return Tag.QUOTE
    if text == ",":
        return Tag.COMMA
    if text in _STOPS:
        return Tag.STOP
    if low in _POSSESSIVE:
        return Tag.POSS
    if not text[0].isalnum():
        return Tag.PUNCT
    if text[0].isdigit():
        return Tag.NUM
    if (
        text[0].islower()
        and low.endswith("ly")
        and len(low) > 5
        and low not in vocab.noun_forms
        and low not in known.ly_noun
    ):
        return Tag.ADV  # "internationally recognized", "quickly entered"
    if low in single:
        if text[0].islower() or low == "i":
            return single[low]
        return _AT_START
    return Tag.CAP if text[0].isupper() else Tag.WORD


@functools.cache
def _lemmas(vocab: Vocabulary) -> tuple[dict[str, str], dict[str, str]]:
    """The lemma of every known word read as a verb (its verb lemma, else its noun lemma)
    and read as anything else (the other way round)."""
    verbs, nouns = vocab.lemmas, vocab.noun_lemmas
    words = {*verbs, *nouns}
    return (
        {w: verbs.get(w) or nouns.get(w, w) for w in words},
        {w: nouns.get(w) or verbs.get(w, w) for w in words},
    )


# Words that are prepositions before a noun phrase and subordinators before a clause; the
# clause stage decides (they are tagged PREP here).
_PREP_OR_SUB = frozenset({"after", "before", "since", "until", "till", "as"})
_AUX_WORDS = ("be", "have", "do", "get")


def tag_tokens(
    tokens: Sequence[Token],
    entities: Sequence[tuple[int, int, str]],
    vocab: Vocabulary,
) -> Tagged:
    """Tag ``tokens``; ``entities`` are (first token, end token, tag) of the mentions."""
    n = len(tokens)
    tags = [""] * n
    units = [1] * n
    for first, end, tag in entities:
        for i in range(first, end):
            if not tags[i] or tag == Tag.ACTOR:
                tags[i] = tag
    single = _single(vocab)
    multi = _units(vocab)
    known = _words(vocab)
    classes = _classes(vocab)
    i = 0
    while i < n:
        if tags[i]:
            i += 1
            continue
        tok = tokens[i]
        low = tok.low
        options = multi.get(low)
        if options:
            for words, tag in options:
                k = len(words)
                if tag == Tag.PREP and i > 0 and tags[i - 1] == Tag.DET:
                    continue  # "the southeast of X", "the front of": a noun, then "of"
                if i + k <= n and all(
                    tokens[i + j].low == words[j] and not tags[i + j] for j in range(1, k)
                ):
                    tags[i] = tag
                    units[i] = k
                    for j in range(1, k):
                        tags[i + j] = Tag.CONT
                    break
            if tags[i]:
                i += units[i]
                continue
        text = tok.text
        found = classes.get(text)
        if found is None:
            found = _word_class(text, low, single, known, vocab)
            if len(classes) >= _MAX_CLASSES:
                classes.clear()
            classes[text] = found
        tag = found
        if tag == _AT_START:
            if i == 0 or _sentence_start(tokens, tags, i):
                tag = single[low]
            elif (
                single[low] == Tag.DET
                and i + 1 < n
                and tokens[i + 1].text[:1].islower()
                and not tags[i + 1]
            ):
                tag = Tag.DET  # "KABUL, Afghanistan The ruling army": a dateline before it
            else:
                tag = Tag.CAP if text[0].isupper() else Tag.WORD
        tags[i] = tag
        i += 1
    forms: list[frozenset[str]] = [frozenset()] * n
    # (each pass below is skipped when the sentence lacks the words or tags it looks for)
    low_list = [t.low for t in tokens]  # read once for every pass below
    lows = set(low_list)
    approximator = known.approximator
    number_word = known.number_word
    if not lows.isdisjoint(approximator):
        for i in range(n - 1):
            if (
                tags[i] in (Tag.ADV, Tag.PREP)
                and tokens[i].low in approximator
                and (tags[i + 1] == Tag.NUM or tokens[i + 1].low in number_word)
            ):
                tags[i] = Tag.DET  # "nearly five hours", "some 2,500 troops": in the phrase
    firsts = known.approximator_firsts
    if not lows.isdisjoint(firsts):
        for i in range(n - 2):
            if tokens[i].low not in firsts:
                continue
            two = f"{tokens[i].low} {tokens[i + 1].low}"
            if two in approximator and (tags[i + 2] == Tag.NUM or tokens[i + 2].low in number_word):
                tags[i] = tags[i + 1] = Tag.DET  # "more than 3,000 troops"
                units[i + 1] = 1
    if "since" in lows:
        for i in range(1, n - 1):
            if (
                tokens[i].low == "since"
                and tokens[i - 1].low in ("have", "has", "had")
                and tokens[i + 1].low in vocab.verb_forms
            ):
                tags[i] = Tag.ADV  # "have since seized": an adverb
    if Tag.COORD in tags:
        for i in range(1, n - 1):
            if (
                tags[i] == Tag.COORD
                and tags[i - 1] == Tag.NEG
                and tokens[i].low in known.adverb_coordinator
            ):
                tags[i] = Tag.ADV  # "has not yet commented": an adverb, no "and"
    if Tag.ADV in tags:
        for i in range(1, n - 1):
            if (
                tags[i] == Tag.ADV
                and tags[i - 1] == Tag.DET
                and tags[i + 1] in (Tag.WORD, Tag.CAP, Tag.ACTOR, Tag.PLACE, Tag.NUM)
            ):
                tags[i] = Tag.WORD  # "their first joint drills", "the last American forces"
    if "(" in lows or "[" in lows:
        _short_brackets(tokens, tags)
    if Tag.QUOTE in tags:
        _short_quotes(tokens, tags, vocab)
    if Tag.POSS in tags or not lows.isdisjoint(known.auxiliary):
        _mark_auxiliaries(tokens, tags, known.auxiliary)
    if "to" in lows:
        _tag_to(tokens, tags, forms, vocab)
    _tag_verbs(tokens, tags, forms, vocab, low_list)
    if Tag.AUX in tags:
        _settle_auxiliaries(tokens, tags, forms, vocab)
    if not lows.isdisjoint(_PARTICLE_WORDS):
        _split_particles(tokens, tags, units, vocab)
    manner = known.manner_word
    if not lows.isdisjoint(manner):
        for i in range(1, n):
            if tags[i - 1] == Tag.VERB and tokens[i].low in manner:
                tags[i] = Tag.ADV  # "met face-to-face": how, not whom
    if Tag.THAT in tags:
        _relative_that(tags)
    if n and tags[0] == Tag.ACTOR and Tag.COMMA in tags:
        _listed_subjects(tokens, tags, forms, vocab)
    # a verb's lemma is its verb lemma, else its noun lemma; any other word's the other way
    as_verb, as_noun = _lemmas(vocab)
    verb_lemma, noun_lemma = as_verb.get, as_noun.get
    lemmas = [
        verb_lemma(low, low) if tag == Tag.VERB or tag == Tag.AUX else noun_lemma(low, low)
        for low, tag in zip(low_list, tags, strict=True)
    ]
    if not lows.isdisjoint(_PREP_OR_SUB):
        for i, tok in enumerate(tokens):
            if tags[i] == Tag.PREP and tok.low in _PREP_OR_SUB and clause_after(tags, i + 1):
                tags[i] = Tag.SUB  # "after Russia had withdrawn": a clause follows
    return Tagged(tags=tags, lemmas=lemmas, units=units, forms=forms)


def _listed_subjects(
    tokens: Sequence[Token], tags: list[str], forms: list[frozenset[str]], vocab: Vocabulary
) -> None:
    """ "Obama, Wen meet on sidelines of summit", "Russia, China hold drills": names the
    sentence opens with, parted by commas only and followed by their verb, are coordinated
    (the style of headlines)."""
    n = len(tags)
    commas: list[int] = []
    j = 0
    while j < n and tags[j] == Tag.ACTOR:
        k = j + 1
        while k < n and tags[k] in (Tag.ACTOR, Tag.CONT):
            k += 1
        if k + 1 < n and tags[k] == Tag.COMMA and tags[k + 1] == Tag.ACTOR:
            commas.append(k)
            j = k + 1
            continue
        verb = k < n and tags[k] in (Tag.VERB, Tag.AUX, Tag.MODAL)
        if k < n and commas and not verb and tags[k] == Tag.WORD:
            found = vocab.verb_forms.get(tokens[k].low, frozenset())
            if VerbForm.BASE in found:  # "Russia, China, Iran hold drills": a plural's verb
                tags[k], forms[k], verb = Tag.VERB, found, True
        if verb:
            for c in commas:
                tags[c] = Tag.COORD
        return


def _relative_that(tags: list[str]) -> None:
    """ "an exercise that concluded on Friday": "that" between a noun and a verb is a
    relative pronoun."""
    n = len(tags)
    for i in range(1, n - 1):
        if tags[i] != Tag.THAT or tags[i - 1] not in (Tag.WORD, Tag.CAP, Tag.ACTOR, Tag.PLACE):
            continue
        j = i + 1
        while j < n and tags[j] in (Tag.ADV, Tag.NEG):
            j += 1
        if j < n and tags[j] in (Tag.VERB, Tag.AUX, Tag.MODAL):
            tags[i] = Tag.REL


#: A bracketed aside of at most this many tokens with no verb stays inside its phrase.
SHORT_ASIDE = 6


def _short_brackets(tokens: Sequence[Token], tags: list[str]) -> None:
    """ "(LTTE)", "(0230 GMT)": a short aside in brackets belongs to the phrase before it."""
    n = len(tokens)
    for i in range(n):
        if tokens[i].text not in ("(", "["):
            continue
        close = ")" if tokens[i].text == "(" else "]"
        for j in range(i + 1, min(n, i + SHORT_ASIDE + 2)):
            if tokens[j].text == close:
                inside = tags[i + 1 : j]
                if all(t in (Tag.ACTOR, Tag.PLACE, Tag.CAP, Tag.NUM, Tag.WORD, Tag.DATE, "")
                       for t in inside):  # fmt: skip
                    tags[i] = tags[j] = Tag.BRACKET
                break
            if tokens[j].text in ("(", "["):
                break


#: A quoted name or scare quote of at most this many tokens stays inside its clause.
SHORT_QUOTE = 5
#: ... and a quoted title after a determiner ('the "international meeting on peace"') of at
#: most this many, with no verb.
TITLE_QUOTE = 12


def _short_quotes(tokens: Sequence[Token], tags: list[str], vocab: Vocabulary) -> None:
    """'dismissed the claims as "fabrications" in a tweet': quotes around a few words with
    no verb break no clause (they name or scare-quote; they report no speech)."""
    n = len(tokens)
    i = 0
    while i < n:
        if tags[i] != Tag.QUOTE:
            i += 1
            continue
        titled = i > 0 and tags[i - 1] == Tag.DET
        for j in range(i + 1, min(n, i + (TITLE_QUOTE if titled else SHORT_QUOTE) + 2)):
            if tags[j] == Tag.QUOTE:
                inside = tags[i + 1 : j]
                words = [tokens[k].text for k in range(i + 1, j)]
                clause = any(t in (Tag.AUX, Tag.MODAL, Tag.COMMA, Tag.STOP) for t in inside) or (
                    j - i > SHORT_QUOTE + 1 and Tag.VERB in inside
                )
                if len(words) == 1 and words[0].lower() in vocab.verb_forms and words[0].islower():
                    tags[i] = tags[j] = Tag.ADV  # 'had "liberated" the town': scare quotes
                elif inside and not clause and words[-1] not in (".", "!", "?"):
                    tags[i] = tags[j] = Tag.BRACKET
                i = j
                break
        i += 1


def _sentence_start(tokens: Sequence[Token], tags: list[str], i: int) -> bool:
    """Whether token ``i`` opens the sentence or a quotation (so a capital says nothing)."""
    j = i - 1
    while j >= 0 and tags[j] in (Tag.QUOTE, Tag.PUNCT, Tag.STOP):
        j -= 1
    return j < 0 or tokens[j].text in ('"', "“", ":", "(", "--", "—")


def _prev(tags: list[str], i: int) -> int:
    """Index of the token before ``i`` that is no adverb, negation or unit continuation."""
    j = i - 1
    while j >= 0 and tags[j] in (Tag.ADV, Tag.NEG, Tag.CONT):
        j -= 1
    return j


_NOUN_AFTER = frozenset({"of", "between", "among", "amongst"})


def _tag_verbs(
    tokens: Sequence[Token],
    tags: list[str],
    forms: list[frozenset[str]],
    vocab: Vocabulary,
    lows: Sequence[str],
) -> None:
    """Mark verb forms as verbs, unless their neighbours make them nouns or adjectives
    (``lows``: the tokens' lower-case words)."""
    verb_forms = vocab.verb_forms
    for i in [i for i, low in enumerate(lows) if low in verb_forms]:
        tag = tags[i]
        if tag not in (Tag.WORD, Tag.CAP):
            continue
        tok = tokens[i]
        low = tok.low
        found = verb_forms[low]
        if tag == Tag.CAP and not _sentence_start(tokens, tags, i):
            continue
        if low in _PARTICLE_WORDS and i + 1 < len(tokens) and tags[i + 1] == Tag.PREP and i > 0:
            tags[i] = Tag.ADV  # "handed the town back to Egypt": the verb's particle
            continue
        p = _prev(tags, i)
        prev_tag = tags[p] if p >= 0 else ""
        prev_low = tokens[p].low if p >= 0 else ""
        noun_too = low in vocab.noun_forms
        nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
        the_two = (
            prev_tag == Tag.NUM
            and p > 0
            and tokens[p - 1].low == "the"
            and vocab.has("number_word", prev_low)
        )
        if (
            prev_tag in (Tag.DET, Tag.POSS, Tag.NUM)
            and prev_low not in ("that", "all", "both")
            and not the_two  # "when the two met"
        ):
            continue  # "the talks", "Russia's annexed land", "three wounded soldiers"
        if prev_tag == Tag.PREP and VerbForm.GERUND not in found:
            continue  # "for talks", "of drills"
        if f"{low} {nxt}" in vocab.noun_forms:
            continue  # "a NATO press release", "a working visit": a compound noun's first word
        if (
            vocab.has("attributive_participle", low)
            and i + 1 < len(tokens)
            and tags[i + 1] == Tag.ACTOR
            and not vocab.has("gerund_opener", prev_low)
        ):
            continue  # "talks between visiting Prime Minister X and Y": an adjective
        if (
            found == {VerbForm.BASE}
            and prev_tag in (Tag.WORD, Tag.CAP)
            and p > 0
            and tags[p - 1] in (Tag.DET, Tag.NUM)
            # (not "the rebels withdraw": a verb after a plural noun)
            and not (noun_too is False and _plural(prev_low))
        ):
            continue  # "no direct mention", "a Russian capture": a noun after an adjective
        if (
            prev_tag == Tag.ACTOR
            and VerbForm.PAST not in found
            and i + 1 < len(tokens)
            and tags[i + 1] == Tag.WORD
            and vocab.has("force_noun", tokens[i + 1].low)
        ):
            continue  # "the Philippine patrol vessel": a noun before the force it names
        if prev_tag == Tag.VERB and p == i - 1 and not found & {VerbForm.GERUND, VerbForm.PAST}:
            continue  # "discussed trade with": no second finite verb in a row
        if (
            found == {VerbForm.BASE}
            and prev_tag in (Tag.ACTOR, Tag.WORD, Tag.CAP)
            and i + 2 < len(tokens)
            and tags[i + 1] == Tag.WORD
            and VerbForm.PAST in vocab.verb_forms.get(tokens[i + 2].low, frozenset())
            and tokens[i + 1].low not in vocab.verb_forms
        ):
            continue  # "the government press service said": a noun before a noun
        if (
            found == {VerbForm.PAST, VerbForm.PARTICIPLE}
            and prev_tag == Tag.WORD
            and p > 0
            and tags[p - 1] == Tag.DET
            and i + 1 < len(tokens)
            and tags[i + 1] == Tag.WORD
            and tokens[i + 1].low not in vocab.verb_forms
            and f"{vocab.lemma(low)} {tokens[i + 1].low}" not in verb_forms  # "teamed up"
            and not _plural(prev_low)  # "the rebels seized towns": a plural subject's verb
        ):
            continue  # "a local elected official": an adjective between
        if noun_too:
            verb_context = prev_tag in (Tag.AUX, Tag.MODAL, Tag.REL, Tag.THAT, Tag.TO) or (
                prev_tag == Tag.PRON and prev_low not in ("it", "them", "us", "him", "me")
            )
            if prev_tag == Tag.THAT and p == 0 and i + 1 < len(tokens):
                # "That exercise came a week after ...": a determiner, then the noun
                after = verb_forms.get(tokens[i + 1].low, frozenset())
                if after & {VerbForm.PAST, VerbForm.THIRD}:
                    tags[p] = Tag.DET
                    continue
            if (
                not verb_context
                and nxt in _PARTICLE_WORDS
                and f"{vocab.lemma(low)} {nxt}" in vocab.verb_forms
            ):
                verb_context = True  # "India kicked off the drills": a phrasal verb
            if not verb_context and prev_tag in (Tag.ACTOR, Tag.CAP, Tag.PLACE):
                if VerbForm.PAST in found:
                    verb_context = nxt not in _NOUN_AFTER  # "Putin visited China"
                elif VerbForm.THIRD in found and i + 1 < len(tokens):
                    # "Putin visits China" (not "joint military exercises ,")
                    verb_context = tags[i + 1] in (Tag.DET, Tag.ACTOR, Tag.PLACE, Tag.CAP,
                                                   Tag.NUM) and nxt not in _NOUN_AFTER  # fmt: skip
            if (
                not verb_context
                and VerbForm.GERUND in found
                and (prev_tag in (Tag.PREP, Tag.COMMA) or p < 0)
            ):
                verb_context = nxt not in _NOUN_AFTER  # "after meeting X", ", saying"
            if not verb_context and prev_tag == Tag.WORD and VerbForm.PAST in found:
                verb_context = True  # "the talks ended", "officials visited"
            if not verb_context and VerbForm.GERUND in found and prev_tag == Tag.COORD:
                # "seizing 80 prisoners and cutting off a road": a gerund coordinated
                # with one before it in the same clause
                verb_context = _gerund_before(tags, forms, p)
            if not verb_context:
                continue
        tags[i] = Tag.VERB
        forms[i] = found
    if Tag.COORD in tags:
        for i in range(1, len(tokens)):
            low = tokens[i].low
            if (
                tags[i - 1] == Tag.COORD
                and tags[i] == Tag.WORD
                and low.endswith("ing")
                and len(low) > 5
                and low not in verb_forms
                and low not in vocab.noun_forms
                and _gerund_before(tags, forms, i - 1)
            ):
                # "seizing 80 prisoners and cutting off a road": a verb the lexicon lacks
                tags[i] = Tag.VERB
                forms[i] = _GERUND_ONLY


_GERUND_ONLY = frozenset({VerbForm.GERUND})


def _plural(word: str) -> bool:
    """Whether a lower-case word looks like a plural noun ("rebels", "troops")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _gerund_before(tags: list[str], forms: list[frozenset[str]], i: int) -> bool:
    """Whether a gerund verb comes before token ``i`` (a conjunction) in its clause."""
    for j in range(i - 1, -1, -1):
        tag = tags[j]
        if tag == Tag.VERB:
            return VerbForm.GERUND in forms[j]
        if tag in (Tag.STOP, Tag.SUB, Tag.REL, Tag.THAT, Tag.QUOTE, Tag.AUX, Tag.MODAL):
            return False
    return False


def _mark_auxiliaries(tokens: Sequence[Token], tags: list[str], auxiliary: frozenset[str]) -> None:
    """Forms of be / have / do / get (``auxiliary``): auxiliaries for now
    (:func:`_settle_auxiliaries`)."""
    words = auxiliary | _POSSESSIVE
    for i in [i for i, t in enumerate(tokens) if t.low in words]:
        tok = tokens[i]
        tag = tags[i]
        if tag == Tag.POSS:
            if i > 0 and tags[i - 1] == Tag.PRON:
                tags[i] = Tag.AUX  # "he's", "it's": a contracted "is"
            continue
        if tag not in (Tag.WORD, Tag.CAP) or tok.low not in auxiliary:
            continue
        if tag == Tag.CAP and not _sentence_start(tokens, tags, i):
            continue
        tags[i] = Tag.AUX


def _settle_auxiliaries(
    tokens: Sequence[Token], tags: list[str], forms: list[frozenset[str]], vocab: Vocabulary
) -> None:
    """An auxiliary with no verb after it is the main verb ("was in Doha", "had talks")."""
    n = len(tokens)
    for i in range(n - 1, -1, -1):
        if tags[i] != Tag.AUX:
            continue
        j = i + 1
        while j < n and tags[j] in (Tag.ADV, Tag.NEG, Tag.CONT):
            j += 1
        if j < n and tags[j] in (Tag.VERB, Tag.AUX):
            continue
        tags[i] = Tag.VERB
        forms[i] = vocab.verb_forms.get(tokens[i].low, frozenset({VerbForm.BASE}))


def _tag_to(
    tokens: Sequence[Token], tags: list[str], forms: list[frozenset[str]], vocab: Vocabulary
) -> None:
    """ "to" before a base verb marks an infinitive."""
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if tok.low != "to" or tags[i] != Tag.PREP:
            continue
        j = i + 1
        while j < n and tags[j] in (Tag.ADV, Tag.NEG):
            j += 1
        if j >= n or tags[j] not in (Tag.WORD, Tag.AUX):
            continue
        found = vocab.verb_forms.get(tokens[j].low)
        low = tokens[j].low
        if found is None and low.startswith("re") and low[2:] in vocab.verb_forms:
            found = frozenset({VerbForm.BASE})  # "to reopen", "to redeploy"
        if (
            found is None
            and j + 1 < n
            and tags[j + 1] in (Tag.DET, Tag.ACTOR, Tag.PLACE, Tag.NUM)
            and low not in vocab.noun_forms
            and low.isalpha()
        ):
            found = frozenset({VerbForm.BASE})  # "to quell the unrest": a verb we do not list
        if tags[j] == Tag.AUX or (found is not None and VerbForm.BASE in found):
            tags[i] = Tag.TO
            if tags[j] == Tag.WORD:
                tags[j] = Tag.VERB
                forms[j] = frozenset({VerbForm.BASE})


def clause_after(tags: Sequence[str], i: int) -> bool:
    """Whether a subject and a finite verb (or an -ing verb) follow ``i`` before the next
    break: "after [Russia had withdrawn]", "after [meeting X]"."""
    n = len(tags)
    while i < n and tags[i] == Tag.ADV:
        i += 1
    if i < n and (tags[i] == Tag.VERB or (tags[i] == Tag.AUX and tags[i - 1] != Tag.PRON)):
        return True  # "after meeting X", "after being sworn in"
    seen_nominal = False
    while i < n and tags[i] not in (Tag.COMMA, Tag.STOP, Tag.QUOTE, Tag.SUB, Tag.REL, Tag.THAT):
        tag = tags[i]
        if tag in (Tag.AUX, Tag.MODAL) or (tag == Tag.VERB and seen_nominal):
            return seen_nominal
        if tag in (Tag.ACTOR, Tag.PLACE, Tag.WORD, Tag.CAP, Tag.PRON, Tag.NUM):
            seen_nominal = True
        elif tag == Tag.TO or (tag == Tag.PREP and not seen_nominal):
            return False  # (a PP after the subject goes on: "after talks in Nairobi collapsed")
        i += 1
    return False


_PARTICLE_WORDS = frozenset({"out", "back", "over", "off", "up", "down", "away"})


def _split_particles(
    tokens: Sequence[Token], tags: list[str], units: list[int], vocab: Vocabulary
) -> None:
    """ "pulled out of the town": "out" is the verb's particle, "of" the preposition (the
    unit "out of" is split when the verb and the particle make a known phrasal verb)."""
    for i in range(len(tokens) - 1):
        if tags[i] == Tag.VERB and tags[i + 1] == Tag.WORD and tokens[i + 1].low in _PARTICLE_WORDS:
            tags[i + 1] = Tag.ADV  # "took up positions": a particle, not a noun
            continue
        if tags[i] != Tag.VERB or tags[i + 1] != Tag.PREP or units[i + 1] < 2:
            continue
        particle = tokens[i + 1].low
        if particle not in _PARTICLE_WORDS:
            continue
        if f"{vocab.lemma(tokens[i].low)} {particle}" not in vocab.verb_forms:
            continue
        units[i + 2] = units[i + 1] - 1
        tags[i + 2] = Tag.PREP
        units[i + 1] = 1
        tags[i + 1] = Tag.ADV
