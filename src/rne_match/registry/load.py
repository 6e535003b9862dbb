"""Load every RNE file of a folder into one DuckDB database with a single schema.

Parsing is DuckDB's CSV reader (quote-aware, parallel, with a rejects table); Python only decodes
the bytes and numbers the lines, so that every loaded row keeps the line it came from and every
line that is not loaded is written to `rejects` with a reason. The database is built beside the
target and renamed over it only once complete: an interrupted load leaves the last good one.

The base also holds the users' work: verify runs (`runs`, `signatures`) and review `decisions`.
Load rebuilds only its own tables; every other table of the old base is copied into the new one
just before the swap, while the old base is held read-only so that no run or decision can be
written to it in between (see `carry_over`).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from ..domain.kinds import KINDS
from ..errors import FormatError, InvariantError, RegistryError
from ..files import atomic_write, temporary_name
from ..locks import connect, wait_for_lock, without_duckdb_bar
from ..progress import Steps, silent
from . import schema
from .formats import FileFormat, decode, sniff

RNE_SUFFIXES = (".csv", ".txt", ".tsv")


@dataclass
class FileResult:
    path: Path
    kind: str
    format: str
    rows_loaded: int
    rows_rejected: int
    notes: list[str]


@dataclass
class LoadResult:
    db_path: Path
    files: list[FileResult]
    seconds: float
    keys_seconds: float | None = None  # time to derive the matcher's keys, when done right after
    kept: dict[str, int] = field(default_factory=dict)  # the users' tables carried over: rows each

    def rows_by_kind(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.files:
            out[f.kind] = out.get(f.kind, 0) + f.rows_loaded
        return out

    @property
    def rejected(self) -> int:
        return sum(f.rows_rejected for f in self.files)


def find_rne_files(folder: Path) -> list[Path]:
    """RNE files in a folder and its sub-folders, in a stable order; manifests are skipped."""
    files = [
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in RNE_SUFFIXES and not p.name.startswith(".")
    ]
    return sorted(files)


def _numbered_copy(text: str, fmt: FileFormat, dest: Path) -> None:
    """Write the file as UTF-8 with each line prefixed by its number.

    DuckDB's reader does not report line numbers of good rows; carrying the number as a first
    field makes `source_line` exact even when some lines are rejected.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    series = pl.Series("line", lines, dtype=pl.String)
    numbered = pl.DataFrame({"line": series}).select(
        (pl.int_range(1, pl.len() + 1).cast(pl.String) + fmt.delimiter + pl.col("line")).alias("l")
    )
    with open(dest, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(numbered["l"].str.join("\n").item())
        fh.write("\n")


def _read_csv_sql(fmt: FileFormat, path: Path, numbered: bool, table: str) -> str:
    cols = {"source_line": "VARCHAR"} if numbered else {}
    for i, _ in enumerate(fmt.raw_headers):
        cols[f"c{i}"] = "VARCHAR"
    col_sql = "{" + ", ".join(f"'{k}': '{v}'" for k, v in cols.items()) + "}"
    quote = "'\"'" if fmt.quoted else "''"
    delim = fmt.delimiter.replace("'", "''")
    path_sql = str(path).replace("'", "''")
    return f"""
        read_csv('{path_sql}', delim='{delim}', quote={quote}, escape={quote},
            header=false, skip={fmt.header_line}, auto_detect=false, columns={col_sql},
            store_rejects=true, rejects_table='{table}_rej', rejects_scan='{table}_scan',
            null_padding=false, strict_mode=true)"""


def _read_raw(
    con: duckdb.DuckDBPyConnection, fmt: FileFormat, text: str, data_lines: int,
    in_place: bool, tmpdir: Path, table: str,
) -> None:
    """Read one file into `table`; returns the SQL expression of its line number.

    Fast path: a UTF-8 file read in place; DuckDB keeps insertion order, so the row number gives
    the line, as long as no line was rejected or skipped (the counts prove it). Otherwise the file
    is re-read from a numbered copy, which is exact whatever happens.
    """
    if in_place:
        con.execute(
            f"CREATE TEMP TABLE {table}_fast AS SELECT * FROM "
            + _read_csv_sql(fmt, fmt.path, False, table)
        )
        n = con.execute(f"SELECT count(*) FROM {table}_fast").fetchone()[0]
        n_rej = con.execute(f"SELECT count(*) FROM {table}_rej").fetchone()[0]
        if n == data_lines and n_rej == 0:
            con.execute(f"ALTER TABLE {table}_fast RENAME TO {table}")
            return f"CAST(rowid + {fmt.header_line + 1} AS INTEGER)", f"{table}_rej"
        con.execute(f"DROP TABLE {table}_fast")
    numbered = tmpdir / f"{table}.csv"
    try:
        _numbered_copy(text, fmt, numbered)
        con.execute(
            f"CREATE TEMP TABLE {table} AS SELECT * FROM "
            + _read_csv_sql(fmt, numbered, True, f"{table}n")
        )
    finally:
        numbered.unlink(missing_ok=True)
    return "CAST(source_line AS INTEGER)", f"{table}n_rej"


def _select_canonical(
    fmt: FileFormat, table: str, file_label: str, release: str, line_sql: str
) -> str:
    present = {c: f"c{i}" for i, c in enumerate(fmt.columns) if c}

    def col(name: str) -> str:
        return f"nullif(trim({present[name]}), '')" if name in present else "NULL"

    def first(*names: str) -> str:
        exprs = [col(n) for n in names if n in present]
        if not exprs:
            return "NULL"
        return exprs[0] if len(exprs) == 1 else f"coalesce({', '.join(exprs)})"

    # Overseas collectivités (2022 files) put their code in the « collectivité à statut
    # particulier » column and leave the département empty.
    code_coll = col("code_collectivite")
    overseas = f"CASE WHEN regexp_matches(coalesce({code_coll}, ''), '^9[78]\\d$') THEN {code_coll} END"
    dep = f"coalesce({first('code_departement', 'code_section_dep')}, {overseas})"
    # The 2019-2020 Corsica assembly file (« 5-rne-cac ») names no collectivité: all its members sit in
    # Corsica's (94, as later files write it), which a signer's « Assemblée de Corse » is compared with.
    corsica = fmt.kind == "ma" and not {"code_collectivite", "code_section", "code_region", "code_circ_metro"} & present.keys()
    fonction = col("fonction")
    default_fonction = KINDS[fmt.kind].default_fonction
    if default_fonction:
        fonction = f"coalesce({fonction}, '{default_fonction}')"
    exprs = {
        "kind": f"'{fmt.kind}'",
        "release": f"'{release}'",
        "nom": col("nom"),
        "prenom": col("prenom"),
        "sexe": f"rne_sexe({col('sexe')})",
        "date_naissance": f"rne_date({col('date_naissance')}, true)",
        "date_naissance_texte": col("date_naissance"),
        "fonction": fonction,
        "date_debut_mandat": f"rne_date({col('date_debut_mandat')}, false)",
        "date_debut_fonction": f"rne_date({col('date_debut_fonction')}, false)",
        "date_fin_fonction": f"rne_date({col('date_fin_fonction')}, false)",
        "code_departement": f"rne_dep({dep})",  # then checked against the commune code, below
        "libelle_departement": first("libelle_departement", "libelle_section_dep"),
        "code_commune": f"rne_commune({col('code_commune')}, rne_dep({dep}))",
        "libelle_commune": col("libelle_commune"),
        "code_region": f"rne_pad({col('code_region')}, 2)",
        "libelle_region": col("libelle_region"),
        "code_canton": f"rne_canton({col('code_canton')}, rne_dep({dep}))",
        "libelle_canton": col("libelle_canton"),
        "siren_epci": col("siren_epci"),
        "libelle_epci": col("libelle_epci"),
        "code_collectivite": "'94'" if corsica else f"upper({col('code_collectivite')})",
        "libelle_collectivite": "'Corse'" if corsica else col("libelle_collectivite"),
        "code_section": col("code_section"),
        "libelle_section": col("libelle_section"),
        "secteur": col("secteur"),
        "code_circonscription": first(
            "code_circ_leg", "code_circ_cons", "code_circ_metro", "code_circ_euro", "code_circ_afe"
        ),
        "libelle_circonscription": first(
            "libelle_circ_leg", "libelle_circ_cons", "libelle_circ_metro", "libelle_circ_euro",
            "libelle_circ_afe",
        ),
        "code_nuance": col("code_nuance"),
        "nuance": col("nuance"),
        "source_file": f"'{file_label}'",
        "source_line": line_sql,
    }
    if list(exprs) != [c for c, _ in schema.MANDATE_COLUMNS_LOADED]:
        raise InvariantError("schema drift: the SELECT of load and schema.MANDATE_COLUMNS_LOADED differ")
    select = ",\n  ".join(f"{e} AS {name}" for name, e in exprs.items())
    # A commune lies in the département its code begins with (computed once per row, outside).
    return (f"SELECT * REPLACE (rne_dep_of_commune(code_departement, code_commune) AS code_departement)\n"
            f"FROM (SELECT\n  {select}\nFROM {table})")


def _release_label(path: Path, root: Path) -> str:
    """`2024-07-31_3-elus-epci.csv` carries its date; files of a release folder take its name."""
    stem = path.name
    if len(stem) > 10 and stem[4] == "-" and stem[7] == "-" and stem[:4].isdigit():
        return stem[:10]
    rel = path.parent.relative_to(root) if path.parent != root else Path(root.name)
    return str(rel)


def load_file(
    con: duckdb.DuckDBPyConnection, path: Path, root: Path, index: int, tmpdir: Path
) -> FileResult:
    data = path.read_bytes()
    sha1 = hashlib.sha1(data).hexdigest()
    has_bom = data.startswith(b"\xef\xbb\xbf")
    text, encoding = decode(data, path)
    del data
    fmt = sniff(path, text, encoding)
    table = f"raw{index}"
    label = str(path.relative_to(root)) if path.is_relative_to(root) else path.name
    release = _release_label(path, root)
    n_lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    data_lines = n_lines - fmt.header_line
    in_place = fmt.encoding == "utf-8" and not has_bom
    try:
        line_sql, rej_table = _read_raw(con, fmt, text, data_lines, in_place, tmpdir, table)
    except duckdb.Error as exc:
        raise FormatError(f"{path}: lecture impossible : {exc}") from exc
    del text
    label_sql = label.replace("'", "''")
    canonical = _select_canonical(fmt, table, label_sql, release, line_sql)
    loaded = con.execute(
        f"""INSERT INTO mandates BY NAME
        SELECT *, {schema.PERSON_ID_SQL} AS person_id, {schema.ANOMALIES_SQL} AS anomalies
        FROM ({canonical}) WHERE nom IS NOT NULL OR prenom IS NOT NULL"""
    ).fetchone()[0]
    # Structural rejects from the reader: the line number is our own prefix when it survived.
    con.execute(
        f"""
        INSERT INTO rejects
        SELECT '{label_sql}',
               coalesce(try_cast(split_part(csv_line, ?, 1) AS INTEGER), line::INTEGER),
               CASE error_type
                 WHEN 'MISSING COLUMNS' THEN 'colonnes manquantes : '
                 WHEN 'TOO MANY COLUMNS' THEN 'colonnes en trop : '
                 ELSE 'ligne illisible : ' END || error_message,
               substr(csv_line, length(split_part(csv_line, ?, 1)) + 2, 300)
        FROM (SELECT DISTINCT ON (line) * FROM {rej_table} ORDER BY line, column_idx)
        """,
        [fmt.delimiter, fmt.delimiter],
    )
    con.execute(
        f"""
        INSERT INTO rejects
        SELECT '{label_sql}', source_line, 'nom et prénom vides', NULL
        FROM ({canonical}) WHERE nom IS NULL AND prenom IS NULL
        """
    )
    rejected = con.execute(
        "SELECT count(*) FROM rejects WHERE source_file = ?", [label]
    ).fetchone()[0]
    if loaded + rejected != data_lines:
        # Would mean a line vanished between the file and the tables: never accept that silently.
        raise FormatError(
            f"{path}: {data_lines} lignes de données mais {loaded} chargées + {rejected} rejetées"
        )
    for t in (table, f"{table}_rej", f"{table}n_rej"):
        con.execute(f"DROP TABLE IF EXISTS {t}")
    notes = list(fmt.notes)
    ignored = [h for h, c in zip(fmt.raw_headers, fmt.columns, strict=True) if c is None]
    if ignored:
        notes.append("colonnes ignorées : " + ", ".join(ignored))
    con.execute(
        "INSERT INTO releases VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())",
        [label, release, fmt.kind, fmt.kind_from_name, fmt.description, sha1, loaded, rejected,
         "; ".join(notes) or None],
    )
    return FileResult(path, fmt.kind, fmt.description, loaded, rejected, notes)


def previous_secret(db_path: Path) -> str | None:
    """The person-id secret of the base about to be replaced, so that a person keeps the same id
    across loads. It lives only in the base (no key file to protect, back up or leak beside it):
    deleting the base starts a new secret, hence new ids. A base another process writes to is
    waited for; if it stays busy the load stops (BaseBusy) rather than silently changing every id."""
    if not db_path.exists():
        return None
    try:
        con = connect(db_path, read_only=True)
    except duckdb.Error:
        return None  # not a DuckDB base (or a damaged one): nothing to carry over
    try:
        return schema.read_secret(con)
    finally:
        con.close()


@contextmanager
def hold_previous(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection | None]:
    """The base about to be replaced, attached read-only as `previous` in an in-memory DuckDB and
    held until the caller's block ends: while held, other processes can read it but not write,
    so a run or decision cannot land in it after its tables were copied. Waits for a writer (up
    to the lock timeout); None when there is no base, or a file DuckDB cannot open."""
    if not db_path.exists():
        yield None
        return
    mem = without_duckdb_bar(duckdb.connect())
    path = str(db_path).replace("'", "''")
    try:
        try:
            wait_for_lock(lambda: mem.execute(f"ATTACH '{path}' AS previous (READ_ONLY)"), db_path)
        except duckdb.Error as exc:
            if db_path.stat().st_size == 0:
                yield None  # an empty file holds nobody's work
                return
            # It may hold runs and review decisions (a newer DuckDB's file, a damaged one): never
            # replace it silently; the user decides what to do with it.
            raise RegistryError(
                f"{db_path} : la base existante ne s'ouvre pas ({str(exc).splitlines()[0]}) ; elle n'est pas "
                "remplacée, car elle peut contenir vos vérifications et décisions : déplacez-la (ou "
                "supprimez-la), puis relancez « rne-match load »") from exc
        yield mem
    finally:
        mem.close()


def carry_over(previous: duckdb.DuckDBPyConnection, new_db: Path) -> dict[str, int]:
    """Copy into `new_db` (closed) every table of the held previous base that the load did not
    build: the users' tables, whatever they are (runs, signatures, decisions, and any added
    later), with their definitions (keys included). Returns the rows copied per table."""
    new = str(new_db).replace("'", "''")
    previous.execute(f"ATTACH '{new}' AS fresh")
    try:
        built = {r[0] for r in previous.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'fresh'").fetchall()}
        users = previous.execute(
            "SELECT table_name, sql FROM duckdb_tables() WHERE database_name = 'previous' "
            "AND schema_name = 'main' ORDER BY table_name").fetchall()
        kept = {}
        previous.execute("USE fresh")
        for name, ddl in users:
            if name in built:
                continue
            previous.execute(ddl)
            kept[name] = previous.execute(
                f'INSERT INTO fresh.main."{name}" SELECT * FROM previous.main."{name}"').fetchone()[0]
        previous.execute("CHECKPOINT fresh")
        return kept
    finally:
        previous.execute("USE memory")
        previous.execute("DETACH fresh")


def _stale_wal_remover(db_path: Path) -> Callable[..., bool]:
    """An exit callback for after a successful swap, run while the old base is still held: a WAL
    beside it was left by a writer that crashed; the copy read it (an attached base replays its
    WAL), and DuckDB would refuse to open the new base with it (« WAL does not match »)."""
    def remove(exc_type, exc, tb) -> bool:
        if exc_type is None:
            Path(f"{db_path}.wal").unlink(missing_ok=True)
        return False
    return remove


def load_folder(
    folder: Path,
    db_path: Path,
    on_file: Callable[[FileResult], None] | None = None,
    secret: str | None = None,
    progress: Steps = silent,
) -> LoadResult:
    """Build a fresh database from every RNE file under `folder` and swap it in atomically.

    Person ids are keyed with `secret` (hex), else the previous base's, else a new random one.
    `progress` is shown in bytes of the files read."""
    start = time.perf_counter()
    files = find_rne_files(folder)
    if not files:
        raise FormatError(f"{folder}: aucun fichier du RNE (.csv, .txt) trouvé")
    secret = secret or previous_secret(db_path) or schema.new_secret()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    # Named with the process id, like the base being built: what a killed load left (build file,
    # its WAL, this folder) is removed by atomic_write below (files.remove_stale).
    tmpdir = temporary_name(db_path, ".parts")
    tmpdir.mkdir(exist_ok=True)
    results: list[FileResult] = []
    kept: dict[str, int] = {}
    try:
        # Exits in reverse: the swap first, then the previous base (held from the copy) is released.
        with ExitStack() as held, atomic_write(db_path, suffix=".building", companions=(".wal",)) as tmp_db:
            con = duckdb.connect(str(tmp_db))
            try:
                without_duckdb_bar(con)
                schema.create_registry_tables(con, secret)
                sizes = [p.stat().st_size for p in files]
                with progress("Chargement du RNE", sum(sizes), "o") as advance:
                    for i, path in enumerate(files):
                        res = load_file(con, path, folder, i, tmpdir)
                        results.append(res)
                        advance(sizes[i])
                        if on_file:
                            on_file(res)
                schema.finish_registry(con)
                con.execute("CHECKPOINT")
            finally:
                con.close()
            previous = held.enter_context(hold_previous(db_path))
            if previous is not None:
                kept = carry_over(previous, tmp_db)
            held.push(_stale_wal_remover(db_path))
    finally:
        for p in tmpdir.glob("*"):
            p.unlink()
        tmpdir.rmdir()
    return LoadResult(db_path, results, time.perf_counter() - start, kept=kept)
