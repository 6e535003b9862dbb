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
from ..domain.territories import DEPARTEMENTS, OLD_REGIONS, REGIONS
from ..domain.text import fold_expr
from ..registry.view import Registry

# For each stated kind, the kinds of place it is looked up as, in order of preference.
_PREFERENCE: dict[str | None, tuple[str, ...]] = {
    **{code: spec.places for code, spec in KINDS.items() if spec.places},
    None: ("commune", "canton", "epci", "departement", "region", "collectivite"),  # no kind stated
}
RESOLVED_COLUMNS = ["lieu_type", "lieu_code", "lieu", "lieu_departement", "lieu_note"]


def _key(expr: pl.Expr) -> pl.Expr:
    """Folded name without a leading article: « L'Abergement-Clémenciat » ~ « Abergement-Clémenciat »."""
    return expr.str.replace(r"^(le|la|les|l) ", "").str.replace_all(r"\bst\b", "saint").str.replace_all(
        r"\bste\b", "sainte")


def referential(reg: Registry) -> pl.DataFrame:
    """Every named place of the loaded registry and of the COG lists, with its code; built once."""
    return reg.derived("places", _build_referential)


def _build_referential(reg: Registry) -> pl.DataFrame:
    m = reg.mandates
    schema = {"lieu_type": pl.String, "lieu_code": pl.String, "lieu": pl.String, "lieu_dep": pl.String,
              "name": pl.String}

    def part(kind: str, frame: pl.DataFrame, code: pl.Expr, name: pl.Expr, label: pl.Expr) -> pl.DataFrame:
        return frame.select(pl.lit(kind).alias("lieu_type"), code.alias("lieu_code"), label.alias("lieu"),
                            pl.col("code_departement").alias("lieu_dep"), name.alias("name")).drop_nulls(
            ["lieu_code", "name"]).unique(["lieu_type", "lieu_code", "name"])

    dep_label = pl.col("code_departement").fill_null("?")
    parts = [
        part("commune", m, pl.col("code_commune"), pl.col("libelle_commune"),
             pl.col("libelle_commune") + pl.lit(" (") + dep_label + pl.lit(")")),
        part("canton", m.filter(pl.col("kind") == "cd"), pl.col("code_departement") + pl.lit(":") + pl.col("libelle_canton"),
             pl.col("libelle_canton"), pl.col("territoire")),
        part("epci", m, pl.col("libelle_epci"), pl.col("libelle_epci"), pl.col("libelle_epci")),
        part("collectivite", m, pl.col("code_collectivite"), pl.col("libelle_collectivite"),
             pl.col("libelle_collectivite")),
        pl.DataFrame([("departement", code, f"{name} ({code})", code, name) for code, (name, _) in DEPARTEMENTS.items()],
                     schema=schema, orient="row"),
        pl.DataFrame([("region", code, name, None, name) for code, name in REGIONS.items()]
                     + [("region", code, REGIONS[code], None, old) for old, code in OLD_REGIONS.items()],
                     schema=schema, orient="row"),
    ]
    ref = pl.concat([p.select(list(schema)) for p in parts]).with_columns(
        _key(fold_expr(pl.col("name"))).alias("key")).drop("name").unique()
    return ref


def resolve_places(sigs: pl.DataFrame, reg: Registry) -> pl.DataFrame:
    """One row per signature: `lieu_type`, `lieu_code`, `lieu` (label), `lieu_departement`
    (when the place lies in one), `lieu_note` (why it is not resolved)."""
    ref = referential(reg)
    # Sectors and arrondissements lose their numbers in folded text: « Paris 11e secteur » is
    # resolved to its commune, Paris, which is what can be told for sure.
    sector_words = r"\b(e|eme|er|ere|secteur|secteurs|arrondissement|arrondissements|arr)\b"
    stated = sigs.filter(pl.col("place_f") != "").select(
        "row", "s_kind", "dep",
        _key(pl.col("place_f")).str.replace_all(sector_words, " ").str.replace_all(r"\s+", " ")
        .str.strip_chars().alias("key"))
    pref = pl.DataFrame([(k, t, i) for k, types in _PREFERENCE.items() for i, t in enumerate(types)],
                        schema={"s_kind": pl.String, "lieu_type": pl.String, "rank": pl.Int64}, orient="row")
    cand = stated.join(ref, on="key").join(pref, on=["s_kind", "lieu_type"], how="inner", nulls_equal=True)
    # The stated département settles homonyms; a contradicting one is ignored rather than fatal.
    cand = cand.with_columns(
        (pl.col("dep").is_not_null() & (pl.col("lieu_dep") == pl.col("dep"))).alias("dep_ok"))
    cand = cand.filter(pl.col("dep_ok") | ~pl.col("dep_ok").any().over("row"))
    cand = cand.filter(pl.col("rank") == pl.col("rank").min().over("row"))
    per_row = cand.group_by("row").agg(
        pl.col("lieu_type").first(), pl.col("lieu_code").unique().sort().alias("codes"),
        pl.col("lieu").unique().sort().alias("labels"), pl.col("lieu_dep").unique().alias("deps"))
    resolved = per_row.select(
        "row", "lieu_type",
        pl.when(pl.col("codes").list.len() == 1).then(pl.col("codes").list.first()).alias("lieu_code"),
        pl.when(pl.col("codes").list.len() == 1).then(pl.col("labels").list.first()).alias("lieu"),
        # Homonyms may still share a département (« Saint-Martin (32) » twice): then it is known.
        pl.when(pl.col("deps").list.drop_nulls().list.len() == 1).then(pl.col("deps").list.drop_nulls().list.first())
        .alias("lieu_departement"),
        pl.when(pl.col("codes").list.len() > 1).then(
            pl.col("codes").list.len().cast(pl.String) + pl.lit(" lieux homonymes, précisez le département : ")
            + pl.col("labels").list.head(5).list.join(", ")).alias("lieu_note"),
    )
    out = sigs.select("row", "place_f", "region").join(resolved, on="row", how="left")
    # A région named without an exact match above (« Région Occitanie »): the mandate parser found it.
    region_only = pl.col("lieu_type").is_null() & pl.col("region").is_not_null()
    return out.with_columns(
        pl.when(region_only).then(pl.lit("region")).otherwise(pl.col("lieu_type")).alias("lieu_type"),
        pl.when(region_only).then(pl.col("region")).otherwise(pl.col("lieu_code")).alias("lieu_code"),
        pl.when(region_only).then(pl.col("region").replace_strict(REGIONS, default=None))
        .otherwise(pl.col("lieu")).alias("lieu"),
    ).with_columns(
        pl.when(pl.col("lieu_type").is_null() & (pl.col("place_f") != ""))
        .then(pl.lit("lieu introuvable dans le RNE chargé : « ") + pl.col("place_f") + pl.lit(" »"))
        .otherwise(pl.col("lieu_note")).alias("lieu_note"),
    ).sort("row").select("row", *RESOLVED_COLUMNS)
