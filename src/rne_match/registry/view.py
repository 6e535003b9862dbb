"""The registry as the matcher needs it: current mandates and one row per person, with keys.

Read once from DuckDB into polars; every key the blocking rules join on is computed here with
column expressions, never row by row.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from ..domain.kinds import KINDS, KindSpec
from ..domain.territories import DEP_CONTAINS, DEPARTEMENTS
from ..domain.text import map_unique, skeleton_expr, strip_particles_expr
from ..errors import RegistryError
from ..files import atomic_write
from ..locks import connect
from ..paths import missing_base
from ..progress import Advance, Steps, silent

# The label a person would use for the place of a mandate, per kind.
_TERRITOIRE_SQL = (
    "CASE m.kind\n"
    + "".join(f"  WHEN '{code}' THEN {spec.territory_sql}\n" for code, spec in KINDS.items())
    + f"  ELSE {KindSpec.territory_sql}\nEND"
)

# A territory that holds départements answers to their names too: a councillor of the Collectivité
# européenne d'Alsace (6AE) writes « conseiller départemental du Bas-Rhin ».
_HELD_NAMES_SQL = "CASE m.code_departement " + "".join(
    f"WHEN '{parent}' THEN '{' '.join(DEPARTEMENTS[c][0] for c in children if c in DEPARTEMENTS)}' "
    for parent, children in DEP_CONTAINS.items()) + "END"
_PLACE_SQL = "concat_ws(' ', " + ", ".join(
    f"m.{c}" for c in ("libelle_commune", "libelle_departement", "libelle_region", "libelle_canton",
                       "libelle_epci", "libelle_collectivite", "libelle_section", "secteur")
) + f", d.libelle_departement, r.libelle_region, {_HELD_NAMES_SQL})"


@dataclass
class Registry:
    persons: pl.DataFrame
    mandates: pl.DataFrame
    n_persons: int
    releases: list[str]
    cache: dict = field(default_factory=dict, repr=False, compare=False)  # derived tables (blocking)
    # People whose mandates appear only in older releases loaded in the same base: they left
    # office. Matched in a second pass so that the reason can say so. None when one release only.
    former: Registry | None = field(default=None, repr=False, compare=False)
    # Where tables derived from this registry persist between processes (None: memory only).
    cache_dir: Path | None = field(default=None, repr=False, compare=False)

    def derived(self, name: str, build: Callable[[Registry], pl.DataFrame]) -> pl.DataFrame:
        """A table computed from the registry alone (a blocking index, holder counts, places).

        Building them takes seconds on the full RNE, which every `verify` process paid before its
        first signature; they are kept in memory and in the Parquet cache next to the base, so a
        `load` pays once and each later run only reads them.
        """
        if name not in self.cache:
            path = self.cache_dir / f"{name}.parquet" if self.cache_dir is not None else None
            frame = None
            if path is not None and path.exists():
                try:
                    frame = pl.read_parquet(path)
                except (OSError, pl.exceptions.PolarsError):
                    frame = None  # a damaged file is rebuilt below
            if frame is None:
                frame = build(self)
                # Not into a cache folder a newer `load` removed meanwhile (its persons are gone).
                alive = path is not None and any((d / "persons.parquet").exists()
                                                 for d in (path.parent, path.parent.parent))
                if alive:
                    try:
                        with atomic_write(path) as tmp:
                            frame.write_parquet(tmp, compression="lz4")
                    except OSError:
                        pass  # a read-only folder only costs the rebuild next time
            self.cache[name] = frame
        return self.cache[name]


CACHE_VERSION = "8"  # the layout of the cache folder


@functools.cache
def _code_fingerprint() -> str:
    """What the derived tables are computed with: the sources of the packages that build them
    (kinds, folding, territories, the matcher's builders and constants) and the shipped COG table.
    A change to any of them invalidates the cache by itself, without anyone remembering a bump."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha1()
    for path in sorted([*package.glob("domain/*.py"), *package.glob("matching/*.py"), Path(__file__),
                        *package.glob("data/*")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _cache_key(con: duckdb.DuckDBPyConnection) -> str:
    """What the registry is derived from: the files loaded and when, and the code that derives
    it. A new `load` changes it, even of the same files (a newer loader may read them
    differently); recording verify runs in the same base does not."""
    rows = con.execute("SELECT source_file, sha1, rows_loaded, loaded_at FROM releases ORDER BY ALL").fetchall()
    return hashlib.sha1(f"{CACHE_VERSION}{_code_fingerprint()}{rows}".encode()).hexdigest()[:16]


def load_registry(db_path: Path, progress: Steps = silent) -> Registry:
    """The registry with its match keys. Computing the keys takes seconds on the full RNE, so
    they are kept in a Parquet cache next to the base and reused until the next `load`;
    `progress` shows that computation, step by step."""
    if not Path(db_path).exists():
        raise RegistryError(missing_base(db_path))
    con = connect(db_path, read_only=True)
    try:
        try:
            key = _cache_key(con)
        except duckdb.Error:
            key = None
        cache = Path(db_path).with_name(f".{Path(db_path).name}.registry-{key}") if key else None
        if cache is not None and (cache / "persons.parquet").exists() and (cache / "mandates.parquet").exists():
            try:
                return _split(pl.read_parquet(cache / "persons.parquet"),
                              pl.read_parquet(cache / "mandates.parquet"), cache)
            except (OSError, pl.exceptions.PolarsError):
                pass  # a damaged cache is rebuilt below
        with progress("Clés d'appariement", COMPUTE_STEPS + (cache is not None), "étape") as advance:
            persons, mandates = _compute(con, advance)
            con.close()  # the base is free again while the cache is written
            if cache is not None:
                if not _write_cache(cache, persons, mandates):
                    cache = None
                advance(1)
    finally:
        con.close()  # closing twice is harmless
    return _split(persons, mandates, cache)


def _with_frequencies(persons: pl.DataFrame) -> pl.DataFrame:
    return persons.with_columns(
        pl.len().over("nom_np").alias("nom_freq"),
        pl.len().over("prenom_first").alias("prenom_freq"),
    )


def _split(persons: pl.DataFrame, mandates: pl.DataFrame, cache: Path | None = None) -> Registry:
    """Current holders, and former ones with the mandates of the last release they appear in."""
    releases = mandates["release"].unique().drop_nulls().to_list()
    current = persons.filter(pl.col("current")).drop("current")
    registry = Registry(_with_frequencies(current), mandates.filter(pl.col("current")).drop("current"),
                        current.height, sorted(releases), cache_dir=cache)
    gone = persons.filter(~pl.col("current")).drop("current")
    if gone.height:
        last = mandates.filter(~pl.col("current") & pl.col("person_id").is_in(gone["person_id"].implode()))
        last = last.filter(pl.col("release") == pl.col("release").max().over("person_id")).drop("current")
        registry.former = Registry(_with_frequencies(gone), last, current.height, sorted(releases),
                                   cache_dir=cache / "former" if cache is not None else None)
    return registry


def _write_cache(cache: Path, persons: pl.DataFrame, mandates: pl.DataFrame) -> bool:
    """Best effort: a read-only folder only costs the recomputation next time."""
    try:
        with atomic_write(cache) as tmp:
            tmp.mkdir(parents=True)
            persons.write_parquet(tmp / "persons.parquet", compression="lz4")
            mandates.write_parquet(tmp / "mandates.parquet", compression="lz4")
            for old in cache.parent.glob(cache.name.rsplit("-", 1)[0] + "-*"):  # caches of earlier loads
                if old != tmp:
                    shutil.rmtree(old, ignore_errors=True)
    except OSError:
        return False
    return True


COMPUTE_STEPS = 4  # the `advance` calls of _compute


def _compute(con: duckdb.DuckDBPyConnection, advance: Advance) -> tuple[pl.DataFrame, pl.DataFrame]:
    """All mandates and persons with their match keys and a `current` flag (in the latest
    release of its kind); sorted, so that a seeded draw from
    the registry (the benchmark's labelled sets) is the same in every process."""
    # Only the newest release of each kind: an older file would verify people who left office.
    mandates = con.sql(
        f"""
        WITH latest AS (SELECT kind, max(release) AS release, true AS current FROM mandates GROUP BY kind)
        SELECT coalesce(latest.current, false) AS current, m.person_id, m.kind, m.fonction, m.code_departement,
               coalesce(m.libelle_departement, d.libelle_departement) AS libelle_departement,
               m.code_commune, m.libelle_commune,
               coalesce(m.code_region, d.code_region) AS code_region,
               m.libelle_region, m.libelle_canton, m.libelle_epci, m.libelle_collectivite,
               m.libelle_section, m.secteur, m.code_collectivite,
               {_TERRITOIRE_SQL} AS territoire, m.nuance, m.release, {_PLACE_SQL} AS place
        FROM mandates m LEFT JOIN latest USING (kind, release)
        LEFT JOIN departements d ON d.code_departement = m.code_departement
        LEFT JOIN regions r ON r.code_region = coalesce(m.code_region, d.code_region)
        ORDER BY m.person_id, m.kind, m.source_file, m.source_line
        """
    ).pl()
    advance(1)
    persons = con.sql(
        """
        SELECT p.person_id IN (SELECT person_id FROM mandates
                 WHERE (kind, release) IN (SELECT (kind, max(release)) FROM mandates GROUP BY kind)) AS current,
               p.person_id, p.nom, p.prenom, p.sexe
        FROM persons p
        ORDER BY p.person_id
        """
    ).pl()
    advance(1)
    for src, dst in (("place", "place_f"), ("libelle_commune", "commune_f"),
                     ("territoire", "territoire_f"), ("fonction", "fonction_f")):
        mandates = map_unique(mandates, src, dst)
    advance(1)
    persons = map_unique(map_unique(persons, "nom", "nom_f"), "prenom", "prenom_f")
    persons = map_unique(persons, "nom_f", "nom_np", strip_particles_expr)
    persons = map_unique(persons, "nom_np", "nom_skel", skeleton_expr)
    persons = persons.with_columns(
        pl.col("prenom_f").str.split(" ").list.first().alias("prenom_first"),
        pl.col("prenom_f").str.slice(0, 1).alias("prenom_initial"),
    )
    advance(1)
    return persons, mandates
