"""The registry as the matcher needs it: current mandates and one row per person, with keys.

Read once from DuckDB into polars; every key the blocking rules join on is computed here with
column expressions, never row by row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from .normalize import map_unique, skeleton_expr, strip_particles_expr

# The label a person would use for the place of a mandate, per kind.
_TERRITOIRE_SQL = """
CASE m.kind
  WHEN 'cm' THEN m.libelle_commune
  WHEN 'mai' THEN m.libelle_commune
  WHEN 'ca' THEN coalesce(m.secteur, m.libelle_commune)
  WHEN 'cd' THEN coalesce(m.libelle_canton || ' (' || m.libelle_departement || ')', m.libelle_departement)
  WHEN 'cr' THEN coalesce(m.libelle_region, r.libelle_region)
  WHEN 'ma' THEN coalesce(m.libelle_collectivite, m.libelle_section, m.libelle_region)
  WHEN 'epci' THEN m.libelle_epci
  WHEN 'dep' THEN coalesce(m.libelle_circonscription || ' (' || m.libelle_departement || ')', m.libelle_departement)
  WHEN 'sen' THEN coalesce(m.libelle_departement, m.libelle_collectivite)
  ELSE coalesce(m.libelle_circonscription, 'France')
END
"""

_PLACE_SQL = "concat_ws(' ', " + ", ".join(
    f"m.{c}" for c in ("libelle_commune", "libelle_departement", "libelle_region", "libelle_canton",
                       "libelle_epci", "libelle_collectivite", "libelle_section", "secteur")
) + ", d.libelle_departement, r.libelle_region)"


@dataclass
class Registry:
    persons: pl.DataFrame
    mandates: pl.DataFrame
    n_persons: int
    releases: list[str]


def load_registry(db_path: Path) -> Registry:
    if not Path(db_path).exists():
        raise FileNotFoundError(
            f"{db_path} : base absente ; lancez « rne-match load » (ou « rne-match demo »)"
        )
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        # Only the newest release of each kind: an older file would verify people who left office.
        mandates = con.sql(
            f"""
            WITH latest AS (SELECT kind, max(release) AS release FROM mandates GROUP BY kind)
            SELECT m.person_id, m.kind, m.fonction, m.code_departement,
                   coalesce(m.libelle_departement, d.libelle_departement) AS libelle_departement,
                   m.code_commune, m.libelle_commune,
                   coalesce(m.code_region, d.code_region) AS code_region,
                   m.libelle_region, m.libelle_canton, m.libelle_epci, m.libelle_collectivite,
                   m.libelle_section, m.secteur, m.code_collectivite,
                   {_TERRITOIRE_SQL} AS territoire, m.nuance, m.release, {_PLACE_SQL} AS place
            FROM mandates m JOIN latest USING (kind, release)
            LEFT JOIN departements d ON d.code_departement = m.code_departement
            LEFT JOIN regions r ON r.code_region = coalesce(m.code_region, d.code_region)
            """
        ).pl()
        persons = con.sql(
            """
            SELECT p.person_id, p.nom, p.prenom, p.sexe
            FROM persons p SEMI JOIN (SELECT DISTINCT person_id FROM mandates
              WHERE (kind, release) IN (SELECT (kind, max(release)) FROM mandates GROUP BY kind))
              m USING (person_id)
            """
        ).pl()
        releases = [r[0] for r in con.execute("SELECT DISTINCT release FROM mandates").fetchall()]
    finally:
        con.close()
    for src, dst in (("place", "place_f"), ("libelle_commune", "commune_f"),
                     ("territoire", "territoire_f")):
        mandates = map_unique(mandates, src, dst)
    persons = map_unique(map_unique(persons, "nom", "nom_f"), "prenom", "prenom_f")
    persons = map_unique(persons, "nom_f", "nom_np", strip_particles_expr)
    persons = map_unique(persons, "nom_np", "nom_skel", skeleton_expr)
    persons = persons.with_columns(
        pl.col("prenom_f").str.split(" ").list.first().alias("prenom_first"),
        pl.col("prenom_f").str.slice(0, 1).alias("prenom_initial"),
    )
    persons = persons.with_columns(
        pl.len().over("nom_np").alias("nom_freq"),
        pl.len().over("prenom_first").alias("prenom_freq"),
    )
    return Registry(persons, mandates, persons.height, sorted(releases))
