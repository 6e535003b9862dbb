"""The review queue and its decisions.

A `ReviewSession` loads the results file of one `verify` run once into an in-memory DuckDB (with the
persons and mandates of the registry, birth dates left out), answers the queue and row queries
from memory, and writes each decision to the `decisions` table of the base in its own short
connection: DuckDB lets one process write at a time, so no connection to the base stays open
between two requests (another viewer, or `verify`, can use it meanwhile).

`decisions` is append-only. A row is identified by `row_key`, a hash of its input columns (plus
its rank among identical rows), so that a new `verify` run of the same input (same `source`)
finds the decisions made on the previous one for every unchanged row. The latest decision of a
row wins; `undo` appends a row pointing at the decision it cancels.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from ._deps import (
    ADDED_COLUMNS,
    COMMUNE_FAMILY,
    ELIGIBLE_DEFAULT,
    REVIEW_ORDER,
    BaseBusy,
    RneMatchError,
    current_commune,
    detect_roles,
    fold,
    fold_expr,
    missing_base,
    parse_mandate,
    read_table,
    wait_for_lock,
)

PAGE_SIZE = 100
ACTIONS = ("accept", "reject", "duplicate", "contact", "undo")
STATUS_LABELS = {
    "verified": "vérifiée", "verified_other_mandate": "autre mandat", "ambiguous": "homonymes",
    "not_eligible": "hors périmètre", "not_found": "introuvable", "invalid": "invérifiable",
}
DECISIONS_DDL = """
CREATE TABLE IF NOT EXISTS decisions (
    decision_id BIGINT PRIMARY KEY, run_id VARCHAR, source VARCHAR, input_row BIGINT,
    row_key VARCHAR, action VARCHAR, person_id VARCHAR, duplicate_of BIGINT, note VARCHAR,
    reviewer VARCHAR, decided_at TIMESTAMP, undone_decision_id BIGINT)"""
# The decision in force for each row of a source: the latest one nobody undid.
EFFECTIVE_SQL = """
SELECT row_key, decision_id, action, person_id, duplicate_of, note, reviewer, decided_at, input_row
FROM decisions
WHERE source = ? AND action <> 'undo'
  AND decision_id NOT IN (SELECT undone_decision_id FROM decisions
                          WHERE source = ? AND action = 'undo' AND undone_decision_id IS NOT NULL)
QUALIFY row_number() OVER (PARTITION BY row_key ORDER BY decision_id DESC) = 1"""
# The place a person would name for a mandate, per kind (as in the registry view).
PLACE_SQL = """CASE kind
  WHEN 'cm' THEN libelle_commune WHEN 'mai' THEN libelle_commune
  WHEN 'ca' THEN coalesce(secteur, libelle_commune)
  WHEN 'cd' THEN coalesce(libelle_canton, libelle_departement)
  WHEN 'cr' THEN coalesce(libelle_region, libelle_departement)
  WHEN 'ma' THEN coalesce(libelle_collectivite, libelle_section, libelle_region)
  WHEN 'epci' THEN libelle_epci
  ELSE coalesce(libelle_circonscription, libelle_departement, libelle_collectivite, 'France') END"""


def _one(con: duckdb.DuckDBPyConnection) -> tuple | None:
    """The first row of the last query (read whole: DuckDB 2 wants each result finished)."""
    rows = con.fetchall()
    return rows[0] if rows else None


class ReviewError(RneMatchError):
    """The review cannot start or a decision cannot be recorded; the message says why."""


@dataclass(frozen=True)
class Target:
    """Which results are reviewed: the file, and the run and input they come from."""
    results: Path
    run_id: str
    source: str


@dataclass
class Filters:
    vue: str = "relecture"  # relecture | douteuses
    statut: str = ""
    dep: str = ""
    parti: str = ""
    decide: str = ""  # "" | oui | non
    q: str = ""
    page: int = 1

    @classmethod
    def from_query(cls, q: dict[str, str]) -> Filters:
        try:
            page = max(1, int(q.get("page") or 1))
        except ValueError:
            page = 1
        vue = q.get("vue") if q.get("vue") in ("relecture", "douteuses") else "relecture"
        decide = q.get("decide") if q.get("decide") in ("oui", "non") else ""
        return cls(vue, (q.get("statut") or "")[:40], (q.get("dep") or "")[:10], (q.get("parti") or "")[:200],
                   decide, (q.get("q") or "")[:200], page)

    def params(self, **change) -> dict[str, str]:
        """Non-default values, for links that keep the filters."""
        out = {"vue": self.vue, "statut": self.statut, "dep": self.dep, "parti": self.parti,
               "decide": self.decide, "q": self.q, "page": str(self.page)}
        out.update({k: str(v) for k, v in change.items()})
        return {k: v for k, v in out.items() if v and not (k == "vue" and v == "relecture")
                and not (k == "page" and v == "1")}


# ---------------------------------------------------------------------------------------------
# Reading results and finding the run


def read_results(path: Path) -> pl.DataFrame:
    """A results file written by `verify`, every column as text except the numeric decision ones."""
    if not path.exists():
        raise ReviewError(f"{path} : fichier de résultats introuvable")
    try:
        frame = read_table(path)
    except Exception as exc:  # polars/openpyxl raise many kinds
        raise ReviewError(f"{path} : illisible ({str(exc).splitlines()[0]})") from exc
    if frame.columns and frame.columns[0].startswith("\ufeff"):
        frame = frame.rename({frame.columns[0]: frame.columns[0].lstrip("\ufeff")})
    missing = [c for c in ("status", "confidence", "rne_person_id") if c not in frame.columns]
    if missing:
        raise ReviewError(f"{path} : ce n'est pas un fichier écrit par « rne-match verify » "
                          f"(colonnes absentes : {', '.join(missing)})")
    numeric = {"confidence": pl.Float64, "n_candidates": pl.Int64, "duplicate_of": pl.Int64}
    return frame.with_columns(
        [pl.col(c).cast(pl.String) for c, t in frame.schema.items() if c not in numeric and t != pl.String]
        + [pl.col(c).cast(pl.String).str.replace(",", ".").cast(t, strict=False)
           for c, t in numeric.items() if c in frame.columns])


# The base is opened for each read or write and closed right after, so that no lock is held
# between requests. Opening it by ATTACH in one in-memory DuckDB kept for the process costs a few
# milliseconds, where a new DuckDB instance per request would cost tens. Within the process the
# base is used by one caller at a time (a lock per file); other processes are kept out by
# DuckDB's file lock, and a conflict with them is retried for a few seconds.
_GATEWAY: list[duckdb.DuckDBPyConnection] = []
_FILE_LOCKS: dict[str, threading.Lock] = {}
_GUARD = threading.Lock()
_ALIASES = itertools.count()
LOCK_WAIT = 15.0  # seconds a page request waits for the base before answering « base occupée »


def _file_lock(db_path: Path) -> threading.Lock:
    with _GUARD:
        return _FILE_LOCKS.setdefault(str(Path(db_path).resolve()), threading.Lock())


@contextmanager
def _base(db_path: Path, read_only: bool = False, timeout: float = LOCK_WAIT) -> Iterator[duckdb.DuckDBPyConnection]:
    with _file_lock(db_path):
        with _GUARD:
            if not _GATEWAY:
                _GATEWAY.append(duckdb.connect())
            cur = _GATEWAY[0].cursor()
        alias = f"base_{next(_ALIASES)}"
        path = str(db_path).replace("'", "''")
        try:
            try:
                wait_for_lock(lambda: cur.execute(f"ATTACH '{path}' AS {alias}{' (READ_ONLY)' if read_only else ''}"),
                              db_path, timeout)
            except BaseBusy as exc:
                raise ReviewError(str(exc)) from exc
            cur.execute(f"USE {alias}")
            try:
                yield cur
            finally:
                cur.execute("USE memory")
                cur.execute(f"DETACH {alias}")
        finally:
            cur.close()


def find_target(db_path: Path, results: Path | None = None, run_id: str | None = None) -> Target:
    """The results to review: a file (whose run is found in `runs.output` when verify recorded it)
    or a recorded run (the latest when neither is given)."""
    if not Path(db_path).exists():
        raise ReviewError(missing_base(db_path))
    with _base(db_path, read_only=True) as con:
        tables = {r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()").fetchall()}
        cols = {r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() "
                                          "WHERE table_name = 'runs' AND database_name = current_database()").fetchall()}
        if results is not None:
            resolved = results.resolve()
            if "output" in cols:
                row = _one(con.execute("SELECT run_id, source FROM runs WHERE output = ? ORDER BY created_at DESC LIMIT 1",
                                  [str(resolved)]))
                if row:
                    return Target(results, row[0], row[1])
            # Results verify did not record here: decisions are kept for this file alone.
            return Target(results, "fichier-" + hashlib.sha1(str(resolved).encode()).hexdigest()[:12], str(resolved))
        if "runs" not in tables:
            raise ReviewError("aucune vérification enregistrée dans la base : lancez « rne-match verify » "
                              "ou indiquez le fichier de résultats")
        if "output" not in cols:
            raise ReviewError("cette base a été écrite par une version qui ne garde pas le chemin des "
                              "fichiers de résultats : indiquez-le (rne-match review RESULTATS.xlsx)")
        if run_id is None:
            row = _one(con.execute("SELECT run_id, source, output FROM runs ORDER BY created_at DESC LIMIT 1"))
            if row is None:
                raise ReviewError("aucune vérification enregistrée : lancez « rne-match verify » d'abord")
        else:
            row = _one(con.execute("SELECT run_id, source, output FROM runs WHERE run_id = ?", [run_id]))
            if row is None:
                raise ReviewError(f"vérification « {run_id} » inconnue (voir : rne-match sql \"SELECT * FROM runs\")")
    if not row[2]:
        raise ReviewError(f"la vérification « {row[0]} » n'a pas gardé le chemin de son fichier de résultats : "
                          "indiquez-le (rne-match review RESULTATS.xlsx)")
    path = Path(row[2])
    if not path.exists():
        raise ReviewError(f"{path} : fichier de résultats de la vérification « {row[0]} » introuvable ; "
                          "indiquez-le (rne-match review RESULTATS.xlsx)")
    return Target(path, row[0], row[1])


def input_columns(frame: pl.DataFrame) -> list[str]:
    added = set(ADDED_COLUMNS) | {"rne_candidats"}
    return [c for c in frame.columns if c not in added]


def with_row_keys(frame: pl.DataFrame, inputs: list[str]) -> pl.DataFrame:
    """`input_row` (1-based) and `row_key`: MD5 of the input columns, plus the rank of the row among
    rows with the same content (two identical lines stay two rows)."""
    joined = pl.concat_str([pl.col(c).cast(pl.String).fill_null("") for c in inputs] or [pl.lit("")],
                           separator="\x1f")
    texts = frame.select(joined.alias("t"))["t"].to_list()
    digests = [hashlib.md5(t.encode("utf-8")).hexdigest()[:20] for t in texts]
    keyed = frame.with_row_index("input_row", offset=1).with_columns(
        pl.Series("_h", digests, dtype=pl.String)).with_columns(pl.col("input_row").cast(pl.Int64))
    return keyed.with_columns(
        (pl.col("_h") + pl.lit(":") + (pl.int_range(pl.len()).over("_h") + 1).cast(pl.String)).alias("row_key")
    ).drop("_h")


# ---------------------------------------------------------------------------------------------
# Writing decisions


def ensure_table(db_path: Path) -> None:
    with _base(db_path) as con:
        con.execute(DECISIONS_DDL)


DECISION_COLUMNS = {"decision_id": pl.Int64, "run_id": pl.String, "source": pl.String, "input_row": pl.Int64,
                    "row_key": pl.String, "action": pl.String, "person_id": pl.String, "duplicate_of": pl.Int64,
                    "note": pl.String, "reviewer": pl.String, "decided_at": pl.Datetime("us"),
                    "undone_decision_id": pl.Int64}


def read_decisions(db_path: Path, source: str, con: duckdb.DuckDBPyConnection | None = None) -> pl.DataFrame:
    """Every decision (undos included) recorded for the rows of one input."""
    if con is None:
        with _base(db_path, read_only=True) as own:
            return read_decisions(db_path, source, own)
    has = _one(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'decisions' "
                           "AND database_name = current_database()"))[0]
    if not has:
        return pl.DataFrame(schema=DECISION_COLUMNS)
    return con.sql(f"SELECT {', '.join(DECISION_COLUMNS)} FROM decisions WHERE source = ? ORDER BY decision_id",
                   params=[source]).pl().cast(DECISION_COLUMNS)


def record_decision(db_path: Path, target: Target, input_row: int, row_key: str, action: str, *,
                    person_id: str | None = None, duplicate_of: int | None = None, note: str | None = None,
                    reviewer: str | None = None, known: int = -1) -> tuple[dict | None, pl.DataFrame | None]:
    """Append one decision (for `undo`: cancel the row's decision in force, if any) in one short
    transaction. Returns the row written (None when there was nothing to undo) and, when the base
    holds other decisions than the `known` count plus this one (another viewer decided), all the
    decisions of the input, read in the same connection."""
    if action not in ACTIONS:
        raise ReviewError(f"action inconnue : {action}")
    try:
        with _base(db_path) as con:
            return _record(con, target, input_row, row_key, action, person_id, duplicate_of, note, reviewer, known)
    except (duckdb.TransactionException, duckdb.ConstraintException) as exc:
        raise ReviewError(f"décision non enregistrée, réessayez ({exc})") from exc


def _record(con, target, input_row, row_key, action, person_id, duplicate_of, note, reviewer, known):
    con.execute(DECISIONS_DDL)
    con.execute("BEGIN")
    undone = None
    if action == "undo":
        row = _one(con.execute(f"SELECT decision_id FROM ({EFFECTIVE_SQL}) WHERE row_key = ?",
                               [target.source, target.source, row_key]))
        if row is None:
            con.execute("ROLLBACK")
            return None, read_decisions(None, target.source, con)
        undone = row[0]
    new_id, count = _one(con.execute("SELECT coalesce(max(decision_id), 0) + 1, count(*) FILTER (source = ?) "
                                     "FROM decisions", [target.source]))
    written = {"decision_id": new_id, "run_id": target.run_id, "source": target.source, "input_row": input_row,
               "row_key": row_key, "action": action, "person_id": person_id, "duplicate_of": duplicate_of,
               "note": note, "reviewer": reviewer, "decided_at": datetime.now().replace(microsecond=0),
               "undone_decision_id": undone}
    con.execute(f"INSERT INTO decisions ({', '.join(written)}) VALUES ({', '.join('?' * len(written))})",
                list(written.values()))
    con.execute("COMMIT")
    return written, (None if count == known else read_decisions(None, target.source, con))


# ---------------------------------------------------------------------------------------------
# The in-memory session


def _signer_name_columns(frame: pl.DataFrame, inputs: list[str]) -> dict[str, str]:
    roles = detect_roles(inputs)
    return {r: roles[r] for r in ("nom", "prenom", "nom_complet", "mandat", "civilite", "commune",
                                  "departement", "parti", "email") if r in roles}


@dataclass
class ReviewSession:
    db_path: Path
    target: Target
    frame: pl.DataFrame = field(repr=False)
    inputs: list[str]
    roles: dict[str, str]
    mem: duckdb.DuckDBPyConnection = field(repr=False)
    _registry_loaded: bool = False
    _stamp: tuple | None = ()
    _count: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    deps: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)

    # -- loading ------------------------------------------------------------------------------
    @classmethod
    def open(cls, db_path: Path, target: Target, load_registry: bool = True) -> ReviewSession:
        frame = read_results(target.results)
        inputs = input_columns(frame)
        frame = with_row_keys(frame, inputs)
        roles = _signer_name_columns(frame, inputs)
        mem = duckdb.connect()
        name = _display_name(frame, roles)
        rank = {s: i for i, s in enumerate(REVIEW_ORDER)}
        col = lambda c: pl.col(c) if c in frame.columns else pl.lit(None, pl.String)  # noqa: E731
        index = frame.select(
            "input_row", "row_key", pl.col("status").fill_null("invalid"),
            pl.col("status").replace_strict(rank, default=len(rank), return_dtype=pl.Int32).alias("rank"),
            "confidence", col("duplicate_of").alias("auto_duplicate_of"), col("rne_person_id"),
            name.alias("signataire"), fold_expr(name).alias("signataire_f"),
            (pl.col(roles["mandat"]) if "mandat" in roles else pl.lit(None, pl.String)).alias("mandat"),
            pl.coalesce(col("rne_code_departement"), col("lieu_departement")).alias("dep"),
            col("parti_normalise").alias("parti"), col("reason"),
        )
        mem.register("_index", index.to_arrow())
        # `qpos`: place in the review queue (easiest status first, input order within); `dpos`: place
        # among verified rows, least confident first. Paging and next/previous read these.
        mem.execute("""CREATE TABLE results AS SELECT *,
                         row_number() OVER (ORDER BY rank, input_row) AS qpos,
                         row_number() OVER (ORDER BY confidence ASC NULLS FIRST, input_row) AS dpos
                       FROM _index ORDER BY qpos""")
        mem.unregister("_index")
        session = cls(db_path, target, frame, inputs, roles, mem)
        session.deps = [r[0] for r in mem.execute(
            "SELECT DISTINCT dep FROM results WHERE dep IS NOT NULL ORDER BY dep").fetchall()]
        session.parties = [r[0] for r in mem.execute(
            "SELECT DISTINCT parti FROM results WHERE parti IS NOT NULL ORDER BY parti").fetchall()]
        ensure_table(db_path)
        session.refresh(force=True)
        if load_registry:
            session.load_registry()
        return session

    def load_registry(self) -> None:
        """Persons and mandates (no birth date) copied into memory: candidates are looked up there."""
        if self._registry_loaded:
            return
        try:
            with _base(self.db_path, read_only=True) as con:
                persons, mandates = self._read_registry(con)
        except duckdb.CatalogException as exc:
            raise ReviewError(f"{self.db_path} : ce n'est pas une base du RNE ({str(exc).splitlines()[0]})") from exc
        persons = persons.with_columns(fold_expr(pl.col("nom")).alias("nom_f"),
                                       fold_expr(pl.col("prenom")).alias("prenom_f"))
        self.mem.register("_p", persons.to_arrow())
        self.mem.register("_m", mandates.to_arrow())
        # Sorted by folded surname: a name search reads only the blocks of one initial.
        self.mem.execute("CREATE OR REPLACE TABLE persons AS SELECT * FROM _p ORDER BY nom_f")
        self.mem.execute("CREATE OR REPLACE TABLE mandates AS SELECT * FROM _m ORDER BY person_id")
        # Point lookups of a row's candidates (a few ids among 500 000 persons) use these.
        self.mem.execute("CREATE INDEX persons_id ON persons (person_id)")
        self.mem.execute("CREATE INDEX mandates_id ON mandates (person_id)")
        self.mem.unregister("_p")
        self.mem.unregister("_m")
        self._registry_loaded = True

    @staticmethod
    def _read_registry(con: duckdb.DuckDBPyConnection) -> tuple[pl.DataFrame, pl.DataFrame]:
        persons = con.sql("SELECT person_id, nom, prenom, sexe FROM persons").pl()
        mcols = {r[0] for r in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'mandates' "
                "AND database_name = current_database()").fetchall()}
        opt = lambda c: c if c in mcols else f"NULL AS {c}"  # noqa: E731
        wanted = ["libelle_commune", "code_commune", "code_departement", "libelle_departement", "code_region",
                  "libelle_region", "libelle_canton", "libelle_epci", "libelle_collectivite", "libelle_section",
                  "secteur", "libelle_circonscription", "date_debut_mandat", "date_debut_fonction", "release"]
        mandates = con.sql(f"""
            WITH m AS (SELECT person_id, kind, fonction, {', '.join(opt(c) for c in wanted)} FROM mandates),
            latest AS (SELECT kind, max(release) AS release FROM mandates GROUP BY kind)
            SELECT m.person_id, m.kind, m.fonction, m.code_commune, m.libelle_commune, m.code_departement,
                   coalesce(m.libelle_departement, d.libelle_departement) AS libelle_departement,
                   coalesce(m.code_region, d.code_region) AS code_region,
                   {PLACE_SQL.replace('libelle_departement', 'coalesce(m.libelle_departement, d.libelle_departement)')} AS lieu,
                   m.date_debut_mandat, m.date_debut_fonction, m.release,
                   latest.kind IS NOT NULL AS courant
            FROM m LEFT JOIN latest USING (kind, release)
            LEFT JOIN departements d ON d.code_departement = m.code_departement""").pl()
        return persons, mandates

    # -- decisions ----------------------------------------------------------------------------
    def _file_stamp(self) -> tuple:
        out = []
        for p in (self.db_path, Path(str(self.db_path) + ".wal")):
            try:
                st = os.stat(p)
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def _install(self, decisions: pl.DataFrame | None = None, added: dict | None = None, stamp: tuple | None = None) -> None:
        """The decisions of this input in memory (all of them, or one more), and those in force; `stamp`, the
        base's file stamp taken *before* they were read (a commit after it changes the stamp, so it is seen)."""
        cur = self.mem.cursor()
        if decisions is not None:
            cur.register("_d", decisions.to_arrow())
            cur.execute("CREATE OR REPLACE TABLE decisions AS SELECT * FROM _d")
            cur.unregister("_d")
        elif added is not None:
            cur.execute(f"INSERT INTO decisions BY NAME SELECT {', '.join(f'? AS {c}' for c in added)}",
                        list(added.values()))
        cur.execute(f"CREATE OR REPLACE TABLE eff AS {EFFECTIVE_SQL}", [self.target.source, self.target.source])
        self._count = _one(cur.execute("SELECT count(*) FROM decisions"))[0]
        self._stamp = stamp

    def refresh(self, force: bool = False) -> None:
        """Re-read the decisions when the base changed on disk (another viewer decided)."""
        if not force and self._file_stamp() == self._stamp:
            return
        with self._lock:
            stamp = self._file_stamp()
            self._install(read_decisions(self.db_path, self.target.source), stamp=stamp)

    def decide(self, input_row: int, action: str, *, person_id: str | None = None, duplicate_of: int | None = None,
               note: str | None = None, reviewer: str | None = None) -> int | None:
        key = self.row_key(input_row)
        if action == "accept" and not person_id:
            raise ReviewError("accepter : quel·le candidat·e ?")
        if action == "duplicate" and (duplicate_of is None or duplicate_of == input_row
                                      or not 1 <= duplicate_of <= self.frame.height):
            raise ReviewError(f"doublon : numéro de ligne invalide ({duplicate_of}) ; "
                              f"entre 1 et {self.frame.height}, autre que la ligne elle-même")
        with self._lock:
            written, everything = record_decision(
                self.db_path, self.target, input_row, key, action, person_id=person_id, duplicate_of=duplicate_of,
                note=(note or "").strip()[:2000] or None, reviewer=reviewer, known=self._count)
            # (no stamp: another viewer may commit between our transaction and any stamp taken now, so the
            # next look at the queue re-reads the decisions)
            if everything is not None:
                self._install(everything)
            else:
                self._install(added=written)
        return written["decision_id"] if written else None

    def history(self, row_key: str) -> list[dict]:
        """Every decision on this row, undone ones and those of earlier runs of the input included."""
        rows = self.mem.cursor().execute(
            """SELECT decision_id, action, person_id, duplicate_of, note, reviewer, decided_at, undone_decision_id,
                      run_id FROM decisions WHERE row_key = ? ORDER BY decision_id""", [row_key])
        names = [d[0] for d in rows.description]
        return [dict(zip(names, r, strict=True)) for r in rows.fetchall()]

    def row_key(self, input_row: int) -> str:
        if not 1 <= input_row <= self.frame.height:
            raise ReviewError(f"ligne {input_row} inexistante")
        return self.frame["row_key"][input_row - 1]

    # -- queue --------------------------------------------------------------------------------
    def _where(self, f: Filters) -> tuple[str, list]:
        conds, params = [], []
        if f.vue == "douteuses":
            conds.append("r.status = 'verified'")
        else:
            conds.append("r.status <> 'verified'")
            if f.statut:
                conds.append("r.status = ?")
                params.append(f.statut)
        if f.dep:
            conds.append("r.dep = ?")
            params.append(f.dep)
        if f.parti:
            conds.append("r.parti = ?")
            params.append(f.parti)
        if f.decide == "oui":
            conds.append("e.action IS NOT NULL")
        elif f.decide == "non":
            conds.append("e.action IS NULL")
        if f.q.strip().isdigit():  # a row number
            conds.append("r.input_row = ?")
            params.append(int(f.q.strip()))
        elif f.q.strip():
            for w in fold(f.q).split():
                conds.append("contains(r.signataire_f, ?)")
                params.append(w)
        return " AND ".join(conds) or "true", params

    @staticmethod
    def _order(f: Filters) -> str:
        return "r.dpos" if f.vue == "douteuses" else "r.qpos"

    def queue(self, f: Filters) -> dict:
        self.refresh()
        cur = self.mem.cursor()
        where, params = self._where(f)
        base = f"FROM results r LEFT JOIN eff e USING (row_key) WHERE {where}"
        total = _one(cur.execute(f"SELECT count(*) {base}", params))[0]
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(f.page, pages)
        rows = cur.execute(
            f"""SELECT r.input_row, r.status, r.confidence, r.signataire, r.mandat, r.dep, r.parti, r.reason,
                       r.auto_duplicate_of, e.action, e.person_id, e.duplicate_of, e.note, e.reviewer
                {base} ORDER BY {self._order(f)} LIMIT {PAGE_SIZE} OFFSET {(page - 1) * PAGE_SIZE}""",
            params)
        names = [d[0] for d in rows.description]
        items = [dict(zip(names, r, strict=True)) for r in rows.fetchall()]
        counts = cur.execute("""SELECT r.status, count(*), count(e.action) FROM results r
                                LEFT JOIN eff e USING (row_key) GROUP BY r.status""").fetchall()
        by_status = {s: (n, d) for s, n, d in counts}
        to_review = sum(n for s, (n, _) in by_status.items() if s != "verified")
        decided = sum(d for s, (_, d) in by_status.items() if s != "verified")
        return {"lignes": items, "total": total, "page": page, "pages": pages, "by_status": by_status,
                "to_review": to_review, "decided": decided, "rows": self.frame.height}

    def neighbours(self, input_row: int, f: Filters, next_only: bool = False) -> tuple[int | None, int | None, int | None]:
        """Previous and next rows in the filtered queue order and this row's place in it (1-based;
        None when the row is not in the filtered queue, e.g. just decided while showing the rows
        to decide: the next is then the first row after its place)."""
        self.refresh()
        cur = self.mem.cursor()
        where, params = self._where(f)
        order = self._order(f)
        me = _one(cur.execute(f"SELECT {order.replace('r.', '')} FROM results WHERE input_row = ?", [input_row]))
        if me is None:
            return None, None, None
        base = f"FROM results r LEFT JOIN eff e USING (row_key) WHERE {where}"
        nxt = _one(cur.execute(f"SELECT r.input_row {base} AND {order} > ? ORDER BY {order} LIMIT 1", [*params, me[0]]))
        if next_only:
            return None, (nxt[0] if nxt else None), None
        prev = _one(cur.execute(f"SELECT r.input_row {base} AND {order} < ? ORDER BY {order} DESC LIMIT 1",
                                [*params, me[0]]))
        pos = _one(cur.execute(f"SELECT count(*) FILTER ({order} < ?), count(*) FILTER ({order} = ?) {base} "
                               f"AND {order} <= ?", [me[0], me[0], *params, me[0]]))
        return (prev[0] if prev else None), (nxt[0] if nxt else None), (pos[0] + 1 if pos[1] else None)

    # -- one row ------------------------------------------------------------------------------
    def row(self, input_row: int) -> dict:
        self.refresh()
        if not 1 <= input_row <= self.frame.height:
            raise ReviewError(f"ligne {input_row} inexistante")
        rec = self.frame.row(input_row - 1, named=True)
        cur = self.mem.cursor()
        eff = _one(cur.execute("SELECT action, person_id, duplicate_of, note, reviewer, decided_at, decision_id "
                          "FROM eff WHERE row_key = ?", [rec["row_key"]]))
        decision = dict(zip(["action", "person_id", "duplicate_of", "note", "reviewer", "decided_at", "decision_id"],
                            eff, strict=True)) if eff else None
        claim = self.claim(rec)
        name = _one(cur.execute("SELECT signataire FROM results WHERE input_row = ?", [input_row]))[0]
        return {"rec": rec, "signataire": name, "inputs": [(c, rec.get(c)) for c in self.inputs], "decision": decision,
                "claim": claim, "candidates": self.candidates(rec, claim)}

    def claim(self, rec: dict) -> dict:
        """The mandate and place the signer stated, as the matcher read them."""
        stated = parse_mandate(rec.get(self.roles["mandat"]) if "mandat" in self.roles else None)
        return {"kind": stated.kind, "fonction": stated.fonction, "lieu_type": rec.get("lieu_type"),
                "lieu_code": rec.get("lieu_code"), "lieu": rec.get("lieu"),
                "lieu_departement": rec.get("lieu_departement") or stated.code_departement,
                "lieu_note": rec.get("lieu_note"), "code_region": stated.code_region, "text": stated.text}

    def candidate_ids(self, rec: dict) -> list[tuple[str, float | None]]:
        ids: list[tuple[str, float | None]] = []
        if rec.get("rne_person_id"):
            ids.append((rec["rne_person_id"], None))
        if "rne_candidats" in rec:
            ids += [(p, None) for p in (rec.get("rne_candidats") or "").split() if p]
        else:
            ids += self.search_persons(rec)
        out, seen = [], set()
        for pid, score in ids:
            if pid not in seen:
                seen.add(pid)
                out.append((pid, score))
        return out[:9]

    def search_persons(self, rec: dict, limit: int = 9) -> list[tuple[str, float]]:
        self.load_registry()
        nom = fold(rec.get(self.roles["nom"])) if "nom" in self.roles else ""
        prenom = fold(rec.get(self.roles["prenom"])) if "prenom" in self.roles else ""
        full = fold(rec.get(self.roles["nom_complet"])) if "nom_complet" in self.roles else ""
        cur = self.mem.cursor()
        # Same initial of the surname (as the matcher's blocking): a range of the sorted table.
        if nom:
            block, args = self._initial_block([nom])
            rows = cur.execute(
                f"""SELECT person_id, 0.65 * jaro_winkler_similarity(nom_f, ?)
                                      + 0.35 * jaro_winkler_similarity(prenom_f, ?) AS s
                    FROM ({block}) WHERE jaro_winkler_similarity(nom_f, ?) >= 0.8
                    ORDER BY s DESC, person_id LIMIT ?""", [nom, prenom, *args, nom, limit]).fetchall()
        elif full:
            block, args = self._initial_block(full.split())
            rows = cur.execute(
                f"""SELECT person_id, greatest(jaro_winkler_similarity(nom_f || ' ' || prenom_f, ?),
                                               jaro_winkler_similarity(prenom_f || ' ' || nom_f, ?)) AS s
                    FROM ({block}) WHERE list_has_any(string_split(nom_f, ' '), string_split(?, ' '))
                    ORDER BY s DESC, person_id LIMIT ?""", [full, full, *args, full, limit]).fetchall()
        else:
            rows = []
        return [(r[0], round(r[1], 3)) for r in rows]

    @staticmethod
    def _initial_block(words: list[str]) -> tuple[str, list[str]]:
        """Persons whose folded surname starts with the initial of one of `words`."""
        initials = sorted({w[0] for w in words if w})
        parts = ["SELECT person_id, nom_f, prenom_f FROM persons WHERE nom_f >= ? AND nom_f < ?"] * len(initials)
        args = [x for i in initials for x in (i, chr(ord(i) + 1))]
        return " UNION ALL ".join(parts) or "SELECT person_id, nom_f, prenom_f FROM persons WHERE false", args

    def candidates(self, rec: dict, claim: dict) -> list[dict]:
        ids = self.candidate_ids(rec)
        if not ids:
            return []
        self.load_registry()
        cur = self.mem.cursor()
        pid_list = [p for p, _ in ids]
        marks = ", ".join("?" * len(pid_list))
        persons = {r[0]: r for r in cur.execute(
            f"SELECT person_id, nom, prenom, sexe FROM persons WHERE person_id IN ({marks})", pid_list).fetchall()}
        mrows = cur.execute(
            f"""SELECT person_id, kind, fonction, lieu, code_commune, libelle_commune, code_departement,
                      libelle_departement, code_region, date_debut_mandat, date_debut_fonction, release, courant
               FROM mandates WHERE person_id IN ({marks})
               ORDER BY courant DESC, kind, date_debut_mandat""", pid_list)
        names = [d[0] for d in mrows.description]
        mandates: dict[str, list[dict]] = {}
        for r in mrows.fetchall():
            m = dict(zip(names, r, strict=True))
            m["checks"] = _checks(m, claim)
            m["score"] = sum(1 if ok else -1 for _, ok in m["checks"]) + (0.5 if m["kind"] in ELIGIBLE_DEFAULT else 0)
            mandates.setdefault(m["person_id"], []).append(m)
        out = []
        for n, (pid, score) in enumerate(ids, 1):
            p = persons.get(pid)
            if p is None:
                continue
            out.append({"n": n, "person_id": pid, "nom": p[1], "prenom": p[2], "sexe": p[3], "score": score,
                        "retenu": pid == rec.get("rne_person_id"), "mandates": mandates.get(pid, [])})
        for n, c in enumerate(out, 1):
            c["n"] = n
        return out

    def best_mandate(self, person_id: str, rec: dict) -> dict | None:
        claim = self.claim(rec)
        self.load_registry()
        cur = self.mem.cursor()
        mrows = cur.execute("""SELECT person_id, kind, fonction, lieu, code_commune, libelle_commune, code_departement,
                                      libelle_departement, code_region, courant
                               FROM mandates WHERE person_id = ?""", [person_id])
        names = [d[0] for d in mrows.description]
        best = None
        for r in mrows.fetchall():
            m = dict(zip(names, r, strict=True))
            score = (sum(1 if ok else -1 for _, ok in _checks(m, claim)), m["courant"], m["kind"] in ELIGIBLE_DEFAULT)
            if best is None or score > best[0]:
                best = (score, m)
        person = _one(cur.execute("SELECT nom, prenom, sexe FROM persons WHERE person_id = ?", [person_id]))
        if best is None or person is None:
            return None
        return {**best[1], "nom": person[0], "prenom": person[1], "sexe": person[2]}


def _display_name(frame: pl.DataFrame, roles: dict[str, str]) -> pl.Expr:
    parts = []
    if "prenom" in roles:
        parts.append(pl.col(roles["prenom"]))
    if "nom" in roles:
        parts.append(pl.col(roles["nom"]))
    if parts:
        name = pl.concat_str([p.fill_null("") for p in parts], separator=" ").str.strip_chars()
        if "nom_complet" in roles:
            name = pl.when(name == "").then(pl.col(roles["nom_complet"])).otherwise(name)
        return name.fill_null("")
    if "nom_complet" in roles:
        return pl.col(roles["nom_complet"]).fill_null("")
    first = [c for c in frame.columns if c not in ("input_row", "row_key")][0]
    return pl.col(first).cast(pl.String).fill_null("")


def _kind_agrees(stated_kind: str | None, stated_fonction: str | None, m: dict) -> bool | None:
    if not stated_kind:
        return None
    fonction = (m.get("fonction") or "").lower()
    if stated_kind == "mai":
        return m["kind"] == "mai" or fonction.startswith("maire")
    if stated_kind == "cm":
        if stated_fonction == "adjoint":
            return m["kind"] in ("cm", "mai") and ("adjoint" in fonction or "délégué" in fonction)
        return m["kind"] in ("cm", "mai")
    return m["kind"] == stated_kind


def _checks(m: dict, claim: dict) -> list[tuple[str, bool]]:
    """What agrees (True) or contradicts (False) between one mandate and the signer's claim."""
    out: list[tuple[str, bool]] = []
    kind = _kind_agrees(claim.get("kind"), claim.get("fonction"), m)
    if kind is not None:
        out.append(("mandat", kind))
    if claim.get("lieu_type") in COMMUNE_FAMILY and claim.get("lieu_code") and m.get("code_commune"):
        # The same commune through the COG: a commune déléguée is its commune nouvelle.
        out.append(("commune", current_commune(m["code_commune"]) == current_commune(claim["lieu_code"])))
    if claim.get("lieu_type") == "region" and claim.get("lieu_code") and m.get("code_region"):
        out.append(("région", m["code_region"] == claim["lieu_code"]))
    if claim.get("lieu_departement") and m.get("code_departement"):
        out.append(("département", m["code_departement"] == claim["lieu_departement"]))
    return out
