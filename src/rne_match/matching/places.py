"""Resolve the place a signer states (« adjointe au maire de Saint-Jean-de-Védas (34) ») to a code.

The matcher compares stated places with each candidate's mandates as text; reviewers and analysts
also want to know which commune, canton, sector, département or région the signer meant, even for
someone the RNE does not list. A commune name shared by several communes (there are dozens of
Saint-Martin) is resolved only when the stated département tells them apart; otherwise the output
says which homonyms there are rather than guessing.
"""

from __future__ import annotations

import polars as pl

from ..domain.kinds import KINDS
from ..domain.territories import (
    OLD_REGIONS,
    REGIONAL_COMMUNE_NAMES,
    cog,
    commune_of,
    same_departement_keys,
)
from ..domain.text import fold_expr
from ..registry.view import Registry

# Places that are a commune or part of one: a stated « commune » is looked up among all of them.
COMMUNE_FAMILY = ("commune", "commune_deleguee", "commune_associee")
# For each stated kind, the kinds of place it is looked up as, in order of preference.
_PREFERENCE: dict[str | None, tuple[str, ...]] = {
    **{code: spec.places for code, spec in KINDS.items() if spec.places},
    None: ("commune", "canton", "epci", "departement", "region", "collectivite"),  # no kind stated
}
RESOLVED_COLUMNS = ["lieu_type", "lieu_code", "lieu", "lieu_departement", "lieu_note"]
_SCHEMA = {"lieu_type": pl.String, "lieu_code": pl.String, "lieu": pl.String, "lieu_dep": pl.String,
           "commune": pl.String, "note": pl.String, "name": pl.String}
# Words that name the kind of an EPCI, not the EPCI: « CC du Pays de Gex » is « pays de gex ».
_EPCI_WORDS = (r"^(?:(?:cc|ca|cu|communaute|communautes|de|des|du|d|la|le|les|l|communes|commune|"
               r"agglomeration|urbaine|metropole|syndicat|intercommunal|intercommunale|"
               r"etablissement|public|territorial|ept)\s+)+")


def _key(expr: pl.Expr) -> pl.Expr:
    """Folded name without an article: « L'Abergement-Clémenciat » ~ « Abergement-Clémenciat »,
    « Moussières (Les) » (older RNE releases) ~ « Les Moussières »."""
    return expr.str.replace(r"^(le|la|les|l) ", "").str.replace(r" (le|la|les|l)$", "").str.replace_all(
        r"\bst\b", "saint").str.replace_all(r"\bste\b", "sainte").str.replace_all(r"\bs\b", "sur")


def _epci_key(expr: pl.Expr) -> pl.Expr:
    return expr.str.replace(_EPCI_WORDS, "")


def referential(reg: Registry) -> pl.DataFrame:
    """Every named place of the COG and of the loaded registry, with its code; built once."""
    return reg.derived("places", _build_referential)


def _build_referential(reg: Registry) -> pl.DataFrame:
    """One row per (place, name): `lieu_type`, `lieu_code`, `lieu` (label), `lieu_dep`,
    `commune` (the current commune a commune-like place belongs to) and the lookup `key`.

    Communes come from the COG (current ones, communes déléguées and associées under their own
    names) and from the registry, whose release may carry an older name (the 2019 RNE's
    « Cléry-Petit » is today's « Cléry-le-Petit ») or an old code: both lead to the current commune
    by its code.
    Arrondissements municipaux are not looked up by name (their numbers do not survive folding):
    « Paris 11e » resolves to Paris.
    """
    # A hand-made registry may lack the columns of kinds it does not hold.
    m = reg.mandates.with_columns(pl.lit(None, pl.String).alias(col) for col in (
        "libelle_canton", "libelle_epci", "code_collectivite", "libelle_collectivite", "territoire")
        if col not in reg.mandates.columns)
    c = cog()
    up = commune_of()

    def part(kind: str | pl.Expr, frame: pl.DataFrame, code: pl.Expr, name: pl.Expr, label: pl.Expr,
             dep: pl.Expr | None = None, commune: pl.Expr | None = None, note: pl.Expr | None = None) -> pl.DataFrame:
        none = pl.lit(None, pl.String)
        return frame.select((pl.lit(kind) if isinstance(kind, str) else kind).alias("lieu_type"),
                            code.alias("lieu_code"), label.alias("lieu"),
                            (dep if dep is not None else pl.col("code_departement")).alias("lieu_dep"),
                            (commune if commune is not None else none).alias("commune"),
                            (note if note is not None else none).alias("note"), name.alias("name")).drop_nulls(["lieu_code", "name"]).unique(
            ["lieu_type", "lieu_code", "name"])

    dep_label = pl.lit(" (") + pl.col("departement").fill_null("?") + pl.lit(")")
    cog_communes = c.filter(pl.col("type").is_in(COMMUNE_FAMILY))
    current = c.filter(pl.col("type") == "commune").select(
        pl.col("code").alias("commune"), pl.col("nom").alias("cur_nom"), pl.col("departement").alias("cur_dep"))
    cog_communes = cog_communes.join(current.select("commune", "cur_nom"), on="commune", how="left")
    parent = pl.col("cur_nom") + pl.lit(" (") + pl.col("commune") + pl.lit(")")
    # The registry's communes under the current code and name; unknown codes stay as they are.
    reg_communes = m.filter(pl.col("code_commune").is_not_null()).select(
        "code_commune", "libelle_commune", "code_departement").unique().join(
        up.select(pl.col("code").alias("code_commune"), "commune"), on="code_commune", how="left").with_columns(
        pl.col("commune").fill_null(pl.col("code_commune"))).join(current, on="commune", how="left")
    reg_epci = m.filter(pl.col("libelle_epci").is_not_null()).select("libelle_epci", "code_departement").unique()
    cog_epci = c.filter(pl.col("type") == "epci")
    cog_deps = c.filter(pl.col("type") == "departement")
    cog_regions = c.filter(pl.col("type") == "region")
    old_regions = pl.DataFrame({"name": list(OLD_REGIONS), "code": list(OLD_REGIONS.values())}).join(
        cog_regions.select("code", "nom"), on="code")
    regional_names = pl.DataFrame({"name": list(REGIONAL_COMMUNE_NAMES),
                                   "nom": [n for n, _ in REGIONAL_COMMUNE_NAMES.values()],
                                   "departement": [d for _, d in REGIONAL_COMMUNE_NAMES.values()]}).join(
        c.filter(pl.col("type") == "commune").select("code", "nom", "departement"), on=["nom", "departement"])
    # COG first: where the registry gives the same name for the same commune, the COG's entry
    # (which says whether it is a commune déléguée) is the one kept.
    parts = [
        part(pl.col("type"), cog_communes, pl.col("code"), pl.col("nom"), pl.col("nom") + dep_label,
             pl.col("departement"), pl.col("commune"),
             pl.when(pl.col("type") == "commune_deleguee").then(pl.lit("commune déléguée de ") + parent)
             .when(pl.col("type") == "commune_associee").then(pl.lit("commune associée à ") + parent)),
        part("commune", reg_communes, pl.col("commune"), pl.col("libelle_commune"),
             pl.coalesce("cur_nom", "libelle_commune") + pl.lit(" (")
             + pl.coalesce("cur_dep", "code_departement").fill_null("?") + pl.lit(")"),
             pl.coalesce("cur_dep", "code_departement"), pl.col("commune"),
             # The release's name of a commune since renamed or merged, said rather than silently changed.
             pl.when(_key(fold_expr(pl.col("libelle_commune"))) != _key(fold_expr(pl.col("cur_nom"))))
             .then(pl.lit("« ") + pl.col("libelle_commune") + pl.lit(" » dans le RNE, aujourd'hui ") + parent)),
        part("commune", regional_names, pl.col("code"), pl.col("name"), pl.col("nom") + dep_label,
             pl.col("departement"), pl.col("code"), pl.lit("nom en langue régionale de ") + pl.col("nom")),
        part("canton", m.filter(pl.col("kind") == "cd"), pl.col("code_departement") + pl.lit(":") + pl.col("libelle_canton"),
             pl.col("libelle_canton"), pl.col("territoire")),
        part("epci", cog_epci, pl.col("code"), pl.col("nom"), pl.col("nom"), pl.col("departement")),
        part("epci", reg_epci, pl.col("libelle_epci"), pl.col("libelle_epci"), pl.col("libelle_epci")),
        part("collectivite", m, pl.col("code_collectivite"), pl.col("libelle_collectivite"),
             pl.col("libelle_collectivite")),
        part("departement", cog_deps, pl.col("code"), pl.col("nom"), pl.col("nom") + dep_label, pl.col("code")),
        part("region", cog_regions, pl.col("code"), pl.col("nom"), pl.col("nom"), pl.lit(None, pl.String)),
        part("region", old_regions, pl.col("code"), pl.col("name"), pl.col("nom"), pl.lit(None, pl.String)),
    ]
    ref = pl.concat([p.select(list(_SCHEMA)) for p in parts])
    folded = _key(fold_expr(pl.col("name")))
    ref = ref.with_columns(pl.when(pl.col("lieu_type") == "epci").then(_epci_key(folded)).otherwise(folded)
                           .alias("key")).drop("name").filter(pl.col("key") != "")
    # A registry name already given by the COG for the same commune adds nothing; of a commune and its
    # homonymous commune déléguée (Vouziers), the commune — always the same one, whatever the parts' order.
    return ref.with_columns(pl.coalesce("commune", "lieu_code").alias("unit")).with_row_index("_order").sort(
        "key", "unit", pl.col("lieu_type") != "commune", "_order").unique(
        ["key", "unit"], keep="first", maintain_order=True).drop("_order")


def _matches(sigs: pl.DataFrame, reg: Registry) -> pl.DataFrame:
    """The referential entries each stated place names, of the preferred kind of place for the
    stated mandate (a commune for « maire », a canton before a département for a departmental
    councillor), narrowed to the stated département when one of them lies in it.

    `exact_dep` says the département settled it (or none was stated): a place found only in
    another département may be a typo of a commune in the stated one, so it is not held against
    a candidate (see `stated_communes`)."""
    ref = referential(reg)
    # Sectors and arrondissements lose their numbers in folded text: « Paris 11e secteur » is
    # resolved to its commune, Paris, which is what can be told for sure.
    sector_words = r"\b(e|eme|er|ere|secteur|secteurs|arrondissement|arrondissements|arr)\b"
    key = _key(pl.col("place_f")).str.replace_all(sector_words, " ").str.replace_all(r"\s+", " ").str.strip_chars()
    stated = sigs.filter(pl.col("place_f") != "").select("row", "s_kind", "dep", key.alias("key"))
    # An EPCI is looked up without the words that say what kind of EPCI it is, anything else as written.
    stated = pl.concat([stated.with_columns(pl.lit(False).alias("epci")),
                        stated.with_columns(_epci_key(pl.col("key")), pl.lit(True).alias("epci"))])
    pref = pl.DataFrame([(k, t, i) for k, types in _PREFERENCE.items() for i, place in enumerate(types)
                         for t in (COMMUNE_FAMILY if place == "commune" else (place,))],
                        schema={"s_kind": pl.String, "lieu_type": pl.String, "rank": pl.Int64}, orient="row")
    cand = stated.join(ref, on="key").filter(pl.col("epci") == (pl.col("lieu_type") == "epci")).join(
        pref, on=["s_kind", "lieu_type"], how="inner", nulls_equal=True)
    # The stated département settles homonyms (Rhône holds 69M and 69D); a contradicting one is
    # ignored rather than fatal.
    cand = cand.with_columns(pl.concat_str("dep", "lieu_dep", separator="|").is_in(same_departement_keys())
                             .fill_null(False).alias("dep_ok"))
    cand = cand.with_columns((pl.col("dep").is_null() | pl.col("dep_ok").any().over("row")).alias("exact_dep"))
    cand = cand.filter(pl.col("dep_ok") | ~pl.col("exact_dep") | pl.col("dep").is_null())
    cand = cand.filter(pl.col("rank") == pl.col("rank").min().over("row"))
    # One entry per place: a current commune before the déléguée or registry name that is it.
    return cand.sort("row", pl.col("lieu_type") != "commune", "lieu_code", maintain_order=True).unique(
        ["row", "unit"], keep="first", maintain_order=True)


def stated_communes(sigs: pl.DataFrame, reg: Registry) -> pl.DataFrame:
    """(row, s_commune, s_epci, s_exact): the current communes (or EPCI) a stated place names.

    The matcher compares these codes with the candidate's mandate through the hierarchy: a
    stated commune déléguée is its commune nouvelle, a registry's old name or code is today's
    commune, a mandate of an arrondissement municipal is one of its city. `s_exact` is false when
    the stated département holds none of them."""
    cand = _matches(sigs, reg)
    return cand.filter(pl.col("commune").is_not_null() | (pl.col("lieu_type") == "epci")).select(
        "row", pl.col("commune").alias("s_commune"),
        pl.when(pl.col("lieu_type") == "epci").then(pl.col("lieu_code")).alias("s_epci"),
        pl.col("exact_dep").alias("s_exact"))


def resolve_places(sigs: pl.DataFrame, reg: Registry) -> pl.DataFrame:
    """One row per signature: `lieu_type`, `lieu_code`, `lieu` (label), `lieu_departement`
    (when the place lies in one), `lieu_note` (what a commune déléguée belongs to; homonyms;
    why a place is not resolved)."""
    cand = _matches(sigs, reg)
    per_row = cand.group_by("row").agg(
        pl.col("lieu_type").first(), pl.col("lieu_code").first().alias("code"),
        pl.col("lieu").first().alias("label"), pl.col("note").first(), pl.len().alias("n"),
        pl.col("lieu").unique().sort().alias("labels"), pl.col("lieu_dep").unique().alias("deps"))
    one = pl.col("n") == 1
    resolved = per_row.select(
        "row", pl.when(one).then(pl.col("lieu_type")).otherwise(pl.col("lieu_type").replace(
            dict.fromkeys(COMMUNE_FAMILY, "commune"))).alias("lieu_type"),
        pl.when(one).then(pl.col("code")).alias("lieu_code"),
        pl.when(one).then(pl.col("label")).alias("lieu"),
        # Homonyms may still share a département (« Saint-Martin (32) » twice): then it is known.
        pl.when(pl.col("deps").list.drop_nulls().list.len() == 1).then(pl.col("deps").list.drop_nulls().list.first())
        .alias("lieu_departement"),
        pl.when(~one).then(
            pl.col("n").cast(pl.String) + pl.lit(" lieux homonymes, précisez le département : ")
            + pl.col("labels").list.head(5).list.join(", "))
        .otherwise(pl.col("note")).alias("lieu_note"),
    )
    out = sigs.select("row", "place_f", "region").join(resolved, on="row", how="left")
    # A région named without an exact match above (« Région Occitanie »): the mandate parser found it.
    region_only = pl.col("lieu_type").is_null() & pl.col("region").is_not_null()
    region_names = dict(cog().filter(pl.col("type") == "region").select("code", "nom").iter_rows())
    return out.with_columns(
        pl.when(region_only).then(pl.lit("region")).otherwise(pl.col("lieu_type")).alias("lieu_type"),
        pl.when(region_only).then(pl.col("region")).otherwise(pl.col("lieu_code")).alias("lieu_code"),
        pl.when(region_only).then(pl.col("region").replace_strict(region_names, default=None))
        .otherwise(pl.col("lieu")).alias("lieu"),
    ).with_columns(
        pl.when(pl.col("lieu_type").is_null() & (pl.col("place_f") != ""))
        .then(pl.lit("lieu introuvable dans le RNE chargé ni dans le COG : « ") + pl.col("place_f") + pl.lit(" »"))
        .otherwise(pl.col("lieu_note")).alias("lieu_note"),
    ).sort("row").select("row", *RESOLVED_COLUMNS)
