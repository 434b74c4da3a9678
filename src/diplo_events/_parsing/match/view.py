"""The syntax around one match, as the frames and conditions ask for it.

A :class:`View` answers "which phrases fill syntactic role R of this trigger?" for verb
triggers (from the verb group's roles), noun triggers (from the noun's own phrase, the
prepositional phrases that follow it, and the verb that governs it: "held talks with X")
and prepositional triggers ("according to X").
"""

from __future__ import annotations

import functools

import attrs

from ..annotate.vocabulary import vocabulary
from ..syntax import PP, Phrase, Predicate, SentenceSyntax, Tag
from .matcher import Match

__all__ = ["View", "extent"]


def extent(p: Phrase) -> tuple[int, int]:
    """The tokens a phrase covers with its modifiers and appositive."""
    return p.first, p.stop


def _takes_part(gov: Predicate, how: str, syn: SentenceSyntax) -> bool:
    """Whether the doer of ``gov`` takes part in the event its noun names: as the verb's
    object ("held talks", "began drills"), or through a phrase of a verb of attending or
    travelling ("took part in the drills", "arrived for talks")."""
    if how in ("object", "complement", "none"):
        return True
    vocab = vocabulary()
    if vocab.has("attend_verb", gov.lemma) or vocab.has("travel_verb", gov.lemma):
        return how in (
            "pp:in",
            "pp:for",
            "pp:at",
            "pp:during",
            "pp:into",
            "pp:to",
            "pp:on",
            "pp:with",
        )
    return gov.lemma == "take" and gov.object is not None and gov.object.head_word == "part"


_FRAMING = frozenset({"pp:after", "pp:following", "pp:during", "pp:at", "pp:in"})
#: Of those, the ones that place the governing verb's doing at the happening itself.
_AT_MEETING = frozenset({"pp:during", "pp:at", "pp:in"})


def _contains(p: Phrase | None, i: int) -> bool:
    if p is None:
        return False
    a, b = extent(p)
    return a <= i < b


@attrs.define(eq=False)
class View:
    """Roles around ``match`` in ``syn``."""

    syn: SentenceSyntax
    match: Match
    _cache: dict[str, object] = attrs.field(factory=dict)
    _by_role: dict[str, list[Phrase]] = attrs.field(factory=dict)
    _pps_by_prep: dict[str, list[PP]] | None = None

    # --- what governs a noun -------------------------------------------------------------

    @functools.cached_property
    def governing(self) -> tuple[Predicate | None, str]:
        """For a noun trigger: the verb group it depends on and how ("object", "pp:<prep>",
        "subject"), else (None, "none"). For a verb trigger: its own governor."""
        m = self.match
        if m.predicate is not None:
            gov = m.predicate.governor
            return gov, "complement" if gov is not None else "none"
        t = m.first
        best: tuple[Predicate | None, str] = (None, "none")
        for pred in self.syn.predicates:
            if _contains(pred.undergoer, t) or (not pred.passive and _contains(pred.object, t)):
                return pred, "object"
            for pp in (*pred.pps, *pred.pre_pps):
                if pp.phrase is not None and _contains(pp.phrase, t):
                    return pred, f"pp:{pp.prep}"
            if _contains(pred.subject, t) and best[0] is None:
                best = (pred, "subject")
        if best[0] is None and m.phrase is not None:
            # "overnight talks that X held in Y with Z": the relative clause's verb
            end = extent(m.phrase)[1]
            for pred in self.syn.predicates:
                seg = pred.segment
                if seg.kind.value in ("that", "rel") and seg.opener == end and pred.object is None:
                    return pred, "object"
        return best

    @property
    def predicate(self) -> Predicate | None:
        """The verb group of a verb trigger, or the one a noun trigger depends on."""
        return self.match.predicate or self.governing[0]

    # --- phrases by role -------------------------------------------------------------------

    @functools.cached_property
    def own_pps(self) -> tuple[PP, ...]:
        """The trigger's prepositional phrases: a verb's, or those chained after a noun's
        phrase (and after the governing verb's object, for "held talks ... with X")."""
        m = self.match
        if m.predicate is not None:
            pred = m.predicate
            # "regained control of X": the object's own PPs too
            held = pred.object.modifiers if pred.object is not None else ()
            return (*pred.pps, *held, *pred.pre_pps)
        out: list[PP] = []
        pos = m.end
        if m.phrase is not None:
            pos = max(pos, m.phrase.end)
        pps_at = {pp.first: pp for pp in self.syn.pps}
        tags = self.syn.tags
        while True:
            while pos < len(tags) and tags[pos] in (Tag.DATE, Tag.ADV):
                pos += 1
            pp = pps_at.get(pos)
            # a PP nested under the noun itself is the noun's ("meetings with X"); one nested
            # under a later PP's noun is not ("talks near the border with Y")
            if pp is None or (pp.nested and out):
                break
            out.append(pp)
            pos = pp.end
        if m.phrase is not None:
            # "the drills held near the border": the PPs of a participle after the noun
            for pred in self.syn.predicates:
                if pred.participle and pred.subject is m.phrase:
                    out.extend(pp for pp in pred.pps if pp not in out)
        gov, how = self.governing
        if gov is not None and (
            how in ("object", "subject")
            # "arrived in Accra for a visit": a verb of attending lends its place
            or (how.startswith("pp:") and _takes_part(gov, how, self.syn))
        ):
            out.extend(pp for pp in (*gov.pps, *gov.pre_pps) if pp not in out
                       and not (m.phrase is not None and pp.phrase is m.phrase))  # fmt: skip
        return tuple(out)

    def pps(self, prep: str) -> list[PP]:
        if self._pps_by_prep is None:
            self._pps_by_prep = {}
            for pp in self.own_pps:
                if pp.phrase is not None:
                    self._pps_by_prep.setdefault(pp.prep, []).append(pp)
        return list(self._pps_by_prep.get(prep, ()))

    def phrases(self, role: str) -> list[Phrase]:
        """The phrases filling syntactic ``role`` (see ``SYNTAX_ROLES``)."""
        found = self._by_role.get(role)
        if found is None:
            found = self._by_role[role] = self._phrases(role)
        return list(found)

    def first(self, role: str) -> Phrase | None:
        """The first phrase filling ``role``, if any."""
        found = self._by_role.get(role)
        if found is None:
            found = self._by_role[role] = self._phrases(role)
        return found[0] if found else None

    def _phrases(self, role: str) -> list[Phrase]:
        if role.startswith("pp:"):
            return [pp.phrase for pp in self.pps(role[3:]) if pp.phrase is not None]
        m = self.match
        pred = m.predicate
        if role == "possessor":
            if m.phrase is None:
                return []
            if any(self._before_trigger(a) for a in m.phrase.actors):
                return [m.phrase]
            if self.syn.tokens[m.phrase.first].low in ("his", "her", "their", "its"):
                # "During his visit to Hanoi, X praised ...": the clause's doer
                gov = self.governing[0]
                doer = gov.doer if gov is not None else None
                return [doer] if doer is not None and not _contains(doer, m.first) else []
            return []
        if role in ("governor_doer", "governor_object"):
            gov, how = self.governing
            if (
                role == "governor_doer"
                and gov is not None
                and gov.passive
                and gov.agent is None
                and how == "pp:in"
                and vocabulary().has("part_in_verb", gov.lemma)
            ):
                # "the forces of A and B are involved in the drills": the subject takes part
                subj = gov.subject
                return [subj] if subj is not None and not _contains(subj, m.first) else []
            if gov is None or how == "subject" or not _takes_part(gov, how, self.syn):
                return []
            p = gov.doer if role == "governor_doer" else gov.object
            if role == "governor_object" and (p is None or _contains(p, m.first)):
                return []
            return [p] if p is not None else []
        if role == "governor_subject":
            gov, how = self.governing
            subj = gov.subject if gov is not None and how != "subject" else None
            return [subj] if subj is not None and not _contains(subj, m.first) else []
        if role == "framing_doer":
            gov, how = self.governing
            if gov is None or how not in _FRAMING or m.phrase is None:
                return []
            if not any(pp.prep == how[3:] and pp.phrase is not None and
                       _contains(pp.phrase, m.first)
                       for pp in (*gov.pps, *gov.pre_pps)):  # fmt: skip
                return []
            if how == "pp:in" and self.phrases("pp:between"):
                return []  # "progress in the negotiations between X and Y": theirs
            doer = gov.doer
            if doer is not None and vocabulary().has("source_noun", doer.head_word):
                return []  # "sources said after the meeting": informants, not parties
            return [doer] if doer is not None and not _contains(doer, m.first) else []
        if role == "framing_addressee":
            # "X told Y in a morning meeting": the one told at the meeting (not after it)
            gov, how = self.governing
            if gov is None or how not in _AT_MEETING or m.phrase is None:
                return []
            if not vocabulary().has("addressee_verb", gov.lemma):
                return []
            obj = gov.object
            return [obj] if obj is not None and not _contains(obj, m.first) else []
        if role == "appositive":
            return []
        if role == "participle_by":
            # "opened their summit in Kampala, attended by delegates from Uganda and Nepal"
            out: list[Phrase] = []
            seg = self.syn.segment_of(m.first)
            for pred in self.syn.predicates:
                if pred.participle and pred.segment.index == seg.index + 1:
                    out.extend(pp.phrase for pp in pred.pps if pp.prep == "by" and pp.phrase)
            return out
        if pred is None:
            if m.pos == "prep" and role in ("object", "undergoer") and m.phrase is not None:
                return [m.phrase]
            return []
        p = {
            "subject": pred.subject,
            "object": pred.object,
            "doer": pred.doer,
            "undergoer": pred.undergoer,
        }.get(role)
        return [p] if p is not None else []

    def _before_trigger(self, actor: object) -> bool:
        start = getattr(actor, "start", None)
        return start is not None and start < self.syn.start(self.match.first)

    def trigger_text(self) -> str:
        return " ".join(t.text for t in self.syn.tokens[self.match.first : self.match.end])

    # --- the clause ------------------------------------------------------------------------

    @functools.cached_property
    def clause(self) -> tuple[int, int]:
        """Tokens of the trigger's segment, with a following segment that has no verb."""
        seg = self.syn.segment_of(self.match.first)
        first, end = seg.first, seg.end
        segs = self.syn.segments
        k = seg.index + 1
        while k < len(segs) and not any(p.segment is segs[k] for p in self.syn.predicates):
            if segs[k].kind.value not in ("comma",):
                break
            end = segs[k].end
            k += 1
        return first, end
