"""The parser's vocabulary: named classes of English words, read from ``data/vocabulary.toml``.

A class is a set of lemmas (verbs, nouns) or literal words; the inflections of verbs and the
plurals of nouns are generated here, so the data lists each word once ("say", never "said").
Patterns and the syntax layer refer to a class by name ("@reporting_verb").

Tables apart from machinery: the data file holds the words, this module only expands them.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources

import attrs

__all__ = [
    "VerbForm",
    "Vocabulary",
    "inflect_noun",
    "inflect_verb",
    "vocabulary",
]

_VOWELS = frozenset("aeiou")


class VerbForm:
    """Names of the forms of a verb (a form may be several: "captured" is past and
    participle)."""

    BASE = "base"
    THIRD = "s"
    PAST = "ed"
    PARTICIPLE = "en"
    GERUND = "ing"


def _third(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        return word + "es"
    if len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _gerund(word: str, double: bool) -> list[str]:
    if word.endswith("ie"):
        return [word[:-2] + "ying"]
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")) and len(word) > 2:
        return [word[:-1] + "ing"]
    if double:
        out = [word + word[-1] + "ing"]
        if word.endswith("l"):
            out.append(word + "ing")  # "traveling" beside "travelling"
        return out
    return [word + "ing"]


def _past(word: str, double: bool) -> list[str]:
    if word.endswith("e"):
        return [word + "d"]
    if len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        return [word[:-1] + "ied"]
    if double:
        out = [word + word[-1] + "ed"]
        if word.endswith("l"):
            out.append(word + "ed")  # "traveled" beside "travelled"
        return out
    return [word + "ed"]


def inflect_verb(
    lemma: str,
    irregular: Mapping[str, tuple[str, str]],
    doubling: frozenset[str],
) -> dict[str, frozenset[str]]:
    """Every form of ``lemma`` with the names of the forms it is. A phrase ("point out")
    inflects its first word."""
    head, sep, rest = lemma.partition(" ")
    tail = sep + rest
    double = head in doubling
    forms: dict[str, set[str]] = {}

    def add(word: str, form: str) -> None:
        forms.setdefault(word + tail, set()).add(form)

    add(head, VerbForm.BASE)
    add(_third(head) if head not in ("be", "have") else {"be": "is", "have": "has"}[head],
        VerbForm.THIRD)  # fmt: skip
    for g in _gerund(head, double):
        add(g, VerbForm.GERUND)
    if head in irregular:
        past, participle = irregular[head]
        add(past, VerbForm.PAST)
        add(participle, VerbForm.PARTICIPLE)
    else:
        for p in _past(head, double):
            add(p, VerbForm.PAST)
            add(p, VerbForm.PARTICIPLE)
    return {k: frozenset(v) for k, v in forms.items()}


def inflect_noun(lemma: str, plurals: Mapping[str, str]) -> list[str]:
    """The singular and plural of ``lemma``; a phrase pluralizes its head ("war games",
    "rounds of talks")."""
    before, of, after = lemma.partition(" of ")
    words = before.split(" ")
    last = words[-1]
    if last in plurals:
        plural = plurals[last]
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    elif len(last) > 1 and last.endswith("y") and last[-2] not in _VOWELS:
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    words[-1] = plural
    plural_phrase = " ".join(words) + (of + after if of else "")
    return [lemma] if plural_phrase == lemma else [lemma, plural_phrase]


@attrs.frozen(eq=False)
class Vocabulary:
    """Word classes by name, with every form of their words (all lower case)."""

    classes: Mapping[str, frozenset[str]]  # name -> forms (phrases included)
    lemmas: Mapping[str, str]  # form -> lemma, for the verbs of any class
    noun_lemmas: Mapping[str, str]  # form -> lemma, for the nouns of any class
    verb_forms: Mapping[str, frozenset[str]]  # form -> names of the verb forms it is
    noun_forms: frozenset[str]  # every form of a noun of some class
    kinds: Mapping[str, str]  # class name -> "verb", "noun" or "word"
    abbreviations: Mapping[str, str]  # "pm" -> "prime minister"
    single: Mapping[str, frozenset[str]]  # name -> its one-word forms
    media: tuple[tuple[str, frozenset[str]], ...]  # medium name -> words, by priority

    def forms(self, name: str) -> frozenset[str]:
        """The forms of class ``name`` (a leading "@" is allowed); KeyError if unknown."""
        return self.classes[name.removeprefix("@")]

    def words(self, name: str) -> frozenset[str]:
        """The one-word forms of class ``name``."""
        return self.single[name.removeprefix("@")]

    def has(self, name: str, word: str) -> bool:
        """Whether ``word`` (lower case) is a form of class ``name``."""
        return word in self.classes[name.removeprefix("@")]

    def lemma(self, word: str) -> str:
        """The lemma of a known verb form (else of a noun form), else the word itself."""
        return self.lemmas.get(word) or self.noun_lemmas.get(word, word)

    def noun_lemma(self, word: str) -> str:
        """The lemma of a known noun form (else of a verb form), else the word itself."""
        return self.noun_lemmas.get(word) or self.lemmas.get(word, word)

    def is_verb_form(self, word: str, *forms: str) -> bool:
        """Whether ``word`` is a verb form (of one of ``forms``, when given)."""
        found = self.verb_forms.get(word)
        if found is None:
            return False
        return not forms or not found.isdisjoint(forms)


def _expand(
    raw: Mapping[str, Mapping[str, object]],
    irregular: Mapping[str, tuple[str, str]],
    doubling: frozenset[str],
    plurals: Mapping[str, str],
) -> tuple[
    dict[str, frozenset[str]], dict[str, str], dict[str, str], dict[str, frozenset[str]], set[str]
]:
    classes: dict[str, frozenset[str]] = {}
    lemmas: dict[str, str] = {}
    noun_lemmas: dict[str, str] = {}
    verb_forms: dict[str, set[str]] = {}
    noun_forms: set[str] = set()
    resolving: set[str] = set()

    def resolve(name: str) -> frozenset[str]:
        if name in classes:
            return classes[name]
        if name not in raw:
            raise ValueError(f"vocabulary: unknown class {name!r}")
        if name in resolving:
            raise ValueError(f"vocabulary: class {name!r} includes itself")
        resolving.add(name)
        spec = raw[name]
        kind = str(spec.get("kind", "word"))
        words = _strings(spec.get("words", []), name)
        forms: set[str] = set()
        for word in words:
            word = word.lower()
            if kind == "verb":
                for form, names in inflect_verb(word, irregular, doubling).items():
                    forms.add(form)
                    lemmas.setdefault(form, word)
                    verb_forms.setdefault(form, set()).update(names)
                head = word.split(" ")[0]
                if head != word:
                    # "kick off": "kicked" is a verb form too, of "kick"
                    for form, names in inflect_verb(head, irregular, doubling).items():
                        lemmas.setdefault(form, head)
                        verb_forms.setdefault(form, set()).update(names)
            elif kind == "noun":
                for form in inflect_noun(word, plurals):
                    forms.add(form)
                    noun_lemmas.setdefault(form, word)
                    noun_forms.add(form)
            elif kind == "word":
                forms.add(word)
            else:
                raise ValueError(f"vocabulary: class {name!r} has unknown kind {kind!r}")
        for other in _strings(spec.get("include", []), name):
            forms |= resolve(other)
        resolving.discard(name)
        classes[name] = frozenset(forms)
        return classes[name]

    for name in raw:
        resolve(name)
    frozen = {k: frozenset(v) for k, v in verb_forms.items()}
    return classes, lemmas, noun_lemmas, frozen, noun_forms


def _strings(value: object, name: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"vocabulary: class {name!r}: expected a list of strings")
    return list(value)


def load_vocabulary(text: str) -> Vocabulary:
    """A :class:`Vocabulary` from the text of a vocabulary TOML file."""
    data = tomllib.loads(text)
    raw = data.get("class", {})
    irregular = {k: (v[0], v[1]) for k, v in data.get("irregular", {}).items()}
    doubling = frozenset(data.get("doubling", {}).get("words", ()))
    plurals = dict(data.get("plural", {}))
    classes, lemmas, noun_lemmas, verb_forms, noun_forms = _expand(
        raw, irregular, doubling, plurals
    )
    kinds = {name: str(spec.get("kind", "word")) for name, spec in raw.items()}
    return Vocabulary(
        classes=classes,
        lemmas=lemmas,
        noun_lemmas=noun_lemmas,
        verb_forms=verb_forms,
        noun_forms=frozenset(noun_forms),
        kinds=kinds,
        abbreviations=dict(data.get("abbreviation", {})),
        single={k: frozenset(f for f in v if " " not in f) for k, v in classes.items()},
        media=tuple((k, frozenset(v)) for k, v in data.get("medium", {}).items()),
    )


def union(vocab: Vocabulary, names: Iterable[str]) -> frozenset[str]:
    """The forms of several classes together."""
    out: set[str] = set()
    for name in names:
        out |= vocab.forms(name)
    return frozenset(out)


@functools.cache
def vocabulary() -> Vocabulary:
    """The package's vocabulary, read once."""
    text = resources.files("diplo_events._parsing").joinpath("data/vocabulary.toml")
    return load_vocabulary(text.read_text("utf-8"))
