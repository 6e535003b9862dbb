"""Where a name may stand in a message, for the registry to say which words are a person.

The rules read the shapes they know (« NOM Prénom, maire de X », a signature block…); people write
in more ways than rules can list. What does not vary is that a signer's first name and surname
stand side by side somewhere in their words. So a signing message whose rules found no name offers
every run of two to six words of its own text as a candidate span; the registry keeps the runs
that are the full name of an official (`matching.guided`), and the signer is read around that span
when it stands where a signer's name stands (`position`): the mandate after it on the same line, or
on the title line just under or over it. Pure functions: the registry lookup is a join done by the
caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...domain.text import fold
from ..freetext import mandate_span, mandate_with_place
from .model import Signer

MAX_WORDS = 6  # « Aymar de Gouvion Saint-Cyr » is five words
_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")
# Only spaces (or « NOM, Prénom »'s comma) between the words of a name.
_GAP = re.compile(r"\s+|\s*,\s*")
_CIVILITY_BEFORE = re.compile(r"(?<!\w)(Madame|Monsieur|Mme|Mlle|M\.|Mr\.?|Dr\.?)\s*$")


@dataclass(frozen=True)
class Span:
    """A run of words of one line: where it stands and its folded key (« marie claude dupont »)."""

    line: int
    start: int
    end: int
    key: str


def name_spans(lines: list[str]) -> list[Span]:
    """Every run of 2 to MAX_WORDS words of a line, at least one of them capitalised — a name is
    written with capitals, except in a line that has none at all (a dictated message)."""
    out = []
    for i, line in enumerate(lines):
        words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(line)]
        lowercase_line = not any(c.isupper() for c in line[1:])
        folded = [fold(w) for _, _, w in words]
        for a in range(len(words)):
            capital = False
            for b in range(a, min(len(words), a + MAX_WORDS)):
                if b > a and not _GAP.fullmatch(line[words[b - 1][1]:words[b][0]]):
                    break
                capital = capital or words[b][2][0].isupper()
                if b > a and (capital or lowercase_line):
                    out.append(Span(i, words[a][0], words[b][1], " ".join(folded[a:b + 1])))
    return out


def outermost(spans: list[Span]) -> list[Span]:
    """Of found spans that overlap, the longest (« Jean Paul MARTIN » over « Paul MARTIN »), in
    reading order."""
    kept: list[Span] = []
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.line, s.start)):
        if not any(k.line == s.line and k.start < s.end and s.start < k.end for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: (s.line, s.start))


# Where a signer's name stands: alone on its line (a signature), right before the title (« paul vidal
# conseiller régional »), or after a lead-in (« Je signe : », « Ici », « c'est », « c moi »). A name in
# the middle of a sentence (« c'est ma collègue X qui m'a parlé de l'appel », « je rejoins X et Y »)
# is someone the message talks about.
_LEAD_IN = re.compile(r"(?:^|[\s,.!:;👋])(?:je signe|sign[ée]e?s?|signature|c['’]est(?: moi)?|c moi|moi|ici|de la part de|nom)"
                      r"\s*[:,\-–—!.]?\s*$", re.I)
_TO_TITLE = re.compile(r"^\s*(?:ici\s*)?(?:[,;:–—(-]\s*)?(?:je suis\s*)?$", re.I)
_RELATIVE = re.compile(r"^\s*(?:qui|que|qu['’]|m['’]a|nous a|a |ne |n['’]|vous\s|va\s|sera|devrait|pourrait)", re.I)
_NOT_SIGNING = re.compile(r"\bne\s+(?:\w+\s+){0,2}?(?:pas|plus|jamais)\b|\bsigner(?:a|ont)\b|\b[ée]crira\b|\bsans\b(?!-)", re.I)


def position(lines: list[str], span: Span) -> str:
    """How a span stands: « seule » (alone on its line), « titre » (its title follows), « annonce »
    (after a lead-in), or "" (inside a sentence about someone else, or a sentence that does not sign)."""
    line = lines[span.line]
    before, after = line[:span.start], line[span.end:]
    if _RELATIVE.match(after) or _NOT_SIGNING.search(line):
        return ""
    title = mandate_span(after)
    if title and _TO_TITLE.match(after[:title[0]]):
        return "titre"
    alone = not re.search(r"[^\W\d_]", _CIVILITY_BEFORE.sub("", before)) and not re.search(
        r"[^\W\d_]", re.sub(r"\([^)]*\)", "", after))
    if alone:
        return "seule"
    return "annonce" if _LEAD_IN.search(before) else ""


def _title_line(line: str) -> str:
    """The mandate of a line that is a title (« Conseillère municipale de Sury (42) »), else ""."""
    span = mandate_span(line)
    return (mandate_with_place(line) or span[1]) if span and span[0] <= 3 else ""


def signer_at(lines: list[str], span: Span) -> Signer:
    """The signer named by a span: the name as written, the civility just before it, the mandate
    written on the same line or on the title line next to it (below first, as in a signature
    block)."""
    line = lines[span.line]
    s = Signer(name_rule="registre")
    s.set("nom_complet", line[span.start:span.end], "registre")
    civility = _CIVILITY_BEFORE.search(line[:span.start])
    if civility:
        s.set("civilite", civility.group(1), "registre")
    mandate = mandate_with_place(line[span.end:])
    if not mandate:
        near = [k for k in (*range(span.line + 1, min(len(lines), span.line + 3)), span.line - 1) if k >= 0]
        mandate = next((m for k in near if lines[k].strip() and (m := _title_line(lines[k].strip()))), "")
    s.set("mandat", mandate, "registre")
    return s
