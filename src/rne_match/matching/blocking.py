"""Blocking: the candidate (signature reading, registry person) pairs worth comparing.

A union of a few cheap rules keeps pairs small even for MARTIN or DUBOIS; the registry side of
each rule is built once per registry and cached on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from ..domain.kinds import KINDS
from ..domain.text import PARTICLES, skeleton_expr, strip_particles_expr
from ..registry.view import Registry

_HOLDERS_BLOCKING = [k for k, spec in KINDS.items() if spec.holders_blocking]
_HOLDERS_NATIONALLY = [k for k, spec in KINDS.items() if spec.holders_blocking == "national"]


def _tokens_expr(col: str) -> pl.Expr:
    particles = list(PARTICLES)
    return (
        pl.col(col).str.split(" ")
        .list.eval(pl.element().filter((pl.element().str.len_chars() >= 2) & ~pl.element().is_in(particles)))
    )


def _persons_keys(reg: Registry) -> pl.DataFrame:
    return reg.persons.select("person_id", "nom_f", "prenom_f", "nom_np", "nom_skel", "prenom_initial")


def _with_initial(frame: pl.DataFrame, reg: Registry) -> pl.DataFrame:
    return frame.join(reg.persons.select("person_id", pl.col("prenom_initial").alias("p_initial")), on="person_id")


# Registry side of each blocking rule, built once per load (see Registry.derived).
_TABLES = {
    "blocking_tok": lambda reg: _persons_keys(reg).select(
        "person_id", "prenom_initial", _tokens_expr("nom_f").alias("tok")).explode("tok").drop_nulls("tok"),
    "blocking_skel": lambda reg: _persons_keys(reg).select("person_id", "nom_skel", "prenom_initial"),
    "blocking_n2": lambda reg: _persons_keys(reg).select(
        "person_id", "prenom_f", pl.col("nom_np").str.slice(0, 2).alias("n2")),
    "blocking_at_commune": lambda reg: _with_initial(
        reg.mandates.select("person_id", "commune_f").drop_nulls().unique(), reg),
    "blocking_holders": lambda reg: _with_initial(
        reg.mandates.select("person_id", "kind", "code_departement", "code_region").unique(), reg),
}


def blocking_tables(reg: Registry) -> dict[str, pl.DataFrame]:
    t = {name.removeprefix("blocking_"): reg.derived(name, build) for name, build in _TABLES.items()}
    t["communes"] = t["at_commune"].select(pl.col("commune_f").unique())
    return t


KEYS = ["row", "reading", "person_id"]


def _same_word(r: pl.DataFrame, t: dict, sigs: pl.DataFrame) -> pl.DataFrame:
    r_tok = r.select("row", "reading", "prenom_initial", _tokens_expr("nom_f").alias("tok")).explode("tok")
    return r_tok.drop_nulls("tok").join(t["tok"], on=["tok", "prenom_initial"])


def _same_skeleton(r: pl.DataFrame, t: dict, sigs: pl.DataFrame) -> pl.DataFrame:
    return r.filter(pl.col("nom_skel").str.len_chars() >= 3).join(t["skel"], on=["nom_skel", "prenom_initial"])


def _first_name_two_letters(r: pl.DataFrame, t: dict, sigs: pl.DataFrame) -> pl.DataFrame:
    # Only for signers who name no known commune: for the others `conseil_de_la_commune` finds
    # them at less cost.
    in_commune = sigs.join(t["communes"], left_on="place_f", right_on="commune_f", how="semi").select("row")
    return r.filter(pl.col("prenom_f").str.len_chars() >= 3).join(in_commune, on="row", how="anti").with_columns(
        pl.col("nom_np").str.slice(0, 2).alias("n2")).join(t["n2"], on=["prenom_f", "n2"])


def _council_of_the_commune(r: pl.DataFrame, t: dict, sigs: pl.DataFrame) -> pl.DataFrame:
    places = sigs.filter(pl.col("place_f") != "").select("row", pl.col("place_f").alias("commune_f"))
    return places.join(t["at_commune"], on="commune_f").join(
        r.select("row", "reading", "prenom_initial"), on="row"
    ).filter((pl.col("prenom_initial") == pl.col("p_initial")) | (pl.col("prenom_initial") == ""))


def _holders_of_the_claim(r: pl.DataFrame, t: dict, sigs: pl.DataFrame) -> pl.DataFrame:
    claims = sigs.filter(pl.col("s_kind").is_in(_HOLDERS_BLOCKING)).select(
        "row", pl.col("s_kind").alias("kind"), pl.col("dep").alias("code_departement"),
        pl.col("region").alias("code_region"))
    by_dep = claims.filter(pl.col("code_departement").is_not_null()).join(
        t["holders"], on=["kind", "code_departement"])
    by_region = claims.filter(pl.col("code_departement").is_null() & pl.col("code_region").is_not_null()).join(
        t["holders"].drop("code_departement"), on=["kind", "code_region"])
    by_kind = claims.filter(pl.col("code_departement").is_null() & pl.col("code_region").is_null()
                            & pl.col("kind").is_in(_HOLDERS_NATIONALLY)).join(
        t["holders"].drop("code_departement", "code_region"), on="kind")
    return pl.concat([b.select("row", "person_id", "p_initial") for b in (by_dep, by_region, by_kind)]).join(
        r.select("row", "reading", "prenom_initial"), on="row").filter(pl.col("prenom_initial") == pl.col("p_initial"))


@dataclass(frozen=True)
class BlockingRule:
    """A named way of proposing candidate persons for a signature reading, as in Splink.

    Every pair records the first rule (in `RULES` order) that proposed it, so a decision can say
    how its person was found."""

    name: str
    why: str
    pairs: Callable[[pl.DataFrame, dict, pl.DataFrame], pl.DataFrame]


RULES: tuple[BlockingRule, ...] = (
    BlockingRule("mot_du_nom", "a surname word in common and the same first-name initial", _same_word),
    BlockingRule("squelette_du_nom", "the same consonant skeleton of the surname and first-name initial (typos)",
                 _same_skeleton),
    BlockingRule("prenom_et_2_lettres", "the same first name and first two letters of the surname (surnames "
                 "mangled further)", _first_name_two_letters),
    BlockingRule("conseil_de_la_commune", "the same initial (or none) among those holding a mandate in the "
                 "stated commune: a council is a few dozen people; catches « GrLA », « M. »",
                 _council_of_the_commune),
    BlockingRule("titulaires_du_mandat", "the same initial among the holders of the claimed mandate in the "
                 "stated département or région, or nationally for the small assemblies", _holders_of_the_claim),
)


def candidate_pairs(reads: pl.DataFrame, reg: Registry, sigs: pl.DataFrame) -> pl.DataFrame:
    """Union of the blocking rules (each keeps pairs small even for MARTIN or DUBOIS): one row per
    (row, reading, person_id) with the `rule` that first proposed it."""
    t = blocking_tables(reg)
    r = reads.with_columns(
        strip_particles_expr(pl.col("nom_f")).alias("nom_np"),
        pl.col("prenom_f").str.slice(0, 1).alias("prenom_initial"),
    ).with_columns(skeleton_expr(pl.col("nom_np")).alias("nom_skel"))
    blocks = [rule.pairs(r, t, sigs).select(*KEYS, pl.lit(i, dtype=pl.UInt8).alias("rule_i"))
              for i, rule in enumerate(RULES)]
    names = {i: rule.name for i, rule in enumerate(RULES)}
    return pl.concat(blocks).group_by(KEYS).agg(pl.col("rule_i").min()).with_columns(
        pl.col("rule_i").replace_strict(names, return_dtype=pl.String).alias("rule")).drop("rule_i")
