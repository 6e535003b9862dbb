"""The use cases of rne-match, as plain functions: what the CLI, the demo and the notebook call.

Each function is one thing an organiser does (download the RNE, load it, verify a file, extract a
mailbox, measure coverage, query the base) and takes paths and simple options, with the same
defaults as the command line (the data folder and the last base loaded, see `paths`). Errors the user can
act on are `RneMatchError`s with a one-line French message; anything else is a bug.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from . import paths
from .devtools.generate import SIGNATURE_COLUMNS, generate
from .devtools.sample import write_sample_release
from .domain.kinds import KINDS
from .domain.mandates import parse_policy
from .domain.territories import cog_source
from .errors import DownloadError, FormatError, InputError, RegistryError, RneMatchError, SqlRefused
from .inputs import (
    DEFAULT_LIMITS,
    Limits,
    SignatureTable,
    parse_columns_option,
    parse_limits,
    read_signatures,
)
from .inputs.mail.extract import extract_mailbox as _extract
from .inputs.mail.extract import set_words_apart
from .inputs.mail.model import ExtractStatus
from .inputs.roles import MAIL_ROLES
from .locks import connect
from .matching.guided import complete_from_registry
from .matching.pipeline import Status, VerifyResult, prepare_registry, split_results, verify_table
from .matching.weights import MatchOptions
from .paths import current_db, data_dir, default_db, raw_dir
from .progress import bar, download_bar, silent
from .registry.download import API_ROOT, FileOutcome, download_release, latest_release
from .registry.load import LoadResult, load_folder
from .registry.schema import SECRET_TABLE
from .registry.view import Registry, load_registry
from .reports.coverage import LEVELS, MEASURES, coverage_table, load_results, record_run
from .reports.maps import coverage_map as _coverage_map
from .reports.maps import outlines_for
from .reports.outputs import check_output, csv_text, write_table

__all__ = [
    "DEFAULT_LIMITS", "KIND_CODES", "LEVELS", "Limits", "MEASURES", "DownloadError", "DownloadResult", "ExtractResult", "FormatError", "LoadResult", "Registry", "RneMatchError",
    "Status", "VerifyOutcome", "check_output", "coverage", "csv_text", "coverage_map", "current_db", "data_dir", "default_db", "raw_dir", "demo_signatures", "download", "extract_mailbox", "has_outlines",
    "load", "open_registry", "query", "sample_release", "split_results", "territorial_reference", "verify_file", "write_table",
]

KIND_CODES = tuple(KINDS)  # the RNE files: cm, mai, epci, cd, cr, ca, ma, dep, sen, rpe, cons, afe


def territorial_reference() -> str:
    """The COG vintage places are resolved on, and where the shipped table comes from."""
    meta = cog_source()
    return f"COG {meta['cog']} ({meta['package']} {meta['version']})"


# ---------------------------------------------------------------- the registry

@dataclass
class DownloadResult:
    folder: Path  # the release folder, data/raw/<date>/
    outcomes: list[FileOutcome]  # one per file, with its status and message

    @property
    def failed(self) -> list[FileOutcome]:
        """Files not downloaded (rejected or failed); their previous copies are kept."""
        return [o for o in self.outcomes if o.status.failed]


def download(dest: Path | None = None, *, only: list[str] | tuple[str, ...] | None = None,
             api_url: str | None = None, timeout: float = 60.0, retries: int = 3, backoff: float = 1.0,
             progress: bool = False) -> DownloadResult:
    """Fetch the latest RNE release into `dest` (default data/raw), every file checked against the
    SHA-1 the API announces. Raises DownloadError when data.gouv.fr cannot be used at all."""
    folder, outcomes = download_release(
        dest or paths.raw_dir(), only=only or None, api_root=api_url or API_ROOT, timeout=timeout,
        attempts=retries, backoff=backoff, progress=download_bar if progress else None)
    return DownloadResult(folder, outcomes)


def load(source: Path | None = None, db: Path | None = None, *,
         on_file: Callable[[object], None] | None = None, prepare_keys: bool = True,
         progress: bool = False, remember: bool = False) -> LoadResult:
    """Load every RNE file under `source` (default: the latest downloaded release) into a fresh
    DuckDB base swapped in at once (default: `paths.default_db()`); with `remember` (the `load`
    command), recorded as the base later commands use when none is given. With `prepare_keys`, the matcher's keys and indexes are derived now (a few
    seconds on the full RNE, cached beside the base) rather than on the first verification;
    `LoadResult.keys_seconds` says how long that took. With `progress`, bars on stderr (when it
    is a terminal)."""
    if source is None:
        source = latest_release(paths.raw_dir())
        if source is None:
            raise RegistryError("aucune publication téléchargée : lancez d'abord « rne-match download » "
                                "ou indiquez --from DOSSIER")
    steps = bar if progress else silent
    result = load_folder(source, db or paths.default_db(), on_file=on_file, progress=steps)
    if remember:
        paths.remember_base(result.db_path)
    if prepare_keys:
        start = time.perf_counter()
        prepare_registry(load_registry(result.db_path, steps), steps)
        result.keys_seconds = time.perf_counter() - start
    return result


def open_registry(db: Path | None = None, *, progress: bool = False) -> Registry:
    """The registry as the matcher reads it (keys from the cache beside the base when valid).
    Opening it once and passing it to several `verify_file` calls saves reading it again."""
    return load_registry(db or paths.current_db(), bar if progress else silent)


# Statements the `sql` command runs; SUMMARIZE, DESCRIBE, SHOW, VALUES, WITH… are SELECTs to DuckDB.
_QUERY_STATEMENTS = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})
# A read-only connection that cannot reach the file system, the network or extensions, and
# whose settings the query cannot change back (lock_configuration is set last).
_QUERY_CONFIG = {
    "enable_external_access": "false",
    "autoinstall_known_extensions": "false",
    "autoload_known_extensions": "false",
}


def _refuse(sql: str) -> None:
    """Raise SqlRefused unless every statement only reads tables of the base (never the secret)."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise RegistryError(str(exc).splitlines()[0]) from exc
    if not statements:
        raise SqlRefused("requête vide")
    for st in statements:
        if st.type not in _QUERY_STATEMENTS:
            raise SqlRefused(
                f"la commande sql est en lecture seule : {st.type.name} refusé "
                "(SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN)"
            )


def _refuse_secret(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """The person-id secret stays in the base: a query naming its table, or whose tables cannot be
    known before it runs (`query_table` of a computed name…), is refused."""
    try:
        names = con.get_table_names(sql, qualified=True)
    except duckdb.PermissionException:
        raise
    except duckdb.Error as exc:
        raise SqlRefused("tables de la requête indéterminables (nom de table calculé) : refusée") from exc
    if any(n.rsplit(".", 1)[-1].strip('"').lower() == SECRET_TABLE for n in names):
        raise SqlRefused(f"la table « {SECRET_TABLE} » n'est pas consultable")


def query(sql: str, db: Path | None = None) -> pl.DataFrame:
    """A read-only SQL query on the base (the `sql` command). Only SELECT-like and EXPLAIN
    statements run, on a read-only connection without access to files, network or extensions.
    A refused statement is a SqlRefused, a failed one a RegistryError with DuckDB's first line."""
    db = db or paths.current_db()
    if not db.exists():
        raise RegistryError(paths.missing_base(db))
    _refuse(sql)
    try:
        con = connect(db, read_only=True, config=_QUERY_CONFIG)
    except duckdb.ConnectionException as exc:  # in a notebook: the base is already open here
        raise RegistryError(f"{db} : base déjà ouverte par ce programme ; fermez cette connexion "
                            "pour utiliser query") from exc
    try:
        con.execute("SET lock_configuration = true")
        _refuse_secret(con, sql)
        return con.sql(sql).pl()
    except duckdb.PermissionException as exc:
        raise SqlRefused("la commande sql n'accède ni aux fichiers, ni au réseau, ni aux extensions") from exc
    except duckdb.Error as exc:
        msg = str(exc).splitlines()[0]
        if "read-only" in msg:
            raise SqlRefused("la commande sql est en lecture seule (SELECT, WITH, DESCRIBE…)") from exc
        raise RegistryError(msg) from exc
    finally:
        con.close()


# ---------------------------------------------------------------- signatures

@dataclass
class VerifyOutcome:
    table: SignatureTable  # what was read (columns, roles, title lines skipped)
    result: VerifyResult  # input columns + decision columns, and the matching time
    output: Path  # the results file written
    run_id: str | None  # the run recorded in the base, None if it could not be recorded
    record_error: str | None = None  # why it could not (a busy or read-only base), one line
    verified_path: Path | None = None  # with split: the list to publish
    review_path: Path | None = None  # with split: the review queue
    db: Path | None = None  # the base verified against (the last one loaded, when none was given)

    @property
    def frame(self) -> pl.DataFrame:
        return self.result.frame

    def counts(self) -> dict[Status, int]:
        return self.result.counts()


def default_output(signatures: Path) -> Path:
    """`<input>.verifie.csv` beside the input (a mailbox folder keeps its whole name)."""
    return signatures.with_name((signatures.name if signatures.is_dir() else signatures.stem) + ".verifie.csv")


def verify_file(signatures: Path, db: Path | None = None, *, output: Path | None = None,
                columns: str | dict[str, str] | None = None, eligible: str | None = None, split: bool = False,
                registry: Registry | None = None, explain: bool = False, sheet: str | None = None,
                limits: Limits | list[str] | tuple[str, ...] | None = None, progress: bool = False) -> VerifyOutcome:
    """Read a signature file or mailbox, verify every row against the registry, record the run in
    the base (for `coverage`) and write the results (and, with `split`, the list to publish and
    the review queue beside them; with `explain`, an `explication` column of per-field weights).
    Input errors are raised before the registry is read. `sheet` picks a workbook's sheet;
    `limits` (a Limits, or « lignes=2000000 »-style strings) raise what a file may expand to;
    `outcome.table.warnings` says how the file was read. With `progress`, bars on stderr
    (extraction, match keys, verification) when it is a terminal."""
    steps = bar if progress else silent
    policy = parse_policy(eligible)
    roles = parse_columns_option(columns) if isinstance(columns, str) or columns is None else dict(columns)
    bounds = limits if isinstance(limits, Limits) else parse_limits(limits) if limits else DEFAULT_LIMITS
    output = output or default_output(signatures)
    outputs = [output, *(_split_paths(output) if split else ())]
    for path in outputs:
        check_output(path, signatures)
    table = read_signatures(signatures, roles, steps, sheet=sheet, limits=bounds)
    db = db or paths.current_db()
    registry = registry or load_registry(db, steps)
    if table.roles == MAIL_ROLES:  # a mailbox: names only an address gives, read with the registry
        table = SignatureTable(table.path, complete_from_registry(table.frame, registry, table.words), table.roles)
    result = verify_table(table, registry, MatchOptions(eligible=policy), explain=explain, progress=steps)
    run_id, record_error = None, None
    try:  # a busy or read-only base must not lose the results: they are written all the same
        run_id = record_run(db, signatures, result.frame, policy, table.roles.get("parti"), output)
    except RneMatchError as exc:  # BaseBusy: another process kept the base past the lock timeout
        record_error = str(exc)
    except (duckdb.Error, OSError) as exc:
        record_error = str(exc).splitlines()[0]
    outcome = VerifyOutcome(table, result, write_table(result.frame, output), run_id, record_error, db=db)
    if split:
        verified, review = split_results(result.frame)
        verified_path, review_path = _split_paths(output)
        outcome.verified_path = write_table(verified, verified_path)
        outcome.review_path = write_table(review, review_path)
    return outcome


def _split_paths(output: Path) -> tuple[Path, Path]:
    """With `split`: the list to publish and the review queue, beside the results."""
    return (output.with_name(output.stem + ".verifies" + output.suffix),
            output.with_name(output.stem + ".a-relire" + output.suffix))


@dataclass
class ExtractResult:
    frame: pl.DataFrame  # one row per signer found, one per message without a signer
    output: Path | None  # the signatures file written, if asked

    @property
    def signers(self) -> pl.DataFrame:
        return self.frame.filter(pl.col("extraction_statut") == ExtractStatus.SIGNER)

    @property
    def n_messages(self) -> int:
        return self.frame["source"].n_unique()


def extract_mailbox(inbox: Path, output: Path | None = None, *, progress: bool = False) -> ExtractResult:
    """The signers of a petition mailbox (mbox, Maildir, folder of .eml, one .eml), written to
    `output` when given. A mailbox without any message is an InputError."""
    if output is not None:
        check_output(output, inbox)
    frame, _ = set_words_apart(_extract(inbox, bar if progress else silent))  # the words are verify's own
    if frame.is_empty():
        raise InputError(f"{inbox} : aucun message trouvé")
    return ExtractResult(frame, write_table(frame, output) if output is not None else None)


# ---------------------------------------------------------------- reports

def coverage(db: Path | None = None, *, level: str = "departement", results: Path | None = None,
             run_id: str | None = None, frame: pl.DataFrame | None = None) -> pl.DataFrame:
    """Signatures and verified signers per unit (every unit listed), compared with the eligible
    officials there. The results come from `frame`, else a results file, else a run recorded in
    the base (the latest when no id is given)."""
    db = db or paths.current_db()
    if frame is None:
        frame = load_results(db, results, run_id)
    return coverage_table(frame, db, level)


def coverage_map(table: pl.DataFrame, level: str, path: Path, measure: str = "verifiees_pour_1000_elus",
                 geometry: str | None = None) -> Path:
    """A map of a coverage table by département or région (PNG, SVG or HTML by extension):
    `geometry` is a GeoJSON file, « auto » (downloaded once into data/raw/geo) or None (tiles,
    unless an earlier « auto » left outlines in the cache)."""
    return _coverage_map(table, level, path, measure, outlines_for(geometry, paths.raw_dir() / "geo"))


def has_outlines() -> bool:
    """Whether maps drawn without `geometry` will use real outlines (left by an earlier « auto »)."""
    return outlines_for(None, paths.raw_dir() / "geo") is not None


# ---------------------------------------------------------------- development data

def sample_release(folder: Path, seed: int = 2026) -> Path:
    """Write the embedded fictitious RNE release (official 2026 formats) into `folder`."""
    return write_sample_release(folder, seed)


def demo_signatures(registry: Registry, n: int, seed: int = 2023) -> pl.DataFrame:
    """`n` signatures as organisers receive them, drawn from the registry (officials written in
    many ways, impostors, homonyms), with a party column; labels left out."""
    return generate(registry, n, seed=seed).select(*SIGNATURE_COLUMNS, "parti")
