"""What the e-mail reader works with: a signer as read (fields and the rule that found each), a message as
read (intent, signers, why none), and whether a row holds a signer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from ...domain.kinds import KINDS
from ...domain.mandates import parse_mandate
from ...domain.territories import departement_code
from ..freetext import (
    MANDATE_WORD,
    UPPER,
    clean,
)
from .intent import Intent
from .mailbox import MailMessage


class ExtractStatus(StrEnum):
    """Whether a row holds a signer; the value is what `extraction_statut` holds."""

    SIGNER = "signataire"
    NAMELESS = "signataire_sans_nom"  # a message that signs, whose name was not found (mandate kept)
    WITHDRAWN = "signature_retiree"  # a signature its sender withdrew later
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


# ---------------------------------------------------------------- rules

def place_fields(signer: Signer, rule: str) -> None:
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
            # « Telgruc sur Mer », written without hyphens: the « sur » is the commune's own
            wider = re.search(rf"([{UPPER}][\w'’-]*\s+(?:sur|sous|en|l[èe]s)\s+){re.escape(m.group(1))}\s*(?:\(|$)", first)
            signer.set("commune", (wider.group(1) if wider else "") + m.group(1), rule)
CAPITALISED_WORD = rf"[{UPPER}][\w'’-]+"  # a word as names are written: « Jean-Pierre », « DUPONT »


@dataclass
class Reading:
    """One message as read: what it is for, its signers (or partial signer), why none."""

    msg: MailMessage
    intent: Intent
    signers: list[Signer]
    reason: str = ""
    thread: int = 0
    sources: list[str] = field(default_factory=list)  # messages merged into these signers
    withdrawn_by: str = ""  # the later message of the same sender withdrawing this signature
    withdrawn_only: frozenset[int] | None = None  # which of its signers (0-based) it withdraws; None: all
    speaker: str = ""  # who wrote the signature: the forwarded message's author, else the sender
    # The writer's own words (forwarded signatures, attached text and subject included, quotes not): where
    # `verify` looks for a name the registry knows when the rules found none.
    words: list[str] = field(default_factory=list)

    @property
    def writer(self) -> str:
        return self.speaker or self.msg.sender or self.msg.source
