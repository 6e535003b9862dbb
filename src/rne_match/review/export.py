"""The final list: automatic `verified` rows plus the rows a reviewer accepted, minus rejected rows
and duplicates, with a column saying who decided.

Only what an organiser publishes goes out: the input columns they wrote (their own data), the
RNE person and mandate that prove the signature, the normalised party, and the decision. No
birth date (the review never reads them), no matching internals.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ._deps import check_output, write_table
from .store import ReviewError, ReviewSession

RNE_COLUMNS = ["rne_person_id", "rne_nom", "rne_prenom", "rne_sexe", "rne_kind", "rne_fonction",
               "rne_code_departement", "rne_departement", "rne_code_commune", "rne_commune", "rne_territoire"]


@dataclass
class ExportSummary:
    frame: pl.DataFrame
    automatic: int
    accepted: int
    left_out: dict[str, int]


def _decision_text(reviewer: str | None, at) -> str:
    when = at.strftime("%d/%m/%Y %H:%M") if at is not None else "?"
    return f"acceptée par {reviewer} le {when}" if reviewer else f"acceptée le {when}"


def final_list(session: ReviewSession) -> ExportSummary:
    session.refresh()
    frame = session.frame
    eff = session.mem.cursor().sql("SELECT * FROM eff").pl()
    rows = frame.join(eff.drop("input_row").rename({"person_id": "d_person_id", "duplicate_of": "d_duplicate_of"}),
                      on="row_key", how="left")
    auto = (pl.col("status") == "verified") & pl.col("action").is_null() & pl.col("duplicate_of").is_null()
    accepted = pl.col("action") == "accept"
    left_out = {
        "rejetées": rows.filter(pl.col("action") == "reject").height,
        "doublons (décision)": rows.filter(pl.col("action") == "duplicate").height,
        "à recontacter": rows.filter(pl.col("action") == "contact").height,
        "doublons (automatiques)": rows.filter((pl.col("status") == "verified") & pl.col("action").is_null()
                                               & pl.col("duplicate_of").is_not_null()).height,
        "non décidées": rows.filter((pl.col("status") != "verified") & pl.col("action").is_null()).height,
    }
    kept = rows.filter(auto | accepted)
    # An accepted person other than the one verify chose: their RNE columns come from the mandate
    # of theirs that best fits what the signer stated.
    fills = []
    for rec in kept.filter(accepted & (pl.col("d_person_id") != pl.col("rne_person_id").fill_null(""))).iter_rows(named=True):
        m = session.best_mandate(rec["d_person_id"], rec)
        if m is None:
            raise ReviewError(f"ligne {rec['input_row']} : personne {rec['d_person_id']} absente de la base du RNE")
        fills.append({"input_row": rec["input_row"], "rne_person_id": m["person_id"], "rne_nom": m["nom"],
                      "rne_prenom": m["prenom"], "rne_sexe": m["sexe"], "rne_kind": m["kind"],
                      "rne_fonction": m["fonction"], "rne_code_departement": m["code_departement"],
                      "rne_departement": m["libelle_departement"], "rne_code_commune": m["code_commune"],
                      "rne_commune": m["libelle_commune"], "rne_territoire": m["lieu"]})
    present = [c for c in RNE_COLUMNS if c in kept.columns]
    if fills:
        fill = pl.DataFrame(fills, schema={"input_row": pl.Int64, **dict.fromkeys(RNE_COLUMNS, pl.String)})
        kept = kept.join(fill.select("input_row", *present), on="input_row", how="left", suffix="_accepte")
        kept = kept.with_columns([pl.coalesce(f"{c}_accepte", c).alias(c) for c in present]).drop(
            [f"{c}_accepte" for c in present])
    kept = kept.with_columns(
        pl.when(pl.col("action") == "accept")
        .then(pl.struct("reviewer", "decided_at").map_elements(
            lambda s: _decision_text(s["reviewer"], s["decided_at"]), return_dtype=pl.String))
        .otherwise(pl.lit("automatique")).alias("decision"))
    # One line per person: a person accepted on a second row is a duplicate too.
    before = kept.height
    kept = kept.sort("input_row").unique("rne_person_id", keep="first", maintain_order=True) \
        if "rne_person_id" in kept.columns else kept
    left_out["doublons (même personne)"] = before - kept.height
    out_cols = ["input_row", *session.inputs, *present,
                *(["parti_normalise"] if "parti_normalise" in kept.columns else []), "decision"]
    out = kept.select(out_cols).rename({"input_row": "n_ligne"} if "n_ligne" not in session.inputs else {})
    n_auto = out.filter(pl.col("decision") == "automatique").height
    return ExportSummary(out, n_auto, out.height - n_auto, left_out)


def export_list(session: ReviewSession, output: Path) -> ExportSummary:
    """Write the final list (CSV or XLSX by extension; written beside, then renamed)."""
    if output.suffix.lower() not in (".csv", ".xlsx"):
        raise ReviewError(f"{output} : extension attendue .csv ou .xlsx")
    check_output(output, session.target.results, Path(session.target.source))
    summary = final_list(session)
    write_table(summary.frame, output)
    return summary


def reviewed_results(session: ReviewSession) -> pl.DataFrame:
    """The results with the review applied, for `coverage --decisions`: a row of the final list is
    `verified` (an accepted row with the accepted person's RNE columns); a verified row the review
    left out (rejected, duplicate, to recontact) becomes `ecartee`; the other rows are unchanged."""
    final = final_list(session).frame
    key = "n_ligne" if "n_ligne" in final.columns else final.columns[0]
    present = [c for c in RNE_COLUMNS if c in final.columns and c in session.frame.columns]
    kept = final.select(pl.col(key).cast(pl.Int64).alias("input_row"), *[pl.col(c).alias(f"{c}_revu") for c in present])
    frame = session.frame.join(kept, on="input_row", how="left")
    listed = pl.col(f"{present[0]}_revu").is_not_null() if present else pl.lit(False)
    return frame.with_columns(
        pl.when(listed).then(pl.lit("verified"))
        .when(pl.col("status") == "verified").then(pl.lit("ecartee"))
        .otherwise(pl.col("status")).alias("status"),
        *[pl.when(listed).then(pl.col(f"{c}_revu")).otherwise(pl.col(c)).alias(c) for c in present],
    ).drop([f"{c}_revu" for c in present], "input_row", "row_key")
