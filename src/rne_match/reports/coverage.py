"""Coverage: where signers come from, compared with how many eligible officials live there.

Every unit of the chosen level appears, with zeros where nobody signed: a table that hides the
gaps would mislead the campaign about where to canvass.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import polars as pl

from ..domain.mandates import ELIGIBLE_DEFAULT
from ..domain.parties import NOT_GIVEN, PARTIES
from ..domain.territories import DEPARTEMENTS, current_commune_expr
from ..errors import CoverageError
from ..locks import connect
from ..matching.decide import Status
from ..paths import missing_base
from ..registry.download import sha1_of
from .outputs import read_table

LEVELS = ("departement", "region", "commune", "kind", "parti")
# Column -> how it reads on a map legend.
MEASURES = {
    "verifiees_pour_1000_elus": "vérifié·es pour 1 000 élu·es éligibles",
    "verifiees": "signataires vérifié·es",
    "signatures": "signatures",
    "part_verifiees": "part de signatures vérifiées",
}
SIGNATURE_COLUMNS = ["run_id", "input_row", "status", "confidence", "reason", "n_candidates", "duplicate_of",
                     "rne_person_id", "rne_kind", "rne_code_departement", "rne_code_commune", "rne_territoire",
                     "parti", "parti_normalise", "lieu_type", "lieu_code", "lieu_departement"]


def load_results(db_path: Path, results: Path | None = None, run_id: str | None = None) -> pl.DataFrame:
    """Verify results from a file written by `verify`, or from a run recorded in the base
    (the latest when no id is given)."""
    if not db_path.exists():
        raise CoverageError(missing_base(db_path))
    if results is not None:
        return read_table(results)
    con = connect(db_path, read_only=True)
    try:
        if run_id is None:
            rows = con.execute("SELECT run_id FROM runs ORDER BY created_at DESC LIMIT 1").fetchall()
            if not rows:
                raise CoverageError("aucune vérification enregistrée : lancez « rne-match verify » d'abord")
            run_id = rows[0][0]
        frame = con.sql("SELECT * FROM signatures WHERE run_id = ? ORDER BY input_row", params=[run_id]).pl()
    except duckdb.CatalogException as exc:
        raise CoverageError("aucune vérification enregistrée : lancez « rne-match verify » d'abord") from exc
    finally:
        con.close()
    if frame.is_empty():
        raise CoverageError(f"vérification « {run_id} » inconnue (voir : rne-match sql \"SELECT * FROM runs\")")
    return frame


def record_run(db_path: Path, source: Path, result: pl.DataFrame, policy: frozenset[str],
               party_column: str | None = None, output: Path | None = None) -> str:
    """Store a verify run in `runs` and `signatures`; re-running the same input replaces it.

    Only decision columns, the party and the input row number are stored, not names or e-mails:
    the base is shared with analysts who need counts, and the output file already holds the rest;
    its path is kept in `runs.output` (`review --run` reads it)."""
    # Same input (same bytes, streamed: a mailbox may be large) and same policy → same run id.
    content = sha1_of(source) if source.is_file() else str(source)
    run_id = hashlib.sha1(f"{content}|{','.join(sorted(policy))}".encode()).hexdigest()[:12]
    frame = result.with_row_index("input_row", offset=1).with_columns(
        pl.lit(run_id).alias("run_id"),
        (pl.col(party_column) if party_column else pl.lit(None, pl.String)).alias("parti"),
    )
    sig = frame.select(SIGNATURE_COLUMNS)  # noqa: F841 - read by DuckDB below
    con = connect(db_path)  # waits while another process saves its run
    try:
        con.execute("""CREATE TABLE IF NOT EXISTS runs (run_id VARCHAR PRIMARY KEY, source VARCHAR,
                       rows BIGINT, eligible VARCHAR, created_at TIMESTAMP)""")
        con.execute("ALTER TABLE runs ADD COLUMN IF NOT EXISTS output VARCHAR")
        con.execute("CREATE TABLE IF NOT EXISTS signatures AS SELECT * FROM sig LIMIT 0")
        # A base written by an older version lacks the newer columns: add them, keep its runs.
        have = {r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() "
                                          "WHERE table_name = 'signatures'").fetchall()}
        for name, dtype in zip(sig.columns, sig.dtypes, strict=True):
            if name not in have:
                sql_type = "VARCHAR" if dtype == pl.String else "DOUBLE" if dtype.is_float() else "BIGINT"
                con.execute(f'ALTER TABLE signatures ADD COLUMN "{name}" {sql_type}')
        con.execute("BEGIN")
        con.execute("DELETE FROM signatures WHERE run_id = ?", [run_id])
        con.execute("DELETE FROM runs WHERE run_id = ?", [run_id])
        con.execute("INSERT INTO runs (run_id, source, rows, eligible, created_at, output) "
                    "VALUES (?, ?, ?, ?, now(), ?)",
                    [run_id, str(source), result.height, ",".join(sorted(policy)),
                     str(output.resolve()) if output else None])
        con.execute("INSERT INTO signatures BY NAME SELECT * FROM sig")
        con.execute("COMMIT")
    finally:
        con.close()
    return run_id


def eligible_counts(db_path: Path, level: str, policy: frozenset[str] = ELIGIBLE_DEFAULT) -> pl.DataFrame:
    """Distinct eligible persons per unit, every unit listed (overseas included)."""
    kinds = ", ".join(f"'{k}'" for k in sorted(policy))
    con = connect(db_path, read_only=True)
    try:
        if level == "kind":
            return con.sql(f"""SELECT kind AS code, kind AS libelle, count(DISTINCT person_id) AS elus_eligibles
                               FROM mandates WHERE kind IN ({kinds}) GROUP BY kind ORDER BY kind""").pl()
        if level == "parti":
            return pl.DataFrame({"code": [*PARTIES, NOT_GIVEN], "libelle": [*PARTIES, NOT_GIVEN],
                                 "elus_eligibles": [None] * (len(PARTIES) + 1)},
                                schema={"code": pl.String, "libelle": pl.String, "elus_eligibles": pl.Int64})
        if level == "commune":
            sql = f"""
                SELECT c.code_commune AS code, c.libelle_commune || ' (' || c.code_departement || ')' AS libelle,
                       count(DISTINCT m.person_id) AS elus_eligibles
                FROM communes c LEFT JOIN mandates m
                  ON m.code_commune = c.code_commune AND m.kind IN ({kinds})
                GROUP BY ALL ORDER BY code"""
        elif level == "departement":
            sql = f"""
                SELECT d.code_departement AS code, d.libelle_departement AS libelle,
                       count(DISTINCT m.person_id) AS elus_eligibles
                FROM departements d LEFT JOIN mandates m
                  ON m.code_departement = d.code_departement AND m.kind IN ({kinds})
                GROUP BY ALL ORDER BY code"""
        else:
            sql = f"""
                WITH m AS (SELECT m.person_id, coalesce(m.code_region, d.code_region) AS code_region
                           FROM mandates m LEFT JOIN departements d USING (code_departement)
                           WHERE m.kind IN ({kinds}))
                SELECT r.code_region AS code, r.libelle_region AS libelle,
                       count(DISTINCT m.person_id) AS elus_eligibles
                FROM regions r LEFT JOIN m USING (code_region) GROUP BY ALL ORDER BY code"""
        return con.sql(sql).pl()
    finally:
        con.close()


def coverage_table(results: pl.DataFrame, db_path: Path, level: str,
                   policy: frozenset[str] = ELIGIBLE_DEFAULT) -> pl.DataFrame:
    """Signatures and verified signers per unit, every unit listed. A signer counts where the RNE
    places them when identified, else where they said they hold their mandate. The party level has
    no denominator (the RNE records no party), so its `elus_eligibles` stays empty."""
    if level not in LEVELS:
        raise CoverageError(f"niveau inconnu : {level} (choix : {', '.join(LEVELS)})")
    base = eligible_counts(db_path, level, policy)
    res = results
    # A signer is placed by the RNE when identified, else by the place they stated.
    def col(name: str) -> pl.Expr:
        return pl.col(name) if name in res.columns else pl.lit(None, pl.String)

    # A stated commune déléguée or associée counts for its commune nouvelle, as a registry code
    # from before a merger counts for the commune it became.
    stated_commune = pl.when(col("lieu_type").is_in(["commune", "commune_deleguee", "commune_associee"])).then(
        current_commune_expr(col("lieu_code")))
    dep = pl.coalesce(col("rne_code_departement"), col("lieu_departement"))
    if level == "departement":
        key = dep
    elif level == "region":
        dmap = {code: region for code, (_, region) in DEPARTEMENTS.items()}
        stated_region = pl.when(col("lieu_type") == "region").then(col("lieu_code"))
        key = pl.coalesce(dep.replace_strict(dmap, default=None), stated_region)
    elif level == "commune":
        key = pl.coalesce(col("rne_code_commune"), stated_commune)
    elif level == "parti":
        key = pl.col("parti_normalise") if "parti_normalise" in res.columns else pl.lit(NOT_GIVEN)
    else:
        key = pl.col("rne_kind")
    counts = res.with_columns(key.alias("code")).filter(pl.col("code").is_not_null()).group_by("code").agg(
        pl.len().alias("signatures"),
        (pl.col("status") == Status.VERIFIED).sum().alias("verifiees"),
    )
    if level == "parti":  # party texts nobody foresaw are units too
        extra = counts.filter(~pl.col("code").is_in(base["code"].implode())).select(
            "code", pl.col("code").alias("libelle"), pl.lit(None, pl.Int64).alias("elus_eligibles"))
        base = pl.concat([base, extra.sort("code")])
    table = base.join(counts, on="code", how="left", maintain_order="left").with_columns(
        pl.col("signatures").fill_null(0), pl.col("verifiees").fill_null(0)
    ).with_columns(
        pl.when(pl.col("signatures") > 0).then((pl.col("verifiees") / pl.col("signatures")).round(3))
        .otherwise(None).alias("part_verifiees"),
        pl.when(pl.col("elus_eligibles") > 0)
        .then((pl.col("verifiees") * 1000 / pl.col("elus_eligibles")).round(2))
        .otherwise(None).alias("verifiees_pour_1000_elus"),
    )
    return table.select("code", "libelle", "signatures", "verifiees", "part_verifiees",
                        "elus_eligibles", "verifiees_pour_1000_elus")
