"""Readings of a message's lines: each rule finds signers in the words as people write them.

A filled form (« Nom : … »), a table, « Je soussigné(e) … », a line « Nom, mandat », a group's list, a
colleague added, an official a secretary or a relative writes for, a signature block. Each signer says
which rule found each field (`Signer.rules`), so that a reviewer can judge it; `signers_in` tries them
from the most explicit to the least. `extract` reads messages with them.
"""

from __future__ import annotations

import csv
import functools
import re

from ...domain.mandates import parse_mandate
from ...domain.text import fold
from ..freetext import (
    BULLET,
    MANDATE_RE,
    SALUTATION,
    UPPER,
    clean,
    inline_marriage,
    is_party,
    looks_like_name,
    mandate_span,
    mandate_then_name,
    mandate_with_place,
    name_then_mandate,
    party_in,
    split_civility,
)
from ..roles import ROLES
from .model import CAPITALISED_WORD, Signer

# How much each rule is trusted to have found the right name.
RULE_CONFIDENCE = {"champ": 0.95, "tableau": 0.95, "couple": 0.85, "collegue": 0.8, "groupe": 0.8, "pour_le_compte": 0.85, "soussigne": 0.9, "ligne": 0.85, "liste": 0.85, "je_suis": 0.8, "objet": 0.7,
                   "bloc_signature": 0.75, "expediteur": 0.5}
# « Nom : … », « Mandat : … »: the same field names as spreadsheet headers, except that in a
# message « Titre : » introduces the mandate, not a civility.
_LABEL_OF = {alias: role for role in ("nom_complet", "nom", "prenom", "civilite", "mandat", "parti", "commune",
                                      "departement") for alias in ROLES[role]} | {
    "titre": "mandat", "je soussigne": "nom_complet", "je soussigne e": "nom_complet", "je soussignee": "nom_complet"}
# « signing here: Jane DOE », « signed: … », « name of signer: … »: the English lead-ins of a signature
# line name the signer only when what follows is a name alone (not « je signe : X, maire de Y »).
_NAME_LEADS = frozenset({"signing here", "signing", "signed", "signed by", "signer", "signatory", "i sign",
                         "add my name", "please add", "please add my name", "name of signer", "signataire"})
LABEL_LINE = re.compile(r"^\s*(?:[-*•]\s*)?([A-Za-zÀ-ÿ'’() .°/]{2,40}?)\s*[:：][ \t]*(.*)$")


_CELL_SEPARATORS = ("\t", ";", "|")
_ROLE_OF_HEADER = {alias: role for role, aliases in ROLES.items() for alias in aliases}


def _cells(line: str, sep: str) -> list[str]:
    if sep == ",":
        return [c.strip() for c in next(csv.reader([line.strip()]), [])]
    return [c.strip().strip('"').strip() for c in line.strip().strip(sep).split(sep)]


def rule_table(lines: list[str]) -> list[Signer]:
    """A table pasted from a spreadsheet (« Nom ⇥ Prénom ⇥ Mandat ⇥ Commune », or « ; » or « | »
    between cells): a header row whose cells are column names people use, then one signer per row
    with as many cells."""
    for i, line in enumerate(lines):
        # « "Nom","Prénom",… »: quoted CSV, commas between the quotes
        sep = "," if '","' in line else next((c for c in _CELL_SEPARATORS if line.count(c) >= 1), None)
        if sep is None:
            continue
        cells = [fold(c) for c in _cells(line, sep)]
        roles = [_ROLE_OF_HEADER.get(c.strip()) for c in cells]
        known = [r for r in roles if r]
        # a column nobody names (« Remarque ») is left aside; two known ones, a name among them, make a table
        if len(known) < 2 or len(set(known)) < len(known) or not {"nom", "nom_complet"} & set(known):
            continue
        out = []
        for row in lines[i + 1:]:
            values = _cells(row, sep)
            if len(values) != len(roles):
                if out:
                    break
                continue
            s = Signer(name_rule="tableau")
            for role, value in zip(roles, values, strict=True):
                if role and role in ("nom_complet", "nom", "prenom", "civilite", "mandat", "commune", "departement", "parti"):
                    s.set(role, value, "tableau")
            if s.has_name and s.fields.get("prenom") and s.fields.get("nom") and not s.fields.get("nom_complet"):
                s.fields["nom_complet"] = f"{s.fields.pop('prenom')} {s.fields.pop('nom')}"
                s.rules["nom_complet"] = "tableau"
            if s.has_name:
                out.append(s)
        if out:
            return out
    return []


def rule_fields(lines: list[str]) -> list[Signer]:
    """« Nom : … / Prénom : … / Mandat : … » templates; a repeated field starts the next signer."""
    signers: list[Signer] = []
    current = Signer()
    parts = [part for raw in lines for part in _split_labelled(raw)]
    for i, line in enumerate(parts):
        m = LABEL_LINE.match(line)
        if not m:
            continue
        role = label_role(m.group(1))
        # « Nom : ....................Simonin »: the form's dotted leader is not the answer; « idem », « voir
        # ci-dessous » are none either
        value = _LEADER.sub("", m.group(2)).rstrip()
        value = "" if _NO_VALUE.match(value) else value or _value_below(parts, i, role)
        if role is None and fold(m.group(1)) in _NAME_LEADS and looks_like_name(clean(value)):
            role = "nom_complet"
        if role is None or not clean(value):
            continue
        if role in ("nom", "nom_complet") and same_person(current, value):
            continue  # « Signature : J. DUPONT » under « Nom : Jean DUPONT »: the same signer again
        if role == "nom_complet" and "mandat" not in current.fields and mandate_span(value):
            # « Signature : D. VAN VYNCKT, maire de Bonneuil-les-Eaux (60). »: a whole signer line
            line = _name_then_mandate(clean(value), "champ") or _mandate_then_name(clean(value), "champ")
            if line is not None:
                if current.has_name:
                    signers.append(current)
                current = line
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


_LEADER = re.compile(r"^[\s.…_]+")
_NO_VALUE = re.compile(r"^\s*(?:idem|id\.?|cf\.?\b.*|voir\b.*|ci-?(?:dessus|dessous)|n[ée]ant|[-/x*]+)\s*\.?\s*$", re.I)


def label_role(label: str) -> str | None:
    """The role of a form's label: « Commune / collectivité (et département) » is the commune's, « Votre
    nom », « Your name » the name's."""
    label = _YOUR.sub("", label)
    return _LABEL_OF.get(fold(label)) or _LABEL_OF.get(fold(re.split(r"[/(]", label)[0]))


_YOUR = re.compile(r"^\s*(?:votre|vos|ton|ta|tes|your)\s+", re.I)


def _value_below(parts: list[str], i: int, role: str | None) -> str:
    """« Nom : » alone on its line, the answer on the next one (a form filled below its labels): a
    name under a name's label, a mandate under the mandate's, a short value under the others."""
    # (« -> RENAUD » under « Nom : »: the arrow or bullet someone typed before the answer is not part of it)
    below = next((BULLET.sub("", x).strip() for x in parts[i + 1:i + 3] if x.strip()), "")
    m = LABEL_LINE.match(below)
    if not below or len(below) > 80 or (m and label_role(m.group(1))):
        return ""
    if role in ("nom", "prenom", "nom_complet"):
        return below if not MANDATE_RE.search(below) and (looks_like_name(below) or re.fullmatch(CAPITALISED_WORD, below)) else ""
    if role == "mandat":
        return below if MANDATE_RE.search(below) else ""
    return below


_INNER_LABEL = re.compile(r"(?:^|\t|\s[—–|/-]\s|\s{2,}|[;,]\s*)\s*([A-Za-zÀ-ÿ'’ .]{2,30}?)\s*:")


def _split_labelled(line: str) -> list[str]:
    """« Nom :⇥HOUTEKIER⇥Prénom :⇥Léontine », « Élu : X — Mandat : … — Lieu d'exercice : … »: one
    line holding several labelled fields, cut before each label people use."""
    if line.count(":") < 2:
        return [line]
    starts = [m.start(1) for m in _INNER_LABEL.finditer(line) if label_role(m.group(1))]
    if len(starts) < 2:
        return [line]
    return [re.sub(r"\s*[—–|/;,\t-]+\s*$", "", line[a:b]).strip() for a, b in zip(starts, [*starts[1:], len(line)], strict=True)]


def same_person(current: Signer, name: str) -> bool:
    """A name that repeats the current signer's surname (with an initial or nothing else new)."""
    known = set(fold(f"{current.fields.get('nom_complet', '')} {current.fields.get('nom', '')}").split())
    words = [w for w in fold(name).split() if len(w) > 1]
    return bool(known and words and all(w in known for w in words))


def _named(written: str, mandate: str, rule: str) -> Signer:
    """A signer named as written (its civility set apart) with the mandate given to them."""
    s = Signer(name_rule=rule)
    civ, name = split_civility(written)
    s.set("nom_complet", name, rule)
    s.set("civilite", civ, rule)
    s.set("mandat", mandate, rule)
    return s


def signer_of(fields: dict[str, str] | None, rule: str) -> Signer | None:
    if fields is None:
        return None
    s = Signer(name_rule=rule)
    for role, value in fields.items():
        s.set(role, value, rule)
    return s


def _name_then_mandate(text: str, rule: str) -> Signer | None:
    return signer_of(name_then_mandate(text), rule)


def _mandate_then_name(text: str, rule: str) -> Signer | None:
    return signer_of(mandate_then_name(text), rule)


def rule_soussigne(text: str) -> list[Signer]:
    out = []
    for m in re.finditer(r"\bje,?\s+soussign[ée]+(?:\s*\(e\)|·e|\.e|e)?\s*,?\s*(.{3,300})", text, re.I):
        rest = m.group(1).split("\n\n")[0].replace("\n", " ")
        if re.match(r"\s*[(\[]?\s*(?:nom|pr[ée]nom|\.\.\.|…|_)", rest, re.I):
            continue  # an unfilled template
        s = _name_then_mandate(rest, "soussigne")
        if s is None:
            civ, tail = split_civility(rest)
            name = clean(re.split(r"[,;(]|(?<![A-Z])\.\s|\s+(?:d[ée]clare|signe|soutien|apporte|m['’]associe|souhaite)\b",
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


# « Pour M. le Maire, Jean DUPONT, », « À la demande de Mme la Conseillère départementale (DURAND
# Anne) », « P/O le Maire », « MONSIEUR LE MAIRE, PATRICK BET, SIGNE »: a secretary or a cabinet writes
# for an official, who is the signer.
_ON_BEHALF = re.compile(r"(?:\b(?:pour|p\s*/\s*o\.?|par ordre de|[àa] la demande de|de la part de|au nom de|"
                        # staff passing it on: « je vous transmets la signature de Mme le Maire : X, maire de Y »
                        r"(?:la\s+)?signature\s+de|(?:le\s+)?soutien\s+de)\s+"
                        r"(?:(?:m\.|mr\.?|mme|madame|monsieur)\s+)?|(?P<opening>(?:^|(?<=[.!?\n])|(?<=\bque )|(?<=\bqu['’]))[ \t]*)(?:(?:m\.|mr\.?|mme|madame|monsieur)\s+)?)"
                        r"(?:le|la|l['’]|notre\s)\s*", re.I)
# « Je réponds pour Hélène Durand, qui n'a pas d'adresse mail : elle est adjointe… », « de la part de
# ma mère, Hélène Durand, maire de … », « mon mari Paul ROUX est conseiller municipal … et il signe »:
# a relative, a secretary or a colleague writes for a person they name.
KIN = (r"(?:mari|femme|[ée]pouse|[ée]poux|conjointe?|compagnon|compagne|p[èe]re|m[èe]re|papa|maman|fils|fille|"
        r"fr[èe]re|s[œo]eur|grand-p[èe]re|grand-m[èe]re|patron|patronne)")
_WRITES_FOR = re.compile(rf"(?i:\bje\s+(?:vous\s+)?(?:r[ée]ponds|[ée]cris|transmets|envoie)\s+(?:ce\s+(?:message|mail|courriel)\s+)?"
                         rf"(?:pour|au nom de|de la part de|[àa] la place de|pour le compte de)\s+(?:(?:mon|ma|notre)\s+{KIN}\s*,?\s*)?"
                         rf"|\b(?:mon|ma|notre)\s+{KIN}\s*,?\s*)(?P<name>{CAPITALISED_WORD}(?:\s+{CAPITALISED_WORD}){{1,3}})")
# The person written about signs this call, now: « et il signe votre appel », « elle le signe. », « qui
# signe l'appel » — not « il signe tout ce qu'on lui envoie », « il signe si vous retirez… », « elle
# soutient votre cause », « ne signe pas ».
_THEY_SIGN = re.compile(r"\b(?:il|elle|qui)\s+(?:(?:soutient|approuve)\b[^.!?\n]{0,40}?\s+et\s+)?(?:le\s+|la\s+)?"
                        r"(?:signe|soutient|s['’]associe(?:\s+[àa])?|souhaite signer|donne\s+son\s+accord\s+pour\s+(?:le\s+|la\s+)?signer)"
                        r"(?:\s+(?:aussi|[ée]galement))?\s*(?:l['’]appel|votre appel|cet appel|(?:la|votre|cette)\s+(?:p[ée]tition|tribune)|"
                        r"[.!]|$)", re.I | re.M)
# « …, m'a chargé de vous transmettre sa signature », « souhaite apporter sa signature »: their own signature, now
_PASSES_ON_HIS = re.compile(r"^\s*(?:m['’]a\s+(?:charg[ée]e?|demand[ée])\s+de\s+vous\s+(?:transmettre|faire parvenir|envoyer|faire part de)|"
                            r"(?:souhaite|tient [àa]|veut)\s+(?:vous\s+)?(?:apporter|donner|transmettre)|(?:vous\s+)?(?:apporte|donne|transmet))"
                            r"\s+(?:sa\s+signature|son\s+soutien|son\s+accord\s+pour\s+(?:le\s+|la\s+)?signer)\b", re.I)
_ASKED_BY = re.compile(rf"(?i:\b(?:[àa] la demande de|de la part de|au nom de|pour le compte de|sur instruction de)\s+"
                       rf"(?:m\.|mme|madame|monsieur)\s+)({CAPITALISED_WORD}(?:\s+{CAPITALISED_WORD}){{1,3}})")
# « Mme Sandra MARSAUD m'a chargée de vous transmettre son soutien »: staff name their official by civility
_CIVILITY_ASKS = re.compile(rf"(?:^|(?<=[.!?\n]))[ \t]*(?:(?:bonjour|madame|monsieur)\W+)?(?:m\.|mme|madame|monsieur)\s+"
                            rf"(?P<name>{CAPITALISED_WORD}(?:\s+{CAPITALISED_WORD}){{1,3}})\s*,?\s*(?=m['’]a\s)", re.I)
# (a surname alone, the title after it: « À la demande de Monsieur Doat, maire, … son soutien. Son prénom : Jean-Pierre. »)
_ASKED_BY_SURNAME = re.compile(rf"(?i:\b(?:[àa] la demande de|de la part de|au nom de|pour le compte de|sur instruction de)\s+"
                               rf"(?:m\.|mme|madame|monsieur)\s+)({CAPITALISED_WORD})\s*,\s*(?i:(maire|(?:premi\w+\s+|\d+\s*\w{{0,3}}\s+)?adjointe?))\b")
_FIRST_NAME_GIVEN = re.compile(rf"\b(?:son|sa)\s+pr[ée]nom\s*(?::|est)\s*({CAPITALISED_WORD})", re.I)
# « le maire me charge de vous dire qu'il signe » over a line « Bernard COUDRIAU, Saint-Lumine-de-Coutais »
_TITLE_SIGNS = re.compile(r"^[ \t]*(?:\w+\W+)?(?:(?:m\.|mme|madame|monsieur)\s+)?(?:le|la|notre)\s+(maire|(?:\d+\s*\w{0,3}\s+|premi\w+\s+)?adjointe?)\s+"
                          r"(?:me\s+(?:charge|demande)\s+de\s+vous\s+(?:dire|transmettre|faire savoir|faire part)\b[^.\n]{0,30}?"
                          r"(?:qu['’](?:il|elle)\s+(?:la\s+|le\s+)?signe|sa\s+signature|son\s+soutien)|(?:la\s+|le\s+)?signe)\b[^\n]{0,20}$",
                          re.I | re.M)
_STAFF_LINE = re.compile(r"\bsecr[ée]tari|\baccueil\b|\bassistante?\b|\bcabinet\b|\bdirect(?:eur|rice)\b|\bdgs\b", re.I)
_HIS_SIGNATURE = re.compile(r"^[^.!?\n]*\b(?:sa|leur)\s+signature\b|^[^.!?\n]*\bson\s+(?:soutien|accord)\b|^[^.!?\n]*\b(?:il|elle)\s+(?:le\s+|la\s+)?signe\b", re.I)
_WRITER_SIGNS = re.compile(r"\b(?:je|j['’]ai)\s+(?:la\s+|le\s+)?(?:co-?)?sign|\bnous\s+signons\b", re.I)


def _name_after_title(after: str) -> str:
    """The name written after an official's title: « , Jean DUPONT, », « (DURAND Anne) », « Magalie Legras »."""
    named = re.match(rf"\s*:?\s*(?:,\s*([^,;()]{{3,60}}?)\s*,|\(\s*([^()]{{3,60}}?)\s*\)|[–—-]\s*([^–—()]{{3,60}}?)\s*[–—-]|"
                     rf"((?:{CAPITALISED_WORD})(?:\s+{CAPITALISED_WORD}){{1,3}})|"
                     # « notre maire, Arnaud Pageaud. », « Le maire signe : MEZIERE Aurélie. »
                     rf"(?:,|\s+(?:signe|soutient)\s*:)\s*((?:{CAPITALISED_WORD})(?:\s+{CAPITALISED_WORD}){{1,3}})\s*(?=[.;!]|$)|"
                     # typed all in lowercase: « le maire frederic wersinger signe votre appel »
                     rf"([a-zà-ÿ'’-]{{2,}}(?:\s+[a-zà-ÿ'’-]{{2,}}){{1,2}})(?=\s+signe\b))", after)
    return clean(next((g for g in named.groups() if g), "")) if named else ""


def rule_on_behalf(text: str) -> list[Signer]:
    """The official someone else writes for: named after their title (the mandate is the title, or
    the fuller mandate the message states, « en qualité de maire de Sury (42) ») — after « pour »,
    « à la demande de », or opening a sentence that says they sign (« Monsieur le Maire, Paul ROUX,
    signe l'appel ») in a message whose writer does not sign for themselves; or named after « je
    réponds pour », « mon mari » with the mandate said after the name, in the paragraph that says
    they sign this call."""
    writer_signs = bool(_WRITER_SIGNS.search(text))
    for m in _ON_BEHALF.finditer(text):
        rest = text[m.end():m.end() + 200].split("\n")[0]
        span = mandate_span(rest)
        if span is None or span[0] != 0:
            continue
        title = re.split(r"\s*[(,]", span[1])[0]
        word = MANDATE_RE.match(title)
        # « Madame la Maire Magalie Legras, sa signature »: the name right after a title without place
        if word and not re.search(r"\s(?:de|du|des|d['’]|à|au|aux)\b", title) and _name_after_title(rest[word.end():]):
            title = title[:word.end()]
        name = _name_after_title(rest[len(title):])
        if not looks_like_name(name):
            continue
        # (« La députée Edith AUDIBERT (Députée du Var) soutient… »: her title again in brackets)
        said = re.split(r"[.!?]", re.sub(r"^\s*\([^)]*\)", "", rest[len(title):].split(name, 1)[-1]).lstrip(" ,)–—-"))[0]
        says_signs = bool(re.match(r"\s+(?:signe|soutient)\s*:", rest[len(title):]))  # « Le maire signe : X. »
        if m.group("opening") is not None and (writer_signs or not (says_signs or _THEY_SIGN.match("il " + said)
                                                                    or _PASSES_ON_HIS.search(said))):
            continue  # « Monsieur le Maire, Paul ROUX, ne signe pas », « …, m'a transmis votre appel »
        s = Signer(name_rule="pour_le_compte")
        s.set("nom_complet", name, "pour_le_compte")
        # « …signature de Mme le Maire : X, maire de Y. »: the title again, with its place, after the name
        again = mandate_span(rest[len(title):].split(name, 1)[-1].lstrip(" ,:–—-"))
        fuller = again[1] if again and again[0] == 0 and parse_mandate(again[1]).place else sentence_mandate(text)
        same = fuller and parse_mandate(fuller).fonction == parse_mandate(title).fonction
        s.set("mandat", fuller if same or (fuller and parse_mandate(fuller).kind == parse_mandate(title).kind) else title,
              "pour_le_compte")
        return [s]
    if writer_signs:
        return []
    # « À la demande de Mme Emeline X, je vous confirme sa signature »: staff name the official, not the title
    asked = _ASKED_BY.search(text)
    if asked and looks_like_name(asked.group(1)) and _HIS_SIGNATURE.search(text[asked.end():asked.end() + 200]):
        s = Signer(name_rule="pour_le_compte")
        s.set("nom_complet", asked.group(1), "pour_le_compte")
        s.set("mandat", sentence_mandate(text), "pour_le_compte")
        return [s]
    asked = _ASKED_BY_SURNAME.search(text)
    if asked and _HIS_SIGNATURE.search(text[asked.end():asked.end() + 200]):
        first = _FIRST_NAME_GIVEN.search(text)
        s = Signer(name_rule="pour_le_compte")
        s.set("nom_complet", f"{first.group(1)} {asked.group(1)}" if first else asked.group(1), "pour_le_compte")
        s.set("mandat", sentence_mandate(text) or asked.group(2), "pour_le_compte")
        return [s]
    for m in _TITLE_SIGNS.finditer(text):
        below, then = ([x.strip() for x in text[m.end():].split("\n") if x.strip()] + ["", ""])[:2]
        name, _, place = below.partition(",")
        # (not the writer's own block: « La maire signe. / Anne DUVAL / Secrétariat de mairie »)
        if looks_like_name(clean(name)) and not MANDATE_RE.search(below) and not _STAFF_LINE.search(then):
            s = Signer(name_rule="pour_le_compte")
            s.set("nom_complet", clean(name), "pour_le_compte")
            s.set("mandat", f"{m.group(1)} de {clean(place)}" if clean(place) else m.group(1), "pour_le_compte")
            return [s]
    for m in _CIVILITY_ASKS.finditer(text):
        if looks_like_name(m.group("name")) and _PASSES_ON_HIS.search(text[m.end():m.end() + 120]):
            s = Signer(name_rule="pour_le_compte")
            s.set("nom_complet", m.group("name"), "pour_le_compte")
            s.set("mandat", sentence_mandate(text), "pour_le_compte")
            return [s]
    for m in _WRITES_FOR.finditer(text):
        name = clean(m.group("name"))
        paragraph = text[m.end("name"):].split("\n\n")[0].replace("\n", " ")
        span = mandate_span(paragraph)
        if (not looks_like_name(name) or span is None or span[0] > 80 or _WILL_DO.search(paragraph[:span[0]])
                or not _THEY_SIGN.search(paragraph)):
            continue
        s = Signer(name_rule="pour_le_compte")
        s.set("nom_complet", name, "pour_le_compte")
        s.set("mandat", mandate_with_place(paragraph[span[0]:]), "pour_le_compte")
        return [s]
    return []


def rule_je_suis(text: str) -> list[Signer]:
    """« Je suis Marie Dupont, adjointe… » / « Je m'appelle … »."""
    for m in re.finditer(r"\bje (?:suis|m['’]appelle)\s+(.{3,200})", text, re.I):
        rest = m.group(1).split("\n\n")[0].replace("\n", " ")
        s = _name_then_mandate(rest, "je_suis")
        if s is not None:
            return [s]
    return []


_MYSELF = re.compile(r"moi[- ]?m[êe]me|moi", re.I)


def _shared_list(text: str) -> list[Signer]:
    """« Conseillers municipaux de Breuil : A ; B ; C », « Nous, élus de Sy, signons : A et B »,
    « Le groupe … signe : A, B, C, conseillers municipaux d'Allouis »: names after a colon, the
    mandate said once for all of them (after the names, else before the colon)."""
    m = re.match(r"^(.{3,160}?)\s*:\s*(.+?)\.?$", text)
    if not m:
        return []
    listed = re.split(r"(?<=[a-zà-ÿA-ZÀ-Þ)])\.\s+(?=[A-ZÀ-Þ])", m.group(2))[0]  # « … et C. Nous signons tous les trois. »
    items = [n.strip() for n in re.split(r"\s*(?:,|;|\bet\b|\s/\s)\s*(?![^()]*\))", listed) if n.strip()]
    # « A et moi-même, B »: the writer's name stands after « moi-même », as an apposition
    items = [n for k, n in enumerate(items) if not (_MYSELF.fullmatch(n) and k + 1 < len(items))]
    mandate = ""
    # « A / B / C — tous élus au conseil municipal de Champvans (39) »: the shared title after a dash
    dashed = re.match(r"^(.+?)\s+[—–-]\s+(.+)$", items[-1]) if items else None
    if dashed and MANDATE_RE.search(dashed.group(2)) and not MANDATE_RE.search(dashed.group(1)):
        items[-1], mandate = dashed.group(1), dashed.group(2)
    if not mandate and items and MANDATE_RE.search(items[-1]) and not MANDATE_RE.search(" ".join(items[:-1])):
        mandate = items.pop()
    span = mandate_span(m.group(1))
    # « Les maires du RPI signent : Séverine Fermier (La Ferté-Loupière), Xavier Morissot (Fleury) … »
    placed = [_NAME_PLACE_ITEM.match(n) for n in items]
    title = PLURAL_TITLE.search(m.group(1))
    if len(items) > 1 and all(placed) and title:
        found = [s for p in placed if (s := _roster_signer(p.group("name"), title.group(1), p.group("place")))]
        return found if len(found) == len(items) else []
    # « Je signe : Guillaume Strand, médecin généraliste, conseiller municipal … »: a lowercase apposition is no name
    if len(items) < 2 or not all(looks_like_name(n) for n in items) or (
            any(n.islower() for n in items) and not all(n.islower() for n in items)):
        return []
    if not mandate:
        mandate = span[1] if span else ""
    return [_named(n, mandate, "liste") for n in items]



# A roster of officials of several communes, the title said once: « les maires suivants signent : »
# over « - Créot : Thierry BABOUILLARD », « Pascal Grellet pour Condat-sur-Ganaveix » lines, or
# « (tous maires de leur commune) » under them; « les maires de Villenoy (Emmanuel Hude), de
# Fublaines (Déborah Courtois) et de … » in a sentence.
PLURAL_TITLE = re.compile(r"\b(maires|conseill[eè]re?s municipa(?:les|ux)|conseill[eè]re?s|adjointe?s|[ée]lue?s)\b", re.I)
_ROSTER_HEAD = re.compile(r"(?:\bsuivante?s\b|:\s*$)", re.I)
_ROSTER_NOTE = re.compile(r"\(?\s{0,3}tou(?:te)?s\s+(maires|conseill\w+ municipa\w+|adjoint\w*)\b", re.I)
_NAME_PLACE_ITEM = re.compile(rf"^(?P<name>.+?)\s*\((?P<place>[{UPPER}][^)]+)\)$")  # « Séverine Fermier (La Ferté) »
_ROSTER_ITEMS = (re.compile(rf"^(?P<place>[{UPPER}][^:]{{1,60}}?)\s*:\s*(?:moi[- ]m[êe]me\s*,?\s*)?(?P<name>.+)$"),
                 re.compile(rf"^(?P<name>.+?)\s+pour\s+(?P<place>[{UPPER}].+)$"),
                 _NAME_PLACE_ITEM,
                 re.compile(rf"^(?P<name>.+?)\s*(?:,|\s[–—-])\s*(?P<place>[{UPPER}][^,]+)$"))
_INLINE_ROSTER = re.compile(r"\b(?:les|des)\s+(maires|conseill\w+ municipa\w+|adjoint\w*)\s+(?=de\s|d['’])(.+)", re.I)
_INLINE_ITEM = re.compile(rf"(?:\bde\s+|\bd['’]\s*)([{UPPER}][\w'’ -]+?)\s*\(([^)]+)\)")


def _singular(title: str) -> str:
    """« maires » → « maire », « conseillers municipaux » → « conseiller municipal »."""
    words = [re.sub(r"aux$", "al", w) if w.lower().startswith("municip") else re.sub(r"s$", "", w) for w in title.split()]
    return " ".join(words)


def _roster_signer(name: str, title: str, place: str) -> Signer | None:
    head, _, last = name.rpartition(",")
    if head and MANDATE_RE.search(last):  # « CAUZOT Claire-Elise, maire »: the item's own title
        name, title = head, last.strip()
    civ, name = split_civility(clean(name))
    if not looks_like_name(name) or MANDATE_RE.search(place) or not place.strip() or is_party(place):
        return None  # « Lucie Moreau, conseillère municipale de Grenoble (EELV) »: a party, not a place
    s = Signer(name_rule="liste")
    s.set("nom_complet", name, "liste")
    s.set("civilite", civ, "liste")
    s.set("mandat", f"{_singular(title)} de {clean(place)}", "liste")
    return s


ROSTER_SIGNS = re.compile(r"\bsign|\bs['’]associ|\bco-?sign|\bsoutien", re.I)


def rule_roster(lines: list[str]) -> list[Signer]:
    """Only a roster its writer says is signing (« signent », « leurs signatures »): officials named
    as people to ask, or who have not answered, are no signers."""
    for i, line in enumerate(lines):
        inline = _INLINE_ROSTER.search(line)
        if inline and ROSTER_SIGNS.search(line):
            found = [s for m in _INLINE_ITEM.finditer(inline.group(2))
                     if (s := _roster_signer(m.group(2), inline.group(1), m.group(1)))]
            if len(found) > 1:
                return found
        title = PLURAL_TITLE.search(line)
        if title and _ROSTER_HEAD.search(line) and ROSTER_SIGNS.search(line):
            found = _roster_items(lines[i + 1:], title.group(1))
            if len(found) > 1:
                return found
        note = _ROSTER_NOTE.search(line)
        if note and ROSTER_SIGNS.search("\n".join(lines[max(0, i - 8):i + 1])):
            found = _roster_items(list(reversed(lines[:i])), note.group(1))
            if len(found) > 1:
                return list(reversed(found))
    return []


_SIGNATORIES_HEAD = re.compile(r"(?:\bsignataires|\bsignent(?:\s+l['’]\w+)?|\bnous signons(?:\s+l['’]\w+)?|\bvoici\s+(?:nos|leurs)\s+signatures|"
                               r"\b(?:souhaitent|veulent|tiennent [àa])\s+(?:la\s+|le\s+)?signer)\s*:\s*$", re.I)
_OWN_HEAD = re.compile(r"^\W*(?:(?:la\s+)?liste\s+des\s+signataires|signataires|signent|nous\s+signons|signons)\b|"
                       # « Les élu·es du groupe « X » au conseil municipal de Y signent l'appel : »
                       r"^\W*(?:les\s+|nos\s+)?[ée]lu\S*\s+(?:du\s+groupe|de\s+(?:la\s+)?(?:liste|majorit[ée]|minorit[ée]|opposition))\b[^:]*\bsignent\b|"
                       r"\b(?:d['’]entre nous|nous sommes \w+ [àa])\s+(?:signent|signer|vouloir signer)\b|"
                       # « Au nom du groupe … du conseil départemental de X, voici nos signatures : », « Plusieurs élu·es de
                       # notre groupe au conseil régional de X souhaitent signer : »
                       r"\bvoici\s+nos\s+signatures\b|\b[ée]lu\S*\s+(?:de\s+notre|du)\s+groupe\b[^:]*\b(?:souhaitent|veulent)\s+(?:la\s+|le\s+)?signer\b",
                       re.I)
_NOT_OWN_LIST = re.compile(r"pas encore|potentiel|relanc|futur|parmi|contact|solliciter|n['’]ont pas|[ée]tonn", re.I)
_GROUP_HEAD = re.compile(r"\b(?:groupe|liste|[ée]lu(?:e|·e)?s\s+(?:de|du))\b", re.I)
_OPEN_END = re.compile(r"\b(?:à|a|de|du|des|pour|avec|par|et|remerciements?)\s*[:,]?\s*$", re.I)
_PLURAL_SIGNS = re.compile(r"\b(?:nous\s+(?:la\s+|le\s+)?(?:co-?)?signons|on\s+(?:la\s+|le\s+)?signe|(?:co-?)?signent|nous nous associons|s['’]associent)\b", re.I)
_NAME_ROW_SEP = re.compile(r"\s*(?:[·•,;/&|]|\s[–—-]\s|\bet\b)\s*")
_COUNCIL_OF = re.compile(r"\b(?:au|du)\s+conseil\s+(municipal|d[ée]partemental|r[ée]gional)\s+((?:de\s+la\s+|de\s+l['’]|de\s+|d['’]|du\s+|des\s+)"
                         r"[^,;:.()]{2,60}?)\s*(?=\s(?:signent|signe|soutien\w*|souhaitent|veulent|tiennent)\b|[,;:.(]|$)", re.I)
_ITEM_CANTON = re.compile(r"\(\s*canton\s+((?:de\s+|d['’]\s*|du\s+)?[^()]+?)\s*\)", re.I)
_GROUP_ROLE = re.compile(r"\b(?:du|de notre|de l['’])\s+(?:groupe|liste)\b|\bporte-parole\b|\bt[êe]te de liste\b", re.I)


def rule_group_list(lines: list[str], text: str) -> list[Signer]:
    """A group's signatories: the items under « Signataires : » / « Signent l'appel : » (a name, its
    title after a comma when given; a role in the group, « présidente du groupe », is no mandate),
    or, in a message that signs in the plural, a line of full names alone (« A · B · C »)."""
    out: list[Signer] = []
    items: list[str] = []  # the text of each item, beside its signer (« (canton de Gagny) » after the name)
    for i, line in enumerate(lines):
        last_sentence = re.split(r"[.!?]\s+", line.strip())[-1]
        if _SIGNATORIES_HEAD.search(line) and _OWN_HEAD.search(last_sentence) and not _NOT_OWN_LIST.search(line):
            for raw in lines[i + 1:]:
                item = BULLET.sub("", raw).strip()
                if not item:
                    if out:
                        break
                    continue
                if re.search(r"\S\s{3,}\S|\t", item) or sum(fold(w) in _ROLE_OF_HEADER for w in item.split()) > 1:
                    break  # a table under the heading: read as a table
                s = _name_then_mandate(item, "liste")  # « Lucie Moreau, conseillère municipale de Grenoble (EELV) »
                if s is None or _GROUP_ROLE.search(s.fields.get("mandat", "")):
                    civ, name = split_civility(re.split(r"\s*(?:,|\s[–—-]\s|\()\s*", item, maxsplit=1)[0])
                    if not looks_like_name(name):
                        break
                    s = Signer(name_rule="liste")
                    s.set("nom_complet", name, "liste")
                    s.set("civilite", civ, "liste")
                s.name_rule = "liste"
                items.append(item)
                out.append(s)
            if len(out) > 1:
                # « Pour le groupe … au conseil régional de Bretagne, trois d'entre nous signent : »: its members sit on it
                council = _COUNCIL_OF.search(line)
                cantons = [f" (canton {m.group(1)})" if (m := _ITEM_CANTON.search(item)) else "" for item in items]
                for s, canton in zip(out, cantons, strict=True):
                    if council and not s.fields.get("mandat"):
                        # « • Marie-Blanche PIETRI (canton de Gagny) » under the département's council: the canton too
                        s.set("mandat", f"conseiller {council.group(1)} {council.group(2)}{canton}", "liste")
                return out
            out, items = [], []
    if not _PLURAL_SIGNS.search(text):
        return []
    filled = [x for x in lines if x.strip()]
    for k, line in enumerate(filled):
        # next to the plural « signons » or to the group's heading, and not the object of a sentence
        # (« avec nos remerciements à » / « A · B »)
        around = filled[max(0, k - 1):k] + filled[k + 1:k + 2]
        if not any(_PLURAL_SIGNS.search(x) or _GROUP_HEAD.search(x) for x in around) or (
                k and _OPEN_END.search(filled[k - 1])):
            continue
        items = [x for x in _NAME_ROW_SEP.split(BULLET.sub("", line).strip()) if x]
        if len(items) > 1 and all(len(x.split()) > 1 and looks_like_name(split_civility(x)[1]) for x in items):
            for x in items:
                s = Signer(name_rule="liste")
                civ, name = split_civility(x)
                s.set("nom_complet", name, "liste")
                s.set("civilite", civ, "liste")
                out.append(s)
            return out
    return []


# A group's members named together: « Pour le groupe X : A, B, C. », « Nous signons toutes et tous les 5 : A (LFI),
# B (EELV)… — groupe X au conseil municipal », « Je signe, ainsi que mes collègues de groupe A et B », or one per
# line « EELV – A » / « A (PCF) » over « Nous signons l'appel ».
_GROUP_LEAD = re.compile(r"(?:\bpour (?:le|notre) groupe\b[^:\n]{0,80}|\bnous (?:la |le )?(?:co-?)?signons\b[^:\n]{0,40}|"
                         r"\bsignent\b[^:\n]{0,40}|\bsignataires?\b[^:\n]{0,20})\s*:\s*(?P<names>.+)$|"
                         r"\bainsi que (?:mes|nos) coll[èe]gues(?:\s+(?:de|du)\s+groupe)?(?:\s+[ée]lu\S*)?\s*,?\s*(?P<colleagues>.+)$", re.I)
_WRITTEN_PLACE = re.compile(r"\s(?:de|du|des|d['’])\s*(?P<place>[^,;()]+?)\s*(?:[,;(]|$)", re.I)
_PARTY_LEAD = re.compile(r"^\s*(?P<party>[^–—:-]{2,30}?)\s+[–—-]\s+(?P<name>.+)$")
_COUNCIL_NAMED = re.compile(r"\bconseil municipal (?P<place>(?:de\s+|d['’]\s*|du\s+|des\s+)[^,;:.()]{2,60}?)\s*(?=[,;:.()]|$)", re.I)


def _member_name(item: str) -> str:
    """« Gilles Clouzeau (Place publique) », « EELV – Jean-François Montmartre »: the name, party apart."""
    item = re.sub(r"\s*\([^)]*\)\s*", " ", item).strip(" .;")
    lead = _PARTY_LEAD.match(item)
    if lead and is_party(lead.group("party").strip()):
        item = lead.group("name")
    return clean(re.split(r"\s+[–—]\s+", item)[0])


def rule_group_names(lines: list[str], text: str) -> list[Signer]:
    """A group's members, named together in a message that signs for them (see `_GROUP_LEAD`), each with
    the council the message names (« conseil municipal de X », else the municipal seat of the writer's
    block); the writer signs too when they say so and are not listed."""
    names: list[str] = []
    for line in lines:
        m = _GROUP_LEAD.search(line)
        listed = (m.group("names") or m.group("colleagues")) if m else ""
        items = [_member_name(x) for x in re.split(r"\s*(?:,|;|·|\bet\b)\s*", re.split(r"\s+[–—]\s+groupe\b", listed)[0]) if x.strip()]
        if (len(items) >= (1 if m and m.group("colleagues") else 2) and not MANDATE_RE.search(listed)
                and all(looks_like_name(x) and len(x.split()) > 1 for x in items)):
            names = items
            break
    if not names and _PLURAL_SIGNS.search(text):
        run = [_member_name(x) for x in lines if not MANDATE_RE.search(x) and (
            ((lead := _PARTY_LEAD.match(x.strip())) and is_party(lead.group("party").strip()))
            or ((bracket := re.search(r"\(([^)]{2,30})\)\s*$", x)) and is_party(bracket.group(1))))]
        run = [x for x in run if looks_like_name(x) and len(x.split()) > 1]
        names = run if len(run) >= 2 else []
    if not names:
        return []
    block = rule_signature_block(lines)
    own = parse_mandate(block.fields.get("mandat", "")) if block and block.has_name else None
    council = _COUNCIL_NAMED.search(text)
    if council:
        mandate = f"conseiller municipal {council.group('place')}"
    elif own and own.kind in ("cm", "mai") and (place := _WRITTEN_PLACE.search(block.fields["mandat"])):
        mandate = f"conseiller municipal de {place.group('place')}"  # the writer's commune
    elif MUNICIPAL_GROUP.search(text):
        mandate = "conseiller municipal"
    else:
        return []
    out = [_named(n, mandate, "groupe") for n in names]
    if block and block.has_name and _WRITER_SIGNS.search(text) and not any(same_person(s, block.fields["nom_complet"]) for s in out):
        out.insert(0, block)
    return out


MUNICIPAL_GROUP = re.compile(r"\bconseil municipal\b|\b(?:opposition|majorit[ée]|[ée]quipe)\s+municipale\b|\bgroupe municipal\b",
                              re.I)


def _roster_items(lines: list[str], title: str) -> list[Signer]:
    """The items next to a roster's heading (or note), up to the first line that is not one."""
    out: list[Signer] = []
    for raw in lines:
        line = BULLET.sub("", raw).strip()
        if not line:
            if out:
                break
            continue
        signer = next((s for p in _ROSTER_ITEMS if (m := p.match(line))
                       and (s := _roster_signer(m.group("name"), title, m.group("place")))), None)
        if signer is None:
            break
        out.append(signer)
    return out


_SURNAME = rf"(?:(?:de|du|des|le|la|d['’])\s*)?[{UPPER}][\w'’-]+(?:\s+(?:(?:de|du|le|la)\s+)?[{UPPER}][\w'’-]+)?"
# « Jean et Marie DUPONT », « M. et Mme DUPONT (Jean et Marie) », « Marie Durand et Paul Roux »
_COUPLE_SHARED = re.compile(rf"(?:^|[\s:,])({CAPITALISED_WORD})\s+et\s+({CAPITALISED_WORD})\s+({_SURNAME})$")
_COUPLE_TITLED = re.compile(rf"\b(?:M\.|Mr\.?|Monsieur)\s+et\s+(?:Mme|Madame)\s+({_SURNAME})\s*\(\s*({CAPITALISED_WORD})\s+et\s+({CAPITALISED_WORD})\s*\)$")
_BOTH_TITLES = re.compile(r"(?i)(?:conseill|adjoint|maire|[ée]lu|d[ée]l[ée]gu)\w*(?:\s+municipa\w*)?\s+et\s+(?:(?:\d+\s*(?:er|re|ère|e|ème)|premi\w+)\s+)?"
                          r"(?:conseill|adjoint|maire|[ée]lu|d[ée]l[ée]gu)")
# « conseillère municipale et 1er adjoint au maire de Robécourt »: two titles, one each, the place said once
_TWO_TITLES = re.compile(r"(?i)^(?P<first>(?:conseill|adjoint|maire|[ée]lu|d[ée]l[ée]gu)\w*(?:\s+municipa\w*)?)\s+et\s+"
                         r"(?P<second>.+?\s(?P<place>(?:de|du|des|d['’])\s*.+))$")
_BOTH = re.compile(r"\s*,?\s*(?:tou(?:te)?s\s+(?:les\s+)?deux|l['’]un(?:e)? et l['’]autre)\s*,?\s*$", re.I)


def rule_couple(text: str) -> list[Signer]:
    """Two people who sign together and say their mandate once, in the plural: « Jean et Marie
    DUPONT, conseillers municipaux de X », « M. et Mme DUPONT (Jean et Marie), … », « Marie Durand et
    Paul Roux, tous deux adjoints au maire de X ». A couple shares the surname written once."""
    span = mandate_span(text)
    if span is None:
        return []
    head = text[: span[0]]
    both = _BOTH.search(head)
    title = next((w for w in span[1].split() if not re.match(r"\d|premi|deuxi|troisi", w, re.I)), "")
    # « conseillers municipaux », or both nouns: « conseillère et conseiller municipaux », « maire et adjointe »
    plural = re.fullmatch(r"\w+[sx]", title) or _BOTH_TITLES.match(span[1])
    if not (both or plural):
        return []
    head = clean(head[: both.start()] if both else head)
    names: list[str] = []
    listed = _enumerated_names(head)
    if m := _COUPLE_TITLED.search(head):
        names = [f"{m.group(2)} {m.group(1)}", f"{m.group(3)} {m.group(1)}"]
    elif len(listed) >= 2:
        names = listed
    elif m := _COUPLE_SHARED.search(head):
        names = [f"{m.group(1)} {m.group(3)}", f"{m.group(2)} {m.group(3)}"]
    whole = re.split(r",?\s+(?:signons|signent|co-?signons|nous|s['’]associent)\b", text[span[0]:])[0].rstrip(" ,.")
    mandates = _respectively(whole, len(names))
    two = _TWO_TITLES.match(whole) if len(names) == 2 and not mandates else None
    if two and re.search(r"\b(?:conseill|adjoint|maire|[ée]lu|d[ée]l[ée]gu)", two.group("second"), re.I):
        mandates = [f"{two.group('first')} {two.group('place')}", two.group("second")]
    out = []
    for name, mandate in zip(names, mandates or [span[1]] * len(names), strict=True):
        s = Signer(name_rule="couple")
        civ, name = split_civility(name)
        s.set("nom_complet", name, "couple")
        s.set("civilite", civ, "couple")
        s.set("mandat", mandate, "couple")
        out.append(s)
    return out


_RESPECTIVELY = re.compile(r"^(?P<title>.+?)\s+respectivement\s+(?P<places>.+?)(?P<dep>\s*\((?:\d{2,3}|2[AB])\))?\s*$", re.I)


def _respectively(mandate: str, n: int) -> list[str]:
    """« maires respectivement de Réal, de Font-Romeu et d'Ayguatébia (66) »: one place per name, in
    order, each with the singular title (and the département said once); [] when it does not fit."""
    m = _RESPECTIVELY.match(mandate)
    if not m:
        return []
    places = [p for p in re.split(r"\s*,\s*|\s+et\s+", m.group("places")) if p]
    if len(places) != n:
        return []
    dep = m.group("dep") or ""
    return [f"{_singular(m.group('title'))} {p}{dep}".strip() for p in places]


_ENUMERATION = re.compile(r"\s*(?:,|·|&|;|\bet\b)\s*")
_ORDINAL_TOKEN = re.compile(r"(?:\d+\s*(?:er|re|ère|e|ème|eme)|premi[eè]re?|deuxi[eè]me|et|,)", re.I)


def _without_trailing_ordinals(head: str) -> str:
    """« A et B, 1er et 2e » → « A et B, »: the ordinals of a plural title (token by token: linear)."""
    tokens = re.split(r"(\s+|,)", head)
    while tokens and (not tokens[-1].strip() or _ORDINAL_TOKEN.fullmatch(tokens[-1].strip())):
        tokens.pop()
    return "".join(tokens)
_NAME_TAIL = re.compile(rf"(?:(?:M\.|Mme|Madame|Monsieur)\s+)?(?:{CAPITALISED_WORD}\s+){{1,3}}{CAPITALISED_WORD}$")


def _enumerated_names(head: str) -> list[str]:
    """The names listed at the end of a text (« les élu·es Julie Courtemanche, Fabrice Levasseur et
    Sabine RENVOIZÉ », « M. X, Mme Y et Mme Z »): the longest run of items that are names, the first
    one possibly after a lead-in of lowercase words."""
    head = _without_trailing_ordinals(re.split(r"[:;]", head)[-1])  # « A et B, 1er et 2e adjoints »
    items = [x.strip() for x in _ENUMERATION.split(head) if x.strip()]
    # « A et B, binôme du canton de Liffré, conseillers départementaux »: an apposition after the names
    while items and items[-1][:1].islower():
        items.pop()
    k = len(items)
    while k > 0 and looks_like_name(split_civility(items[k - 1])[1]):
        k -= 1
    names = items[k:]
    if k > 0 and (tail := _NAME_TAIL.search(items[k - 1])) and looks_like_name(split_civility(tail.group(0))[1]):
        names.insert(0, tail.group(0))
    return names


_ORDINAL = r"(?:premi[eè]re?|1e?re?|1er|\d+\s*(?:e|[eè]me|ème))"
_COLLEAGUE = re.compile(
    rf"\b(?:mon|ma|notre)\s+((?:{_ORDINAL}\s+)?(?:adjointe?|coll[eè]gue|conseill(?:[eè]re|er)(?:\s+municipale?)?|"
    rf"maire[- ]adjointe?)(?:\s+(?:au|aux|à|a|chargée?|déléguée?)\s+[a-zà-ÿ' ]+?)?)\s*,?\s+"
    rf"((?:[{UPPER}][\w'’-]+\s+){{1,3}}[{UPPER}][\w'’-]+)\s*(?:\(([^)]*)\))?\s*,?\s*"
    r"(?:qui\s+)?(?:(?:souhaite|veut|voudrait|aimerait|d[ée]sire|tient)\s+(?:aussi\s+|[ée]galement\s+)?(?:[àa]\s+)?"
    r"(?:signer|co-?signer|s['’]associer|se joindre)|signe(?:\s+aussi|\s+[ée]galement)?\b|se joint|s['’]associe|rejoint)", re.I)


def rule_colleague(text: str) -> list[Signer]:
    """« C'est fait : mon adjoint Jean-François HEINTZMANN (1er adjoint) souhaite aussi signer »: a
    signer adds a colleague of their council, named with the title that says what they hold. The
    commune is the writer's, set when the conversation is put together."""
    out = []
    # « Anne-Marie RAFENAUD et Séverin ABID se joignent à moi pour signer. Nous sommes tous les trois élus de X. »
    for m in _JOIN_ME.finditer(text):
        shared = next((span[1] for sentence in _WE_ARE.findall(text) if (span := mandate_span(sentence))), "")
        out += [_named(name, shared or "conseiller municipal", "collegue")
                for name in re.split(r"\s*(?:,|\bet\b)\s*", m.group(1)) if looks_like_name(name)]
    # « Nous signons tous les deux : moi, …, et mon 2e adjoint, Christian PRUNIER. »
    listed = list(_LISTED_COLLEAGUE.finditer(text)) if _PLURAL_SIGNS.search(text) else []
    out += [_named(m.group(2), _colleague_title(m.group(1)), "collegue") for m in listed if looks_like_name(m.group(2))]
    for m in _COLLEAGUE.finditer(text):
        title, name, bracket = m.group(1), m.group(2), m.group(3) or ""
        out.append(_named(name, _colleague_title(bracket if MANDATE_RE.search(bracket) else title), "collegue"))
    return out


def _colleague_title(title: str) -> str:
    """« mon collègue X »: a colleague of the writer's council sits on it."""
    return "conseiller municipal" if re.match(r"coll[eè]gue", title, re.I) else title


_NAME_RUN = rf"(?:[{UPPER}][\w'’-]+\s+){{1,3}}[{UPPER}][\w'’-]+"
_JOIN_ME = re.compile(rf"({_NAME_RUN}(?:\s*,\s*{_NAME_RUN})*(?:\s+et\s+{_NAME_RUN})?)\s+(?:se\s+joignent|se\s+joint)\s+[àa]\s+moi\b")
_LISTED_COLLEAGUE = re.compile(rf"\bet\s+(?:mon|ma|notre)\s+((?:{_ORDINAL}\s+)?(?:adjointe?|coll[eè]gue|conseill(?:[eè]re|er)"
                               rf"(?:\s+municipale?)?|maire[- ]adjointe?))\s*,?\s+(?-i:({_NAME_RUN}))\s*(?=[.;]|$)", re.I | re.M)
_WE_ARE = re.compile(r"\bnous\s+sommes\s+[^.!?\n]{0,120}", re.I)


# « Jean DUPONT (maire de Sury, 42), Marie MARTIN (maire de Lèves) et Paul ROUX (…) signent »
_BRACKETED = re.compile(rf"((?:[{UPPER}][\w'’.-]*\s+){{1,3}}[{UPPER}][\w'’-]+)\s*\(([^()]*)\)")
# The dot of an initial or an abbreviation (« J.-P. », « M. », « cons. mun. ») does not end a sentence.
_NOT_SENTENCE_END = re.compile(r"(?:\b[A-ZÀ-Ý]|\b(?:M|Mme|Mlle|Dr|St|Ste|cons|adj|mun|munic|d[ée]p|d[ée]pt|dpt|r[ée]g|vve|[ée]p))\.$",
                               re.I)


_SIGNED_BRACKET = re.compile(r"\b(?:ma\s+signature|je\s+signe|sign[ée]e?|mon\s+soutien|mon\s+nom)\s*\(([^()]{5,120})\)", re.I)


def _bracketed_signers(text: str) -> list[Signer]:
    out = []
    for m in _BRACKETED.finditer(text):
        civ, name = split_civility(m.group(1))  # « M. Philippe Eberhardt (maire) »: the civility apart
        if MANDATE_RE.search(m.group(2)) and looks_like_name(name):
            s = Signer(name_rule="ligne")
            s.set("nom_complet", name, "ligne")
            s.set("civilite", civ, "ligne")
            s.set("mandat", re.sub(r",\s*(\d{2,3}|2[AB])\s*$", r" (\1)", m.group(2).strip()), "ligne")
            out.append(s)
    return out


def _sentences(text: str) -> list[str]:
    """A line holding two mandates, cut into its sentences (« Je signe : X, maire de Y. Ma collègue
    Z, maire de W, signe aussi. »); one piece otherwise."""
    if not re.search(r"[.!?;]\s", text) or len(MANDATE_RE.findall(text)) < 2:
        return [text]
    out: list[str] = []
    for piece in re.split(r"(?<=[.!?;])\s+(?=\(?[A-ZÀ-Ý])", text):
        if out and _NOT_SENTENCE_END.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


# (and someone suggested to the organisers, « Pensez à X (maire de Y) », « contactez X »)
_WILL_DO = re.compile(r"\b(?:pensez|songez)\s+[àa]\b|\b(?:contactez|sollicitez|[ée]crivez\s+[àa])\b|"
                      r"\bvous\s+(?:devriez|pourriez|pouvez)\s+(?:aussi\s+|[ée]galement\s+)?(?:contacter|solliciter|[ée]crire\s+[àa]|demander\s+[àa])|"
                      r"\bje vous (?:recommande|conseille|sugg[èe]re)\b|"
                      r"\b(?:vous\s+)?(?:[ée]crira|signera|enverra|contactera|r[ée]pondra|rejoindra|[ée]criront|signeront)\b|"
                      r"\bva\s+(?:vous\s+)?(?:[ée]crire|signer|r[ée]pondre)\b|\bne\s+(?:le\s+|la\s+)?sign\w*\s+(?:pas|plus|jamais)\b|"
                      # what others said or may do: « qui sera sûrement partant », « devraient suivre », « m'a dit qu'il
                      # signait », « qui m'a dit y réfléchir »
                      r"\b(?:sera|seront|serait|seraient)\s+(?:s[ûu]rement\s+|certainement\s+|probablement\s+|peut-[êe]tre\s+|aussi\s+)?"
                      r"(?:partante?s?|int[ée]ress[ée]e?s?|d['’]accord|sensibles?)\b|\bdevrai(?:t|ent)\s+(?:aussi\s+)?(?:suivre|signer|vous\s+[ée]crire|r[ée]pondre)\b|"
                      r"\bm['’](?:a|ont)\s+dit\b|\bme\s+l['’]a\s+dit\b|\br[ée]fl[ée]chi(?:r|t|ssent)\b|"
                      # someone the writer met or spoke with, who will write themselves: « nous a parlé de votre appel »,
                      # « je la laisse vous répondre elle-même »
                      r"\b(?:nous|m['’]|m['’]en|nous\s+en)\s*a\s+parl[ée]|\bnous en avons parl[ée]|\bje\s+(?:la|le|les)\s+laisse\b|"
                      r"\b(?:elle|lui|eux|elles)-m[êe]mes?\b|"
                      # « aux échanges avec Lydie X, conseillère départementale, je signe »: whom the writer spoke with
                      r"\b(?:[ée]changes?|discussions?|entretiens?|rencontres?|r[ée]unions?)\s+avec\b|"
                      r"\b(?:[ée]chang[ée]|discut[ée]|parl[ée]|crois[ée]|rencontr[ée])e?s?\s+avec\b", re.I)


_INCLUSIVE_ELUS = re.compile(r"([ée]lu)(?:[·.(]?e\)?[·.]?s|·es)\b", re.I)


def mentions_in(line: str) -> list[Signer]:
    """The people a line names with a mandate, whether it says they sign or not (« Je mets en copie Eric
    X, conseiller municipal, qui devrait signer aussi »): what a conversation knows of them."""
    return [s for sentence in _sentences(line)
            if (s := _name_then_mandate(sentence, "mention") or _mandate_then_name(sentence, "mention"))]


# The cells of a line of fields without labels (« DURAND ; Hélène ; Maire ; Commune de Sury (42) »,
# « DURAND | Hélène | Maire | Sury », TAB-separated, « DURAND / Hélène / Maire / Sury »)
_CELL_SPLIT = re.compile(r"\s*[;|\t]\s*|\s+/\s+")


def _cells_as_line(text: str) -> str | None:
    """The fields the call asked for, given in order without labels, as the line a person would write
    (« Hélène DURAND, Maire, Commune de Sury (42) »): the name in the one or two cells before the only
    cell holding a title."""
    cells = [c for c in _CELL_SPLIT.split(text) if c]
    titled = [i for i, c in enumerate(cells) if MANDATE_RE.search(c)]
    if len(cells) < 3 or len(titled) != 1 or titled[0] not in (1, 2):
        return None
    name = " ".join(cells[:titled[0]])
    return ", ".join([name, *cells[titled[0]:]]) if looks_like_name(name) else None


def rule_lines(lines: list[str]) -> list[Signer]:
    """One signer per line that holds a name and a mandate; and lists of names sharing a mandate."""
    out: list[Signer] = []
    for line in lines:
        # « élu·es », « élu.e.s », « élu(e)s »: inclusive spellings read as the plain plural
        text = _INCLUSIVE_ELUS.sub(r"\1s", BULLET.sub("", line).strip())
        if not text or not MANDATE_RE.search(text):
            continue  # every reading below needs a title somewhere on the line
        text = _cells_as_line(text) or text
        # « Mes collègues A et B, maires de X et de Y, ne signent pas ; moi si »: no list of signers
        shared = [] if _WILL_DO.search(text) else rule_couple(text) or _shared_list(text)
        if shared:
            out.extend(shared)
            continue
        if re.match(r"^(?:je suis|je m['’]appelle)\b", text, re.I):
            continue  # rule_je_suis reads those
        # « Vous pouvez compter sur ma signature (Didier Meyer, maire de Gorges), même si… »: the signer in brackets
        signed = _SIGNED_BRACKET.search(text)
        if signed and (s := _name_then_mandate(signed.group(1), "ligne")):
            out.append(s)
            continue
        bracketed = _bracketed_signers(text) if text.count("(") > 1 and not _WILL_DO.search(text) else []
        if len(bracketed) > 1:
            # « Signent : Christophe RANDE, maire, ainsi que Alain DUPUY (1er adjoint) et … »: a first one written otherwise
            first = _BRACKETED.search(text)
            head = re.split(r"\s+(?:ainsi que|et)\s*$", text[:first.start()].rstrip(" ,"))[0] if first else ""
            lead = _name_then_mandate(head, "ligne") if head and MANDATE_RE.search(head) else None
            if lead is not None and not any(same_person(b, lead.fields["nom_complet"]) for b in bracketed):
                out.append(lead)
            out.extend(bracketed)
            continue
        for sentence in _sentences(text):
            if _WILL_DO.search(sentence):
                continue  # « Ma collègue X, adjointe, vous écrira elle-même »: not signing here
            if sentence.startswith("(") and sentence.endswith(")"):
                sentence = sentence[1:-1]  # « …signe ! (Chantal DESEYNE, sénatrice d'Eure-et-Loir) »
            s = _name_then_mandate(sentence, "ligne") or _mandate_then_name(sentence, "ligne")
            if s is not None:
                out.append(s)
    if len(out) > 1:
        for s in out:
            if s.name_rule == "ligne":
                s.name_rule = "liste"
                s.rules = {k: "liste" if v == "ligne" else v for k, v in s.rules.items()}
    return out


# A staff member's role in a signature block (« Attachée parlementaire », « Chef de cabinet »): the
# name over it is theirs, the title under it their official's.
_STAFF_ROLE = re.compile(r"^\W*(?:(?:attach[ée]e?|collaborat(?:eur|rice)|assistante?)\s+(?:parlementaire|de\s+(?:cabinet|direction)|"
                         r"du\s+(?:d[ée]put[ée]|s[ée]nateur|maire|pr[ée]sident)|de\s+la\s+(?:d[ée]put[ée]e|s[ée]natrice|maire|pr[ée]sidente))|"
                         r"(?:chef(?:fe)?|directeur|directrice)\s+(?:adjointe?\s+)?de\s+cabinet|"
                         r"secr[ée]taire\s+(?:particuli[eè]re?|de\s+mairie|g[ée]n[ée]rale?))", re.I)
# The official a staff block names: « Cabinet de la députée Sandra Marsaud », « Attachée parlementaire de
# Emmanuel Capus », « Collaborateur du sénateur Jean DUPONT ».
_STAFF_OF = re.compile(rf"\b(?:cabinet|parlementaire|collaborat(?:eur|rice)|assistante?|attach[ée]e?)\s+(?:de\s+la|du|de|d['’]|auprès\s+(?:de\s+la|du|de))\s+"
                       rf"(?:(?:m\.|mme|madame|monsieur)\s+)?(?:(?:d[ée]put[ée]e?|s[ée]nat(?:eur|rice)|maire|pr[ée]sidente?|vice-pr[ée]sidente?)\s+)?"
                       rf"(?P<name>{CAPITALISED_WORD}(?:\s+{CAPITALISED_WORD}){{1,3}})\s*$", re.I)


def _staff_official(clean: list[str], name_at: int, title_at: int) -> str | None:
    """In a staff member's block, the official's name (« Cabinet de la députée X »), or "" when the
    block names none; None when the block is no staff block."""
    low, high = min(name_at, title_at), max(name_at, title_at)
    if not any(_STAFF_ROLE.match(x) for x in clean[low:high + 2]):
        return None
    for line in clean[max(0, low - 1):high + 3]:
        m = _STAFF_OF.search(line)
        if m and looks_like_name(m.group("name")):
            return m.group("name")
    return ""


def rule_signature_block(lines: list[str]) -> Signer | None:
    """A title line (« Adjointe au maire de Castelnau-le-Lez ») with a name on a line near it,
    usually after « Cordialement »; or, with no title, the last name-like line of the message.
    Under a staff member's name and role, the title is their official's, named in the block
    (« Cabinet de la députée X ») or not at all."""
    clean = [inline_marriage(BULLET.sub("", x).strip()) for x in lines]
    for i, line in enumerate(clean):
        if not line or len(line) > 140 or re.match(r"^(?:je|nous|j['’]|en tant qu)", line, re.I):
            continue
        span = mandate_span(line)
        if span is None or span[0] > 3:
            continue
        mandate = span[1]
        # « Vice-présidente de la Métropole Européenne de Lille » over « 3e adjointe au maire de X »: the title the
        # registry lists (an intercommunal one is not checkable)
        nxt = mandate_span(clean[i + 1]) if i + 1 < len(clean) and not parse_mandate(mandate).kind else None
        if nxt and nxt[0] == 0 and parse_mandate(nxt[1]).kind not in (None, "epci"):
            mandate = nxt[1]
        # « 4E ADJOINTE AU MAIRE » over « COMMUNE DE TRIGNY (51) », « Conseiller municipal » over « Flèche (La) - 72 »:
        # the place on the next line
        below = (PLACE_LINE.match(clean[i + 1]) or _PLACE_ALONE.match(clean[i + 1])) if i + 1 < len(clean) else None
        if below and not parse_mandate(mandate).place:
            mandate = f"{mandate}, {below.group(1)}"
        # a title standing alone on its line (not a sentence) may have the name a line or two below
        alone = len(span[1]) >= 0.7 * len(line) and not line.rstrip().endswith(".")
        after = [k for k in range(i + 1 + bool(below), min(len(clean), i + 5 + bool(below))) if clean[k]][:2 if alone else 1]
        for j in [*range(i - 1, max(-1, i - 4), -1), *after]:
            candidate = _without_affiliation(clean[j]) if 0 <= j < len(clean) else ""
            if (candidate and not looks_like_name(candidate) and j > 0 and len(candidate.split()) == 1
                    and len(clean[j - 1].split()) == 1 and looks_like_name(f"{clean[j - 1]} {candidate}")):
                candidate = f"{clean[j - 1]} {candidate}"  # « <b>Nadine<br>BARTHE</b> »: a name over two lines
            if candidate and looks_like_name(candidate):
                official = _staff_official(clean, j, i)
                if official == "":
                    break  # a staff member's block that does not name the official
                candidate = official or candidate
                s = Signer(name_rule="bloc_signature")
                civ, name = split_civility(candidate)
                s.set("nom_complet", name, "bloc_signature")
                s.set("civilite", civ, "bloc_signature")
                s.set("mandat", mandate, "bloc_signature")
                return s
    return None


def rule_shared_block(lines: list[str]) -> list[Signer]:
    """« Jean-Marie Benier / Nathalie Nowak / Conseillers départementaux »: a signature block of two or
    more names over one plural title, each name signing with it."""
    clean_lines = [BULLET.sub("", x).strip() for x in lines]
    for i, line in enumerate(clean_lines):
        title = PLURAL_TITLE.match(line)
        span = mandate_span(line) if title else None
        if span is None or span[0] != 0 or len(line) > 120:
            continue
        names = []
        for above in reversed(clean_lines[:i]):
            if not looks_like_name(above):
                break
            names.insert(0, above)
        if len(names) > 1:
            return [_named(name, span[1], "bloc_signature") for name in names]
    return []


PLACE_LINE = re.compile(r"^(?:(?:secr[ée]tariat|accueil|services?)\s+(?:de\s+la\s+|de\s+l['’]\s*)?)?(?:commune|mairie|ville)\s+"
                         r"(?:de\s+|d['’]\s*|du\s+)(.{2,60})$", re.I)

# (or the commune alone with its number: « Flèche (La) - 72 », « Sury-le-Comtal (42) », « 42560 Sury »)
_PLACE_ALONE = re.compile(rf"^(\d{{5}}\s+[{UPPER}][\w'’-]*(?:[ -][\w'’-]+){{0,5}}|"
                          rf"[{UPPER}][\w'’-]*(?:[ -][\w'’-]+){{0,5}}(?:\s*\((?:La|Le|Les|L['’])\))?"
                          rf"\s*(?:[-–—,]\s*)?\(?(?:\d{{2,3}}|2[AB])\)?)$")

# (each alternative starts where a run of spaces starts: a line of 40,000 spaces is read in linear time)
_AFFILIATION = re.compile(r"(?<!\s)\s*(?:[,–—]\s*|\s-\s|\s)(?:groupe|liste|[ée]lue? (?:de|sur) la liste)\b.*$|(?<!\s)\s*\([^)]*\)\s*$",
                          re.I)


def _without_affiliation(line: str) -> str:
    """« Hélène VARENNE-DUCLOS groupe Gauche citoyenne », « Marie Dupont (EELV) »: the name line of a
    signature block, without the group or party written after the name."""
    stripped = _AFFILIATION.sub("", line).strip()
    return line if looks_like_name(line) or not stripped else stripped


def last_name_line(lines: list[str]) -> str:
    """The name under the closing formula, if there is one."""
    # (a note in brackets under the name, « (adresse de mon fils) », is no line of the block)
    tail = [x.strip() for x in lines if x.strip() and not re.fullmatch(r"\(.*\)", x.strip())][-6:]
    for k, line in enumerate(tail):
        if SALUTATION.match(line):
            for cand in tail[k + 1:]:
                if looks_like_name(cand):
                    return cand
    return tail[-1] if tail and looks_like_name(tail[-1]) else ""


_TOWN_OF = re.compile(r"\b(?:municipalit[ée]|commune|ville|mairie|conseil municipal)\s+(?:de\s+|d['’]\s*)([A-ZÀ-Þ][\w'’-]*(?:[ -][\w'’-]+){0,4}?)\s+(?=en tant|comme|o[uù]|,)")


def sentence_mandate(text: str) -> str:
    """A mandate stated in a sentence without a name: « Je suis adjointe au maire de … »."""
    for m in re.finditer(r"\b(?:je suis|(?:il|elle) est|en tant qu(?:['’]|e\s)|en (?:ma |sa )?qualit[ée] (?:de |d['’])|[ée]lue? comme)\s*(.{3,200})",
                         text, re.I):
        span = mandate_span(m.group(1).replace("\n", " "))
        if span and span[0] <= 20:
            # « Je fais partie de la municipalité de Pleure en tant que troisième adjoint »: the place said before
            town = _TOWN_OF.search(text[max(0, m.start() - 120):m.start() + 10])
            return f"{span[1]} de {town.group(1)}" if town and not parse_mandate(span[1]).place else span[1]
    for line in text.split("\n"):
        span = mandate_span(line)
        if span and re.search(r"\b(?:(?:de|du|des|à|au)\s+(?:la\s+|l['’])?|d['’]\s*)[A-ZÀ-Þ]|\(\d{2,3}\)", span[1]):
            return span[1]
    return ""



def signers_in(lines: list[str]) -> list[Signer]:
    """Every reading of `lines`, fresh Signers each time (callers complete them): a message's lines are read
    two or three times (its rules, its explicit signers, its quotes), the work once."""
    return [Signer(dict(fields), dict(rules), rule) for fields, rules, rule in _read_signers(tuple(lines))]


@functools.lru_cache(maxsize=64)
def _read_signers(lines: tuple[str, ...]) -> tuple[tuple[dict, dict, str], ...]:
    return tuple((s.fields, s.rules, s.name_rule) for s in _read_lines(list(lines)))


def forget_readings() -> None:
    """Forget the lines read so far: `extract` calls it between messages, so that a copy is read afresh."""
    _read_signers.cache_clear()


def _read_lines(lines: list[str]) -> list[Signer]:
    text = "\n".join(lines)
    colleagues = rule_colleague(text)
    roster = rule_roster(lines)
    if roster:  # « Je signe : X, … » above the roster: the writer too
        own = [s for s in rule_lines(lines) if s.has_name and not any(same_person(r, s.fields["nom_complet"]) for r in roster)]
        return own + roster
    for found in (rule_table(lines), rule_fields(lines), rule_on_behalf(text), rule_soussigne(text),
                  rule_group_list(lines, text), rule_group_names(lines, text), rule_lines(lines), rule_je_suis(text)):
        if found:
            # « Je signe : X, maire de Y. Mon adjointe Z souhaite aussi signer. »: the colleague too
            return found + [c for c in colleagues if not any(same_person(f, c.fields["nom_complet"]) for f in found)]
    if colleagues:  # a message that only adds a colleague: the writer signed earlier
        # unless they join the writer now (« se joignent à moi »): the writer's block signs too
        block = rule_signature_block(lines) if _JOIN_ME.search(text) else None
        return ([block] if block and block.has_name else []) + colleagues
    shared = rule_shared_block(lines)
    if shared:
        return shared
    block = rule_signature_block(lines)
    return [block] if block else []
