"""Signers whose name the rules did not find, found with the registry's help.

Rules propose, the registry decides. First the words: a signing message whose rules found no name
offers every run of words of its own text (`inputs.mail.spans`); the runs that are an official's
full name, joined against every name the registry holds, name the signer — only where a signer's
name stands (alone on its line, before its title, after « Je signe : »), never inside a sentence
about someone else — read with the mandate written next to them; the matcher then checks mandate
and place as for any signer.

Then the address, when the words hold no official's name:

« Bonjour, je signe. Mon mandat : CD 974 » from `s.hoareau@…`, « Le maire de Schmittviller signe »
from `maire@schmittviller.fr`: a person reads the name in the address, or knows who the mayor is.
So does this step, run by `verify` once the registry is loaded: the stated mandate and place (or
the commune of a town-hall address) give the few people who could have written; the address's
local part (« jp.roux », « hdurand », « sirdey.alain ») and the From display name must then name
exactly one of them, surname and first name (or its initial) consistent. A generic address
(« maire@ », « mairie@ ») names nobody: only a mayor, unique in the commune, is taken from it.
The row keeps which spans were used, with a lower confidence, so the review queue shows why.
"""

from __future__ import annotations

import re
from collections import defaultdict

import polars as pl

from ..domain.mandates import parse_mandate
from ..domain.territories import DEP_BY_NAME
from ..domain.text import fold
from ..inputs.mail.model import ExtractStatus, Signer, place_fields
from ..inputs.mail.spans import Span, name_spans, outermost, position, signer_at
from ..registry.view import Registry

CONFIDENCE = 0.6  # a name read from an address: below the review threshold of free-text rules
# The From display name, or the address's local part (« aurelie.banse », « sirdey.alain »), holding
# the whole surname and the whole first name: the identity the signer chose to write from, as good
# as a name in the body once the stated mandate and place agree. Anything less (a surname alone,
# an initial, a town hall's generic address) is only a proposal for review.
# An address of initials and surname (« p.cheron », « jpmartin ») is read as the signer wrote it,
# « P. CHERON »: the matcher weighs initials as initials.
FULL_DISPLAY_NAME = "expediteur_complet"
FULL_ADDRESS_NAME = "adresse_complete"
ADDRESS_INITIALS = "adresse_initiales"
WRITTEN_SPANS = (FULL_DISPLAY_NAME, FULL_ADDRESS_NAME, ADDRESS_INITIALS)
_GENERIC = re.compile(r"^(?:maire|mairie|contact|secretariat|secretaire|accueil|cabinet|info|infos|elus?|groupe|"
                      r"communication|direction|dgs|administration|courrier|noreply|no-reply|newsletter)\b")
_TOWN_HALL = re.compile(r"^(?:mairie|ville|commune|mairiede|villede)[-.]?(?:de[-.])?(?:d-)?")


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[^a-z]+", fold(text)) if t]


def _hints(cell: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in (cell or "").split("; ") if "=" in part)


def _fits(nom_f: str, prenom_f: str, local: str, display: str) -> str | None:
    """Which span names this person (surname in the address or display name, first name or its
    initial consistent with what is left), or None."""
    surname = nom_f.replace(" ", "")
    first = prenom_f.replace(" ", "")
    initials = "".join(w[0] for w in prenom_f.split())
    if not surname or len(surname) < 3:
        return None
    def fits(rest: str) -> bool:
        return rest in ("", first, initials, first[:1]) or (len(rest) > 1 and first.startswith(rest))

    rests = {}
    if surname in (joined := "".join(_tokens(local))):
        rests["adresse"] = joined.replace(surname, "", 1)
    # « Anne-Claude et Marc Guillez »: a couple's display name names each of them
    people = ["".join(_tokens(part)) for part in re.split(r"\s+(?:et|&)\s+", display)]
    shared = people[-1] if len(people) > 1 else ""
    for person in people:
        person = person if surname in person else person + (surname if surname in shared else "")
        if surname in person and ("expediteur" not in rests or fits(person.replace(surname, "", 1))):
            rests["expediteur"] = person.replace(surname, "", 1)
    if not all(fits(r) for r in rests.values()):  # « Monique Dupont <m.dupont@…> » is not Marc DUPONT
        return None
    for origin, rest in rests.items():
        if rest == first and len(first) > 1:  # the signer's own mail identity, whole
            return f"{FULL_DISPLAY_NAME}={display}" if origin == "expediteur" else f"{FULL_ADDRESS_NAME}={local}"
    if rests.get("adresse") and rests["adresse"] in (initials, first[:1]):
        return f"{ADDRESS_INITIALS}={local}"
    if rests:
        origin = next(iter(rests))
        return f"{origin}={local if origin == 'adresse' else display}"
    return None


def _as_written(span: str, prenom: str, nom: str) -> str:
    """The name a span gives: « P. CHERON » for the address p.cheron, the registry's name otherwise."""
    if not span.startswith(ADDRESS_INITIALS):
        return f"{prenom} {nom}"
    letters = [w[0].upper() for w in re.split(r"[\s-]+", prenom) if w]
    rest = "".join(_tokens(span.split("=", 1)[1])).replace("".join(fold(nom).split()), "", 1)
    return f"{'-'.join(letter + '.' for letter in letters[: len(rest)])} {nom}"


def _town_hall_place(domain: str) -> str:
    """The commune a town hall's domain names (« mairie-saint-georges-de-montclard.fr »), folded."""
    name = _TOWN_HALL.sub("", domain.rsplit(".", 1)[0])
    return " ".join(_tokens(name))


WORDS_CONFIDENCE = 0.75  # an official's full name in the writer's words, next to a mandate
WORDS_CONFIDENCE_NO_MANDATE = 0.45


def _name_keys(registry: Registry) -> pl.DataFrame:
    """Every full name the registry holds, folded, first name first and surname first; former
    holders too, so that a former mayor's name is found and then explained, not lost."""
    people = pl.concat([r.persons.select("nom_f", "prenom_f") for r in (registry, registry.former) if r is not None])
    return pl.concat([people.select(pl.concat_str("prenom_f", pl.lit(" "), "nom_f").alias("key")),
                      people.select(pl.concat_str("nom_f", pl.lit(" "), "prenom_f").alias("key"))]).unique()


def _signers_named(lines: list[str], spans: list[Span], stated_mandate: str) -> list[Signer]:
    """The signers a message's official names give, each name once, only where a signer's name stands
    (`spans.position`), with the mandate written next to it when one of its mentions has one. One
    name: the signer, given the mandate the message states elsewhere only when the name stands alone
    on its line (a signature). Several: only those with a mandate of their own (a list of signers)."""
    by_name: dict[str, tuple[Signer, str]] = {}
    for span in outermost(spans):
        where = position(lines, span)
        if not where:
            continue  # a name inside a sentence about someone else
        s = signer_at(lines, span)
        if span.key not in by_name or (s.fields.get("mandat") and not by_name[span.key][0].fields.get("mandat")):
            by_name[span.key] = (s, where)
    found = list(by_name.values())
    if len(found) == 1:
        s, where = found[0]
        if where == "seule":  # a signature line: the mandate the message states is the writer's
            s.set("mandat", stated_mandate, "phrase")
        return [s]
    return [s for s, _ in found if s.fields.get("mandat")]


def _mandate_next_to_name(row: dict, lines: list[str], spans: list[Span]) -> dict:
    """A signer named without a mandate (« paul vidal » read from the sender) whose own full name stands in
    the message with a mandate next to it (« … mon nom paul vidal conseiller régional d'auvergne-rhône-alpes »):
    that mandate. Only the same person's name counts, never another official's."""
    name = sorted(fold(row["nom_complet"]).split())
    for span in outermost(spans):
        if sorted(span.key.split()) != name or not position(lines, span):
            continue
        s = signer_at(lines, span)
        if s.fields.get("mandat"):
            place_fields(s, "mandat")
            return row | {role: s.fields.get(role, "") for role in ("mandat", "commune", "departement")} | {
                "extraction_regles": f"{row['extraction_regles']}; mandat=registre (à côté du nom, trouvé dans le RNE)"}
    return row


def names_in_words(frame: pl.DataFrame, registry: Registry, words: list[str] | None) -> pl.DataFrame:
    """Rows of signing messages without a signer's name replaced by the signers an official's full
    name in their words gives (one row each, `nom_complet=registre`); a lone signer without a mandate
    given the one written next to their name; every other row unchanged. `words`: each row's
    message words ("" for rows with nothing to look for)."""
    if not words:
        return frame
    found: dict[int, list[Span]] = defaultdict(list)
    lines_of = {row_id: text.split("\n") for row_id, text in enumerate(words) if text}
    candidates = [(row_id, s.line, s.start, s.end, s.key) for row_id, lines in lines_of.items() for s in name_spans(lines)]
    if candidates:
        spans = pl.DataFrame(candidates, schema={"_row": pl.UInt32, "line": pl.Int64, "start": pl.Int64,
                                                 "end": pl.Int64, "key": pl.String}, orient="row")
        for row_id, line, start, end, key in spans.join(registry.derived("noms_complets", _name_keys), on="key",
                                                        how="semi").iter_rows():
            found[row_id].append(Span(line, start, end, key))
    if not found:
        return frame
    out = []
    for row_id, row in enumerate(frame.iter_rows(named=True)):
        if row_id in found and row["nom_complet"]:
            out.append(_mandate_next_to_name(row, lines_of[row_id], found[row_id]))
            continue
        signers = _signers_named(lines_of[row_id], found[row_id], row["mandat"] or "") if row_id in found else []
        if not signers:
            out.append(row)
            continue
        for k, s in enumerate(signers, 1):
            place_fields(s, "mandat")
            rules = "; ".join(f"{role}={rule}" for role, rule in s.rules.items())
            out.append(row | {role: s.fields.get(role, "") for role in ("civilite", "nom_complet", "mandat", "commune",
                                                                         "departement")} | {
                "signataire_no": k, "extraction_statut": ExtractStatus.SIGNER.value, "extraction_raison": "",
                "extraction_confidence": WORDS_CONFIDENCE if s.fields.get("mandat") else WORDS_CONFIDENCE_NO_MANDATE,
                "extraction_regles": f"{rules} (nom d'élu·e du RNE trouvé dans le message)"})
    return pl.DataFrame(out, schema=frame.schema, orient="row")


def complete_from_registry(frame: pl.DataFrame, registry: Registry, words: list[str] | None = None) -> pl.DataFrame:
    """Rows of signing messages without a name (`signataire_sans_nom`) completed with the
    officials their words name, else with the one registry person their address and mandate
    point to; every other row unchanged."""
    frame = names_in_words(frame, registry, words)
    if "extraction_statut" not in frame.columns:
        return frame
    todo = frame.with_row_index("_row").filter(pl.col("extraction_statut") == ExtractStatus.NAMELESS)
    if todo.is_empty():
        return frame
    wanted = []
    for row in todo.iter_rows(named=True):
        m = parse_mandate(row["mandat"] or "")
        hints = _hints(row["extraction_indices"])
        place = m.place or ""
        # Only a town hall's own domain names its commune: « secretariat@orange.fr » is a webmail.
        if not place and _TOWN_HALL.match(hints.get("domaine", "")) and _GENERIC.match(hints.get("adresse", "")):
            place = _town_hall_place(hints["domaine"])
        local, display = hints.get("adresse", ""), hints.get("expediteur", "")
        wanted.append({"_row": row["_row"], "place_f": place, "dep": m.code_departement or "", "kind": m.kind or "",
                       "fonction": m.fonction or "", "local": local, "display": display,
                       "_local_j": "".join(_tokens(local)), "_display_j": "".join(_tokens(display))})
    if not wanted:
        return frame
    w = pl.DataFrame(wanted)
    mandates = registry.mandates.select("person_id", "kind", "fonction_f", "code_departement", "commune_f",
                                        "territoire_f")
    by_place = pl.concat([
        w.filter(pl.col("place_f") != "").join(mandates, left_on="place_f", right_on=key, how="inner")
        for key in ("commune_f", "territoire_f")], how="diagonal_relaxed")
    # « conseiller départemental d'Ille-et-Vilaine »: a place that names the département is no commune
    by_dep = w.filter((pl.col("dep") != "") & ((pl.col("place_f") == "") | pl.col("place_f").is_in(list(DEP_BY_NAME))
                                               | pl.col("kind").is_in(["cd", "cr"]))).join(
        mandates, left_on="dep", right_on="code_departement", how="inner")
    cands = pl.concat([by_place, by_dep], how="diagonal_relaxed").filter(
        (pl.col("kind") == "") | (pl.col("kind") == pl.col("kind_right")) |
        ((pl.col("fonction") == "maire") & pl.col("fonction_f").str.starts_with("maire")))
    cands = cands.join(registry.persons.select("person_id", "nom", "prenom", "nom_f", "prenom_f"), on="person_id")
    # Only candidates whose surname stands in the address or display name (or the mayors, for a
    # generic town-hall address) go on to `_fits`: a département holds tens of thousands of
    # mandates, and this is a join, not a Python pass over them.
    surname = pl.col("nom_f").str.replace_all(r"[^a-z]+", "")
    named = (surname.str.len_chars() >= 3) & (pl.col("_local_j").str.contains(surname, literal=True)
                                              | pl.col("_display_j").str.contains(surname, literal=True))
    generic_mayor = (pl.col("fonction") == "maire") & pl.col("fonction_f").str.starts_with("maire")
    cands = cands.filter(named | generic_mayor).drop("_local_j", "_display_j")
    # Sorted so that the kept row of a person (and so the mayor rule) is the same on every run.
    cands = cands.sort("_row", "person_id", "kind_right").unique(["_row", "person_id"], keep="first", maintain_order=True)
    found: dict[int, tuple[str, str, str]] = {}
    for (row_id,), group in cands.group_by(["_row"]):
        fits = []
        for c in group.iter_rows(named=True):
            span = _fits(c["nom_f"], c["prenom_f"], c["local"], c["display"])
            if span:
                fits.append((c, span))
        if not fits and group["fonction"][0] == "maire" and _GENERIC.match(group["local"][0] or ""):
            mayors = group.filter(pl.col("fonction_f").str.starts_with("maire"))
            if mayors["person_id"].n_unique() == 1:
                fits = [(mayors.row(0, named=True), f"adresse={group['local'][0]}: maire de la commune")]
        if len({c["person_id"] for c, _ in fits}) == 1:
            c, span = fits[0]
            found[row_id] = (_as_written(span, c["prenom"], c["nom"]), span, c["nom"])
    if not found:
        return frame
    rows = frame.with_row_index("_row")
    fill = pl.DataFrame({"_row": list(found), "_name": [v[0] for v in found.values()],
                         "_span": [v[1] for v in found.values()]}, schema={"_row": pl.UInt32, "_name": pl.String,
                                                                           "_span": pl.String})
    hit = pl.col("_name").is_not_null()
    return rows.join(fill, on="_row", how="left").with_columns(
        pl.when(hit).then(pl.col("_name")).otherwise(pl.col("nom_complet")).alias("nom_complet"),
        pl.when(hit).then(pl.lit(ExtractStatus.SIGNER.value)).otherwise(pl.col("extraction_statut"))
        .alias("extraction_statut"),
        pl.when(hit).then(pl.lit(CONFIDENCE)).otherwise(pl.col("extraction_confidence")).alias("extraction_confidence"),
        pl.when(hit).then(pl.concat_str(pl.col("extraction_regles"), pl.lit("; nom_complet=registre ("),
                                        pl.col("_span"), pl.lit(")"))).otherwise(pl.col("extraction_regles"))
        .alias("extraction_regles"),
        pl.when(hit).then(pl.lit("")).otherwise(pl.col("extraction_raison")).alias("extraction_raison"),
        # The signer never wrote this name: the matcher may name the person, never verify them.
        pl.when(hit & ~pl.any_horizontal(pl.col("_span").str.starts_with(p) for p in WRITTEN_SPANS)).then(pl.col("_span"))
        .otherwise(pl.col("nom_deduit")).alias("nom_deduit"),
    ).sort("_row").drop("_row", "_name", "_span")
