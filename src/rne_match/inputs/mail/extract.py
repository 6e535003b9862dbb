"""Find the signers in petition e-mails: name, mandate, party, commune, département.

People write « Je soussignée Marie Dupont, conseillère municipale de Montpellier (34), EELV »,
fill a « Nom : / Prénom : / Mandat : » template, sign with a block under « Cordialement »,
reply above the campaign's call (whose own « Je soussigné(e) » template must not be read as a
signature), forward a colleague's message, or list a whole group. Rules are tried from the most
explicit to the least, and each field says which rule found it, so a reviewer can judge it.

Every message gives at least one row: one per signer found, or one saying why none was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import polars as pl

from ...domain.kinds import KINDS
from ...domain.mandates import parse_mandate
from ...domain.territories import departement_code
from ...domain.text import fold
from ..freetext import (
    BULLET,
    MANDATE_RE,
    MANDATE_WORD,
    SALUTATION,
    UPPER,
    clean,
    looks_like_name,
    mandate_span,
    mandate_then_name,
    name_then_mandate,
    party_in,
    read_line,
    split_civility,
)
from ..roles import ROLES
from .mailbox import MailMessage, read_mailbox

COLUMNS = ["message_id", "message_date", "expediteur", "expediteur_nom", "objet", "source", "signataire_no",
           "civilite", "nom_complet", "nom", "prenom", "mandat", "parti", "commune", "departement",
           "extraction_confidence", "extraction_regles", "extraction_statut", "extraction_raison",
           "pieces_jointes"]

# How much each rule is trusted to have found the right name.
RULE_CONFIDENCE = {"champ": 0.95, "soussigne": 0.9, "ligne": 0.85, "liste": 0.85, "je_suis": 0.8, "objet": 0.7,
                   "bloc_signature": 0.75, "expediteur": 0.5}

_FORWARD = re.compile(r"^\s*(?:-{2,}|_{2,})?\s*(?:d[ée]but du message r[ée]exp[ée]di[ée]|message transf[ée]r[ée]|"
                      r"forwarded message|original message|message d'origine|message d’origine)\b", re.I)
_REPLY = re.compile(r"^\s*(?:le .{4,160}a [ée]crit\s*:?|on .{4,160}wrote\s*:?)\s*$", re.I)
_HEADER_LINE = re.compile(r"^\s*\**(de|from|envoy[ée]|sent|date|[àa]|to|cc|objet|subject|sujet|pour|"
                          r"r[ée]pondre [àa]|reply-to)\s*\**\s*:\s*(.*)$", re.I)
_FOOTER = re.compile(
    r"^\s*(?:envoy[ée] (?:de|depuis) (?:mon|ma|l['’])|sent from my|provenance\s*:|garanti sans virus|"
    r"t[ée]l[ée]charger outlook|get outlook for|obtenir outlook|this email has been checked|"
    r"ce (?:message|courriel|mail)(?: et (?:toutes )?(?:les|ses) pi[èe]ces jointes)? (?:est|sont|peut|peuvent|"
    r"contient|contiennent) .*(?:confidenti|destinataire)|afin de contribuer au respect de l['’]environnement|"
    r"pensez [àa] l['’]environnement|pour vous d[ée]sinscrire|se d[ée]sinscrire|unsubscribe)", re.I)
_AUTO_SUBJECT = re.compile(r"(r[ée]ponse automatique|absence|out of office|automatic reply|autoreply|"
                           r"en cong[ée]s?|message automatique|accus[ée] de r[ée]ception|undeliverable|"
                           r"non remis|delivery status)", re.I)
# « Nom : … », « Mandat : … »: the same field names as spreadsheet headers, except that in a
# message « Titre : » introduces the mandate, not a civility.
_LABEL_OF = {alias: role for role in ("nom_complet", "nom", "prenom", "civilite", "mandat", "parti", "commune",
                                      "departement") for alias in ROLES[role]} | {"titre": "mandat"}
_LABEL_LINE = re.compile(r"^\s*(?:[-*•]\s*)?([A-Za-zÀ-ÿ'’() .°/]{2,40}?)\s*[:：]\s*(.*?)\s*$")


class ExtractStatus(StrEnum):
    """Whether a row holds a signer; the value is what `extraction_statut` holds."""

    SIGNER = "signataire"
    NO_SIGNER = "aucun_signataire"


@dataclass
class Signer:
    fields: dict[str, str] = field(default_factory=dict)
    rules: dict[str, str] = field(default_factory=dict)
    name_rule: str = ""

    def set(self, role: str, value: str, rule: str) -> None:
        value = clean(value)
        if role == "departement":
            value = departement_code(value) or value
        if value and not self.fields.get(role):
            self.fields[role] = value
            self.rules[role] = rule

    @property
    def has_name(self) -> bool:
        return bool(self.fields.get("nom_complet") or self.fields.get("nom"))


@dataclass
class Parts:
    own: list[str]  # the writer's own lines, quotes and footers removed
    forwarded: list[str]  # the body of a forwarded message, if any
    forwarded_from: str = ""  # « De : » of the forwarded message


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
        if _FORWARD.match(line) or (forward_subject and _header_block_at(lines, i) > i):
            start = i + 1 if _FORWARD.match(line) else i
            while start < len(lines) and not lines[start].strip():
                start += 1
            end = _header_block_at(lines, start) if _header_block_at(lines, start) > start else start
            sender = ""
            for h in lines[start:end]:
                m = _HEADER_LINE.match(h)
                if m and fold(m.group(1)) in ("de", "from"):
                    sender = m.group(2).strip()
            inner = split_body("\n".join(lines[end:]))
            return Parts(_strip_footer(own), inner.own, sender)
        if _REPLY.match(line) or _header_block_at(lines, i) > i:
            break  # everything below is the message replied to
        if line.lstrip().startswith(">"):
            i += 1
            continue
        own.append(line.rstrip())
        i += 1
    return Parts(_strip_footer(own), [])


def _strip_footer(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if _FOOTER.match(line):
            # a disclaimer or a mailing-list footer ends the useful text
            if re.search(r"confidenti|destinataire|d[ée]sinscri|unsubscribe", line, re.I):
                break
            continue
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    while out and not out[0].strip():
        out.pop(0)
    return out


# ---------------------------------------------------------------- rules

def _place_fields(signer: Signer, rule: str) -> None:
    """Commune and département from the mandate text (« … de Castelnau-le-Lez (34) »); the
    mandate parser already turns a département's name into its code."""
    mandate = signer.fields.get("mandat", "")
    if not mandate:
        return
    parsed = parse_mandate(mandate)
    if parsed.code_departement:
        signer.set("departement", parsed.code_departement, rule)
    if (parsed.kind is None or KINDS[parsed.kind].commune_level) and parsed.place:
        # The first of two mandates holds the commune (« maire de Sommières et conseiller départemental… »).
        first = re.split(rf"\s+et\s+(?={MANDATE_WORD})", mandate, maxsplit=1, flags=re.I)[0]
        initial = "a-zà-ÿ" + UPPER if first.islower() else UPPER  # « à saint-chinian » written all lowercase
        m = re.search(r".*(?:\bd['’]\s*|\b(?:de|du|des|à|a|au|aux|sur)\s+)"
                      rf"((?:la |le |les |l['’])?[{initial}][\w'’ -]*?)"
                      r"\s*(?:\((?:\d{2,3}|2[AB]|[^)]*)\))?\s*$", first)
        if m is None:  # « Conseiller municipal délégué, Montpellier », « conseiller municipal - Mauguio »
            m = re.search(rf"(?:,|\s[-–—])\s*((?:la |le |les |l['’])?[{initial}][\w'’ -]*?)"
                          r"\s*(?:\((?:\d{2,3}|2[AB]|[^)]*)\))?\s*$", first)
        if m:
            signer.set("commune", m.group(1), rule)


def rule_fields(lines: list[str]) -> list[Signer]:
    """« Nom : … / Prénom : … / Mandat : … » templates; a repeated field starts the next signer."""
    signers: list[Signer] = []
    current = Signer()
    for line in lines:
        m = _LABEL_LINE.match(line)
        if not m:
            continue
        role = _LABEL_OF.get(fold(m.group(1)))
        value = m.group(2)
        if role is None or not clean(value):
            continue
        if role in current.fields and role in ("nom", "nom_complet", "prenom", "mandat"):
            signers.append(current)
            current = Signer()
        current.set(role, value, "champ")
    signers.append(current)
    out = [s for s in signers if s.has_name]
    for s in out:
        s.name_rule = "champ"
        civ, rest = split_civility(s.fields.get("nom_complet", ""))
        if civ:
            s.fields["nom_complet"] = rest
            s.set("civilite", civ, "champ")
    return out


def _signer(fields: dict[str, str] | None, rule: str) -> Signer | None:
    if fields is None:
        return None
    s = Signer(name_rule=rule)
    for role, value in fields.items():
        s.set(role, value, rule)
    return s


def _name_then_mandate(text: str, rule: str) -> Signer | None:
    return _signer(name_then_mandate(text), rule)


def _mandate_then_name(text: str, rule: str) -> Signer | None:
    return _signer(mandate_then_name(text), rule)


def rule_soussigne(text: str) -> list[Signer]:
    out = []
    for m in re.finditer(r"\bje,?\s+soussign[ée]+(?:\s*\(e\)|·e|\.e|e)?\s*,?\s*(.{3,300})", text, re.I):
        rest = m.group(1).split("\n\n")[0].replace("\n", " ")
        if re.match(r"\s*[(\[]?\s*(?:nom|pr[ée]nom|\.\.\.|…|_)", rest, re.I):
            continue  # an unfilled template
        s = _name_then_mandate(rest, "soussigne")
        if s is None:
            civ, tail = split_civility(rest)
            name = clean(re.split(r"[,;(]|\s+(?:d[ée]clare|signe|soutien|apporte|m['’]associe|souhaite)\b",
                                   tail)[0])
            if not looks_like_name(name):
                continue
            s = Signer(name_rule="soussigne")
            s.set("nom_complet", name, "soussigne")
            s.set("civilite", civ, "soussigne")
            party = party_in(rest)
            if party:
                s.set("parti", party, "soussigne")
        out.append(s)
    return out


def rule_je_suis(text: str) -> list[Signer]:
    """« Je suis Marie Dupont, adjointe… » / « Je m'appelle … »."""
    for m in re.finditer(r"\bje (?:suis|m['’]appelle)\s+(.{3,200})", text, re.I):
        rest = m.group(1).split("\n\n")[0].replace("\n", " ")
        s = _name_then_mandate(rest, "je_suis")
        if s is not None:
            return [s]
    return []


def rule_lines(lines: list[str]) -> list[Signer]:
    """One signer per line that holds a name and a mandate; and « Conseillers municipaux de X :
    A, B et C » (a shared mandate for a list of names)."""
    out: list[Signer] = []
    for line in lines:
        text = BULLET.sub("", line).strip()
        if not text or re.match(r"^(?:je|nous|j['’])\b", text, re.I):
            continue
        shared = re.match(r"^(.{5,120}?)\s*:\s*(.+)$", text)
        if shared and MANDATE_RE.search(shared.group(1)) and not MANDATE_RE.search(shared.group(2)):
            names = [n for n in re.split(r"\s*(?:,|;|\bet\b)\s*", shared.group(2)) if n.strip()]
            if len(names) >= 2 and all(looks_like_name(n) for n in names):
                for n in names:
                    s = Signer(name_rule="liste")
                    civ, name = split_civility(n)
                    s.set("nom_complet", name, "liste")
                    s.set("civilite", civ, "liste")
                    s.set("mandat", shared.group(1), "liste")
                    out.append(s)
                continue
        s = _name_then_mandate(text, "ligne") or _mandate_then_name(text, "ligne")
        if s is not None:
            out.append(s)
    if len(out) > 1:
        for s in out:
            if s.name_rule == "ligne":
                s.name_rule = "liste"
                s.rules = {k: "liste" if v == "ligne" else v for k, v in s.rules.items()}
    return out


def rule_signature_block(lines: list[str]) -> Signer | None:
    """A title line (« Adjointe au maire de Castelnau-le-Lez ») with a name on a line near it,
    usually after « Cordialement »; or, with no title, the last name-like line of the message."""
    clean = [BULLET.sub("", x).strip() for x in lines]
    for i, line in enumerate(clean):
        if not line or len(line) > 140 or re.match(r"^(?:je|nous|j['’]|en tant qu)", line, re.I):
            continue
        span = mandate_span(line)
        if span is None or span[0] > 3:
            continue
        for j in [*range(i - 1, max(-1, i - 4), -1), i + 1]:
            if 0 <= j < len(clean) and looks_like_name(clean[j]):
                s = Signer(name_rule="bloc_signature")
                civ, name = split_civility(clean[j])
                s.set("nom_complet", name, "bloc_signature")
                s.set("civilite", civ, "bloc_signature")
                s.set("mandat", span[1], "bloc_signature")
                return s
    return None


def _last_name_line(lines: list[str]) -> str:
    """The name under the closing formula, if there is one."""
    tail = [x.strip() for x in lines if x.strip()][-6:]
    for k, line in enumerate(tail):
        if SALUTATION.match(line):
            for cand in tail[k + 1:]:
                if looks_like_name(cand):
                    return cand
    return tail[-1] if tail and looks_like_name(tail[-1]) else ""


def _sentence_mandate(text: str) -> str:
    """A mandate stated in a sentence without a name: « Je suis adjointe au maire de … »."""
    for m in re.finditer(r"\b(?:je suis|en tant qu['’]|en ma qualit[ée] d['’]e?|[ée]lue? comme)\s*(.{3,200})",
                         text, re.I):
        span = mandate_span(m.group(1).replace("\n", " "))
        if span and span[0] <= 20:
            return span[1]
    for line in text.split("\n"):
        span = mandate_span(line)
        if span and re.search(r"\b(?:de|du|d['’]|à|au)\s+[A-ZÀ-Þ]|\(\d{2,3}\)", span[1]):
            return span[1]
    return ""


# ---------------------------------------------------------------- messages

def _automatic(msg: MailMessage) -> str | None:
    """Why a message was written by a machine (auto-reply, mailing list), if it was."""
    if (msg.headers.get("Auto-Submitted", "no").lower() not in ("", "no") or msg.headers.get("X-Autoreply")
            or msg.headers.get("X-Autorespond") or _AUTO_SUBJECT.search(msg.subject)):
        return "réponse automatique (absence, accusé de réception…)"
    if msg.headers.get("List-Unsubscribe") or msg.headers.get("List-Id") or \
            msg.headers.get("Precedence", "").lower() in ("bulk", "list", "junk"):
        return "lettre d'information ou liste de diffusion"
    return None


def _no_signer_reason(msg: MailMessage, text: str) -> str:
    if msg.problem:
        return msg.problem
    automatic = _automatic(msg)
    if automatic:
        return automatic
    if not text.strip():
        return "message vide" + (f" (pièces jointes : {', '.join(msg.attachments)})" if msg.attachments else "")
    if "?" in text:
        return "question ou échange sans signature"
    if not MANDATE_RE.search(text):
        return "aucun mandat ni formule de signature reconnus"
    return "un mandat est cité mais aucun nom de signataire n'a été trouvé"


def _confidence(s: Signer) -> float:
    base = RULE_CONFIDENCE.get(s.name_rule, 0.5)
    if not s.fields.get("mandat"):
        base *= 0.6
    elif parse_mandate(s.fields["mandat"]).kind is None:
        base *= 0.85
    name = s.fields.get("nom_complet") or f"{s.fields.get('prenom', '')} {s.fields.get('nom', '')}"
    if len(name.split()) < 2:
        base *= 0.7
    return round(base, 2)


def _signers_in(lines: list[str]) -> list[Signer]:
    text = "\n".join(lines)
    for found in (rule_fields(lines), rule_soussigne(text), rule_lines(lines), rule_je_suis(text)):
        if found:
            return found
    block = rule_signature_block(lines)
    return [block] if block else []


def extract_message(msg: MailMessage) -> list[dict]:
    """Rows for one message: its signers, or one row saying why there is none."""
    parts = split_body(msg.body, msg.subject)
    automatic = _automatic(msg)
    if automatic:  # an out-of-office quoting a mandate is still not a signature
        return [_row(msg, 0, Signer(), ExtractStatus.NO_SIGNER, automatic)]
    signers = _signers_in(parts.own)
    text = "\n".join(parts.own)
    forwarded_from = ""
    if not signers and parts.forwarded:
        signers = _signers_in(parts.forwarded)
        text = "\n".join(parts.forwarded)
        forwarded_from = parts.forwarded_from
        for s in signers:
            s.rules = {k: f"{v}+transfert" for k, v in s.rules.items()}
    if not signers and not msg.problem:
        # The subject may carry the whole signer (« Signature de M. Philippe Salasc, maire d'Aniane »).
        subject = re.sub(r"^\s*(?:(?:re|tr|fwd?|fw)\s*:\s*)*(?:signature|tribune|p[ée]tition)?\s*(?:de|d['’]|:|-|–)?\s*",
                         "", msg.subject, flags=re.I)
        found = _signer(read_line(subject), "objet")
        if found is not None:
            signers = [found]
    if not signers and not msg.problem and "?" not in text:
        # No explicit signer: a mandate in a sentence, and the name under the closing formula
        # or, last resort, the sender's display name. A message asking a question (« les
        # conseillers d'opposition peuvent-ils signer ? ») is not taken for a signature this way.
        mandate = _sentence_mandate(text)
        if mandate:
            s = Signer()
            name = _last_name_line(parts.forwarded if forwarded_from else parts.own)
            rule = "bloc_signature"
            if not name:
                display = re.sub(r"<[^>]*>", "", forwarded_from).strip().strip('"') if forwarded_from else msg.sender_name
                name, rule = (display, "expediteur") if looks_like_name(display) or (
                    display and len(display.split()) >= 2 and "@" not in display) else ("", "")
            if name:
                s.name_rule = rule
                civ, name = split_civility(name)
                s.set("nom_complet", name, rule)
                s.set("civilite", civ, rule)
                s.set("mandat", mandate, "phrase")
                signers = [s]
    rows = []
    # A party said once for the whole message (« Parti : EELV », « … EELV … ») applies to every
    # signer who did not give one.
    party = (_labelled(parts.own + parts.forwarded, "parti") or party_in(text)) if signers else None
    for k, s in enumerate(signers, 1):
        if party and not s.fields.get("parti"):
            s.set("parti", party, "texte")
        if not s.fields.get("mandat") and len(signers) == 1:
            mandate = _sentence_mandate(text)
            if mandate:
                s.set("mandat", mandate, "phrase")
        _place_fields(s, "mandat")
        rows.append(_row(msg, k, s, ExtractStatus.SIGNER, ""))
    if not rows:
        rows.append(_row(msg, 0, Signer(), ExtractStatus.NO_SIGNER, _no_signer_reason(msg, text)))
    return rows


def _labelled(lines: list[str], role: str) -> str | None:
    """The first « Role : value » line of the message for that role."""
    for line in lines:
        m = _LABEL_LINE.match(line)
        if m and _LABEL_OF.get(fold(m.group(1))) == role and clean(m.group(2)):
            return clean(m.group(2))
    return None


def _row(msg: MailMessage, k: int, s: Signer, status: ExtractStatus, reason: str) -> dict:
    f = s.fields
    return {
        "message_id": msg.message_id, "message_date": msg.date, "expediteur": msg.sender,
        "expediteur_nom": msg.sender_name, "objet": msg.subject, "source": msg.source, "signataire_no": k,
        "civilite": f.get("civilite", ""), "nom_complet": f.get("nom_complet", ""), "nom": f.get("nom", ""),
        "prenom": f.get("prenom", ""), "mandat": f.get("mandat", ""), "parti": f.get("parti", ""),
        "commune": f.get("commune", ""), "departement": f.get("departement", ""),
        "extraction_confidence": _confidence(s) if status == ExtractStatus.SIGNER else 0.0,
        "extraction_regles": "; ".join(f"{role}={rule}" for role, rule in s.rules.items()),
        "extraction_statut": status.value, "extraction_raison": reason,
        "pieces_jointes": ", ".join(msg.attachments),
    }


def extract_messages(messages: Iterable[MailMessage]) -> pl.DataFrame:
    rows = [row for msg in messages for row in extract_message(msg)]
    schema = {c: pl.String for c in COLUMNS} | {"signataire_no": pl.Int64, "extraction_confidence": pl.Float64}
    return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)


def extract_mailbox(path: Path) -> pl.DataFrame:
    """One row per signer found, one row per message without a signer, in mailbox order."""
    return extract_messages(read_mailbox(path))
