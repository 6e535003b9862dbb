"""Conversations in a petition mailbox: who the organisers are, which messages answer which, and
whose words each quoted block holds.

A signature is often spread over a conversation: the name in a first message, the mandate in the
answer to the organisers' « quel est votre mandat ? », « oui, je confirme » in a third, the earlier
messages only present as quotes below the last one. Messages are grouped by `Message-ID`,
`In-Reply-To` and `References` (and, for clients that drop those headers, by the sender's address
and the subject without its « Re: »). Quoted text counts as the signer's own words only when its
attribution line names the signer (address, else display name): the organisers' call and questions,
quoted in every reply, never sign.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...domain.text import fold
from .mailbox import MailMessage

# « Le jeu. 4 juin 2026 à 12:01, Marie <m@x.fr> a écrit : », « On … wrote: » (Gmail, Apple, Thunderbird)
_ATTRIBUTION = re.compile(r"^\s*(?:le|on)\s.{4,200}?(?:a [ée]crit|wrote)\s*:?\s*$", re.I)
# Outlook: « De : Marie <m@x.fr> » / « From: … [mailto:m@x.fr] », then Envoyé/Date/À/Objet lines
_FROM_LINE = re.compile(r"^\s*\**(?:de|from)\s*\**\s*:\s*(.+)$", re.I)
_SEPARATOR = re.compile(r"^\s*(?:-{3,}\s*(?:message d['’]origine|original message|message transf[ée]r[ée]|"
                        r"forwarded message)\s*-{3,}|_{8,})\s*$", re.I)
_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_QUOTE_PREFIX = re.compile(r"^(?:\s*>)+ ?")


@dataclass
class Quote:
    """A quoted earlier message: who wrote it (as the attribution says) and its lines."""

    address: str = ""
    name: str = ""
    lines: list[str] = field(default_factory=list)


def attribution(line: str) -> tuple[str, str] | None:
    """(address, name) of an attribution line, or None if the line is not one."""
    m = _FROM_LINE.match(line)
    text = m.group(1) if m else (line if _ATTRIBUTION.match(line) else None)
    if text is None:
        return None
    found = _ADDRESS.findall(text)
    address = found[0].lower() if found else ""
    if m:
        name = re.sub(r"\[mailto:[^\]]*\]|<[^>]*>|\"", " ", text)
    else:  # « Le <date> à 12:01, Marie Dupont <m@x.fr> a écrit : »: the name follows the last comma
        body = re.sub(r"\s*(?:a [ée]crit|wrote)\s*:?\s*$", "", text.strip(), flags=re.I)
        name = re.sub(r"<[^>]*>|\"", " ", body.rsplit(",", 1)[-1] if "," in body else "")
    name = _ADDRESS.sub(" ", name)
    return address, re.sub(r"\s+", " ", name).strip(" ,;:")


def _join_wrapped(lines: list[str]) -> list[str]:
    """Gmail wraps a long attribution over two lines (« Le lun. … <m@x.fr> » / « a écrit : »)."""
    out: list[str] = []
    for line in lines:
        if out and re.match(r"^\s*(?:a [ée]crit|wrote)\s*:?\s*$", line, re.I) and re.match(r"^\s*(?:le|on)\s", out[-1], re.I):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return out


def quotes(body: str) -> list[Quote]:
    """The earlier messages quoted in a body, outermost first. Quote marks (« > ») are removed
    at every depth: the attribution lines, not the marks, tell where each message starts."""
    lines = _join_wrapped([_QUOTE_PREFIX.sub("", x) for x in body.replace("\r", "").split("\n")])
    out: list[Quote] = []
    current: Quote | None = None
    for line in lines:
        if _SEPARATOR.match(line):
            continue
        who = attribution(line)
        if who is not None:
            current = Quote(*who)
            out.append(current)
            continue
        if current is not None:
            if re.match(r"^\s*\**(?:envoy[ée]|sent|date|[àa]|to|cc|objet|subject|sujet)\s*\**\s*:", line, re.I) \
                    and not any(x.strip() for x in current.lines):
                continue  # the rest of an Outlook header block
            current.lines.append(line)
    return out


def quotes_by(msg: MailMessage, found: Sequence[Quote]) -> list[Quote]:
    """The quoted messages the sender of `msg` wrote (same address, else same display name)."""
    name = fold(msg.sender_name) if msg.sender_name else ""
    return [q for q in found if (q.address and q.address == msg.sender)
            or (not q.address and name and fold(q.name) == name)]


# Addresses anyone can open: sharing such a domain with the organisers says nothing about who writes.
PUBLIC_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "yahoo.fr", "yahoo.com", "hotmail.fr", "hotmail.com", "outlook.fr",
    "outlook.com", "live.fr", "live.com", "msn.com", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "neuf.fr",
    "laposte.net", "icloud.com", "me.com", "aol.com", "gmx.fr", "gmx.com", "proton.me", "protonmail.com",
    "bbox.fr", "numericable.fr", "club-internet.fr", "aliceadsl.fr", "tutanota.com", "riseup.net"})


def _organisation(address: str) -> str:
    """The last two labels of an address's domain (« listes.appel.example » → « appel.example »)."""
    return ".".join(address.rpartition("@")[2].split(".")[-2:])


def organisers(messages: Sequence[MailMessage]) -> frozenset[str]:
    """The organisers' address(es): the mailbox's most frequent recipient, i.e. where signers write,
    plus their organisation's domain when it is theirs (not a public webmail): their mailing list
    (« listes.appel.example ») and colleagues write from it too. With a single message the
    recipient is still the organisers. Empty when nothing says."""
    counts = Counter(a for m in messages for a in dict.fromkeys(m.recipients))
    if not counts:
        return frozenset()
    top = counts.most_common(1)[0][1]
    addresses = {a for a, n in counts.items() if n == top}
    domains = {_organisation(a) for a in addresses} - PUBLIC_MAIL_DOMAINS
    return frozenset(addresses | {f"@{d}" for d in domains if "." in d})


def is_organiser(address: str, organisers: frozenset[str]) -> bool:
    """The address is one of the organisers', or of their organisation's own domain."""
    address = address.lower()
    return bool(address) and (address in organisers or f"@{_organisation(address)}" in organisers)


def _subject_key(subject: str) -> str:
    return fold(re.sub(r"^\s*(?:(?:re|tr|fwd?|fw|aw|sv|vs)\s*(?:\[\d+\])?\s*:\s*)+", "", subject, flags=re.I))


def thread_of(messages: Sequence[MailMessage], organisers: frozenset[str] = frozenset()) -> list[int]:
    """A conversation number per message (the index of its first message): messages linked by
    Message-ID / In-Reply-To / References, or with the same signer address and subject."""
    parent = list(range(len(messages)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    by_id: dict[str, int] = {}  # every Message-ID named, even of a message absent from the mailbox
    by_sender_subject: dict[tuple[str, str], int] = {}
    for i, m in enumerate(messages):
        for ref in (m.message_id, m.in_reply_to, *m.references):
            if ref:
                union(i, by_id.setdefault(ref, i))
        # Without reply headers, the same person writing again on the same subject continues.
        if m.sender and not is_organiser(m.sender, organisers) and _subject_key(m.subject):
            key = (m.sender, _subject_key(m.subject))
            if key in by_sender_subject:
                union(i, by_sender_subject[key])
            else:
                by_sender_subject[key] = i
    return [find(i) for i in range(len(messages))]
