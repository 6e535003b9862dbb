"""Comparison levels: name weights for blocked pairs, then each candidate's mandates.

Vectorised with rapidfuzz `cpdist` and polars expressions; similarities are only computed where a
level needs them. `prune` drops candidates whose name alone can change no decision.
"""

from __future__ import annotations

import math

import numpy as np
import polars as pl
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, JaroWinkler

from ..domain.mandates import COMPATIBLE
from ..domain.territories import same_departement_keys
from ..domain.text import strip_particles_expr
from ..registry.view import Registry
from .weights import REFERENCE_PERSONS, MatchOptions, Weights


def _sim(a: pl.Series, b: pl.Series, scorer) -> pl.Series:
    if a.len() == 0:
        return pl.Series([], dtype=pl.Float64)
    return pl.Series(process.cpdist(a.to_list(), b.to_list(), scorer=scorer, workers=-1))


def _sim_where(df: pl.DataFrame, mask: pl.Expr, a: str, b: str, scorer, default: float) -> pl.Series:
    """Similarity only where `mask` holds (default elsewhere): most pairs never need it."""
    idx = df.with_row_index("_i").filter(mask)
    values = np.full(df.height, default, dtype=np.float64)
    if idx.height:
        values[idx["_i"].to_numpy()] = _sim(idx[a], idx[b], scorer).to_numpy()
    return pl.Series(values)


def _prune_threshold(w: Weights) -> float:
    """The name weight below which a candidate can change no decision (see `prune`)."""
    return w.identify - w.margin - w.claim_max


def score_names(pairs: pl.DataFrame, reads: pl.DataFrame, sigs: pl.DataFrame, reg: Registry,
                w: Weights) -> pl.DataFrame:
    # Frequencies are read against at least a national-size registry: in a registry of a few
    # hundred people every name is "frequent" (1 in 300), which would make an exact match of a rare
    # name worth a few bits only and leave small or partial registries unable to verify anybody.
    n = max(reg.n_persons, REFERENCE_PERSONS)
    reads = reads.with_columns(strip_particles_expr(pl.col("nom_f")).alias("nom_np"))
    # Surname first: it is cheap and rules most blocked pairs out before any first-name work.
    df = pairs.join(reads.select("row", "reading", "nom_f", "nom_np"), on=["row", "reading"]).join(
        reg.persons.select("person_id", pl.col("nom_f").alias("r_nom"), pl.col("nom_np").alias("r_nom_np"),
                           "nom_freq"), on="person_id")
    exact = (pl.col("nom_f") == pl.col("r_nom")) | (pl.col("nom_np") == pl.col("r_nom_np"))
    # token_set_ratio is 100 only when one word set contains the other: with one word on each
    # side that is equality, already caught by `exact`.
    compound = ~exact & (pl.col("nom_f").str.contains(" ", literal=True) | pl.col("r_nom").str.contains(" ", literal=True))
    df = df.with_columns(
        _sim_where(df, ~exact, "nom_np", "r_nom_np", JaroWinkler.normalized_similarity, 1.0).alias("nom_jw"),
        _sim_where(df, compound, "nom_f", "r_nom", fuzz.token_set_ratio, 0.0).alias("nom_set"),
    )
    nom_exact_w = (pl.lit(w.m) / pl.max_horizontal(pl.col("nom_freq") / n, pl.lit(w.nom_u_floor))).log(2)
    # One keystroke away (substitution, insertion, deletion, transposition) on a surname of four
    # letters or more is a typo even when Jaro-Winkler, harsh on short names, says otherwise.
    len_a, len_b = pl.col("nom_np").str.len_chars(), pl.col("r_nom_np").str.len_chars()
    one_edit = ~exact & (pl.col("nom_jw") < 0.94) & (len_a >= 4) & (len_b >= 4) & ((len_a - len_b).abs() <= 1)
    df = df.with_columns(_sim_where(df, one_edit, "nom_np", "r_nom_np", OSA.distance, 9.0).alias("nom_edits"))
    df = df.with_columns(
        pl.when(exact).then(nom_exact_w).when(pl.col("nom_set") >= 100).then(nom_exact_w + w.nom_subset)
        .when((pl.col("nom_jw") >= 0.94) | (pl.col("nom_edits") <= 1)).then(w.nom_typo)
        .when(pl.col("nom_jw") >= 0.88).then(w.nom_close)
        .otherwise(w.nom_other).alias("w_nom"),
    )
    prenom_max = math.log2(w.m / w.prenom_u_floor)
    if w.nom_other + max(prenom_max, w.prenom_typo) + w.sexe_agree < _prune_threshold(w):
        df = df.filter(pl.col("w_nom") > w.nom_other)  # `prune` would drop them whatever the first name
    df = df.join(reads.select("row", "reading", "prenom_f", "initials", "penalty"), on=["row", "reading"]).join(
        reg.persons.select("person_id", pl.col("prenom_f").alias("r_prenom"), "prenom_first", "prenom_freq",
                           pl.col("sexe").alias("r_sexe")), on="person_id").join(sigs.select("row", "sexe"), on="row")
    prenom_exact = pl.col("prenom_f") == pl.col("r_prenom")
    df = df.with_columns(
        _sim_where(df, ~prenom_exact & (pl.col("prenom_f") != ""), "prenom_f", "r_prenom",
                   JaroWinkler.normalized_similarity, 1.0).alias("prenom_jw"))
    prenom_exact_w = (pl.lit(w.m) / pl.max_horizontal(pl.col("prenom_freq") / n, pl.lit(w.prenom_u_floor))).log(2)
    sig_first = pl.col("prenom_f").str.split(" ").list.first()
    sig_initials = pl.col("prenom_f").str.replace_all(" ", "")
    reg_initials = pl.col("r_prenom").str.split(" ").list.eval(pl.element().str.slice(0, 1)).list.join("")
    df = df.with_columns(
        pl.when(pl.col("prenom_f") == "").then(0.0)
        .when(prenom_exact).then(prenom_exact_w)
        .when(pl.col("initials") & (sig_initials == reg_initials)).then(w.prenom_initials)
        .when(pl.col("initials") & (sig_initials == reg_initials.str.slice(0, 1))).then(w.prenom_initials - 1)
        .when((sig_first == pl.col("prenom_first")) & (pl.col("prenom_f").str.len_chars() > 1))
        .then(pl.min_horizontal(prenom_exact_w, pl.lit(w.prenom_first_token)))
        .when(pl.col("prenom_jw") >= 0.92).then(w.prenom_typo)
        .when(pl.col("prenom_jw") >= 0.85).then(w.prenom_close)
        .otherwise(w.prenom_other).alias("w_prenom"),
        pl.when(pl.col("sexe").is_null() | pl.col("r_sexe").is_null()).then(0.0)
        .when(pl.col("sexe") == pl.col("r_sexe")).then(w.sexe_agree)
        .otherwise(w.sexe_disagree).alias("w_sexe"),
    )
    df = df.with_columns((pl.col("w_nom") + pl.col("w_prenom") + pl.col("w_sexe") - pl.col("penalty")).alias("w_name"))
    df = df.with_columns((exact & prenom_exact).alias("same_name"))
    # Person level: the best reading of the signer's name for each candidate person; on a tie the
    # first reading, so that identical rows always get the same decision and reason.
    return df.sort(["w_name", "reading"], descending=[True, False]).unique(
        ["row", "person_id"], keep="first", maintain_order=True).select(
        "row", "person_id", "w_name", "w_nom", "w_prenom", "w_sexe", "same_name", "reading"
    )


def prune(named: pl.DataFrame, w: Weights) -> pl.DataFrame:
    """Drop candidates whose name alone rules them out, before the costlier mandate comparisons.

    A mandate adds at most place + département + kind bits; a candidate below
    identify - margin - that maximum can neither be named nor come close enough to the best one
    to make it ambiguous, so removing it changes no decision.
    """
    return named.filter(pl.col("w_name") >= _prune_threshold(w))


def score_mandates(named: pl.DataFrame, sigs: pl.DataFrame, reg: Registry, opts: MatchOptions) -> pl.DataFrame:
    """Each candidate's mandates compared with the stated one; keeps the best per person."""
    w = opts.weights
    m = reg.mandates.select(
        "person_id", "kind", "fonction", "code_departement", "libelle_departement", "code_commune",
        "libelle_commune", "code_region", "territoire", "place_f", "commune_f", "territoire_f", "fonction_f",
    ).with_row_index("mandate_idx")
    df = named.select("row", "person_id").join(m, on="person_id").join(
        sigs.select("row", "s_kind", "s_fonction", "place_f", "dep", "region").rename(
            {"place_f": "s_place"}), on="row")
    df = df.with_columns(
        _sim(df["s_place"], df["commune_f"].fill_null(""), fuzz.ratio).alias("p_commune"),
        _sim(df["s_place"], df["place_f"], fuzz.token_set_ratio).alias("p_any"),
        _sim(df["s_place"], df["territoire_f"], fuzz.ratio).alias("p_terr"),
    )
    compat = pl.col("s_kind").replace_strict(
        {k: list(v) for k, v in COMPATIBLE.items()}, default=None, return_dtype=pl.List(pl.String)
    )
    has_place = pl.col("s_place").str.len_chars() >= 2
    # « déléguée à la culture de Montpellier », « municipal et communautaire de Sète »: the
    # commune's name stands whole inside a longer stated place.
    names_commune = (pl.col("commune_f").str.len_chars() >= 3) & (pl.lit(" ") + pl.col("s_place") + pl.lit(" ")).str.contains(
        pl.lit(" ") + pl.col("commune_f") + pl.lit(" "), literal=True).fill_null(False)
    df = df.with_columns(
        pl.when(~has_place).then(0.0)
        .when((pl.col("p_commune") >= 90) | (pl.col("p_terr") >= 90) | names_commune).then(w.place_strong)
        .when(pl.col("region").is_not_null() & (pl.col("region") == pl.col("code_region"))).then(w.region_agree)
        .when(pl.col("p_any") >= 90).then(w.place_weak)
        .otherwise(w.place_other).alias("w_place"),
        pl.when(pl.col("dep").is_null() | pl.col("code_departement").is_null()).then(0.0)
        .when(pl.concat_str("dep", "code_departement", separator="|").is_in(same_departement_keys()))
        .then(w.dep_agree)
        .otherwise(w.dep_disagree).alias("w_dep"),
        pl.when(pl.col("s_kind").is_null()).then(0.0)
        .when(compat.list.contains(pl.col("kind"))).then(w.kind_agree)
        .otherwise(w.kind_other).alias("w_kind"),
        pl.col("kind").is_in(list(opts.eligible)).alias("eligible"),
    )
    # The claim's weight: how rare holding this mandate here is in the registry. « maire de
    # Donzy » is one person in 45,000 (≈15 bits), « conseiller départemental (29) » one in 50
    # of 4,000, « conseiller municipal » alone tells little. Counted on the mandate that agrees,
    # at the finest territory the signer named; contradictions keep their penalties.
    counts = holder_counts(reg)
    place_hit = (pl.col("w_place") >= w.place_weak) & (pl.col("w_place") != w.region_agree)
    level = (pl.when(place_hit).then(pl.lit("t")).when(pl.col("w_dep") > 0).then(pl.lit("d"))
             .when(pl.col("w_place") == w.region_agree).then(pl.lit("r")).otherwise(pl.lit("k")))
    df = df.with_columns(level.alias("level"), pl.concat_str(
        pl.col("kind"), level,
        pl.when(level == "t").then(pl.col("territoire").fill_null("") + pl.col("code_departement").fill_null(""))
        .when(level == "d").then(pl.col("code_departement").fill_null(""))
        .when(level == "r").then(pl.col("code_region").fill_null("")).otherwise(pl.lit("")),
        separator="|").alias("claim_key")).join(counts, on="claim_key", how="left")
    n = max(reg.n_persons, 1)
    agrees = (pl.col("w_place") >= 0) & (pl.col("w_dep") >= 0) & (pl.col("w_kind") > 0)
    claim_w = pl.min_horizontal((pl.lit(w.m) * n / pl.col("holders").fill_null(n).cast(pl.Float64)).log(2),
                                pl.lit(w.claim_max)).clip(lower_bound=0.0)
    df = df.with_columns(
        pl.when(agrees).then(claim_w + pl.col("w_place").clip(upper_bound=0))
        .otherwise(pl.col("w_place") + pl.col("w_dep") + pl.col("w_kind")).alias("w_mandate"))
    # Saying « maire » or « adjoint » claims more than a seat on the council: a plain councillor
    # who says so is identified but goes to review (verified_other_mandate), not to the list.
    r_f = pl.col("fonction_f").fill_null("")
    fonction_ok = (
        pl.when(pl.col("s_fonction") == "maire")
        .then((pl.col("kind") == "mai") | (r_f.str.starts_with("maire") & ~r_f.str.contains("delegu")))
        .when(pl.col("s_fonction") == "adjoint")
        .then(r_f.str.contains("adjoint") | r_f.str.contains("delegu"))
        .otherwise(True)
    )
    df = df.with_columns(
        (((pl.col("w_place") >= 0) & (pl.col("w_dep") >= 0) & (pl.col("w_kind") >= 0)) & pl.col("eligible")
         & fonction_ok).alias("consistent")
    )
    # Best mandate per person: eligible and consistent first, then by weight, then in registry
    # order (a mayor who also sits on the EPCI is reported the same way on every row).
    return df.sort(["consistent", "eligible", "w_mandate", "mandate_idx"], descending=[True, True, True, False]).unique(
        ["row", "person_id"], keep="first", maintain_order=True
    )


def holder_counts(reg: Registry) -> pl.DataFrame:
    """Persons holding each kind of mandate per territory, per département, per région, in all:
    the « u » of a claim (how often a random registry person would hold it)."""
    return reg.derived("holders", _count_holders)


def _count_holders(reg: Registry) -> pl.DataFrame:
    m = reg.mandates.select("person_id", "kind", "territoire", "code_departement", "code_region")
    key = {
        "t": pl.col("territoire").fill_null("") + pl.col("code_departement").fill_null(""),
        "d": pl.col("code_departement").fill_null(""),
        "r": pl.col("code_region").fill_null(""),
        "k": pl.lit(""),
    }
    return pl.concat([
        m.select("person_id", pl.concat_str(pl.col("kind"), pl.lit(lvl), e, separator="|").alias("claim_key"))
        .unique().group_by("claim_key").agg(pl.len().alias("holders"))
        for lvl, e in key.items()])
