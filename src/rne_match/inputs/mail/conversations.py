"""Conversations put together: one signer's messages merged into one signature (the later place, the
corrected name, the fuller name win), colleagues added later, and withdrawals."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from ...domain.mandates import parse_mandate
from ...domain.text import fold
from ..freetext import (
    MANDATE_RE,
    looks_like_name,
)
from .body import split_body
from .intent import Intent
from .mailbox import MailMessage
from .model import CAPITALISED_WORD, Reading, Signer, place_fields
from .rules import mentions_in, same_person


def _name_weight(s: Signer) -> int:
    """Letters of the name in words longer than an initial (the first of equals wins: max keeps it)."""
    name = s.fields.get("nom_complet") or f"{s.fields.get('prenom', '')} {s.fields.get('nom', '')}"
    return sum(len(w) for w in re.split(r"[\s.'’-]+", name) if len(w) > 1)


def _merge(group: list[Reading]) -> Reading:
    """One signer's messages of a conversation as one signature: the name from the first message
    that gives it, the mandate from the first that gives one, every message used in `sources`."""
    signing = [r for r in group if r.signers]
    # « Alain L. » first, « Alain Lajugie » in the answer to the organisers: the fuller name
    named = max((r for r in signing if r.signers[0].has_name), default=None, key=lambda r: _name_weight(r.signers[0]))
    base = named or signing[0]
    merged = Signer(dict(base.signers[0].fields), dict(base.signers[0].rules), base.signers[0].name_rule)
    for r in signing:
        for role, value in r.signers[0].fields.items():
            if not merged.fields.get(role):
                merged.fields[role] = value
                merged.rules[role] = f"{r.signers[0].rules.get(role, '')}+fil"
    placed = [r.signers[0] for r in signing if _states_place(r.signers[0])]
    if placed and not _states_place(merged):
        # « Mme la Maire de Cutry (54) souhaite signer », then « Mme la Maire s'appelle … »: the
        # mandate that says where wins over a bare title
        for role in _PLACE_ROLES:
            if placed[-1].fields.get(role):
                merged.fields[role] = placed[-1].fields[role]
                merged.rules[role] = f"{placed[-1].rules.get(role, '')}+fil"
    _latest_place(merged, signing)
    for r in signing:  # « mon prénom s'écrit Christophe, et non Christohpe »: the later spelling wins
        _correct_name(merged, r.signers[0].fields.get("correction_nom", ""))
    merged.fields.pop("correction_nom", None)
    if len(group) > 1:
        merged.name_rule = merged.name_rule if "+" in merged.name_rule else f"{merged.name_rule}+fil"
    intent = Intent.CONFIRMS if any(r.intent == Intent.CONFIRMS for r in group) else Intent.SIGNS
    reason = "" if merged.has_name else next((r.reason for r in group if r.reason), "")
    return Reading(base.msg, intent, [merged], reason, base.thread, [r.msg.source for r in group],
                   words=[w for r in group for w in r.words])


_FIRST_NAME_FIX = re.compile(rf"\bmon pr[ée]nom\s*(?:s['’][ée]crit|est|:)\s*({CAPITALISED_WORD}(?:[ -]{CAPITALISED_WORD})?)(?:\s*,?\s*(?:et\s+)?(?:non|pas)\s+({CAPITALISED_WORD}))?")
_FULL_NAME_FIX = re.compile(rf"\b(?:je suis|je m['’]appelle|il faut lire|(?:mon nom|mon identit[ée]) (?:est|complet est))\s+"
                            rf"((?:{CAPITALISED_WORD}\s+){{1,3}}{CAPITALISED_WORD})", re.I)


_WORD_FIX = re.compile(rf"(?:(?:^|[.!,:]\s*|\n)c['’]est|\bmon nom (?:complet |de famille )?(?:est|s['’][ée]crit))\s+({CAPITALISED_WORD})\s*(?:[:;.!(,]|$)",
                       re.I | re.M)


_NOT_A_NAME_FIX = frozenset({"ok", "fait", "note", "parfait", "bon", "bien", "vrai", "exact", "exactement", "correct",
                             "juste", "signe", "moi", "nous", "cela", "ca", "tout", "entendu", "promis", "possible",
                             "super", "top", "normal", "dommage", "important", "urgent", "gentil", "clair"})


def name_correction(text: str) -> str:
    """A reply correcting how the name was written: « mon prénom s'écrit Christophe, et non
    Christohpe » (→ « prenom:Christophe:Christohpe »), « je suis Véronique PASQUEREAU » (→ the name)."""
    m = _FIRST_NAME_FIX.search(text)
    if m:
        return f"prenom:{m.group(1)}:{m.group(2) or ''}"
    m = _FULL_NAME_FIX.search(text)
    if m and looks_like_name(m.group(1)) and not MANDATE_RE.search(m.group(1)):
        return m.group(1)
    m = _WORD_FIX.search(text)  # « C'est MARCHADIER », « c'est Christophe (Chris pour tout le monde) »
    return f"mot:{m.group(1)}" if m and fold(m.group(1)) not in _NOT_A_NAME_FIX else ""


def _correct_name(merged: Signer, fix: str) -> None:
    name = merged.fields.get("nom_complet", "")
    if not fix or not name:
        return
    if fix.startswith("prenom:"):
        _, new, old = fix.split(":", 2)
        words = name.split()
        given = [i for i, w in enumerate(words) if not w.isupper()]  # « Christohpe MEZARD »: the first name
        at = next((i for i, w in enumerate(words) if fold(w) == fold(old)), given[0] if len(given) == 1 else None)
        if at is not None:
            words[at] = new
            merged.fields["nom_complet"] = " ".join(words)
            merged.rules["nom_complet"] = f"{merged.rules.get('nom_complet', '')}+correction"
    elif fix.startswith("mot:"):  # one word respelt: it replaces the word of the name it resembles most
        from rapidfuzz.distance import Indel

        new = fix[4:]
        words = name.split()
        score, at = max((Indel.normalized_similarity(fold(new), fold(w)), i) for i, w in enumerate(words))
        # a respelling keeps its first letter (« Chris » → Christophe, MARCHADEIR → MARCHADIER)
        if score >= 0.5 and fold(words[at]) != fold(new) and fold(words[at])[:1] == fold(new)[:1]:
            words[at] = new
            merged.fields["nom_complet"] = " ".join(words)
            merged.rules["nom_complet"] = f"{merged.rules.get('nom_complet', '')}+correction"
    elif set(fold(fix).split()) & set(fold(name).split()):  # the same person, written whole
        merged.fields["nom_complet"] = fix
        merged.rules["nom_complet"] = f"{merged.rules.get('nom_complet', '')}+correction"


_PLACE_ROLES = ("mandat", "commune", "departement")


def _states_place(s: Signer) -> bool:
    parsed = parse_mandate(s.fields.get("mandat", ""))
    return bool(s.fields.get("commune") or s.fields.get("departement") or parsed.place or parsed.code_departement)


def _latest_place(merged: Signer, signing: list[Reading]) -> None:
    """A signer who states where they sit twice in a conversation corrects the first statement
    (« pardon, c'est X, pas Y », « erratum : … »): the later mandate and place win."""
    placed = [r for r in signing if _states_place(r.signers[0])]
    if len(placed) < 2:
        return
    # the later message, and of two with the same date the later in the conversation
    order = list(enumerate(placed))
    latest = max(order, key=lambda ir: (_instant(ir[1].msg.date) if ir[1].msg.date else datetime.min.replace(tzinfo=UTC),
                                        ir[0]))[1].signers[0]
    for role in _PLACE_ROLES:
        if latest.fields.get(role):
            merged.fields[role] = latest.fields[role]
            merged.rules[role] = f"{latest.rules.get(role, '')}+correction"
        elif role != "mandat":
            merged.fields.pop(role, None)
            merged.rules.pop(role, None)


def _one_person(group: list[Reading]) -> bool:
    """The named signers of these messages are one person: their surnames share a word (a message
    that gives only a mandate or a confirmation names nobody and fits any)."""
    names = [set(fold(r.signers[0].fields.get("nom_complet") or r.signers[0].fields.get("nom", "")).split())
             for r in group if r.signers[0].has_name]
    return all(names[0] & other for other in names[1:])


def assemble(readings: list[Reading]) -> list[Reading]:
    """Conversations put together: the messages one signer wrote in a conversation (a signing or
    confirming one among them) become one signature, unless one of them already names several
    signers; withdrawals mark the earlier signatures of their sender. Order: first message."""
    groups: dict[tuple[int, str], list[Reading]] = {}
    for r in readings:
        groups.setdefault((r.thread, r.writer), []).append(r)
    out: list[Reading] = []
    done: set[int] = set()
    for r in readings:
        if id(r) in done:
            continue
        group = groups[(r.thread, r.writer)]
        contributing = [g for g in group if g.intent in (Intent.SIGNS, Intent.CONFIRMS, Intent.OTHER) and g.signers]
        # « Confirmé ! » alone completes the signature it answers: listed in its source, not a row
        confirming = [g for g in group if g.intent == Intent.CONFIRMS and not g.signers]
        # (only from one of the messages merged: a message of the same writer that adds nothing — a thank-you
        # after the signature — stays a row of its own, and the signature is not written twice)
        if (any(g is r for g in contributing + confirming) and any(g.intent.yields_signers for g in contributing + confirming)
                and len(contributing) + len(confirming) > 1
                and all(len(g.signers) == 1 for g in contributing) and _one_person(contributing)):
            merged = _merge(contributing)
            if confirming:
                merged.intent = Intent.CONFIRMS
                used = {id(g) for g in contributing + confirming}
                merged.sources = [g.msg.source for g in group if id(g) in used]
            out.append(merged)
            done.update(id(g) for g in contributing + confirming)
            continue
        if r.intent == Intent.OTHER:  # a mandate alone, with nothing to complete: not a signer
            r = Reading(r.msg, r.intent, [], r.reason, r.thread)
        out.append(r)
        done.add(id(r))
    _colleagues_place(out)
    _mandate_from_mentions(out)
    _withdraw(out)
    return out


def _mandate_from_mentions(readings: list[Reading]) -> None:
    """« Je mets en copie Eric BESANÇON, conseiller municipal, qui devrait signer aussi », then Eric's
    own « Je confirme, je signe aussi ! Eric BESANÇON »: the mandate a colleague wrote of the signer in the
    same conversation, for a signature that gives none (the mention alone signs nobody)."""
    by_thread: dict[int, list[Reading]] = {}
    for r in readings:
        by_thread.setdefault(r.thread, []).append(r)
    for r in readings:
        if len(r.signers) != 1 or not r.signers[0].has_name or r.signers[0].fields.get("mandat"):
            continue
        s = r.signers[0]
        name = fold(s.fields.get("nom_complet", ""))
        found = next((m for other in by_thread[r.thread] if other is not r for line in other.words if name in fold(line)
                      for m in mentions_in(line) if same_person(s, m.fields.get("nom_complet", "")) and m.fields.get("mandat")),
                     None)
        if found:
            s.set("mandat", found.fields["mandat"], "mention_dans_le_fil")


def _colleagues_place(readings: list[Reading]) -> None:
    """A colleague added by a signer (« mon adjoint X souhaite aussi signer ») sits in the writer's
    commune: the place of the writer's own signature in the conversation."""
    for r in readings:
        for s in r.signers:
            if s.name_rule != "collegue" or s.fields.get("commune") or parse_mandate(s.fields.get("mandat")).place:
                continue
            own = next((o.signers[0] for o in readings if o.thread == r.thread and o.writer == r.writer
                        and o.signers and o.signers[0].name_rule != "collegue"), None)
            if own is not None:
                place_fields(own, "mandat")
            if own is not None and own.fields.get("commune"):
                s.set("commune", own.fields["commune"], "commune_de_l_expediteur")
                if own.fields.get("departement"):
                    s.set("departement", own.fields["departement"], "commune_de_l_expediteur")


def _withdraw(readings: list[Reading]) -> None:
    """A withdrawal flags every signature of the same sender in the mailbox. Even one dated after
    it: clocks and time zones lie, and publishing a withdrawn name is the costly mistake, so the
    organiser settles it (the reason says when the signature is the later one)."""
    for w in readings:
        if w.intent != Intent.WITHDRAWS or not w.msg.sender:
            continue
        signed = [r for r in readings if r is not w and r.msg.sender == w.msg.sender and r.intent.yields_signers
                  and r.signers]
        if not signed:  # « j'écris depuis mon autre adresse »: the signature of the person the withdrawal names
            said = set(fold(f"{' '.join(split_body(w.msg.body, w.msg.subject).own)} {w.msg.sender_name}").split())
            signed = [r for r in readings if r is not w and r.intent.yields_signers and len(r.signers) == 1
                      and _named_in(r.signers[0], said)]
        for r in signed:
            later = bool(r.msg.date and w.msg.date and _instant(r.msg.date) > _instant(w.msg.date))
            r.withdrawn_by = w.msg.source + (" (signature datée après le retrait : à confirmer)" if later else "")
            r.withdrawn_only = _withdrawn_signers(w.msg, r.signers)
        w.reason = (f"retrait de la signature du message {', '.join(r.msg.source for r in signed)}" if signed
                    else "retrait de signature (aucune signature de cet expéditeur dans la boîte)")


def _named_in(signer: Signer, words: set[str]) -> bool:
    """The signer's first name and surname (two words at least) are all among these words."""
    name = [w for w in fold(signer.fields.get("nom_complet") or f"{signer.fields.get('prenom', '')} {signer.fields.get('nom', '')}").split()
            if len(w) > 1]
    return len(name) >= 2 and set(name) <= words


_PLURAL_WITHDRAWAL = re.compile(r"\b(?:nos|notre|nous|leurs?)\b")


def _withdrawn_signers(withdrawal: MailMessage, signers: list[Signer]) -> frozenset[int] | None:
    """Which signers of a message listing several one withdrawal takes back: « merci de retirer mon
    nom. Arnaud GANDON » from the mayor who sent his majority's list is the mayor alone, named in
    the withdrawal (its words or its From display name). A plural withdrawal (« nos signatures »),
    or one naming none of them, takes back them all: publishing a withdrawn name is the costly error."""
    if len(signers) < 2:
        return None
    own = fold("\n".join(split_body(withdrawal.body, withdrawal.subject).own))  # never the quoted list
    if _PLURAL_WITHDRAWAL.search(own):
        return None
    present = set(f"{own} {fold(withdrawal.sender_name)}".split())
    named = frozenset(k for k, s in enumerate(signers)
                      if (surname := fold(s.fields.get("nom") or _surname_guess(s.fields.get("nom_complet", ""))))
                      and set(surname.split()) <= present)
    return named or None


def _surname_guess(full: str) -> str:
    """The capitalised words of « Arnaud GANDON » (the surname as people write it), else the last word."""
    words = full.split()
    caps = [w for w in words if len(w) > 1 and w.isupper()]
    return " ".join(caps) if caps else (words[-1] if words else "")


def _instant(iso: str) -> datetime:
    """A message date comparable with any other (a date without time zone is taken as UTC)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
