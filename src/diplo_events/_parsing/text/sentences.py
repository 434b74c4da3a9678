"""Sentence and paragraph splitting with offsets, for the normalized text of :mod:`.text`.

A rule-based splitter written for news prose. One compiled pattern finds the
candidate boundaries (sentence punctuation, a missing space after it, a line
break after an unpunctuated line); small rules then decide each candidate:

* abbreviations that never end a sentence ("Gen.", "Lt. Col.", "Dr.", "e.g.") and
  month or number abbreviations before a number ("Aug. 12", "No. 5");
* initials and dotted acronyms ("John F. Kennedy", "J. R. R.", "U.S.", "a.m.") and
  company suffixes ("Inc.") end a sentence only before a common sentence opener
  ("The", "He", "In" ...);
* a boundary inside a double-quoted passage does not split: the sentence ends
  after the closing quote (``He said: "We will win. We are ready." Then ...``);
* "?" and "!" followed by a lower-case word do not split (``"Why?" he asked``).

Sentences never cross a paragraph break (a blank line, which is also what a
blanked line of :func:`.text.clean` becomes).
"""

from __future__ import annotations

import bisect
import re

__all__ = ["split_paragraphs", "split_sentences", "unwrap", "wrap_width"]

# Abbreviations (lower case, without the final dot) that never end a sentence.
_NEVER_FINAL = frozenset(
    (
        "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt",
        "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "brig", "gov", "sen", "rep", "reps", "pres",
        "hon", "amb", "rev", "fr", "st", "mt", "ft", "supt", "insp", "det", "vs", "v", "e.g", "i.e",
        "cf", "viz", "approx", "est", "dept", "univ", "assn", "ave", "blvd", "rd"
    )
)  # fmt: skip
# Abbreviations that do not end a sentence when a number follows: "Aug. 12", "No. 5".
_BEFORE_NUMBER = frozenset(
    (
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
        "nos", "art", "arts", "sec", "secs", "vol", "vols", "p", "pp", "fig", "figs", "ch", "para",
        "paras", "op", "nr"
    )
)  # fmt: skip
# Abbreviations that end a sentence only before a common sentence opener.
_MAYBE_FINAL = frozenset(
    ["inc", "corp", "co", "ltd", "llc", "plc", "jr", "sr", "bros", "etc", "al"]
)  # fmt: skip
# Capitalized words that usually open a sentence (and rarely follow "U.S." or an initial).
_OPENERS = frozenset(
    (
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their",
        "our", "my", "your", "this", "that", "these", "those", "there", "here", "in", "on", "at",
        "but", "and", "or", "so", "yet", "however", "meanwhile", "moreover", "also", "still", "now",
        "then", "after", "before", "when", "while", "as", "if", "since", "although", "though",
        "according", "some", "many", "most", "all", "both", "each", "no", "not", "what", "who",
        "why", "how", "where", "which", "one", "two", "three", "more", "other", "another",
        "despite", "during", "under", "over", "with", "without", "for", "from", "by", "to", "last",
        "earlier", "later", "such", "officials", "analysts", "critics", "witnesses",
        "residents"
    )
)  # fmt: skip
# Words that do not end a line that ends a sentence (a wrapped line, not a heading).
_CONTINUES = frozenset(
    (
        "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "and", "or", "but", "by",
        "from", "as", "that", "than", "this", "these", "those", "said", "says", "its", "their",
        "his", "her", "our", "into", "over", "under", "about", "after", "before", "between",
        "among", "against", "during", "without", "within"
    )
)  # fmt: skip

# Candidate boundaries. The pattern starts with a character set so the regex engine can
# skip ordinary text quickly; what follows tells the three kinds apart. A candidate never
# starts inside a run of stops ("?!", "..."): the run's first stop takes the whole run, and
# trying every stop of a long run, each scanning the rest of it, was quadratic. The repeats
# are possessive (they never give back a character), so each run is scanned once.
_CANDIDATE = re.compile(
    r"(?P<k>[.!?\n])(?<![.!?][.!?])(?:"
    r"(?<=\n)(?=[^\S\n]*+[A-Z0-9\"])"  # a line break (kept if the line has no final stop)
    r"|(?<=[.!?])(?P<more>[.!?]*+)(?P<q>[\"')\]]*+)(?=\s)"  # punctuation, closing quotes, space
    r"|(?<=[a-z]{2}[.!?])(?=\"?[A-Z][a-z])"  # a missing space: "underway.From"
    r")"
)
_NEXT_WORD = re.compile(r"[\"'(\[]*([A-Za-z]+)")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_PARAGRAPH_BREAK = re.compile(r"\n(?:[^\S\n]*\n)+")
_NON_SPACE = re.compile(r"\S")
_QUOTE = re.compile('"')
_TOKEN_EDGE = "\"'([{"
_MAX_WORD = 40

#: A double-quoted passage longer than this is split inside like running text.
MAX_QUOTE = 600


def split_paragraphs(norm: str) -> list[tuple[int, int]]:
    """The non-blank blocks of ``norm`` separated by blank lines, without outer whitespace."""
    result: list[tuple[int, int]] = []
    pos = 0
    for brk in _PARAGRAPH_BREAK.finditer(norm):
        _append_trimmed(norm, pos, brk.start(), result)
        pos = brk.end()
    _append_trimmed(norm, pos, len(norm), result)
    return result


def split_sentences(
    norm: str, start: int = 0, end: int | None = None, *, wrap: int | None = None
) -> list[tuple[int, int]]:
    """Sentence spans over ``norm[start:end]``, offsets into ``norm``, in text order.

    Spans have no leading or trailing whitespace and never cross a paragraph break.
    ``wrap`` is the text's wrap width (:func:`wrap_width`); by default it is measured
    on ``norm[start:end]``.
    """
    stop = len(norm) if end is None else max(0, min(end, len(norm)))
    begin = max(0, min(start, stop))
    result: list[tuple[int, int]] = []
    filled = wrap_width(norm, begin, stop) if wrap is None else wrap
    pos = begin
    for brk in _PARAGRAPH_BREAK.finditer(norm, begin, stop):
        _split_paragraph(norm, pos, brk.start(), result, filled)
        pos = brk.end()
    _split_paragraph(norm, pos, stop, result, filled)
    return result


def _append_trimmed(norm: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    first = _NON_SPACE.search(norm, start, end)
    if first is None:
        return
    last = end
    while last > start and norm[last - 1].isspace():
        last -= 1
    out.append((first.start(), last))


def _quote_spans(norm: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Opening and closing offsets of the double-quoted passages in ``norm[start:end]``."""
    opens: list[int] = []
    closes: list[int] = []
    open_at = -1
    for quote in _QUOTE.finditer(norm, start, end):
        at = quote.start()
        before = norm[at - 1] if at > start else " "
        after = norm[at + 1] if at + 1 < end else " "
        if before.isspace() or before in "([{-":
            opening = not after.isspace()
        elif after.isspace() or after in ",.;:!?)]}-":
            opening = False
        else:  # between two non-space characters: '."We' opens, 'x"y' closes
            opening = before in ".,!?" and after.isupper()
        if opening:
            open_at = at
        elif open_at >= 0:
            if at - open_at <= MAX_QUOTE:
                opens.append(open_at)
                closes.append(at)
            open_at = -1
    return opens, closes


def _word_before(norm: str, start: int, at: int) -> str:
    """The word that ends at ``at`` (at most :data:`_MAX_WORD` characters back)."""
    floor = max(start, at - _MAX_WORD)
    word_start = max(norm.rfind(" ", floor, at), norm.rfind("\n", floor, at), floor - 1) + 1
    return norm[word_start:at].lstrip(_TOKEN_EDGE)


def _is_boundary(norm: str, match: re.Match[str], start: int, end: int) -> bool:
    """Whether the candidate ``match`` (in the paragraph ``norm[start:end]``) ends a sentence."""
    mark = match.group("k")
    punct_at = match.start()
    if mark == "\n":
        line_end = norm[max(start, punct_at - _MAX_WORD) : punct_at].rstrip()
        if not line_end or not line_end[-1].isalnum():
            return False  # a stop before the break is handled as punctuation
        return _word_before(norm, start, punct_at).strip().lower() not in _CONTINUES
    closing = match.group("q")
    if closing is None:  # a missing space: the next sentence starts right here
        following = match.end()
        punct = mark
    else:
        nxt = _NON_SPACE.search(norm, match.end(), end)
        if nxt is None:
            return False  # the paragraph ends here anyway
        following = nxt.start()
        punct = mark + match.group("more")
    ch = norm[following]
    if ch.islower() or ch in ",;:)]}-%":
        return False
    if punct != ".":
        return punct[0] != "." or ch.isupper() or ch in "\"'"  # "?", "!", "...", "?!"
    if closing:
        return True  # the period closes a quote or a parenthesis
    token = _word_before(norm, start, punct_at)
    lower = token.lower()
    if lower in _NEVER_FINAL:
        return False
    if lower in _BEFORE_NUMBER:
        return not ch.isdigit()
    if lower in _MAYBE_FINAL or (token and _INITIALS.fullmatch(token + ".")):
        word = _NEXT_WORD.match(norm, following)
        return word is not None and word.group(1).lower() in _OPENERS
    return True


#: A text is hard-wrapped when at least this many of its line breaks fall inside a
#: sentence (a lower-case word or a comma before the break, a lower-case word after it).
MIN_WRAPS = 3
#: In a hard-wrapped text, a line at least this share of the width of the wrapped
#: lines was filled by the wrap, so a capital after it goes on with the sentence
#: ("led by French ambassador Daniel / Parfait"); a shorter line is a heading or a
#: paragraph's end ("Rebels lose key town / KABUL, Oct 17 (DPA)").
FILLED_SHARE = 0.7

_WRAP = re.compile(r"(?<=[a-z,])[^\S\n]*\n[^\S\n]*(?=[a-z])")


def wrap_width(norm: str, start: int = 0, end: int | None = None) -> int:
    """The typical width of the wrapped lines of ``norm[start:end]``, or 0 when the
    text is not hard-wrapped (old wire copy broken at a fixed width)."""
    end = len(norm) if end is None else end
    if "\n" not in norm[start:end]:
        return 0
    widths = []
    for wrap in _WRAP.finditer(norm, start, end):
        line_start = max(start, norm.rfind("\n", start, wrap.start()) + 1)
        widths.append(wrap.start() - line_start)
    if len(widths) < MIN_WRAPS:
        return 0
    widths.sort()
    return widths[len(widths) // 2]


_LINE_BREAK = re.compile(r"(?<![\n])\n(?![^\S\n]*\n)")


def unwrap(norm: str) -> str:
    """``norm`` with the line breaks of a hard-wrapped text (:func:`wrap_width`) that end a
    filled line replaced by spaces ("French ambassador Daniel / Parfait" reads as one
    name); the same length, so every offset holds. Other texts are returned as they are."""
    width = wrap_width(norm)
    if not width:
        return norm
    chars = list(norm)
    for brk in _LINE_BREAK.finditer(norm):
        if _filled_line(norm, 0, brk.start(), width):
            chars[brk.start()] = " "
    return "".join(chars)


def _filled_line(norm: str, start: int, at: int, width: int) -> bool:
    """Whether the line that ends at ``at`` was filled to the paragraph's wrap width."""
    line_start = max(start, norm.rfind("\n", start, at) + 1)
    return at - line_start >= FILLED_SHARE * width


def _split_paragraph(
    norm: str, start: int, end: int, out: list[tuple[int, int]], filled: int = 0
) -> None:
    """Append the sentence spans of the paragraph ``norm[start:end]`` to ``out``."""
    if start >= end:
        return
    opens: list[int] = []
    closes: list[int] = []
    if '"' in norm[start:end]:
        opens, closes = _quote_spans(norm, start, end)
    sentence_start = start
    for match in _CANDIDATE.finditer(norm, start, end):
        cut = match.end()
        if filled and match.group("k") == "\n" and _filled_line(norm, start, match.start(), filled):
            continue  # a hard-wrapped line: the sentence goes on in the next one
        if opens:
            i = bisect.bisect_right(opens, match.start()) - 1
            if i >= 0 and match.start() < closes[i] and cut <= closes[i]:
                continue  # inside a quoted passage
        if not _is_boundary(norm, match, start, end):
            continue
        if match.group("k") == "\n":
            cut = match.start()
        _append_trimmed(norm, sentence_start, cut, out)
        sentence_start = cut
    _append_trimmed(norm, sentence_start, end, out)
