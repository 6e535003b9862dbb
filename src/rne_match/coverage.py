"""Coverage: where signers come from, compared with how many eligible officials live there.

Every unit of the chosen level appears, with zeros where nobody signed: a table that hides the
gaps would mislead the campaign about where to canvass.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import polars as pl

from .mandate import ELIGIBLE_DEFAULT
from .territories import DEPARTEMENTS

LEVELS = ("departement", "region", "kind")


def record_run(db_path: Path, source: Path, result: pl.DataFrame, policy: frozenset[str]) -> str:
    """Store a verify run in `runs` and `signatures`; re-running the same input replaces it."""
    digest = hashlib.sha1(source.read_bytes() if source.is_file() else str(source).encode())
    digest.update(",".join(sorted(policy)).encode())
    run_id = digest.hexdigest()[:12]
    frame = result.with_row_index("input_row", offset=1).with_columns(pl.lit(run_id).alias("run_id"))
    cols = ["run_id", "input_row", "status", "confidence", "reason", "n_candidates", "duplicate_of",
            "rne_person_id", "rne_kind", "rne_code_departement", "rne_code_commune", "rne_territoire"]
    sig = frame.select(cols)  # noqa: F841 - read by DuckDB below
    con = duckdb.connect(str(db_path))
    try:
        con.execute("""CREATE TABLE IF NOT EXISTS runs (run_id VARCHAR PRIMARY KEY, source VARCHAR,
                       rows BIGINT, eligible VARCHAR, created_at TIMESTAMP)""")
        con.execute("CREATE TABLE IF NOT EXISTS signatures AS SELECT * FROM sig LIMIT 0")
        con.execute("BEGIN")
        con.execute("DELETE FROM signatures WHERE run_id = ?", [run_id])
        con.execute("DELETE FROM runs WHERE run_id = ?", [run_id])
        con.execute("INSERT INTO runs VALUES (?, ?, ?, ?, now())",
                    [run_id, str(source), result.height, ",".join(sorted(policy))])
        con.execute("INSERT INTO signatures SELECT * FROM sig")
        con.execute("COMMIT")
    finally:
        con.close()
    return run_id


def eligible_counts(db_path: Path, level: str, policy: frozenset[str] = ELIGIBLE_DEFAULT) -> pl.DataFrame:
    """Distinct eligible persons per unit, every unit listed (overseas included)."""
    kinds = ", ".join(f"'{k}'" for k in sorted(policy))
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        if level == "kind":
            return con.sql(f"""SELECT kind AS code, kind AS libelle, count(DISTINCT person_id) AS elus_eligibles
                               FROM mandates WHERE kind IN ({kinds}) GROUP BY kind ORDER BY kind""").pl()
        if level == "departement":
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
    if level not in LEVELS:
        raise ValueError(f"niveau inconnu : {level} (choix : {', '.join(LEVELS)})")
    base = eligible_counts(db_path, level, policy)
    res = results
    if level == "departement":
        key = pl.col("rne_code_departement")
    elif level == "region":
        dmap = {code: region for code, (_, region) in DEPARTEMENTS.items()}
        key = pl.col("rne_code_departement").replace_strict(dmap, default=None)
    else:
        key = pl.col("rne_kind")
    counts = res.with_columns(key.alias("code")).filter(pl.col("code").is_not_null()).group_by("code").agg(
        pl.len().alias("signatures"),
        (pl.col("status") == "verified").sum().alias("verifiees"),
    )
    table = base.join(counts, on="code", how="left").with_columns(
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
