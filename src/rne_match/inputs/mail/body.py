"""A message's own words: what its writer typed, apart from quotes, forwarded messages and footers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...domain.text import fold

_FORWARD = re.compile(r"^\s*(?:-{2,}|_{2,})?\s*(?:d[ée]but du message r[ée]exp[ée]di[ée]|message transf[ée]r[ée]|"
                      r"(?:mail|courriel|e-mail) transf[ée]r[ée]|forwarded message|original message|message d'origine|message d’origine|"
                      r"mail original|mail d['’]origine)\b", re.I)
# (Zimbra, the webmail of many town halls, writes « ----- Mail original ----- » or « ----- Mail d'origine -----
# » above a reply)
_REPLY_SEPARATOR = re.compile(r"^\s*-*\s*(?:original message|message d['’]origine|mail original|mail d['’]origine)\b", re.I)
_REPLY = re.compile(r"^\s*(?:le .{4,160}a [ée]crit\s*:?|on .{4,160}wrote\s*:?)\s*$", re.I)
_HEADER_LINE = re.compile(r"^\s*\**(de|from|envoy[ée]|sent|date|[àa]|to|cc|objet|subject|sujet|pour|"
                          r"r[ée]pondre [àa]|reply-to)\s*\**\s*:\s*(.*)$", re.I)
_FOOTER = re.compile(
    r"^\s*(?:envoy[ée] (?:de|depuis) (?:mon|ma|l['’])|sent from my|provenance\s*:|garanti sans virus|"
    r"t[ée]l[ée]charger outlook|get outlook for|obtenir outlook|this email has been checked|"
    r"ce (?:message|courriel|mail)(?: et (?:toutes )?(?:les|ses) pi[èe]ces jointes)? (?:est|sont|peut|peuvent|"
    r"contient|contiennent) .*(?:confidenti|destinataire)|afin de contribuer au respect de l['’]environnement|"
    r"pensez [àa] l['’]environnement|pour vous d[ée]sinscrire|se d[ée]sinscrire|unsubscribe|"
    # a town hall's legal mention names its mayor: « Directeur de la publication : Sandrine ANGLA, Maire »
    r"(?:directeur|directrice|responsable)s?\s+de\s+(?:la\s+)?publication\b)", re.I)


@dataclass
class Parts:
    own: list[str]  # the writer's own lines, quotes and footers removed
    forwarded: list[str]  # the body of a forwarded message, if any
    forwarded_from: str = ""  # « De : » of the forwarded message
    # every forwarded message when one mail passes on several (« De : … » blocks one after another):
    # (its « De : », its own lines); the first is `forwarded` / `forwarded_from`
    forwards: list[tuple[str, list[str], str]] = field(default_factory=list)  # (De, own lines, À)
    forwarded_to: str = ""  # « À : » of the forwarded message


def _join_wrapped_reply(lines: list[str]) -> list[str]:
    """Gmail wraps « Le lun. 3 avr. 2023 à 10:12, Marie <m@x.fr> a écrit : » over two lines."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if (i + 1 < len(lines) and re.match(r"^\s*(le|on) ", line, re.I) and not _REPLY.match(line)
                and re.search(r"(a [ée]crit|wrote)\s*:?\s*$", lines[i + 1], re.I) and len(line) < 160):
            out.append(line + " " + lines[i + 1].strip())
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def _header_block_at(lines: list[str], i: int) -> int:
    """If an Outlook-style header block (De/Envoyé/À/Objet) starts at i, the index after it."""
    j, seen = i, set()
    while j < len(lines) and j < i + 8:
        m = _HEADER_LINE.match(lines[j])
        if not m:
            if lines[j].strip() == "" and seen:
                break
            if seen:
                break
            return i
        seen.add(fold(m.group(1)))
        j += 1
    if ({"de", "from"} & seen) and ({"objet", "subject", "sujet", "envoye", "sent", "date"} & seen) and len(seen) >= 2:
        return j
    return i


def split_body(body: str, subject: str = "") -> Parts:
    lines = _join_wrapped_reply(body.replace("\r", "").split("\n"))
    forward_subject = bool(re.match(r"^\s*(fwd?|tr|fw|transf)\s*:", subject, re.I))
    own: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _FORWARD.match(line) and _REPLY_SEPARATOR.match(line) and not forward_subject:
            # Outlook's « -----Message d'origine----- » above a reply: a quote, not a forward; with the
            # answer under the « > » quote (Zimbra's bottom posting), that answer is the writer's own
            end = _header_block_at(lines, i + 1)
            if _quoted_below(lines, end - 1):
                i = end
                continue
            break
        if _FORWARD.match(line) or (forward_subject and _header_block_at(lines, i) > i):
            start = i + 1 if _FORWARD.match(line) else i
            while start < len(lines) and not lines[start].strip():
                start += 1
            end = _header_block_at(lines, start) if _header_block_at(lines, start) > start else start
            sender = _from_header(lines[start:end])
            inner = split_body("\n".join(lines[end:]))
            forwards = _forward_blocks(lines[start:]) if end > start else []
            return Parts(_strip_footer(own), inner.own, sender, forwards if len(forwards) > 1 else [],
                         _from_header(lines[start:end], ("a", "to")))
        if _REPLY.match(line) and _quoted_below(lines, i):
            # « Le … a écrit : » over « > » lines: text written under or between them is the writer's
            # own (a bottom-posted answer, answers put between the organisers' questions)
            i += 1
            continue
        if _REPLY.match(line):
            break  # everything below is the message replied to
        if (end := _header_block_at(lines, i)) > i:
            if _quoted_below(lines, end - 1):  # « De : … Objet : … » over « > » lines, the answer under them
                i = end
                continue
            break
        if line.lstrip().startswith(">"):
            if _FORWARD.match(re.sub(r"^(?:\s*>)+ ?", "", line)):
                # Apple Mail quotes a forward with « > »: unquoted, it reads as any other forward
                lines = lines[:i] + [re.sub(r"^(?:\s*>)+ ?", "", x) for x in lines[i:]]
                continue
            i += 1
            continue
        own.append(line.rstrip())
        i += 1
    return Parts(_strip_footer(own), [])


def _from_header(header_lines: list[str], names: tuple[str, ...] = ("de", "from")) -> str:
    """The value of the header block's « De : » (or of the fields named)."""
    for h in header_lines:
        m = _HEADER_LINE.match(h)
        if m and fold(m.group(1)) in names:
            return m.group(2).strip()
    return ""


def _forward_blocks(lines: list[str]) -> list[tuple[str, list[str], str]]:
    """Forwarded messages one after another (an assistant passing on three signatures in one mail):
    each header block starts one, its text runs to the next."""
    starts = [i for i in range(len(lines)) if _header_block_at(lines, i) > i
              and (i == 0 or not _HEADER_LINE.match(lines[i - 1]))]
    blocks = []
    for k, start in enumerate(starts):
        end = _header_block_at(lines, start)
        body = lines[end:starts[k + 1] if k + 1 < len(starts) else len(lines)]
        while body and (not body[-1].strip() or _FORWARD.match(body[-1])):
            body.pop()  # the next one's « Début du message réexpédié : »
        blocks.append((_from_header(lines[start:end]), split_body("\n".join(body)).own,
                       _from_header(lines[start:end], ("a", "to"))))
    return blocks


def _quoted_below(lines: list[str], i: int) -> bool:
    """The reply header at `i` is followed by « > » quoted lines, then by unquoted text."""
    rest = [x for x in lines[i + 1:] if x.strip()]
    if not rest or not rest[0].lstrip().startswith(">"):
        return False
    after = [x for x in rest if not x.lstrip().startswith(">")]
    return bool(after) and not _REPLY.match(after[0])


_POSTSCRIPT = re.compile(r"^\s*P\.?\s?S\.?\s*(?:[:\-–—]\s*|\s)", re.I)


def _strip_footer(lines: list[str]) -> list[str]:
    out: list[str] = []
    for i, line in enumerate(lines):
        if _FOOTER.match(line):
            # a disclaimer or a mailing-list footer ends the useful text, but for a P.S. written under it
            if re.search(r"confidenti|destinataire|d[ée]sinscri|unsubscribe", line, re.I):
                out.extend(x for x in lines[i + 1:] if _POSTSCRIPT.match(x))
                break
            continue
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    while out and not out[0].strip():
        out.pop(0)
    return out
