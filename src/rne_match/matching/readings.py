"""Turn each signature row into the name "readings" and the stated mandate the matcher uses.

A full name such as `Marie Dupont` can be read two ways (which part is the surname?); rather
than guess, every plausible reading goes to the matcher, which keeps the one the registry
supports best. Upper-case words (`DUPONT Marie`) settle the question when present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import polars as pl

from ..domain.mandates import parse_mandate
from ..domain.parties import find_party
from ..domain.territories import departement_code
from ..domain.text import (
    PARTICLES,
    civility_sex,
    fold,
    is_initials,
    remove_civility,
    split_marriage,
)
from ..inputs.freetext import MANDATE_RE, read_line

MAX_READINGS = 12


@dataclass
class Reading:
    nom: str
    prenom: str
    penalty: float
    initials: bool = False


_DOTTED = re.compile(r"(?:[A-Za-zÀ-ÿ]\.\s*-?\s*){1,3}")  # « J.-P. », « M. », not « LE »
_HYPHENED_INITIALS = re.compile(r"[A-ZÀ-Ý](?:-[A-ZÀ-Ý]){1,2}\.?")  # « J-Y », « M-P »


def _split_full(raw: str, folded: str) -> list[Reading]:
    if len(folded.split()) < 2:
        return [Reading(folded, "", 0.0)]
    raw_words = [w for w in re.split(r"\s+", raw.strip()) if fold(w)]
    upper = [w for w in raw_words if len(fold(w)) > 1 and w.isupper() and not _DOTTED.fullmatch(w)
             and not _HYPHENED_INITIALS.fullmatch(w)]
    # « de LAUBADÈRE Pierre », « Pierre de LA TOUR »: a lowercase particle before the capitals is the surname's
    upper = [w for i, w in enumerate(raw_words) if w in upper or (
        fold(w) in PARTICLES and i + 1 < len(raw_words) and raw_words[i + 1] in upper)]
    lower = [w for w in raw_words if w not in upper]
    if upper and lower and any(not w.isupper() or _DOTTED.fullmatch(w) for w in lower):
        nom, prenom = fold(" ".join(upper)), fold(" ".join(lower))
        if nom and prenom:
            return [Reading(nom, prenom, 0.0, all(_DOTTED.fullmatch(w) for w in lower))]
    # Split between written words, so that « J.-P. » or « Jean-Pierre » stays one first name.
    units = [fold(w) for w in raw_words]
    if len(units) < 2:
        units = folded.split()
    readings: list[Reading] = []
    for k in range(1, len(units)):
        first, rest = " ".join(units[:k]), " ".join(units[k:])
        # « Marie de la Tour »: a particle starts the surname; « L. Geollot »: an initial is no particle
        if units[k - 1] in PARTICLES and not (len(units) == len(raw_words) and _DOTTED.fullmatch(raw_words[k - 1])):
            continue
        # "Prénom Nom" is the most common order in e-mails and forms; « N. LOPEZ »: an initial.
        readings.append(Reading(rest, first, 0.0 if k == 1 else 0.5, all(len(t) == 1 for t in first.split())))
        readings.append(Reading(first, rest, 1.0 if k == 1 else 1.5, all(len(t) == 1 for t in rest.split())))
    return readings[:MAX_READINGS] or [Reading(folded, "", 0.0)]


# « M. », « Mme », « Dr » before a name; « M.-F. » (Marie-France) is not one.
_RAW_CIVILITY = re.compile(
    r"^\s*(?:(?:MM|Mmes?|Mlle|Madame|Mademoiselle|Monsieur|Messieurs|Mr|Dr|Docteur|Pr|M)\.?\s+)+",
    re.IGNORECASE)


def readings_for(nom: str, prenom: str, full: str) -> tuple[list[Reading], str | None]:
    """Name readings and, when the row cannot be checked, the reason why."""
    nom_raw, prenom_raw = (nom or "").strip(), (prenom or "").strip()
    if not nom_raw and not prenom_raw:
        nom_raw = (full or "").strip()
    nom_raw = _RAW_CIVILITY.sub("", nom_raw)
    if "@" in nom_raw and " " not in nom_raw:
        return [], "le nom est une adresse e-mail"
    nom_f = remove_civility(fold(nom_raw))
    # « M. » alone in a first-name column is an initial (Marie, Michel), not « Monsieur ».
    prenom_f = remove_civility(fold(prenom_raw)) or fold(prenom_raw)
    letters = len((nom_f + prenom_f).replace(" ", ""))
    if letters < 2:
        reason = "nom absent" if not (nom_raw or prenom_raw) else "nom illisible"
        return [], reason
    nom_f, alts = split_marriage(nom_f)
    if prenom_raw:
        base = [Reading(nom_f, prenom_f, 0.0, is_initials(prenom_raw))]
        if not is_initials(prenom_raw):
            base.append(Reading(prenom_f, nom_f, 2.0))  # columns swapped by the signer
    else:
        raw_main = re.split(r"\b(?:épouse|ep\.|née|nee|veuve)\b", nom_raw, flags=re.I)[0]
        base = _split_full(raw_main, nom_f)
    out = list(base)
    for alt in alts:
        out += [Reading(alt, r.prenom, r.penalty + 0.5, r.initials) for r in base]
    return out[:MAX_READINGS], None


# « Gwenaëlle Le Goff (Paris 19e) », « DURAND Marie [Brest] »: what stands in brackets after a name
# says where, or which party; it is never part of the name.
_AFTER_NAME = re.compile(r"\s*[(\[]([^()\[\]]{2,80})[)\]]\s*$")
# Brackets that still speak of the person: « (née MARTIN) », « (épouse DURAND) », « (fils) ».
_ABOUT_THE_PERSON = re.compile(r"(?i)^(?:n[ée]e?|[ée]p(?:ouse|\.)?|veuve|vve|fils|p[èe]re|jr|junior|senior)\b")


def _place_after_name(cell: str) -> tuple[str, str]:
    """(the name without its trailing brackets, the place they give or "")."""
    found = _AFTER_NAME.search(cell)
    if found is None or not cell[: found.start()].strip():
        return cell, ""
    inside = found.group(1).strip()
    if _ABOUT_THE_PERSON.match(inside):
        return cell, ""
    return cell[: found.start()], "" if find_party(inside) else inside


_BARE_M = re.compile(r"\s*M\.?\s+\S")


def _get(frame: pl.DataFrame, roles: dict[str, str], role: str) -> list[str]:
    col = roles.get(role)
    if col is None or col not in frame.columns:  # a mailbox's optional columns (nom_deduit)
        return [""] * frame.height
    return frame[col].fill_null("").to_list()


def prepare(frame: pl.DataFrame, roles: dict[str, str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(signatures, readings) frames; `row` is the 0-based input position in both."""
    noms, prenoms, fulls = _get(frame, roles, "nom"), _get(frame, roles, "prenom"), _get(frame, roles, "nom_complet")
    civs, mandats = _get(frame, roles, "civilite"), _get(frame, roles, "mandat")
    communes, deps = _get(frame, roles, "commune"), _get(frame, roles, "departement")
    partis = _get(frame, roles, "parti")
    # Why a row holds no signer: a list heading (« motif »), a message without one (« motif_message »).
    motifs = _get(frame, roles, "motif")
    message_motifs = _get(frame, roles, "motif_message")
    withdrawn = _get(frame, roles, "retrait")  # a signature its signer withdrew: shown, never verified
    guessed = _get(frame, roles, "nom_deduit")  # a name the signer never wrote (read off an address)
    to_confirm = _get(frame, roles, "a_confirmer")  # a signature someone else passed on (a relative)
    # A message signs as an élu·e: a signer whose mandate could not be read claims something the
    # matcher cannot check, so a namesake of a real official is never verified on the name alone.
    # A table without a mandate column is the organisers' own list: the name is all it claims.
    claim_required = "motif_message" in roles
    sig_rows: list[dict] = []
    reading_rows: list[dict] = []
    lines = {}  # one cell holding « Marie Dupont, conseillère municipale de Paris (75), EELV »
    for i in range(frame.height):
        text = fulls[i] or (noms[i] if not prenoms[i] else "")
        if not mandats[i].strip() and text and MANDATE_RE.search(text):
            found = read_line(text)
            if found:
                lines[i] = found
                fulls[i], noms[i], prenoms[i], mandats[i] = found["nom_complet"], "", "", found["mandat"]
                civs[i] = civs[i] or found.get("civilite", "")
    for i in range(frame.height):
        fulls[i], place_full = _place_after_name(fulls[i])
        noms[i], place_nom = _place_after_name(noms[i])
        readings, invalid = readings_for(noms[i], prenoms[i], fulls[i])
        if withdrawn[i]:
            readings, invalid = [], withdrawn[i]
        if invalid and message_motifs[i]:
            invalid = f"message sans signataire ({message_motifs[i]})"
        elif invalid and motifs[i]:
            invalid = motifs[i]
        mandate_text = mandats[i]
        if communes[i] and fold(communes[i]) not in fold(mandate_text):
            # set apart, so that a delegation before it (« adjointe à la vie associative ») ends there
            mandate_text = f"{mandate_text}, {communes[i]}" if mandate_text.strip() else communes[i]
        said = place_full or place_nom
        if said and fold(said) not in fold(mandate_text):
            mandate_text = f"{mandate_text} ({said})"
        dep = departement_code(deps[i]) or deps[i].strip() if deps[i] else ""
        if dep and dep not in mandate_text:  # « 1 », « 34.0 », « Hérault » → (01), (34), (34)
            mandate_text = f"{mandate_text} ({dep})"
        m = parse_mandate(mandate_text)
        # A feminine noun (« conseillère ») says the signer is a woman; a masculine one says little,
        # since many women write the generic « conseiller municipal ».
        sexe = civility_sex(civs[i]) or civility_sex(noms[i] or fulls[i]) or (m.sexe if m.sexe == "F" else None)
        # « M. MAHU, conseillère municipale »: a bare « M. » before a feminine title is an initial
        if sexe == "M" and m.sexe == "F" and _BARE_M.match(civs[i] or noms[i] or fulls[i]):
            sexe = "F"
        display = " ".join(x for x in (prenoms[i].strip(), noms[i].strip()) if x) or fulls[i].strip()
        sig_rows.append({
            "row": i, "invalid": invalid, "sexe": sexe, "s_kind": m.kind, "s_fonction": m.fonction,
            "place_f": m.place, "dep": m.code_departement, "region": m.code_region,
            "display": display, "mandate_text": mandats[i].strip(), "guessed": guessed[i] or None, "to_confirm": to_confirm[i] or None,
            "claim_missing": claim_required and not mandate_text.strip(),
            # the party column, else a party named in a one-cell signer line (« …, EELV »)
            "parti": partis[i] or lines.get(i, {}).get("parti"),
        })
        for j, r in enumerate(readings):
            reading_rows.append({"row": i, "reading": j, "nom_f": r.nom, "prenom_f": r.prenom,
                                 "penalty": r.penalty, "initials": r.initials})
    sigs = pl.DataFrame(sig_rows, schema={
        "row": pl.Int64, "invalid": pl.String, "sexe": pl.String, "s_kind": pl.String,
        "s_fonction": pl.String, "place_f": pl.String, "dep": pl.String, "region": pl.String,
        "display": pl.String, "mandate_text": pl.String, "guessed": pl.String, "to_confirm": pl.String, "claim_missing": pl.Boolean,
        "parti": pl.String,
    })
    reads = pl.DataFrame(reading_rows, schema={
        "row": pl.Int64, "reading": pl.Int64, "nom_f": pl.String, "prenom_f": pl.String,
        "penalty": pl.Float64, "initials": pl.Boolean,
    })
    return sigs, reads
