"""Reasons in French for each decision: who the RNE says the signer is, and why that status.

Pure polars expressions over the decided frame; the matcher never formats text itself.
"""

from __future__ import annotations

import polars as pl

from ..domain.kinds import KINDS
from .decide import Status
from .weights import Weights

KIND_LABELS = {code: spec.label for code, spec in KINDS.items()}


def _mandate_label(col=lambda name: pl.col(f"rne_{name}")) -> pl.Expr:
    """« adjointe au maire — Gardères (65) », from the columns `col` names (the row's rne_*, or a
    candidate's fields)."""
    fonction, kind = col("fonction"), col("kind")
    kind_label = kind.replace_strict(KIND_LABELS, default="élu·e")
    what = pl.when(fonction.is_not_null() & (kind != "mai")).then(fonction).otherwise(kind_label)
    dep = pl.when(col("code_departement").is_not_null()).then(
        pl.lit(" (") + col("code_departement") + pl.lit(")")).otherwise(pl.lit(""))
    return what + pl.lit(" — ") + col("territoire").fill_null("") + dep


def _candidate() -> pl.Expr:
    """« LACAZE Martine, adjointe au maire — Gardères (65) » for each element of a `close` list."""
    field = pl.element().struct.field
    return (field("nom").fill_null("") + pl.lit(" ") + field("prenom").fill_null("") + pl.lit(", ")
            + _mandate_label(field))


def reasons(weights: Weights) -> pl.Expr:
    identify, plausible = weights.identify, weights.plausible
    who = pl.col("rne_nom").fill_null("") + pl.lit(" ") + pl.col("rne_prenom").fill_null("")
    stated = pl.when(pl.col("mandate_text") != "").then(
        pl.lit(" (déclaré : « ") + pl.col("mandate_text") + pl.lit(" »)")).otherwise(pl.lit(""))
    candidates = pl.col("close").list.eval(_candidate())
    close = candidates.list.join(" ; ").fill_null("")
    agree = pl.when(pl.col("mandate_text") != "").then(pl.lit(" : nom, prénom et mandat concordent.")).otherwise(
        pl.lit(" : nom et prénom concordent (aucun mandat déclaré)."))
    return (
        pl.when(pl.col("status") == Status.INVALID).then(pl.lit("Ligne non vérifiable : ") + pl.col("invalid") + pl.lit("."))
        .when(pl.col("status") == Status.VERIFIED).then(
            pl.lit("Identifié·e dans le RNE comme ") + who + pl.lit(", ") + _mandate_label() + agree)
        .when((pl.col("status") == Status.VERIFIED_OTHER_MANDATE) & pl.col("claim_missing").fill_null(False)).then(
            pl.lit("Sans doute ") + who + pl.lit(", ") + _mandate_label()
            + pl.lit(", mais aucun mandat n'a pu être lu dans le message : à relire."))
        .when((pl.col("status") == Status.VERIFIED_OTHER_MANDATE) & pl.col("consistent").fill_null(False)
              & (pl.col("w_sexe").fill_null(0) >= 0) & (pl.col("l_nom") != "exact")).then(
            pl.lit("Sans doute ") + who + pl.lit(", ") + _mandate_label() + pl.lit(", mais le nom est écrit « ")
            + pl.col("display") + pl.lit(" » et rien de déclaré") + stated
            + pl.lit(" ne le confirme (ni lieu, ni mandat rare) : à relire."))
        # the mandate agrees; the first name or the sex written does not (« Patrick » for Patricia)
        .when((pl.col("status") == Status.VERIFIED_OTHER_MANDATE) & pl.col("consistent").fill_null(False)).then(
            pl.lit("Sans doute ") + who + pl.lit(", ") + _mandate_label() + pl.lit(", mais le nom est écrit « ")
            + pl.col("display") + pl.lit(" » (prénom ou sexe différents de ceux du RNE) : à relire."))
        .when(pl.col("status") == Status.VERIFIED_OTHER_MANDATE).then(
            pl.lit("Identifié·e comme ") + who + pl.lit(", mais le RNE indique ") + _mandate_label()
            + stated + pl.lit(" : à relire."))
        .when(pl.col("status") == Status.NOT_ELIGIBLE).then(
            pl.lit("Identifié·e comme ") + who + pl.lit(", qui ne détient que des mandats hors du périmètre retenu : ")
            + _mandate_label() + pl.lit("."))
        .when((pl.col("status") == Status.AMBIGUOUS) & pl.col("guessed").is_not_null()).then(
            pl.lit("Nom déduit de l'adresse, pas écrit dans le message (") + pl.col("guessed")
            + pl.lit(") : sans doute ") + candidates.list.first().fill_null("?")
            + pl.lit(" ; à faire confirmer par la personne avant publication."))
        .when((pl.col("status") == Status.AMBIGUOUS) & pl.col("to_confirm").is_not_null()).then(
            pl.lit("Sans doute ") + candidates.list.first().fill_null("?") + pl.lit(", mais ") + pl.col("to_confirm")
            + pl.lit(" : à faire confirmer par l'élu·e avant publication."))
        .when((pl.col("status") == Status.AMBIGUOUS) & (pl.col("best") < identify)).then(
            pl.lit("Même nom qu'un·e élu·e du RNE (") + close + pl.lit("), mais trop courant pour l'identifier"
                                                                 " avec ce qui est déclaré") + stated
            + pl.lit(" ; précisez la commune ou le département."))
        .when(pl.col("status") == Status.AMBIGUOUS).then(
            pl.lit("Plusieurs élu·es du RNE correspondent à peu près autant (") + pl.col("n_candidates").cast(pl.String)
            + pl.lit(" candidat·es, dont : ") + close + pl.lit(") ; précisez la commune ou le département."))
        .when(pl.col("best").is_null()).then(pl.lit("Aucun élu·e du RNE ne porte un nom proche de « ")
                                             + pl.col("display") + pl.lit(" »."))
        # The best candidate is named only when plausible or of exactly the stated name: an
        # unrelated élu·e far below the bar has no business in a stranger's row.
        .when((pl.col("best") >= plausible) | pl.col("same_name").fill_null(False)).then(
            pl.lit("Aucun élu·e du RNE ne correspond assez (meilleur candidat : ")
            + candidates.list.first().fill_null("?") + pl.lit(", score ")
            + pl.col("best").round(1).cast(pl.String) + pl.lit(" bits, seuil ") + pl.lit(f"{identify:g}") + pl.lit(")."))
        .otherwise(pl.lit("Aucun élu·e du RNE ne correspond assez (meilleur score ")
                   + pl.col("best").round(1).cast(pl.String) + pl.lit(f" bits, seuil {identify:g}, aucun candidat plausible)."))
    )


_CLAIM_LEVELS = {"t": "au lieu déclaré", "d": "dans le département", "r": "dans la région", "k": "en France"}


def _bits(col: str) -> pl.Expr:
    value = pl.col(col).fill_null(0.0).round(1)
    return pl.when(value >= 0).then(pl.lit("+")).otherwise(pl.lit("")) + value.cast(pl.String)


def explanation(identify: float, margin: float) -> pl.Expr:
    """The `explication` column (`verify --explain`): how the best candidate was found and what
    each field weighed, so that a reviewer can see why a row got its status."""
    # The claim's rarity counts only when place, département and kind all agree (see score_mandates).
    claim = pl.when((pl.col("w_place") >= 0) & (pl.col("w_dep") >= 0) & (pl.col("w_kind") > 0)).then(
        pl.lit(", mandat détenu par ") + pl.col("holders").cast(pl.String).fill_null("?") + pl.lit(" élu·e(s) ")
        + pl.col("level").replace_strict(_CLAIM_LEVELS, default="?")).otherwise(pl.lit(""))
    mandate = (pl.lit(" ; mandat ") + _bits("w_mandate") + pl.lit(" (lieu ") + pl.col("l_place") + pl.lit(" ") + _bits("w_place")
               + pl.lit(", département ") + _bits("w_dep") + pl.lit(", type ") + _bits("w_kind") + claim + pl.lit(")"))
    second = pl.when(pl.col("second").is_not_null()).then(
        pl.lit(", suivant ") + pl.col("second").round(1).cast(pl.String)).otherwise(pl.lit(", aucun autre candidat"))
    return (
        pl.when(pl.col("best").is_null()).then(pl.lit("aucun candidat proposé par les règles de blocage"))
        .otherwise(
            pl.lit("règle ") + pl.col("rule") + pl.lit(" ; nom ") + pl.col("l_nom") + pl.lit(" ") + _bits("w_nom")
            + pl.lit(" ; prénom ") + pl.col("l_prenom") + pl.lit(" ") + _bits("w_prenom")
            + pl.lit(" ; sexe ") + pl.col("l_sexe") + pl.lit(" ") + _bits("w_sexe")
            + pl.when(pl.col("penalty") > 0).then(pl.lit(" ; lecture du nom -") + pl.col("penalty").round(1).cast(pl.String))
            .otherwise(pl.lit(""))
            + pl.when(pl.col("w_mandate").is_not_null()).then(mandate).otherwise(pl.lit(" ; aucun mandat comparé"))
            + pl.lit(" ; total ") + pl.col("best").round(1).cast(pl.String) + second
            + pl.lit(f" (seuil {identify:g}, marge {margin:g})"))
    )


def former_reason() -> pl.Expr:
    """The reason given to a signer found only among people who left office (the frame holds the
    match against the former registry and the `release` they last appear in)."""
    return (pl.lit("Ancien·ne élu·e : ") + pl.col("rne_nom") + pl.lit(" ") + pl.col("rne_prenom")
            + pl.lit(" figurait dans la publication du ") + pl.col("release") + pl.lit(" comme ")
            + _mandate_label() + pl.lit(", mais n'apparaît plus dans la dernière publication du RNE : "
                                        "pas de mandat en cours."))
