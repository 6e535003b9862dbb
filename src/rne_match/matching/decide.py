"""The decision: the best candidate person needs a high weight and a margin over the next.

A false `verified` is the costly error, so every threshold errs towards review.
"""

from __future__ import annotations

import math
from enum import StrEnum

import polars as pl

from ..registry.view import Registry
from .weights import MatchOptions


class Status(StrEnum):
    """The decision for one signature row; the value is what the `status` column holds."""

    VERIFIED = "verified"  # identified, and a mandate of theirs matches the one stated
    VERIFIED_OTHER_MANDATE = "verified_other_mandate"  # identified, but the RNE says another mandate
    NOT_ELIGIBLE = "not_eligible"  # identified, holding only mandates outside the policy
    AMBIGUOUS = "ambiguous"  # several persons fit about as well
    NOT_FOUND = "not_found"  # nobody fits well enough
    INVALID = "invalid"  # the row cannot be checked (no name, an e-mail address, a heading)


# Statuses whose row names an RNE person (the rne_* columns are filled).
IDENTIFIED = (Status.VERIFIED, Status.VERIFIED_OTHER_MANDATE, Status.NOT_ELIGIBLE)


def decide(sigs: pl.DataFrame, named: pl.DataFrame, best_m: pl.DataFrame, reg: Registry,
           opts: MatchOptions) -> pl.DataFrame:
    """One row per signature: the best candidate person and the status, from each candidate's name
    weight plus their best mandate's weight; identity needs the bar and a margin over the runner-up,
    `verified` also needs the claim and the name guards (see `Status`)."""
    w = opts.weights
    # The best mandate is eligible whenever the person holds any eligible one (see the sort above).
    cands = named.join(best_m, on=["row", "person_id"], how="left").with_columns(
        (pl.col("w_name") + pl.col("w_mandate").fill_null(0.0)).alias("total"),
        pl.col("eligible").fill_null(False).alias("p_eligible"),
        # Surname and first name must each at least resemble the person's: a claim held by one
        # person cannot make « Patrick GRANET » of Patricia GRANET or of another mayor's name.
        # And a surname written otherwise than the person's (part of it, a typo) needs the stated
        # mandate to say something: « Laetitia Lopes, conseillère municipale » is not LOPES BRULÉ
        # Laetitia of a commune nobody named, while « valérie simpnet, conseillère
        # départementale » is one of 4,000 and can be.
        ((pl.col("w_nom") > w.nom_other) & (pl.col("w_prenom") > w.prenom_other)
         & (pl.col("w_sexe") >= 0)
         & ((pl.col("l_nom") == "exact") | (pl.col("w_mandate").fill_null(0.0) >= w.corroboration))).alias("name_ok"),
    )
    # Someone of exactly the signer's name whose mandate nothing stated contradicts.
    namesake = pl.col("same_name").fill_null(False) & (pl.col("w_place").fill_null(0.0) >= 0) & (
        pl.col("w_dep").fill_null(0.0) >= 0)
    # Ties go to the smaller person id: identical rows always get the same decision and reason.
    cands = cands.join(reg.persons.select("person_id", "nom", "prenom"), on="person_id", how="left").with_columns(
        namesake.alias("namesake")).sort(["row", "total", "person_id"], descending=[False, True, False])
    close = pl.col("total") >= pl.col("total").first() - w.margin
    ranked = cands.group_by("row", maintain_order=True).agg(
        pl.col("total").first().alias("best"),
        pl.col("total").slice(1, 1).first().alias("second"),
        pl.col("person_id").first(),
        pl.col("total").filter(pl.col("total") >= w.plausible).len().alias("n_candidates"),
        pl.col("person_id").slice(1, 1).first().alias("second_person"),
        pl.exclude("row", "total", "person_id", "nom", "prenom", "namesake").first(),
        (pl.col("namesake") & close).any().alias("namesake"),
        # The best candidates, named in the reason of an ambiguous or not-found row (namesakes first).
        pl.struct("nom", "prenom", "kind", "fonction", "territoire", "code_departement").filter(close)
        .sort_by(pl.col("namesake").filter(close), descending=True, maintain_order=True).head(4).alias("close"),
    )
    out = sigs.join(ranked, on="row", how="left").sort("row")
    best = pl.col("best").fill_null(-math.inf)
    second = pl.col("second").fill_null(-math.inf)
    margin = best - second
    identified = (best >= w.identify) & (margin >= w.margin)
    # Below the bar, but someone of exactly that name holds a mandate that nothing stated
    # contradicts: saying nobody exists would be wrong, telling them apart is the reviewer's job.
    namesake = (best < w.identify) & pl.col("namesake").fill_null(False)
    status = (
        pl.when(pl.col("invalid").is_not_null()).then(pl.lit(Status.INVALID))
        .when(namesake).then(pl.lit(Status.AMBIGUOUS))
        .when(best < w.identify).then(pl.lit(Status.NOT_FOUND))
        .when(margin < w.margin).then(pl.lit(Status.AMBIGUOUS))
        .when(~pl.col("p_eligible").fill_null(False)).then(pl.lit(Status.NOT_ELIGIBLE))
        # A name read off an address, not written by the signer: someone must confirm it.
        .when(pl.col("guessed").is_not_null()).then(pl.lit(Status.AMBIGUOUS))
        # Passed on by a relative: the official never wrote; someone must ask them.
        .when(pl.col("to_confirm").is_not_null()).then(pl.lit(Status.AMBIGUOUS))
        .when(pl.col("claim_missing").fill_null(False)).then(pl.lit(Status.VERIFIED_OTHER_MANDATE))
        .when(pl.col("consistent").fill_null(False) & pl.col("name_ok").fill_null(False)).then(pl.lit(Status.VERIFIED))
        .otherwise(pl.lit(Status.VERIFIED_OTHER_MANDATE))
    )
    # Softmax over {best, runner-up, nobody}: the chance the named person is the signer.
    conf = 1.0 / (1.0 + pl.lit(2.0).pow(second - best) + pl.lit(2.0).pow(pl.lit(w.nobody) - best))
    out = out.with_columns(status.alias("status"), pl.when(identified).then(conf).otherwise(
        pl.when(best > -math.inf).then(1 - conf).otherwise(1.0)).round(4).alias("confidence"),
        pl.col("n_candidates").fill_null(0))
    persons = reg.persons.select("person_id", pl.col("nom").alias("rne_nom"), pl.col("prenom").alias("rne_prenom"),
                                 pl.col("sexe").alias("rne_sexe"))
    out = out.join(persons, on="person_id", how="left")
    keep_rne = pl.col("status").is_in(list(IDENTIFIED))
    out = out.with_columns(
        *[pl.when(keep_rne).then(pl.col(c)).otherwise(None).alias(a) for c, a in (
            ("person_id", "rne_person_id"), ("rne_nom", "rne_nom"), ("rne_prenom", "rne_prenom"),
            ("rne_sexe", "rne_sexe"), ("kind", "rne_kind"), ("fonction", "rne_fonction"),
            ("code_departement", "rne_code_departement"), ("libelle_departement", "rne_departement"),
            ("code_commune", "rne_code_commune"), ("libelle_commune", "rne_commune"),
            ("territoire", "rne_territoire"))],
    )
    return out
