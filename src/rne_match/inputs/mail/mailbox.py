"""Read a petition mailbox (mbox, Maildir, a folder of .eml, one .eml) into plain messages.

Mail in the wild is broken in every way: wrong or unknown charsets, HTML-only bodies, truncated
MIME, huge attachments. Reading never raises for one bad message: whatever can be read is kept and
the problem is written in `problem`, so the organiser still sees that message once. Nothing is
fetched (no remote image, no link followed), no script runs, attachments are listed, never saved.
"""

from __future__ import annotations

import email
import email.policy
import mailbox
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from email.header import Header, decode_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

from ..freetext import MANDATE_RE
from ..readers import TABLE_SUFFIXES

MAILBOX_SUFFIXES = (".eml", ".mbox", ".mbx", ".mbs")
MAX_MESSAGE_BYTES = 5 * 1024 * 1024  # a signature is a few lines; beyond this the body is not read
MAX_BODY_CHARS = 100_000
_HEAD_OF_OVERSIZED = 64_000  # enough for the headers of a message whose body is not read
# A signature sent as a file is a few lines (a filled form, a vCard); bigger text files are documents.
MAX_ATTACHED_TEXT_BYTES = 8 * 1024
_TEXT_ATTACHMENT = re.compile(r"\.(?:txt|vcf|vcard)$", re.I)


@dataclass
class MailMessage:
    source: str  # file (and position in an mbox) the message came from
    message_id: str
    date: str  # ISO 8601, "" when absent or unreadable
    sender: str  # address
    sender_name: str  # display name
    subject: str
    body: str  # text, from text/plain, else from HTML
    attachments: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # the few that tell auto-replies and lists
    problem: str = ""  # why the body could not be read, if so
    recipients: list[str] = field(default_factory=list)  # To and Cc addresses (who the organisers are)
    in_reply_to: str = ""  # Message-ID this one answers
    references: list[str] = field(default_factory=list)  # Message-IDs of the conversation, oldest first
    attached_text: str = ""  # small text attachments (a filled form, a vCard as « Nom : » lines), read


def is_mailbox(path: Path) -> bool:
    """An input that is a mailbox rather than a table."""
    if path.is_dir():
        return True
    if path.suffix.lower() in TABLE_SUFFIXES:
        return False
    if path.suffix.lower() in MAILBOX_SUFFIXES:
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(2048)
    except OSError:
        return False
    return head.startswith(b"From ") or bool(re.match(rb"(?i)(Return-Path|Received|Message-ID|From|Date|"
                                                      rb"MIME-Version|Delivered-To):", head))


def read_mailbox(path: Path) -> Iterator[MailMessage]:
    """Every message of the input, in file order (sorted names for folders)."""
    for raw in raw_messages(path):
        yield _from_bytes(raw.data, raw.source, raw.size)


class RawMessage(NamedTuple):
    """A message's bytes as stored, not yet decoded (decoding is the costly part, done in `decode`)."""

    data: bytes  # the first bytes only for a message over MAX_MESSAGE_BYTES, whose body is not read
    source: str
    size: int


def raw_messages(path: Path) -> Iterator[RawMessage]:
    """Every message's bytes, in file order (sorted names for folders)."""
    path = Path(path)
    if path.is_dir():
        if all((path / d).is_dir() for d in ("cur", "new")):
            box = mailbox.Maildir(path, factory=None, create=False)
            for key in sorted(box.keys()):
                yield _raw(box.get_bytes(key), f"{path.name}/{key}")
            return
        for f in sorted(p for p in path.rglob("*") if p.is_file() and (p.suffix.lower() == ".eml" or is_mailbox(p))):
            yield from raw_messages(f)
        return
    with open(path, "rb") as fh:
        head = fh.read(5)
    if head.startswith(b"From "):
        for i, raw in enumerate(_split_mbox(path), 1):
            yield _raw(raw, f"{path.name}#{i}")
        return
    yield _raw(path.read_bytes(), path.name)


def _raw(data: bytes, source: str) -> RawMessage:
    return RawMessage(data if len(data) <= MAX_MESSAGE_BYTES else data[:_HEAD_OF_OVERSIZED], source, len(data))


def decode(raws: Sequence[RawMessage], _context: object = None) -> list[MailMessage]:
    """Messages decoded (headers, MIME parts, charsets): a module-level function, for `workers.shared`."""
    return [_from_bytes(r.data, r.source, r.size) for r in raws]


def _split_mbox(path: Path) -> Iterator[bytes]:
    """mbox messages as bytes. The stdlib `mailbox.mbox` loads each message whole and chokes on
    some malformed separators; a line scan keeps memory bounded by one message."""
    current: list[bytes] = []
    with open(path, "rb") as fh:
        for line in fh:
            if line.startswith(b"From ") and (not current or current[-1].strip() == b""):
                if current:
                    yield b"".join(current)
                current = []
                continue
            # mboxrd/mboxo escaping of body lines that started with "From "
            current.append(line[1:] if re.match(rb">+From ", line) else line)
    if current:
        yield b"".join(current)


def _header(msg: Message, name: str) -> str:
    """A header decoded from RFC 2047, whatever charset it claims, on one line."""
    value = msg.get(name)
    if isinstance(value, Header):  # raw 8-bit bytes in a header (no RFC 2047): UTF-8, else windows-1252
        return _spaces("".join(_decode_bytes(t, None if c in (None, "unknown-8bit") else c) if isinstance(t, bytes) else t
                               for t, c in decode_header(value)))
    return "" if value is None else _spaces(_decode_words(str(value)))


def _spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# Outlook and many others label windows-1252 text « iso-8859-1 » or « us-ascii »: read as Latin-1,
# its typographic apostrophe (0x92) becomes an invisible control character and « m'ont » reads
# « mont ». Browsers read those labels as windows-1252 (WHATWG Encoding Standard); so does this.
_AS_WINDOWS_1252 = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "cp819", "iso_8859-1", "iso-ir-100"})
_ASCII = frozenset({"us-ascii", "ascii"})  # 8-bit bytes under this label: UTF-8 first, then windows-1252


def _decode_bytes(data: bytes, charset: str | None) -> str:
    """Declared charset first (Latin-1 and ASCII labels read as windows-1252, of which they are
    subsets for text), then UTF-8, then windows-1252."""
    if charset and charset.lower() in _AS_WINDOWS_1252:
        charset = "cp1252"
    elif charset and charset.lower() in _ASCII:
        charset = None
    for cs in (charset, "utf-8", "cp1252"):
        if not cs:
            continue
        try:
            return data.decode(cs)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1", errors="replace")


def _from_bytes(raw: bytes, source: str, size: int | None = None) -> MailMessage:
    problem = ""
    size = len(raw) if size is None else size
    if size > MAX_MESSAGE_BYTES:
        problem = f"message trop volumineux ({size // 1024} Ko > {MAX_MESSAGE_BYTES // 1024} Ko) : corps non lu"
    msg = email.message_from_bytes(raw if not problem else raw[:_HEAD_OF_OVERSIZED], policy=email.policy.compat32)
    sender_name, sender = _sender(_header(msg, "From"))
    try:
        date = parsedate_to_datetime(_header(msg, "Date")).isoformat()
    except (TypeError, ValueError, IndexError):
        date = ""
    body, attachments, attached = "", [], ""
    if not problem:
        try:
            body, attachments, attached = _body(msg)
        except Exception as exc:  # malformed MIME of every kind: say so, keep the headers
            problem = f"MIME illisible ({type(exc).__name__}) : corps non lu"
        if msg.defects and not body.strip():
            problem = problem or f"MIME défectueux ({type(msg.defects[0]).__name__})"
    if len(body) > MAX_BODY_CHARS:
        body = body[:MAX_BODY_CHARS]
        problem = problem or f"corps tronqué à {MAX_BODY_CHARS} caractères"
    headers = {k: _header(msg, k) for k in ("Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence",
                                            "List-Unsubscribe", "List-Id", "To") if msg.get(k)}
    recipients = [a.strip().lower() for _, a in getaddresses([_header(msg, "To"), _header(msg, "Cc")]) if "@" in a]
    replied = _message_ids(_header(msg, "In-Reply-To"))
    return MailMessage(source, _header(msg, "Message-ID").strip("<>"), date, sender, sender_name,
                       _header(msg, "Subject"), body, attachments, headers, problem, recipients,
                       replied[0] if replied else "", _message_ids(_header(msg, "References")), attached)


def _message_ids(value: str) -> list[str]:
    """« <a@b> <c@d> » as ['a@b', 'c@d']; a bare id without brackets is kept as it is."""
    found = re.findall(r"<([^<>\s]+)>", value)
    return found or ([value.strip()] if value.strip() and " " not in value.strip() else [])


def _sender(value: str) -> tuple[str, str]:
    pairs = getaddresses([value])
    name, addr = pairs[0] if pairs else ("", "")
    if not addr and "@" not in value:
        return _spaces(value.strip('"')), ""
    return _spaces(name.strip('"\'')), addr.strip().lower()


def _body(msg: Message) -> tuple[str, list[str], str]:
    """The body text, the attachments' names, and the text of small text attachments (a signature
    sent as `signature.txt` or as a vCard is the signer's own words, as if typed in the body)."""
    plain: list[str] = []
    html_parts: list[str] = []
    attachments: list[str] = []
    attached: list[str] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        disposition = (part.get("Content-Disposition") or "").lower()
        filename = part.get_filename()
        if filename or disposition.startswith("attachment") or not ctype.startswith("text/"):
            if ctype != "message/rfc822":
                name = _decode_words(filename) or ctype
                attachments.append(name)
                text = _attached_text(part, name, ctype)
                if text:
                    attached.append(text)
            continue
        payload = part.get_payload(decode=True)
        if payload is None:
            continue
        text = _decode_bytes(payload, part.get_content_charset())
        if ctype == "text/plain":
            plain.append(text)
        elif ctype == "text/html":
            html_parts.append(html_to_text(text))
    body = "\n".join(plain) if any(p.strip() for p in plain) else "\n".join(html_parts)
    html = "\n".join(html_parts)
    # A text part that is a placeholder (« votre client ne permet pas d'afficher ce message »), or that
    # lost the signature card the HTML part shows (a title nowhere in the text): the HTML is the message.
    if plain and html.strip() and (_PLACEHOLDER.search(body) or (MANDATE_RE.search(html) and not MANDATE_RE.search(body))):
        body = html
    return _lf(body), attachments, _lf("\n\n".join(attached))


_PLACEHOLDER = re.compile(r"\[cid:[^\]]*\]|ne permet pas d['’]afficher|version html|afficher ce (?:message|courriel) (?:correctement|en html)|"
                          r"view (?:this|it) in your browser|html version|requires an html", re.I)


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _attached_text(part: Message, name: str, ctype: str) -> str:
    """A small `.txt` or vCard attachment as text (vCards as « Nom : » lines); "" for anything else."""
    if not (_TEXT_ATTACHMENT.search(name) or ctype in ("text/plain", "text/vcard", "text/x-vcard", "text/directory")):
        return ""
    payload = part.get_payload(decode=True)
    if not payload or len(payload) > MAX_ATTACHED_TEXT_BYTES:
        return ""
    text = _lf(_decode_bytes(payload, part.get_content_charset()))
    return vcard_lines(text) if re.match(r"\s*BEGIN:VCARD", text, re.I) else text


def vcard_lines(text: str) -> str:
    """A vCard as the « Nom et prénom : … / Mandat : … » lines a filled form would hold. `FN` is the name as
    displayed; `N` (surname;first name) is the fallback; `TITLE`/`ROLE` the mandate; `ORG` the
    institution (« Mairie de Sury »), kept as a place hint for the mandate."""
    unfolded = re.sub(r"\n[ \t]", "", text)  # RFC 6350 line folding
    props: dict[str, str] = {}
    for line in unfolded.split("\n"):
        m = re.match(r"^([A-Za-z-]+)(?:;[^:]*)?:(.*)$", line.strip())
        if m and m.group(1).upper() not in props:
            props[m.group(1).upper()] = m.group(2).replace("\\,", ",").replace("\\;", ";").strip()
    if not props.get("FN") and props.get("N"):
        surname, _, first = props["N"].partition(";")
        props["FN"] = f"{first.split(';')[0]} {surname}".strip()
    if props.get("ORG"):
        props["ORG"] = props["ORG"].replace(";", ", ").strip(", ")
    title = props.get("TITLE") or props.get("ROLE") or ""
    org = props.get("ORG", "")
    if title and org and not re.search(r"\b(?:de|du|d['’]|à)\s", title):
        place = re.sub(r"^(?:mairie|ville|commune)\s+(?:de\s+|d['’]\s*)", "", org, flags=re.I)
        props["TITLE"] = f"{title}, {place}"
    return "\n".join(f"{label} : {props[key]}" for key, label in (("FN", "Nom et prénom"), ("TITLE", "Mandat"))
                     if props.get(key))


def _decode_words(value: str | None) -> str:
    """RFC 2047 encoded-words decoded; malformed ones are kept as written."""
    if not value:
        return ""
    try:
        return "".join(_decode_bytes(t, c) if isinstance(t, bytes) else t for t, c in decode_header(value))
    except Exception:
        return value


class _TextParser(HTMLParser):
    """HTML to text: block elements become line breaks, scripts and styles vanish, nothing loads."""

    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
                        "blockquote", "ul", "ol", "section", "article", "header", "footer", "hr"})
    SKIP = frozenset({"script", "style", "head", "title", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0
        self.quote = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag == "blockquote":
            self.quote += 1
            self.out.append("\n")
        elif tag in self.BLOCKS:
            self.out.append("\n")
        elif tag in ("td", "th"):
            self.out.append(" | ")  # cells stay apart: a name, then a mandate, then a party
        elif tag == "img" and not self.skipping:
            # a signature card drawn as an image says who signs in its alternative text
            alt = next((v for k, v in attrs if k == "alt" and v), "")
            if alt and len(alt) > 3:
                self.out.append(f"\n{alt}\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "blockquote":
            self.quote = max(0, self.quote - 1)
            self.out.append("\n")
        elif tag in self.BLOCKS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.quote:  # quoted replies in HTML: mark them as quotes, like plain text does
            data = "\n".join("> " + line if line.strip() else line for line in data.split("\n"))
        self.out.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextParser()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # broken markup: fall back to stripping tags
        return re.sub(r"<[^>]+>", " ", markup)
    text = "".join(parser.out).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
