"""Comparison levels: name weights for blocked pairs, then each candidate's mandates.

Vectorised with rapidfuzz `cpdist` and polars expressions; similarities are only computed where a
level needs them. `prune` drops candidates whose name alone can change no decision.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import polars as pl
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, JaroWinkler

from ..domain.kinds import KINDS
from ..domain.mandates import COMPATIBLE
from ..domain.names import SHORT_FIRST_NAMES
from ..domain.territories import commune_of, same_departement_keys
from ..domain.text import strip_particles_expr
from ..registry.view import Registry
from .places import stated_communes
from .weights import REFERENCE_PERSONS, MatchOptions, Weights


def _sim(a: pl.Series, b: pl.Series, scorer: Callable[..., float]) -> pl.Series:
    """Pairwise similarity of two aligned columns in rapidfuzz's C loop (all cores), not in Python."""
    if a.len() == 0:
        return pl.Series([], dtype=pl.Float64)
    return pl.Series(process.cpdist(a.to_list(), b.to_list(), scorer=scorer, workers=-1))


_SHORT_PAIRS = [f"{short}|{full}" for short, fulls in SHORT_FIRST_NAMES.items() for full in fulls]


def _initials(expr: pl.Expr) -> pl.Expr:
    """« pierre yves » -> « py »."""
    return expr.str.split(" ").list.eval(pl.element().str.slice(0, 1)).list.join("")


def _sim_where(df: pl.DataFrame, mask: pl.Expr, a: str, b: str, scorer, default: float) -> pl.Series:
    """Similarity only where `mask` holds (default elsewhere): most pairs never need it."""
    idx = df.with_row_index("_i").filter(mask)
    values = np.full(df.height, default, dtype=np.float64)
    if idx.height:
        values[idx["_i"].to_numpy()] = _sim(idx[a], idx[b], scorer).to_numpy()
    return pl.Series(values)


@dataclass(frozen=True)
class Level:
    """One comparison level, as in Splink: a named condition and the weight (in bits) it gives.

    Levels are tried in order and the first that holds wins; its name is what `--explain` shows."""

    name: str
    when: pl.Expr | None  # None: the « else » level, last
    weight: pl.Expr | float


def levels(field: str, chain: list[Level]) -> list[pl.Expr]:
    """The weight `w_<field>` and the level name `l_<field>` of a list of levels."""
    weight, label = None, None
    for level in chain:
        w_expr = level.weight if isinstance(level.weight, pl.Expr) else pl.lit(level.weight)
        if level.when is None:
            weight = w_expr if weight is None else weight.otherwise(w_expr)
            label = pl.lit(level.name) if label is None else label.otherwise(pl.lit(level.name))
            break
        weight = pl.when(level.when).then(w_expr) if weight is None else weight.when(level.when).then(w_expr)
        label = (pl.when(level.when).then(pl.lit(level.name)) if label is None
                 else label.when(level.when).then(pl.lit(level.name)))
    return [weight.alias(f"w_{field}"), label.alias(f"l_{field}")]


def max_mandate_weight(w: Weights) -> float:
    """The most a candidate's mandate can add to their name (see `score_mandates`): a confirmed
    claim, or a place, département and kind that all agree."""
    best_place = max(w.place_code, w.place_epci, w.place_strong, w.region_agree, w.place_weak)
    return max(w.claim_max, best_place + w.dep_agree + w.kind_agree)


def _prune_threshold(w: Weights) -> float:
    """The name weight below which a candidate can change no decision (see `prune`)."""
    return w.identify - w.margin - max_mandate_weight(w)


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
    # One name inside the other (« MARTIN » for « GONI SAN MARTIN », « MARTIN DURAND » for
    # « MARTIN »): as rare as the commoner of the two, else every compound name holding MARTIN
    # would outweigh the MARTINs themselves.
    df = df.join(surname_frequencies(reg), left_on="nom_np", right_on="s_nom_np", how="left")
    nom_inclus_w = (pl.lit(w.m) / pl.max_horizontal(
        pl.max_horizontal(pl.col("nom_freq"), pl.col("s_nom_freq").fill_null(0)) / n, pl.lit(w.nom_u_floor))).log(2)
    # One keystroke away (substitution, insertion, deletion, transposition) on a surname of four
    # letters or more is a typo even when Jaro-Winkler, harsh on short names, says otherwise.
    len_a, len_b = pl.col("nom_np").str.len_chars(), pl.col("r_nom_np").str.len_chars()
    one_edit = ~exact & (pl.col("nom_jw") < w.nom_typo_jw) & (len_a >= 4) & (len_b >= 4) & ((len_a - len_b).abs() <= 1)
    df = df.with_columns(_sim_where(df, one_edit, "nom_np", "r_nom_np", OSA.distance, 9.0).alias("nom_edits"))
    df = df.with_columns(levels("nom", [
        Level("exact", exact, nom_exact_w),
        Level("inclus", pl.col("nom_set") >= 100, nom_inclus_w + w.nom_subset),
        Level("faute", (pl.col("nom_jw") >= w.nom_typo_jw) | (pl.col("nom_edits") <= 1), w.nom_typo),
        Level("proche", pl.col("nom_jw") >= w.nom_close_jw, w.nom_close),
        Level("autre", None, w.nom_other),
    ]))
    prenom_max = math.log2(w.m / w.prenom_u_floor)
    if w.nom_other + max(prenom_max, w.prenom_typo) + w.sexe_agree < _prune_threshold(w):
        df = df.filter(pl.col("w_nom") > w.nom_other)  # `prune` would drop them whatever the first name
    df = df.join(reads.select("row", "reading", "prenom_f", "initials", "penalty"), on=["row", "reading"]).join(
        reg.persons.select("person_id", pl.col("prenom_f").alias("r_prenom"), "prenom_first", "prenom_freq",
                           pl.col("sexe").alias("r_sexe")), on="person_id").join(sigs.select("row", "sexe"), on="row")
    # A signer who gave no civility still tells their sex by a first name the registry only knows
    # for one sex (« Patrick »): « Patrick GRANET » is not Patricia GRANET however close the letters.
    # Only where the first names differ: when they are the same, a registry sex that disagrees is
    # the registry's slip (it happens), not another person.
    prenom_exact = pl.col("prenom_f") == pl.col("r_prenom")
    sig_first = pl.col("prenom_f").str.split(" ").list.first()  # the signer's first given name
    first_same = sig_first == pl.col("prenom_first")
    df = df.with_columns(pl.when(~pl.col("initials") & (pl.col("prenom_f").str.len_chars() >= 3)).then(
        sig_first).alias("s_first")).join(first_name_sexes(reg), on="s_first", how="left").with_columns(
        pl.coalesce("sexe", pl.when(~prenom_exact & ~first_same).then(pl.col("first_sex")))
        .alias("sexe")).drop("s_first", "first_sex")
    # An unrelated surname needs an exact first name (or first given name) to stay above the prune
    # bound: the fuzzy first-name levels cannot lift it there, so those pairs end here, before the
    # Jaro-Winkler of their first names (half of the blocked pairs are such surnames).
    if w.nom_other + max(w.prenom_typo, w.prenom_initials, w.prenom_close) + w.sexe_agree < _prune_threshold(w):
        df = df.filter((pl.col("w_nom") > w.nom_other) | prenom_exact | first_same)
    df = df.with_columns(
        _sim_where(df, ~prenom_exact & (pl.col("prenom_f") != ""), "prenom_f", "r_prenom",
                   JaroWinkler.normalized_similarity, 1.0).alias("prenom_jw"))
    prenom_exact_w = (pl.lit(w.m) / pl.max_horizontal(pl.col("prenom_freq") / n, pl.lit(w.prenom_u_floor))).log(2)
    sig_initials = pl.col("prenom_f").str.replace_all(" ", "")
    reg_initials = _initials(pl.col("r_prenom"))
    # A first name many registry persons bear is a name of its own, not a slip of the keyboard:
    # « Marie-Laure » is not Marine, « Jeanne » not Jean, while « Géard » may be Gérard.
    df = df.join(first_name_counts(reg), left_on="prenom_f", right_on="s_prenom", how="left")
    typo_possible = pl.col("s_prenom_n").fill_null(0) < REAL_FIRST_NAME_BEARERS
    df = df.with_columns(*levels("prenom", [
        Level("absent", pl.col("prenom_f") == "", 0.0),
        Level("exact", prenom_exact, prenom_exact_w),
        Level("initiales", pl.col("initials") & (sig_initials == reg_initials), w.prenom_initials),
        Level("initiale", pl.col("initials") & (sig_initials == reg_initials.str.slice(0, 1)), w.prenom_initials - 1),
        Level("premier_prenom", first_same & (pl.col("prenom_f").str.len_chars() > 1),
              pl.min_horizontal(prenom_exact_w, pl.lit(w.prenom_first_token))),
        # « Fred » for Frédéric (a short form of `SHORT_FIRST_NAMES`, or the start of a name that nobody bears
        # as a name of its own: not « Luc » for Lucien), « P-Yves » for Pierre-Yves (the same initials, one
        # given name whole)
        Level("diminutif", (pl.concat_str(pl.col("prenom_f"), pl.lit("|"), pl.col("prenom_first")).is_in(_SHORT_PAIRS))
              | (typo_possible & (pl.col("prenom_f").str.len_chars() >= 3)
                 & pl.col("r_prenom").str.starts_with(pl.col("prenom_f")))
              | (pl.col("prenom_f").str.contains(" ") & (_initials(pl.col("prenom_f")) == reg_initials)
                 & ((sig_first == pl.col("prenom_first"))
                    | (pl.col("prenom_f").str.split(" ").list.last() == pl.col("r_prenom").str.split(" ").list.last()))),
              w.prenom_short),
        Level("faute", typo_possible & (pl.col("prenom_jw") >= w.prenom_typo_jw), w.prenom_typo),
        Level("proche", typo_possible & (pl.col("prenom_jw") >= w.prenom_close_jw), w.prenom_close),
        Level("autre", None, w.prenom_other),
    ]), *levels("sexe", [
        Level("inconnu", pl.col("sexe").is_null() | pl.col("r_sexe").is_null(), 0.0),
        Level("concorde", pl.col("sexe") == pl.col("r_sexe"), w.sexe_agree),
        Level("differe", None, w.sexe_disagree),
    ]))
    df = df.with_columns((pl.col("w_nom") + pl.col("w_prenom") + pl.col("w_sexe") - pl.col("penalty")).alias("w_name"))
    df = df.with_columns((exact & prenom_exact).alias("same_name"))
    # Person level: the best reading of the signer's name for each candidate person; on a tie the
    # first reading, so that identical rows always get the same decision and reason.
    return df.sort(["w_name", "reading"], descending=[True, False]).unique(
        ["row", "person_id"], keep="first", maintain_order=True).select(
        "row", "person_id", "w_name", "w_nom", "w_prenom", "w_sexe", "l_nom", "l_prenom", "l_sexe", "penalty",
        "same_name", "reading", "rule",
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
    compat = pl.col("s_kind").replace_strict(
        {k: list(v) for k, v in COMPATIBLE.items()}, default=None, return_dtype=pl.List(pl.String)
    )
    has_place = pl.col("s_place").str.len_chars() >= 2
    df = _place_codes(df, sigs, reg)
    other_commune = pl.col("s_exact") & pl.col("r_commune").is_not_null() & ~pl.col("code_hit")
    # Text similarity only where the codes settled nothing (most pairs are settled by them).
    by_text = has_place & ~pl.col("code_hit") & ~pl.col("epci_hit") & ~other_commune
    df = df.with_columns(pl.col("commune_f").fill_null("").alias("_commune"))
    df = df.with_columns(
        _sim_where(df, by_text, "s_place", "_commune", fuzz.ratio, 0.0).alias("p_commune"),
        _sim_where(df, by_text, "s_place", "place_f", fuzz.token_set_ratio, 0.0).alias("p_any"),
        _sim_where(df, by_text, "s_place", "territoire_f", fuzz.ratio, 0.0).alias("p_terr"),
    ).drop("_commune")
    # « déléguée à la culture de Montpellier », « municipal et communautaire de Sète »: the
    # commune's name stands whole inside a longer stated place.
    names_commune = (pl.col("commune_f").str.len_chars() >= 3) & (pl.lit(" ") + pl.col("s_place") + pl.lit(" ")).str.contains(
        pl.lit(" ") + pl.col("commune_f") + pl.lit(" "), literal=True).fill_null(False)
    # Place levels, best first. Codes through the hierarchy come before text: the same commune
    # (whatever name, old code, commune déléguée or arrondissement the two sides use), then the
    # same EPCI; a stated commune that is another commune than the mandate's contradicts it even
    # when the names look alike (« François » in Deux-Sèvres is not « Le François » in Martinique,
    # once the stated département has said which). Text similarity remains for what the
    # reference does not resolve (typos, cantons, sections).
    place = levels("place", [
        Level("aucun", ~has_place, 0.0),
        Level("meme_commune", pl.col("code_hit"), w.place_code),
        Level("dans_epci", pl.col("epci_hit"), w.place_epci),
        Level("autre_commune", other_commune, w.place_other),
        Level("nom", (pl.col("p_commune") >= 90) | (pl.col("p_terr") >= 90) | names_commune, w.place_strong),
        Level("region", pl.col("region").is_not_null() & (pl.col("region") == pl.col("code_region")), w.region_agree),
        Level("mot", pl.col("p_any") >= 90, w.place_weak),
        Level("autre", None, w.place_other),
    ])
    df = df.with_columns(*place).with_columns(
        pl.when(pl.col("dep").is_null() | pl.col("code_departement").is_null()).then(0.0)
        .when(pl.concat_str("dep", "code_departement", separator="|").is_in(same_departement_keys()))
        .then(w.dep_agree)
        .otherwise(w.dep_disagree).alias("w_dep"),
        pl.when(pl.col("s_kind").is_null()).then(0.0)
        .when(compat.list.contains(pl.col("kind"))).then(w.kind_agree)
        .otherwise(w.kind_other).alias("w_kind"),
        pl.col("kind").is_in(list(opts.eligible)).alias("eligible"),
    )
    # The claim's weight: how rare holding the stated mandate here is in the registry. « maire de
    # Donzy » is one person in 45,000 (≈15 bits), « conseiller départemental (29) » one in 50
    # of 4,000, « conseiller municipal » alone tells little. Counted on the mandate that agrees,
    # at the finest territory the signer named (an EPCI counts as its département: it holds
    # several communes); contradictions keep their penalties.
    counts = holder_counts(reg)
    level = (pl.when(pl.col("l_place").is_in(["meme_commune", "nom", "mot"])).then(pl.lit("t"))
             .when((pl.col("w_dep") > 0) | (pl.col("l_place") == "dans_epci")).then(pl.lit("d"))
             .when(pl.col("l_place") == "region").then(pl.lit("r")).otherwise(pl.lit("k")))
    # Counted for the stated kind when the candidate's seat fulfils it; otherwise for the seat they
    # hold: a councillor saying « maire de X » weighs as a councillor of X, not as its one mayor.
    fulfils = pl.concat_str("s_kind", "kind", separator="|").is_in([f"{a}|{b}" for a, b in SATISFYING_KINDS])
    df = df.with_columns(level.alias("level"), pl.concat_str(
        pl.when(fulfils).then(pl.col("s_kind")).otherwise(pl.col("kind")), level,
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


def _place_codes(df: pl.DataFrame, sigs: pl.DataFrame, reg: Registry) -> pl.DataFrame:
    """Adds, per (signature, mandate): `r_commune` (the mandate's commune walked up to today's),
    `code_hit` (it is one the stated place names), `epci_hit` (it lies in the stated EPCI; for a
    communautaire mandate, also in the EPCI of the stated commune) and `s_exact` (the stated place
    is a commune of the stated département, see `places.stated_communes`). Equality joins on
    codes: no per-row work."""
    up = commune_of().select(pl.col("code").alias("code_commune"), pl.col("commune").alias("r_commune"),
                             pl.col("epci").alias("r_epci"))
    df = df.join(up, on="code_commune", how="left").with_columns(pl.coalesce("r_commune", "code_commune"))
    stated = stated_communes(sigs.filter(pl.col("row").is_in(df["row"].unique().implode())), reg)
    communes = stated.filter(pl.col("s_commune").is_not_null())
    exact = communes.group_by("row").agg(pl.col("s_exact").any())
    by_code = communes.select("row", pl.col("s_commune").alias("r_commune"), pl.lit(True).alias("code_hit")).unique()
    epcis = pl.concat([
        stated.filter(pl.col("s_epci").is_not_null()).select("row", pl.col("s_epci").alias("r_epci"),
                                                             pl.lit(False).alias("via_commune")),
        communes.join(up.select(pl.col("r_commune").alias("s_commune"), "r_epci").unique(), on="s_commune")
        .select("row", "r_epci", pl.lit(True).alias("via_commune")),
    ]).drop_nulls("r_epci").group_by("row", "r_epci").agg(pl.col("via_commune").all())
    df = df.join(by_code, on=["row", "r_commune"], how="left").join(exact, on="row", how="left").join(
        epcis, on=["row", "r_epci"], how="left")
    return df.with_columns(
        pl.col("code_hit").fill_null(False), pl.col("s_exact").fill_null(False),
        (pl.col("via_commune").is_not_null() & (~pl.col("via_commune") | (pl.col("kind") == "epci")))
        .fill_null(False).alias("epci_hit"),
    ).drop("via_commune")


def holder_counts(reg: Registry) -> pl.DataFrame:
    """Persons holding each kind of mandate per territory, per département, per région, in all:
    the « u » of a claim (how often a random registry person would hold it)."""
    return reg.derived("holders", _count_holders)


# A first name tells the sex when the registry holds enough bearers of it and nearly all of one sex
# (Camille, Dominique, Claude are left alone).
FIRST_NAME_SEX_MIN_BEARERS = 20
FIRST_NAME_SEX_SHARE = 0.97


def first_name_sexes(reg: Registry) -> pl.DataFrame:
    """First names (first given name, folded) whose registry bearers are nearly all of one sex."""
    def build(r: Registry) -> pl.DataFrame:
        return (r.persons.filter(pl.col("sexe").is_in(["F", "M"])).group_by("prenom_first")
                .agg(pl.len().alias("n"), (pl.col("sexe") == "F").mean().alias("share_f"))
                .filter((pl.col("n") >= FIRST_NAME_SEX_MIN_BEARERS) & (pl.col("prenom_first").str.len_chars() >= 3))
                .filter((pl.col("share_f") >= FIRST_NAME_SEX_SHARE) | (pl.col("share_f") <= 1 - FIRST_NAME_SEX_SHARE))
                .select(pl.col("prenom_first").alias("s_first"),
                        pl.when(pl.col("share_f") >= 0.5).then(pl.lit("F")).otherwise(pl.lit("M")).alias("first_sex")))
    return reg.derived("first_name_sex", build)


REAL_FIRST_NAME_BEARERS = 5  # bearers from which a written first name is a name, not a typo


def first_name_counts(reg: Registry) -> pl.DataFrame:
    """How many registry persons bear each (folded) first name, whole."""
    return reg.derived("first_name_n", lambda r: r.persons.group_by("prenom_f").agg(pl.len().alias("s_prenom_n"))
                       .rename({"prenom_f": "s_prenom"}))


def surname_frequencies(reg: Registry) -> pl.DataFrame:
    """How many registry persons bear each surname (particles stripped), to weigh what a signer wrote."""
    return reg.derived("surname_freq", lambda r: r.persons.group_by("nom_np").agg(pl.len().alias("s_nom_freq"))
                       .rename({"nom_np": "s_nom_np"}))


# (stated kind, registry kind) pairs where holding the second fulfils the first claim. A kind
# defined by a function (maire) is fulfilled by that function only: counting the whole council
# would make « maire de Brest » look as common as « conseiller municipal de Brest »; other kinds by
# any compatible seat, so that a rarer seat (conseiller d'arrondissement) does not make its holder
# outrank plain councillors for « conseiller municipal ».
SATISFYING_KINDS: tuple[tuple[str, str], ...] = tuple(
    (stated, held) for stated, spec in KINDS.items()
    for held in sorted({stated} if spec.default_fonction else spec.compatible))


def _count_holders(reg: Registry) -> pl.DataFrame:
    m = reg.mandates.select("person_id", "kind", "territoire", "code_departement", "code_region").join(
        pl.DataFrame(SATISFYING_KINDS, schema={"s_kind": pl.String, "kind": pl.String}, orient="row"), on="kind")
    key = {
        "t": pl.col("territoire").fill_null("") + pl.col("code_departement").fill_null(""),
        "d": pl.col("code_departement").fill_null(""),
        "r": pl.col("code_region").fill_null(""),
        "k": pl.lit(""),
    }
    return pl.concat([
        m.select("person_id", pl.concat_str(pl.col("s_kind"), pl.lit(lvl), e, separator="|").alias("claim_key"))
        .unique().group_by("claim_key").agg(pl.len().alias("holders"))
        for lvl, e in key.items()])
